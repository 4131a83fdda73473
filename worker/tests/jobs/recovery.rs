//! Recovery: the reconciler pushes what Redis lost (a flush, a crash between commit and
//! push), a retry's backoff survives a Redis flush, transient failures end after the
//! attempt limit with the last error, permanent ones at once, and a job whose worker
//! stopped renewing its lease is taken back (or fails once its attempts are spent).

use std::time::Duration;

use sqlx::PgPool;
use wt_domain::jobs::{JobState, Queue};
use wt_jobs::payloads::{JobPayload, Probe};
use wt_jobs::reconcile::reconcile;
use wt_store::jobs::lifecycle::{self, Claim};
use wt_store::jobs::{self, upkeep};

use crate::support::*;

fn faulty(fail_attempts: u16) -> Probe {
    Probe {
        fail_attempts,
        ..Probe::new(0, 0, Queue::Maintenance)
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_reconciler_recovers_a_push_lost_with_redis(pool: PgPool) {
    let state = state(pool).await;
    let job = probe(&state, 0, 0).await;
    // Redis is flushed before any worker saw the job: the queue entry is gone.
    flush_namespace(&state.dispatcher.queues.namespace).await;

    let worker = RunningWorker::start_with(&state, scheduling(Vec::new()));
    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(
        (done.state, done.attempts),
        (JobState::Succeeded, 1),
        "{done:?}"
    );
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_reconciler_pushes_a_job_committed_but_never_pushed(pool: PgPool) {
    let state = state(pool).await;
    // The process died between commit and push: the row exists, Redis never heard of it.
    let new = Probe::new(0, 0, Queue::Mail).new_job(None).unwrap();
    let mut conn = state.pool.acquire().await.unwrap();
    let job = jobs::insert(&mut conn, &new).await.unwrap().job;
    drop(conn);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let grace = Duration::from_secs(1);
    assert_eq!(
        reconcile(&state.pool, &state.dispatcher, grace)
            .await
            .unwrap(),
        1
    );
    // A second pass right away finds nothing stale: the push was recorded.
    assert_eq!(
        reconcile(&state.pool, &state.dispatcher, grace)
            .await
            .unwrap(),
        0
    );

    let worker = RunningWorker::start(&state);
    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(done.state, JobState::Succeeded);
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_retry_waits_out_its_backoff_even_after_a_redis_flush(pool: PgPool) {
    let state = state(pool).await;
    let worker = RunningWorker::start_with(&state, scheduling(Vec::new()));
    let job = enqueue(&state, &faulty(1).new_job(None).unwrap()).await;

    let failed_once = wait_for(&state.pool, job.id, Duration::from_secs(20), |job| {
        job.state == JobState::Queued && job.attempts == 1
    })
    .await;
    assert_eq!(failed_once.error.as_ref().unwrap().code, "probe_fault");
    let first_end = failed_once.updated_at;
    let due = failed_once.run_after;
    // The probe's backoff starts at 5 s; with jitter the first wait is 2.5-5 s.
    let wait = (due - first_end).to_std().unwrap();
    assert!(
        wait >= Duration::from_millis(2400) && wait <= Duration::from_secs(5),
        "{wait:?}"
    );
    // Redis forgets everything; the reconciler pushes the job again, for later.
    flush_namespace(&state.dispatcher.queues.namespace).await;

    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(
        (done.state, done.attempts),
        (JobState::Succeeded, 2),
        "{done:?}"
    );
    assert!(
        done.started_at.unwrap() >= due,
        "ran before its backoff: {done:?}"
    );
    assert!(done.error.is_none());
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn transient_failures_end_at_the_attempt_limit_with_the_last_error(pool: PgPool) {
    let state = state(pool).await;
    let worker = RunningWorker::start(&state);
    let mut new = faulty(10).new_job(None).unwrap();
    new.max_attempts = 2;
    let job = enqueue(&state, &new).await;

    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(
        (done.state, done.attempts),
        (JobState::Failed, 2),
        "{done:?}"
    );
    let error = done.error.unwrap();
    assert_eq!(error.code, "probe_fault");
    assert!(error.message.contains("attempt 2"), "{error:?}");
    assert_eq!(
        probe_effects(&state.pool, job.id).await,
        0,
        "failed attempts roll back"
    );
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_permanent_error_ends_the_job_at_once(pool: PgPool) {
    let state = state(pool).await;
    let careful = wt_worker::WorkerState {
        fault_injection: false,
        ..state.clone()
    };
    let worker = RunningWorker::start(&careful);
    let job = enqueue(&state, &faulty(1).new_job(None).unwrap()).await;

    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(
        (done.state, done.attempts),
        (JobState::Failed, 1),
        "{done:?}"
    );
    assert_eq!(done.error.unwrap().code, "fault_injection_disabled");
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_job_whose_worker_stopped_renewing_is_taken_back(pool: PgPool) {
    let state = state(pool).await;
    let mut new = Probe::new(0, 0, Queue::Maintenance).new_job(None).unwrap();
    new.max_attempts = 2;
    let job = enqueue(&state, &new).await;
    let lease = Duration::from_millis(500);
    let grace = Duration::from_secs(60);

    // A worker claims it, then never renews: after the lease, a pass takes it back.
    let claimed = lifecycle::claim(&state.pool, job.id, "gone-1", lease)
        .await
        .unwrap();
    assert!(matches!(claimed, Claim::Taken(_)));
    assert!(
        upkeep::reconcile(&state.pool, grace, 100)
            .await
            .unwrap()
            .is_empty()
    );
    tokio::time::sleep(lease * 2).await;
    let taken_back = upkeep::reconcile(&state.pool, grace, 100).await.unwrap();
    assert_eq!(taken_back.len(), 1);
    assert_eq!(
        (taken_back[0].id, taken_back[0].delay),
        (job.id, Duration::ZERO)
    );
    let queued = jobs::find(&state.pool, job.id).await.unwrap().unwrap();
    assert_eq!((queued.state, queued.attempts), (JobState::Queued, 1));
    assert_eq!(queued.error.unwrap().code, "worker_lost");

    // Its last attempt dies the same way: the job fails rather than run for ever.
    let claimed = lifecycle::claim(&state.pool, job.id, "gone-2", lease)
        .await
        .unwrap();
    assert!(matches!(claimed, Claim::Taken(_)));
    tokio::time::sleep(lease * 2).await;
    assert!(
        upkeep::reconcile(&state.pool, grace, 100)
            .await
            .unwrap()
            .is_empty()
    );
    let failed = jobs::find(&state.pool, job.id).await.unwrap().unwrap();
    assert_eq!((failed.state, failed.attempts), (JobState::Failed, 2));
    let error = failed.error.unwrap();
    assert_eq!(error.code, "worker_lost");
    assert!(error.message.contains("attempt 2 of 2"), "{error:?}");
    assert_eq!(
        lifecycle::claim(&state.pool, job.id, "late", lease)
            .await
            .unwrap(),
        Claim::Elsewhere
    );
    flush_namespace(&state.dispatcher.queues.namespace).await;
}
