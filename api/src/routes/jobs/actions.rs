//! Steering one job: cancel (who asked for it, or an admin) and retry (admins).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::json;
use wt_domain::jobs::JobState;
use wt_store::StoreError;
use wt_store::audit;
use wt_store::jobs::{self, control};

use super::{JobView, visible_job};
use crate::auth::{Admin, Principal, SignedIn};
use crate::extract::PathId;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// Cancels a job: a queued one ends at once and never runs; a running one is asked to
/// stop, stops at its next progress point and rolls its work back (its state turns
/// `cancelled` then; `cancelRequested` says it was asked). Cancelling a cancelled job
/// changes nothing.
#[utoipa::path(
    post, path = "/api/jobs/{id}/cancel", tag = "jobs",
    params(("id" = i64, Path)),
    responses((status = 200, description = "Cancelled, or asked to stop", body = JobView),
        (status = 401, response = r::Unauthorized), (status = 404, response = r::NotFound),
        (status = 409, response = r::Conflict))
)]
pub async fn cancel(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    PathId(id): PathId,
) -> Result<Json<JobView>, ApiError> {
    let job = visible_job(&state, &Some(me.clone()), id).await?;
    match control::cancel(&state.db, job.id).await? {
        // Someone else's job (an admin stepping in) leaves a trail.
        control::Cancel::Cancelled | control::Cancel::Requested
            if job.requested_by != Some(me.id) =>
        {
            audit::record(&state.db, &event(&me, "job_cancelled", id)).await?;
        }
        control::Cancel::Cancelled | control::Cancel::Requested => {}
        control::Cancel::AlreadyEnded(JobState::Cancelled) => {}
        control::Cancel::AlreadyEnded(ended) => {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                "job_finished",
                format!("The job already ended ({ended}); there is nothing to cancel."),
            )
            .into());
        }
        control::Cancel::Missing => return Err(Problem::not_found("The job").into()),
    }
    entry(&state, id).await
}

/// Queues a failed or cancelled job again, with its kind's full number of attempts.
#[utoipa::path(
    post, path = "/api/jobs/{id}/retry", tag = "jobs",
    params(("id" = i64, Path)),
    responses((status = 200, description = "Queued again", body = JobView),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound), (status = 409, response = r::Conflict))
)]
pub async fn retry(
    State(state): State<AppState>,
    Admin(admin): Admin,
    PathId(id): PathId,
) -> Result<Json<JobView>, ApiError> {
    let job = jobs::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The job"))?;
    let mut tx = state.jobs.begin(&state.db).await?;
    let attempts = job.kind.policy().max_attempts;
    let queued = match control::retry(&mut tx, id, attempts).await {
        Ok(Some(queued)) => queued,
        Ok(None) => {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                "job_not_retryable",
                format!(
                    "Only failed or cancelled jobs can be retried; this one is {}.",
                    job.state
                ),
            )
            .into());
        }
        Err(StoreError::Duplicate(_)) => {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                "job_duplicate",
                "The same work is already queued or running; retry that one instead.",
            )
            .into());
        }
        Err(other) => return Err(other.into()),
    };
    tx.push_after_commit(&queued);
    audit::record(&mut *tx, &event(&admin, "job_retried", id)).await?;
    tx.commit().await?;
    entry(&state, id).await
}

fn event<'a>(actor: &Principal, action: &'static str, id: i64) -> audit::NewEvent<'a> {
    audit::NewEvent {
        actor_id: Some(actor.id),
        action,
        target_type: "job",
        target_id: Some(id),
        target_label: "",
        details: json!({}),
    }
}

async fn entry(state: &AppState, id: i64) -> Result<Json<JobView>, ApiError> {
    let entry = jobs::find_entry(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The job"))?;
    Ok(Json(entry.into()))
}
