//! The trigger-kept weekly loads and assignment counts: a project's status changing while
//! its hours are written, or an assignment is added to it, in another transaction leaves
//! them equal to the from-scratch sum (migration 8's locks), a save that deadlocks with another is run again rather than refused, and
//! `wt-api verify-loads` finds drift written by hand and `--repair` fixes it.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_store::week_loads;

use crate::support::*;

/// A person on a `planning` project with one committed week of 8 h; returns the
/// assignment's and the project's ids.
async fn planned(pool: &PgPool) -> (i64, i64) {
    sqlx::query_as(
        "WITH p AS (INSERT INTO people (name) VALUES ('Ada') RETURNING id),
              j AS (INSERT INTO projects (name, status) VALUES ('Museum', 'planning') RETURNING id),
              a AS (INSERT INTO assignments (person_id, project_id, role_on_project)
                    SELECT p.id, j.id, 'Lead' FROM p, j RETURNING id, project_id),
              w AS (INSERT INTO assignment_weeks (assignment_id, week, centihours)
                    SELECT id, '2026-03-01', 800 FROM a)
         SELECT id, project_id FROM a",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn differences(pool: &PgPool) -> i64 {
    let mut conn = pool.acquire().await.unwrap();
    week_loads::find_drift(&mut conn, 10).await.unwrap().total()
}

/// The person's kept hours per status column, as (planning, active).
async fn person_load(pool: &PgPool) -> (i64, i64) {
    sqlx::query_as(
        "SELECT coalesce(sum(planning), 0)::bigint, coalesce(sum(active), 0)::bigint
         FROM person_week_load",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Waits until `task` has finished or a statement of this database waits on a lock (so
/// the test sees the interleaving it set up, whether or not the locks are there).
async fn blocked_or_done<T>(pool: &PgPool, task: &tokio::task::JoinHandle<T>) {
    for _ in 0..100 {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting > 0 || task.is_finished() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the second transaction neither finished nor waited");
}

/// Runs `first` (a statement and the id it binds) in a transaction left open, then
/// `second` in another, which waits for the first when the locks are there; commits the
/// first, then the second.
async fn interleave(pool: &PgPool, first: (&'static str, i64), second: (&'static str, i64)) {
    let mut tx1 = pool.begin().await.unwrap();
    sqlx::query(first.0)
        .bind(first.1)
        .execute(&mut *tx1)
        .await
        .unwrap();
    let mut tx2 = pool.begin().await.unwrap();
    let (statement, id) = second;
    let waiting = tokio::spawn(async move {
        sqlx::query(statement)
            .bind(id)
            .execute(&mut *tx2)
            .await
            .unwrap();
        tx2
    });
    blocked_or_done(pool, &waiting).await;
    tx1.commit().await.unwrap();
    waiting.await.unwrap().commit().await.unwrap();
}

const WRITE_HOURS: &str =
    "INSERT INTO assignment_weeks (assignment_id, week, centihours) VALUES ($1, '2026-03-08', 400)";
const ACTIVATE: &str = "UPDATE projects SET status = 'active' WHERE id = $1";

/// tx1 writes hours (its trigger reads `planning`), then tx2 activates the project before
/// tx1 commits. Without the locks tx2's trigger moves only the hours its snapshot shows,
/// tx1's 4 h stay under `planning` and the person's load drifts; with them tx2 waits for
/// tx1 and moves all 12 h.
#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_status_change_after_an_uncommitted_hours_write_moves_those_hours(pool: PgPool) {
    let (assignment, project) = planned(&pool).await;
    interleave(&pool, (WRITE_HOURS, assignment), (ACTIVATE, project)).await;
    assert_eq!(person_load(&pool).await, (0, 1200));
    assert_eq!(differences(&pool).await, 0);
}

/// The other order: tx2's status change is uncommitted when tx1 writes hours. Without the
/// locks tx1's trigger reads the committed `planning` and adds its hours there, after
/// tx2's trigger has moved the rest; with them tx1 waits and reads `active`.
#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_hours_write_during_an_uncommitted_status_change_counts_the_new_status(pool: PgPool) {
    let (assignment, project) = planned(&pool).await;
    interleave(&pool, (ACTIVATE, project), (WRITE_HOURS, assignment)).await;
    assert_eq!(person_load(&pool).await, (0, 1200));
    assert_eq!(differences(&pool).await, 0);
}

const NEW_ASSIGNMENT: &str = "INSERT INTO assignments (person_id, project_id, role_on_project)
     SELECT person_id, project_id, 'Review' FROM assignments WHERE id = $1";

/// Ada's kept assignment counts as (planning, active).
async fn person_counts(pool: &PgPool) -> (i32, i32) {
    sqlx::query_as("SELECT planning, active FROM person_assignment_count")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The same race for the kept assignment counts (the grid's "N projects"): tx1 adds a
/// second assignment on the `planning` project (its trigger counts it there), then tx2
/// activates the project before tx1 commits. Without the lock tx2 moves only the count
/// its snapshot shows and one stays under `planning`.
#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_status_change_after_an_uncommitted_new_assignment_moves_its_count(pool: PgPool) {
    let (assignment, project) = planned(&pool).await;
    interleave(&pool, (NEW_ASSIGNMENT, assignment), (ACTIVATE, project)).await;
    assert_eq!(person_counts(&pool).await, (0, 2));
    assert_eq!(differences(&pool).await, 0);
}

/// And the other order: the status change is uncommitted when the assignment is added,
/// which then waits and counts it under `active`.
#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_new_assignment_during_an_uncommitted_status_change_counts_the_new_status(pool: PgPool) {
    let (assignment, project) = planned(&pool).await;
    interleave(&pool, (ACTIVATE, project), (NEW_ASSIGNMENT, assignment)).await;
    assert_eq!(person_counts(&pool).await, (0, 2));
    assert_eq!(differences(&pool).await, 0);
}

/// The test's transaction holds Ada's kept load row; a bulk save writes Bo's week (taking
/// Bo's row) then waits on Ada's; the transaction then asks for Bo's row: a deadlock whose
/// victim is the save (it waited first, so its check runs first). The save is run again
/// once the transaction commits, and answers 200 with both weeks saved.
#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_save_rolled_back_by_a_deadlock_is_run_again(pool: PgPool) {
    let planner = Planner::new(pool.clone()).await;
    let project = planner
        .id_of(
            "/api/projects",
            json!({ "name": "Museum", "status": "active" }),
        )
        .await;
    let (mut people, mut rows) = (Vec::new(), Vec::new());
    for name in ["Ada", "Bo"] {
        let person = planner.id_of("/api/people", json!({ "name": name })).await;
        let made = planner
            .assignment(person, project, json!({ "2026-03-08": 2 }))
            .await;
        people.push(person);
        rows.push(made["id"].as_i64().unwrap());
    }
    let hold = |person: i64| {
        sqlx::query("UPDATE person_week_load SET active = active WHERE person_id = $1").bind(person)
    };
    let mut held = pool.begin().await.unwrap();
    hold(people[0]).execute(&mut *held).await.unwrap();
    let (ada, bo) = (rows[0], rows[1]);
    let save = tokio::spawn(async move {
        let body = json!({ "updates": [
            { "assignmentId": bo, "weeklyHours": { "2026-03-08": 8 } },
            { "assignmentId": ada, "weeklyHours": { "2026-03-08": 8 } },
        ] });
        let answer = planner
            .call("PATCH", "/api/assignments/hours", Some(body))
            .await;
        (answer.status, answer.json())
    });
    blocked_or_done(&pool, &save).await;
    hold(people[1]).execute(&mut *held).await.unwrap();
    held.commit().await.unwrap();

    let (status, body) = save.await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    let kept: Vec<i32> = sqlx::query_scalar(
        "SELECT centihours FROM assignment_weeks WHERE week = '2026-03-08' ORDER BY assignment_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        kept,
        vec![800, 800],
        "the save ran again after the transaction"
    );
    assert_eq!(differences(&pool).await, 0);
}

fn report(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn verify_loads_reports_drift_and_repair_fixes_it(pool: PgPool) {
    planned(&pool).await;
    let url = database_url(&pool);
    let clean = manage(&url, &["verify-loads", "--json"]).await;
    assert!(clean.status.success(), "{clean:?}");
    assert_eq!(report(&clean)["personDifferences"], 0);

    // Drift as a missed trigger leaves it: a wrong person load, a lost project load, a
    // wrong assignment count.
    sqlx::raw_sql(
        "UPDATE person_week_load SET planning = planning + 500;
         DELETE FROM project_week_load;
         UPDATE person_assignment_count SET planning = planning + 2;",
    )
    .execute(&pool)
    .await
    .unwrap();
    let dry = manage(&url, &["verify-loads", "--json"]).await;
    assert!(!dry.status.success(), "drift without --repair fails");
    let found = report(&dry);
    assert_eq!(found["personDifferences"], 1);
    assert_eq!(found["projectDifferences"], 1);
    assert_eq!(found["first"][0]["keptCentihours"], 1300);
    assert_eq!(found["first"][0]["actualCentihours"], 800);
    assert_eq!(found["countDifferences"], 1);
    assert_eq!(found["firstCounts"][0]["status"], "planning");
    assert_eq!(found["firstCounts"][0]["kept"], 3);
    assert_eq!(found["firstCounts"][0]["actual"], 1);
    assert_eq!(differences(&pool).await, 3, "a dry run writes nothing");

    let repaired = manage(&url, &["verify-loads", "--repair"]).await;
    assert!(repaired.status.success(), "{repaired:?}");
    let text = String::from_utf8_lossy(&repaired.stdout);
    assert!(text.contains("3 differences repaired"), "{text}");
    assert!(text.contains("kept 3 assignments, actual 1"), "{text}");
    assert_eq!(differences(&pool).await, 0);
    assert_eq!(person_load(&pool).await, (800, 0));
    assert_eq!(person_counts(&pool).await, (1, 0));
    let again = manage(&url, &["verify-loads"]).await;
    assert!(again.status.success(), "{again:?}");
}
