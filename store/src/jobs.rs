//! The job ledger: one row per unit of background work, the single source of truth about
//! its state. Redis only carries job ids; every transition happens here, guarded by the
//! row's state and lease, so a job delivered twice runs its effect once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::{PgConnection, PgExecutor};
use wt_domain::jobs::{JobKind, JobState};

use crate::StoreError;

/// A ledger row as the rest of the system sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: i64,
    pub kind: JobKind,
    pub payload: Value,
    pub dedupe_key: Option<String>,
    pub state: JobState,
    pub attempts: i32,
    pub max_attempts: i32,
    pub progress: i16,
    pub message: Option<String>,
    pub result: Option<Value>,
    pub error: Option<JobError>,
    pub requested_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// Why a job failed (or why its last attempt did): a stable code and a human message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobError {
    pub code: String,
    pub message: String,
}

/// What a caller asks for when it enqueues work.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: JobKind,
    pub payload: Value,
    /// When set, at most one unfinished job carries it: enqueueing again returns that job.
    pub dedupe_key: Option<String>,
    pub requested_by: Option<i64>,
    pub max_attempts: i32,
}

impl NewJob {
    /// A job of `kind` with an empty payload, no dedupe key and the default attempt bound.
    pub fn new(kind: JobKind) -> Self {
        Self {
            kind,
            payload: Value::Object(Default::default()),
            dedupe_key: None,
            requested_by: None,
            max_attempts: 5,
        }
    }

    pub fn dedupe_key(mut self, key: impl Into<String>) -> Self {
        self.dedupe_key = Some(key.into());
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

/// A queued (or abandoned) job that should be handed to Redis again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpushed {
    pub id: i64,
    pub kind: JobKind,
}

struct JobRow {
    id: i64,
    kind: String,
    payload: Value,
    dedupe_key: Option<String>,
    state: String,
    attempts: i32,
    max_attempts: i32,
    progress: i16,
    message: Option<String>,
    result: Option<Value>,
    error_code: Option<String>,
    error_message: Option<String>,
    requested_by: Option<i64>,
    created_at: DateTime<Utc>,
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
}

impl TryFrom<JobRow> for Job {
    type Error = StoreError;

