//! `/api/departments`: the department tree. Anyone who may read sees it; managers and
//! admins change it. Moving a department is a PATCH of `parentDepartment`; the database
//! refuses cycles and trees deeper than ten levels. Deleting works only for a department
//! with no people and no sub-departments; otherwise deactivate it.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wt_store::StoreError;
use wt_store::departments::{self, Department, DepartmentFields};

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PathId, QueryParams, nullable};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, field_problem, invalid_fields};
use crate::routes::fields;
use crate::routes::list::{ListPage, NameListQuery};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentView {
    id: i64,
    name: String,
    parent_department: Option<i64>,
    manager: Option<i64>,
    description: String,
    is_active: bool,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<Department> for DepartmentView {
    fn from(d: Department) -> Self {
        DepartmentView {
            id: d.id,
            name: d.name,
            parent_department: d.parent_id,
            manager: d.manager_id,
            description: d.description,
            is_active: d.is_active,
            version: d.version,
            created_at: d.created_at,
            updated_at: d.updated_at,
        }
    }
}

#[utoipa::path(
    get, path = "/api/departments", tag = "departments",
    params(NameListQuery),
    responses((status = 200, description = "OK", body = ListPage<DepartmentView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized)),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<NameListQuery>,
) -> Result<axum::Json<ListPage<DepartmentView>>, ApiError> {
    let (page, filter) = query.filter();
    let (items, total) = departments::list(&state.db, &filter).await?;
    let items = items.into_iter().map(DepartmentView::from).collect();
    Ok(axum::Json(ListPage::new(items, page, total)))
}

#[utoipa::path(
    get, path = "/api/departments/{id}", tag = "departments",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = DepartmentView),
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
    let department = departments::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The department"))?;
    Ok(fresh(
        &headers,
        department.version,
        DepartmentView::from(department),
    ))
}

/// A department as sent by a client: every field optional, so one type serves create
/// (with defaults) and PATCH (merging into the current row).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DepartmentBody {
    name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    parent_department: Option<Option<i64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    manager: Option<Option<i64>>,
    description: Option<String>,
    is_active: Option<bool>,
}

impl DepartmentBody {
    /// The body applied over `base`, checked.
    fn apply(self, base: DepartmentFields) -> Result<DepartmentFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.take(fields::name(
            "name",
            self.name.as_deref().unwrap_or(&base.name),
            200,
        ));
        let parent_id = checks.take(fields::reference(
            "parentDepartment",
            self.parent_department.unwrap_or(base.parent_id),
        ));
        let manager_id = checks.take(fields::reference(
            "manager",
            self.manager.unwrap_or(base.manager_id),
        ));
        let description = checks.take(fields::text(
            "description",
            self.description.unwrap_or(base.description),
            2000,
        ));
        checks.finish()?;
        Ok(DepartmentFields {
            name,
            parent_id,
            manager_id,
            description,
            is_active: self.is_active.unwrap_or(base.is_active),
        })
    }
}

fn empty() -> DepartmentFields {
    DepartmentFields {
        name: String::new(),
        parent_id: None,
        manager_id: None,
        description: String::new(),
        is_active: true,
    }
}

/// Maps the database's refusals to field errors the client can show.
fn refused(error: StoreError) -> ApiError {
    match &error {
        StoreError::Duplicate(c) if c == "departments_name_key" => field_problem(
            StatusCode::CONFLICT,
            "name_taken",
            "name",
            "Another department has this name.",
        ),
        StoreError::Invalid(c)
            if c == "departments_no_cycle" || c == "departments_not_own_parent" =>
        {
            field_problem(
                StatusCode::BAD_REQUEST,
                "department_cycle",
                "parentDepartment",
                "A department cannot be placed inside itself or one of its sub-departments.",
            )
        }
        StoreError::Invalid(c) if c == "departments_max_depth" => field_problem(
            StatusCode::BAD_REQUEST,
            "department_too_deep",
            "parentDepartment",
            "Departments can be nested at most ten levels deep.",
        ),
        StoreError::MissingReference(c) if c == "departments_parent_id_fkey" => field_problem(
            StatusCode::BAD_REQUEST,
            "parent_not_found",
            "parentDepartment",
            "The parent department does not exist.",
        ),
        StoreError::MissingReference(c) if c == "departments_manager_fkey" => field_problem(
            StatusCode::BAD_REQUEST,
            "manager_not_found",
            "manager",
            "The manager does not exist.",
        ),
        _ => error.into(),
    }
}

#[utoipa::path(
    post, path = "/api/departments", tag = "departments",
    request_body = DepartmentBody,
    responses((status = 201, description = "Created; `Location` names it", body = DepartmentView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<DepartmentBody>,
) -> Result<Response, ApiError> {
    let fields = body.apply(empty()).map_err(invalid_fields)?;
    let department = departments::insert(&state.db, &fields)
        .await
        .map_err(refused)?;
    let location = format!("/api/departments/{}", department.id);
    Ok(created(
        location,
        department.version,
        DepartmentView::from(department),
    ))
}

#[utoipa::path(
    patch, path = "/api/departments/{id}", tag = "departments",
    params(("id" = i64, Path)),
    request_body = DepartmentBody,
    responses((status = 200, description = "OK", body = DepartmentView),
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
    JsonBody(body): JsonBody<DepartmentBody>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let current = departments::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The department"))?;
    let base = DepartmentFields {
        name: current.name,
        parent_id: current.parent_id,
        manager_id: current.manager_id,
        description: current.description,
        is_active: current.is_active,
    };
    let fields = body.apply(base).map_err(invalid_fields)?;
    // Without If-Match, the version just read still guards against a concurrent write.
    let version = expected.unwrap_or(current.version);
    let department = departments::update(&state.db, id, &fields, Some(version))
        .await
        .map_err(refused)?
        .ok_or_else(precondition_failed)?;
    Ok(tagged(department.version, DepartmentView::from(department)))
}

#[utoipa::path(
    delete, path = "/api/departments/{id}", tag = "departments",
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
    let current = departments::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The department"))?;
    if expected.is_some_and(|version| version != current.version) {
        return Err(precondition_failed().into());
    }
    if departments::delete_unused(&state.db, id, Some(current.version)).await? {
        return Ok(StatusCode::NO_CONTENT);
    }
    Err(Problem::new(
        StatusCode::CONFLICT,
        "department_in_use",
        "This department still has people or sub-departments. Move them, or deactivate it.",
    )
    .into())
}
