//! The maintained weekly loads and assignment counts against the real PostgreSQL: after
//! any random sequence of plan changes (assignments added, hours set and cleared,
//! assignments deactivated, reactivated, moved to another person or project and deleted,
//! projects changing status or switched off and on, people deactivated and back)
//! `person_week_load`, `project_week_load` and `person_assignment_count` hold exactly what
//! summing the plan from scratch gives; two transactions adding hours to the same person
//! and week at once both count; writers of the same load rows take turns before writing
//! any; and writers that cross each other get a clean contention error.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use sqlx::{PgConnection, PgPool};
use wt_store::assignments;

mod support;
use support::{assign, first_sunday, mismatches, new_person, new_project, run_cases};

const STATUSES: [&str; 6] = [
    "planning",
    "active",
    "active_ca",
    "on_hold",
    "completed",
    "cancelled",
];
const ASSIGNMENTS: usize = 6;

/// Week offset -> hundredths; 0 clears the week.
type Weeks = BTreeMap<i64, i32>;

#[derive(Debug, Clone)]
enum Change {
    SetWeeks(usize, Weeks),
    AssignmentActive(usize, bool),
    /// To (person, project), by index.
    MoveAssignment(usize, usize, usize),
    DeleteAssignment(usize),
    ProjectStatus(usize, usize),
    ProjectActive(usize, bool),
    PersonActive(usize, bool),
}

fn weeks() -> impl Strategy<Value = Weeks> {
    prop::collection::btree_map(0i64..6, prop_oneof![Just(0), 1i32..=16_800], 0..5)
}

fn changes() -> impl Strategy<Value = Vec<Change>> {
    let change = prop_oneof![
        3 => (0..ASSIGNMENTS, weeks()).prop_map(|(a, w)| Change::SetWeeks(a, w)),
        1 => (0..ASSIGNMENTS, any::<bool>()).prop_map(|(a, on)| Change::AssignmentActive(a, on)),
        1 => (0..ASSIGNMENTS, 0usize..3, 0usize..3)
            .prop_map(|(a, person, project)| Change::MoveAssignment(a, person, project)),
        1 => (0..ASSIGNMENTS).prop_map(Change::DeleteAssignment),
        1 => (0usize..3, 0..STATUSES.len()).prop_map(|(p, s)| Change::ProjectStatus(p, s)),
        1 => (0usize..3, any::<bool>()).prop_map(|(p, on)| Change::ProjectActive(p, on)),
        1 => (0usize..3, any::<bool>()).prop_map(|(p, on)| Change::PersonActive(p, on)),
    ];
    (
        prop::collection::vec((0usize..3, 0usize..3, weeks()), ASSIGNMENTS),
        prop::collection::vec(change, 0..12),
    )
        .prop_map(|(plan, later)| {
            let mut all: Vec<Change> = plan
                .into_iter()
                .enumerate()
                .map(|(i, (_, _, w))| Change::SetWeeks(i, w))
                .collect();
            all.extend(later);
            all
        })
}

fn dated(weeks: &Weeks) -> BTreeMap<NaiveDate, i32> {
    weeks
        .iter()
        .map(|(offset, hours)| (first_sunday() + Duration::weeks(*offset), *hours))
        .collect()
}

async fn set_weeks(conn: &mut PgConnection, assignment: i64, weeks: &Weeks) {
    assignments::write_weeks(conn, assignment, &dated(weeks))
        .await
        .expect("weeks written");
}

/// Two people for the concurrency cases.
async fn ann_and_bo(conn: &mut PgConnection) -> (i64, i64) {
    (new_person(conn, "Ann").await, new_person(conn, "Bo").await)
}

/// For each person in turn, a new project and an assignment to it.
async fn on_new_projects(conn: &mut PgConnection, staff: &[i64]) -> Vec<i64> {
    let mut ids = Vec::new();
    for (i, person_id) in staff.iter().enumerate() {
        let project_id = new_project(conn, &format!("J{i}")).await;
        ids.push(assign(conn, *person_id, project_id, String::new()).await);
    }
    ids
}

