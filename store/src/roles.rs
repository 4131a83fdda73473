//! Job roles people hold. Names are unique case-insensitively (`roles_name_key`); a role
//! anyone holds cannot be deleted (`people_role_id_fkey`), and the database refuses to
//! deactivate one active people hold (`roles_active_holders`) or to give an active person
//! an inactive one (`people_role_active`).

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;

use crate::{NameFilter, StoreError};

crate::stored!(Role, RoleFields);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The writable fields of a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFields {
    pub name: String,
    pub description: String,
    pub is_active: bool,
}

pub async fn insert(ex: impl PgExecutor<'_>, fields: &RoleFields) -> Result<Role, StoreError> {
    let role = sqlx::query_as!(
        Role,
        r#"INSERT INTO roles (name, description, is_active) VALUES ($1, $2, $3)
           RETURNING id, name, description, is_active, created_at, updated_at, version"#,
        fields.name,
        fields.description,
        fields.is_active,
    )
    .fetch_one(ex)
    .await?;
    Ok(role)
}

pub async fn find(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<Role>, StoreError> {
    let role = sqlx::query_as!(
        Role,
        r#"SELECT id, name, description, is_active, created_at, updated_at, version
           FROM roles WHERE id = $1"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    Ok(role)
}

/// One page ordered by name, and how many match in all.
pub async fn list(
    ex: impl PgExecutor<'_>,
    filter: &NameFilter,
) -> Result<(Vec<Role>, i64), StoreError> {
    let pattern = filter.search.as_deref().map(crate::like_pattern);
    let rows = sqlx::query!(
        r#"SELECT id, name, description, is_active, created_at, updated_at, version, count(*) OVER () AS "total!"
           FROM roles
           WHERE ($1::text IS NULL OR lower(name) LIKE $1)
             AND ($2::bool IS NULL OR is_active = $2)
           ORDER BY lower(name), id
           LIMIT $3 OFFSET $4"#,
        pattern,
        filter.active,
        filter.limit,
        filter.offset,
    )
    .fetch_all(ex)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let items = rows
        .into_iter()
        .map(|r| Role {
            id: r.id,
            name: r.name,
            description: r.description,
            is_active: r.is_active,
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
        })
        .collect();
    Ok((items, total))
}

pub async fn update(
    ex: impl PgExecutor<'_>,
    id: i64,
    fields: &RoleFields,
    expected_version: i64,
) -> Result<Option<Role>, StoreError> {
    let role = sqlx::query_as!(
        Role,
        r#"UPDATE roles
           SET name = $2, description = $3, is_active = $4, updated_at = now(),
               version = version + 1
           WHERE id = $1 AND ($5::bigint IS NULL OR version = $5)
           RETURNING id, name, description, is_active, created_at, updated_at, version"#,
        id,
        fields.name,
        fields.description,
        fields.is_active,
        expected_version,
    )
    .fetch_optional(ex)
    .await?;
    Ok(role)
}

/// Deletes a role no person (active or not) holds. `Ok(false)` otherwise.
pub async fn delete_unused(
    ex: impl PgExecutor<'_>,
    id: i64,
    expected_version: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"DELETE FROM roles r
           WHERE r.id = $1 AND ($2::bigint IS NULL OR r.version = $2)
             AND NOT EXISTS (SELECT 1 FROM people p WHERE p.role_id = r.id)"#,
        id,
        expected_version,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
