//! What a worker does to a job it runs. An attempt is identified by its [`Lease`]: the
//! worker process that claimed the job and the attempt number. Every write of the attempt
//! checks both, so an attempt that lost its lease (its worker stalled and another took
//! over) can no longer change the job.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgExecutor;
use wt_domain::jobs::JobState;

use super::{Job, JobError, JobRow, job};
use crate::StoreError;

/// A claimed delivery may come this much early: Redis schedules in whole seconds on the
/// pushing process's clock, the ledger uses the database's.
const EARLY_TOLERANCE_SECS: f64 = 1.0;

/// Who runs an attempt: the worker process that holds the lease, and which attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub owner: String,
    pub attempt: i32,
}

/// The outcome of [`claim`].
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// The job is ours to run as attempt `job.attempts`.
    Taken(Box<Job>),
    /// The job waits for its backoff until this time: deliver it again then.
    Later(DateTime<Utc>),
    /// Nothing to do here: another attempt holds the job, it finished, or it is gone.
    Elsewhere,
}

/// Takes job `id` for `owner` for `lease`: a queued job whose backoff is over, or a running
/// one whose lease ran out (its worker died), as long as attempts remain and nobody asked
/// it to stop.
pub async fn claim(
    ex: impl PgExecutor<'_> + Copy,
    id: i64,
    owner: &str,
    lease: Duration,
) -> Result<Claim, StoreError> {
    let row = sqlx::query_as!(
        JobRow,
        r#"UPDATE jobs
           SET state = 'running', attempts = attempts + 1, lease_owner = $2,
               lease_expires_at = now() + make_interval(secs => $3),
               started_at = now(), stage = NULL, progress = 0, message = NULL,
               updated_at = now(), version = version + 1
           WHERE id = $1
             AND attempts < max_attempts
             AND cancel_requested_at IS NULL
             AND run_after <= now() + make_interval(secs => $4)
             AND (state = 'queued' OR (state = 'running' AND lease_expires_at < now()))
           RETURNING id, kind, queue, payload, dedupe_key, state, attempts, max_attempts,
                     stage, progress, message, result, error_code, error_message,
                     requested_by, cancel_requested_at, run_after, created_at, updated_at,
                     started_at, finished_at"#,
        id,
        owner,
        lease.as_secs_f64(),
        EARLY_TOLERANCE_SECS,
    )
    .fetch_optional(ex)
    .await?;
    if let Some(job) = job(row)? {
        return Ok(Claim::Taken(Box::new(job)));
    }
    let waiting = sqlx::query_scalar!(
        r#"SELECT run_after FROM jobs
           WHERE id = $1 AND state = 'queued' AND cancel_requested_at IS NULL
             AND attempts < max_attempts AND run_after > now()"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    Ok(waiting.map_or(Claim::Elsewhere, Claim::Later))
}

/// A running job held by a worker, as its lease renewal sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub id: i64,
    pub cancel_requested: bool,
}

/// Extends the lease of every job `owner` runs to `lease` from now; returns those jobs,
/// so the worker learns which it still holds and which were asked to stop.
pub async fn renew_leases(
    ex: impl PgExecutor<'_>,
    owner: &str,
    lease: Duration,
) -> Result<Vec<Held>, StoreError> {
    let rows = sqlx::query!(
        r#"UPDATE jobs SET lease_expires_at = now() + make_interval(secs => $2)
           WHERE state = 'running' AND lease_owner = $1
           RETURNING id, cancel_requested_at IS NOT NULL AS "cancel_requested!""#,
        owner,
        lease.as_secs_f64(),
    )
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Held {
            id: row.id,
            cancel_requested: row.cancel_requested,
        })
        .collect())
}

/// Where a running job is, as its handler reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress<'a> {
    pub stage: &'a str,
    pub percent: i16,
    pub message: &'a str,
}

/// What the ledger answered to a progress report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The attempt still holds the job.
    Held,
    /// Someone asked the job to stop.
    CancelRequested,
    /// The attempt lost its lease: another attempt runs the job now.
    Lost,
}

