//! `/api/deliverables`: a project's dated milestones, in order. Managers and admins change
//! them; readers see them, per project or as a calendar. The people linked to each live in
//! `milestone_people.rs`.
//! A date change also queues the reallocation of the project's hours (`reallocation.rs`).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use utoipa::{IntoParams, ToSchema};
use wt_domain::text::{DeliverableDescription, Notes};
use wt_runtime::settings::DeliverableTemplate;
use wt_store::StoreError;
use wt_store::deliverables::{self, Deliverable, DeliverableFields};
use wt_store::deliverables_bulk::{self, DeliverableData};

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed};
use crate::extract::{JsonBody, PathId, QueryParams, nullable};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::{fields, reallocation};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliverableView {
    id: i64,
    project: i64,
    project_name: String,
    description: String,
    percentage: Option<i16>,
    date: Option<NaiveDate>,
    sort_order: i32,
    is_completed: bool,
    completed_date: Option<NaiveDate>,
    notes: String,
    version: i64,
}

impl From<Deliverable> for DeliverableView {
    fn from(d: Deliverable) -> Self {
        DeliverableView {
            id: d.id,
            project: d.project_id,
            project_name: d.project_name,
            description: d.description,
            percentage: d.percentage,
            date: d.date,
            sort_order: d.sort_order,
            is_completed: d.is_completed,
            completed_date: d.completed_date,
            notes: d.notes,
            version: d.version,
        }
    }
}

