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
    let rows = sqlx::query!(
        r#"WITH cells AS (
               SELECT p.id, p.name, p.role_id, (p.weekly_capacity * 100)::bigint AS capacity,
                      g.week::date AS week, coalesce(load_in_statuses(l, $3), 0) AS c
               FROM people p
               CROSS JOIN generate_series($1::date, $2::date, interval '1 week') AS g(week)
               LEFT JOIN person_week_load l ON l.person_id = p.id AND l.week = g.week::date
               WHERE p.is_active
                 AND ($4::bigint IS NULL OR p.department_id IN (SELECT department_scope($4, $5)))
           )
           SELECT grouping(c.role_id) = 1 AS "is_total!", c.role_id, r.name AS "role_name?",
                  c.week AS "week!", count(*) AS "people!",
                  sum(c.capacity)::bigint AS "capacity!", sum(c.c)::bigint AS "allocated!",
                  sum(greatest(c.capacity - c.c, 0))::bigint AS "available!",
                  count(*) FILTER (WHERE c.c > c.capacity) AS "over_count!",
                  jsonb_path_query_array(
                      coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name,
                                   'capacity', c.capacity, 'allocated', c.c)
                               ORDER BY CASE WHEN c.capacity = 0 THEN 0
                                             ELSE c.c::numeric / c.capacity END DESC,
                                        lower(c.name), c.id)
                               FILTER (WHERE c.c > c.capacity), '[]'),
                      ('$[0 to ' || ($6::bigint - 1) || ']')::jsonpath
                  ) AS "over!: Json<Vec<Over>>"
           FROM cells c
           LEFT JOIN roles r ON r.id = c.role_id
           GROUP BY GROUPING SETS ((c.week), (c.role_id, r.name, c.week))
           ORDER BY grouping(c.role_id) DESC, lower(r.name) NULLS FIRST, c.role_id, c.week"#,
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
    if view.weeks.is_empty() {
        // Nobody in scope: the weeks are still there, empty.
        view.weeks = view
            .week_keys
            .iter()
            .map(|week| empty_week(week.as_date(), bands))
            .collect();
    }
    Ok(view)
}

fn empty_week(week: NaiveDate, bands: &Bands) -> ForecastWeek {
    ForecastWeek {
        week,
        people: 0,
        capacity: HoursTotal::ZERO,
        allocated: HoursTotal::ZERO,
        available: HoursTotal::ZERO,
        utilization: load_percent(HoursTotal::ZERO, HoursTotal::ZERO),
        band: Band::for_load(HoursTotal::ZERO, HoursTotal::ZERO, bands),
        over_allocated_count: 0,
        over_allocated: Vec::new(),
    }
}
