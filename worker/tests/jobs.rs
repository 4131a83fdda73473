//! The job system end to end against the real PostgreSQL and Redis: enqueue through the
//! ledger, a real worker consumes the Redis queue, and the ledger proves each job took
//! effect once. Each test has its own database (sqlx::test) and Redis key namespace.

use std::time::{Duration, Instant};

use redis::AsyncCommands;
use sqlx::PgPool;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wt_domain::jobs::{JobKind, JobState};
use wt_jobs::ConnectionManager;
use wt_jobs::ledger;
use wt_jobs::queues::Queues;
use wt_store::jobs::{self, Job, NewJob};
use wt_worker::{RunOptions, WorkerState};

fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".to_owned())
}

async fn redis() -> ConnectionManager {
    redis::Client::open(redis_url())
        .expect("valid REDIS_URL")
        .get_connection_manager()
        .await
        .expect("Redis is running")
}

fn queues() -> Queues {
    Queues {
        namespace: format!("test-{}", uuid::Uuid::new_v4()),
        heartbeat_interval: Duration::from_secs(2),
        missed_heartbeats: 3,
    }
}

/// A worker process running in this test, stopped on drop of the sender.
struct RunningWorker {
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<anyhow::Result<()>>,
}

impl RunningWorker {
    async fn start(state: &WorkerState, scheduler: bool) -> Self {
        let (stop, stopped) = oneshot::channel::<()>();
        let options = RunOptions {
            name: format!("test-worker-{}", uuid::Uuid::new_v4()),
            concurrency: 4,
            scheduler,
            heartbeat_interval: Duration::from_secs(1),
            reconcile_grace: Duration::from_secs(1),
        };
        let shutdown = async move {
            let _ = stopped.await;
        };
        let task = tokio::spawn(wt_worker::run(state.clone(), options, shutdown));
        RunningWorker {
            stop: Some(stop),
            task,
        }
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let outcome = tokio::time::timeout(Duration::from_secs(20), &mut self.task).await;
        assert!(
            matches!(outcome, Ok(Ok(Ok(())))),
            "worker stops cleanly: {outcome:?}"
        );
    }
}

async fn state(pool: PgPool) -> WorkerState {
    WorkerState {
        pool,
        redis: redis().await,
        queues: queues(),
        lease: Duration::from_secs(60),
        mailer: None,
        public_url: "http://127.0.0.1:8000".to_owned(),
    }
}