/// Adds the configured default deliverables to a new project (in the caller's transaction).
pub async fn add_defaults(
    conn: &mut PgConnection,
    project_id: i64,
    template: &DeliverableTemplate,
) -> Result<(), StoreError> {
    // One statement for the whole template: a new project has no deliverables yet, so
    // they take the template's order from 0.
    let rows: Vec<DeliverableData> = (0..)
        .zip(&template.0)
        .map(|(sort_order, (percentage, description))| DeliverableData {
            project_id,
            description: description.clone(),
            percentage: Some(*percentage),
            date: None,
            sort_order,
            completed_date: None,
            notes: String::new(),
        })
        .collect();
    deliverables_bulk::insert(conn, &rows).await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectQuery {
    project: i64,
}

/// `GET /api/deliverables?project=<id>`: the project's deliverables in order.
#[utoipa::path(
    get, path = "/api/deliverables", tag = "deliverables",
    params(ProjectQuery),
    responses((status = 200, description = "The project's deliverables in order", body = Vec<DeliverableView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<ProjectQuery>,
) -> Result<axum::Json<Vec<DeliverableView>>, ApiError> {
    let rows = deliverables::of_project(&state.db, query.project).await?;
    Ok(axum::Json(
        rows.into_iter().map(DeliverableView::from).collect(),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    start: NaiveDate,
    end: NaiveDate,
}

/// `GET /api/deliverables/calendar?start=&end=`: dated deliverables in a range of at most
/// two years, by date.
#[utoipa::path(
    get, path = "/api/deliverables/calendar", tag = "deliverables",
    params(RangeQuery),
    responses((status = 200, description = "OK", body = Vec<DeliverableView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn calendar(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(range): QueryParams<RangeQuery>,
) -> Result<axum::Json<Vec<DeliverableView>>, ApiError> {
    let days = (range.end - range.start).num_days();
    if !(0..=731).contains(&days) {
        let detail = "Choose an end on or after the start, at most two years later.";
        return Err(Problem::bad_request("invalid_range", detail).into());
    }
    let rows = deliverables::calendar(&state.db, range.start, range.end).await?;
    Ok(axum::Json(
        rows.into_iter().map(DeliverableView::from).collect(),
    ))
}

pub(crate) async fn load(state: &AppState, id: i64) -> Result<Deliverable, ApiError> {
    deliverables::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The deliverable").into())
}

#[utoipa::path(
    get, path = "/api/deliverables/{id}", tag = "deliverables",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = DeliverableView),
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
    let deliverable = load(&state, id).await?;
    Ok(fresh(
        &headers,
        deliverable.version,
        DeliverableView::from(deliverable),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeliverableBody {
    project: Option<i64>,
    description: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    percentage: Option<Option<i64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    date: Option<Option<String>>,
    is_completed: Option<bool>,
    notes: Option<String>,
}

impl DeliverableBody {
    fn apply(self, base: DeliverableFields) -> Result<DeliverableFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let description = checks.text::<DeliverableDescription>(
            "description",
            self.description,
            base.description,
        );
        let percentage = checks.take(percentage(self.percentage, base.percentage));
        let date = checks.take(fields::date("date", self.date, base.date));
        let notes = checks.text::<Notes>("notes", self.notes, base.notes);
        checks.finish()?;
        Ok(DeliverableFields {
            description,
            percentage,
            date,
            is_completed: self.is_completed.unwrap_or(base.is_completed),
            notes,
        })
    }
}

fn percentage(raw: Option<Option<i64>>, base: Option<i16>) -> Result<Option<i16>, FieldError> {
    match raw {
        None => Ok(base),
        Some(None) => Ok(None),
        Some(Some(p)) => i16::try_from(p)
            .ok()
            .filter(|p| (0..=100).contains(p))
            .map(Some)
            .ok_or_else(|| {
                FieldError::new(
                    "percentage",
                    "invalid_percentage",
                    "Use a whole number from 0 to 100.",
                )
            }),
    }
}

fn project_missing(error: StoreError) -> ApiError {
    match &error {
        StoreError::MissingReference(c) if c == "deliverables_project_id_fkey" => {
            let message = "The project does not exist.";
            invalid_fields(vec![FieldError::new(
                "project",
                "project_not_found",
                message,
            )])
            .into()
        }
        _ => error.into(),
    }
}

#[utoipa::path(
    post, path = "/api/deliverables", tag = "deliverables",
    request_body = DeliverableBody,
    responses((status = 201, description = "Created; `Location` names it", body = DeliverableView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 413, response = r::PayloadTooLarge))
)]
pub async fn create(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<DeliverableBody>,
) -> Result<Response, ApiError> {
    let Some(project) = body.project.filter(|id| *id > 0) else {
        let message = "Choose the project this deliverable belongs to.";
        return Err(invalid_fields(vec![FieldError::new("project", "required", message)]).into());
    };
    let empty = DeliverableFields {
        description: String::new(),
        percentage: None,
        date: None,
        is_completed: false,
        notes: String::new(),
    };
    let fields = body.apply(empty).map_err(invalid_fields)?;
    let mut conn = state.db.acquire().await?;
    let id = deliverables::insert(&mut conn, project, &fields)
        .await
        .map_err(project_missing)?;
    let deliverable = load(&state, id).await?;
    let location = format!("/api/deliverables/{id}");
    Ok(created(
        location,
        deliverable.version,
        DeliverableView::from(deliverable),
    ))
}

#[utoipa::path(
    patch, path = "/api/deliverables/{id}", tag = "deliverables",
    params(("id" = i64, Path),
        ("Prefer" = Option<String>, Header, description = "`wait=N`: when the date moved, wait up to N seconds for the reallocation to finish")),
    request_body = DeliverableBody,
    responses((status = 200, description = "Saved; `reallocation` says what the date change set off", body = reallocation::DeliverableUpdated),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 412, response = r::PreconditionFailed),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn update(
    State(state): State<AppState>,
    Manager(me): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
    JsonBody(body): JsonBody<DeliverableBody>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let current = load(&state, id).await?;
    if body.project.is_some_and(|p| p != current.project_id) {
        let message = "A deliverable stays with its project.";
        return Err(invalid_fields(vec![FieldError::new("project", "immutable", message)]).into());
    }
    let base = DeliverableFields {
        description: current.description.clone(),
        percentage: current.percentage,
        date: current.date,
        is_completed: current.is_completed,
        notes: current.notes.clone(),
    };
    let fields = body.apply(base).map_err(invalid_fields)?;
    let mut tx = state.jobs.begin(&state.db).await?;
    let version = expected.unwrap_or(current.version);
    if !deliverables::update(&mut *tx, id, &fields, version).await? {
        return Err(precondition_failed().into());
    }
    let queued =
        reallocation::queue_if_moved(&state, &mut tx, &current, fields.date, me.id).await?;
    tx.commit().await?;
    reallocation::updated(&state, &headers, id, queued).await
}

#[utoipa::path(
    delete, path = "/api/deliverables/{id}", tag = "deliverables",
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
    if deliverables::delete(&state.db, id, expected.unwrap_or(current.version)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(precondition_failed().into())
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    order: Vec<i64>,
}

/// `POST /api/projects/{id}/deliverables/reorder`: the new order, naming each of the
/// project's deliverables exactly once.
#[utoipa::path(
    post, path = "/api/projects/{id}/deliverables/reorder", tag = "deliverables",
    params(("id" = i64, Path)),
    request_body = Order,
    responses((status = 200, description = "The deliverables in their new order", body = Vec<DeliverableView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 413, response = r::PayloadTooLarge))
)]
pub async fn reorder(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(project): PathId,
    JsonBody(body): JsonBody<Order>,
) -> Result<axum::Json<Vec<DeliverableView>>, ApiError> {
    let mut tx = state.db.begin().await?;
    if !deliverables::reorder(&mut tx, project, &body.order).await? {
        let message = "List each of this project's deliverables exactly once.";
        return Err(
            invalid_fields(vec![FieldError::new("order", "invalid_order", message)]).into(),
        );
    }
    let rows = deliverables::of_project(&mut *tx, project).await?;
    tx.commit().await?;
    Ok(axum::Json(
        rows.into_iter().map(DeliverableView::from).collect(),
    ))
}
