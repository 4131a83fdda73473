//! Projects: the work people are planned on. Project numbers are unique when present
//! (`projects_number_key`). A project with assignments is deactivated, not deleted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{Postgres, QueryBuilder};

use crate::listing::{ListFilter, ListOrder};
use crate::stored::{NothingShown, Row};

/// A stored project.
pub type Project = Row<ProjectFields>;

crate::table::table! {
    /// The writable fields of a project.
    pub struct ProjectFields in "projects" as p {
        name: String => "text",
        project_number: Option<String> => "text",
        client: String => "text",
        status: String => "text",
        start_date: Option<NaiveDate> => "date",
        end_date: Option<NaiveDate> => "date",
        /// Estimated hours in hundredths (exact).
        estimated_centihours: Option<i64> => "bigint"
            read "(p.estimated_hours * 100)::bigint"
            stored "estimated_hours" = "u.estimated_centihours / 100.0",
        description: String => "text",
        notes: String => "text",
        is_active: bool => "boolean",
    }
    shows NothingShown;
    in use when "EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = t.id)";
}

/// The orders a list may be sorted in (the API's allow-list maps onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectSort {
    #[default]
    Name,
    NameDesc,
    Client,
    ClientDesc,
    Status,
    StatusDesc,
    Start,
    StartDesc,
    Created,
    CreatedDesc,
}

impl ListOrder for ProjectSort {
    /// The ORDER BY of this sort; name then id break ties in the same direction, so the
    /// name, client and creation orders read an index (`projects_name`,
    /// `projects_client_name`, `projects_created`) forwards or backwards.
    fn order(self) -> &'static str {
        match self {
            ProjectSort::Name => "lower(name), id",
            ProjectSort::NameDesc => "lower(name) DESC, id DESC",
            ProjectSort::Client => "lower(client), lower(name), id",
            ProjectSort::ClientDesc => "lower(client) DESC, lower(name) DESC, id DESC",
            ProjectSort::Status => "status, lower(name), id",
            ProjectSort::StatusDesc => "status DESC, lower(name) DESC, id DESC",
            ProjectSort::Start => "start_date NULLS LAST, lower(name), id",
            ProjectSort::StartDesc => "start_date DESC NULLS LAST, lower(name) DESC, id DESC",
            ProjectSort::Created => "created_at, id",
            ProjectSort::CreatedDesc => "created_at DESC, id DESC",
        }
    }
}

/// Which projects to list; `None` means "any". Serializable, so an export job can carry
/// the filters of the list it was asked from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProjectFilter {
    /// Any of these statuses (empty: all).
    pub statuses: Vec<String>,
    /// Exact client name, case-insensitively.
    pub client: Option<String>,
    /// Matched case-insensitively anywhere in the name, number or client.
    pub search: Option<String>,
    pub active: Option<bool>,
    /// Only projects with an active assignment of an active person in this department.
    pub department_id: Option<i64>,
    /// With `department_id`: people in its sub-departments count too.
    pub include_children: bool,
    pub sort: ProjectSort,
}

/// The projects list: its table, and the conditions set.
impl ListFilter for ProjectFilter {
    type Fields = ProjectFields;
    type Order = ProjectSort;
    const COUNT: &'static str = "SELECT count(*) FROM projects";

    fn push_conditions(&self, query: &mut QueryBuilder<Postgres>) {
        if !self.statuses.is_empty() {
            query
                .push(" AND status = ANY(")
                .push_bind(self.statuses.clone())
                .push(")");
        }
        if let Some(client) = &self.client {
            query
                .push(" AND lower(client) = lower(")
                .push_bind(client.clone())
                .push(")");
        }
        if let Some(search) = &self.search {
            let pattern = crate::like_pattern(search);
            query.push(" AND search_text LIKE ").push_bind(pattern);
        }
        if let Some(active) = self.active {
            query.push(" AND is_active = ").push_bind(active);
        }
        if let Some(department) = self.department_id {
            query
                .push(" AND id IN (SELECT staffed_from_department(")
                .push_bind(department)
                .push(", ")
                .push_bind(self.include_children)
                .push("))");
        }
    }

    fn sort(&mut self) -> &mut ProjectSort {
        &mut self.sort
    }
}
