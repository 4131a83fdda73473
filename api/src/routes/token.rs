//! `/api/token`: sign in, refresh, sign out. Sign-in answers the same for an unknown user,
//! a wrong password and a deactivated account, after the same amount of hashing work, and
//! is throttled per username and per address.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;
use wt_domain::accounts::MAX_PASSWORD_LEN;
use wt_domain::secrets::token_hash;
use wt_domain::text::Username;
use wt_store::{sessions, users};

use crate::auth::sessions::TokenBody;
use crate::auth::{cookie, csrf, passwords, sessions as auth_sessions, throttle};
use crate::extract::{ClientIp, JsonBody};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::state::AppState;

/// The longest password worth checking, in bytes: no password set here is longer
/// (`MAX_PASSWORD_LEN` characters of at most four bytes), and hashing stays cheap.
const MAX_PASSWORD_BYTES: usize = 4 * MAX_PASSWORD_LEN;

#[derive(Deserialize, ToSchema)]
pub struct Credentials {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

fn wrong_credentials() -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
        "Wrong username or password.",
    )
}

fn refresh_invalid() -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "refresh_invalid",
        "Your session has ended. Please sign in again.",
    )
}

#[utoipa::path(
    post, path = "/api/token", tag = "auth",
    request_body = Credentials,
    responses((status = 200, description = "Signed in; the refresh token is a cookie (cookie mode) or `refresh`", body = TokenBody),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 413, response = r::PayloadTooLarge),
        (status = 429, response = r::TooManyRequests))
)]
pub async fn obtain(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    JsonBody(credentials): JsonBody<Credentials>,
) -> Result<Response, ApiError> {
    let username = credentials.username.trim();
    let mut missing = Vec::new();
    if username.is_empty() || username.len() > Username::MAX {
        missing.push(FieldError::new(
            "username",
            "required",
            "Enter your username.",
        ));
    }
    if credentials.password.is_empty() || credentials.password.len() > MAX_PASSWORD_BYTES {
        missing.push(FieldError::new(
            "password",
            "required",
            "Enter your password.",
        ));
    }
    if !missing.is_empty() {
        return Err(invalid_fields(missing).into());
    }
    let mut attempts = throttle::Attempts::sign_in(&state, ip, username).await;
    if let Err(refused) = attempts.check().await {
        return Ok(refused);
    }
    let user = users::find_by_username(&state.db, username).await?;
    let hash = user
        .as_ref()
        .filter(|user| user.is_active)
        .and_then(|user| user.password_hash.clone());
    let verified = passwords::verify(credentials.password, hash).await;
    let Some(user) = user.filter(|_| verified) else {
        attempts.failed().await;
        let client = ip.map(tracing::field::display);
        tracing::info!(security_event = "signin_failed", client, "sign-in refused");
        return Err(wrong_credentials().into());
    };
    attempts.succeeded().await;
    let mut tx = state.db.begin().await?;
    let issued = auth_sessions::start(&state, &mut tx, &user).await?;
    users::record_login(&mut *tx, user.id).await?;
    tx.commit().await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(auth_sessions::respond(&state, &user, issued))
}

#[derive(Deserialize, Default, ToSchema)]
pub struct RefreshBody {
    refresh: Option<String>,
}

/// The refresh token of this request: the cookie in cookie mode, the body otherwise.
fn presented(state: &AppState, headers: &HeaderMap, body: Option<RefreshBody>) -> Option<String> {
    if state.settings.cookie_refresh_auth {
        cookie::read(headers)
    } else {
        body.and_then(|body| body.refresh)
            .filter(|token| !token.is_empty())
    }
}

#[utoipa::path(
    post, path = "/api/token/refresh", tag = "auth",
    params(("X-Requested-With" = String, Header, description = "Must be `XMLHttpRequest` (CSRF guard)")),
    request_body = Option<RefreshBody>,
    responses((status = 200, description = "A new access token (and a rotated refresh token)", body = TokenBody),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden))
)]
pub async fn refresh(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Option<axum::Json<RefreshBody>>,
) -> Result<Response, ApiError> {
    csrf::check(&headers, &state.settings)?;
    let token = presented(&state, &headers, body.map(|b| b.0)).ok_or_else(refresh_invalid)?;
    match auth_sessions::rotate(&state, &token).await? {
        Some((user, issued)) => Ok(auth_sessions::respond(&state, &user, issued)),
        None => {
            let mut response = refresh_invalid().into_response();
            clear_cookie(&state, &mut response);
            Ok(response)
        }
    }
}

#[utoipa::path(
    post, path = "/api/token/logout", tag = "auth",
    params(("X-Requested-With" = String, Header, description = "Must be `XMLHttpRequest` (CSRF guard)")),
    request_body = Option<RefreshBody>,
    responses((status = 204, description = "Signed out"), (status = 403, response = r::Forbidden))
)]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Option<axum::Json<RefreshBody>>,
) -> Result<Response, ApiError> {
    csrf::check(&headers, &state.settings)?;
    if let Some(token) = presented(&state, &headers, body.map(|b| b.0))
        && let Some(family) = sessions::family_of(&state.db, &token_hash(&token)).await?
    {
        sessions::revoke_family(&state.db, family, "signed out").await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    clear_cookie(&state, &mut response);
    Ok(response)
}

fn clear_cookie(state: &AppState, response: &mut Response) {
    if state.settings.cookie_refresh_auth {
        let value = cookie::clear(state.settings.debug);
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}
