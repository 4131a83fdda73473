//! Reallocation jobs under faults: a job Redis delivers twice moves the hours once, and
//! the real `wt-worker` binary killed (SIGKILL) while the job holds its transaction leaves
//! nothing behind, the retry ending exactly where one clean run would. Jobs are queued as
//! the api queues them: the project's order number taken in the job's transaction.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sqlx::PgPool;
use wt_domain::jobs::{JobState, Queue};
use wt_domain::reallocation::{DateMove, Neighbours};
use wt_jobs::payloads::Reallocate;
use wt_jobs::queues::{Push, PushKey};
use wt_store::jobs::Job;
use wt_store::reallocations;
use wt_worker::WorkerState;

use crate::support::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A project with a deliverable on 2026-03-11 and one assignment planned on two weeks;
/// answers (project, deliverable, assignment).
async fn project(pool: &PgPool) -> (i64, i64, i64) {
    sqlx::query_as(
        "WITH p AS (INSERT INTO people (name) VALUES ('Ada') RETURNING id),
              j AS (INSERT INTO projects (name) VALUES ('Museum') RETURNING id),
              d AS (INSERT INTO deliverables (project_id, date)
                    SELECT id, DATE '2026-03-11' FROM j RETURNING id),
              a AS (INSERT INTO assignments (person_id, project_id)
                    SELECT p.id, j.id FROM p, j RETURNING id),
              w AS (INSERT INTO assignment_weeks (assignment_id, week, centihours)
                    SELECT id, unnest(ARRAY[DATE '2026-03-01', DATE '2026-03-08']),
                           unnest(ARRAY[800, 1050]) FROM a)
         SELECT j.id, d.id, a.id FROM j, d, a",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Moves the deliverable to `new` and queues its reallocation in one transaction.
async fn move_date(state: &WorkerState, project: i64, deliverable: i64, new: &str) -> Job {
    let mut tx = state.dispatcher.begin(&state.pool).await.unwrap();
    sqlx::query("UPDATE deliverables SET date = $2 WHERE id = $1")
        .bind(deliverable)
        .bind(date(new))
        .execute(&mut *tx)
        .await
        .unwrap();
    let sequence = reallocations::issue(&mut tx, project).await.unwrap();
    let payload = Reallocate {
        deliverable_id: deliverable,
        project_id: project,
        sequence,
        date_move: DateMove {
            old: date("2026-03-11"),
            new: date(new),
            neighbours: Neighbours::default(),
        },
    };
    let job = tx.enqueue(&payload, None).await.unwrap();
    tx.commit().await.unwrap();
    job
}

async fn planned(pool: &PgPool) -> Vec<(String, i32)> {
    sqlx::query_as("SELECT week::text, centihours FROM assignment_weeks ORDER BY week")
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn audits(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM reallocations")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Two weeks later, as one clean run leaves it.
fn moved_two_weeks() -> Vec<(String, i32)> {
    vec![
        ("2026-03-15".to_owned(), 800),
        ("2026-03-22".to_owned(), 1050),
    ]
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_reallocation_delivered_twice_moves_the_hours_once(pool: PgPool) {
    let state = state(pool.clone()).await;
    let (project, deliverable, _) = project(&pool).await;
    let worker = RunningWorker::start(&state);
    let job = move_date(&state, project, deliverable, "2026-03-25").await;
    let done = wait_until_finished(&pool, job.id).await;
    assert_eq!(done.state, JobState::Succeeded, "{done:?}");
    assert_eq!(done.result.as_ref().unwrap()["deltaWeeks"], 2);

    let again = Push {
        job_id: job.id,
        queue: Queue::Reallocations,
        attempts: 0,
        key: PushKey::Fresh,
        delay: Duration::ZERO,
    };
    state.dispatcher.push(&[again]).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = wt_store::jobs::find(&pool, job.id).await.unwrap().unwrap();
    assert_eq!(after.attempts, 1, "the second delivery did not run the job");
    assert_eq!(planned(&pool).await, moved_two_weeks());
    assert_eq!(audits(&pool).await, 1);
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_worker_killed_inside_the_job_leaves_nothing_and_the_retry_ends_the_same(pool: PgPool) {
    let state = state(pool.clone()).await;
    let namespace = state.dispatcher.queues.namespace.clone();
    let (project, deliverable, assignment) = project(&pool).await;
    // The assignment is held, so the job stops inside its transaction, its order locked.
    let mut holder = pool.begin().await.unwrap();
    sqlx::query("SELECT id FROM assignments WHERE id = $1 FOR UPDATE")
        .bind(assignment)
        .execute(&mut *holder)
        .await
        .unwrap();
    let mut first = WorkerProcess::start(&pool, &namespace, &[], &[]);
    let job = move_date(&state, project, deliverable, "2026-03-25").await;
    let deadline = Instant::now() + Duration::from_secs(60);
    while !waits_for_a_lock(&pool, "%FROM assignments%FOR UPDATE%").await {
        assert!(
            Instant::now() < deadline,
            "the job never reached the assignments"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    first.kill();
    holder.rollback().await.unwrap();
    let before = vec![
        ("2026-03-01".to_owned(), 800),
        ("2026-03-08".to_owned(), 1050),
    ];
    assert_eq!(
        planned(&pool).await,
        before,
        "the killed attempt left nothing"
    );

    let second = WorkerProcess::start(&pool, &namespace, &[], &[]);
    succeeds_on_second_attempt(&pool, job.id, Duration::from_secs(60), &second).await;
    assert_eq!(planned(&pool).await, moved_two_weeks());
    assert_eq!(audits(&pool).await, 1);
    let applied: i64 = sqlx::query_scalar("SELECT applied FROM reallocation_order")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(applied, 1);
    flush_namespace(&namespace).await;
}
