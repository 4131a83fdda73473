//! Deliverables: dated milestones of a project, kept in a user-chosen order, with the
//! people linked to each. Completing one records the completion date; reopening clears it.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgExecutor};

use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deliverable {
    pub id: i64,
    pub project_id: i64,
    pub project_name: String,
    pub description: String,
    pub percentage: Option<i16>,
    pub date: Option<NaiveDate>,
    pub sort_order: i32,
    pub is_completed: bool,
    pub completed_date: Option<NaiveDate>,
    pub notes: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// The writable fields of a deliverable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliverableFields {
    pub description: String,
    pub percentage: Option<i16>,
    pub date: Option<NaiveDate>,
    pub is_completed: bool,
    pub notes: String,
}

/// A project's deliverables in their order.
pub async fn of_project(
    ex: impl PgExecutor<'_>,
    project_id: i64,
) -> Result<Vec<Deliverable>, StoreError> {
    let rows = sqlx::query_as!(
        Deliverable,
        r#"SELECT d.id, d.project_id, p.name AS project_name, d.description, d.percentage,
                  d.date, d.sort_order, d.is_completed, d.completed_date, d.notes, d.version,
                  d.updated_at
           FROM deliverables d JOIN projects p ON p.id = d.project_id
           WHERE d.project_id = $1
           ORDER BY d.sort_order, d.id"#,
        project_id,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}

/// Deliverables dated within `first..=last` on active projects, by date.
pub async fn calendar(
    ex: impl PgExecutor<'_>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<Deliverable>, StoreError> {
    let rows = sqlx::query_as!(
        Deliverable,
        r#"SELECT d.id, d.project_id, p.name AS project_name, d.description, d.percentage,
                  d.date, d.sort_order, d.is_completed, d.completed_date, d.notes, d.version,
                  d.updated_at
           FROM deliverables d JOIN projects p ON p.id = d.project_id AND p.is_active
           WHERE d.date BETWEEN $1 AND $2
           ORDER BY d.date, lower(p.name), d.sort_order"#,
        first,
        last,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}

pub async fn find(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<Deliverable>, StoreError> {
    let row = sqlx::query_as!(
        Deliverable,
        r#"SELECT d.id, d.project_id, p.name AS project_name, d.description, d.percentage,
                  d.date, d.sort_order, d.is_completed, d.completed_date, d.notes, d.version,
                  d.updated_at
           FROM deliverables d JOIN projects p ON p.id = d.project_id
           WHERE d.id = $1"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    Ok(row)
}

/// The dates of the project's other dated deliverables (a moved one's neighbours are
/// among them).
pub async fn other_dates(
    ex: impl PgExecutor<'_>,
    project_id: i64,
    id: i64,
) -> Result<Vec<NaiveDate>, StoreError> {
    let dates = sqlx::query_scalar!(
        r#"SELECT date AS "date!" FROM deliverables
           WHERE project_id = $1 AND id <> $2 AND date IS NOT NULL"#,
        project_id,
        id,
    )
    .fetch_all(ex)
    .await?;
    Ok(dates)
}

/// Locks deliverable `id` for this transaction; returns whether it exists.
pub async fn lock(conn: &mut PgConnection, id: i64) -> Result<bool, StoreError> {
    let found = sqlx::query_scalar!("SELECT id FROM deliverables WHERE id = $1 FOR UPDATE", id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// Sets only the date (an undo putting it back), bumping the version.
pub async fn set_date(conn: &mut PgConnection, id: i64, date: NaiveDate) -> Result<(), StoreError> {
    sqlx::query!(
        "UPDATE deliverables SET date = $2, updated_at = now(), version = version + 1 WHERE id = $1",
        id,
        date,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Adds a deliverable at the end of its project's order.
pub async fn insert(
    conn: &mut PgConnection,
    project_id: i64,
    f: &DeliverableFields,
) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar!(
        r#"INSERT INTO deliverables (project_id, description, percentage, date, sort_order,
                                     is_completed, completed_date, notes)
           VALUES ($1, $2, $3, $4,
                   (SELECT coalesce(max(sort_order), -1) + 1 FROM deliverables WHERE project_id = $1),
                   $5, CASE WHEN $5 THEN CURRENT_DATE END, $6)
           RETURNING id"#,
        project_id,
        f.description,
        f.percentage,
        f.date,
        f.is_completed,
        f.notes,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Replaces the writable fields at `expected_version`; completing sets today's date as the
/// completion date (kept while it stays completed), reopening clears it.
pub async fn update(
    ex: impl PgExecutor<'_>,
    id: i64,
    f: &DeliverableFields,
    expected_version: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"UPDATE deliverables
           SET description = $2, percentage = $3, date = $4, is_completed = $5,
               completed_date = CASE WHEN NOT $5 THEN NULL
                                     ELSE coalesce(completed_date, CURRENT_DATE) END,
               notes = $6, updated_at = now(), version = version + 1
           WHERE id = $1 AND version = $7"#,
        id,
        f.description,
        f.percentage,
        f.date,
        f.is_completed,
        f.notes,
        expected_version,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(
    ex: impl PgExecutor<'_>,
    id: i64,
    expected_version: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        "DELETE FROM deliverables WHERE id = $1 AND version = $2",
        id,
        expected_version
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts a project's deliverables in the order of `ids`, which must name each exactly once.
/// Returns false (changing nothing) when `ids` is not exactly the project's deliverables.
pub async fn reorder(
    conn: &mut PgConnection,
    project_id: i64,
    ids: &[i64],
) -> Result<bool, StoreError> {
    let current: Vec<i64> = sqlx::query_scalar!(
        "SELECT id FROM deliverables WHERE project_id = $1 ORDER BY id FOR UPDATE",
        project_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut wanted = ids.to_vec();
    wanted.sort_unstable();
    if wanted != current {
        return Ok(false);
    }
    let positions: Vec<i32> = (0..).take(ids.len()).collect();
    sqlx::query!(
        r#"UPDATE deliverables d
           SET sort_order = o.position, updated_at = now(), version = d.version + 1
           FROM unnest($1::bigint[], $2::integer[]) AS o(id, position)
           WHERE d.id = o.id AND d.sort_order <> o.position"#,
        ids,
        &positions,
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// A person linked to a deliverable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedPerson {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub role_on_milestone: String,
}

pub async fn people(
    ex: impl PgExecutor<'_>,
    deliverable_id: i64,
) -> Result<Vec<LinkedPerson>, StoreError> {
    let rows = sqlx::query_as!(
        LinkedPerson,
        r#"SELECT l.id, l.person_id, p.name AS person_name, l.role_on_milestone
           FROM deliverable_assignments l JOIN people p ON p.id = l.person_id
           WHERE l.deliverable_id = $1
           ORDER BY lower(p.name), l.id"#,
        deliverable_id,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}

pub async fn link_person(
    ex: impl PgExecutor<'_>,
    deliverable_id: i64,
    person_id: i64,
    role: &str,
) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar!(
        r#"INSERT INTO deliverable_assignments (deliverable_id, person_id, role_on_milestone)
           VALUES ($1, $2, $3) RETURNING id"#,
        deliverable_id,
        person_id,
        role,
    )
    .fetch_one(ex)
    .await?;
    Ok(id)
}

pub async fn unlink_person(
    ex: impl PgExecutor<'_>,
    deliverable_id: i64,
    link_id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        "DELETE FROM deliverable_assignments WHERE id = $1 AND deliverable_id = $2",
        link_id,
        deliverable_id,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
