//! The dashboard's activity figures, each its own query run beside the ranking: how many
//! assignments are active and which changed last.

use chrono::NaiveDate;
use sqlx::PgPool;

use super::RecentChange;
use crate::views::hours;
use crate::{DashboardParams, counted};

/// Latest changes shown.
const RECENT_CHANGES: i64 = 10;

/// Active assignments of the people in scope on active projects in the counted statuses.
pub(super) async fn active_assignments(
    pool: &PgPool,
    params: &DashboardParams,
) -> Result<i64, sqlx::Error> {
    let statuses = counted();
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM assignments a
           JOIN projects pr ON pr.id = a.project_id AND pr.is_active
           JOIN people p ON p.id = a.person_id AND p.is_active
           WHERE a.is_active AND pr.status = ANY($1)
             AND ($2::bigint IS NULL OR p.department_id IN (SELECT department_scope($2, $3)))"#,
        &statuses,
        params.window.department,
        params.window.include_children,
    )
    .fetch_one(pool)
    .await
}

/// The latest changed active assignments of the people in scope on counted projects.
pub(super) async fn recent_changes(
    pool: &PgPool,
    params: &DashboardParams,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<RecentChange>, sqlx::Error> {
    let statuses = counted();
    let rows = sqlx::query!(
        r#"SELECT a.id, a.person_id, p.name AS person_name, a.project_id,
                  pr.name AS project_name, a.updated_at,
                  (SELECT sum(w.centihours) FROM assignment_weeks w
                   WHERE w.assignment_id = a.id AND w.week BETWEEN $1 AND $2)::bigint AS hours
           FROM assignments a
           JOIN people p ON p.id = a.person_id AND p.is_active
           JOIN projects pr ON pr.id = a.project_id AND pr.is_active
           WHERE a.is_active AND pr.status = ANY($3)
             AND ($4::bigint IS NULL OR p.department_id IN (SELECT department_scope($4, $5)))
           ORDER BY a.updated_at DESC, a.id DESC
           LIMIT $6"#,
        first,
        last,
        &statuses,
        params.window.department,
        params.window.include_children,
        RECENT_CHANGES,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RecentChange {
            assignment_id: r.id,
            person_id: r.person_id,
            person_name: r.person_name,
            project_id: r.project_id,
            project_name: r.project_name,
            changed_at: r.updated_at,
            hours: r.hours.map(hours),
        })
        .collect())
}
