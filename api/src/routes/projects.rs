//! `/api/projects`: the work people are planned on. Anyone who may read lists them;
//! managers and admins create and change them. A project with assignments is deactivated
//! (or completed), never deleted, so its planned hours stay on record.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use wt_store::StoreError;
use wt_store::projects::{self, Project, ProjectFields, ProjectFilter};

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PageQuery, PathId, QueryParams, nullable};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::deliverables::add_defaults;
use crate::routes::fields;
use crate::routes::list::ListPage;
use crate::state::AppState;

/// The statuses a project moves through.
pub const STATUSES: [&str; 6] = [
    "planning",
    "active",
    "active_ca",
    "on_hold",
    "completed",
    "cancelled",
];

/// Largest estimate accepted, in hours (a generous bound that still fits the column).
const MAX_ESTIMATE_HOURS: f64 = 99_999_999.0;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectView {
    id: i64,
    name: String,
    project_number: Option<String>,
    client: String,
    status: String,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    estimated_hours: Option<f64>,
    description: String,
    notes: String,
    is_active: bool,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<Project> for ProjectView {
    fn from(p: Project) -> Self {
        ProjectView {
            id: p.id,
            name: p.name,
            project_number: p.project_number,
            client: p.client,
            status: p.status,
            start_date: p.start_date,
            end_date: p.end_date,
            // Hundredths to hours: exact for every stored value up to 2^53 hundredths.
            estimated_hours: p.estimated_centihours.map(|c| c as f64 / 100.0),
            description: p.description,
            notes: p.notes,
            is_active: p.is_active,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ProjectQuery {
    page: Option<u64>,
    page_size: Option<u64>,
    /// Comma-separated statuses.
    status: Option<String>,
    client: Option<String>,
    search: Option<String>,
    active: Option<bool>,
    /// name, client, status, startDate or createdAt; `-` first to reverse.
    sort: Option<String>,
}

fn sort_key(raw: Option<&str>) -> Result<&'static str, Problem> {
    Ok(match raw.unwrap_or("name") {
        "name" => "name",
        "-name" => "-name",
        "client" => "client",
        "-client" => "-client",
        "status" => "status",
        "-status" => "-status",
        "startDate" => "start",
        "-startDate" => "-start",
        "createdAt" => "created",
        "-createdAt" => "-created",
        _ => {
            let detail =
                "Sort by name, client, status, startDate or createdAt (prefix - to reverse).";
            return Err(Problem::bad_request("invalid_sort", detail));
        }
    })
}

fn statuses(raw: Option<&str>) -> Result<Vec<String>, Problem> {
    let wanted: Vec<String> = raw
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    match wanted.iter().find(|s| !STATUSES.contains(&s.as_str())) {
        Some(unknown) => Err(Problem::bad_request(
            "invalid_status",
            format!("Unknown status {unknown:?}; use {}.", STATUSES.join(", ")),
        )),
        None => Ok(wanted),
    }
}

#[utoipa::path(
    get, path = "/api/projects", tag = "projects",
    params(ProjectQuery),
    responses((status = 200, description = "OK", body = ListPage<ProjectView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized)),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<ProjectQuery>,
) -> Result<axum::Json<ListPage<ProjectView>>, ApiError> {
    let page = PageQuery {
        page: query.page,
        page_size: query.page_size,
    }
    .page(100);
    let filter = ProjectFilter {
        statuses: statuses(query.status.as_deref())?,
        client: query.client.filter(|c| !c.trim().is_empty()),
        search: fields::search(query.search),
        active: query.active,
        sort: sort_key(query.sort.as_deref())?,
        limit: page.page_size,
        offset: page.offset(),
    };
    let (found, total) = projects::list(&state.db, &filter).await?;
    Ok(axum::Json(ListPage::new(
        found.into_iter().map(ProjectView::from).collect(),
        page,
        total,
    )))
}

async fn load(state: &AppState, id: i64) -> Result<Project, ApiError> {
    projects::find(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The project").into())
}

#[utoipa::path(
    get, path = "/api/projects/{id}", tag = "projects",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = ProjectView),
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
    let project = load(&state, id).await?;
    Ok(fresh(&headers, project.version, ProjectView::from(project)))
}

/// A project as sent by a client; every field optional so one type serves create and PATCH.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProjectBody {
    name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    project_number: Option<Option<String>>,
    client: Option<String>,
    status: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    start_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    end_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>, nullable)]
    estimated_hours: Option<Option<Value>>,
    description: Option<String>,
    notes: Option<String>,
    is_active: Option<bool>,
}

impl ProjectBody {
    fn apply(self, base: ProjectFields) -> Result<ProjectFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.take(fields::name(
            "name",
            self.name.as_deref().unwrap_or(&base.name),
            200,
        ));
        let project_number = checks.take(optional_name(
            "projectNumber",
            self.project_number,
            base.project_number,
            50,
        ));
        let client = self
            .client
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        let client = checks.take(fields::text("client", client.unwrap_or(base.client), 200));
        let status = checks.take(status(self.status.unwrap_or(base.status)));
        let start_date = checks.take(date("startDate", self.start_date, base.start_date));
        let end_date = checks.take(date("endDate", self.end_date, base.end_date));
        let estimate = checks.take(estimate(self.estimated_hours, base.estimated_centihours));
        let description = checks.take(fields::text(
            "description",
            self.description.unwrap_or(base.description),
            5000,
        ));
        let notes = checks.take(fields::text(
            "notes",
            self.notes.unwrap_or(base.notes),
            5000,
        ));
        if let (Some(start), Some(end)) = (start_date, end_date)
            && end < start
        {
            let message = "The end date is before the start date.";
            checks.take::<()>(Err(FieldError::new("endDate", "end_before_start", message)));
        }
        checks.finish()?;
        Ok(ProjectFields {
            name,
            project_number,
            client: if client.is_empty() {
                "Internal".to_owned()
            } else {
                client
            },
            status,
            start_date,
            end_date,
            estimated_centihours: estimate,
            description,
            notes,
            is_active: self.is_active.unwrap_or(base.is_active),
        })
    }
}

