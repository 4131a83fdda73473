//! One person's weeks: hours planned on counted projects against their capacity, with
//! the percentage and band every screen shows. My Work and the person page both read it.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::utilization::{Band, Bands, utilization_percent};
use wt_domain::weeks::Week;

use crate::views::{band_schema, hours, weekly_capacity};
use crate::{AnalyticsError, counted, span};

/// One week of one person's plan.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonWeek {
    pub week: NaiveDate,
    #[schema(value_type = f64)]
    pub allocated: HoursTotal,
    #[schema(value_type = f64)]
    pub capacity: Hours,
    pub percent: f64,
    #[schema(schema_with = band_schema)]
    pub band: Band,
}

/// A person with their weeks from `start`.
#[derive(Debug)]
pub struct PersonWeeks {
    pub id: i64,
    pub name: String,
    pub capacity: Hours,
    pub weeks: Vec<PersonWeek>,
}

/// `weeks` weeks of person `person_id` from `start`, one query over the trigger-kept
/// week loads; `None` when there is no such person.
pub async fn person_weeks(
    pool: &PgPool,
    bands: &Bands,
    person_id: i64,
    start: Week,
    weeks: u32,
) -> Result<Option<PersonWeeks>, AnalyticsError> {
    let (first, last) = span(start, weeks);
    let row = sqlx::query!(
        r#"SELECT p.id, p.name, (p.weekly_capacity * 100)::bigint AS "capacity!",
                  ARRAY(SELECT coalesce(load_in_statuses(l, $4), 0)
                        FROM generate_series(0, ($3::date - $2::date) / 7) AS g(i)
                        LEFT JOIN person_week_load l
                          ON l.person_id = p.id AND l.week = ($2::date + 7 * g.i)
                        ORDER BY g.i) AS "hours!: Vec<i64>"
           FROM people p WHERE p.id = $1"#,
        person_id,
        first,
        last,
        &counted(),
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let capacity = weekly_capacity(row.capacity)?;
    let weeks = Week::range(start, weeks as usize)
        .zip(row.hours)
        .map(|(week, centihours)| {
            let allocated = hours(centihours);
            PersonWeek {
                week: week.as_date(),
                allocated,
                capacity,
                percent: utilization_percent(allocated, capacity),
                band: Band::for_week(allocated, capacity, bands),
            }
        })
        .collect();
    Ok(Some(PersonWeeks {
        id: row.id,
        name: row.name,
        capacity,
        weeks,
    }))
}