/// The rows a case changes, by index.
struct Seeded {
    assignment_ids: Vec<i64>,
    project_ids: Vec<i64>,
    person_ids: Vec<i64>,
}

/// Three people, three projects and six assignments between them (rolled back later).
async fn seed(conn: &mut PgConnection) -> Seeded {
    let mut person_ids = Vec::new();
    let mut project_ids = Vec::new();
    for i in 0..3 {
        person_ids.push(new_person(conn, &format!("P{i}")).await);
        project_ids.push(new_project(conn, &format!("J{i}")).await);
    }
    let mut assignment_ids = Vec::new();
    for i in 0..ASSIGNMENTS {
        let (person_id, project_id) = (person_ids[i % 3], project_ids[(i / 2) % 3]);
        assignment_ids.push(assign(conn, person_id, project_id, format!("r{i}")).await);
    }
    Seeded {
        assignment_ids,
        project_ids,
        person_ids,
    }
}

async fn apply(conn: &mut PgConnection, change: &Change, ids: &Seeded) {
    let Seeded {
        assignment_ids,
        project_ids,
        person_ids,
    } = ids;
    let outcome = match change {
        Change::SetWeeks(a, weeks) => {
            set_weeks(conn, assignment_ids[*a], weeks).await;
            return;
        }
        Change::AssignmentActive(a, on) => {
            sqlx::query("UPDATE assignments SET is_active = $2 WHERE id = $1")
                .bind(assignment_ids[*a])
                .bind(on)
                .execute(conn)
                .await
        }
        Change::MoveAssignment(a, person, project) => {
            sqlx::query("UPDATE assignments SET person_id = $2, project_id = $3 WHERE id = $1")
                .bind(assignment_ids[*a])
                .bind(person_ids[*person])
                .bind(project_ids[*project])
                .execute(conn)
                .await
        }
        Change::DeleteAssignment(a) => {
            sqlx::query("DELETE FROM assignments WHERE id = $1")
                .bind(assignment_ids[*a])
                .execute(conn)
                .await
        }
        Change::ProjectStatus(p, s) => {
            sqlx::query("UPDATE projects SET status = $2 WHERE id = $1")
                .bind(project_ids[*p])
                .bind(STATUSES[*s])
                .execute(conn)
                .await
        }
        Change::ProjectActive(p, on) => {
            sqlx::query("UPDATE projects SET is_active = $2 WHERE id = $1")
                .bind(project_ids[*p])
                .bind(on)
                .execute(conn)
                .await
        }
        Change::PersonActive(p, on) => {
            sqlx::query("UPDATE people SET is_active = $2 WHERE id = $1")
                .bind(person_ids[*p])
                .bind(on)
                .execute(conn)
                .await
        }
    };
    outcome.expect("change applied");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_loads_and_counts_always_equal_the_plan_from_scratch(pool: PgPool) {
    run_cases(32, changes(), move |changes| {
        let pool = pool.clone();
        async move {
            let mut tx = pool.begin().await.expect("a transaction");
            let ids = seed(&mut tx).await;
            let mut deleted = BTreeSet::new();
            for change in &changes {
                let target = match change {
                    Change::SetWeeks(a, _)
                    | Change::AssignmentActive(a, _)
                    | Change::MoveAssignment(a, _, _)
                    | Change::DeleteAssignment(a) => Some(*a),
                    _ => None,
                };
                if target.is_some_and(|a| deleted.contains(&a)) {
                    continue;
                }
                apply(&mut tx, change, &ids).await;
                if let Change::DeleteAssignment(a) = change {
                    deleted.insert(*a);
                }
            }
            let wrong = mismatches(&mut tx).await;
            tx.rollback().await.expect("rollback");
            prop_assert!(wrong.is_empty(), "after {changes:?}: {wrong:?}");
            Ok(())
        }
    })
    .await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn concurrent_hours_for_the_same_person_and_week_both_count(pool: PgPool) {
    let mut setup = pool.acquire().await.expect("a connection");
    let person_id = new_person(&mut setup, "Pat").await;
    let assignment_ids = on_new_projects(&mut setup, &[person_id, person_id]).await;
    let week = Weeks::from([(0, 800)]);

    let mut first = pool.begin().await.expect("a transaction");
    set_weeks(&mut first, assignment_ids[0], &week).await;
    // The second writer reaches the same load row while the first still holds it.
    let second = tokio::spawn({
        let pool = pool.clone();
        let (assignment, week) = (assignment_ids[1], Weeks::from([(0, 500)]));
        async move {
            let mut tx = pool.begin().await.expect("a transaction");
            set_weeks(&mut tx, assignment, &week).await;
            tx.commit().await.expect("second commit");
        }
    });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    first.commit().await.expect("first commit");
    second.await.expect("second writer");

    let active: i32 = sqlx::query_scalar(
        "SELECT active FROM person_week_load WHERE person_id = $1 AND week = $2",
    )
    .bind(person_id)
    .bind(first_sunday())
    .fetch_one(&mut *setup)
    .await
    .expect("the load row");
    assert_eq!(active, 1300);
    assert!(mismatches(&mut setup).await.is_empty());
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn crossing_writes_roll_one_back_as_contention(pool: PgPool) {
    let mut setup = pool.acquire().await.expect("a connection");
    let (ann, bo) = ann_and_bo(&mut setup).await;
    // Two assignments each: the writers meet on both people's load rows, in opposite order.
    let ids = on_new_projects(&mut setup, &[ann, bo, bo, ann]).await;
    let week = Weeks::from([(0, 400)]);
    let mut first = pool.begin().await.expect("a transaction");
    let mut second = pool.begin().await.expect("a transaction");
    set_weeks(&mut first, ids[0], &week).await;
    set_weeks(&mut second, ids[1], &week).await;
    let crossing = tokio::spawn({
        let (assignment, week) = (ids[2], week.clone());
        async move {
            let outcome = assignments::write_weeks(&mut first, assignment, &dated(&week)).await;
            (outcome, first)
        }
    });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let other = assignments::write_weeks(&mut second, ids[3], &dated(&week)).await;
    let (outcome, first) = crossing.await.expect("the crossing writer");

    let failures: Vec<_> = [&outcome, &other]
        .into_iter()
        .filter_map(|o| o.as_ref().err())
        .collect();
    assert_eq!(failures.len(), 1, "exactly one writer is rolled back");
    assert!(
        matches!(failures[0], wt_store::StoreError::Contention(_)),
        "{:?}",
        failures[0]
    );
    for (tx, ok) in [(first, outcome.is_ok()), (second, other.is_ok())] {
        if ok {
            tx.commit().await.expect("the survivor commits");
        } else {
            tx.rollback().await.expect("the loser rolls back");
        }
    }
    assert!(mismatches(&mut setup).await.is_empty());
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn writers_of_one_projects_loads_take_turns_before_writing_any(pool: PgPool) {
    let mut setup = pool.acquire().await.expect("a connection");
    let (ann, bo) = ann_and_bo(&mut setup).await;
    let shared = new_project(&mut setup, "Shared").await;
    let annes = assign(&mut setup, ann, shared, String::new()).await;
    let bos = assign(&mut setup, bo, shared, String::new()).await;
    let week = Weeks::from([(0, 400)]);

    let mut first = pool.begin().await.expect("a transaction");
    set_weeks(&mut first, annes, &week).await;
    // Bo's weeks count for the same project's load rows: his writer waits for Ann's on
    // the project's advisory lock, before it writes anything, so the two cannot lock
    // those rows in opposite orders.
    let second = tokio::spawn({
        let (pool, week) = (pool.clone(), week.clone());
        async move {
            let mut second = pool.begin().await.expect("a transaction");
            set_weeks(&mut second, bos, &week).await;
            second.commit().await.expect("committed");
        }
    });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let waiting: Vec<String> = sqlx::query_scalar(
        "SELECT locktype FROM pg_locks WHERE NOT granted AND database = \
         (SELECT oid FROM pg_database WHERE datname = current_database())",
    )
    .fetch_all(&mut *setup)
    .await
    .expect("the waiting locks");
    assert_eq!(waiting, ["advisory"]);
    first.commit().await.expect("committed");
    second.await.expect("the second writer");
    assert!(mismatches(&mut setup).await.is_empty());
}
