//! The department rollup: the department tree from the chosen root (default: every
//! top-level department), in tree order, each department's weekly capacity, hours and
//! utilization including all of its sub-departments' people.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::hours::HoursTotal;
use wt_domain::utilization::load_percent;
use wt_domain::weeks::Week;

use crate::views::hours;
use crate::{AnalyticsError, Window, counted};

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RollupView {
    #[schema(value_type = Vec<NaiveDate>)]
    week_keys: Vec<Week>,
    /// Parents before their children, siblings by name.
    departments: Vec<DepartmentRollup>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentRollup {
    id: i64,
    name: String,
    parent_id: Option<i64>,
    /// 0 for the root(s) shown.
    depth: i32,
    /// Active people here and in every sub-department.
    people: i64,
    weeks: Vec<RollupWeek>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RollupWeek {
    week: NaiveDate,
    #[schema(value_type = f64)]
    capacity: HoursTotal,
    #[schema(value_type = f64)]
    allocated: HoursTotal,
    utilization: f64,
}

pub(crate) async fn render(pool: &PgPool, window: &Window) -> Result<RollupView, AnalyticsError> {
    let (first, last) = window.bounds();
    let statuses = counted();
    // `shown`: the departments listed; `below`: each shown one with every department under
    // it (itself included), whatever includeChildren says, since figures always include
    // sub-departments. Depth is bounded as the tree trigger bounds it.
    let rows = sqlx::query!(
        r#"WITH RECURSIVE shown AS (
               SELECT d.id, d.name, d.parent_id, 0 AS depth, ARRAY[lower(d.name), d.id::text] AS path
               FROM departments d
               WHERE CASE WHEN $4::bigint IS NULL THEN d.parent_id IS NULL ELSE d.id = $4 END
               UNION ALL
               SELECT d.id, d.name, d.parent_id, s.depth + 1,
                      s.path || ARRAY[lower(d.name), d.id::text]
               FROM departments d JOIN shown s ON d.parent_id = s.id
               WHERE ($4::bigint IS NULL OR $5) AND s.depth < 10
           ), below AS (
               SELECT s.id AS top, s.id, 0 AS depth FROM shown s
               UNION ALL
               SELECT b.top, d.id, b.depth + 1
               FROM departments d JOIN below b ON d.parent_id = b.id
               WHERE b.depth < 10
           ), staff AS (
               SELECT p.department_id, count(*) AS people,
                      sum((p.weekly_capacity * 100)::bigint) AS capacity
               FROM people p WHERE p.is_active AND p.department_id IS NOT NULL
               GROUP BY p.department_id
           ), loads AS MATERIALIZED (
               SELECT p.department_id, l.week, sum(load_in_statuses(l, $3)) AS centihours
               FROM person_week_load l JOIN people p ON p.id = l.person_id AND p.is_active
               WHERE l.week BETWEEN $1 AND $2 AND p.department_id IS NOT NULL
               GROUP BY p.department_id, l.week
           ), totals AS (
               SELECT b.top, coalesce(sum(st.people), 0)::bigint AS people,
                      coalesce(sum(st.capacity), 0)::bigint AS capacity
               FROM below b LEFT JOIN staff st ON st.department_id = b.id
               GROUP BY b.top
           )
           SELECT s.id AS "id!", s.name AS "name!", s.parent_id, s.depth AS "depth!",
                  t.people AS "people!", t.capacity AS "capacity!", ($1::date + 7 * g.i) AS "week!",
                  (SELECT coalesce(sum(lo.centihours), 0) FROM below b
                   JOIN loads lo ON lo.department_id = b.id AND lo.week = ($1::date + 7 * g.i)
                   WHERE b.top = s.id)::bigint AS "allocated!"
           FROM shown s
           JOIN totals t ON t.top = s.id
           CROSS JOIN generate_series(0, ($2::date - $1::date) / 7) AS g(i)
           ORDER BY s.path, g.i"#,
        first,
        last,
        &statuses,
        window.department,
        window.include_children,
    )
    .fetch_all(pool)
    .await?;
    let mut departments: Vec<DepartmentRollup> = Vec::new();
    for row in rows {
        let (capacity, allocated) = (hours(row.capacity), hours(row.allocated));
        let week = RollupWeek {
            week: row.week,
            capacity,
            allocated,
            utilization: load_percent(allocated, capacity),
        };
        match departments.last_mut() {
            Some(department) if department.id == row.id => department.weeks.push(week),
            _ => departments.push(DepartmentRollup {
                id: row.id,
                name: row.name,
                parent_id: row.parent_id,
                depth: row.depth,
                people: row.people,
                weeks: vec![week],
            }),
        }
    }
    Ok(RollupView {
        week_keys: window.week_keys(),
        departments,
    })
}
