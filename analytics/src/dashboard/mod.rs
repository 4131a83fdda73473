//! The dashboard: headline figures, the band distribution, the team ranked by average
//! utilization, the most available and the over-allocated people, and the latest changes
//! to the plan: one query over `person_window_load` for the figures and lists, and two
//! over the assignments (the active count, the latest changes) run beside it.

use chrono::{DateTime, NaiveDate, Utc};
use futures::try_join;
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::hours::HoursTotal;
use wt_domain::utilization::{Band, Bands, load_percent, utilization_percent};
use wt_domain::weeks::Week;

mod activity;

use activity::{active_assignments, recent_changes};

use crate::views::{BandCount, band_schema, hours, weekly_capacity};
use crate::{AnalyticsError, DashboardParams, counted};

/// Rows of the most-available list.
const MOST_AVAILABLE: i64 = 10;
/// Rows of the over-allocated list.
const OVER_ALLOCATED: i64 = 50;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DashboardView {
    #[schema(value_type = Vec<NaiveDate>)]
    week_keys: Vec<Week>,
    summary: Summary,
    /// People by the band of their average over the window; all four bands.
    distribution: Vec<BandCount>,
    team: TeamView,
    most_available: Vec<MostAvailable>,
    over_allocated: Vec<OverAllocatedPerson>,
    recent_changes: Vec<RecentChange>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    people: i64,
    /// Everyone's hours over the window as a percentage of everyone's capacity.
    average_utilization: f64,
    /// The fullest single week of anyone (earliest week, then name, of equals); `null`
    /// when nobody has a week above 0 %.
    peak: Option<PeakView>,
    /// Active assignments of these people on active projects in the counted statuses.
    active_assignments: i64,
    /// People over capacity in at least one week.
    over_allocated: i64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PeakView {
    person_id: i64,
    name: String,
    week: NaiveDate,
    percent: f64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TeamView {
    /// Everyone in scope; `rows` holds the fullest `teamLimit`.
    total: i64,
    rows: Vec<TeamRow>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TeamRow {
    id: i64,
    name: String,
    department_id: Option<i64>,
    department_name: Option<String>,
    /// Weekly capacity.
    #[schema(value_type = f64)]
    capacity: HoursTotal,
    /// Total over the window.
    #[schema(value_type = f64)]
    allocated: HoursTotal,
    /// Average utilization over the window.
    percent: f64,
    #[schema(schema_with = band_schema)]
    band: Band,
    peak_week: Option<NaiveDate>,
    peak_percent: f64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MostAvailable {
    id: i64,
    name: String,
    department_name: Option<String>,
    /// Free hours summed over the window's weeks.
    #[schema(value_type = f64)]
    available_hours: HoursTotal,
    /// Average utilization over the window.
    percent: f64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OverAllocatedPerson {
    id: i64,
    name: String,
    department_name: Option<String>,
    peak_week: NaiveDate,
    peak_percent: f64,
    /// Weeks over capacity in the window.
    over_weeks: i64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecentChange {
    assignment_id: i64,
    person_id: i64,
    person_name: String,
    project_id: i64,
    project_name: String,
    changed_at: DateTime<Utc>,
    /// The assignment's hours in the window, when it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<f64>)]
    hours: Option<HoursTotal>,
}

/// One person's row of one of the ranked lists, with the scope's totals (the same on
/// every row; there is a row whenever anyone is in scope, since the team list is never
/// empty then).
struct Ranked {
    list: i32,
    person_id: i64,
    name: String,
    department_id: Option<i64>,
    department_name: Option<String>,
    capacity: i64,
    allocated: i64,
    available: i64,
    peak_week: NaiveDate,
    peak: i64,
    over_weeks: i64,
    people: i64,
    total_allocated: i64,
    total_capacity: i64,
    over_allocated: i64,
    /// People per band of their average, in `Band::ALL` order.
    bands: Vec<i64>,
}

/// Which list a [`Ranked`] row belongs to (the query's `list` column).
const TEAM: i32 = 1;
const AVAILABLE: i32 = 2;
const OVER: i32 = 3;
const PEAK: i32 = 4;

pub(crate) async fn render(
    pool: &PgPool,
    bands: &Bands,
    params: &DashboardParams,
) -> Result<DashboardView, AnalyticsError> {
    let window = &params.window;
    let (first, last) = window.bounds();
    // Three queries on three connections: the ranking is the long one, and the others
    // run beside it on the second core instead of after it.
    let (ranked, active_assignments, recent_changes) = try_join!(
        ranked(pool, bands, params),
        active_assignments(pool, params),
        recent_changes(pool, params, first, last)
    )?;
    let totals = ranked.first();
    let total = |pick: fn(&Ranked) -> i64| totals.map_or(0, pick);
    let window_capacity = |weekly: i64| hours(weekly * i64::from(window.weeks));
    let mut view = DashboardView {
        week_keys: window.week_keys(),
        summary: Summary {
            people: total(|r| r.people),
            average_utilization: load_percent(
                hours(total(|r| r.total_allocated)),
                window_capacity(total(|r| r.total_capacity)),
            ),
            peak: None,
            active_assignments,
            over_allocated: total(|r| r.over_allocated),
        },
        distribution: Band::ALL
            .into_iter()
            .enumerate()
            .map(|(i, band)| BandCount {
                band,
                people: totals.and_then(|r| r.bands.get(i).copied()).unwrap_or(0),
            })
            .collect(),
        team: TeamView {
            total: total(|r| r.people),
            rows: Vec::new(),
        },
        most_available: Vec::new(),
        over_allocated: Vec::new(),
        recent_changes,
    };
    for row in ranked {
        place(&mut view, row, bands, window.weeks)?;
    }
    Ok(view)
}

/// Puts one ranked row into the list it belongs to, with its percentages and band.
fn place(
    view: &mut DashboardView,
    row: Ranked,
    bands: &Bands,
    weeks: u32,
) -> Result<(), AnalyticsError> {
    let window_capacity = |weekly: i64| hours(weekly * i64::from(weeks));
    let weekly = weekly_capacity(row.capacity)?;
    let average = load_percent(hours(row.allocated), window_capacity(row.capacity));
    let peak_percent = utilization_percent(hours(row.peak), weekly);
    match row.list {
        TEAM => view.team.rows.push(TeamRow {
            id: row.person_id,
            band: Band::for_load(hours(row.allocated), window_capacity(row.capacity), bands),
            name: row.name,
            department_id: row.department_id,
            department_name: row.department_name,
            capacity: hours(row.capacity),
            allocated: hours(row.allocated),
            percent: average,
            peak_week: Some(row.peak_week),
            peak_percent,
        }),
        AVAILABLE => view.most_available.push(MostAvailable {
            id: row.person_id,
            name: row.name,
            department_name: row.department_name,
            available_hours: hours(row.available),
            percent: average,
        }),
        OVER => view.over_allocated.push(OverAllocatedPerson {
            id: row.person_id,
            name: row.name,
            department_name: row.department_name,
            peak_week: row.peak_week,
            peak_percent,
            over_weeks: row.over_weeks,
        }),
        PEAK => {
            view.summary.peak = Some(PeakView {
                person_id: row.person_id,
                name: row.name,
                week: row.peak_week,
                percent: peak_percent,
            })
        }
        other => return Err(AnalyticsError::Data(format!("dashboard list {other}"))),
    }
    Ok(())
}

/// Every person's window load once (`s`), ranked four ways (each a top-N of `s`, then
/// numbered), with the totals and band counts over all of `s`. The band CASE is
/// `Band::for_load` of the average (hours against zero capacity are over-allocated),
/// with `percent > bound` as `hours * 100 > bound * window capacity`: exact, and without
/// a numeric division per person (zero capacity as 0 / 1, the 0 % it counts as).
async fn ranked(
    pool: &PgPool,
    bands: &Bands,
    params: &DashboardParams,
) -> Result<Vec<Ranked>, sqlx::Error> {
    let window = &params.window;
    let (first, last) = window.bounds();
    let statuses = counted();
    sqlx::query_as!(
        Ranked,
        r#"WITH s AS MATERIALIZED (
               SELECT w.person_id, p.name, p.department_id, d.name AS department_name,
                      w.capacity, w.allocated, w.available, w.peak_week, w.peak, w.over_weeks,
                      lower(p.name) AS sort_name,
                      CASE WHEN w.capacity = 0 THEN 0
                           ELSE w.allocated::float8 / w.capacity END AS average,
                      CASE WHEN w.capacity = 0 THEN 0
                           ELSE w.peak::float8 / w.capacity END AS peak_ratio
               FROM person_window_load($1, $2, $3, $4, $5) w
               JOIN people p ON p.id = w.person_id
               LEFT JOIN departments d ON d.id = p.department_id
           ), totals AS (
               SELECT count(*) AS people, coalesce(sum(allocated), 0)::bigint AS allocated,
                      coalesce(sum(capacity), 0)::bigint AS capacity,
                      count(*) FILTER (WHERE over_weeks > 0) AS over_allocated,
                      ARRAY[count(*) FILTER (WHERE band = 0), count(*) FILTER (WHERE band = 1),
                            count(*) FILTER (WHERE band = 2), count(*) FILTER (WHERE band = 3)]
                          AS bands
               FROM (SELECT allocated, capacity, over_weeks,
                            CASE WHEN capacity = 0 AND allocated > 0 THEN 3
                                 WHEN hundredfold > $10::float8::numeric * window_capacity
                                     THEN 3
                                 WHEN hundredfold >= $11::float8::numeric * window_capacity
                                     THEN 2
                                 WHEN hundredfold >= $12::float8::numeric * window_capacity
                                     THEN 1
                                 ELSE 0 END AS band
                     FROM s CROSS JOIN LATERAL (
                         SELECT CASE WHEN capacity = 0 THEN 0 ELSE allocated * 100 END
                                    AS hundredfold,
                                CASE WHEN capacity = 0 THEN 1 ELSE capacity * $9::bigint END
                                    AS window_capacity
                     ) AS scaled) AS banded
           )
           SELECT r.list AS "list!", r.person_id AS "person_id!", r.name AS "name!",
                  r.department_id, r.department_name AS "department_name?",
                  r.capacity AS "capacity!", r.allocated AS "allocated!",
                  r.available AS "available!", r.peak_week AS "peak_week!", r.peak AS "peak!",
                  r.over_weeks AS "over_weeks!", t.people AS "people!",
                  t.allocated AS "total_allocated!", t.capacity AS "total_capacity!",
                  t.over_allocated AS "over_allocated!", t.bands AS "bands!"
           FROM (
               SELECT 1 AS list, row_number() OVER (
                          ORDER BY average DESC, sort_name, person_id) AS pos, top.*
               FROM (SELECT * FROM s ORDER BY average DESC, sort_name, person_id LIMIT $6) top
               UNION ALL
               SELECT 2, row_number() OVER (
                          ORDER BY available DESC, sort_name, person_id), top.*
               FROM (SELECT * FROM s ORDER BY available DESC, sort_name, person_id LIMIT $7) top
               UNION ALL
               SELECT 3, row_number() OVER (
                          ORDER BY peak_ratio DESC, over_weeks DESC, sort_name, person_id), top.*
               FROM (SELECT * FROM s WHERE over_weeks > 0
                     ORDER BY peak_ratio DESC, over_weeks DESC, sort_name, person_id
                     LIMIT $8) top
               UNION ALL
               SELECT 4, 1, top.*
               FROM (SELECT * FROM s WHERE peak_ratio > 0
                     ORDER BY peak_ratio DESC, peak_week, sort_name, person_id LIMIT 1) top
           ) r
           CROSS JOIN totals t
           ORDER BY r.list, r.pos"#,
        first,
        last,
        &statuses,
        window.department,
        window.include_children,
        i64::from(params.team_limit),
        MOST_AVAILABLE,
        OVER_ALLOCATED,
        i64::from(window.weeks),
        bands.over_above(),
        bands.high_from(),
        bands.optimal_from(),
    )
    .fetch_all(pool)
    .await
}