    fn try_from(row: JobRow) -> Result<Self, StoreError> {
        let corrupt =
            |e: wt_domain::jobs::UnknownName| StoreError::Corrupt(format!("job {}: {e}", row.id));
        let error = match (row.error_code, row.error_message) {
            (Some(code), Some(message)) => Some(JobError { code, message }),
            _ => None,
        };
        Ok(Job {
            id: row.id,
            kind: row.kind.parse().map_err(corrupt)?,
            state: row.state.parse().map_err(corrupt)?,
            payload: row.payload,
            dedupe_key: row.dedupe_key,
            attempts: row.attempts,
            max_attempts: row.max_attempts,
            progress: row.progress,
            message: row.message,
            result: row.result,
            error,
            requested_by: row.requested_by,
            created_at: row.created_at,
            started_at: row.started_at,
            finished_at: row.finished_at,
        })
    }
}

fn job(row: Option<JobRow>) -> Result<Option<Job>, StoreError> {
    row.map(Job::try_from).transpose()
}

/// Inserts a queued job, or returns the unfinished job that already holds its dedupe key.
pub async fn insert(conn: &mut PgConnection, new: &NewJob) -> Result<Inserted, StoreError> {
    // A concurrent job with the same key may finish between our insert and our read; the
    // retry then inserts. Three rounds cover any realistic interleaving.
    for _ in 0..3 {
        let created = sqlx::query_as!(
            JobRow,
            r#"INSERT INTO jobs (kind, payload, dedupe_key, requested_by, max_attempts)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (dedupe_key)
                   WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running')
                   DO NOTHING
               RETURNING id, kind, payload, dedupe_key, state, attempts, max_attempts,
                         progress, message, result, error_code, error_message,
                         requested_by, created_at, started_at, finished_at"#,
            new.kind.as_str(),
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
            r#"SELECT id, kind, payload, dedupe_key, state, attempts, max_attempts, progress,
                      message, result, error_code, error_message, requested_by, created_at,
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
        r#"SELECT id, kind, payload, dedupe_key, state, attempts, max_attempts, progress,
                  message, result, error_code, error_message, requested_by, created_at,
                  started_at, finished_at
           FROM jobs WHERE id = $1"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    job(row)
}

/// Records that the job was handed to Redis now, which restarts the reconciler's grace.
pub async fn mark_pushed(ex: impl PgExecutor<'_>, id: i64) -> Result<(), StoreError> {
    sqlx::query!("UPDATE jobs SET pushed_at = now() WHERE id = $1", id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Takes the job for `owner` for `lease`: only a queued job, or a running one whose lease
/// ran out (its worker died), can be claimed. `None` means someone else has it or it is
/// finished, and the delivery must do nothing.
pub async fn claim(
    ex: impl PgExecutor<'_>,
    id: i64,
    owner: &str,
    lease: Duration,
) -> Result<Option<Job>, StoreError> {
    let row = sqlx::query_as!(
        JobRow,
        r#"UPDATE jobs
           SET state = 'running', attempts = attempts + 1, lease_owner = $2,
               lease_expires_at = now() + make_interval(secs => $3),
               started_at = coalesce(started_at, now()), updated_at = now(),
               version = version + 1
           WHERE id = $1
             AND (state = 'queued' OR (state = 'running' AND lease_expires_at < now()))
           RETURNING id, kind, payload, dedupe_key, state, attempts, max_attempts, progress,
                     message, result, error_code, error_message, requested_by, created_at,
                     started_at, finished_at"#,
        id,
        owner,
        lease.as_secs_f64(),
    )
    .fetch_optional(ex)
    .await?;
    job(row)
}

/// Marks the claimed job succeeded with its result. Returns false when `owner` no longer
/// holds it (the lease ran out and another worker took over), in which case the caller's
/// transaction must roll back.
pub async fn succeed(
    ex: impl PgExecutor<'_>,
    id: i64,
    owner: &str,
    result: &Value,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"UPDATE jobs
           SET state = 'succeeded', progress = 100, result = $3, finished_at = now(),
               error_code = NULL, error_message = NULL, lease_owner = NULL,
               lease_expires_at = NULL, updated_at = now(), version = version + 1
           WHERE id = $1 AND state = 'running' AND lease_owner = $2"#,
        id,
        owner,
        result,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed attempt of the claimed job: `retry` puts it back in the queue (the
/// error stays visible so the user sees why it takes longer), otherwise it fails for
/// good. Returns false when `owner` no longer holds the job.
pub async fn record_failure(
    ex: impl PgExecutor<'_>,
    id: i64,
    owner: &str,
    error: &JobError,
    retry: bool,
) -> Result<bool, StoreError> {
    let state = if retry {
        JobState::Queued
    } else {
        JobState::Failed
    };
    let done = sqlx::query!(
        r#"UPDATE jobs
           SET state = $5, error_code = $3, error_message = $4,
               finished_at = CASE WHEN $5 = 'failed' THEN now() END,
               lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),
               version = version + 1
           WHERE id = $1 AND state = 'running' AND lease_owner = $2"#,
        id,
        owner,
        error.code,
        error.message,
        state.as_str(),
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records progress (0-100) and a short message for the UI while `owner` holds the job.
pub async fn report_progress(
    ex: impl PgExecutor<'_>,
    id: i64,
    owner: &str,
    progress: i16,
    message: &str,
) -> Result<(), StoreError> {
    sqlx::query!(
        r#"UPDATE jobs SET progress = $3, message = $4, updated_at = now()
           WHERE id = $1 AND state = 'running' AND lease_owner = $2"#,
        id,
        owner,
        progress.clamp(0, 100),
        message,
    )
    .execute(ex)
    .await?;
    Ok(())
}

/// Jobs that Redis may have lost: queued rows not handed over for `grace`, and running
/// rows whose lease expired more than `grace` ago (their worker died and the delivery may
/// be gone with it). Oldest first, at most `limit`.
pub async fn unpushed(
    ex: impl PgExecutor<'_>,
    grace: Duration,
    limit: i64,
) -> Result<Vec<Unpushed>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id, kind FROM jobs
           WHERE (state = 'queued'
                  AND coalesce(pushed_at, created_at) < now() - make_interval(secs => $1))
              OR (state = 'running'
                  AND lease_expires_at < now() - make_interval(secs => $1))
           ORDER BY id
           LIMIT $2"#,
        grace.as_secs_f64(),
        limit,
    )
    .fetch_all(ex)
    .await?;
    rows.into_iter()
        .map(|row| {
            let kind = row
                .kind
                .parse()
                .map_err(|e| StoreError::Corrupt(format!("job {}: {e}", row.id)))?;
            Ok(Unpushed { id: row.id, kind })
        })
        .collect()
}
