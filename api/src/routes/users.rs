//! `/api/users`: account administration, for admins only. Every change is recorded in the
//! audit trail in the same transaction; deactivating a user or setting their password ends
//! all their sessions.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use wt_domain::accounts::Role;
use wt_domain::text::{Email, Username};
use wt_jobs::payloads::{self, MailTemplate};
use wt_store::users::{self, NewUser, User, UserChanges, UserFilter};
use wt_store::{StoreError, audit, sessions};

use crate::auth::{Admin, passwords};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PageQuery, PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::fields;
use crate::routes::list::ListPage;
use crate::routes::me::weak_password;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    id: i64,
    username: String,
    email: String,
    #[schema(schema_with = crate::openapi::role_schema)]
    role: Role,
    person: Option<i64>,
    is_active: bool,
    created_at: DateTime<Utc>,
    last_login_at: Option<DateTime<Utc>>,
    version: i64,
}

impl From<User> for UserView {
    fn from(user: User) -> Self {
        UserView {
            id: user.id,
            username: user.username,
            email: user.email,
            role: user.role,
            person: user.person_id,
            is_active: user.is_active,
            created_at: user.created_at,
            last_login_at: user.last_login_at,
            version: user.version,
        }
    }
}

fn with_etag(user: User) -> Response {
    tagged(user.version, UserView::from(user))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    // Not `#[serde(flatten)]`: flattened query fields arrive as strings and fail to parse
    // as numbers.
    page: Option<u64>,
    page_size: Option<u64>,
    search: Option<String>,
    #[param(schema_with = crate::openapi::role_schema)]
    role: Option<Role>,
    active: Option<bool>,
}

#[utoipa::path(
    get, path = "/api/users", tag = "users",
    params(UserQuery),
    responses((status = 200, description = "OK", body = ListPage<UserView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden))
)]
pub async fn list(
    State(state): State<AppState>,
    Admin(_): Admin,
    QueryParams(query): QueryParams<UserQuery>,
) -> Result<Json<ListPage<UserView>>, ApiError> {
    let page = PageQuery {
        page: query.page,
        page_size: query.page_size,
    }
    .page(100);
    let filter = UserFilter {
        search: query
            .search
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        role: query.role,
        active: query.active,
        limit: page.page_size,
        offset: page.offset(),
    };
    let (found, total) = users::list(&state.db, &filter).await?;
    Ok(Json(ListPage::new(
        found.into_iter().map(UserView::from).collect(),
        page,
        total,
    )))
}

#[utoipa::path(
    get, path = "/api/users/{id}", tag = "users",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = UserView),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound))
)]
pub async fn show(
    State(state): State<AppState>,
    Admin(_): Admin,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let user = users::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The user"))?;
    Ok(fresh(&headers, user.version, UserView::from(user)))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewUserBody {
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default = "default_role")]
    #[schema(schema_with = crate::openapi::role_schema)]
    role: Role,
    password: Option<String>,
}

fn default_role() -> Role {
    Role::User
}

/// Maps a duplicate username or email to 409 with the field named.
fn conflict(error: StoreError) -> ApiError {
    match &error {
        StoreError::Duplicate(constraint) if constraint == "users_username_key" => {
            let problem = Problem::new(
                StatusCode::CONFLICT,
                "username_taken",
                "This username is taken.",
            );
            problem
                .with_errors(vec![FieldError::new(
                    "username",
                    "username_taken",
                    "This username is taken.",
                )])
                .into()
        }
        StoreError::Duplicate(constraint) if constraint == "users_email_key" => {
            let message = "Another account uses this email address.";
            Problem::new(StatusCode::CONFLICT, "email_taken", message)
                .with_errors(vec![FieldError::new("email", "email_taken", message)])
                .into()
        }
        StoreError::Duplicate(constraint) if constraint == "users_person_key" => {
            let message = "Another account is already linked to this person.";
            Problem::new(StatusCode::CONFLICT, "person_already_linked", message)
                .with_errors(vec![FieldError::new(
                    "person",
                    "person_already_linked",
                    message,
                )])
                .into()
        }
        StoreError::MissingReference(constraint) if constraint == "users_person_fkey" => {
            let message = "The person does not exist.";
            invalid_fields(vec![FieldError::new("person", "person_not_found", message)]).into()
        }
        _ => error.into(),
    }
}

