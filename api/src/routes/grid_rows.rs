//! `GET /api/assignments/grid/rows`: the assignment rows of a few people of the planning
//! grid, with their hours in its window, for the people a planner expands (the grid's
//! pages carry only people and their totals). Several people go in one request.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use axum::extract::State;
use wt_domain::weeks::Week;
use wt_store::grid::{self, GridScope};

use crate::auth::Reader;
use crate::extract::QueryParams;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::grid::{
    GridAssignmentView, MAX_WEEKS, MIN_WEEKS, assignment_views, by_row, window,
};
use crate::routes::projects::statuses;
use crate::state::AppState;

/// At most this many people per request: a screenful of expanded people.
const MAX_PEOPLE: usize = 200;

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct GridRowsQuery {
    /// Comma-separated person ids, 1 to 200.
    people: String,
    /// How many weeks, 8 to 52 (default 12).
    weeks: Option<u32>,
    /// The first Sunday (default: this week).
    #[param(value_type = Option<chrono::NaiveDate>)]
    start: Option<String>,
    /// Comma-separated project statuses whose rows show (as the grid's `status`).
    status: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridRowsView {
    #[schema(value_type = Vec<chrono::NaiveDate>)]
    week_keys: Vec<Week>,
    /// The active people's assignment rows, by person then project name.
    assignments: Vec<GridAssignmentView>,
}

/// The person ids of `people=1,2,3`, refused when empty, too many or not ids.
fn person_ids(raw: &str) -> Result<Vec<i64>, Problem> {
    let refused = |detail: String| Problem::bad_request("invalid_people", detail);
    let ids = raw
        .split(',')
        .map(|id| id.trim().parse::<i64>())
        .collect::<Result<Vec<i64>, _>>()
        .map_err(|_| refused("people must be comma-separated person ids.".to_owned()))?;
    if ids.is_empty() || ids.len() > MAX_PEOPLE {
        return Err(refused(format!("Ask for 1 to {MAX_PEOPLE} people.")));
    }
    Ok(ids)
}

#[utoipa::path(
    get, path = "/api/assignments/grid/rows", tag = "assignments",
    params(GridRowsQuery),
    responses((status = 200, description = "OK", body = GridRowsView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn rows(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<GridRowsQuery>,
) -> Result<axum::Json<GridRowsView>, ApiError> {
    let people = person_ids(&query.people)?;
    let weeks = window(
        query.start.as_deref(),
        query.weeks.unwrap_or(12),
        MIN_WEEKS..=MAX_WEEKS,
    )?;
    let scope = GridScope {
        department_id: None,
        include_children: false,
        search: None,
        statuses: statuses(query.status.as_deref())?,
        first_week: weeks[0].as_date(),
        last_week: weeks[weeks.len() - 1].as_date(),
    };
    let db = &state.db;
    let rows = grid::assignments(db, &people, &scope).await?;
    let ids: Vec<i64> = rows.iter().map(|a| a.id).collect();
    let cells = grid::assignment_cells(db, &ids, &scope).await?;
    Ok(axum::Json(GridRowsView {
        week_keys: weeks,
        assignments: assignment_views(rows, by_row(cells)),
    }))
}
