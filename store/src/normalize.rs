//! Normalizing stored weekly hours to the current hours policy (the production guide's
//! rollout step 1). What is wrong and where each row belongs is decided by the
//! `weekly_hours_normalization` view; this module reports it and applies it, set-based,
//! in the caller's transaction. The schema's checks keep such rows out today, so only data
//! from before them (or written with the checks switched off) is ever found.

use serde::Serialize;
use sqlx::PgConnection;
use wt_domain::hours::HoursTotal;

use crate::StoreError;

/// What normalizing finds (a dry run) or did (an apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormalizeReport {
    /// Stored week rows looked at.
    pub processed: i64,
    /// Rows rewritten, moved, merged or removed.
    pub changed: i64,
    /// Rows moving to another week key or to the assignment they merge into.
    pub keys_shifted: i64,
    /// Places where several rows land on one (assignment, week) and add up.
    pub collisions: i64,
    /// Sum of every row before, in hours.
    pub hours_before: HoursTotal,
    /// Sum after: what was over 168 in a week, or zero and below, is gone.
    pub hours_after: HoursTotal,
    /// Duplicate active assignments merged into the oldest of their kind.
    pub assignments_merged: i64,
}

/// What applying would do, as things stand.
pub async fn report(conn: &mut PgConnection) -> Result<NormalizeReport, StoreError> {
    let row = sqlx::query!(
        r#"SELECT count(*) AS "processed!",
                  count(*) FILTER (WHERE shifted OR group_rows > 1 OR centihours <> group_centihours) AS "changed!",
                  count(*) FILTER (WHERE shifted) AS "keys_shifted!",
                  count(*) FILTER (WHERE group_rows > 1 AND group_index = 1) AS "collisions!",
                  coalesce(sum(centihours), 0)::bigint AS "before!",
                  coalesce(sum(group_centihours) FILTER (WHERE group_index = 1), 0)::bigint AS "after!",
                  (SELECT count(*) FROM duplicate_assignments) AS "merged!"
           FROM weekly_hours_normalization"#,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(NormalizeReport {
        processed: row.processed,
        changed: row.changed,
        keys_shifted: row.keys_shifted,
        collisions: row.collisions,
        hours_before: HoursTotal::from_centihours(row.before),
        hours_after: HoursTotal::from_centihours(row.after),
        assignments_merged: row.merged,
    })
}

/// Rewrites every row the view says is off, then deactivates the merged duplicates (their
/// hours have moved by then, so the week-load triggers move the sums with them).
pub async fn apply(conn: &mut PgConnection) -> Result<(), StoreError> {
    // The temporary table exists only at run time, so these statements are not checked
    // against the schema at build time like the rest.
    sqlx::query(
        r#"CREATE TEMPORARY TABLE normalized ON COMMIT DROP AS
           SELECT assignment_id, week, target_id, target_week, group_index, group_centihours
           FROM weekly_hours_normalization
           WHERE shifted OR group_rows > 1 OR centihours <> group_centihours"#,
    )
    .execute(&mut *conn)
    .await?;
    // Before the first write of hours, as every writer of hours does (migration 29).
    sqlx::query(
        r#"SELECT lock_load_rows(ARRAY(
               SELECT assignment_id FROM normalized UNION SELECT target_id FROM normalized))"#,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        r#"DELETE FROM assignment_weeks w USING normalized n
           WHERE w.assignment_id = n.assignment_id AND w.week = n.week"#,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        r#"INSERT INTO assignment_weeks (assignment_id, week, centihours)
           SELECT target_id, target_week, group_centihours FROM normalized
           WHERE group_index = 1 AND group_centihours > 0
           ORDER BY target_id, target_week"#,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        r#"UPDATE assignments SET is_active = false, version = version + 1, updated_at = now()
           WHERE id IN (SELECT id FROM duplicate_assignments)"#,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
