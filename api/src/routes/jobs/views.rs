//! How jobs look in the API: the job itself, the 202 answer of a request that started
//! one, and the answer of a write made with `Prefer: wait=N` (the ended job when it ends
//! in time, else the 202).

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use wt_domain::jobs::{JobKind, JobState, Queue};
use wt_store::jobs::{Job, JobEntry};

use crate::problem::ApiError;
use crate::routes::jobs::prefer::Prefer;
use crate::state::AppState;

/// A job as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobView {
    id: i64,
    #[schema(schema_with = crate::openapi::job_kind_schema)]
    kind: JobKind,
    /// The queue that carries it to a worker.
    #[schema(schema_with = crate::openapi::queue_schema)]
    queue: Queue,
    #[schema(schema_with = crate::openapi::job_state_schema)]
    state: JobState,
    /// What the job is doing now, e.g. "Reading rows".
    stage: Option<String>,
    /// 0-100.
    progress: i16,
    message: Option<String>,
    result: Option<Value>,
    /// Why it failed, or why its last attempt did while it waits for the next.
    error: Option<JobErrorView>,
    /// Attempts started so far.
    attempts: i32,
    max_attempts: i32,
    /// Someone asked the running job to stop; it stops at its next progress point.
    cancel_requested: bool,
    /// When a queued job that waits for its backoff may run again.
    next_attempt_at: Option<DateTime<Utc>>,
    requested_by: Option<i64>,
    requested_by_name: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    /// When the latest attempt started.
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobErrorView {
    code: String,
    message: String,
}

impl From<JobEntry> for JobView {
    fn from(entry: JobEntry) -> Self {
        let JobEntry {
            job,
            requester_name,
        } = entry;
        let waiting = job.state == JobState::Queued && job.run_after > Utc::now();
        JobView {
            id: job.id,
            kind: job.kind,
            queue: job.queue,
            state: job.state,
            stage: job.stage,
            progress: job.progress,
            message: job.message,
            result: job.result,
            error: job.error.map(|e| JobErrorView {
                code: e.code,
                message: e.message,
            }),
            attempts: job.attempts,
            max_attempts: job.max_attempts,
            cancel_requested: job.cancel_requested_at.is_some(),
            next_attempt_at: waiting.then_some(job.run_after),
            requested_by: job.requested_by,
            requested_by_name: requester_name,
            created_at: job.created_at,
            updated_at: job.updated_at,
            started_at: job.started_at,
            finished_at: job.finished_at,
        }
    }
}

/// A file a job left for download, as its result names it under `download`
/// (documentation of `wt_transfer::files::JobFile`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobFileView {
    name: String,
    content_type: String,
    bytes: u64,
}

/// The 202 answer for queued work.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Queued {
    job_id: i64,
    #[schema(schema_with = crate::openapi::job_state_schema)]
    state: JobState,
    status_url: String,
}

/// Answers 202 with `{jobId, state, statusUrl}` and a `Location` header.
pub fn accepted(job: &Job) -> Response {
    let url = format!("/api/jobs/{}", job.id);
    let body = Queued {
        job_id: job.id,
        state: job.state,
        status_url: url.clone(),
    };
    let mut response = (StatusCode::ACCEPTED, Json(body)).into_response();
    if let Ok(location) = HeaderValue::from_str(&url) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// The answer to a write that started `job`: with `Prefer: wait=N`, the job as it ended
/// when it ends within N seconds (200), else (and without the header) the 202.
pub async fn started(
    state: &AppState,
    headers: &HeaderMap,
    job: &Job,
) -> Result<Response, ApiError> {
    let Some(wait) = Prefer::wait(headers) else {
        return Ok(accepted(job));
    };
    match state.job_watch.wait(job.id, wait).await? {
        Some(entry) if entry.job.state.is_finished() => {
            let mut response = Json(JobView::from(entry)).into_response();
            Prefer::applied(&mut response, wait);
            Ok(response)
        }
        Some(entry) => Ok(accepted(&entry.job)),
        None => Ok(accepted(job)),
    }
}
