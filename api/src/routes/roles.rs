//! `/api/roles`: the job roles people hold. Managers and admins change them. A role can be
//! deleted only while nobody holds it, and deactivated only while no active person does.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wt_store::StoreError;
use wt_store::roles::{self, Role, RoleFields};

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::fields;
use crate::routes::list::{ListPage, NameListQuery};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleView {
    id: i64,
    name: String,
    description: String,
    is_active: bool,
    version: i64,
}

impl From<Role> for RoleView {
    fn from(r: Role) -> Self {
        RoleView {
            id: r.id,
            name: r.name,
            description: r.description,
            is_active: r.is_active,
            version: r.version,
        }
    }
}

#[utoipa::path(
    get, path = "/api/roles", tag = "roles",
    params(NameListQuery),
    responses((status = 200, description = "OK", body = ListPage<RoleView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized)),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<NameListQuery>,
) -> Result<axum::Json<ListPage<RoleView>>, ApiError> {
    let (page, filter) = query.filter();
    let (items, total) = roles::list(&state.db, &filter).await?;
    Ok(axum::Json(ListPage::new(
        items.into_iter().map(RoleView::from).collect(),
        page,
        total,
    )))
}

#[utoipa::path(
    get, path = "/api/roles/{id}", tag = "roles",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = RoleView),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound)),
    security(("bearer" = []))
)]
pub async fn show(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let role = roles::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The role"))?;
    Ok(fresh(&headers, role.version, RoleView::from(role)))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleBody {
    name: Option<String>,
    description: Option<String>,
    is_active: Option<bool>,
}

impl RoleBody {
    fn apply(self, base: RoleFields) -> Result<RoleFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.take(fields::name(
            "name",
            self.name.as_deref().unwrap_or(&base.name),
            100,
        ));
        let description = checks.take(fields::text(
            "description",
            self.description.unwrap_or(base.description),
            2000,
        ));
        checks.finish()?;
        Ok(RoleFields {
            name,
            description,
            is_active: self.is_active.unwrap_or(base.is_active),
        })
    }
}

fn refused(error: StoreError) -> ApiError {
    match &error {
        StoreError::Duplicate(c) if c == "roles_name_key" => {
            let message = "Another role has this name.";
            Problem::new(StatusCode::CONFLICT, "name_taken", message)
                .with_errors(vec![FieldError::new("name", "name_taken", message)])
                .into()
        }
        _ => error.into(),
    }
}

fn in_use(detail: &str) -> ApiError {
    Problem::new(StatusCode::CONFLICT, "role_in_use", detail).into()
}

#[utoipa::path(
    post, path = "/api/roles", tag = "roles",
    request_body = RoleBody,
    responses((status = 201, description = "Created; `Location` names it", body = RoleView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<RoleBody>,
) -> Result<Response, ApiError> {
    let empty = RoleFields {
        name: String::new(),
        description: String::new(),
        is_active: true,
    };
    let fields = body.apply(empty).map_err(invalid_fields)?;
    let role = roles::insert(&state.db, &fields).await.map_err(refused)?;
    Ok(created(
        format!("/api/roles/{}", role.id),
        role.version,
        RoleView::from(role),
    ))
}

#[utoipa::path(
    patch, path = "/api/roles/{id}", tag = "roles",
    params(("id" = i64, Path)),
    request_body = RoleBody,
    responses((status = 200, description = "OK", body = RoleView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 409, response = r::Conflict), (status = 412, response = r::PreconditionFailed),
        (status = 413, response = r::PayloadTooLarge)),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
    JsonBody(body): JsonBody<RoleBody>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let current = roles::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The role"))?;
    let base = RoleFields {
        name: current.name,
        description: current.description,
        is_active: current.is_active,
    };
    let fields = body.apply(base).map_err(invalid_fields)?;
    if current.is_active && !fields.is_active && roles::holders(&state.db, id).await? > 0 {
        return Err(in_use(
            "Active people hold this role. Give them another role first.",
        ));
    }
    let version = expected.unwrap_or(current.version);
    let role = roles::update(&state.db, id, &fields, Some(version))
        .await
        .map_err(refused)?
        .ok_or_else(precondition_failed)?;
    Ok(tagged(role.version, RoleView::from(role)))
}

#[utoipa::path(
    delete, path = "/api/roles/{id}", tag = "roles",
    params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), (status = 400, response = r::BadRequest),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound), (status = 409, response = r::Conflict),
        (status = 412, response = r::PreconditionFailed)),
    security(("bearer" = []))
)]
pub async fn delete(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let expected = if_match(&headers)?;
    let current = roles::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The role"))?;
    if expected.is_some_and(|version| version != current.version) {
        return Err(precondition_failed().into());
    }
    if roles::delete_unused(&state.db, id, Some(current.version)).await? {
        return Ok(StatusCode::NO_CONTENT);
    }
    Err(in_use("People hold this role. Deactivate it instead."))
}
