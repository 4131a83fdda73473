//! The job ledger: one row per unit of background work, the single source of truth about
//! its state. Redis only carries job ids; every transition happens here, guarded by the
//! row's state and the lease of the attempt that runs it, so a job delivered twice runs
//! its effect once.
//!
//! - [`lifecycle`]: what a worker does to a job it runs (claim, renew, progress, finish).
//! - [`control`]: what people do to jobs (cancel, retry).
//! - [`upkeep`]: the reconciler's pass and the deletion of old jobs.
//! - [`listing`]: lists and per-queue statistics.

pub mod control;
pub mod lifecycle;
pub mod listing;
pub mod upkeep;

pub use listing::{JobFilter, QueueStats, find_entry, list, stats};

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::{PgConnection, PgExecutor};
use wt_domain::jobs::{JobKind, JobState, Queue, UnknownName};

use crate::StoreError;

/// A ledger row as the rest of the system sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: i64,
    pub kind: JobKind,
    pub queue: Queue,
    pub payload: Value,
    pub dedupe_key: Option<String>,
    pub state: JobState,
    /// Attempts started so far (the running one included).
    pub attempts: i32,
    pub max_attempts: i32,
    /// What the job is doing now, e.g. "Reading rows"; set by its handler.
    pub stage: Option<String>,
    pub progress: i16,
    pub message: Option<String>,
    pub result: Option<Value>,
    /// The error that ended the job, or that ended its last attempt while it waits for
    /// the next one.
    pub error: Option<JobError>,
    pub requested_by: Option<i64>,
    /// When someone asked a running job to stop.
    pub cancel_requested_at: Option<DateTime<Utc>>,
    /// A queued job is not taken before this (the backoff after a failed attempt).
    pub run_after: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the latest attempt started.
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// Why a job failed (or why its last attempt did): a stable code and a human message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobError {
    pub code: String,
    pub message: String,
}

impl JobError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        JobError {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// What a caller asks for when it enqueues work.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: JobKind,
    pub queue: Queue,
    pub payload: Value,
    /// When set, at most one unfinished job carries it: enqueueing again returns that job.
    pub dedupe_key: Option<String>,
    pub requested_by: Option<i64>,
    pub max_attempts: i32,
}

impl NewJob {
    /// A job of `kind` on its own queue, with its kind's attempt limit, no dedupe key and
    /// nobody who asked.
    pub fn new(kind: JobKind, payload: Value) -> Self {
        Self {
            kind,
            queue: kind.queue(),
            payload,
            dedupe_key: None,
            requested_by: None,
            max_attempts: i32::from(kind.policy().max_attempts),
        }
    }

    pub fn dedupe_key(mut self, key: impl Into<String>) -> Self {
        self.dedupe_key = Some(key.into());
        self
    }

    pub fn requested_by(mut self, user_id: Option<i64>) -> Self {
        self.requested_by = user_id;
        self
    }

    pub fn on_queue(mut self, queue: Queue) -> Self {
        self.queue = queue;
        self
    }
}

/// The outcome of [`insert`]: the row, and whether this call created it (false when an
/// unfinished job with the same dedupe key already existed).
#[derive(Debug, Clone, PartialEq)]
pub struct Inserted {
    pub job: Job,
    pub created: bool,
}

/// A job with the name of the user who asked for it, as lists and screens show it.
#[derive(Debug, Clone, PartialEq)]
pub struct JobEntry {
    pub job: Job,
    pub requester_name: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct JobRow {
    id: i64,
    kind: String,
    queue: String,
    payload: Value,
    dedupe_key: Option<String>,
    state: String,
    attempts: i32,
    max_attempts: i32,
    stage: Option<String>,
    progress: i16,
    message: Option<String>,
    result: Option<Value>,
    error_code: Option<String>,
    error_message: Option<String>,
    requested_by: Option<i64>,
    cancel_requested_at: Option<DateTime<Utc>>,
    run_after: DateTime<Utc>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
}

/// A stored name this build does not know, as a store error naming the job.
pub(crate) fn corrupt(id: i64) -> impl Fn(UnknownName) -> StoreError {
    move |e| StoreError::Corrupt(format!("job {id}: {e}"))
}

impl TryFrom<JobRow> for Job {
    type Error = StoreError;

    fn try_from(row: JobRow) -> Result<Self, StoreError> {
        let error = match (row.error_code, row.error_message) {
            (Some(code), Some(message)) => Some(JobError { code, message }),
            _ => None,
        };
        Ok(Job {
            id: row.id,
            kind: row.kind.parse().map_err(corrupt(row.id))?,
            queue: row.queue.parse().map_err(corrupt(row.id))?,
            state: row.state.parse().map_err(corrupt(row.id))?,
            payload: row.payload,
            dedupe_key: row.dedupe_key,
            attempts: row.attempts,
            max_attempts: row.max_attempts,
            stage: row.stage,
            progress: row.progress,
            message: row.message,
            result: row.result,
            error,
            requested_by: row.requested_by,
            cancel_requested_at: row.cancel_requested_at,
            run_after: row.run_after,
            created_at: row.created_at,
            updated_at: row.updated_at,
            started_at: row.started_at,
            finished_at: row.finished_at,
        })
    }
}

pub(crate) fn job(row: Option<JobRow>) -> Result<Option<Job>, StoreError> {
    row.map(Job::try_from).transpose()
}

/// Inserts a queued job, or returns the unfinished job that already holds its dedupe key.
pub async fn insert(conn: &mut PgConnection, new: &NewJob) -> Result<Inserted, StoreError> {
    // A concurrent job with the same key may finish between our insert and our read; the
    // retry then inserts. Three rounds cover any realistic interleaving.
    for _ in 0..3 {
        let created = sqlx::query_as!(
            JobRow,
            r#"INSERT INTO jobs (kind, queue, payload, dedupe_key, requested_by, max_attempts)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (dedupe_key)
                   WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running')
                   DO NOTHING
               RETURNING id, kind, queue, payload, dedupe_key, state, attempts, max_attempts,
                         stage, progress, message, result, error_code, error_message,
                         requested_by, cancel_requested_at, run_after, created_at,
                         updated_at, started_at, finished_at"#,
            new.kind.as_str(),
            new.queue.as_str(),
            new.payload,
            new.dedupe_key,
            new.requested_by,
            new.max_attempts,
        )
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(job) = job(created)? {
            return Ok(Inserted { job, created: true });
        }
        let existing = sqlx::query_as!(
            JobRow,
            r#"SELECT id, kind, queue, payload, dedupe_key, state, attempts, max_attempts,
                      stage, progress, message, result, error_code, error_message,
                      requested_by, cancel_requested_at, run_after, created_at, updated_at,
                      started_at, finished_at
               FROM jobs
               WHERE dedupe_key = $1 AND state IN ('queued', 'running')"#,
            new.dedupe_key,
        )
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(job) = job(existing)? {
            return Ok(Inserted {
                job,
                created: false,
            });
        }
    }
    Err(StoreError::Corrupt(format!(
        "dedupe key {:?} kept changing hands while enqueueing",
        new.dedupe_key
    )))
}

/// The job with this id, if any.
pub async fn find(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<Job>, StoreError> {
    let row = sqlx::query_as!(
        JobRow,
        r#"SELECT id, kind, queue, payload, dedupe_key, state, attempts, max_attempts, stage,
                  progress, message, result, error_code, error_message, requested_by,
                  cancel_requested_at, run_after, created_at, updated_at, started_at,
                  finished_at
           FROM jobs WHERE id = $1"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    job(row)
}
