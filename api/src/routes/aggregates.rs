//! The read-only overviews: `/api/dashboard`, `/api/people/capacity-heatmap`,
//! `/api/people/workload-forecast`, `/api/people/available`,
//! `/api/projects/{id}/staffing`, `/api/departments/rollup` and `/api/me/work`. Each
//! handler parses its query into a `wt_analytics::Aggregate` (the window and scope through
//! the shared [`WeeksQuery`] and [`ScopeQuery`]) and leaves the answer to
//! [`crate::aggregates::serve`].

use std::ops::RangeInclusive;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;
use utoipa::IntoParams;
use wt_analytics::{
    Aggregate, AvailableParams, DEFAULT_HEATMAP_LIMIT, DEFAULT_TEAM_LIMIT, DEFAULT_WEEKS,
    DashboardParams, HeatmapParams, HeatmapSort, MyWorkParams, StaffingParams, Window,
};
use wt_domain::hours::Hours;
use wt_domain::weeks::Week;

use crate::aggregates::serve;
use crate::auth::{Reader, SignedIn};
use crate::extract::{PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::grid::{MAX_WEEKS, bad, window};
use crate::state::AppState;

/// Most skills one availability search may name.
const MAX_SKILLS: usize = 50;

/// The weeks of an overview.
#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct WeeksQuery {
    /// How many weeks, 1 to 52 (default 12).
    weeks: Option<u32>,
    /// The first Sunday (default: this week).
    #[param(value_type = Option<chrono::NaiveDate>)]
    start: Option<String>,
}

/// Whose figures an overview shows.
#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ScopeQuery {
    /// Only this department's people (an unknown id shows nobody).
    department: Option<i64>,
    /// With `department`: its sub-departments' people too (default true).
    include_children: Option<bool>,
}

impl WeeksQuery {
    /// The first Sunday and how many weeks; `weeks` outside 1 to 52 is `invalid_weeks`,
    /// and `start` is checked as the planning grid checks it.
    pub fn parse(&self) -> Result<(Week, u32), ApiError> {
        let count = self.weeks.unwrap_or(DEFAULT_WEEKS);
        if !(1..=MAX_WEEKS).contains(&count) {
            return Err(Problem::bad_request(
                "invalid_weeks",
                format!("weeks must be between 1 and {MAX_WEEKS}."),
            )
            .into());
        }
        let keys = window(self.start.as_deref(), count, 1..=MAX_WEEKS)?;
        Ok((keys[0], count))
    }

    fn window(&self, scope: &ScopeQuery) -> Result<Window, ApiError> {
        let (start, weeks) = self.parse()?;
        Ok(Window {
            start,
            weeks,
            department: scope.department,
            include_children: scope.include_children.unwrap_or(true),
        })
    }
}

/// `raw` (default `default`) checked against `allowed`.
fn bounded(
    name: &str,
    raw: Option<u32>,
    default: u32,
    allowed: RangeInclusive<u32>,
) -> Result<u32, ApiError> {
    let value = raw.unwrap_or(default);
    if allowed.contains(&value) {
        return Ok(value);
    }
    Err(bad(format!(
        "{name} must be between {} and {}.",
        allowed.start(),
        allowed.end()
    )))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// Team rows, 1 to 500 (default 50).
    team_limit: Option<u32>,
}

