//! The workload forecast: for each week of the window, the team's capacity, hours, free
//! hours and utilization, who is over capacity (the worst ten), and the same figures per
//! role. One query: every person-week of the window grouped by week and by role and week.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use sqlx::types::Json;
use utoipa::ToSchema;
use wt_domain::hours::HoursTotal;
use wt_domain::utilization::{Band, Bands, load_percent, utilization_percent};
use wt_domain::weeks::Week;

use crate::views::{band_schema, hours, weekly_capacity};
use crate::{AnalyticsError, Window, counted};

/// People named per week among the over-allocated.
const WORST: i64 = 10;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ForecastView {
    #[schema(value_type = Vec<NaiveDate>)]
    week_keys: Vec<Week>,
    weeks: Vec<ForecastWeek>,
    /// Per role (people without one under `roleId: null`), by role name.
    by_role: Vec<RoleForecast>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ForecastWeek {
    week: NaiveDate,
    people: i64,
    #[schema(value_type = f64)]
    capacity: HoursTotal,
    #[schema(value_type = f64)]
    allocated: HoursTotal,
    /// Each person's free hours (never below zero), summed: one person's overtime does
    /// not free anyone else.
    #[schema(value_type = f64)]
    available: HoursTotal,
    utilization: f64,
    #[schema(schema_with = band_schema)]
    band: Band,
    over_allocated_count: i64,
    /// The fullest ten of them.
    over_allocated: Vec<OverAllocatedInWeek>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OverAllocatedInWeek {
    id: i64,
    name: String,
    percent: f64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleForecast {
    role_id: Option<i64>,
    role_name: Option<String>,
    weeks: Vec<RoleWeek>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleWeek {
    week: NaiveDate,
    #[schema(value_type = f64)]
    capacity: HoursTotal,
    #[schema(value_type = f64)]
    allocated: HoursTotal,
    utilization: f64,
}

/// An over-allocated person in a week, as the query lists them.
#[derive(Debug, Deserialize)]
struct Over {
    id: i64,
    name: String,
    capacity: i64,
    allocated: i64,
}

pub(crate) async fn render(
    pool: &PgPool,
    bands: &Bands,
    window: &Window,
) -> Result<ForecastView, AnalyticsError> {
    let (first, last) = window.bounds();
    let statuses = counted();
    // Capacity is per person, so it comes from the people (`staff`); hours only from the
    // load rows that exist (`weekly`), so every person-week need not be built. Free hours
    // are capacity minus the hours that fit in it. The load rows are read once (`load`)
    // for both the plain hash aggregate `weekly` and the fullest ten of each week (`worst`,
    // whole company only, the role rows do not list people): an ordered aggregate would
    // force a sort of every row. `worst` first keeps the rows whose ratio ranks in the top
    // ten (ties included), so the costly lower(name) sort only sees those.
    let rows = sqlx::query!(
        r#"WITH scoped AS MATERIALIZED (
               SELECT p.id, p.name, p.role_id, (p.weekly_capacity * 100)::bigint AS capacity
               FROM people p
               WHERE p.is_active
                 AND ($4::bigint IS NULL OR p.department_id IN (SELECT department_scope($4, $5)))
           ), staff AS (
               SELECT grouping(s.role_id) = 1 AS is_total, s.role_id, count(*) AS people,
                      coalesce(sum(s.capacity), 0)::bigint AS capacity
               FROM scoped s GROUP BY GROUPING SETS ((), (s.role_id))
           ), load AS MATERIALIZED (
               SELECT s.id, s.name, s.role_id, s.capacity, l.week, l.c
               FROM scoped s
               JOIN (SELECT pl.person_id, pl.week, load_in_statuses(pl, $3) AS c
                     FROM person_week_load pl WHERE pl.week BETWEEN $1 AND $2) l
                 ON l.person_id = s.id
           ), weekly AS (
               SELECT grouping(l.role_id) = 1 AS is_total, l.role_id, l.week,
                      sum(l.c)::bigint AS allocated, sum(least(l.c, l.capacity))::bigint AS used,
                      count(*) FILTER (WHERE l.c > l.capacity) AS over_count
               FROM load l
               GROUP BY GROUPING SETS ((l.week), (l.role_id, l.week))
           ), worst AS (
               SELECT o.week,
                      jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name,
                                                   'capacity', o.capacity, 'allocated', o.c)
                                ORDER BY o.pos) AS over
               FROM (SELECT t.*, row_number() OVER (PARTITION BY t.week
                                ORDER BY t.ratio DESC, lower(t.name), t.id) AS pos
                     FROM (SELECT l.week, l.id, l.name, l.capacity, l.c, l.ratio,
                                  rank() OVER (PARTITION BY l.week ORDER BY l.ratio DESC) AS r
                           FROM (SELECT *, CASE WHEN capacity = 0 THEN 0
                                                ELSE c::numeric / capacity END AS ratio
                                 FROM load WHERE c > capacity) l) t
                     WHERE t.r <= $6) o
               WHERE o.pos <= $6
               GROUP BY o.week
           )
           SELECT st.is_total AS "is_total!", st.role_id, r.name AS "role_name?",
                  g.week AS "week!", st.people AS "people!", st.capacity AS "capacity!",
                  coalesce(w.allocated, 0) AS "allocated!",
                  st.capacity - coalesce(w.used, 0) AS "available!",
                  coalesce(w.over_count, 0) AS "over_count!",
                  coalesce(wo.over, '[]') AS "over!: Json<Vec<Over>>"
           FROM staff st
           CROSS JOIN (SELECT $1::date + 7 * i AS week
                       FROM generate_series(0, ($2::date - $1::date) / 7) AS i) g
           LEFT JOIN weekly w ON w.is_total = st.is_total
                AND w.role_id IS NOT DISTINCT FROM st.role_id AND w.week = g.week
           LEFT JOIN worst wo ON st.is_total AND wo.week = g.week
           LEFT JOIN roles r ON r.id = st.role_id
           ORDER BY st.is_total DESC, lower(r.name) NULLS FIRST, st.role_id, g.week"#,
        first,
        last,
        &statuses,
        window.department,
        window.include_children,
        WORST,
    )
    .fetch_all(pool)
    .await?;
    let mut view = ForecastView {
        week_keys: window.week_keys(),
        weeks: Vec::new(),
        by_role: Vec::new(),
    };
    for row in rows {
        let (capacity, allocated) = (hours(row.capacity), hours(row.allocated));
        let utilization = load_percent(allocated, capacity);
        if row.is_total {
            let Json(over) = row.over;
            view.weeks.push(ForecastWeek {
                week: row.week,
                people: row.people,
                capacity,
                allocated,
                available: hours(row.available),
                utilization,
                band: Band::for_load(allocated, capacity, bands),
                over_allocated_count: row.over_count,
                over_allocated: over
                    .into_iter()
                    .map(|o| {
                        Ok(OverAllocatedInWeek {
                            percent: utilization_percent(
                                hours(o.allocated),
                                weekly_capacity(o.capacity)?,
                            ),
                            id: o.id,
                            name: o.name,
                        })
                    })
                    .collect::<Result<_, AnalyticsError>>()?,
            });
            continue;
        }
        let week = RoleWeek {
            week: row.week,
            capacity,
            allocated,
            utilization,
        };
        match view.by_role.last_mut() {
            Some(role) if role.role_id == row.role_id => role.weeks.push(week),
            _ => view.by_role.push(RoleForecast {
                role_id: row.role_id,
                role_name: row.role_name,
                weeks: vec![week],
            }),
        }
    }
    Ok(view)
}
