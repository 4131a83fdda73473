//! Who could join a project: active people not already on it, with their capacity and
//! planned hours over a window of weeks and how many of the wanted skills they have,
//! ranked in PostgreSQL so the answer is one short list whatever the company's size.

use chrono::NaiveDate;
use sqlx::PgExecutor;

use crate::StoreError;

/// The search: the project, the window, the wanted skills and the people to consider.
#[derive(Debug, Clone)]
pub struct CandidateSearch {
    pub project_id: i64,
    /// First and last Sunday of the window, inclusive.
    pub first_week: NaiveDate,
    pub last_week: NaiveDate,
    /// How many weeks the window holds (capacity counts once per week).
    pub weeks: i32,
    /// Wanted skill tags; when not empty, only people with at least one of them qualify.
    pub skills: Vec<i64>,
    pub department_id: Option<i64>,
    pub include_children: bool,
    /// Matched case-insensitively anywhere in the person's name.
    pub search: Option<String>,
    pub limit: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub name: String,
    pub department_name: Option<String>,
    pub role_name: Option<String>,
    pub weekly_capacity_centihours: i32,
    /// Planned on active assignments of active projects within the window.
    pub planned_centihours: i64,
    /// How many of the wanted skills the person has.
    pub matched_skills: i64,
}

/// The best candidates first: most wanted skills, then most free hours, then by name.
pub async fn rank(
    ex: impl PgExecutor<'_>,
    search: &CandidateSearch,
) -> Result<Vec<Candidate>, StoreError> {
    let pattern = search.search.as_deref().map(crate::like_pattern);
    let rows = sqlx::query_as!(
        Candidate,
        r#"SELECT p.id, p.name, d.name AS "department_name?", r.name AS "role_name?",
                  (p.weekly_capacity * 100)::integer AS "weekly_capacity_centihours!",
                  coalesce(planned.total, 0)::bigint AS "planned_centihours!",
                  coalesce(matched.n, 0) AS "matched_skills!"
           FROM people p
           LEFT JOIN departments d ON d.id = p.department_id
           LEFT JOIN roles r ON r.id = p.role_id
           LEFT JOIN LATERAL (
               SELECT sum(load_in_statuses(l, '{}')) AS total
               FROM person_week_load l
               WHERE l.person_id = p.id AND l.week BETWEEN $2 AND $3
           ) planned ON true
           LEFT JOIN LATERAL (
               SELECT count(*) AS n FROM person_skills ps
               WHERE ps.person_id = p.id AND ps.skill_tag_id = ANY($5)
           ) matched ON true
           WHERE p.is_active
             AND NOT EXISTS (SELECT 1 FROM assignments a
                             WHERE a.person_id = p.id AND a.project_id = $1 AND a.is_active)
             AND (cardinality($5::bigint[]) = 0 OR matched.n > 0)
             AND ($6::bigint IS NULL OR p.department_id IN (SELECT department_scope($6, $7)))
             AND ($8::text IS NULL OR lower(p.name) LIKE $8)
           ORDER BY matched.n DESC,
                    (p.weekly_capacity * 100)::bigint * $4 - coalesce(planned.total, 0) DESC,
                    lower(p.name), p.id
           LIMIT $9"#,
        search.project_id,
        search.first_week,
        search.last_week,
        i64::from(search.weeks),
        &search.skills,
        search.department_id,
        search.include_children,
        pattern,
        search.limit,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}

/// One of a candidate's skills that was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedSkill {
    pub person_id: i64,
    pub skill_id: i64,
    pub name: String,
    pub kind: String,
    pub level: String,
}

/// Which of `skills` each of `people` has, by skill name.
pub async fn matched_skills(
    ex: impl PgExecutor<'_>,
    people: &[i64],
    skills: &[i64],
) -> Result<Vec<MatchedSkill>, StoreError> {
    let rows = sqlx::query_as!(
        MatchedSkill,
        r#"SELECT ps.person_id, s.id AS skill_id, s.name, ps.kind, ps.level
           FROM person_skills ps JOIN skill_tags s ON s.id = ps.skill_tag_id
           WHERE ps.person_id = ANY($1) AND ps.skill_tag_id = ANY($2)
           ORDER BY ps.person_id, lower(s.name)"#,
        people,
        skills,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}
