//! Checking the trigger-kept tables (the weekly loads `person_week_load` and
//! `project_week_load`, and the assignment counts `person_assignment_count`) against the
//! same sums computed from scratch (the `*_expected` views), and putting them right. One
//! set-based statement per table each way; the caller owns the transaction.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::PgConnection;

use crate::StoreError;

/// One place where a kept load differs from the from-scratch sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadDrift {
    /// `person` (`person_week_load`) or `project` (`project_week_load`).
    pub table: &'static str,
    /// The person's or the project's id.
    pub id: i64,
    pub week: NaiveDate,
    /// The project status column, for a person's load.
    pub status: Option<String>,
    pub kept_centihours: i64,
    pub actual_centihours: i64,
}

/// One person whose kept count of assignments on projects in one status differs from
/// the from-scratch count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountDrift {
    pub person_id: i64,
    pub status: String,
    pub kept: i64,
    pub actual: i64,
}

/// How many kept values differ, per table, with the first few of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DriftReport {
    pub person_differences: i64,
    pub project_differences: i64,
    pub count_differences: i64,
    /// The first load differences of each table.
    pub first: Vec<LoadDrift>,
    /// The first count differences.
    pub first_counts: Vec<CountDrift>,
}

impl DriftReport {
    pub fn total(&self) -> i64 {
        self.person_differences + self.project_differences + self.count_differences
    }
}

/// The differences as things stand, with up to `sample` of each table's listed.
/// Each statement asks for at least one row, which carries the count of all of them.
pub async fn find_drift(conn: &mut PgConnection, sample: i64) -> Result<DriftReport, StoreError> {
    let people = sqlx::query!(
        r#"WITH kept AS (
               SELECT l.person_id, l.week, s.status, s.value
               FROM person_week_load l
               CROSS JOIN LATERAL by_status(l.planning, l.active, l.active_ca,
                                            l.on_hold, l.completed, l.cancelled) AS s
               WHERE s.value <> 0),
           actual AS (
               SELECT e.person_id, e.week, s.status, s.value
               FROM person_week_load_expected e
               CROSS JOIN LATERAL by_status(e.planning, e.active, e.active_ca,
                                            e.on_hold, e.completed, e.cancelled) AS s
               WHERE s.value <> 0)
           SELECT coalesce(k.person_id, a.person_id) AS "id!", coalesce(k.week, a.week) AS "week!",
                  coalesce(k.status, a.status) AS "status!",
                  coalesce(k.value, 0)::bigint AS "kept!",
                  coalesce(a.value, 0)::bigint AS "actual!",
                  count(*) OVER () AS "differences!"
           FROM kept k
           FULL JOIN actual a ON a.person_id = k.person_id AND a.week = k.week AND a.status = k.status
           WHERE k.value IS DISTINCT FROM a.value
           ORDER BY 1, 2, 3
           LIMIT $1"#,
        sample.max(1),
    )
    .fetch_all(&mut *conn)
    .await?;
    let projects = sqlx::query!(
        r#"SELECT coalesce(k.project_id, a.project_id) AS "id!", coalesce(k.week, a.week) AS "week!",
                  coalesce(k.centihours, 0)::bigint AS "kept!",
                  coalesce(a.centihours, 0)::bigint AS "actual!",
                  count(*) OVER () AS "differences!"
           FROM project_week_load k
           FULL JOIN project_week_load_expected a ON a.project_id = k.project_id AND a.week = k.week
           WHERE k.centihours IS DISTINCT FROM a.centihours
           ORDER BY 1, 2
           LIMIT $1"#,
        sample.max(1),
    )
    .fetch_all(&mut *conn)
    .await?;
    let counts = sqlx::query!(
        r#"SELECT person_id AS "person_id!", status AS "status!", kept::bigint AS "kept!",
                  actual::bigint AS "actual!", count(*) OVER () AS "differences!"
           FROM person_assignment_count_drift
           ORDER BY 1, 2
           LIMIT $1"#,
        sample.max(1),
    )
    .fetch_all(&mut *conn)
    .await?;
    let sample = usize::try_from(sample).unwrap_or(0);
    let person_rows = people.iter().take(sample).map(|r| LoadDrift {
        table: "person",
        id: r.id,
        week: r.week,
        status: Some(r.status.clone()),
        kept_centihours: r.kept,
        actual_centihours: r.actual,
    });
    let project_rows = projects.iter().take(sample).map(|r| LoadDrift {
        table: "project",
        id: r.id,
        week: r.week,
        status: None,
        kept_centihours: r.kept,
        actual_centihours: r.actual,
    });
    Ok(DriftReport {
        person_differences: people.first().map_or(0, |r| r.differences),
        project_differences: projects.first().map_or(0, |r| r.differences),
        count_differences: counts.first().map_or(0, |r| r.differences),
        first: person_rows.chain(project_rows).collect(),
        first_counts: counts
            .into_iter()
            .take(sample)
            .map(|r| CountDrift {
                person_id: r.person_id,
                status: r.status,
                kept: r.kept,
                actual: r.actual,
            })
            .collect(),
    })
}