fn optional_name(
    field: &str,
    raw: Option<Option<String>>,
    base: Option<String>,
    max: usize,
) -> Result<Option<String>, FieldError> {
    match raw
        .unwrap_or(base)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
    {
        None => Ok(None),
        Some(value) => fields::name(field, &value, max).map(Some),
    }
}

fn status(raw: String) -> Result<String, FieldError> {
    if STATUSES.contains(&raw.as_str()) {
        Ok(raw)
    } else {
        let message = format!("Choose one of {}.", STATUSES.join(", "));
        Err(FieldError::new("status", "invalid_choice", message))
    }
}

fn date(
    field: &str,
    raw: Option<Option<String>>,
    base: Option<NaiveDate>,
) -> Result<Option<NaiveDate>, FieldError> {
    match raw {
        None => Ok(base),
        Some(None) => Ok(None),
        Some(Some(text)) => NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| FieldError::new(field, "invalid_date", "Use a date like 2026-11-22.")),
    }
}

/// Estimated hours: a non-negative number with at most two decimals, or none.
fn estimate(raw: Option<Option<Value>>, base: Option<i64>) -> Result<Option<i64>, FieldError> {
    let value = match raw {
        None => return Ok(base),
        Some(None) => return Ok(None),
        Some(Some(value)) => value,
    };
    let invalid = |message: &str| FieldError::new("estimatedHours", "invalid_hours", message);
    let hours = value
        .as_f64()
        .filter(|h| h.is_finite())
        .ok_or_else(|| invalid("Enter a number of hours."))?;
    if !(0.0..=MAX_ESTIMATE_HOURS).contains(&hours) {
        return Err(invalid("Enter between 0 and 99,999,999 hours."));
    }
    let hundredths = (hours * 100.0).round();
    if (hundredths - hours * 100.0).abs() > 1e-6 {
        return Err(invalid("Use at most two decimals."));
    }
    // In range by the check above, so the conversion is exact.
    Ok(Some(hundredths as i64))
}

fn empty() -> ProjectFields {
    ProjectFields {
        name: String::new(),
        project_number: None,
        client: "Internal".to_owned(),
        status: "planning".to_owned(),
        start_date: None,
        end_date: None,
        estimated_centihours: None,
        description: String::new(),
        notes: String::new(),
        is_active: true,
    }
}

fn refused(error: StoreError) -> ApiError {
    match &error {
        StoreError::Duplicate(c) if c == "projects_number_key" => {
            let message = "Another project has this number.";
            Problem::new(StatusCode::CONFLICT, "project_number_taken", message)
                .with_errors(vec![FieldError::new(
                    "projectNumber",
                    "project_number_taken",
                    message,
                )])
                .into()
        }
        _ => error.into(),
    }
}

#[utoipa::path(
    post, path = "/api/projects", tag = "projects",
    request_body = ProjectBody,
    responses((status = 201, description = "Created; `Location` names it", body = ProjectView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<ProjectBody>,
) -> Result<Response, ApiError> {
    let fields = body.apply(empty()).map_err(invalid_fields)?;
    let mut tx = state.db.begin().await?;
    let project = projects::insert(&mut *tx, &fields).await.map_err(refused)?;
    add_defaults(&mut tx, project.id, &state.settings.deliverable_template).await?;
    tx.commit().await?;
    let location = format!("/api/projects/{}", project.id);
    Ok(created(
        location,
        project.version,
        ProjectView::from(project),
    ))
}

#[utoipa::path(
    patch, path = "/api/projects/{id}", tag = "projects",
    params(("id" = i64, Path)),
    request_body = ProjectBody,
    responses((status = 200, description = "OK", body = ProjectView),
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
    JsonBody(body): JsonBody<ProjectBody>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let current = load(&state, id).await?;
    let fields = body.apply(current.fields()).map_err(invalid_fields)?;
    let project = projects::update(&state.db, id, &fields, expected.unwrap_or(current.version))
        .await
        .map_err(refused)?
        .ok_or_else(precondition_failed)?;
    Ok(tagged(project.version, ProjectView::from(project)))
}

#[utoipa::path(
    delete, path = "/api/projects/{id}", tag = "projects",
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
    let current = load(&state, id).await?;
    if expected.is_some_and(|version| version != current.version) {
        return Err(precondition_failed().into());
    }
    if projects::delete_unused(&state.db, id, current.version).await? {
        return Ok(StatusCode::NO_CONTENT);
    }
    let detail = "People are assigned to this project. Deactivate or complete it instead.";
    Err(Problem::new(StatusCode::CONFLICT, "project_in_use", detail).into())
}
