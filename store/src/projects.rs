//! Projects: the work people are planned on. Project numbers are unique when present
//! (`projects_number_key`). A project with assignments is deactivated, not deleted.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgExecutor;

use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub id: i64,
    pub name: String,
    pub project_number: Option<String>,
    pub client: String,
    pub status: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Estimated hours in hundredths (exact).
    pub estimated_centihours: Option<i64>,
    pub description: String,
    pub notes: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The writable fields of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFields {
    pub name: String,
    pub project_number: Option<String>,
    pub client: String,
    pub status: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub estimated_centihours: Option<i64>,
    pub description: String,
    pub notes: String,
    pub is_active: bool,
}

impl Project {
    pub fn fields(&self) -> ProjectFields {
        ProjectFields {
            name: self.name.clone(),
            project_number: self.project_number.clone(),
            client: self.client.clone(),
            status: self.status.clone(),
            start_date: self.start_date,
            end_date: self.end_date,
            estimated_centihours: self.estimated_centihours,
            description: self.description.clone(),
            notes: self.notes.clone(),
            is_active: self.is_active,
        }
    }
}

/// Which projects to list; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct ProjectFilter {
    /// Any of these statuses (empty: all).
    pub statuses: Vec<String>,
    /// Exact client name, case-insensitively.
    pub client: Option<String>,
    /// Matched case-insensitively anywhere in the name, number or client.
    pub search: Option<String>,
    pub active: Option<bool>,
    /// Only projects with an active assignment of an active person in this department.
    pub department_id: Option<i64>,
    /// With `department_id`: people in its sub-departments count too.
    pub include_children: bool,
    /// One of `name`, `-name`, `client`, `-client`, `status`, `-status`, `start`, `-start`,
    /// `created`, `-created` (the API maps its allow-list onto these).
    pub sort: &'static str,
    pub limit: i64,
    pub offset: i64,
}

pub async fn list(
    ex: impl PgExecutor<'_>,
    filter: &ProjectFilter,
) -> Result<(Vec<Project>, i64), StoreError> {
    let pattern = filter.search.as_deref().map(crate::like_pattern);
    let rows = sqlx::query!(
        r#"SELECT id, name, project_number, client, status, start_date, end_date,
                  (estimated_hours * 100)::bigint AS estimated_centihours, description, notes,
                  is_active, created_at, updated_at, version, count(*) OVER () AS "total!"
           FROM projects
           WHERE (cardinality($1::text[]) = 0 OR status = ANY($1))
             AND ($2::text IS NULL OR lower(client) = lower($2))
             AND ($3::text IS NULL OR lower(name) LIKE $3
                  OR lower(coalesce(project_number, '')) LIKE $3 OR lower(client) LIKE $3)
             AND ($4::bool IS NULL OR is_active = $4)
             AND ($8::bigint IS NULL OR id IN (SELECT staffed_from_department($8, $9)))
           ORDER BY
             CASE WHEN $5 = 'name' THEN lower(name) END ASC,
             CASE WHEN $5 = '-name' THEN lower(name) END DESC,
             CASE WHEN $5 = 'client' THEN lower(client) END ASC,
             CASE WHEN $5 = '-client' THEN lower(client) END DESC,
             CASE WHEN $5 = 'status' THEN status END ASC,
             CASE WHEN $5 = '-status' THEN status END DESC,
             CASE WHEN $5 = 'start' THEN start_date END ASC NULLS LAST,
             CASE WHEN $5 = '-start' THEN start_date END DESC NULLS LAST,
             CASE WHEN $5 = 'created' THEN created_at END ASC,
             CASE WHEN $5 = '-created' THEN created_at END DESC,
             lower(name), id
           LIMIT $6 OFFSET $7"#,
        &filter.statuses,
        filter.client,
        pattern,
        filter.active,
        filter.sort,
        filter.limit,
        filter.offset,
        filter.department_id,
        filter.include_children,
    )
    .fetch_all(ex)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let projects = rows
        .into_iter()
        .map(|r| Project {
            id: r.id,
            name: r.name,
            project_number: r.project_number,
            client: r.client,
            status: r.status,
            start_date: r.start_date,
            end_date: r.end_date,
            estimated_centihours: r.estimated_centihours,
            description: r.description,
            notes: r.notes,
            is_active: r.is_active,
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
        })
        .collect();
    Ok((projects, total))
}

pub async fn find(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<Project>, StoreError> {
    let project = sqlx::query_as!(
        Project,
        r#"SELECT id, name, project_number, client, status, start_date, end_date,
                  (estimated_hours * 100)::bigint AS estimated_centihours, description, notes,
                  is_active, created_at, updated_at, version
           FROM projects WHERE id = $1"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    Ok(project)
}

pub async fn insert(ex: impl PgExecutor<'_>, f: &ProjectFields) -> Result<Project, StoreError> {
    let project = sqlx::query_as!(
        Project,
        r#"INSERT INTO projects (name, project_number, client, status, start_date, end_date,
                                 estimated_hours, description, notes, is_active)
           VALUES ($1, $2, $3, $4, $5, $6, $7::bigint / 100.0, $8, $9, $10)
           RETURNING id, name, project_number, client, status, start_date, end_date,
                     (estimated_hours * 100)::bigint AS estimated_centihours, description,
                     notes, is_active, created_at, updated_at, version"#,
        f.name,
        f.project_number,
        f.client,
        f.status,
        f.start_date,
        f.end_date,
        f.estimated_centihours,
        f.description,
        f.notes,
        f.is_active,
    )
    .fetch_one(ex)
    .await?;
    Ok(project)
}

/// Replaces the writable fields at `expected_version`; `Ok(None)` when gone or changed.
pub async fn update(
    ex: impl PgExecutor<'_>,
    id: i64,
    f: &ProjectFields,
    expected_version: i64,
) -> Result<Option<Project>, StoreError> {
    let project = sqlx::query_as!(
        Project,
        r#"UPDATE projects
           SET name = $2, project_number = $3, client = $4, status = $5, start_date = $6,
               end_date = $7, estimated_hours = $8::bigint / 100.0, description = $9,
               notes = $10, is_active = $11, updated_at = now(), version = version + 1
           WHERE id = $1 AND version = $12
           RETURNING id, name, project_number, client, status, start_date, end_date,
                     (estimated_hours * 100)::bigint AS estimated_centihours, description,
                     notes, is_active, created_at, updated_at, version"#,
        id,
        f.name,
        f.project_number,
        f.client,
        f.status,
        f.start_date,
        f.end_date,
        f.estimated_centihours,
        f.description,
        f.notes,
        f.is_active,
        expected_version,
    )
    .fetch_optional(ex)
    .await?;
    Ok(project)
}

/// Deletes a project with no assignments (its deliverables go with it). `Ok(false)`
/// otherwise, or when the version moved on.
pub async fn delete_unused(
    ex: impl PgExecutor<'_>,
    id: i64,
    expected_version: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"DELETE FROM projects p
           WHERE p.id = $1 AND p.version = $2
             AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = p.id)"#,
        id,
        expected_version,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
