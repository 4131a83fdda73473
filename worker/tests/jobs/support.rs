//! Shared pieces of the job system tests: a Redis namespace per test, a worker state with
//! fault injection on, an in-process worker, the real worker binary as a child process,
//! and waiting for a job to reach a state.

use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use redis::AsyncCommands;
use sqlx::PgPool;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wt_domain::jobs::Queue;
use wt_jobs::payloads::{JobPayload, Probe};
use wt_jobs::queues::Queues;
use wt_jobs::schedules::Schedule;
use wt_jobs::{ConnectionManager, Dispatcher};
use wt_runtime::RedisConnector;
use wt_store::jobs::{self, Job, NewJob};
use wt_worker::scheduler::SchedulerOptions;
use wt_worker::{RunOptions, WorkerState};

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".to_owned())
}

pub async fn redis() -> ConnectionManager {
    redis::Client::open(redis_url())
        .expect("valid REDIS_URL")
        .get_connection_manager()
        .await
        .expect("Redis is running")
}

/// Queue settings on a namespace of the test's own, with a 1 s heartbeat and a lease of
/// three heartbeats, so recovery happens within seconds while a loaded machine still
/// renews in time.
pub fn queues() -> Queues {
    Queues {
        namespace: format!("test-{}", uuid::Uuid::new_v4()),
        heartbeat_interval: Duration::from_secs(1),
        missed_heartbeats: 3,
    }
}

pub fn dispatcher(queues: Queues) -> Dispatcher {
    Dispatcher::new(queues, RedisConnector::from_url(&redis_url()).unwrap())
}

/// A worker state on its own namespace, probes allowed to inject faults.
pub async fn state(pool: PgPool) -> WorkerState {
    let owner = format!("test-worker-{}", uuid::Uuid::new_v4());
    WorkerState {
        fault_injection: true,
        ..WorkerState::new(pool, redis().await, dispatcher(queues()), owner)
    }
}

/// A second worker process's state: same database and namespace, its own name.
pub fn sibling(state: &WorkerState) -> WorkerState {
    WorkerState {
        owner: format!("test-worker-{}", uuid::Uuid::new_v4()),
        running: Default::default(),
        draining: Default::default(),
        ..state.clone()
    }
}

/// A worker running in this test process until stopped.
pub struct RunningWorker {
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<anyhow::Result<()>>,
}

/// Every queue, four jobs each, a one-second heartbeat, a five-second drain.
pub fn options() -> RunOptions {
    RunOptions::every_queue(4, Duration::from_secs(1), Duration::from_secs(5))
}

/// [`options`] with the scheduler role: a reconcile pass every second with a one-second
/// grace, and `schedules`.
pub fn scheduling(schedules: Vec<Schedule>) -> RunOptions {
    RunOptions {
        scheduler: Some(SchedulerOptions {
            reconcile_every: Duration::from_secs(1),
            reconcile_grace: Duration::from_secs(1),
            schedules,
        }),
        ..options()
    }
}

impl RunningWorker {
    pub fn start(state: &WorkerState) -> Self {
        Self::start_with(state, options())
    }

    pub fn start_with(state: &WorkerState, options: RunOptions) -> Self {
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown = async move {
            let _ = stopped.await;
        };
        let task = tokio::spawn(wt_worker::run(state.clone(), options, shutdown));
        RunningWorker {
            stop: Some(stop),
            task,
        }
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let outcome = tokio::time::timeout(Duration::from_secs(30), &mut self.task).await;
        assert!(
            matches!(outcome, Ok(Ok(Ok(())))),
            "worker stops cleanly: {outcome:?}"
        );
    }
}

/// Queues `new` through a transaction, as the api does.
pub async fn enqueue(state: &WorkerState, new: &NewJob) -> Job {
    let mut tx = state.dispatcher.begin(&state.pool).await.unwrap();
    let job = tx.insert(new).await.unwrap().job;
    tx.commit().await.unwrap();
    job
}

/// Queues a probe of `steps` steps of `millis` each on the maintenance queue.
pub async fn probe(state: &WorkerState, steps: u16, millis: u32) -> Job {
    let new = Probe::new(steps, millis, Queue::Maintenance)
        .new_job(None)
        .unwrap();
    enqueue(state, &new).await
}

