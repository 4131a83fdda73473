//! What a projects export reads beside the projects themselves: the assignments of a set
//! of projects with their weekly hours (one row per assignment, its weeks in order), the
//! span of weeks they cover, and their deliverables, each streamed one row at a time as
//! PostgreSQL sends them. Projects and people are named as an import finds them again
//! (project number and name, person email and name).

use chrono::NaiveDate;
use futures::stream::{BoxStream, StreamExt};
use sqlx::PgExecutor;

use crate::StoreError;

/// One assignment as an export writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRow {
    pub project_number: Option<String>,
    pub project_name: String,
    pub person_email: Option<String>,
    pub person_name: String,
    pub role_on_project: String,
    pub notes: String,
    pub is_active: bool,
    /// Its weeks (Sundays, ascending) and their hours in hundredths, side by side.
    pub weeks: Vec<NaiveDate>,
    pub centihours: Vec<i32>,
}

/// One deliverable as an export writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliverableRow {
    pub id: i64,
    pub project_number: Option<String>,
    pub project_name: String,
    pub description: String,
    pub percentage: Option<i16>,
    pub date: Option<NaiveDate>,
    pub completed_date: Option<NaiveDate>,
    pub notes: String,
    pub sort_order: i32,
}

/// The assignments of `projects` with their weeks, by project, person and role.
pub fn assignments<'e>(
    ex: impl PgExecutor<'e> + 'e,
    projects: &[i64],
) -> BoxStream<'e, Result<AssignmentRow, StoreError>> {
    sqlx::query_as!(
        AssignmentRow,
        r#"SELECT pr.project_number, pr.name AS project_name, pe.email AS person_email,
                  pe.name AS person_name, a.role_on_project, a.notes, a.is_active,
                  coalesce(array_agg(w.week ORDER BY w.week)
                           FILTER (WHERE w.week IS NOT NULL), '{}') AS "weeks!",
                  coalesce(array_agg(w.centihours ORDER BY w.week)
                           FILTER (WHERE w.week IS NOT NULL), '{}') AS "centihours!"
           FROM assignments a
           JOIN projects pr ON pr.id = a.project_id
           JOIN people pe ON pe.id = a.person_id
           LEFT JOIN assignment_weeks w ON w.assignment_id = a.id
           WHERE a.project_id = ANY($1)
           GROUP BY a.id, pr.id, pe.id
           ORDER BY lower(pr.name), pr.id, lower(pe.name), pe.id, a.role_on_project, a.id"#,
        projects,
    )
    .fetch(ex)
    .map(|row| row.map_err(StoreError::from))
    .boxed()
}

/// The first and last week holding hours of the assignments of `projects`.
pub async fn week_span(
    ex: impl PgExecutor<'_>,
    projects: &[i64],
) -> Result<Option<(NaiveDate, NaiveDate)>, StoreError> {
    let span = sqlx::query!(
        r#"SELECT min(w.week) AS first, max(w.week) AS last
           FROM assignment_weeks w JOIN assignments a ON a.id = w.assignment_id
           WHERE a.project_id = ANY($1)"#,
        projects,
    )
    .fetch_one(ex)
    .await?;
    Ok(span.first.zip(span.last))
}

/// How many assignment and deliverable rows `projects` have together.
pub async fn count_links(ex: impl PgExecutor<'_>, projects: &[i64]) -> Result<i64, StoreError> {
    let count = sqlx::query_scalar!(
        r#"SELECT (SELECT count(*) FROM assignments WHERE project_id = ANY($1))
                + (SELECT count(*) FROM deliverables WHERE project_id = ANY($1)) AS "count!""#,
        projects,
    )
    .fetch_one(ex)
    .await?;
    Ok(count)
}

/// The deliverables of `projects`, by project and in each project's order.
pub fn deliverables<'e>(
    ex: impl PgExecutor<'e> + 'e,
    projects: &[i64],
) -> BoxStream<'e, Result<DeliverableRow, StoreError>> {
    sqlx::query_as!(
        DeliverableRow,
        r#"SELECT d.id, pr.project_number, pr.name AS project_name, d.description,
                  d.percentage, d.date, d.completed_date, d.notes, d.sort_order
           FROM deliverables d JOIN projects pr ON pr.id = d.project_id
           WHERE d.project_id = ANY($1)
           ORDER BY lower(pr.name), pr.id, d.sort_order, d.id"#,
        projects,
    )
    .fetch(ex)
    .map(|row| row.map_err(StoreError::from))
    .boxed()
}