async fn wait_until_finished(pool: &PgPool, id: i64) -> Job {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let job = jobs::find(pool, id).await.unwrap().expect("job exists");
        if job.state.is_finished() || Instant::now() > deadline {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn generation(state: &WorkerState) -> Option<i64> {
    let mut redis = state.redis.clone();
    let key = format!("{}:cache:generation", state.queues.namespace);
    redis.get(key).await.unwrap()
}

/// Deliveries apalis has finished on `kind`'s queue.
async fn deliveries_done(state: &WorkerState, kind: JobKind) -> usize {
    let storage = state.queues.storage(state.redis.clone(), kind);
    let key = storage.get_config().done_jobs_set();
    let mut redis = state.redis.clone();
    redis.scard(key).await.unwrap()
}

async fn wait_for_deliveries(state: &WorkerState, kind: JobKind, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while deliveries_done(state, kind).await < count {
        assert!(
            Instant::now() < deadline,
            "{count} deliveries were not processed"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One reconcile pass with a one-second grace; returns how many jobs it pushed.
async fn reconcile(state: &WorkerState) -> usize {
    let grace = Duration::from_secs(1);
    ledger::reconcile(&state.pool, state.redis.clone(), &state.queues, grace)
        .await
        .unwrap()
}

async fn delete_namespace(state: &WorkerState) {
    let mut redis = state.redis.clone();
    let pattern = format!("{}:*", state.queues.namespace);
    let keys: Vec<String> = redis.keys(pattern).await.unwrap();
    if !keys.is_empty() {
        let _: () = redis.del(keys).await.unwrap();
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_job_makes_the_round_trip_through_redis(pool: PgPool) {
    let state = state(pool).await;
    let worker = RunningWorker::start(&state, false).await;
    let new = NewJob::new(JobKind::WarmCache);
    let job = ledger::enqueue(&state.pool, Some(state.redis.clone()), &state.queues, &new)
        .await
        .unwrap();
    assert_eq!(job.state, JobState::Queued);

    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(done.state, JobState::Succeeded, "{done:?}");
    assert_eq!(done.attempts, 1);
    assert_eq!(done.progress, 100);
    assert_eq!(done.result.as_ref().unwrap()["generation"], 1);
    assert!(done.started_at.is_some() && done.finished_at.is_some());
    assert_eq!(generation(&state).await, Some(1));
    worker.stop().await;

    // The daily vacuum clears finished entries from Redis; the ledger keeps the record.
    wait_for_deliveries(&state, JobKind::WarmCache, 1).await;
    assert_eq!(
        wt_worker::scheduler::vacuum_finished(&state, Duration::ZERO).await,
        1
    );
    let data_key = format!("{}:data", state.queues.queue_name(JobKind::WarmCache));
    let mut redis = state.redis.clone();
    assert_eq!(redis.hlen::<_, usize>(data_key).await.unwrap(), 0);
    assert_eq!(
        jobs::find(&state.pool, job.id)
            .await
            .unwrap()
            .unwrap()
            .state,
        JobState::Succeeded
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_job_delivered_twice_takes_effect_once(pool: PgPool) {
    let state = state(pool).await;
    let worker = RunningWorker::start(&state, false).await;
    let new = NewJob::new(JobKind::WarmCache);
    let job = ledger::enqueue(&state.pool, Some(state.redis.clone()), &state.queues, &new)
        .await
        .unwrap();
    assert_eq!(
        wait_until_finished(&state.pool, job.id).await.state,
        JobState::Succeeded
    );
    wait_for_deliveries(&state, JobKind::WarmCache, 1).await;

    // Redis delivers the same job again (a retry, a duplicate push): a new idempotency
    // key gets it past Redis's own deduplication, so only the ledger can stop it.
    state
        .queues
        .push(
            state.redis.clone(),
            JobKind::WarmCache,
            job.id,
            99,
            Duration::ZERO,
        )
        .await
        .unwrap();
    wait_for_deliveries(&state, JobKind::WarmCache, 2).await;

    let after = jobs::find(&state.pool, job.id).await.unwrap().unwrap();
    assert_eq!(after.attempts, 1, "the second delivery did not run the job");
    assert_eq!(
        generation(&state).await,
        Some(1),
        "the effect happened once"
    );
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn simultaneous_deliveries_run_the_job_once(pool: PgPool) {
    let state = state(pool).await;
    let mut conn = state.pool.acquire().await.unwrap();
    let job = jobs::insert(&mut conn, &NewJob::new(JobKind::WarmCache))
        .await
        .unwrap()
        .job;
    drop(conn);
    for attempt in [0, 50, 51] {
        state
            .queues
            .push(
                state.redis.clone(),
                JobKind::WarmCache,
                job.id,
                attempt,
                Duration::ZERO,
            )
            .await
            .unwrap();
    }
    let worker = RunningWorker::start(&state, false).await;
    wait_for_deliveries(&state, JobKind::WarmCache, 3).await;

    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(done.state, JobState::Succeeded);
    assert_eq!(done.attempts, 1);
    assert_eq!(generation(&state).await, Some(1));
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_reconciler_recovers_a_push_lost_with_redis(pool: PgPool) {
    let state = state(pool).await;
    let new = NewJob::new(JobKind::WarmCache);
    let job = ledger::enqueue(&state.pool, Some(state.redis.clone()), &state.queues, &new)
        .await
        .unwrap();
    // Redis is flushed before any worker saw the job: the queue entry is gone.
    delete_namespace(&state).await;
    assert_eq!(deliveries_done(&state, JobKind::WarmCache).await, 0);

    let worker = RunningWorker::start(&state, true).await;
    let done = wait_until_finished(&state.pool, job.id).await;
    assert_eq!(done.state, JobState::Succeeded, "{done:?}");
    assert_eq!(done.attempts, 1);
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_reconciler_pushes_a_job_committed_but_never_pushed(pool: PgPool) {
    let state = state(pool).await;
    // The process died between commit and push: the row exists, Redis never heard of it.
    let new = NewJob::new(JobKind::WarmCache);
    let job = ledger::enqueue(&state.pool, None, &state.queues, &new)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(reconcile(&state).await, 1);
    // A second pass right away finds nothing stale: the push was recorded.
    assert_eq!(reconcile(&state).await, 0);

    let worker = RunningWorker::start(&state, false).await;
    assert_eq!(
        wait_until_finished(&state.pool, job.id).await.state,
        JobState::Succeeded
    );
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn enqueueing_with_a_dedupe_key_returns_the_waiting_job(pool: PgPool) {
    let state = state(pool).await;
    let new = NewJob::new(JobKind::WarmCache).dedupe_key("warm_cache");
    let first = ledger::enqueue(&state.pool, None, &state.queues, &new)
        .await
        .unwrap();
    let second = ledger::enqueue(&state.pool, None, &state.queues, &new)
        .await
        .unwrap();
    assert_eq!(first.id, second.id);
}

#[test]
fn the_worker_refuses_insecure_production_settings() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_wt-worker"))
        .env("DEBUG", "false")
        .env("SECRET_KEY", "too-short")
        .env("ALLOWED_HOSTS", "plan.example.com")
        .env("COOKIE_REFRESH_AUTH", "true")
        .output()
        .expect("the worker binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("SECRET_KEY"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
}
