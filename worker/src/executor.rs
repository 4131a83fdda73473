//! Runs one delivered job through the ledger: claim it (or hand it back, or do nothing
//! when another attempt holds it or it ended), run its handler within the kind's time
//! limit with panics caught, and record how the attempt ended. The handler's database
//! effects and the `succeeded` state commit in one transaction, so a second delivery of
//! the same job finds it done and runs nothing, and a cancelled job leaves no effect.

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use chrono::Utc;
use futures::FutureExt;
use wt_domain::jobs::Queue;
use wt_jobs::JobMessage;
use wt_jobs::queues::{Push, PushKey};
use wt_store::StoreError;
use wt_store::jobs::lifecycle::{self, Claim, Ending, Lease, Standing};
use wt_store::jobs::{Job, JobError};

use crate::context::{JobContext, JobFailure};
use crate::control::{JobControl, StopReason};
use crate::handlers;
use crate::state::WorkerState;

/// What happened to one delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The job ran and succeeded.
    Succeeded,
    /// The job ran and failed for good.
    Failed,
    /// The job ran, failed, and waits for its next attempt.
    Retrying,
    /// The job was asked to stop and ended cancelled.
    Cancelled,
    /// The worker is draining: the job went back to the queue for another worker.
    Released,
    /// The attempt lost its lease while running; another attempt owns the job.
    Abandoned,
    /// The job waits for its backoff: it was pushed again for later.
    Deferred,
    /// Nothing ran: another attempt holds the job, it ended, or it is gone.
    Skipped,
}

impl Delivery {
    /// The name metrics and logs use.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Succeeded => "succeeded",
            Delivery::Failed => "failed",
            Delivery::Retrying => "retrying",
            Delivery::Cancelled => "cancelled",
            Delivery::Released => "released",
            Delivery::Abandoned => "abandoned",
            Delivery::Deferred => "deferred",
            Delivery::Skipped => "skipped",
        }
    }
}

/// Runs the delivery of `message`, which came from `queue`.
pub async fn execute(
    state: &WorkerState,
    queue: Queue,
    message: JobMessage,
) -> Result<Delivery, StoreError> {
    let id = message.job_id;
    if state.is_draining() {
        // Not claimed, so nothing changes in the ledger: another worker takes it now.
        push_again(state, id, queue, 0, PushKey::Fresh, Duration::ZERO).await;
        return Ok(Delivery::Released);
    }
    match lifecycle::claim(&state.pool, id, &state.owner, state.lease).await? {
        Claim::Taken(job) => run(state, *job).await,
        Claim::Later(at) => {
            let delay = (at - Utc::now()).to_std().unwrap_or_default();
            push_again(state, id, queue, 0, PushKey::Fresh, delay).await;
            Ok(Delivery::Deferred)
        }
        Claim::Elsewhere => {
            tracing::debug!(job_id = id, "delivery skipped: held elsewhere or ended");
            Ok(Delivery::Skipped)
        }
    }
}

async fn run(state: &WorkerState, job: Job) -> Result<Delivery, StoreError> {
    let lease = Lease {
        owner: state.owner.clone(),
        attempt: job.attempts,
    };
    let running = state.running.enter(job.id);
    tracing::info!(job_id = job.id, kind = %job.kind, attempt = lease.attempt, "job started");
    let started = Instant::now();
    let outcome = attempt(state, &job, &lease, running.control()).await;
    let delivery = record(state, &job, &lease, outcome).await?;
    drop(running);
    crate::exporter::job_finished(job.kind, delivery, started.elapsed());
    Ok(delivery)
}

