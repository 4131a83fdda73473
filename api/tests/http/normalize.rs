//! `wt-api normalize-weekly-hours`, the real binary on legacy data. Today's schema refuses
//! such data, so the test drops the checks that would (as data from before them never met
//! them), writes legacy rows by SQL, runs the dry run and the apply, and then puts the
//! checks back: adding them validates every row, so they pass only if the apply fixed all.

use serde_json::{Value, json};
use sqlx::PgPool;

use crate::support::*;

const DROP_CHECKS: &str = "
    ALTER TABLE assignment_weeks DROP CONSTRAINT assignment_weeks_week_sunday;
    ALTER TABLE assignment_weeks DROP CONSTRAINT assignment_weeks_centihours_range;
    DROP INDEX assignments_person_project_role_key;";

const ADD_CHECKS: &str = "
    ALTER TABLE assignment_weeks ADD CONSTRAINT assignment_weeks_week_sunday
        CHECK (extract(isodow FROM week) = 7);
    ALTER TABLE assignment_weeks ADD CONSTRAINT assignment_weeks_centihours_range
        CHECK (centihours > 0 AND centihours <= 16800);
    CREATE UNIQUE INDEX assignments_person_project_role_key
        ON assignments (person_id, project_id, lower(role_on_project)) WHERE is_active;";

/// Two active assignments of one person, project and role, with a week keyed on a
/// Tuesday (landing on a stored Sunday), a zero row and a week over 168 hours. Returns
/// the ids of the oldest assignment and of the duplicate.
async fn legacy_data(pool: &PgPool) -> (i64, i64) {
    sqlx::raw_sql(DROP_CHECKS).execute(pool).await.unwrap();
    let ids: Vec<i64> = sqlx::query_scalar(
        "WITH p AS (INSERT INTO people (name) VALUES ('Ada') RETURNING id),
              j AS (INSERT INTO projects (name, status) VALUES ('Museum', 'active') RETURNING id)
         INSERT INTO assignments (person_id, project_id, role_on_project)
         SELECT p.id, j.id, r FROM p, j, unnest(ARRAY['Lead', 'lead']) r
         RETURNING id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let (first, second) = (ids[0].min(ids[1]), ids[0].max(ids[1]));
    sqlx::query(
        "INSERT INTO assignment_weeks (assignment_id, week, centihours) VALUES
             ($1, '2026-03-08', 10000), ($1, '2026-03-10', 8000), ($1, '2026-03-29', 20000),
             ($2, '2026-03-15', 500), ($2, '2026-03-22', 0)",
    )
    .bind(first)
    .bind(second)
    .execute(pool)
    .await
    .unwrap();
    (first, second)
}

async fn weeks(pool: &PgPool) -> Vec<(i64, String, i32)> {
    sqlx::query_as(
        "SELECT assignment_id, week::text, centihours FROM assignment_weeks
         ORDER BY assignment_id, week",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

fn report(output: &std::process::Output) -> Value {
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_dry_run_reports_and_the_apply_fixes_legacy_hours(pool: PgPool) {
    let (first, second) = legacy_data(&pool).await;
    let url = database_url(&pool);
    let stored = weeks(&pool).await;
    let expected = json!({
        "processed": 5, "changed": 5, "keysShifted": 3, "collisions": 1,
        "hoursBefore": 385, "hoursAfter": 341, "assignmentsMerged": 1,
    });

    let dry = manage(&url, &["normalize-weekly-hours", "--dry-run", "--json"]).await;
    assert_eq!(report(&dry), expected);
    assert_eq!(weeks(&pool).await, stored, "a dry run writes nothing");

    let applied = manage(&url, &["normalize-weekly-hours", "--apply", "--json"]).await;
    assert_eq!(report(&applied), expected);
    let day = |text: &str| text.to_owned();
    assert_eq!(
        weeks(&pool).await,
        [
            (first, day("2026-03-08"), 16800),
            (first, day("2026-03-15"), 500),
            (first, day("2026-03-29"), 16800),
        ]
    );
    let active: bool = sqlx::query_scalar("SELECT is_active FROM assignments WHERE id = $1")
        .bind(second)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(!active, "the duplicate is merged away");
    sqlx::raw_sql(ADD_CHECKS).execute(&pool).await.unwrap();
    let load: i64 = sqlx::query_scalar("SELECT sum(active)::bigint FROM person_week_load")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(load, 34_100, "the week sums follow the fixed rows");

    let again = manage(&url, &["normalize-weekly-hours", "--apply"]).await;
    assert!(again.status.success());
    let text = String::from_utf8_lossy(&again.stdout);
    assert!(text.contains("3 rows processed, 0 changed"), "{text}");
    let refused = manage(&url, &["normalize-weekly-hours"]).await;
    assert!(
        !refused.status.success(),
        "one of --dry-run and --apply is required"
    );
}
