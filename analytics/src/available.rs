//! Who is free: people in scope with at least `minHours` free per week on average over
//! the window and, when skills are asked for, at least one of them; ranked by matched
//! skills, then free hours, then name.

use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::weeks::Week;

use crate::views::{hours, weekly_capacity};
use crate::{AnalyticsError, AvailableParams, counted};

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AvailableView {
    #[schema(value_type = Vec<chrono::NaiveDate>)]
    week_keys: Vec<Week>,
    /// The skill names asked for.
    skills: Vec<String>,
    people: Vec<AvailablePerson>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AvailablePerson {
    id: i64,
    name: String,
    department_name: Option<String>,
    role_name: Option<String>,
    /// Weekly capacity.
    #[schema(value_type = f64)]
    capacity: Hours,
    /// Free hours summed over the window.
    #[schema(value_type = f64)]
    available_hours: HoursTotal,
    /// Free hours per week on average (to the hundredth).
    #[schema(value_type = f64)]
    average_available: HoursTotal,
    /// The asked-for skills this person has, as asked for.
    matched_skills: Vec<String>,
    missing_skills: Vec<String>,
}

pub(crate) async fn render(
    pool: &PgPool,
    params: &AvailableParams,
) -> Result<AvailableView, AnalyticsError> {
    let window = &params.window;
    let (first, last) = window.bounds();
    let statuses = counted();
    let weeks = i64::from(window.weeks);
    let rows = sqlx::query!(
        r#"WITH wanted AS (
               SELECT k.name, k.ord, t.id AS tag_id
               FROM unnest($6::text[]) WITH ORDINALITY AS k(name, ord)
               LEFT JOIN skill_tags t ON lower(t.name) = lower(k.name)
           )
           SELECT p.id, p.name, d.name AS "department_name?", r.name AS "role_name?",
                  w.capacity AS "capacity!", w.available AS "available!",
                  round(w.available::numeric / $7::bigint)::bigint AS "average_available!",
                  coalesce(m.matched, '{}') AS "matched!", coalesce(m.missing, '{}') AS "missing!"
           FROM person_window_load($1, $2, $3, $4, $5) w
           JOIN people p ON p.id = w.person_id
           LEFT JOIN departments d ON d.id = p.department_id
           LEFT JOIN roles r ON r.id = p.role_id
           CROSS JOIN LATERAL (
               SELECT array_agg(k.name ORDER BY k.ord) FILTER (WHERE ps.person_id IS NOT NULL)
                          AS matched,
                      array_agg(k.name ORDER BY k.ord) FILTER (WHERE ps.person_id IS NULL)
                          AS missing
               FROM wanted k
               LEFT JOIN person_skills ps ON ps.skill_tag_id = k.tag_id AND ps.person_id = p.id
           ) m
           WHERE w.available >= $8::bigint * $7
             AND (cardinality($6::text[]) = 0 OR m.matched IS NOT NULL)
           ORDER BY cardinality(m.matched) DESC NULLS LAST, w.available DESC, lower(p.name), p.id
           LIMIT $9"#,
        first,
        last,
        &statuses,
        window.department,
        window.include_children,
        &params.skills,
        weeks,
        i64::from(params.min_hours.centihours()),
        i64::from(params.limit),
    )
    .fetch_all(pool)
    .await?;
    let people = rows
        .into_iter()
        .map(|row| {
            Ok(AvailablePerson {
                id: row.id,
                name: row.name,
                department_name: row.department_name,
                role_name: row.role_name,
                capacity: weekly_capacity(row.capacity)?,
                available_hours: hours(row.available),
                average_available: hours(row.average_available),
                matched_skills: row.matched,
                missing_skills: row.missing,
            })
        })
        .collect::<Result<_, AnalyticsError>>()?;
    Ok(AvailableView {
        week_keys: window.week_keys(),
        skills: params.skills.clone(),
        people,
    })
}
