//! Projects: the work people are planned on. Project numbers are unique when present
//! (`projects_number_key`). A project with assignments is deactivated, not deleted.

use chrono::{DateTime, NaiveDate, Utc};
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use serde::{Deserialize, Serialize};
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

/// The orders a list may be sorted in (the API's allow-list maps onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectSort {
    #[default]
    Name,
    NameDesc,
    Client,
    ClientDesc,
    Status,
    StatusDesc,
    Start,
    StartDesc,
    Created,
    CreatedDesc,
}

impl ProjectSort {
    fn key(self) -> &'static str {
        match self {
            ProjectSort::Name => "name",
            ProjectSort::NameDesc => "-name",
            ProjectSort::Client => "client",
            ProjectSort::ClientDesc => "-client",
            ProjectSort::Status => "status",
            ProjectSort::StatusDesc => "-status",
            ProjectSort::Start => "start",
            ProjectSort::StartDesc => "-start",
            ProjectSort::Created => "created",
            ProjectSort::CreatedDesc => "-created",
        }
    }
}

/// Which projects to list; `None` means "any". Serializable, so an export job can carry
/// the filters of the list it was asked from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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
    pub sort: ProjectSort,
    pub limit: i64,
    pub offset: i64,
}

/// One page of projects and how many match in all.
pub async fn list<'e>(
    ex: impl PgExecutor<'e> + 'e,
    filter: &ProjectFilter,
) -> Result<(Vec<Project>, i64), StoreError> {
    let rows: Vec<(Project, i64)> = listed(ex, filter).try_collect().await?;
    let total = rows.first().map_or(0, |(_, total)| *total);
    Ok((
        rows.into_iter().map(|(project, _)| project).collect(),
        total,
    ))
}

/// The projects `filter` selects, in its order, one at a time as PostgreSQL sends them
/// (exports write them out without holding them all).
pub fn stream<'e>(
    ex: impl PgExecutor<'e> + 'e,
    filter: &ProjectFilter,
) -> BoxStream<'e, Result<Project, StoreError>> {
    listed(ex, filter).map_ok(|(project, _)| project).boxed()
}

/// The rows of a list, each with the count of all matching rows.
fn listed<'e>(
    ex: impl PgExecutor<'e> + 'e,
    filter: &ProjectFilter,
) -> BoxStream<'e, Result<(Project, i64), StoreError>> {
    let pattern = filter.search.as_deref().map(crate::like_pattern);
    sqlx::query!(
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
        filter.sort.key(),
        filter.limit,
        filter.offset,
        filter.department_id,
        filter.include_children,
    )
    .fetch(ex)
    .map(|row| {
        let r = row?;
        let project = Project {
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
        };
        Ok((project, r.total))
    })
    .boxed()
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
