//! `/api/auth/me`: the signed-in user's own account: who they are, their preferences, and
//! changing their password (which ends every other session).

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wt_domain::accounts::{Role, check_password};
use wt_store::{audit, sessions, users};

use crate::auth::sessions::TokenBody;
use crate::auth::{SignedIn, passwords, sessions as auth_sessions, throttle};
use crate::extract::JsonBody;
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::state::AppState;

const THEMES: [&str; 3] = ["light", "dark", "system"];

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    theme: String,
    default_department: Option<i64>,
}

/// The signed-in user as they see themselves.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeView {
    id: i64,
    username: String,
    email: String,
    #[schema(schema_with = crate::openapi::role_schema)]
    role: Role,
    person: Option<i64>,
    is_active: bool,
    settings: SettingsView,
    created_at: DateTime<Utc>,
}

impl From<&users::User> for MeView {
    fn from(user: &users::User) -> Self {
        MeView {
            id: user.id,
            username: user.username.clone(),
            email: user.email.clone(),
            role: user.role,
            person: user.person_id,
            is_active: user.is_active,
            settings: SettingsView {
                theme: user.theme.clone(),
                default_department: user.default_department_id,
            },
            created_at: user.created_at,
        }
    }
}

async fn load(state: &AppState, id: i64) -> Result<users::User, ApiError> {
    users::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("Your account").into())
}

#[utoipa::path(
    get, path = "/api/auth/me", tag = "auth",
    responses((status = 200, description = "OK", body = MeView),
        (status = 401, response = r::Unauthorized), (status = 404, response = r::NotFound))
)]
pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
) -> Result<Json<MeView>, ApiError> {
    Ok(Json(MeView::from(&load(&state, me.id).await?)))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SettingsChange {
    theme: Option<String>,
    #[serde(default, deserialize_with = "crate::extract::nullable")]
    #[schema(nullable)]
    default_department: Option<Option<i64>>,
}

#[utoipa::path(
    patch, path = "/api/auth/me/settings", tag = "auth",
    request_body = SettingsChange,
    responses((status = 200, description = "OK", body = MeView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound), (status = 413, response = r::PayloadTooLarge))
)]
pub async fn update_settings(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    JsonBody(change): JsonBody<SettingsChange>,
) -> Result<Json<MeView>, ApiError> {
    let current = load(&state, me.id).await?;
    let theme = change.theme.unwrap_or(current.theme);
    if !THEMES.contains(&theme.as_str()) {
        let message = "Choose light, dark or system.";
        return Err(
            invalid_fields(vec![FieldError::new("theme", "invalid_choice", message)]).into(),
        );
    }
    let department = change
        .default_department
        .unwrap_or(current.default_department_id);
    if department.is_some_and(|id| id <= 0) {
        let message = "Choose a department, or none.";
        let error = FieldError::new("defaultDepartment", "invalid_id", message);
        return Err(invalid_fields(vec![error]).into());
    }
    let user = users::update_settings(&state.db, me.id, &theme, department)
        .await?
        .ok_or_else(|| Problem::not_found("Your account"))?;
    Ok(Json(MeView::from(&user)))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PasswordChange {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// 400 `weak_password` listing what is wrong with `password` for `username`.
pub fn weak_password(field: &str, username: &str, password: &str) -> Option<Problem> {
    let problems = check_password(username, password).err()?;
    let errors = problems
        .into_iter()
        .map(|problem| FieldError::new(field, problem.code(), problem.message()))
        .collect();
    Some(Problem::bad_request("weak_password", "Choose a stronger password.").with_errors(errors))
}

#[utoipa::path(
    post, path = "/api/auth/change-password", tag = "auth",
    request_body = PasswordChange,
    responses((status = 200, description = "Changed; every other session has ended", body = TokenBody),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound), (status = 413, response = r::PayloadTooLarge),
        (status = 429, response = r::TooManyRequests))
)]
pub async fn change_password(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    JsonBody(change): JsonBody<PasswordChange>,
) -> Result<Response, ApiError> {
    let user = load(&state, me.id).await?;
    let mut attempts = throttle::Attempts::password_change(&state, me.id).await;
    if let Err(refused) = attempts.check().await {
        return Ok(refused);
    }
    if !passwords::verify(change.current_password, user.password_hash.clone()).await {
        attempts.failed().await;
        let message = "This is not your current password.";
        let error = FieldError::new("currentPassword", "wrong_password", message);
        return Err(Problem::bad_request("wrong_password", message)
            .with_errors(vec![error])
            .into());
    }
    attempts.succeeded().await;
    if let Some(problem) = weak_password("newPassword", &user.username, &change.new_password) {
        return Err(problem.into());
    }
    let hash = passwords::hash(change.new_password)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mut tx = state.db.begin().await?;
    users::set_password(&mut *tx, user.id, &hash).await?;
    sessions::revoke_all(&mut *tx, user.id, "password changed").await?;
    audit::record(
        &mut *tx,
        &password_event(me.id, &user, "changed by the user"),
    )
    .await?;
    let user = users::find(&mut *tx, user.id)
        .await?
        .ok_or_else(|| Problem::not_found("Your account"))?;
    let issued = auth_sessions::start(&state, &mut tx, &user).await?;
    tx.commit().await?;
    Ok(auth_sessions::respond(&state, &user, issued))
}

/// The audit event of a password being set on `user`.
pub fn password_event<'a>(actor: i64, user: &'a users::User, how: &str) -> audit::NewEvent<'a> {
    audit::NewEvent {
        actor_id: Some(actor),
        action: "password_set",
        target_type: "user",
        target_id: Some(user.id),
        target_label: &user.username,
        details: serde_json::json!({ "how": how }),
    }
}
