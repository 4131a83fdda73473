//! An admin's password actions on another account: mail a reset link (a queued `email`
//! job) or set a password directly, which ends every session of that user. Both are
//! recorded in the audit trail.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use wt_jobs::payloads::{Email, MailTemplate};
use wt_store::{audit, sessions, users};

use crate::auth::{Admin, passwords};
use crate::extract::{JsonBody, PathId};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::jobs::accepted;
use crate::routes::me::{password_event, weak_password};
use crate::state::AppState;

#[utoipa::path(
    post, path = "/api/users/{id}/password-reset", tag = "users",
    params(("id" = i64, Path)),
    responses((status = 202, description = "The reset mail is queued", body = crate::routes::jobs::Queued),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound))
)]
pub async fn send_reset(
    State(state): State<AppState>,
    Admin(admin): Admin,
    PathId(id): PathId,
) -> Result<Response, ApiError> {
    let user = users::find(&state.db, id)
        .await?
        .filter(|user| user.is_active)
        .ok_or_else(|| Problem::not_found("The active user"))?;
    let mail = Email {
        template: MailTemplate::PasswordReset,
        user_id: user.id,
    };
    let mut tx = state.jobs.begin(&state.db).await?;
    let job = tx.enqueue(&mail, Some(admin.id)).await?;
    let event = audit::NewEvent {
        actor_id: Some(admin.id),
        action: "password_reset_sent",
        target_type: "user",
        target_id: Some(user.id),
        target_label: &user.username,
        details: json!({ "jobId": job.id }),
    };
    audit::record(&mut *tx, &event).await?;
    tx.commit().await?;
    Ok(accepted(&job))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordBody {
    #[serde(default)]
    password: String,
}

#[utoipa::path(
    post, path = "/api/users/{id}/password", tag = "users",
    params(("id" = i64, Path)),
    request_body = PasswordBody,
    responses((status = 204, description = "Password set; the user's sessions have ended"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn set_password(
    State(state): State<AppState>,
    Admin(admin): Admin,
    PathId(id): PathId,
    JsonBody(body): JsonBody<PasswordBody>,
) -> Result<StatusCode, ApiError> {
    let user = users::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The user"))?;
    if let Some(problem) = weak_password("password", &user.username, &body.password) {
        return Err(problem.into());
    }
    let hash = passwords::hash(body.password)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mut tx = state.db.begin().await?;
    users::set_password(&mut *tx, id, &hash).await?;
    sessions::revoke_all(&mut *tx, id, "password set by an admin").await?;
    audit::record(
        &mut *tx,
        &password_event(admin.id, &user, "set by an admin"),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
