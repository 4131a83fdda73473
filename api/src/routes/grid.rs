//! `GET /api/assignments/grid`: a page of the planning grid: people x weeks for a window
//! of 8 to 52 Sundays, `limit` people from `offset` (a screenful by default) with their
//! weekly totals, how many people the scope holds, and, with `include=assignments`,
//! those people's assignments' hours (the rows of people expanded later come from
//! `grid_rows`). Every dataset is one aggregate query in PostgreSQL, so a page costs what
//! it shows, not what the company holds; pages are served from the aggregate cache (with
//! an ETag) until the next plan write.

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::ops::RangeInclusive;
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::weeks::Week;
use wt_store::StoreError;
use wt_store::grid::{self, Cell, GridScope};

use crate::aggregates;
use crate::auth::Reader;
use crate::extract::QueryParams;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::projects::statuses;
use crate::state::AppState;

pub(crate) const MIN_WEEKS: u32 = 8;
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

/// Which people of the grid's scope one request shows.
#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct GridPageQuery {
    /// How many people to skip, in the grid's order (name, then id); default 0.
    offset: Option<u64>,
    /// How many people, 1 to 500 (default 100, a screenful).
    limit: Option<u64>,
}

const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: u64 = 500;

impl GridPageQuery {
    /// (limit, offset), refused when out of range.
    fn bounds(&self) -> Result<(i64, i64), ApiError> {
        let limit = match self.limit {
            None => DEFAULT_LIMIT,
            Some(limit @ 1..=MAX_LIMIT) => limit as i64,
            Some(_) => return Err(bad(format!("limit must be between 1 and {MAX_LIMIT}."))),
        };
        let offset = i64::try_from(self.offset.unwrap_or(0))
            .map_err(|_| bad("offset is too large.".to_owned()))?;
        Ok((limit, offset))
    }
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
    /// How many assignment rows expanding this person shows.
    assignment_count: i64,
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
    /// How many people the scope holds (every page's).
    total: i64,
    offset: i64,
    limit: i64,
    /// This page's people, by name then id.
    people: Vec<GridPersonView>,
    /// Their weekly totals; weeks without hours are absent.
    #[schema(value_type = HashMap<String, HashMap<String, f64>>)]
    hours_by_person: HashMap<i64, BTreeMap<Week, HoursTotal>>,
    /// With `include=assignments`: this page's people's assignment rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    assignments: Option<Vec<GridAssignmentView>>,
}

/// Assignment rows with their hours in the window (`cells` by row id).
pub(crate) fn assignment_views(
    rows: Vec<grid::GridAssignment>,
    mut cells: HashMap<i64, BTreeMap<Week, HoursTotal>>,
) -> Vec<GridAssignmentView> {
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
    params(GridQuery, GridPageQuery),
    responses((status = 200, description = "OK", body = GridView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn grid(
    State(state): State<AppState>,
    Reader(_): Reader,
    headers: HeaderMap,
    QueryParams(query): QueryParams<GridQuery>,
    QueryParams(page): QueryParams<GridPageQuery>,
) -> Result<Response, ApiError> {
    let (weeks, scope, with_assignments) = parse(&query)?;
    let (limit, offset) = page.bounds()?;
    // Served like the dashboards: cached until the next plan write (which retires every
    // cached answer before its own response), computed once however many ask.
    let key = format!(
        "grid:{}:{}:{scope:?}:{with_assignments}:{limit}:{offset}",
        weeks[0],
        weeks.len()
    );
    let page = GridPage {
        weeks,
        scope,
        with_assignments,
        limit,
        offset,
    };
    let cached = state
        .aggregates
        .get_or_compute("grid", &key, || async {
            let view = page.view(&state).await?;
            serde_json::to_vec(&view).map_err(|e| ApiError::Internal(e.into()))
        })
        .await
        .map_err(|shared| {
            Arc::try_unwrap(shared).unwrap_or_else(|shared| {
                ApiError::Internal(anyhow::anyhow!("the grid page failed: {shared:?}"))
            })
        })?;
    Ok(aggregates::answer(&headers, &cached))
}

/// One page of the grid, parsed and bounded.
struct GridPage {
    weeks: Vec<Week>,
    scope: GridScope,
    with_assignments: bool,
    limit: i64,
    offset: i64,
}

impl GridPage {
    async fn view(&self, state: &AppState) -> Result<GridView, ApiError> {
        let GridPage {
            weeks,
            scope,
            with_assignments,
            limit,
            offset,
        } = self;
        let (with_assignments, limit, offset) = (*with_assignments, *limit, *offset);
        let db = &state.db;
        // The page first (an index range), then what hangs off its people and the count,
        // on their own connections so their waits overlap.
        let people = grid::people(db, scope, limit, offset).await?;
        let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
        let rows = rows_with_cells(
            with_assignments,
            db,
            scope,
            grid::assignments(db, &ids, scope),
            |a| a.id,
        );
        // The count reads the same tables as the people list's: kept until they change.
        let key = format!(
            "grid:{:?}:{}:{:?}",
            scope.department_id, scope.include_children, scope.search
        );
        let total = state.list_counts.total(
            db,
            key,
            &["people", "departments"],
            grid::people_count(db, scope),
        );
        let (total, totals, rows) =
            tokio::try_join!(total, grid::person_totals(db, &ids, scope), rows)?;
        let people = people
            .into_iter()
            .map(|p| {
                Ok(GridPersonView {
                    weekly_capacity: stored_capacity(p.capacity_centihours)?,
                    id: p.id,
                    name: p.name,
                    department: p.department_id,
                    department_name: p.department_name,
                    assignment_count: p.assignment_count,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        Ok(GridView {
            week_keys: weeks.clone(),
            total,
            offset,
            limit,
            people,
            hours_by_person: by_row(totals),
            assignments: rows.map(|(rows, cells)| assignment_views(rows, cells)),
        })
    }
}

/// A capacity as stored; one outside what the schema allows is an error, not a zero.
fn stored_capacity(centihours: i32) -> Result<Hours, ApiError> {
    Hours::from_centihours(centihours).ok_or_else(|| {
        ApiError::Internal(anyhow::anyhow!(
            "a stored weekly capacity of {centihours} centihours is out of range"
        ))
    })
}
