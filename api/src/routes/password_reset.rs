//! Password reset by email. Asking always answers 204, whether or not the address belongs
//! to anyone; the mail itself (with a single-use, expiring link) is written and sent by a
//! worker job, never inline. Confirming sets the password and ends every session.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;
use wt_domain::secrets::token_hash;
use wt_domain::text::{self, StoredText};
use wt_jobs::payloads::{Email, MailTemplate};
use wt_store::{reset_tokens, sessions, users};

use crate::auth::passwords;
use crate::extract::{ClientIp, JsonBody};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::me::{password_event, weak_password};
use crate::security::rate_limit::{IfRedisDown, Limit, Limiter, client_subject, text_subject};
use crate::state::AppState;

/// Longer than any token of ours (43 characters): anything longer is refused unhashed.
const MAX_TOKEN_BYTES: usize = 128;

#[derive(Deserialize, ToSchema)]
pub struct ResetRequest {
    #[serde(default)]
    email: String,
}

/// Requests per client address per hour: enough for a forgetful person, too few to spam.
const RESET_PER_CLIENT: Limit = Limit {
    scope: "reset-client",
    max: 10,
    window: Duration::from_secs(3600),
};

/// Requests per email address per hour, from wherever they come: nobody's mailbox is
/// flooded by many clients asking for the same address.
const RESET_PER_EMAIL: Limit = Limit {
    scope: "reset-email",
    max: 5,
    window: Duration::from_secs(3600),
};

#[utoipa::path(
    post, path = "/api/auth/password-reset", tag = "auth",
    request_body = ResetRequest,
    responses((status = 204, description = "Asked; a mail goes out if the address belongs to an active account"),
        (status = 400, response = r::BadRequest), (status = 413, response = r::PayloadTooLarge),
        (status = 429, response = r::TooManyRequests), (status = 503, response = r::RateLimitUnavailable))
)]
pub async fn request(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    JsonBody(body): JsonBody<ResetRequest>,
) -> Result<Response, ApiError> {
    let email = body.email.trim();
    // Without Redis the request is refused (503): each one may queue a mail, and an
    // outage must not open the way to flooding a mailbox. Asking again later costs little.
    let mut limiter = Limiter::new(&state, IfRedisDown::Refuse).await;
    let buckets = [
        RESET_PER_CLIENT.bucket(client_subject(ip)),
        RESET_PER_EMAIL.bucket(text_subject(email)),
    ];
    if let Err(refusal) = limiter.take(&buckets).await {
        let detail = "Too many reset requests. Try again later.";
        return Ok(refusal.respond("too_many_attempts", detail));
    }
    if let Ok(email) = text::Email::parse(email.to_owned())
        && let Some(user) = users::find_active_by_email(&state.db, &email.into_string()).await?
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
    if token.is_empty() || token.len() > MAX_TOKEN_BYTES {
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
