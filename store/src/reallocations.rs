//! Reallocations in PostgreSQL: each project's order of date changes, its plan read with
//! its assignments locked, the set-based write of week changes (the week-load triggers
//! keep the sums), and the audit rows the undo restores from and the history lists.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use sqlx::{PgConnection, PgExecutor};
use wt_domain::hours::Hours;
use wt_domain::reallocation::{CapExcess, Plan, WeekChange};
use wt_domain::weeks::Week;

use crate::StoreError;

/// Takes the next number of `project_id`'s reallocation order. The order row stays locked
/// until the caller's transaction ends, so numbers are handed out in commit order.
pub async fn issue(conn: &mut PgConnection, project_id: i64) -> Result<i64, StoreError> {
    let issued = sqlx::query_scalar!(
        r#"INSERT INTO reallocation_order AS o (project_id, issued) VALUES ($1, 1)
           ON CONFLICT (project_id) DO UPDATE SET issued = o.issued + 1
           RETURNING issued"#,
        project_id,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(issued)
}

/// Locks `project_id`'s order for this transaction and returns the last number applied
/// (0 when none).
pub async fn lock_order(conn: &mut PgConnection, project_id: i64) -> Result<i64, StoreError> {
    let applied = sqlx::query_scalar!(
        "SELECT applied FROM reallocation_order WHERE project_id = $1 FOR UPDATE",
        project_id,
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(applied.unwrap_or(0))
}

/// Records that number `sequence` of the project has applied (or was passed over).
pub async fn mark_applied(
    conn: &mut PgConnection,
    project_id: i64,
    sequence: i64,
) -> Result<(), StoreError> {
    sqlx::query!(
        "UPDATE reallocation_order SET applied = $2 WHERE project_id = $1",
        project_id,
        sequence,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// How many reallocation jobs of the project numbered after `applied` and before `sequence`
/// may still apply (queued or running): the ones number `sequence` must wait for.
pub async fn pending_before(
    conn: &mut PgConnection,
    project_id: i64,
    applied: i64,
    sequence: i64,
) -> Result<i64, StoreError> {
    let pending = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM jobs
           WHERE kind = 'reallocate' AND state IN ('queued', 'running')
             AND (payload ->> 'projectId')::bigint = $1
             AND (payload ->> 'sequence')::bigint > $2
             AND (payload ->> 'sequence')::bigint < $3"#,
        project_id,
        applied,
        sequence,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(pending)
}

/// Locks the project's active assignments (in id order, as every writer does) and returns
/// their planned weeks.
pub async fn lock_plan(conn: &mut PgConnection, project_id: i64) -> Result<Plan, StoreError> {
    sqlx::query!(
        r#"SELECT id FROM assignments WHERE project_id = $1 AND is_active
           ORDER BY id FOR UPDATE"#,
        project_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = sqlx::query!(
        r#"SELECT w.assignment_id, w.week, w.centihours
           FROM assignment_weeks w JOIN assignments a ON a.id = w.assignment_id
           WHERE a.project_id = $1 AND a.is_active"#,
        project_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut plan: Plan = BTreeMap::new();
    for row in rows {
        let week = Week::from_sunday(row.week)
            .map_err(|e| StoreError::Corrupt(format!("assignment {}: {e}", row.assignment_id)))?;
        let hours = Hours::from_centihours(row.centihours).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "assignment {}: hours out of range",
                row.assignment_id
            ))
        })?;
        plan.entry(row.assignment_id)
            .or_default()
            .insert(week, hours);
    }
    Ok(plan)
}

/// Writes every change's `after` in two statements (zero deletes the week) and bumps the
/// changed assignments' versions, so clients holding an old copy get 412 on their edit.
/// An assignment deleted since has no weeks to write (only a forced undo meets one).
pub async fn write_changes(
    conn: &mut PgConnection,
    changes: &[WeekChange],
) -> Result<(), StoreError> {
    let ids: Vec<i64> = changes.iter().map(|c| c.assignment_id).collect();
    let weeks: Vec<NaiveDate> = changes.iter().map(|c| c.week.as_date()).collect();
    let after: Vec<i32> = changes.iter().map(|c| c.after.centihours()).collect();
    crate::assignments_bulk::lock_loads(conn, ids.iter().copied()).await?;
    sqlx::query!(
        r#"DELETE FROM assignment_weeks w
           USING unnest($1::bigint[], $2::date[], $3::integer[]) AS c(assignment_id, week, after)
           WHERE w.assignment_id = c.assignment_id AND w.week = c.week AND c.after = 0"#,
        &ids,
        &weeks,
        &after,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        r#"INSERT INTO assignment_weeks (assignment_id, week, centihours)
           SELECT assignment_id, week, after
           FROM unnest($1::bigint[], $2::date[], $3::integer[]) AS c(assignment_id, week, after)
           WHERE after > 0 AND EXISTS (SELECT 1 FROM assignments a WHERE a.id = c.assignment_id)
           ORDER BY assignment_id, week
           ON CONFLICT (assignment_id, week) DO UPDATE SET centihours = EXCLUDED.centihours"#,
        &ids,
        &weeks,
        &after,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        r#"UPDATE assignments SET version = version + 1, updated_at = now()
           WHERE id IN (SELECT DISTINCT unnest($1::bigint[]))"#,
        &ids,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A reallocation to record.
#[derive(Debug, Clone)]
pub struct NewReallocation<'a> {
    pub deliverable_id: i64,
    pub project_id: i64,
    pub job_id: Option<i64>,
    pub sequence: i64,
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub delta_weeks: i64,
    pub changes: &'a [WeekChange],
    pub capped: &'a [CapExcess],
    pub requested_by: Option<i64>,
}

/// Writes the audit row of a reallocation; returns its id.
pub async fn record(conn: &mut PgConnection, new: &NewReallocation<'_>) -> Result<i64, StoreError> {
    let touched: Vec<NaiveDate> = wt_domain::reallocation::touched_weeks(new.changes)
        .into_iter()
        .map(Week::as_date)
        .collect();
    let assignments = wt_domain::reallocation::assignments_of(new.changes).len();
    let json = |value: serde_json::Result<Value>| {
        value.map_err(|e| StoreError::Invalid(format!("reallocation audit: {e}")))
    };
    let id = sqlx::query_scalar!(
        r#"INSERT INTO reallocations (deliverable_id, project_id, job_id, sequence, old_date,
               new_date, delta_weeks, assignments_changed, touched_week_keys, changes, capped,
               requested_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           RETURNING id"#,
        new.deliverable_id,
        new.project_id,
        new.job_id,
        new.sequence,
        new.old_date,
        new.new_date,
        i32::try_from(new.delta_weeks).map_err(|e| StoreError::Invalid(e.to_string()))?,
        i32::try_from(assignments).map_err(|e| StoreError::Invalid(e.to_string()))?,
        &touched,
        json(serde_json::to_value(new.changes))?,
        json(serde_json::to_value(new.capped))?,
        new.requested_by,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// A recorded reallocation, as the undo needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub id: i64,
    pub deliverable_id: i64,
    pub project_id: i64,
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub changes: Vec<WeekChange>,
}

/// The latest reallocation of the deliverable not undone yet, locked for this transaction.
pub async fn latest_undoable(
    conn: &mut PgConnection,
    deliverable_id: i64,
) -> Result<Option<Recorded>, StoreError> {
    let row = sqlx::query!(
        r#"SELECT id, deliverable_id, project_id, old_date, new_date, changes
           FROM reallocations WHERE deliverable_id = $1 AND undone_at IS NULL
           ORDER BY id DESC LIMIT 1 FOR UPDATE"#,
        deliverable_id,
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let changes = serde_json::from_value(row.changes)
        .map_err(|e| StoreError::Corrupt(format!("reallocation {}: {e}", row.id)))?;
    Ok(Some(Recorded {
        id: row.id,
        deliverable_id: row.deliverable_id,
        project_id: row.project_id,
        old_date: row.old_date,
        new_date: row.new_date,
        changes,
    }))
}

/// Marks reallocation `id` undone by `undone_by`.
pub async fn mark_undone(
    conn: &mut PgConnection,
    id: i64,
    undone_by: Option<i64>,
    forced: bool,
    reverted_date: bool,
) -> Result<(), StoreError> {
    sqlx::query!(
        r#"UPDATE reallocations
           SET undone_at = now(), undone_by = $2, undo_forced = $3, undo_reverted_date = $4
           WHERE id = $1"#,
        id,
        undone_by,
        forced,
        reverted_date,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One reallocation as its deliverable's history shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub id: i64,
    pub deliverable_id: i64,
    pub job_id: Option<i64>,
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub delta_weeks: i32,
    pub assignments_changed: i32,
    pub touched_week_keys: Vec<NaiveDate>,
    pub capped: Vec<CapExcess>,
    pub requested_by: Option<i64>,
    pub requested_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub undone_at: Option<DateTime<Utc>>,
    pub undone_by: Option<i64>,
    pub undone_by_name: Option<String>,
    pub undo_reverted_date: Option<bool>,
}

/// The deliverable's reallocations, newest first, with who asked and who undid them.
pub async fn history(
    ex: impl PgExecutor<'_>,
    deliverable_id: i64,
) -> Result<Vec<HistoryEntry>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT r.id, r.deliverable_id, r.job_id, r.old_date, r.new_date, r.delta_weeks,
                  r.assignments_changed, r.touched_week_keys, r.capped, r.requested_by,
                  asked.username AS "requested_by_name?", r.created_at, r.undone_at,
                  r.undone_by, undid.username AS "undone_by_name?", r.undo_reverted_date
           FROM reallocations r
           LEFT JOIN users asked ON asked.id = r.requested_by
           LEFT JOIN users undid ON undid.id = r.undone_by
           WHERE r.deliverable_id = $1
           ORDER BY r.id DESC"#,
        deliverable_id,
    )
    .fetch_all(ex)
    .await?;
    rows.into_iter()
        .map(|r| {
            let capped = serde_json::from_value(r.capped)
                .map_err(|e| StoreError::Corrupt(format!("reallocation {}: {e}", r.id)))?;
            Ok(HistoryEntry {
                id: r.id,
                deliverable_id: r.deliverable_id,
                job_id: r.job_id,
                old_date: r.old_date,
                new_date: r.new_date,
                delta_weeks: r.delta_weeks,
                assignments_changed: r.assignments_changed,
                touched_week_keys: r.touched_week_keys,
                capped,
                requested_by: r.requested_by,
                requested_by_name: r.requested_by_name,
                created_at: r.created_at,
                undone_at: r.undone_at,
                undone_by: r.undone_by,
                undone_by_name: r.undone_by_name,
                undo_reverted_date: r.undo_reverted_date,
            })
        })
        .collect()
}