/// Records the stage, percent (0-100) and message of attempt `lease` of job `id`.
pub async fn report_progress(
    ex: impl PgExecutor<'_>,
    id: i64,
    lease: &Lease,
    progress: Progress<'_>,
) -> Result<Standing, StoreError> {
    let cancel_requested = sqlx::query_scalar!(
        r#"UPDATE jobs SET stage = $4, progress = $5, message = $6, updated_at = now()
           WHERE id = $1 AND state = 'running' AND lease_owner = $2 AND attempts = $3
           RETURNING cancel_requested_at IS NOT NULL AS "cancel_requested!""#,
        id,
        lease.owner,
        lease.attempt,
        bounded(progress.stage, 200),
        progress.percent.clamp(0, 100),
        bounded(progress.message, 2000),
    )
    .fetch_optional(ex)
    .await?;
    Ok(standing_of(cancel_requested))
}

/// How attempt `lease` of job `id` stands now, without changing anything.
pub async fn standing(
    ex: impl PgExecutor<'_>,
    id: i64,
    lease: &Lease,
) -> Result<Standing, StoreError> {
    let cancel_requested = sqlx::query_scalar!(
        r#"SELECT cancel_requested_at IS NOT NULL AS "cancel_requested!" FROM jobs
           WHERE id = $1 AND state = 'running' AND lease_owner = $2 AND attempts = $3"#,
        id,
        lease.owner,
        lease.attempt,
    )
    .fetch_optional(ex)
    .await?;
    Ok(standing_of(cancel_requested))
}

fn standing_of(cancel_requested: Option<bool>) -> Standing {
    match cancel_requested {
        None => Standing::Lost,
        Some(true) => Standing::CancelRequested,
        Some(false) => Standing::Held,
    }
}

/// `text` cut to at most `max` characters (the columns' CHECK limits).
fn bounded(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Marks attempt `lease` of job `id` succeeded with its result, inside the transaction
/// that holds the job's effects. Refused (the caller rolls back) when the attempt lost its
/// lease or someone asked the job to stop: a cancel that was accepted always wins.
pub async fn succeed(
    ex: impl PgExecutor<'_>,
    id: i64,
    lease: &Lease,
    result: &Value,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"UPDATE jobs
           SET state = 'succeeded', progress = 100, result = $4, finished_at = now(),
               error_code = NULL, error_message = NULL, lease_owner = NULL,
               lease_expires_at = NULL, updated_at = now(), version = version + 1
           WHERE id = $1 AND state = 'running' AND lease_owner = $2 AND attempts = $3
             AND cancel_requested_at IS NULL"#,
        id,
        lease.owner,
        lease.attempt,
        result,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How an attempt that did not succeed leaves the job.
#[derive(Debug, Clone, PartialEq)]
pub enum Ending<'a> {
    /// Failed for good with this error.
    Failed(&'a JobError),
    /// Failed; queued again to run after `delay`, with the error shown meanwhile.
    Retry(&'a JobError, Duration),
    /// Stopped because someone asked: cancelled.
    Cancelled,
    /// Stopped because its worker is shutting down: queued again at once, and the
    /// attempt does not count against the limit.
    Released,
}

/// Ends attempt `lease` of job `id` as `ending` says. Returns false when the attempt no
/// longer holds the job (nothing changed).
pub async fn end_attempt(
    ex: impl PgExecutor<'_>,
    id: i64,
    lease: &Lease,
    ending: Ending<'_>,
) -> Result<bool, StoreError> {
    let (state, error, delay, refund) = match ending {
        Ending::Failed(error) => (JobState::Failed, Some(error), 0.0, 0),
        Ending::Retry(error, delay) => (JobState::Queued, Some(error), delay.as_secs_f64(), 0),
        Ending::Cancelled => (JobState::Cancelled, None, 0.0, 0),
        Ending::Released => (JobState::Queued, None, 0.0, 1),
    };
    let done = sqlx::query!(
        r#"UPDATE jobs
           SET state = $4,
               error_code = coalesce($5, error_code),
               error_message = coalesce($6, error_message),
               finished_at = CASE WHEN $4 = 'queued' THEN NULL ELSE now() END,
               run_after = now() + make_interval(secs => $7),
               pushed_at = now(),
               max_attempts = max_attempts + $8,
               lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),
               version = version + 1
           WHERE id = $1 AND state = 'running' AND lease_owner = $2 AND attempts = $3"#,
        id,
        lease.owner,
        lease.attempt,
        state.as_str(),
        error.map(|e| e.code.as_str()),
        error.map(|e| bounded(&e.message, 2000)),
        delay,
        refund,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
