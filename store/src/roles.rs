//! Job roles people hold. Names are unique case-insensitively (`roles_name_key`); a role
//! held by active people cannot be deleted or deactivated.

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;

use crate::StoreError;

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

/// Every role ordered by name (a firm has tens of roles, not thousands).
pub async fn list(ex: impl PgExecutor<'_>) -> Result<Vec<Role>, StoreError> {
    let roles = sqlx::query_as!(
        Role,
        r#"SELECT id, name, description, is_active, created_at, updated_at, version
           FROM roles ORDER BY lower(name), id"#,
    )
    .fetch_all(ex)
    .await?;
    Ok(roles)
}

pub async fn update(
    ex: impl PgExecutor<'_>,
    id: i64,
    fields: &RoleFields,
    expected_version: Option<i64>,
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

/// How many active people hold the role.
pub async fn holders(ex: impl PgExecutor<'_>, id: i64) -> Result<i64, StoreError> {
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM people WHERE role_id = $1 AND is_active"#,
        id,
    )
    .fetch_one(ex)
    .await?;
    Ok(count)
}

/// Deletes a role no person (active or not) holds. `Ok(false)` otherwise.
pub async fn delete_unused(
    ex: impl PgExecutor<'_>,
    id: i64,
    expected_version: Option<i64>,
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