#[utoipa::path(
    post, path = "/api/users", tag = "users",
    request_body = NewUserBody,
    responses((status = 201, description = "Created (without a password: an invitation mail is queued)", body = UserView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn create(
    State(state): State<AppState>,
    Admin(admin): Admin,
    JsonBody(body): JsonBody<NewUserBody>,
) -> Result<Response, ApiError> {
    let mut checks = fields::Checks::default();
    let username = checks.take(fields::stored::<Username>("username", body.username));
    let email = checks.take(fields::stored::<Email>("email", body.email));
    checks.finish().map_err(invalid_fields)?;
    let password = body.password.filter(|p| !p.is_empty());
    let password_hash = match password {
        Some(password) => {
            if let Some(problem) = weak_password("password", &username, &password) {
                return Err(problem.into());
            }
            Some(
                passwords::hash(password)
                    .await
                    .map_err(|e| ApiError::Internal(e.into()))?,
            )
        }
        None => None,
    };
    let invite = password_hash.is_none();
    let new = NewUser {
        username,
        email,
        password_hash,
        role: body.role,
    };
    let mut tx = state.jobs.begin(&state.db).await?;
    let user = users::insert(&mut *tx, &new).await.map_err(conflict)?;
    let event = audit::NewEvent {
        actor_id: Some(admin.id),
        action: if invite {
            "user_invited"
        } else {
            "user_created"
        },
        target_type: "user",
        target_id: Some(user.id),
        target_label: &user.username,
        details: json!({ "role": user.role, "email": user.email }),
    };
    audit::record(&mut *tx, &event).await?;
    if invite {
        let mail = payloads::Email {
            template: MailTemplate::Invitation,
            user_id: user.id,
        };
        tx.enqueue(&mail, Some(admin.id)).await?;
    }
    tx.commit().await?;
    let location = format!("/api/users/{}", user.id);
    Ok(created(location, user.version, UserView::from(user)))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserPatch {
    #[schema(schema_with = crate::openapi::role_schema)]
    role: Option<Role>,
    is_active: Option<bool>,
    email: Option<String>,
    /// The person this account is (a user edits that person's profile and hours), or
    /// `null` to unlink.
    #[serde(default, deserialize_with = "crate::extract::nullable")]
    #[schema(value_type = Option<i64>, nullable)]
    person: Option<Option<i64>>,
}

#[utoipa::path(
    patch, path = "/api/users/{id}", tag = "users",
    params(("id" = i64, Path)),
    request_body = UserPatch,
    responses((status = 200, description = "OK", body = UserView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 409, response = r::Conflict), (status = 412, response = r::PreconditionFailed),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn update(
    State(state): State<AppState>,
    Admin(admin): Admin,
    PathId(id): PathId,
    headers: HeaderMap,
    JsonBody(patch): JsonBody<UserPatch>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    if id == admin.id && patch.role.is_some_and(|role| role != admin.role) {
        let detail = "You cannot change your own role; ask another admin.";
        return Err(Problem::bad_request("cannot_change_own_role", detail).into());
    }
    if id == admin.id && patch.is_active == Some(false) {
        let detail = "You cannot deactivate your own account.";
        return Err(Problem::bad_request("cannot_deactivate_self", detail).into());
    }
    let email = patch
        .email
        .map(|email| fields::stored::<Email>("email", email))
        .transpose()
        .map_err(|error| invalid_fields(vec![error]))?;
    let mut tx = state.db.begin().await?;
    let before = users::find(&mut *tx, id)
        .await?
        .ok_or_else(|| Problem::not_found("The user"))?;
    if patch.person.flatten().is_some_and(|person| person <= 0) {
        let message = "Choose an existing person.";
        return Err(invalid_fields(vec![FieldError::new("person", "invalid_id", message)]).into());
    }
    let changes = UserChanges {
        role: patch.role,
        is_active: patch.is_active,
        email,
        person_id: patch.person,
    };
    // Without If-Match, the version just read guards the write, so the audit's "from"
    // values are the ones replaced.
    let version = expected.unwrap_or(before.version);
    let Some(after) = users::update(&mut *tx, id, &changes, Some(version))
        .await
        .map_err(conflict)?
    else {
        return Err(precondition_failed().into());
    };
    for event in changes_audit(admin.id, &before, &after) {
        audit::record(&mut *tx, &event).await?;
    }
    if before.is_active && !after.is_active {
        sessions::revoke_all(&mut *tx, id, "deactivated").await?;
    }
    tx.commit().await?;
    Ok(with_etag(after))
}

/// One audit event per field that changed.
fn changes_audit<'a>(actor: i64, before: &User, after: &'a User) -> Vec<audit::NewEvent<'a>> {
    let event = |action: &'static str, details: serde_json::Value| audit::NewEvent {
        actor_id: Some(actor),
        action,
        target_type: "user",
        target_id: Some(after.id),
        target_label: &after.username,
        details,
    };
    let mut events = Vec::new();
    if before.role != after.role {
        events.push(event(
            "role_changed",
            json!({ "from": before.role, "to": after.role }),
        ));
    }
    if before.is_active != after.is_active {
        let action = if after.is_active {
            "user_reactivated"
        } else {
            "user_deactivated"
        };
        events.push(event(action, json!({})));
    }
    if before.email != after.email {
        events.push(event(
            "email_changed",
            json!({ "from": before.email, "to": after.email }),
        ));
    }
    if before.person_id != after.person_id {
        events.push(event(
            "person_linked",
            json!({ "from": before.person_id, "to": after.person_id }),
        ));
    }
    events
}
