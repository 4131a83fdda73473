//! `/api/projects`: the work people are planned on. Anyone who may read lists them;
//! managers and admins create and change them. A project with assignments is deactivated
//! (or completed), never deleted, so its planned hours stay on record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_store::projects::{Project, ProjectFilter, ProjectSort};

use crate::extract::PageQuery;
use crate::problem::{ApiError, Problem};
use crate::routes::fields;
use crate::routes::list::{ListPage, SortKey, counted_page, sort_order};
use crate::routes::resource::RowStamp;
use crate::state::AppState;

mod body;

pub use body::ProjectBody;

pub use wt_domain::projects::STATUSES;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectView {
    #[serde(flatten)]
    stamp: RowStamp,
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
}

impl From<Project> for ProjectView {
    fn from(p: Project) -> Self {
        ProjectView {
            stamp: RowStamp::from(&p),
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

/// Projects as a resource; its [`Rules`](crate::routes::resource::Rules) are in `body`.
pub struct Projects;

impl Projects {
    /// The page of projects `query` asks for.
    async fn list(
        state: &AppState,
        (paging, query): (PageQuery, ProjectQuery),
    ) -> Result<ListPage<ProjectView>, ApiError> {
        let filter = query.filter()?;
        // "Staffed from a department" reads assignments, which change with every plan
        // edit: that total is counted each time (over the department's projects only).
        let counted_from: &[&str] = &["projects"];
        let counted_from = filter.department_id.is_none().then_some(counted_from);
        counted_page(state, filter, paging, counted_from).await
    }
}

crate::resource_endpoints! {
    resource = Projects, noun = "The project", row = Project, tag = "projects", path = "/api/projects",
    item = "/api/projects/{id}", view = ProjectView, body = ProjectBody,
    list = ((PageQuery, ProjectQuery), ListPage<ProjectView>),
}
