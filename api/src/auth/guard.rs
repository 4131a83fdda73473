//! Who may call a route, decided in one place: each handler names its guard as an
//! extractor. `Reader` is any signed-in user (or anyone while `AUTH_ENFORCED=false`, for
//! staged roll-outs); `SignedIn` always needs a user; `Manager` (planning writes) and
//! `Admin` need that role or a higher one.
//! A token is checked against the database on every request, so deactivation, a password
//! change or a role change takes effect at once.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use wt_domain::accounts::Role;

use crate::problem::Problem;
use crate::state::AppState;

/// The signed-in caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub person_id: Option<i64>,
}

/// Reads: a signed-in user, or `None` for anyone when authentication is not enforced.
#[derive(Debug, Clone)]
pub struct Reader(pub Option<Principal>);

/// Any signed-in user.
#[derive(Debug, Clone)]
pub struct SignedIn(pub Principal);

/// A manager or an admin: writes planning data.
#[derive(Debug, Clone)]
pub struct Manager(pub Principal);

/// An admin.
#[derive(Debug, Clone)]
pub struct Admin(pub Principal);

fn unauthenticated(detail: &str) -> Problem {
    Problem::new(StatusCode::UNAUTHORIZED, "not_authenticated", detail)
}

fn invalid_token() -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "token_invalid",
        "Your session has expired or is no longer valid. Please sign in again.",
    )
}

pub fn forbidden() -> Problem {
    Problem::new(
        StatusCode::FORBIDDEN,
        "forbidden",
        "Your account is not allowed to do this.",
    )
}

/// The caller of this request: `Ok(None)` without credentials, an error for bad ones.
async fn authenticate(parts: &Parts, state: &AppState) -> Result<Option<Principal>, Problem> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(invalid_token)?;
    let claims = state
        .access_keys
        .verify(token.trim())
        .ok_or_else(invalid_token)?;
    let id: i64 = claims.sub.parse().map_err(|_| invalid_token())?;
    let user = wt_store::users::find(&state.db, id)
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not load the signed-in user");
            crate::problem::internal_error()
        })?;
    match user {
        Some(user) if user.is_active && user.token_version == claims.ver => Ok(Some(Principal {
            id: user.id,
            username: user.username,
            role: user.role,
            person_id: user.person_id,
        })),
        _ => Err(invalid_token()),
    }
}

async fn required(parts: &Parts, state: &AppState) -> Result<Principal, Problem> {
    authenticate(parts, state)
        .await?
        .ok_or_else(|| unauthenticated("Please sign in."))
}

impl FromRequestParts<AppState> for Reader {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let principal = authenticate(parts, state).await?;
        if principal.is_none() && state.settings.auth_enforced {
            return Err(unauthenticated("Please sign in."));
        }
        Ok(Reader(principal))
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        required(parts, state).await.map(SignedIn)
    }
}

impl FromRequestParts<AppState> for Manager {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let principal = required(parts, state).await?;
        if principal.role.includes(Role::Manager) {
            Ok(Manager(principal))
        } else {
            Err(forbidden())
        }
    }
}

impl FromRequestParts<AppState> for Admin {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let principal = required(parts, state).await?;
        if principal.role.includes(Role::Admin) {
            Ok(Admin(principal))
        } else {
            Err(forbidden())
        }
    }
}
