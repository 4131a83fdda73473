//! The capacity heatmap: one page of people, each with their hours, utilization and free
//! hours in every week of the window (arrays aligned with `weekKeys`).

use futures::try_join;
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::utilization::{available, utilization_percent};
use wt_domain::weeks::Week;

use crate::views::{hours, weekly_capacity};
use crate::{AnalyticsError, HeatmapParams, HeatmapSort, counted};

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HeatmapView {
    #[schema(value_type = Vec<chrono::NaiveDate>)]
    week_keys: Vec<Week>,
    /// People in scope, over all pages.
    total: i64,
    offset: u32,
    limit: u32,
    rows: Vec<HeatmapRow>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HeatmapRow {
    id: i64,
    name: String,
    department_id: Option<i64>,
    department_name: Option<String>,
    /// Weekly capacity.
    #[schema(value_type = f64)]
    capacity: Hours,
    #[schema(value_type = Vec<f64>)]
    hours: Vec<HoursTotal>,
    percent: Vec<f64>,
    #[schema(value_type = Vec<f64>)]
    available: Vec<HoursTotal>,
}

pub(crate) async fn render(
    pool: &PgPool,
    params: &HeatmapParams,
) -> Result<HeatmapView, AnalyticsError> {
    let window = &params.window;
    let (first, last) = window.bounds();
    let statuses = counted();
    let total = sqlx::query_scalar!(
        r#"SELECT count(*) AS "total!" FROM people p
           WHERE p.is_active
             AND ($1::bigint IS NULL OR p.department_id IN (SELECT department_scope($1, $2)))"#,
        window.department,
        window.include_children,
    )
    .fetch_one(pool);
    let rows = sqlx::query!(
        r#"SELECT p.id, p.name, p.department_id, d.name AS "department_name?",
                  w.capacity AS "capacity!",
                  ARRAY(SELECT coalesce(load_in_statuses(l, $3), 0)
                        FROM generate_series(0, ($2::date - $1::date) / 7) AS g(i)
                        LEFT JOIN person_week_load l
                          ON l.person_id = p.id AND l.week = ($1::date + 7 * g.i)
                        ORDER BY g.i) AS "hours!: Vec<i64>"
           FROM person_window_load($1, $2, $3, $4, $5) w
           JOIN people p ON p.id = w.person_id
           LEFT JOIN departments d ON d.id = p.department_id
           ORDER BY CASE WHEN $6 AND w.capacity > 0 THEN w.allocated::numeric / w.capacity
                         ELSE 0 END DESC,
                    lower(p.name), p.id
           OFFSET $7 LIMIT $8"#,
        first,
        last,
        &statuses,
        window.department,
        window.include_children,
        params.sort == HeatmapSort::Utilization,
        i64::from(params.offset),
        i64::from(params.limit),
    )
    .fetch_all(pool);
    let (total, rows) = try_join!(total, rows)?;
    let rows = rows
        .into_iter()
        .map(|row| {
            let capacity = weekly_capacity(row.capacity)?;
            let weekly: Vec<HoursTotal> = row.hours.into_iter().map(hours).collect();
            Ok(HeatmapRow {
                id: row.id,
                name: row.name,
                department_id: row.department_id,
                department_name: row.department_name,
                capacity,
                percent: weekly
                    .iter()
                    .map(|h| utilization_percent(*h, capacity))
                    .collect(),
                available: weekly.iter().map(|h| available(*h, capacity)).collect(),
                hours: weekly,
            })
        })
        .collect::<Result<_, AnalyticsError>>()?;
    Ok(HeatmapView {
        week_keys: window.week_keys(),
        total,
        offset: params.offset,
        limit: params.limit,
        rows,
    })
}
