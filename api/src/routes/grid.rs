//! `GET /api/assignments/grid`: the planning grid in one request: people x weeks for a
//! window of 8 to 52 Sundays, their weekly totals and, with `include=assignments`, each
//! assignment's hours. Every dataset is one aggregate query in PostgreSQL.

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::ops::RangeInclusive;
use utoipa::{IntoParams, ToSchema};

use axum::extract::State;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::weeks::Week;
use wt_store::StoreError;
use wt_store::grid::{self, Cell, GridScope};

use crate::auth::Reader;
use crate::extract::QueryParams;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::projects::statuses;
use crate::state::AppState;

const MIN_WEEKS: u32 = 8;
pub(crate) const MAX_WEEKS: u32 = 52;

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct GridQuery {
    /// How many weeks, 8 to 52 (default 12).
    pub(crate) weeks: Option<u32>,
    /// The first Sunday (default: this week).
    #[param(value_type = Option<chrono::NaiveDate>)]
    pub(crate) start: Option<String>,
    pub(crate) department: Option<i64>,
    pub(crate) include_children: Option<bool>,
    pub(crate) search: Option<String>,
    /// Comma-separated project statuses whose hours count.
    pub(crate) status: Option<String>,
    /// `assignments` adds the per-assignment rows.
    pub(crate) include: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridPersonView {
    id: i64,
    name: String,
    #[schema(value_type = f64)]
    weekly_capacity: Hours,
    pub(crate) department: Option<i64>,
    department_name: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridAssignmentView {
    id: i64,
    person: i64,
    project: i64,
    project_name: String,
    project_status: String,
    role_on_project: String,
    version: i64,
    #[schema(value_type = HashMap<String, f64>)]
    weekly_hours: BTreeMap<Week, HoursTotal>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridView {
    #[schema(value_type = Vec<chrono::NaiveDate>)]
    week_keys: Vec<Week>,
    people: Vec<GridPersonView>,
    #[schema(value_type = HashMap<String, HashMap<String, f64>>)]
    hours_by_person: HashMap<i64, BTreeMap<Week, HoursTotal>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assignments: Option<Vec<GridAssignmentView>>,
}

pub(crate) fn bad(detail: String) -> ApiError {
    Problem::bad_request("invalid_query", detail).into()
}

/// The window: `count` Sundays from `start` (default: this week), `count` within `allowed`.
pub(crate) fn window(
    start: Option<&str>,
    count: u32,
    allowed: RangeInclusive<u32>,
) -> Result<Vec<Week>, ApiError> {
    if !allowed.contains(&count) {
        return Err(bad(format!(
            "weeks must be between {} and {}.",
            allowed.start(),
            allowed.end()
        )));
    }
    let start = match start {
        Some(key) => Week::parse(key).map_err(|e| Problem::bad_request(e.code(), e.message()))?,
        None => Week::current(Utc::now().date_naive()).map_err(|e| bad(e.message()))?,
    };
    let weeks: Vec<Week> = Week::range(start, count as usize).collect();
    if weeks.len() != count as usize {
        return Err(bad(
            "The window runs past the last plannable week.".to_owned()
        ));
    }
    Ok(weeks)
}

/// Cells grouped by row id, keyed by week.
pub(crate) fn by_row(cells: Vec<Cell>) -> HashMap<i64, BTreeMap<Week, HoursTotal>> {
    let mut rows: HashMap<i64, BTreeMap<Week, HoursTotal>> = HashMap::new();
    for cell in cells {
        if let Ok(week) = Week::containing(cell.week) {
            rows.entry(cell.row_id)
                .or_default()
                .insert(week, HoursTotal::from_centihours(cell.centihours));
        }
    }
    rows
}

/// Assignment rows with their hours in the window, keyed by row id; `None` unless asked
/// for. `rows` is only awaited when asked for; the cells follow from its ids.
pub(crate) async fn rows_with_cells<R>(
    asked: bool,
    db: &PgPool,
    scope: &GridScope,
    rows: impl Future<Output = Result<Vec<R>, StoreError>>,
    id: impl Fn(&R) -> i64,
) -> Result<Option<(Vec<R>, HashMap<i64, BTreeMap<Week, HoursTotal>>)>, StoreError> {
    if !asked {
        return Ok(None);
    }
    let rows = rows.await?;
    let row_ids: Vec<i64> = rows.iter().map(id).collect();
    let cells = grid::assignment_cells(db, &row_ids, scope).await?;
    Ok(Some((rows, by_row(cells))))
}

/// The window, the scope and whether per-assignment rows were asked for.
pub(crate) fn parse(query: &GridQuery) -> Result<(Vec<Week>, GridScope, bool), ApiError> {
    let weeks = window(
        query.start.as_deref(),
        query.weeks.unwrap_or(12),
        MIN_WEEKS..=MAX_WEEKS,
    )?;
    let with_assignments = match query.include.as_deref() {
        None | Some("") => false,
        Some("assignments") => true,
        Some(other) => {
            return Err(bad(format!(
                "include={other} is not known; use include=assignments."
            )));
        }
    };
    let (first, last) = (weeks[0], weeks[weeks.len() - 1]);
    let scope = GridScope {
        department_id: query.department,
        include_children: query.include_children.unwrap_or(true),
        search: query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        statuses: statuses(query.status.as_deref())?,
        first_week: first.as_date(),
        last_week: last.as_date(),
    };
    Ok((weeks, scope, with_assignments))
}

#[utoipa::path(
    get, path = "/api/assignments/grid", tag = "assignments",
    params(GridQuery),
    responses((status = 200, description = "OK", body = GridView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized)),
    security(("bearer" = []))
)]
pub async fn grid(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<GridQuery>,
) -> Result<axum::Json<GridView>, ApiError> {
    let (weeks, scope, with_assignments) = parse(&query)?;
    let db = &state.db;
    // Three independent reads on their own connections, so their waits overlap.
    let rows = rows_with_cells(
        with_assignments,
        db,
        &scope,
        grid::assignments(db, &scope),
        |a| a.id,
    );
    let (people, totals, rows) = tokio::try_join!(
        grid::people(db, &scope),
        grid::person_totals(db, &scope),
        rows
    )?;
    let assignments = rows.map(|(rows, mut cells)| {
        rows.into_iter()
            .map(|a| GridAssignmentView {
                weekly_hours: cells.remove(&a.id).unwrap_or_default(),
                id: a.id,
                person: a.person_id,
                project: a.project_id,
                project_name: a.project_name,
                project_status: a.project_status,
                role_on_project: a.role_on_project,
                version: a.version,
            })
            .collect()
    });
    let people = people
        .into_iter()
        .map(|p| GridPersonView {
            weekly_capacity: Hours::from_centihours(p.capacity_centihours).unwrap_or(Hours::ZERO),
            id: p.id,
            name: p.name,
            department: p.department_id,
            department_name: p.department_name,
        })
        .collect();
    Ok(axum::Json(GridView {
        week_keys: weeks,
        people,
        hours_by_person: by_row(totals),
        assignments,
    }))
}
