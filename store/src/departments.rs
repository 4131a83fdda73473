//! Departments: a tree of teams. The database refuses cycles and trees deeper than ten
//! levels (`departments_no_cycle`, `departments_max_depth`); names are unique
//! case-insensitively (`departments_name_key`).

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;

use crate::{NameFilter, StoreError};

crate::stored!(Department, DepartmentFields);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Department {
    pub id: i64,
    pub name: String,
    pub parent_id: Option<i64>,
    pub manager_id: Option<i64>,
    pub description: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The writable fields of a department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartmentFields {
    pub name: String,
    pub parent_id: Option<i64>,
    pub manager_id: Option<i64>,
    pub description: String,
    pub is_active: bool,
}

pub async fn insert(
    ex: impl PgExecutor<'_>,
    fields: &DepartmentFields,
) -> Result<Department, StoreError> {
    let department = sqlx::query_as!(
        Department,
        r#"INSERT INTO departments (name, parent_id, manager_id, description, is_active)
           VALUES ($1, $2, $3, $4, $5)
           RETURNING id, name, parent_id, manager_id, description, is_active, created_at,
                     updated_at, version"#,
        fields.name,
        fields.parent_id,
        fields.manager_id,
        fields.description,
        fields.is_active,
    )
    .fetch_one(ex)
    .await?;
    Ok(department)
}

pub async fn find(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<Department>, StoreError> {
    let department = sqlx::query_as!(
        Department,
        r#"SELECT id, name, parent_id, manager_id, description, is_active, created_at,
                  updated_at, version
           FROM departments WHERE id = $1"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    Ok(department)
}

/// One page ordered by name, and how many match in all.
pub async fn list(
    ex: impl PgExecutor<'_>,
    filter: &NameFilter,
) -> Result<(Vec<Department>, i64), StoreError> {
    let pattern = filter.search.as_deref().map(crate::like_pattern);
    let rows = sqlx::query!(
        r#"SELECT id, name, parent_id, manager_id, description, is_active, created_at,
                  updated_at, version, count(*) OVER () AS "total!"
           FROM departments
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
        .map(|r| Department {
            id: r.id,
            name: r.name,
            parent_id: r.parent_id,
            manager_id: r.manager_id,
            description: r.description,
            is_active: r.is_active,
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
        })
        .collect();
    Ok((items, total))
}

/// Replaces the writable fields when the row is at `expected_version`. `Ok(None)`: the
/// row is gone or changed meanwhile.
pub async fn update(
    ex: impl PgExecutor<'_>,
    id: i64,
    fields: &DepartmentFields,
    expected_version: i64,
) -> Result<Option<Department>, StoreError> {
    let department = sqlx::query_as!(
        Department,
        r#"UPDATE departments
           SET name = $2, parent_id = $3, manager_id = $4, description = $5, is_active = $6,
               updated_at = now(), version = version + 1
           WHERE id = $1 AND ($7::bigint IS NULL OR version = $7)
           RETURNING id, name, parent_id, manager_id, description, is_active, created_at,
                     updated_at, version"#,
        id,
        fields.name,
        fields.parent_id,
        fields.manager_id,
        fields.description,
        fields.is_active,
        expected_version,
    )
    .fetch_optional(ex)
    .await?;
    Ok(department)
}

/// Deletes a department nothing depends on. `Ok(false)`: gone, changed meanwhile, or still
/// holding people or sub-departments (the caller tells which).
pub async fn delete_unused(
    ex: impl PgExecutor<'_>,
    id: i64,
    expected_version: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"DELETE FROM departments d
           WHERE d.id = $1 AND ($2::bigint IS NULL OR d.version = $2)
             AND NOT EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = d.id)
             AND NOT EXISTS (SELECT 1 FROM people p WHERE p.department_id = d.id)"#,
        id,
        expected_version,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
