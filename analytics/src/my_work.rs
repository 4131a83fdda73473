//! A person's own work: their weeks (hours against capacity), their projects with hours
//! per week, the next deliverables of those projects, and alerts for weeks over capacity
//! and deliverables due soon.

use chrono::{Days, NaiveDate};
use futures::{TryFutureExt, try_join};
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::utilization::{Bands, is_over_allocated};
use wt_domain::weeks::Week;

use crate::person_weeks::{PersonWeek, person_weeks};
use crate::views::hours;
use crate::{AnalyticsError, MyWorkParams, counted, span};

/// Deliverables listed.
const NEXT_DELIVERABLES: i64 = 10;
/// A deliverable due within this many days of today is "soon".
const SOON_DAYS: u64 = 14;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MyWorkView {
    person: MyPerson,
    #[schema(value_type = Vec<NaiveDate>)]
    week_keys: Vec<Week>,
    weeks: Vec<PersonWeek>,
    /// Projects of the person's active assignments that count, by name.
    projects: Vec<MyProject>,
    /// The next open deliverables of those projects, from today.
    deliverables: Vec<MyDeliverable>,
    alerts: Vec<MyAlert>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MyPerson {
    id: i64,
    name: String,
    /// Weekly capacity.
    #[schema(value_type = f64)]
    capacity: Hours,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MyProject {
    id: i64,
    name: String,
    status: String,
    #[schema(value_type = f64)]
    total: HoursTotal,
    #[schema(value_type = Vec<f64>)]
    hours: Vec<HoursTotal>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MyDeliverable {
    id: i64,
    project_id: i64,
    project_name: String,
    description: String,
    date: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MyAlert {
    /// `over_allocated` or `deliverable_soon`.
    kind: &'static str,
    week: Option<NaiveDate>,
    message: String,
}

pub(crate) async fn render(
    pool: &PgPool,
    bands: &Bands,
    params: &MyWorkParams,
) -> Result<MyWorkView, AnalyticsError> {
    let (first, last) = span(params.start, params.weeks);
    let statuses = &counted();
    let person = person_weeks(pool, bands, params.person_id, params.start, params.weeks);
    let projects = sqlx::query!(
        r#"WITH mine AS (
               SELECT a.id, a.project_id FROM assignments a
               JOIN projects pr ON pr.id = a.project_id AND pr.is_active AND pr.status = ANY($4)
               WHERE a.person_id = $1 AND a.is_active
           )
           SELECT pr.id, pr.name, pr.status,
                  ARRAY(SELECT coalesce(sum(w.centihours), 0)::bigint
                        FROM generate_series(0, ($3::date - $2::date) / 7) AS g(i)
                        LEFT JOIN assignment_weeks w ON w.week = ($2::date + 7 * g.i)
                         AND w.assignment_id IN (SELECT m.id FROM mine m WHERE m.project_id = pr.id)
                        GROUP BY g.i ORDER BY g.i) AS "hours!: Vec<i64>",
                  (SELECT coalesce(sum(w.centihours), 0) FROM assignment_weeks w
                   JOIN mine m ON m.id = w.assignment_id
                   WHERE m.project_id = pr.id AND w.week BETWEEN $2 AND $3)::bigint AS "total!"
           FROM projects pr WHERE pr.id IN (SELECT project_id FROM mine)
           ORDER BY lower(pr.name), pr.id"#,
        params.person_id,
        first,
        last,
        statuses,
    )
    .fetch_all(pool)
    .err_into();
    let deliverables = sqlx::query_as!(
        MyDeliverable,
        r#"SELECT d.id, d.project_id, pr.name AS project_name, d.description,
                  d.date AS "date!"
           FROM deliverables d JOIN projects pr ON pr.id = d.project_id
           WHERE d.date >= $2 AND NOT d.is_completed
             AND d.project_id IN (
                 SELECT a.project_id FROM assignments a
                 JOIN projects ap ON ap.id = a.project_id AND ap.is_active AND ap.status = ANY($3)
                 WHERE a.person_id = $1 AND a.is_active)
           ORDER BY d.date, d.sort_order, d.id
           LIMIT $4"#,
        params.person_id,
        params.today,
        statuses,
        NEXT_DELIVERABLES,
    )
    .fetch_all(pool)
    .err_into();
    let (person, projects, deliverables) = try_join!(person, projects, deliverables)?;
    let person = person.ok_or(AnalyticsError::NotFound {
        what: "Your person",
    })?;
    Ok(MyWorkView {
        alerts: alerts(&person.weeks, &deliverables, params.today),
        person: MyPerson {
            id: person.id,
            name: person.name,
            capacity: person.capacity,
        },
        week_keys: Week::range(params.start, params.weeks as usize).collect(),
        weeks: person.weeks,
        projects: projects
            .into_iter()
            .map(|p| MyProject {
                id: p.id,
                name: p.name,
                status: p.status,
                total: hours(p.total),
                hours: p.hours.into_iter().map(hours).collect(),
            })
            .collect(),
        deliverables,
    })
}

/// Weeks over capacity, then deliverables due within [`SOON_DAYS`].
fn alerts(weeks: &[PersonWeek], deliverables: &[MyDeliverable], today: NaiveDate) -> Vec<MyAlert> {
    let over = weeks
        .iter()
        .filter(|w| is_over_allocated(w.allocated, w.capacity))
        .map(|w| MyAlert {
            kind: "over_allocated",
            week: Some(w.week),
            message: format!(
                "The week of {} has {} h planned against a capacity of {} h.",
                w.week,
                w.allocated.to_f64(),
                w.capacity.to_f64()
            ),
        });
    let soon_until = today.checked_add_days(Days::new(SOON_DAYS));
    let soon = deliverables
        .iter()
        .filter(|d| soon_until.is_some_and(|until| d.date <= until))
        .map(|d| MyAlert {
            kind: "deliverable_soon",
            week: Week::containing(d.date).ok().map(Week::as_date),
            message: format!(
                "{}: \"{}\" is due on {}.",
                d.project_name, d.description, d.date
            ),
        });
    over.chain(soon).collect()
}