/// Finds the differences and sets every kept load to its from-scratch sum, with the
/// tables locked against the triggers meanwhile, so what is reported is what was fixed
/// and no concurrent change lands between the reading and the writing.
pub async fn repair(conn: &mut PgConnection, sample: i64) -> Result<DriftReport, StoreError> {
    // Conflicts with the row-exclusive lock of every trigger write (and with itself), so
    // transactions that changed the loads have committed and later ones wait for us.
    sqlx::query!(
        "LOCK TABLE person_week_load, project_week_load, person_assignment_count
         IN SHARE ROW EXCLUSIVE MODE"
    )
    .execute(&mut *conn)
    .await?;
    let report = find_drift(conn, sample).await?;
    if report.total() == 0 {
        return Ok(report);
    }
    sqlx::query!(
        "INSERT INTO person_week_load AS l
             (person_id, week, planning, active, active_ca, on_hold, completed, cancelled)
         SELECT person_id, week, planning, active, active_ca, on_hold, completed, cancelled
         FROM person_week_load_expected
         ON CONFLICT (person_id, week) DO UPDATE SET
             planning = EXCLUDED.planning, active = EXCLUDED.active,
             active_ca = EXCLUDED.active_ca, on_hold = EXCLUDED.on_hold,
             completed = EXCLUDED.completed, cancelled = EXCLUDED.cancelled
         WHERE (l.planning, l.active, l.active_ca, l.on_hold, l.completed, l.cancelled)
               IS DISTINCT FROM (EXCLUDED.planning, EXCLUDED.active, EXCLUDED.active_ca,
                                 EXCLUDED.on_hold, EXCLUDED.completed, EXCLUDED.cancelled)"
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "DELETE FROM person_week_load l
         WHERE NOT EXISTS (SELECT FROM person_week_load_expected e
                           WHERE e.person_id = l.person_id AND e.week = l.week)"
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO project_week_load AS l (project_id, week, centihours)
         SELECT project_id, week, centihours FROM project_week_load_expected
         ON CONFLICT (project_id, week) DO UPDATE SET centihours = EXCLUDED.centihours
         WHERE l.centihours IS DISTINCT FROM EXCLUDED.centihours"
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "DELETE FROM project_week_load l
         WHERE NOT EXISTS (SELECT FROM project_week_load_expected e
                           WHERE e.project_id = l.project_id AND e.week = l.week)"
    )
    .execute(&mut *conn)
    .await?;
    // A few rows per person: rewritten whole rather than compared column by column.
    sqlx::query!("DELETE FROM person_assignment_count")
        .execute(&mut *conn)
        .await?;
    sqlx::query!(
        "INSERT INTO person_assignment_count
             (person_id, planning, active, active_ca, on_hold, completed, cancelled)
         SELECT person_id, planning, active, active_ca, on_hold, completed, cancelled
         FROM person_assignment_count_expected"
    )
    .execute(&mut *conn)
    .await?;
    Ok(report)
}