/// Headline figures, the band distribution, the team, who is free, who is over, and the
/// latest changes.
#[utoipa::path(
    get, path = "/api/dashboard", tag = "analytics",
    params(WeeksQuery, ScopeQuery, DashboardQuery),
    responses((status = 200, description = "OK", body = wt_analytics::DashboardView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn dashboard(
    State(state): State<AppState>,
    Reader(_): Reader,
    headers: HeaderMap,
    QueryParams(weeks): QueryParams<WeeksQuery>,
    QueryParams(scope): QueryParams<ScopeQuery>,
    QueryParams(query): QueryParams<DashboardQuery>,
) -> Result<Response, ApiError> {
    let params = DashboardParams {
        window: weeks.window(&scope)?,
        team_limit: bounded("teamLimit", query.team_limit, DEFAULT_TEAM_LIMIT, 1..=500)?,
    };
    serve(&state, &headers, Aggregate::Dashboard(params)).await
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct HeatmapQuery {
    /// People skipped (default 0).
    offset: Option<u32>,
    /// People on the page, 1 to 5000 (default 200).
    limit: Option<u32>,
    /// `name` (default) or `utilization` (fullest average first).
    sort: Option<String>,
}

/// People x weeks: hours, utilization and free hours, one page of people.
#[utoipa::path(
    get, path = "/api/people/capacity-heatmap", tag = "analytics",
    params(WeeksQuery, ScopeQuery, HeatmapQuery),
    responses((status = 200, description = "OK", body = wt_analytics::HeatmapView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn heatmap(
    State(state): State<AppState>,
    Reader(_): Reader,
    headers: HeaderMap,
    QueryParams(weeks): QueryParams<WeeksQuery>,
    QueryParams(scope): QueryParams<ScopeQuery>,
    QueryParams(query): QueryParams<HeatmapQuery>,
) -> Result<Response, ApiError> {
    let sort = match query.sort.as_deref() {
        None | Some("name") => HeatmapSort::Name,
        Some("utilization") => HeatmapSort::Utilization,
        Some(other) => {
            return Err(bad(format!(
                "sort={other} is not known; use name or utilization."
            )));
        }
    };
    let params = HeatmapParams {
        window: weeks.window(&scope)?,
        offset: query.offset.unwrap_or(0),
        limit: bounded("limit", query.limit, DEFAULT_HEATMAP_LIMIT, 1..=5000)?,
        sort,
    };
    serve(&state, &headers, Aggregate::Heatmap(params)).await
}

/// Week by week: the team's capacity, hours, free hours, utilization and who is over, and
/// the same per role.
#[utoipa::path(
    get, path = "/api/people/workload-forecast", tag = "analytics",
    params(WeeksQuery, ScopeQuery),
    responses((status = 200, description = "OK", body = wt_analytics::ForecastView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn forecast(
    state: State<AppState>,
    reader: Reader,
    headers: HeaderMap,
    weeks: QueryParams<WeeksQuery>,
    scope: QueryParams<ScopeQuery>,
) -> Result<Response, ApiError> {
    windowed(state, reader, headers, weeks, scope, Aggregate::Forecast).await
}

/// A view decided by its window alone (the forecast, the rollup).
async fn windowed(
    State(state): State<AppState>,
    Reader(_): Reader,
    headers: HeaderMap,
    QueryParams(weeks): QueryParams<WeeksQuery>,
    QueryParams(scope): QueryParams<ScopeQuery>,
    view: fn(Window) -> Aggregate,
) -> Result<Response, ApiError> {
    let window = weeks.window(&scope)?;
    serve(&state, &headers, view(window)).await
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AvailableQuery {
    /// Comma-separated skill names (any case); only people with at least one are listed.
    skills: Option<String>,
    /// Least free hours per week on average, 0 to 168 (default 0).
    #[param(value_type = Option<f64>)]
    min_hours: Option<String>,
    /// People listed, 1 to 500 (default 50).
    limit: Option<u32>,
}

/// `a, b ,A` as `[a, b]`: trimmed, empty ones dropped, repeats (in any case) once.
fn skill_names(raw: Option<&str>) -> Result<Vec<String>, ApiError> {
    let mut names: Vec<String> = Vec::new();
    for name in raw.unwrap_or("").split(',').map(str::trim) {
        if !name.is_empty()
            && !names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name.to_owned());
        }
    }
    if names.len() > MAX_SKILLS {
        return Err(bad(format!("Ask for at most {MAX_SKILLS} skills.")));
    }
    Ok(names)
}

fn min_hours(raw: Option<&str>) -> Result<Hours, ApiError> {
    let Some(raw) = raw else {
        return Ok(Hours::ZERO);
    };
    raw.trim()
        .parse::<f64>()
        .ok()
        .and_then(|value| Hours::from_f64(value).ok())
        .ok_or_else(|| {
            Problem::bad_request(
                "invalid_min_hours",
                "minHours must be a number of hours from 0 to 168 with at most two decimals.",
            )
            .into()
        })
}

/// Who has free time (and the skills asked for), most matched skills and free hours first.
#[utoipa::path(
    get, path = "/api/people/available", tag = "analytics",
    params(WeeksQuery, ScopeQuery, AvailableQuery),
    responses((status = 200, description = "OK", body = wt_analytics::AvailableView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn available(
    State(state): State<AppState>,
    Reader(_): Reader,
    headers: HeaderMap,
    QueryParams(weeks): QueryParams<WeeksQuery>,
    QueryParams(scope): QueryParams<ScopeQuery>,
    QueryParams(query): QueryParams<AvailableQuery>,
) -> Result<Response, ApiError> {
    let params = AvailableParams {
        window: weeks.window(&scope)?,
        skills: skill_names(query.skills.as_deref())?,
        min_hours: min_hours(query.min_hours.as_deref())?,
        limit: bounded("limit", query.limit, 50, 1..=500)?,
    };
    serve(&state, &headers, Aggregate::Available(params)).await
}

/// Who is on a project with their weekly hours, its weekly totals, and the hours in each
/// deliverable's stretch.
#[utoipa::path(
    get, path = "/api/projects/{id}/staffing", tag = "analytics",
    params(("id" = i64, Path, description = "The project"), WeeksQuery),
    responses((status = 200, description = "OK", body = wt_analytics::StaffingView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn staffing(
    State(state): State<AppState>,
    Reader(_): Reader,
    headers: HeaderMap,
    PathId(project_id): PathId,
    QueryParams(weeks): QueryParams<WeeksQuery>,
) -> Result<Response, ApiError> {
    let (start, weeks) = weeks.parse()?;
    let params = StaffingParams {
        project_id,
        start,
        weeks,
    };
    serve(&state, &headers, Aggregate::Staffing(params)).await
}

/// The department tree with each department's weekly capacity, hours and utilization,
/// sub-departments included; `department` picks the root (default: every top-level one).
#[utoipa::path(
    get, path = "/api/departments/rollup", tag = "analytics",
    params(WeeksQuery, ScopeQuery),
    responses((status = 200, description = "OK", body = wt_analytics::RollupView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn rollup(
    state: State<AppState>,
    reader: Reader,
    headers: HeaderMap,
    weeks: QueryParams<WeeksQuery>,
    scope: QueryParams<ScopeQuery>,
) -> Result<Response, ApiError> {
    windowed(
        state,
        reader,
        headers,
        weeks,
        scope,
        Aggregate::DepartmentRollup,
    )
    .await
}

/// The signed-in user's own weeks, projects, next deliverables and alerts.
#[utoipa::path(
    get, path = "/api/me/work", tag = "analytics",
    params(WeeksQuery),
    responses((status = 200, description = "OK", body = wt_analytics::MyWorkView),
        (status = 304, description = "Not modified"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn my_work(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    headers: HeaderMap,
    QueryParams(weeks): QueryParams<WeeksQuery>,
) -> Result<Response, ApiError> {
    let (start, weeks) = weeks.parse()?;
    let person_id = me.person_id.ok_or_else(|| {
        Problem::new(
            StatusCode::NOT_FOUND,
            "no_linked_person",
            "Your account is not linked to a person, so there is no planned work to show.",
        )
    })?;
    let params = MyWorkParams {
        person_id,
        start,
        weeks,
        today: Utc::now().date_naive(),
    };
    serve(&state, &headers, Aggregate::MyWork(params)).await
}
