//! Password reset by email. Asking always answers 204, whether or not the address belongs
//! to anyone; the mail itself (with a single-use, expiring link) is written and sent by a
//! worker job, never inline. Confirming sets the password and ends every session.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use wt_domain::jobs::JobKind;
use wt_domain::secrets::token_hash;
use wt_jobs::ledger;
use wt_store::jobs::{Job, NewJob};
use wt_store::{reset_tokens, sessions, users};

use crate::auth::passwords;
use crate::extract::{ClientIp, JsonBody};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem, too_many_requests};
use crate::routes::me::{password_event, weak_password};
use crate::security::rate_limit::RateLimiter;
use crate::state::AppState;

/// The mails the worker knows how to write.
#[derive(Debug, Clone, Copy)]
pub enum Mail {
    PasswordReset,
    Invitation,
}

impl Mail {
    fn template(self) -> &'static str {
        match self {
            Mail::PasswordReset => "password_reset",
            Mail::Invitation => "invitation",
        }
    }
}

/// Queues `mail` to `user_id`; at most one of a kind waits per user, so repeated clicks
/// do not flood an inbox.
pub async fn enqueue_mail(
    state: &AppState,
    mail: Mail,
    user_id: i64,
    requested_by: Option<i64>,
) -> Result<Job, wt_store::StoreError> {
    let mut new =
        NewJob::new(JobKind::Email).dedupe_key(format!("email:{}:{user_id}", mail.template()));
    new.payload = json!({ "template": mail.template(), "userId": user_id });
    new.requested_by = requested_by;
    let redis = state.redis_or_none().await;
    ledger::enqueue(&state.db, redis, &state.queues, &new).await
}

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
        enqueue_mail(&state, Mail::PasswordReset, user.id, None).await?;
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
