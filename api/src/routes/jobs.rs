//! `/api/jobs`: watching background work. `GET /api/jobs/{id}` shows a job's state,
//! progress and result; `POST /api/jobs/warm-cache` queues a cache warm-up (at most one
//! waits at a time) and answers 202 with where to watch it.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use wt_domain::accounts::Role;
use wt_domain::jobs::{JobKind, JobState};
use wt_jobs::ledger;
use wt_store::jobs::{self, Job, NewJob};

use crate::auth::{Admin, Reader};
use crate::extract::PathId;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// A job as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobView {
    id: i64,
    #[schema(schema_with = crate::openapi::job_kind_schema)]
    kind: JobKind,
    #[schema(schema_with = crate::openapi::job_state_schema)]
    state: JobState,
    progress: i16,
    message: Option<String>,
    result: Option<Value>,
    error: Option<JobErrorView>,
    attempts: i32,
    created_at: DateTime<Utc>,
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobErrorView {
    code: String,
    message: String,
}

impl From<Job> for JobView {
    fn from(job: Job) -> Self {
        JobView {
            id: job.id,
            kind: job.kind,
            state: job.state,
            progress: job.progress,
            message: job.message,
            result: job.result,
            error: job.error.map(|e| JobErrorView {
                code: e.code,
                message: e.message,
            }),
            attempts: job.attempts,
            created_at: job.created_at,
            started_at: job.started_at,
            finished_at: job.finished_at,
        }
    }
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

/// The URL where a job can be watched.
pub fn status_url(id: i64) -> String {
    format!("/api/jobs/{id}")
}

/// Answers 202 with `{jobId, state, statusUrl}` and a `Location` header.
pub fn accepted(job: &Job) -> Response {
    let url = status_url(job.id);
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

/// A job is visible to whoever asked for it and to admins (and to anyone while reads are
/// open); to others it does not exist.
#[utoipa::path(
    get, path = "/api/jobs/{id}", tag = "jobs",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = JobView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound)),
    security(("bearer" = []))
)]
pub async fn show(
    State(state): State<AppState>,
    Reader(reader): Reader,
    PathId(id): PathId,
) -> Result<Json<JobView>, ApiError> {
    let job = jobs::find(&state.db, id)
        .await?
        .filter(|job| match &reader {
            None => true,
            Some(me) => me.role.includes(Role::Admin) || job.requested_by == Some(me.id),
        })
        .ok_or_else(|| Problem::not_found("The job"))?;
    Ok(Json(job.into()))
}

/// The dedupe key that keeps at most one warm-up waiting.
pub const WARM_CACHE_KEY: &str = "warm_cache";

/// Queues a cache warm-up (or returns the one already waiting).
pub async fn enqueue_warm_cache(state: &AppState) -> Result<Job, wt_store::StoreError> {
    let new = NewJob::new(JobKind::WarmCache).dedupe_key(WARM_CACHE_KEY);
    let redis = state.redis_or_none().await;
    ledger::enqueue(&state.db, redis, &state.queues, &new).await
}

#[utoipa::path(
    post, path = "/api/jobs/warm-cache", tag = "jobs",
    responses((status = 202, description = "Queued (or the warm-up already waiting)", body = Queued),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden)),
    security(("bearer" = []))
)]
pub async fn warm_cache(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Response, ApiError> {
    let job = enqueue_warm_cache(&state).await?;
    Ok(accepted(&job))
}
