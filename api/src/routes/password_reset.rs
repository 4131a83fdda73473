//! Password reset by email. Asking always answers 204, whether or not the address belongs
//! to anyone; the mail itself (with a single-use, expiring link) is written and sent by a
//! worker job, never inline. Confirming sets the password and ends every session.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;
use wt_domain::secrets::token_hash;
use wt_jobs::payloads::{Email, MailTemplate};
use wt_store::{reset_tokens, sessions, users};

use crate::auth::passwords;
use crate::extract::{ClientIp, JsonBody};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem, too_many_requests};
use crate::routes::me::{password_event, weak_password};
use crate::security::rate_limit::RateLimiter;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct ResetRequest {
    #[serde(default)]
    email: String,
}

/// Requests per address per hour: enough for a forgetful person, too few to spam.
pub fn reset_limiter() -> RateLimiter {
    RateLimiter::new(10, std::time::Duration::from_secs(3600))
}

#[utoipa::path(
    post, path = "/api/auth/password-reset", tag = "auth",
    request_body = ResetRequest,
    responses((status = 204, description = "Asked; a mail goes out if the address belongs to an active account"),
        (status = 400, response = r::BadRequest), (status = 413, response = r::PayloadTooLarge),
        (status = 429, response = r::TooManyRequests))
)]
pub async fn request(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    JsonBody(body): JsonBody<ResetRequest>,
) -> Result<Response, ApiError> {
    if let Err(wait) = state.reset_limiter.check(ip) {
        let detail = "Too many reset requests from here. Try again later.";
        return Ok(too_many_requests("too_many_attempts", detail, wait));
    }
    let email = body.email.trim();
    if (3..=254).contains(&email.len())
        && email.contains('@')
        && let Some(user) = users::find_active_by_email(&state.db, email).await?
    {
        let mail = Email {
            template: MailTemplate::PasswordReset,
            user_id: user.id,
        };
        let mut tx = state.jobs.begin(&state.db).await?;
        tx.enqueue(&mail, None).await?;
        tx.commit().await?;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResetConfirm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new_password: String,
}

fn token_invalid() -> Problem {
    Problem::bad_request(
        "reset_token_invalid",
        "This link has expired or was already used. Ask for a new one.",
    )
}

#[utoipa::path(
    post, path = "/api/auth/password-reset/confirm", tag = "auth",
    request_body = ResetConfirm,
    responses((status = 204, description = "Password set; every session has ended"),
        (status = 400, response = r::BadRequest), (status = 413, response = r::PayloadTooLarge))
)]
pub async fn confirm(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<ResetConfirm>,
) -> Result<StatusCode, ApiError> {
    let token = body.token.trim();
    if token.is_empty() || token.len() > 128 {
        return Err(token_invalid().into());
    }
    let mut tx = state.db.begin().await?;
    let user_id = reset_tokens::consume(&mut tx, &token_hash(token))
        .await?
        .ok_or_else(token_invalid)?;
    let user = users::find(&mut *tx, user_id)
        .await?
        .filter(|user| user.is_active)
        .ok_or_else(token_invalid)?;
    // A weak password leaves the token unused (the transaction rolls back), so the person
    // can try again with the same link.
    if let Some(problem) = weak_password("newPassword", &user.username, &body.new_password) {
        return Err(problem.into());
    }
    let hash = passwords::hash(body.new_password)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    users::set_password(&mut *tx, user.id, &hash).await?;
    sessions::revoke_all(&mut *tx, user.id, "password reset").await?;
    wt_store::audit::record(&mut *tx, &password_event(user.id, &user, "reset by email")).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
