//! Skills: tags (unique names, `skill_tags_name_key`) and the skills each person has, with
//! a kind (strength, development, learning) and a level (beginner .. expert).

use sqlx::PgExecutor;

use crate::StoreError;
use crate::stored::{NothingShown, Row, Table, constant};

/// A stored skill tag.
pub type SkillTag = Row<SkillFields>;

crate::table::table! {
    /// The writable fields of a tag.
    pub struct SkillFields in "skill_tags" as s {
        name: String => "text",
        category: String => "text",
    }
    shows NothingShown;
    in use when "EXISTS (SELECT 1 FROM person_skills ps WHERE ps.skill_tag_id = t.id)";
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSkill {
    pub skill_tag_id: i64,
    pub name: String,
    pub category: String,
    pub kind: String,
    pub level: String,
}

pub async fn list_tags(
    ex: impl PgExecutor<'_>,
    search: Option<&str>,
) -> Result<Vec<SkillTag>, StoreError> {
    let pattern = search.map(crate::like_pattern);
    let sql = format!(
        "SELECT * FROM ({}) AS row \
         WHERE $1::text IS NULL OR lower(row.name) LIKE $1 OR lower(row.category) LIKE $1 \
         ORDER BY lower(row.category), lower(row.name)",
        SkillFields::SELECT,
    );
    let tags = sqlx::query_as(constant(sql))
        .bind(pattern)
        .fetch_all(ex)
        .await?;
    Ok(tags)
}

/// How many people have the tag.
pub async fn holders(ex: impl PgExecutor<'_>, id: i64) -> Result<i64, StoreError> {
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM person_skills WHERE skill_tag_id = $1"#,
        id
    )
    .fetch_one(ex)
    .await?;
    Ok(count)
}

pub async fn of_person(
    ex: impl PgExecutor<'_>,
    person_id: i64,
) -> Result<Vec<PersonSkill>, StoreError> {
    let skills = sqlx::query_as!(
        PersonSkill,
        r#"SELECT s.skill_tag_id, t.name, t.category, s.kind, s.level
           FROM person_skills s JOIN skill_tags t ON t.id = s.skill_tag_id
           WHERE s.person_id = $1
           ORDER BY lower(t.name)"#,
        person_id,
    )
    .fetch_all(ex)
    .await?;
    Ok(skills)
}

/// Gives a person a skill, or changes its kind and level.
pub async fn set_person_skill(
    ex: impl PgExecutor<'_>,
    person_id: i64,
    skill_tag_id: i64,
    kind: &str,
    level: &str,
) -> Result<(), StoreError> {
    sqlx::query!(
        r#"INSERT INTO person_skills (person_id, skill_tag_id, kind, level) VALUES ($1, $2, $3, $4)
           ON CONFLICT (person_id, skill_tag_id)
           DO UPDATE SET kind = EXCLUDED.kind, level = EXCLUDED.level, updated_at = now(),
                         version = person_skills.version + 1"#,
        person_id,
        skill_tag_id,
        kind,
        level,
    )
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn remove_person_skill(
    ex: impl PgExecutor<'_>,
    person_id: i64,
    skill_tag_id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        "DELETE FROM person_skills WHERE person_id = $1 AND skill_tag_id = $2",
        person_id,
        skill_tag_id,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
