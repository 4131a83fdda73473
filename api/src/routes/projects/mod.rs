//! `/api/projects`: the work people are planned on. Anyone who may read lists them;
//! managers and admins create and change them. A project with assignments is deactivated
//! (or completed), never deleted, so its planned hours stay on record.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_store::projects::{self, Project, ProjectFilter, ProjectSort};

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PageQuery, PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem, invalid_fields};
use crate::routes::deliverables::add_defaults;
use crate::routes::fields;
use crate::routes::list::{ListPage, count_key};
use crate::state::AppState;

mod body;

pub use body::ProjectBody;
use body::{empty, refused};

pub use wt_domain::projects::STATUSES;

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

/// The filters and order of the project list, shared by `GET /api/exports/projects`.
#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ProjectQuery {
    /// Comma-separated statuses.
    status: Option<String>,
    client: Option<String>,
    search: Option<String>,
    active: Option<bool>,
    /// Only projects staffed (active assignment of an active person) from this department.
    department: Option<i64>,
    /// With `department`: people in its sub-departments count too (default false).
    include_children: Option<bool>,
    /// name, client, status, startDate or createdAt; `-` first to reverse.
    sort: Option<String>,
}

impl ProjectQuery {
    /// The store filter these parameters ask for (every row: the caller pages it).
    pub fn filter(self) -> Result<ProjectFilter, Problem> {
        Ok(ProjectFilter {
            statuses: statuses(self.status.as_deref())?,
            client: self.client.filter(|c| !c.trim().is_empty()),
            search: fields::search(self.search),
            active: self.active,
            department_id: self.department,
            include_children: self.include_children.unwrap_or(false),
            sort: sort_key(self.sort.as_deref())?,
            limit: 0,
            offset: 0,
        })
    }
}

fn sort_key(raw: Option<&str>) -> Result<ProjectSort, Problem> {
    Ok(match raw.unwrap_or("name") {
        "name" => ProjectSort::Name,
        "-name" => ProjectSort::NameDesc,
        "client" => ProjectSort::Client,
        "-client" => ProjectSort::ClientDesc,
        "status" => ProjectSort::Status,
        "-status" => ProjectSort::StatusDesc,
        "startDate" => ProjectSort::Start,
        "-startDate" => ProjectSort::StartDesc,
        "createdAt" => ProjectSort::Created,
        "-createdAt" => ProjectSort::CreatedDesc,
        _ => {
            let detail =
                "Sort by name, client, status, startDate or createdAt (prefix - to reverse).";
            return Err(Problem::bad_request("invalid_sort", detail));
        }
    })
}

/// A comma-separated status filter, each one checked against [`STATUSES`].
pub(crate) fn statuses(raw: Option<&str>) -> Result<Vec<String>, Problem> {
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
    params(PageQuery, ProjectQuery),
    responses((status = 200, description = "OK", body = ListPage<ProjectView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(paging): QueryParams<PageQuery>,
    QueryParams(query): QueryParams<ProjectQuery>,
) -> Result<axum::Json<ListPage<ProjectView>>, ApiError> {
    let page = paging.page(100);
    let mut filter = query.filter()?;
    (filter.limit, filter.offset) = (page.page_size, page.offset());
    let db = &state.db;
    let count = projects::count(db, &filter);
    // "Staffed from a department" reads assignments, which change with every plan edit:
    // that total is counted each time (over the department's projects only).
    let total = async {
        if filter.department_id.is_some() {
            return count.await;
        }
        let unpaged = ProjectFilter {
            limit: 0,
            offset: 0,
            sort: ProjectSort::default(),
            ..filter.clone()
        };
        let key = count_key("projects", &unpaged);
        state.list_counts.total(db, key, &["projects"], count).await
    };
    let (found, total) = tokio::try_join!(projects::list(db, &filter), total)?;
    Ok(axum::Json(ListPage::new(
        found.into_iter().map(ProjectView::from).collect(),
        page,
        total,
    )))
}

/// The project with `id`, or a 404 problem.
pub(crate) async fn load(state: &AppState, id: i64) -> Result<Project, ApiError> {
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
        (status = 404, response = r::NotFound))
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

#[utoipa::path(
    post, path = "/api/projects", tag = "projects",
    request_body = ProjectBody,
    responses((status = 201, description = "Created; `Location` names it", body = ProjectView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge))
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
        (status = 413, response = r::PayloadTooLarge))
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
        (status = 412, response = r::PreconditionFailed))
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
