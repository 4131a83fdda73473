//! Keeping the ledger and Redis in step, and the ledger small. One reconcile pass is one
//! statement: it takes back the jobs of workers that stopped renewing their leases, and
//! picks the queued jobs that Redis may have lost. Old finished jobs are deleted in
//! batches, so the deletion never holds many locks at once.

use std::time::Duration;

use sqlx::PgExecutor;
use wt_domain::jobs::Queue;

use super::corrupt;
use crate::StoreError;

/// A queued job to hand to Redis again, and how long it must still wait (its backoff).
#[derive(Debug, Clone, PartialEq)]
pub struct Redelivery {
    pub id: i64,
    pub queue: Queue,
    pub attempts: i32,
    pub delay: Duration,
}

/// One reconcile pass, at most `limit` jobs of each sort:
/// - a running job whose lease ran out (its worker stopped) is queued again at once with
///   the error `worker_lost`; past its attempt limit it fails with that error (a job that
///   kills its worker every time ends); asked to stop, it is cancelled;
/// - a queued job not handed to Redis for `grace` is handed over again (a lost push, a
///   flushed Redis; a copy still waiting in Redis absorbs the new one).
///
/// Returns the jobs to push; their `pushed_at` is already set.
pub async fn reconcile(
    ex: impl PgExecutor<'_>,
    grace: Duration,
    limit: i64,
) -> Result<Vec<Redelivery>, StoreError> {
    let rows = sqlx::query!(
        r#"WITH lost AS (
               SELECT id FROM jobs
               WHERE state = 'running' AND lease_expires_at < now()
               ORDER BY lease_expires_at
               LIMIT $2
               FOR UPDATE SKIP LOCKED
           ), taken_back AS (
               UPDATE jobs j
               SET state = CASE WHEN j.cancel_requested_at IS NOT NULL THEN 'cancelled'
                                WHEN j.attempts >= j.max_attempts THEN 'failed'
                                ELSE 'queued' END,
                   finished_at = CASE WHEN j.cancel_requested_at IS NOT NULL
                                        OR j.attempts >= j.max_attempts THEN now() END,
                   error_code = CASE WHEN j.cancel_requested_at IS NULL THEN 'worker_lost'
                                     ELSE j.error_code END,
                   error_message = CASE WHEN j.cancel_requested_at IS NULL
                       THEN format('The worker running attempt %s of %s stopped before it '
                                   'finished (it crashed, was killed or lost its connection).',
                                   j.attempts, j.max_attempts)
                       ELSE j.error_message END,
                   run_after = now(), pushed_at = now(), lease_owner = NULL,
                   lease_expires_at = NULL, updated_at = now(), version = j.version + 1
               FROM lost WHERE j.id = lost.id
               RETURNING j.id, j.queue, j.state, j.attempts, j.run_after
           ), stale AS (
               SELECT id FROM jobs
               WHERE state = 'queued'
                 AND coalesce(pushed_at, created_at) < now() - make_interval(secs => $1)
               ORDER BY coalesce(pushed_at, created_at)
               LIMIT $2
               FOR UPDATE SKIP LOCKED
           ), repushed AS (
               UPDATE jobs j SET pushed_at = now()
               FROM stale WHERE j.id = stale.id
               RETURNING j.id, j.queue, j.attempts, j.run_after
           )
           SELECT id AS "id!", queue AS "queue!", attempts AS "attempts!",
                  extract(epoch FROM greatest(run_after - now(), interval '0'))::float8
                      AS "delay_secs!"
           FROM taken_back WHERE state = 'queued'
           UNION ALL
           SELECT id, queue, attempts,
                  extract(epoch FROM greatest(run_after - now(), interval '0'))::float8
           FROM repushed"#,
        grace.as_secs_f64(),
        limit,
    )
    .fetch_all(ex)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Redelivery {
                id: row.id,
                queue: row.queue.parse().map_err(corrupt(row.id))?,
                attempts: row.attempts,
                delay: Duration::from_secs_f64(row.delay_secs.max(0.0)),
            })
        })
        .collect()
}

/// Deletes at most `batch` jobs that finished more than `age` ago; returns how many.
pub async fn delete_finished(
    ex: impl PgExecutor<'_>,
    age: Duration,
    batch: i64,
) -> Result<u64, StoreError> {
    let done = sqlx::query!(
        r#"DELETE FROM jobs WHERE id IN (
               SELECT id FROM jobs
               WHERE finished_at < now() - make_interval(secs => $1)
               ORDER BY finished_at
               LIMIT $2)"#,
        age.as_secs_f64(),
        batch,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected())
}

/// The staged files unfinished jobs still need (`payload.file`, relative to
/// `BACKUPS_DIR`).
pub async fn files_in_use(ex: impl PgExecutor<'_>) -> Result<Vec<String>, StoreError> {
    let files = sqlx::query_scalar!(
        r#"SELECT payload->>'file' AS "file!" FROM jobs
           WHERE state IN ('queued', 'running') AND payload ? 'file'"#,
    )
    .fetch_all(ex)
    .await?;
    Ok(files)
}

/// Which of `ids` are jobs still in the ledger.
pub async fn existing(ex: impl PgExecutor<'_>, ids: &[i64]) -> Result<Vec<i64>, StoreError> {
    let ids = sqlx::query_scalar!("SELECT id FROM jobs WHERE id = ANY($1)", ids)
        .fetch_all(ex)
        .await?;
    Ok(ids)
}
