//! `GET /api/people/choices`: every department and job role a person's fields can take,
//! in one request, for the person forms and filters (a select shows all its choices, and
//! both lists are a firm's reference data, not its people).

use axum::Json;
use axum::extract::State;

use serde::Serialize;
use utoipa::ToSchema;
use wt_store::departments::DepartmentFields;
use wt_store::roles::RoleFields;
use wt_store::{NameFilter, named_list};

use crate::auth::Reader;
use crate::openapi::responses as r;
use crate::problem::ApiError;
use crate::routes::departments::DepartmentView;
use crate::routes::roles::RoleView;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonChoices {
    /// Every department, active or not, by name.
    departments: Vec<DepartmentView>,
    /// Every job role, active or not, by name.
    roles: Vec<RoleView>,
}

#[utoipa::path(
    get, path = "/api/people/choices", tag = "people",
    responses((status = 200, description = "OK", body = PersonChoices),
        (status = 401, response = r::Unauthorized))
)]
pub async fn choices(
    State(state): State<AppState>,
    Reader(_): Reader,
) -> Result<Json<PersonChoices>, ApiError> {
    let every = NameFilter {
        search: None,
        active: None,
        limit: i64::MAX,
        offset: 0,
    };
    let ((departments, _), (roles, _)) = tokio::try_join!(
        named_list::list::<DepartmentFields>(&state.db, &every),
        named_list::list::<RoleFields>(&state.db, &every),
    )?;
    Ok(Json(PersonChoices {
        departments: departments.into_iter().map(DepartmentView::from).collect(),
        roles: roles.into_iter().map(RoleView::from).collect(),
    }))
}
