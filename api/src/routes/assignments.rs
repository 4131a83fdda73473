//! `/api/assignments`: people on projects, with their weekly hours. Reading is open to
//! readers; managers and admins create, change and remove assignments; a user may change
//! the hours of their own assignments (nothing else). Bulk hour edits live in `hours.rs`.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use wt_domain::accounts::Role;
use wt_domain::text::{Notes, RoleOnProject};
use wt_domain::weekly_hours::WeeklyHours;
use wt_store::StoreError;
use wt_store::assignments::{self, Assignment, AssignmentFields, AssignmentFilter};

use crate::auth::{Manager, Principal, Reader, SignedIn, guard::forbidden};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::contention::retry_contended;
use crate::extract::{JsonBody, PageQuery, PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem, field_problem, invalid_fields};
use crate::routes::list::ListPage;
use crate::routes::{fields, weekly};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentView {
    id: i64,
    person: i64,
    person_name: String,
    project: i64,
    project_name: String,
    role_on_project: String,
    #[schema(value_type = HashMap<String, f64>)]
    weekly_hours: WeeklyHours,
    notes: String,
    is_active: bool,
    version: i64,
}

impl From<Assignment> for AssignmentView {
    fn from(a: Assignment) -> Self {
        AssignmentView {
            weekly_hours: weekly::to_json(&a.weeks),
            id: a.id,
            person: a.person_id,
            person_name: a.person_name,
            project: a.project_id,
            project_name: a.project_name,
            role_on_project: a.role_on_project,
            notes: a.notes,
            is_active: a.is_active,
            version: a.version,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AssignmentQuery {
    page: Option<u64>,
    page_size: Option<u64>,
    person: Option<i64>,
    project: Option<i64>,
    active: Option<bool>,
}

#[utoipa::path(
    get, path = "/api/assignments", tag = "assignments",
    params(AssignmentQuery),
    responses((status = 200, description = "OK", body = ListPage<AssignmentView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<AssignmentQuery>,
) -> Result<axum::Json<ListPage<AssignmentView>>, ApiError> {
    let page = PageQuery {
        page: query.page,
        page_size: query.page_size,
    }
    .page(100);
    let filter = AssignmentFilter {
        person_id: query.person,
        project_id: query.project,
        active: query.active,
        limit: page.page_size,
        offset: page.offset(),
    };
    let mut conn = state.db.acquire().await?;
    let (found, total) = assignments::list(&mut conn, &filter).await?;
    Ok(axum::Json(ListPage::new(
        found.into_iter().map(AssignmentView::from).collect(),
        page,
        total,
    )))
}

async fn load(state: &AppState, id: i64) -> Result<Assignment, ApiError> {
    let mut conn = state.db.acquire().await?;
    assignments::find(&mut conn, id)
        .await?
        .ok_or_else(|| Problem::not_found("The assignment").into())
}

#[utoipa::path(
    get, path = "/api/assignments/{id}", tag = "assignments",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = AssignmentView),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn show(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let assignment = load(&state, id).await?;
    Ok(fresh(
        &headers,
        assignment.version,
        AssignmentView::from(assignment),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAssignment {
    person: i64,
    project: i64,
    #[serde(default)]
    role_on_project: String,
    #[serde(default)]
    notes: String,
    #[schema(value_type = Option<HashMap<String, f64>>)]
    weekly_hours: Option<Value>,
}

fn refused(error: StoreError) -> ApiError {
    match &error {
        StoreError::Duplicate(c) if c == "assignments_person_project_role_key" => field_problem(
            StatusCode::CONFLICT,
            "assignment_exists",
            "project",
            "This person is already on this project in this role.",
        ),
        StoreError::MissingReference(c) if c == "assignments_person_id_fkey" => field_problem(
            StatusCode::BAD_REQUEST,
            "person_not_found",
            "person",
            "The person does not exist.",
        ),
        StoreError::MissingReference(c) if c == "assignments_project_id_fkey" => field_problem(
            StatusCode::BAD_REQUEST,
            "project_not_found",
            "project",
            "The project does not exist.",
        ),
        _ => error.into(),
    }
}

#[utoipa::path(
    post, path = "/api/assignments", tag = "assignments",
    request_body = NewAssignment,
    responses((status = 201, description = "Created; `Location` names it", body = AssignmentView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn create(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<NewAssignment>,
) -> Result<Response, ApiError> {
    let mut checks = fields::Checks::default();
    checks.take(fields::reference("person", Some(body.person)));
    checks.take(fields::reference("project", Some(body.project)));
    let role = checks.take(fields::stored::<RoleOnProject>(
        "roleOnProject",
        body.role_on_project,
    ));
    let notes = checks.take(fields::stored::<Notes>("notes", body.notes));
    let weeks = match &body.weekly_hours {
        Some(value) => weekly::parse("weeklyHours", value).unwrap_or_else(|errors| {
            errors.into_iter().for_each(|e| {
                checks.take::<()>(Err(e));
            });
            BTreeMap::new()
        }),
        None => BTreeMap::new(),
    };
    checks.finish().map_err(invalid_fields)?;
    let fields = AssignmentFields {
        person_id: body.person,
        project_id: body.project,
        role_on_project: role,
        notes,
        is_active: true,
    };
    let assignment = retry_contended(|| insert(&state, &fields, &weeks)).await?;
    let id = assignment.id;
    let location = format!("/api/assignments/{id}");
    Ok(created(
        location,
        assignment.version,
        AssignmentView::from(assignment),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssignmentPatch {
    role_on_project: Option<String>,
    notes: Option<String>,
    is_active: Option<bool>,
    #[schema(value_type = Option<HashMap<String, f64>>)]
    weekly_hours: Option<Value>,
}

impl AssignmentPatch {
    fn hours_only(&self) -> bool {
        self.role_on_project.is_none() && self.notes.is_none() && self.is_active.is_none()
    }
}

/// Whether `me` may change the hours of an assignment of `person_id`.
pub(crate) fn may_plan(me: &Principal, person_id: i64) -> bool {
    me.role.includes(Role::Manager) || me.person_id == Some(person_id)
}

#[utoipa::path(
    patch, path = "/api/assignments/{id}", tag = "assignments",
    params(("id" = i64, Path)),
    request_body = AssignmentPatch,
    responses((status = 200, description = "Changed; `weeklyHours` merges the given weeks, 0 deletes a week", body = AssignmentView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 409, response = r::Conflict), (status = 412, response = r::PreconditionFailed),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn update(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    PathId(id): PathId,
    headers: HeaderMap,
    JsonBody(patch): JsonBody<AssignmentPatch>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let current = load(&state, id).await?;
    let allowed =
        me.role.includes(Role::Manager) || (patch.hours_only() && may_plan(&me, current.person_id));
    if !allowed {
        return Err(forbidden().into());
    }
    let mut checks = fields::Checks::default();
    let role = checks.take(fields::stored::<RoleOnProject>(
        "roleOnProject",
        patch
            .role_on_project
            .unwrap_or(current.role_on_project.clone()),
    ));
    let notes = checks.text::<Notes>("notes", patch.notes, current.notes.clone());
    let weeks = match &patch.weekly_hours {
        Some(value) => weekly::parse("weeklyHours", value).map_err(invalid_fields)?,
        None => BTreeMap::new(),
    };
    checks.finish().map_err(invalid_fields)?;
    let fields = AssignmentFields {
        person_id: current.person_id,
        project_id: current.project_id,
        role_on_project: role,
        notes,
        is_active: patch.is_active.unwrap_or(current.is_active),
    };
    let expected = expected.unwrap_or(current.version);
    let assignment = retry_contended(|| save(&state, &current, expected, &fields, &weeks)).await?;
    Ok(tagged(assignment.version, AssignmentView::from(assignment)))
}

/// Inserts an assignment with its weeks in one transaction.
async fn insert(
    state: &AppState,
    fields: &AssignmentFields,
    weeks: &BTreeMap<NaiveDate, i32>,
) -> Result<Assignment, ApiError> {
    let mut tx = state.db.begin().await?;
    let id = assignments::insert(&mut tx, fields)
        .await
        .map_err(refused)?;
    if !weeks.is_empty() {
        assignments::write_weeks(&mut tx, id, weeks).await?;
    }
    let assignment = assignments::find(&mut tx, id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("assignment {id} vanished")))?;
    tx.commit().await?;
    Ok(assignment)
}

/// Writes the changed fields and weeks of `current` in one transaction, while it is
/// still at version `expected`.
async fn save(
    state: &AppState,
    current: &Assignment,
    expected: i64,
    fields: &AssignmentFields,
    weeks: &BTreeMap<NaiveDate, i32>,
) -> Result<Assignment, ApiError> {
    let id = current.id;
    let mut tx = state.db.begin().await?;
    let locked = assignments::lock(&mut tx, &[id]).await?;
    let version = locked
        .first()
        .map(|(_, _, v)| *v)
        .ok_or_else(|| Problem::not_found("The assignment"))?;
    if version != expected {
        return Err(precondition_failed().into());
    }
    let fields_changed = fields.role_on_project != current.role_on_project
        || fields.notes != current.notes
        || fields.is_active != current.is_active;
    if fields_changed
        && !assignments::update(&mut *tx, id, fields, version)
            .await
            .map_err(refused)?
    {
        return Err(precondition_failed().into());
    }
    if !weeks.is_empty() {
        assignments::write_weeks(&mut tx, id, weeks).await?;
    }
    let assignment = assignments::find(&mut tx, id)
        .await?
        .ok_or_else(|| Problem::not_found("The assignment"))?;
    tx.commit().await?;
    Ok(assignment)
}

#[utoipa::path(
    delete, path = "/api/assignments/{id}", tag = "assignments",
    params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), (status = 400, response = r::BadRequest),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound), (status = 412, response = r::PreconditionFailed))
)]
pub async fn delete(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let expected = if_match(&headers)?;
    let current = load(&state, id).await?;
    if assignments::delete(&state.db, id, expected.unwrap_or(current.version)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(precondition_failed().into())
    }
}
