//! A project's staffing: who is on it with their hours per week of the window, the
//! project's weekly totals, and each deliverable with the hours planned in the stretch of
//! weeks its date owns (from the day after the previous dated deliverable to its date,
//! both taken to their Sundays, as the domain's reallocation window), per person.

use chrono::NaiveDate;
use futures::try_join;
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::hours::HoursTotal;
use wt_domain::weeks::Week;

use crate::views::hours;
use crate::{AnalyticsError, StaffingParams, span};

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StaffingView {
    project: StaffingProject,
    #[schema(value_type = Vec<NaiveDate>)]
    week_keys: Vec<Week>,
    /// Active assignments of active people, by name.
    people: Vec<StaffingPerson>,
    #[schema(value_type = Vec<f64>)]
    week_totals: Vec<HoursTotal>,
    deliverables: Vec<StaffingDeliverable>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StaffingProject {
    id: i64,
    name: String,
    status: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StaffingPerson {
    person_id: i64,
    name: String,
    role_on_project: String,
    #[schema(value_type = Vec<f64>)]
    hours: Vec<HoursTotal>,
    /// Over the window.
    #[schema(value_type = f64)]
    total: HoursTotal,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StaffingDeliverable {
    id: i64,
    description: String,
    date: Option<NaiveDate>,
    /// The Sunday the deliverable's stretch starts; `null`: open (no earlier deliverable).
    window_start: Option<NaiveDate>,
    /// The Sunday of its date; `null` without a date.
    window_end: Option<NaiveDate>,
    /// The project's hours in the stretch's weeks.
    #[schema(value_type = f64)]
    hours: HoursTotal,
    people: Vec<DeliverablePerson>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliverablePerson {
    person_id: i64,
    name: String,
    #[schema(value_type = f64)]
    hours: HoursTotal,
}

pub(crate) async fn render(
    pool: &PgPool,
    params: &StaffingParams,
) -> Result<StaffingView, AnalyticsError> {
    let (first, last) = span(params.start, params.weeks);
    let project = sqlx::query!(
        r#"SELECT pr.id, pr.name, pr.status,
                  ARRAY(SELECT coalesce(l.centihours, 0)::bigint
                        FROM generate_series(0, ($3::date - $2::date) / 7) AS g(i)
                        LEFT JOIN project_week_load l
                          ON l.project_id = pr.id AND l.week = ($2::date + 7 * g.i)
                        ORDER BY g.i) AS "week_totals!: Vec<i64>"
           FROM projects pr WHERE pr.id = $1"#,
        params.project_id,
        first,
        last,
    )
    .fetch_optional(pool);
    let people = sqlx::query!(
        r#"SELECT a.person_id, p.name, a.role_on_project,
                  ARRAY(SELECT coalesce(w.centihours, 0)::bigint
                        FROM generate_series(0, ($3::date - $2::date) / 7) AS g(i)
                        LEFT JOIN assignment_weeks w
                          ON w.assignment_id = a.id AND w.week = ($2::date + 7 * g.i)
                        ORDER BY g.i) AS "hours!: Vec<i64>",
                  (SELECT coalesce(sum(w.centihours), 0) FROM assignment_weeks w
                   WHERE w.assignment_id = a.id AND w.week BETWEEN $2 AND $3)::bigint AS "total!"
           FROM assignments a JOIN people p ON p.id = a.person_id AND p.is_active
           WHERE a.project_id = $1 AND a.is_active
           ORDER BY lower(p.name), a.id"#,
        params.project_id,
        first,
        last,
    )
    .fetch_all(pool);
    let deliverables = sqlx::query!(
        r#"WITH dated AS (
               SELECT d.id, d.description, d.date, d.sort_order,
                      (SELECT max(o.date) + 1 FROM deliverables o
                       WHERE o.project_id = d.project_id AND o.date < d.date) AS opens
               FROM deliverables d WHERE d.project_id = $1
           ), windows AS (
               SELECT dated.*, opens - extract(dow FROM opens)::integer AS window_start,
                      date - extract(dow FROM date)::integer AS window_end
               FROM dated
           )
           SELECT v.id AS "id!", v.description AS "description!", v.date, v.window_start,
                  v.window_end, h.person_id AS "person_id?", h.name AS "name?",
                  h.centihours AS "centihours?",
                  coalesce(sum(h.centihours) OVER (PARTITION BY v.id), 0)::bigint AS "total!"
           FROM windows v
           LEFT JOIN LATERAL (
               SELECT p.id AS person_id, p.name, sum(w.centihours)::bigint AS centihours
               FROM assignments a
               JOIN people p ON p.id = a.person_id AND p.is_active
               JOIN assignment_weeks w ON w.assignment_id = a.id
               WHERE a.project_id = $1 AND a.is_active AND w.week <= v.window_end
                 AND (v.window_start IS NULL OR w.week >= v.window_start)
               GROUP BY p.id, p.name
           ) h ON true
           ORDER BY v.date NULLS LAST, v.sort_order, v.id, lower(h.name), h.person_id"#,
        params.project_id,
    )
    .fetch_all(pool);
    let (project, people, deliverables) = try_join!(project, people, deliverables)?;
    let project = project.ok_or(AnalyticsError::NotFound {
        what: "The project",
    })?;
    let mut view = StaffingView {
        project: StaffingProject {
            id: project.id,
            name: project.name,
            status: project.status,
        },
        week_keys: Week::range(params.start, params.weeks as usize).collect(),
        people: people
            .into_iter()
            .map(|p| StaffingPerson {
                person_id: p.person_id,
                name: p.name,
                role_on_project: p.role_on_project,
                hours: p.hours.into_iter().map(hours).collect(),
                total: hours(p.total),
            })
            .collect(),
        week_totals: project.week_totals.into_iter().map(hours).collect(),
        deliverables: Vec::new(),
    };
    for row in deliverables {
        if view.deliverables.last().is_none_or(|d| d.id != row.id) {
            view.deliverables.push(StaffingDeliverable {
                id: row.id,
                description: row.description,
                date: row.date,
                window_start: row.window_start,
                window_end: row.window_end,
                hours: hours(row.total),
                people: Vec::new(),
            });
        }
        if let (Some(person_id), Some(name), Some(centihours), Some(deliverable)) = (
            row.person_id,
            row.name,
            row.centihours,
            view.deliverables.last_mut(),
        ) {
            deliverable.people.push(DeliverablePerson {
                person_id,
                name,
                hours: hours(centihours),
            });
        }
    }
    Ok(view)
}
