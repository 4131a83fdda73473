//! `GET /api/assignments/project-grid`: the project-centric planning grid: projects x
//! weeks with each project's weekly totals and, with `include=assignments`, the people on
//! it and their hours. Same window and filters as the people grid; the department filter
//! counts only hours of people in that department (and below).

use std::collections::{BTreeMap, HashMap};

use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use wt_domain::hours::HoursTotal;
use wt_domain::weeks::Week;
use wt_store::grid;

use crate::auth::Reader;
use crate::extract::QueryParams;
use crate::openapi::responses as r;
use crate::problem::ApiError;
use crate::routes::grid::{GridQuery, by_row, parse, rows_with_cells};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridProjectView {
    id: i64,
    name: String,
    project_number: Option<String>,
    client: String,
    status: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectRowView {
    id: i64,
    project: i64,
    person: i64,
    person_name: String,
    role_on_project: String,
    version: i64,
    #[schema(value_type = HashMap<String, f64>)]
    weekly_hours: BTreeMap<Week, HoursTotal>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectGridView {
    #[schema(value_type = Vec<chrono::NaiveDate>)]
    week_keys: Vec<Week>,
    projects: Vec<GridProjectView>,
    #[schema(value_type = HashMap<String, HashMap<String, f64>>)]
    hours_by_project: HashMap<i64, BTreeMap<Week, HoursTotal>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assignments: Option<Vec<ProjectRowView>>,
}

#[utoipa::path(
    get, path = "/api/assignments/project-grid", tag = "assignments",
    params(GridQuery),
    responses((status = 200, description = "OK", body = ProjectGridView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn project_grid(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<GridQuery>,
) -> Result<axum::Json<ProjectGridView>, ApiError> {
    let (weeks, scope, with_assignments) = parse(&query)?;
    let projects = grid::projects(&state.db, &scope).await?;
    let ids: Vec<i64> = projects.iter().map(|p| p.id).collect();
    let db = &state.db;
    // The totals and the assignment rows both follow from the project list; read them
    // on their own connections so their waits overlap.
    let assigned = grid::project_assignments(db, &ids, &scope);
    let rows = rows_with_cells(with_assignments, db, &scope, assigned, |a| a.id);
    let (totals, rows) = tokio::try_join!(grid::project_totals(db, &ids, &scope), rows)?;
    let assignments = rows.map(|(rows, mut cells)| {
        rows.into_iter()
            .map(|a| ProjectRowView {
                weekly_hours: cells.remove(&a.id).unwrap_or_default(),
                id: a.id,
                project: a.project_id,
                person: a.person_id,
                person_name: a.person_name,
                role_on_project: a.role_on_project,
                version: a.version,
            })
            .collect()
    });
    let projects = projects
        .into_iter()
        .map(|p| GridProjectView {
            id: p.id,
            name: p.name,
            project_number: p.project_number,
            client: p.client,
            status: p.status,
        })
        .collect();
    Ok(axum::Json(ProjectGridView {
        week_keys: weeks,
        projects,
        hours_by_project: by_row(totals),
        assignments,
    }))
}
