//! What a handler works with: its job, the worker's state, and the one progress helper
//! every handler uses. Progress goes to the ledger (stage, percent, message) at most a
//! few times a second; each report is also the handler's progress point, where a job that
//! was asked to stop (cancelled, lease lost, worker draining) ends its attempt.

use std::sync::Arc;
use std::time::{Duration, Instant};

use wt_jobs::payloads::PayloadError;
use wt_store::StoreError;
use wt_store::jobs::lifecycle::{self, Lease, Progress, Standing};
use wt_store::jobs::{Job, JobError};

use crate::control::{JobControl, StopReason};
use crate::state::WorkerState;

/// Progress reaches the ledger at most this often (a new stage always does at once).
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(250);

/// Why a handler did not finish.
#[derive(Debug)]
pub enum JobFailure {
    /// Retrying cannot help (bad input): the job fails at once with this error.
    Permanent(JobError),
    /// Worth another attempt later (a dependency was briefly away).
    Transient(JobError),
    /// The job was asked to stop; its transaction rolls back.
    Stopped(StopReason),
}

impl JobFailure {
    pub fn permanent(code: &str, message: impl Into<String>) -> Self {
        JobFailure::Permanent(JobError::new(code, message))
    }

    pub fn transient(code: &str, message: impl Into<String>) -> Self {
        JobFailure::Transient(JobError::new(code, message))
    }
}

impl From<StoreError> for JobFailure {
    fn from(error: StoreError) -> Self {
        JobFailure::transient("database_error", error.to_string())
    }
}

impl From<sqlx::Error> for JobFailure {
    fn from(error: sqlx::Error) -> Self {
        StoreError::from(error).into()
    }
}

impl From<PayloadError> for JobFailure {
    fn from(error: PayloadError) -> Self {
        JobFailure::permanent("invalid_payload", error.to_string())
    }
}

/// One attempt of one job, as its handler sees it.
pub struct JobContext<'a> {
    pub state: &'a WorkerState,
    pub job: &'a Job,
    lease: &'a Lease,
    control: Arc<JobControl>,
    last_report: Option<(Instant, String)>,
}

impl<'a> JobContext<'a> {
    pub(crate) fn new(
        state: &'a WorkerState,
        job: &'a Job,
        lease: &'a Lease,
        control: Arc<JobControl>,
    ) -> Self {
        JobContext {
            state,
            job,
            lease,
            control,
            last_report: None,
        }
    }

    /// The attempt this is (1 for the first).
    pub fn attempt(&self) -> i32 {
        self.lease.attempt
    }

    /// A progress point: ends the attempt if the job must stop, and records where the job
    /// is (stage, 0-100 percent, a message for people) unless it was recorded less than
    /// [`PROGRESS_INTERVAL`] ago in the same stage.
    pub async fn progress(
        &mut self,
        stage: &str,
        percent: u8,
        message: &str,
    ) -> Result<(), JobFailure> {
        self.checkpoint()?;
        let due = match &self.last_report {
            None => true,
            Some((at, last_stage)) => last_stage != stage || at.elapsed() >= PROGRESS_INTERVAL,
        };
        if !due {
            return Ok(());
        }
        let progress = Progress {
            stage,
            percent: i16::from(percent.min(100)),
            message,
        };
        let standing =
            lifecycle::report_progress(&self.state.pool, self.job.id, self.lease, progress).await?;
        self.last_report = Some((Instant::now(), stage.to_owned()));
        match standing {
            Standing::Held => Ok(()),
            Standing::CancelRequested => self.stop(StopReason::Cancelled),
            Standing::Lost => self.stop(StopReason::LeaseLost),
        }
    }

    /// A progress point without a report: ends the attempt if the job must stop.
    pub fn checkpoint(&self) -> Result<(), JobFailure> {
        match self.control.stop_reason() {
            Some(reason) => Err(JobFailure::Stopped(reason)),
            None => Ok(()),
        }
    }

    /// Waits `duration`, or less when the job is asked to stop meanwhile.
    pub async fn pause(&self, duration: Duration) -> Result<(), JobFailure> {
        tokio::select! {
            () = tokio::time::sleep(duration) => self.checkpoint(),
            reason = self.control.stopped() => Err(JobFailure::Stopped(reason)),
        }
    }

    fn stop(&self, reason: StopReason) -> Result<(), JobFailure> {
        self.control.stop(reason);
        self.checkpoint()
    }
}

/// Imports and exports report their stages through the job's progress helper, which is
/// also where a cancelled job stops them.
impl wt_transfer::import::Stages for JobContext<'_> {
    type Stop = JobFailure;

    async fn stage(&mut self, stage: &str, percent: u8, message: &str) -> Result<(), JobFailure> {
        self.progress(stage, percent, message).await
    }
}
