//! Runs one delivered job through the ledger: claim it (or do nothing when it is finished
//! or someone else holds it), run its handler, and record the outcome. The handler's
//! database effects and the `succeeded` state commit in one transaction, so a second
//! delivery of the same job finds it done and runs nothing.

use std::time::Duration;

use wt_jobs::JobMessage;
use wt_store::StoreError;
use wt_store::jobs::{self, Job, JobError};

use crate::handlers;
use crate::state::WorkerState;

/// Why a handler could not finish.
#[derive(Debug)]
pub enum JobFailure {
    /// Retrying cannot help (bad input): the job fails at once.
    Permanent(JobError),
    /// Worth another attempt later (a dependency was briefly away).
    Transient(JobError),
}

impl JobFailure {
    pub fn transient(code: &str, message: impl Into<String>) -> Self {
        JobFailure::Transient(JobError {
            code: code.to_owned(),
            message: message.into(),
        })
    }
}

impl From<StoreError> for JobFailure {
    fn from(error: StoreError) -> Self {
        JobFailure::transient("database_error", error.to_string())
    }
}

/// What happened to one delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The job ran and succeeded.
    Succeeded,
    /// The job ran and failed for good.
    Failed,
    /// The job ran, failed, and was queued again.
    Retrying,
    /// Nothing ran: the job was finished, held by another worker, or unknown.
    Skipped,
}

/// The delay before retry number `attempts`: 5 s doubling, at most 10 minutes.
pub fn retry_delay(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    Duration::from_secs(5 * 2u64.pow(exponent)).min(Duration::from_secs(600))
}

/// Runs the delivery of `message` as `owner` (the apalis worker's unique name).
pub async fn execute(
    state: &WorkerState,
    owner: &str,
    message: JobMessage,
) -> Result<Delivery, StoreError> {
    let Some(job) = jobs::claim(&state.pool, message.job_id, owner, state.lease).await? else {
        tracing::debug!(
            job_id = message.job_id,
            "delivery skipped: finished or taken"
        );
        return Ok(Delivery::Skipped);
    };
    tracing::info!(job_id = job.id, kind = %job.kind, attempt = job.attempts, "job started");
    match run_and_commit(state, owner, &job).await {
        Ok(true) => {
            tracing::info!(job_id = job.id, kind = %job.kind, "job succeeded");
            Ok(Delivery::Succeeded)
        }
        Ok(false) => {
            tracing::warn!(
                job_id = job.id,
                "lease lost before commit; another worker owns the job"
            );
            Ok(Delivery::Skipped)
        }
        Err(failure) => record_failure(state, owner, &job, failure).await,
    }
}

/// Runs the handler in a transaction and commits it with the `succeeded` state. Returns
/// false (and rolls back) when the lease was lost meanwhile.
async fn run_and_commit(state: &WorkerState, owner: &str, job: &Job) -> Result<bool, JobFailure> {
    let mut tx = state.pool.begin().await.map_err(StoreError::from)?;
    let result = handlers::run(state, owner, job, &mut tx).await?;
    if !jobs::succeed(&mut *tx, job.id, owner, &result).await? {
        return Ok(false);
    }
    tx.commit().await.map_err(StoreError::from)?;
    Ok(true)
}

async fn record_failure(
    state: &WorkerState,
    owner: &str,
    job: &Job,
    failure: JobFailure,
) -> Result<Delivery, StoreError> {
    let (error, retry) = match failure {
        JobFailure::Permanent(error) => (error, false),
        JobFailure::Transient(error) => (error, job.attempts < job.max_attempts),
    };
    if !retry {
        tracing::error!(job_id = job.id, kind = %job.kind, code = %error.code,
            message = %error.message, "job failed");
        jobs::record_failure(&state.pool, job.id, owner, &error, false).await?;
        return Ok(Delivery::Failed);
    }
    tracing::warn!(job_id = job.id, kind = %job.kind, code = %error.code,
        message = %error.message, attempt = job.attempts, "job will be retried");
    if jobs::record_failure(&state.pool, job.id, owner, &error, true).await? {
        let delay = retry_delay(job.attempts);
        let pushed = state
            .queues
            .push(state.redis.clone(), job.kind, job.id, job.attempts, delay)
            .await;
        match pushed {
            Ok(()) => jobs::mark_pushed(&state.pool, job.id).await?,
            Err(error) => tracing::warn!(%error, "retry push failed; the reconciler will push"),
        }
    }
    Ok(Delivery::Retrying)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_delay_doubles_and_is_capped() {
        assert_eq!(retry_delay(1), Duration::from_secs(5));
        assert_eq!(retry_delay(2), Duration::from_secs(10));
        assert_eq!(retry_delay(4), Duration::from_secs(40));
        assert_eq!(retry_delay(100), Duration::from_secs(600));
        assert_eq!(retry_delay(0), Duration::from_secs(5));
    }
}