/// Runs the handler and commits its effects with `succeeded`.
async fn attempt(
    state: &WorkerState,
    job: &Job,
    lease: &Lease,
    control: &std::sync::Arc<JobControl>,
) -> Result<(), JobFailure> {
    let mut tx = state.pool.begin().await?;
    let mut context = JobContext::new(state, job, lease, control.clone());
    let limit = job.kind.policy().timeout;
    let work = AssertUnwindSafe(handlers::run(&mut context, &mut tx)).catch_unwind();
    let result = match tokio::time::timeout(limit, work).await {
        Err(_) => {
            let message = format!("The attempt ran longer than {} s.", limit.as_secs());
            return Err(JobFailure::transient("timed_out", message));
        }
        Ok(Err(panic)) => {
            let message = format!("The handler failed unexpectedly: {}", panic_text(&*panic));
            return Err(JobFailure::transient("handler_panicked", message));
        }
        Ok(Ok(result)) => result?,
    };
    if !lifecycle::succeed(&mut *tx, job.id, lease, &result).await? {
        drop(tx);
        return Err(JobFailure::Stopped(
            match lifecycle::standing(&state.pool, job.id, lease).await? {
                Standing::CancelRequested => StopReason::Cancelled,
                Standing::Held | Standing::Lost => StopReason::LeaseLost,
            },
        ));
    }
    tx.commit().await?;
    if job.kind.changes_plan() {
        state.aggregates.invalidate().await;
    }
    Ok(())
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// Writes how the attempt ended and hands the job back to Redis when it runs again.
async fn record(
    state: &WorkerState,
    job: &Job,
    lease: &Lease,
    outcome: Result<(), JobFailure>,
) -> Result<Delivery, StoreError> {
    let failure = match outcome {
        Ok(()) => {
            tracing::info!(job_id = job.id, kind = %job.kind, "job succeeded");
            return Ok(Delivery::Succeeded);
        }
        Err(failure) => failure,
    };
    let (ending, delivery) = match &failure {
        JobFailure::Stopped(StopReason::LeaseLost) => {
            tracing::warn!(job_id = job.id, "lease lost; another attempt owns the job");
            return Ok(Delivery::Abandoned);
        }
        JobFailure::Stopped(StopReason::Cancelled) => (Ending::Cancelled, Delivery::Cancelled),
        JobFailure::Stopped(StopReason::Draining) => (Ending::Released, Delivery::Released),
        JobFailure::Permanent(error) => (Ending::Failed(error), Delivery::Failed),
        JobFailure::Transient(error) if lease.attempt < job.max_attempts => {
            let jitter: f64 = rand::random();
            let delay = job.kind.policy().backoff(attempt_number(lease), jitter);
            (Ending::Retry(error, delay), Delivery::Retrying)
        }
        JobFailure::Transient(error) => (Ending::Failed(error), Delivery::Failed),
    };
    log_ending(job, lease, &ending);
    if !lifecycle::end_attempt(&state.pool, job.id, lease, ending.clone()).await? {
        return Ok(Delivery::Abandoned);
    }
    match ending {
        Ending::Retry(_, delay) => {
            push_again(
                state,
                job.id,
                job.queue,
                lease.attempt,
                PushKey::Attempt,
                delay,
            )
            .await;
        }
        Ending::Released => {
            let attempts = lease.attempt;
            push_again(
                state,
                job.id,
                job.queue,
                attempts,
                PushKey::Attempt,
                Duration::ZERO,
            )
            .await;
        }
        Ending::Failed(_) | Ending::Cancelled => {}
    }
    Ok(delivery)
}

fn attempt_number(lease: &Lease) -> u32 {
    u32::try_from(lease.attempt).unwrap_or(1)
}

fn log_ending(job: &Job, lease: &Lease, ending: &Ending<'_>) {
    let (id, kind, attempt) = (job.id, job.kind, lease.attempt);
    match ending {
        Ending::Failed(JobError { code, message }) => {
            tracing::error!(job_id = id, %kind, attempt, %code, %message, "job failed");
        }
        Ending::Retry(JobError { code, message }, delay) => {
            tracing::warn!(job_id = id, %kind, attempt, %code, %message,
                retry_in_secs = delay.as_secs_f64(), "job will be retried");
        }
        Ending::Cancelled => tracing::info!(job_id = id, %kind, attempt, "job cancelled"),
        Ending::Released => {
            tracing::info!(job_id = id, %kind, attempt, "job released to another worker");
        }
    }
}

async fn push_again(
    state: &WorkerState,
    job_id: i64,
    queue: Queue,
    attempts: i32,
    key: PushKey,
    delay: Duration,
) {
    let push = Push {
        job_id,
        queue,
        attempts,
        key,
        delay,
    };
    state.dispatcher.push(&[push]).await;
}
