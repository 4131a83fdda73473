//! Import jobs under faults: the real `wt-worker` binary killed (SIGKILL) while it applies
//! a 100,000-row people file leaves no partial data, and a new worker takes the job again
//! and completes it exactly once; import jobs waiting in a Redis that loses everything
//! are all pushed again and completed. Files are staged as the upload stages them (under
//! `BACKUPS_DIR/incoming/people/`, the payload carrying the relative path and checksum)
//! and queued through the same transaction API as the api.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use sqlx::PgPool;
use wt_domain::jobs::JobState;
use wt_domain::transfer::imports::{ImportKind, ImportOptions};
use wt_jobs::payloads::Import;
use wt_store::jobs::Job;
use wt_worker::WorkerState;

use crate::support::*;

/// A people CSV of `rows` new people numbered from `first`, after the lines in `lead`.
fn people_csv(lead: &str, first: u32, rows: u32) -> String {
    let mut csv = String::from("Name,Email,Weekly capacity (h)\n");
    csv.push_str(lead);
    for n in first..first + rows {
        writeln!(csv, "Person {n},person{n}@example.com,{}", 30 + n % 10).unwrap();
    }
    csv
}

/// Stages `content` under `backups_dir` as an upload does; answers the job's payload.
fn staged(backups_dir: &Path, content: &str, options: ImportOptions) -> Import {
    let folder = backups_dir.join("incoming/people");
    std::fs::create_dir_all(&folder).unwrap();
    let name = format!("{}.upload", uuid::Uuid::new_v4().simple());
    std::fs::write(folder.join(&name), content).unwrap();
    let sha256 = Sha256::digest(content.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Import {
        kind: ImportKind::People,
        file: format!("incoming/people/{name}"),
        sha256,
        file_name: "people.csv".to_owned(),
        options,
    }
}

/// Queues the import as the upload does: in a job transaction, pushed on commit.
async fn enqueue_import(state: &WorkerState, payload: &Import) -> Job {
    let mut tx = state.dispatcher.begin(&state.pool).await.unwrap();
    let job = tx.enqueue(payload, None).await.unwrap();
    tx.commit().await.unwrap();
    job
}

async fn people_count(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM people")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Waits until the import job is applying and blocked on the held row (its 100,000 new
/// people inserted, uncommitted).
async fn wait_until_blocked_applying(pool: &PgPool, id: i64) -> Job {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let job = wt_store::jobs::find(pool, id).await.unwrap().unwrap();
        if job.stage.as_deref() == Some("Applying")
            && waits_for_a_lock(pool, "%UPDATE people%").await
        {
            return job;
        }
        assert!(!job.state.is_finished(), "ended before applying: {job:?}");
        assert!(Instant::now() < deadline, "never blocked applying: {job:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Rows of the file: the most a sheet may hold, its header included.
const ROWS: u32 = 100_000;
/// The new people in it: all rows but the header and Ada's.
const NEW_PEOPLE: u32 = ROWS - 2;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_worker_killed_while_applying_100k_people_leaves_nothing_and_another_finishes_once(
    pool: PgPool,
) {
    let state = state(pool.clone()).await;
    let namespace = state.dispatcher.queues.namespace.clone();
    let backups = tempfile::tempdir().unwrap();
    let backups_dir = backups.path().to_str().unwrap().to_owned();
    sqlx::query(
        "INSERT INTO people (name, email, weekly_capacity)
         VALUES ('Ada Byron', 'ada@example.com', 36), ('Bob Stone', 'bob@example.com', 36)",
    )
    .execute(&pool)
    .await
    .unwrap();
    let ada: i64 = sqlx::query_scalar("SELECT id FROM people WHERE email = 'ada@example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    // The file creates 99,998 people, then updates Ada (new people are written first).
    let options = ImportOptions {
        update_existing: true,
        ..ImportOptions::default()
    };
    let csv = people_csv("Ada Byron,ada@example.com,40\n", 1, NEW_PEOPLE);
    let payload = staged(backups.path(), &csv, options);
    // Ada's row is held, so the import stops inside its transaction, its inserts made.
    let mut holder = pool.begin().await.unwrap();
    sqlx::query("SELECT id FROM people WHERE id = $1 FOR UPDATE")
        .bind(ada)
        .execute(&mut *holder)
        .await
        .unwrap();

    let env = [("BACKUPS_DIR", backups_dir.as_str())];
    let mut first = WorkerProcess::start(&pool, &namespace, &env, &[]);
    let job = enqueue_import(&state, &payload).await;
    let applying = wait_until_blocked_applying(&pool, job.id).await;
    assert_eq!((applying.state, applying.attempts), (JobState::Running, 1));
    assert_eq!(
        people_count(&pool).await,
        2,
        "nothing is visible before the commit"
    );

    first.kill();
    holder.rollback().await.unwrap();
    assert_eq!(
        people_count(&pool).await,
        2,
        "the killed attempt left nothing"
    );
    let second = WorkerProcess::start(&pool, &namespace, &env, &[]);
    let done = succeeds_on_second_attempt(&pool, job.id, Duration::from_secs(180), &second).await;
    assert_eq!(people_count(&pool).await, i64::from(ROWS));
    let people = &done.result.as_ref().unwrap()["counts"]["person"];
    assert_eq!(
        (people["created"].as_u64(), people["updated"].as_u64()),
        (Some(u64::from(NEW_PEOPLE)), Some(1))
    );
    let capacity: f64 =
        sqlx::query_scalar("SELECT weekly_capacity::float8 FROM people WHERE id = $1")
            .bind(ada)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(capacity, 40.0);
    let succeeded: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM jobs WHERE kind = 'import' AND state = 'succeeded'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(succeeded, 1);
    flush_namespace(&namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn import_jobs_waiting_in_a_flushed_redis_all_complete(pool: PgPool) {
    let backups = tempfile::tempdir().unwrap();
    let state = WorkerState {
        backups_dir: backups.path().to_path_buf(),
        ..state(pool.clone()).await
    };
    let mut jobs = Vec::new();
    for file in 0..3 {
        let csv = people_csv("", file * 1_000 + 1, 1_000);
        let payload = staged(backups.path(), &csv, ImportOptions::default());
        jobs.push(enqueue_import(&state, &payload).await);
    }
    // Redis loses every queued id before any worker saw them.
    flush_namespace(&state.dispatcher.queues.namespace).await;

    let worker = RunningWorker::start_with(&state, scheduling(Vec::new()));
    for job in &jobs {
        let done = wait_for(&pool, job.id, Duration::from_secs(60), |job| {
            job.state.is_finished()
        })
        .await;
        assert_eq!(
            (done.state, done.attempts),
            (JobState::Succeeded, 1),
            "{done:?}"
        );
    }
    assert_eq!(people_count(&pool).await, 3_000);
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}
