//! Starting maintenance work by hand (admins): a cache warm-up, and a probe that walks
//! through progress steps on a chosen queue, so an operator can see that the queue's
//! workers take work (and watch its progress bar move).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use utoipa::ToSchema;
use wt_domain::jobs::Queue;
use wt_jobs::EnqueueError;
use wt_jobs::payloads::{Probe, WarmCache};
use wt_store::jobs::Job;

use super::started;
use crate::auth::Admin;
use crate::extract::JsonBody;
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, invalid_fields};
use crate::state::AppState;

/// Queues a cache warm-up (or returns the one already waiting).
pub async fn enqueue_warm_cache(
    state: &AppState,
    requested_by: Option<i64>,
) -> Result<Job, EnqueueError> {
    let mut tx = state.jobs.begin(&state.db).await?;
    let job = tx.enqueue(&WarmCache::default(), requested_by).await?;
    tx.commit().await?;
    Ok(job)
}

#[utoipa::path(
    post, path = "/api/jobs/warm-cache", tag = "jobs",
    params(("Prefer" = Option<String>, Header, description = "`wait=N`: answer with the ended job when it ends within N seconds")),
    responses((status = 202, description = "Queued (or the warm-up already waiting)", body = super::Queued),
        (status = 200, description = "Ended within the `Prefer: wait`", body = super::JobView),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden))
)]
pub async fn warm_cache(
    State(state): State<AppState>,
    Admin(admin): Admin,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let job = enqueue_warm_cache(&state, Some(admin.id)).await?;
    started(&state, &headers, &job).await
}

/// A probe: `steps` progress steps of `stepMillis` each, on `queue`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProbeBody {
    /// 0-100 (default 10).
    steps: Option<u16>,
    /// 0-10000 (default 500).
    step_millis: Option<u32>,
    /// Default `maintenance`.
    #[schema(schema_with = crate::openapi::queue_schema)]
    queue: Option<Queue>,
}

#[utoipa::path(
    post, path = "/api/jobs/probe", tag = "jobs",
    request_body = ProbeBody,
    params(("Prefer" = Option<String>, Header, description = "`wait=N`: answer with the ended job when it ends within N seconds")),
    responses((status = 202, description = "Queued", body = super::Queued),
        (status = 200, description = "Ended within the `Prefer: wait`", body = super::JobView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden))
)]
pub async fn probe(
    State(state): State<AppState>,
    Admin(admin): Admin,
    headers: HeaderMap,
    JsonBody(body): JsonBody<ProbeBody>,
) -> Result<Response, ApiError> {
    let steps = body.steps.unwrap_or(10);
    let step_millis = body.step_millis.unwrap_or(500);
    let mut errors = Vec::new();
    if steps > 100 {
        errors.push(FieldError::new(
            "steps",
            "out_of_range",
            "Steps go from 0 to 100.",
        ));
    }
    if step_millis > 10_000 {
        let message = "A step lasts from 0 to 10000 milliseconds.";
        errors.push(FieldError::new("stepMillis", "out_of_range", message));
    }
    if !errors.is_empty() {
        return Err(invalid_fields(errors).into());
    }
    let probe = Probe::new(steps, step_millis, body.queue.unwrap_or(Queue::Maintenance));
    let mut tx = state.jobs.begin(&state.db).await?;
    let job = tx.enqueue(&probe, Some(admin.id)).await?;
    tx.commit().await?;
    started(&state, &headers, &job).await
}
