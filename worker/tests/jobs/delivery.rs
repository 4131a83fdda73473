//! Delivery: a job (a cache warm-up, whose views another process then finds ready)
//! makes the round trip through Redis; a job delivered twice, or several
//! times at once, takes effect once; a job longer than its lease runs once while its
//! worker lives; an enqueue rolled back leaves no job and no push.

use std::time::Duration;

use redis::AsyncCommands;
use sqlx::PgPool;
use wt_domain::jobs::{JobKind, JobState, Queue};
use wt_domain::weeks::Week;
use wt_jobs::payloads::{JobPayload, Probe, WarmCache};
use wt_jobs::queues::{Push, PushKey};
use wt_runtime::aggregate_cache::{AggregateCache, CacheTtls};
use wt_store::jobs::{self, NewJob};
use wt_worker::WorkerState;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_job_makes_the_round_trip_through_redis(pool: PgPool) {
    let state = state(pool).await;
    let worker = RunningWorker::start(&state);
    let job = enqueue(&state, &WarmCache::default().new_job(None).unwrap()).await;
    assert_eq!((job.state, job.queue), (JobState::Queued, Queue::Cache));

    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(done.state, JobState::Succeeded, "{done:?}");
    assert_eq!((done.attempts, done.progress), (1, 100));
    // An empty company: its dashboard, first heatmap page and forecast.
    assert_eq!(done.result.as_ref().unwrap()["warmed"], 3);
    assert!(done.started_at.is_some() && done.finished_at.is_some());
    assert_warmed(&state).await;
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

/// Another process on the namespace (a cache of its own over the same Redis) finds every
/// view the warm-up computed ready, computing none of them.
async fn assert_warmed(state: &WorkerState) {
    let namespace = &state.dispatcher.queues.namespace;
    let other = AggregateCache::new(
        Some(state.dispatcher.redis().clone()),
        namespace,
        CacheTtls::new(None, None),
    );
    let today = Week::current(chrono::Utc::now().date_naive()).unwrap();
    for view in wt_analytics::most_used(&state.pool, today).await.unwrap() {
        let computed = std::sync::atomic::AtomicBool::new(false);
        other
            .get_or_compute(view.kind(), &view.cache_key(), || async {
                computed.store(true, std::sync::atomic::Ordering::SeqCst);
                Ok::<_, std::convert::Infallible>(Vec::new())
            })
            .await
            .unwrap();
        assert!(
            !computed.into_inner(),
            "{} was not warmed",
            view.cache_key()
        );
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_job_delivered_twice_takes_effect_once(pool: PgPool) {
    let state = state(pool).await;
    let worker = RunningWorker::start(&state);
    let job = probe(&state, 0, 0).await;
    assert_eq!(
        wait_until_finished(&state.pool, job.id).await.state,
        JobState::Succeeded
    );

    // Redis delivers the same job again (a duplicate push past Redis's own dedupe): only
    // the ledger can stop it, and it does.
    let again = Push {
        job_id: job.id,
        queue: Queue::Maintenance,
        attempts: 0,
        key: PushKey::Fresh,
        delay: Duration::ZERO,
    };
    state.dispatcher.push(&[again]).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = jobs::find(&state.pool, job.id).await.unwrap().unwrap();
    assert_eq!(after.attempts, 1, "the second delivery did not run the job");
    assert_eq!(probe_effects(&state.pool, job.id).await, 1);
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn simultaneous_deliveries_run_the_job_once(pool: PgPool) {
    let state = state(pool).await;
    let new = Probe::new(2, 200, Queue::Maintenance)
        .new_job(None)
        .unwrap();
    let mut conn = state.pool.acquire().await.unwrap();
    let job = jobs::insert(&mut conn, &new).await.unwrap().job;
    drop(conn);
    let push = |attempts| Push {
        job_id: job.id,
        queue: Queue::Maintenance,
        attempts,
        key: PushKey::Fresh,
        delay: Duration::ZERO,
    };
    state.dispatcher.push(&[push(0), push(0), push(0)]).await;
    let first = RunningWorker::start(&state);
    let second = RunningWorker::start(&sibling(&state));

    let done = wait_until_finished(&state.pool, job.id).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!((done.state, done.attempts), (JobState::Succeeded, 1));
    assert_eq!(probe_effects(&state.pool, job.id).await, 1);
    first.stop().await;
    second.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_job_longer_than_its_lease_runs_once_while_its_worker_lives(pool: PgPool) {
    // Leases of three seconds, renewed every second; the job runs six.
    let state = state(pool).await;
    assert_eq!(state.lease, Duration::from_secs(3));
    let scheduler = wt_worker::scheduler::SchedulerOptions {
        reconcile_every: Duration::from_secs(1),
        reconcile_grace: Duration::from_secs(1),
        schedules: Vec::new(),
    };
    let mut options =
        wt_worker::RunOptions::every_queue(4, Duration::from_secs(1), Duration::from_secs(5));
    options.scheduler = Some(scheduler);
    let worker = RunningWorker::start_with(&state, options);
    let other = RunningWorker::start(&sibling(&state));
    let job = probe(&state, 6, 1000).await;

    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(
        (done.state, done.attempts),
        (JobState::Succeeded, 1),
        "{done:?}"
    );
    assert!(done.error.is_none());
    assert_eq!(probe_effects(&state.pool, job.id).await, 1);
    worker.stop().await;
    other.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_enqueue_rolled_back_leaves_no_job_and_no_push(pool: PgPool) {
    let state = state(pool).await;
    let mut tx = state.dispatcher.begin(&state.pool).await.unwrap();
    let job = tx
        .enqueue(&Probe::new(0, 0, Queue::Imports), None)
        .await
        .unwrap();
    drop(tx);

    assert_eq!(jobs::find(&state.pool, job.id).await.unwrap(), None);
    let count: i64 = sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM jobs"#)
        .fetch_one(&state.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
    let mut redis = state.redis.clone();
    let prefix = state.dispatcher.queues.queue_name(Queue::Imports);
    let keys: Vec<String> = redis.keys(format!("{prefix}*")).await.unwrap();
    assert!(keys.is_empty(), "nothing reached Redis: {keys:?}");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn enqueueing_with_a_dedupe_key_returns_the_waiting_job(pool: PgPool) {
    let state = state(pool).await;
    let new = WarmCache::default().new_job(None).unwrap();
    let first = enqueue(&state, &new).await;
    let second = enqueue(&state, &new).await;
    assert_eq!(first.id, second.id);
    assert_eq!(first.kind, JobKind::WarmCache);
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

/// Writes `relative` under `root`, last changed `age` ago.
fn aged_file(root: &std::path::Path, relative: &str, age: Duration) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::File::create(&path).unwrap();
    file.set_modified(std::time::SystemTime::now() - age)
        .unwrap();
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn housekeeping_deletes_jobs_past_their_retention(pool: PgPool) {
    let backups = tempfile::tempdir().unwrap();
    let state = wt_worker::WorkerState {
        backups_dir: backups.path().to_path_buf(),
        ..state(pool).await
    };
    let month = Duration::from_secs(31 * 24 * 60 * 60);
    aged_file(backups.path(), "incoming/people/old.upload", month);
    aged_file(backups.path(), "incoming/people/needed.upload", month);
    aged_file(
        backups.path(),
        "incoming/people/fresh.upload",
        Duration::ZERO,
    );
    aged_file(backups.path(), "jobs/999999/report.csv", Duration::ZERO);
    // The database backups are the backups' own: housekeeping never touches them, not
    // even a crashed backup's partial file (the next backup clears that, under its lock).
    let archives = [
        "db/wt-20261101T020000000Z.dump",
        "db/wt-20261101T020000000Z.json",
        "db/.wt-20261102T020000000Z.dump.partial",
    ];
    for archive in archives {
        aged_file(backups.path(), archive, month);
    }
    let waiting = NewJob::new(
        JobKind::Import,
        serde_json::json!({"file": "incoming/people/needed.upload"}),
    );
    let mut conn = state.pool.acquire().await.unwrap();
    jobs::insert(&mut conn, &waiting).await.unwrap();
    drop(conn);
    let old = probe(&state, 0, 0).await;
    let recent = probe(&state, 0, 0).await;
    let worker = RunningWorker::start(&state);
    wait_until_finished(&state.pool, old.id).await;
    wait_until_finished(&state.pool, recent.id).await;
    sqlx::query!(
        "UPDATE jobs SET finished_at = now() - interval '31 days' WHERE id = $1",
        old.id
    )
    .execute(&state.pool)
    .await
    .unwrap();

    let new = NewJob::new(JobKind::Housekeeping, serde_json::json!({}));
    let housekeeping = enqueue(&state, &new).await;
    let done = wait_until_finished(&state.pool, housekeeping.id).await;
    assert_eq!(done.state, JobState::Succeeded, "{done:?}");
    let result = done.result.as_ref().unwrap();
    assert_eq!(result["jobsDeleted"], 1);
    assert_eq!(
        (
            result["uploadsRemoved"].as_i64(),
            result["jobFoldersRemoved"].as_i64()
        ),
        (Some(1), Some(1))
    );
    let left: Vec<String> = std::fs::read_dir(backups.path().join("incoming/people"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut left = left;
    left.sort();
    assert_eq!(left, ["fresh.upload", "needed.upload"]);
    assert!(!backups.path().join("jobs/999999").exists());
    for archive in archives {
        assert!(backups.path().join(archive).exists(), "{archive}");
    }
    assert_eq!(jobs::find(&state.pool, old.id).await.unwrap(), None);
    assert!(jobs::find(&state.pool, recent.id).await.unwrap().is_some());
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}
