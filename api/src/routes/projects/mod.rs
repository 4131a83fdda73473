//! `/api/projects`: the work people are planned on. Anyone who may read lists them;
//! managers and admins create and change them. A project with assignments is deactivated
//! (or completed), never deleted, so its planned hours stay on record.

use axum::extract::State;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_store::projects::{Project, ProjectFilter, ProjectSort};

use crate::auth::Reader;
use crate::extract::{PageQuery, QueryParams};
use crate::problem::{ApiError, Problem};
use crate::routes::fields;
use crate::routes::list::{ListPage, SortKey, counted_page, sort_order};
use crate::state::AppState;

mod body;

pub use body::ProjectBody;

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
            name: p.fields.name,
            project_number: p.fields.project_number,
            client: p.fields.client,
            status: p.fields.status,
            start_date: p.fields.start_date,
            end_date: p.fields.end_date,
            // Hundredths to hours: exact for every stored value up to 2^53 hundredths.
            estimated_hours: p.fields.estimated_centihours.map(|c| c as f64 / 100.0),
            description: p.fields.description,
            notes: p.fields.notes,
            is_active: p.fields.is_active,
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
            sort: sort_order(self.sort.as_deref(), &SORT_KEYS)?,
            limit: 0,
            offset: 0,
        })
    }
}

/// The sort keys a client may ask for.
const SORT_KEYS: [SortKey<ProjectSort>; 5] = [
    ("name", ProjectSort::Name, ProjectSort::NameDesc),
    ("client", ProjectSort::Client, ProjectSort::ClientDesc),
    ("status", ProjectSort::Status, ProjectSort::StatusDesc),
    ("startDate", ProjectSort::Start, ProjectSort::StartDesc),
    ("createdAt", ProjectSort::Created, ProjectSort::CreatedDesc),
];

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
    let filter = query.filter()?;
    // "Staffed from a department" reads assignments, which change with every plan edit:
    // that total is counted each time (over the department's projects only).
    let tables: &[&str] = &["projects"];
    let counted_from = filter.department_id.is_none().then_some(tables);
    let (found, total) = counted_page(&state, filter, page, counted_from).await?;
    let items = found.into_iter().map(ProjectView::from).collect();
    Ok(axum::Json(ListPage::new(items, page, total)))
}

/// Projects as a resource; its [`Rules`](crate::routes::resource::Rules) are in `body`.
pub struct Projects;

crate::resource_endpoints! {
    resource = Projects, noun = "The project", row = Project, tag = "projects", path = "/api/projects",
    item = "/api/projects/{id}", view = ProjectView, body = ProjectBody,
}
