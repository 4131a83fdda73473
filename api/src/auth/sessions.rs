//! Sign-in sessions end to end: start one (a new refresh family, a refresh token and an
//! access token), rotate it on refresh (a replayed token revokes its family and is logged
//! as a security event), and answer with the tokens: the refresh token as an HttpOnly
//! cookie in cookie mode, in the body otherwise.

use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use sqlx::PgConnection;
use wt_domain::secrets::{new_token, token_hash};
use wt_store::sessions::{self, Presented};
use wt_store::users::{self, User};

use super::cookie;
use crate::problem::ApiError;
use crate::routes::me::MeView;
use crate::state::AppState;

/// Tokens handed to a client.
pub struct Issued {
    pub access: String,
    pub access_expires_at: DateTime<Utc>,
    pub refresh: String,
}

/// Starts a new session for `user` (inside the caller's transaction).
pub async fn start(
    state: &AppState,
    conn: &mut PgConnection,
    user: &User,
) -> Result<Issued, ApiError> {
    let settings = &state.settings;
    let family = sessions::start_family(&mut *conn, user.id, settings.refresh_absolute()).await?;
    add_token(state, conn, family, user).await
}

async fn add_token(
    state: &AppState,
    conn: &mut PgConnection,
    family: i64,
    user: &User,
) -> Result<Issued, ApiError> {
    let refresh = new_token();
    sessions::add_token(
        &mut *conn,
        family,
        &token_hash(&refresh),
        state.settings.refresh_idle(),
    )
    .await?;
    let (access, access_expires_at) = state
        .access_keys
        .issue(user.id, user.role, user.token_version)
        .map_err(ApiError::Internal)?;
    Ok(Issued {
        access,
        access_expires_at,
        refresh,
    })
}

/// Rotates a presented refresh token. `None` when it is unknown, expired, revoked, or a
/// replay (which also revokes its family).
pub async fn rotate(state: &AppState, refresh: &str) -> Result<Option<(User, Issued)>, ApiError> {
    let mut tx = state.db.begin().await?;
    let outcome = match sessions::present(&mut tx, &token_hash(refresh)).await? {
        Presented::Valid { family_id, user_id } => match users::find(&mut *tx, user_id).await? {
            Some(user) if user.is_active => {
                let issued = add_token(state, &mut tx, family_id, &user).await?;
                Some((user, issued))
            }
            _ => None,
        },
        Presented::Reused { family_id, user_id } => {
            sessions::revoke_family(&mut *tx, family_id, "refresh token reused").await?;
            tracing::warn!(
                security_event = "refresh_token_reused",
                user_id,
                family_id,
                "a rotated refresh token was presented again; the session is revoked"
            );
            let event = wt_store::audit::NewEvent {
                actor_id: None,
                action: "refresh_token_reused",
                target_type: "user",
                target_id: Some(user_id),
                target_label: "",
                details: json!({ "familyId": family_id }),
            };
            wt_store::audit::record(&mut *tx, &event).await?;
            None
        }
        Presented::Invalid => None,
    };
    tx.commit().await?;
    Ok(outcome)
}

/// What sign-in, refresh and a password change answer.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenBody {
    access: String,
    access_expires_at: DateTime<Utc>,
    user: MeView,
    /// Only when refresh tokens are not sent as a cookie.
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh: Option<String>,
}

/// The answer to a sign-in, refresh or password change.
pub fn respond(state: &AppState, user: &User, issued: Issued) -> Response {
    let cookie_mode = state.settings.cookie_refresh_auth;
    let body = TokenBody {
        access: issued.access,
        access_expires_at: issued.access_expires_at,
        user: MeView::from(user),
        refresh: (!cookie_mode).then(|| issued.refresh.clone()),
    };
    let mut response = Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if cookie_mode {
        let settings = &state.settings;
        let value = cookie::set(&issued.refresh, settings.refresh_idle(), settings.debug);
        headers.insert(header::SET_COOKIE, value);
    }
    response
}
