//! What people do to jobs: cancel one (a queued job ends at once, a running one is asked
//! to stop at its next progress point) and retry one that failed or was cancelled.

use sqlx::{PgConnection, PgExecutor};
use wt_domain::jobs::JobState;

use super::{Job, JobRow, corrupt, job};
use crate::StoreError;

/// The outcome of [`cancel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancel {
    /// The job was queued and is now cancelled; it will never run.
    Cancelled,
    /// The job runs; it was asked to stop (again, if it had been asked before).
    Requested,
    /// The job had already ended in this state.
    AlreadyEnded(JobState),
    /// No such job.
    Missing,
}

/// Cancels job `id`, or asks it to stop when it runs.
pub async fn cancel(ex: impl PgExecutor<'_> + Copy, id: i64) -> Result<Cancel, StoreError> {
    let changed = sqlx::query_scalar!(
        r#"UPDATE jobs
           SET state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
               finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END,
               cancel_requested_at = coalesce(cancel_requested_at, now()),
               updated_at = now(), version = version + 1
           WHERE id = $1 AND state IN ('queued', 'running')
           RETURNING state"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    if let Some(state) = changed {
        return Ok(match state.parse().map_err(corrupt(id))? {
            JobState::Cancelled => Cancel::Cancelled,
            _ => Cancel::Requested,
        });
    }
    let ended = sqlx::query_scalar!("SELECT state FROM jobs WHERE id = $1", id)
        .fetch_optional(ex)
        .await?;
    match ended {
        Some(state) => Ok(Cancel::AlreadyEnded(state.parse().map_err(corrupt(id))?)),
        None => Ok(Cancel::Missing),
    }
}

/// Queues job `id` again when it failed or was cancelled, with `attempts` more attempts
/// ahead of it (the count of attempts made so far is kept, so each attempt keeps its own
/// number). `None` when the job
/// is not in such a state. A job whose dedupe key another unfinished job holds now is
/// refused with [`StoreError::Duplicate`]. The caller pushes the job after commit.
pub async fn retry(
    conn: &mut PgConnection,
    id: i64,
    attempts: u16,
) -> Result<Option<Job>, StoreError> {
    let row = sqlx::query_as!(
        JobRow,
        r#"UPDATE jobs
           SET state = 'queued', max_attempts = attempts + $2, run_after = now(),
               pushed_at = now(), started_at = NULL, finished_at = NULL,
               cancel_requested_at = NULL,
               stage = NULL, progress = 0, message = NULL, result = NULL,
               error_code = NULL, error_message = NULL, updated_at = now(),
               version = version + 1
           WHERE id = $1 AND state IN ('failed', 'cancelled')
           RETURNING id, kind, queue, payload, dedupe_key, state, attempts, max_attempts,
                     stage, progress, message, result, error_code, error_message,
                     requested_by, cancel_requested_at, run_after, created_at, updated_at,
                     started_at, finished_at"#,
        id,
        i32::from(attempts),
    )
    .fetch_optional(&mut *conn)
    .await?;
    job(row)
}
