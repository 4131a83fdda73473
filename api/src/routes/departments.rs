//! `/api/departments`: the department tree. Anyone who may read sees it; managers and
//! admins change it. Moving a department is a PATCH of `parentDepartment`; the database
//! refuses cycles and trees deeper than ten levels. Deleting works only for a department
//! with no people and no sub-departments; otherwise deactivate it.

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::text::{DepartmentName, Description};
use wt_store::StoreError;
use wt_store::departments::{Department, DepartmentFields};

use crate::extract::PageQuery;
use crate::extract::nullable;
use crate::problem::{ApiError, FieldError, Problem, field_problem};
use crate::routes::fields;
use crate::routes::list::{ListPage, NameListQuery};
use crate::routes::resource::{RowStamp, Rules, name_taken};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentView {
    #[serde(flatten)]
    stamp: RowStamp,
    name: String,
    parent_department: Option<i64>,
    manager: Option<i64>,
    description: String,
    is_active: bool,
}

impl From<Department> for DepartmentView {
    fn from(d: Department) -> Self {
        DepartmentView {
            stamp: RowStamp::from(&d),
            name: d.fields.name,
            parent_department: d.fields.parent_id,
            manager: d.fields.manager_id,
            description: d.fields.description,
            is_active: d.fields.is_active,
        }
    }
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

/// The department tree as a [`Rules`].
pub struct Departments;

impl Rules for Departments {
    fn blank() -> DepartmentFields {
        DepartmentFields {
            name: String::new(),
            parent_id: None,
            manager_id: None,
            description: String::new(),
            is_active: true,
        }
    }

    fn apply(
        body: DepartmentBody,
        base: DepartmentFields,
    ) -> Result<DepartmentFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.text::<DepartmentName>("name", body.name, base.name);
        let parent_id = checks.take(fields::reference(
            "parentDepartment",
            body.parent_department.unwrap_or(base.parent_id),
        ));
        let manager_id = checks.take(fields::reference(
            "manager",
            body.manager.unwrap_or(base.manager_id),
        ));
        let description =
            checks.text::<Description>("description", body.description, base.description);
        checks.finish()?;
        Ok(DepartmentFields {
            name,
            parent_id,
            manager_id,
            description,
            is_active: body.is_active.unwrap_or(base.is_active),
        })
    }

    /// Maps the database's refusals to field errors the client can show.
    fn refused(error: StoreError) -> ApiError {
        match &error {
            StoreError::Duplicate(c) if c == "departments_name_key" => {
                name_taken("Another department has this name.")
            }
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

    async fn in_use(_db: &PgPool, _id: i64) -> Result<ApiError, ApiError> {
        Ok(Problem::new(
            StatusCode::CONFLICT,
            "department_in_use",
            "This department still has people or sub-departments. Move them, or deactivate it.",
        )
        .into())
    }
}

impl Departments {
    /// The list `query` asks for.
    async fn list(
        state: &AppState,
        (paging, query): (PageQuery, NameListQuery),
    ) -> Result<ListPage<DepartmentView>, ApiError> {
        query.page::<DepartmentFields, _>(&state.db, paging).await
    }
}

crate::resource_endpoints!(
    resource = Departments, noun = "The department", row = Department, tag = "departments", path = "/api/departments",
    item = "/api/departments/{id}", view = DepartmentView, body = DepartmentBody,
    list = ((PageQuery, NameListQuery), ListPage<DepartmentView>),
);