/// The job once `done` holds for it; fails the test after `within`.
pub async fn wait_for(
    pool: &PgPool,
    id: i64,
    within: Duration,
    done: impl Fn(&Job) -> bool,
) -> Job {
    let deadline = Instant::now() + within;
    loop {
        let job = jobs::find(pool, id).await.unwrap().expect("job exists");
        if done(&job) {
            return job;
        }
        assert!(Instant::now() < deadline, "job never got there: {job:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn wait_until_finished(pool: &PgPool, id: i64) -> Job {
    wait_for(pool, id, Duration::from_secs(30), |job| {
        job.state.is_finished()
    })
    .await
}

/// How many times a probe's effect (its audit entry) was committed.
pub async fn probe_effects(pool: &PgPool, id: i64) -> i64 {
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM audit_events
           WHERE action = 'probe_ran' AND target_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Deletes every Redis key of the namespace (a flushed or restarted Redis).
pub async fn flush_namespace(namespace: &str) {
    let mut redis = redis().await;
    let keys: Vec<String> = redis.keys(format!("{namespace}:*")).await.unwrap();
    if !keys.is_empty() {
        let _: () = redis.del(keys).await.unwrap();
    }
}

/// The URL of the test's own database, for a child process.
pub fn database_url(pool: &PgPool) -> String {
    let base = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let mut url = url::Url::parse(&base).expect("a valid DATABASE_URL");
    let name = pool
        .connect_options()
        .get_database()
        .unwrap_or("postgres")
        .to_owned();
    url.set_path(&name);
    url.into()
}

/// The real `wt-worker` binary, started for a test and killed when dropped.
pub struct WorkerProcess {
    child: Child,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl WorkerProcess {
    /// Starts the binary on the test's database and namespace with a 1 s heartbeat, a 2 s
    /// lease, fault injection on, schedules off, plus `env` and `args`.
    pub fn start(pool: &PgPool, namespace: &str, env: &[(&str, &str)], args: &[&str]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("worker.log");
        let output = std::fs::File::create(&log).unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_wt-worker"));
        command
            .args(args)
            .current_dir(dir.path())
            .env("DEBUG", "true")
            .env("DATABASE_URL", database_url(pool))
            .env("REDIS_URL", redis_url())
            .env("QUEUE_NAMESPACE", namespace)
            .env("WORKER_HEARTBEAT_SECONDS", "1")
            .env("WORKER_MISSED_HEARTBEATS", "2")
            .env("JOB_RECONCILE_GRACE_SECONDS", "1")
            .env("WORKER_FAULT_INJECTION", "true")
            .env("SCHEDULE_WARM_CACHE", "off")
            .env("SCHEDULE_HOUSEKEEPING", "off")
            .env("SCHEDULE_VERIFY_LOADS", "off")
            .env("SCHEDULE_BACKUP", "off")
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(output.try_clone().unwrap())
            .stderr(output);
        for (name, value) in env {
            command.env(name, value);
        }
        let child = command.spawn().expect("the worker binary starts");
        WorkerProcess {
            child,
            log,
            _dir: dir,
        }
    }

    /// The lease owner name the process uses.
    pub fn owner_suffix(&self) -> String {
        format!("-{}", self.child.id())
    }

    /// What the process logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL: the process dies at once, mid-job.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// SIGTERM: the process drains and stops.
    pub fn terminate(&self) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// The exit status once the process ended, waiting up to `within`.
    pub async fn exited(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }
}

impl Drop for WorkerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("--- worker log ---\n{}", self.log());
        }
    }
}

/// Whether a session of the test's database waits for a lock while running a statement
/// whose text is `LIKE pattern`.
pub async fn waits_for_a_lock(pool: &PgPool, pattern: &str) -> bool {
    sqlx::query_scalar(
        "SELECT count(*) > 0 FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND query LIKE $1",
    )
    .bind(pattern)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Waits up to `within` for job `id` to end, and checks that it succeeded on its second
/// attempt (its first worker was killed), showing `worker`'s log when it did not.
pub async fn succeeds_on_second_attempt(
    pool: &PgPool,
    id: i64,
    within: Duration,
    worker: &WorkerProcess,
) -> Job {
    let done = wait_for(pool, id, within, |job| job.state.is_finished()).await;
    assert_eq!(
        (done.state, done.attempts),
        (wt_domain::jobs::JobState::Succeeded, 2),
        "{done:?}\n{}",
        worker.log()
    );
    done
}
