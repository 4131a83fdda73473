//! The real `wt-worker` binary: killed mid-job (another worker finishes the job exactly
//! once), aborted by a poison job until the job fails (the worker, restarted as a
//! supervisor would, keeps serving), limited to its queues, drained by SIGTERM, serving
//! its metrics, and refusing unsafe settings.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use chrono::Utc;
use sqlx::PgPool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wt_domain::jobs::{JobState, Queue};
use wt_jobs::payloads::{JobPayload, Probe};

use crate::support::*;

fn probe_on(queue: Queue, steps: u16, millis: u32) -> wt_store::jobs::NewJob {
    Probe::new(steps, millis, queue).new_job(None).unwrap()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_killed_workers_job_is_finished_by_another_exactly_once(pool: PgPool) {
    let state = state(pool.clone()).await;
    let namespace = state.dispatcher.queues.namespace.clone();
    let mut first = WorkerProcess::start(&pool, &namespace, &[], &[]);
    let job = probe(&state, 10, 500).await;
    let running = wait_for(&pool, job.id, Duration::from_secs(20), |job| {
        job.state == JobState::Running && job.progress > 0
    })
    .await;
    assert_eq!(running.attempts, 1);
    let second = WorkerProcess::start(&pool, &namespace, &[], &[]);
    tokio::time::sleep(Duration::from_secs(1)).await;

    first.kill();
    let killed_at = Utc::now();
    let done = wait_until_finished(&pool, job.id).await;
    assert_eq!(
        (done.state, done.attempts),
        (JobState::Succeeded, 2),
        "{done:?}"
    );
    assert_eq!(
        probe_effects(&pool, job.id).await,
        1,
        "the effect committed once"
    );
    let worker = done.result.as_ref().unwrap()["worker"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(worker.ends_with(&second.owner_suffix()), "{worker}");
    // The lease is 2 s (1 s heartbeat x 2) and the reconciler passes every second.
    let taken_over = (done.started_at.unwrap() - killed_at).to_std().unwrap();
    assert!(
        taken_over <= Duration::from_secs(6),
        "taken over after {taken_over:?}"
    );
    flush_namespace(&namespace).await;
}

/// Restarts the worker binary whenever it exits, as a process supervisor would.
struct Supervisor {
    stop: Arc<AtomicBool>,
    starts: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Supervisor {
    fn start(pool: &PgPool, namespace: &str) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let starts = Arc::new(AtomicUsize::new(0));
        let (pool, namespace) = (pool.clone(), namespace.to_owned());
        let (stopping, counting) = (stop.clone(), starts.clone());
        let task = tokio::spawn(async move {
            while !stopping.load(Ordering::Acquire) {
                let mut worker = WorkerProcess::start(&pool, &namespace, &[], &[]);
                counting.fetch_add(1, Ordering::AcqRel);
                while !stopping.load(Ordering::Acquire) {
                    if worker.exited(Duration::from_millis(200)).await.is_some() {
                        break;
                    }
                }
            }
        });
        Supervisor { stop, starts, task }
    }

    async fn stop(self) -> usize {
        self.stop.store(true, Ordering::Release);
        self.task.await.unwrap();
        self.starts.load(Ordering::Acquire)
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_poison_job_fails_after_its_attempts_and_the_worker_keeps_serving(pool: PgPool) {
    let state = state(pool.clone()).await;
    let namespace = state.dispatcher.queues.namespace.clone();
    let supervisor = Supervisor::start(&pool, &namespace);
    let poison = Probe {
        crash: true,
        ..Probe::new(2, 100, Queue::Imports)
    };
    let poison = enqueue(&state, &poison.new_job(None).unwrap()).await;
    let innocent = enqueue(&state, &probe_on(Queue::Mail, 0, 0)).await;

    let failed = wait_for(&pool, poison.id, Duration::from_secs(90), |job| {
        job.state.is_finished()
    })
    .await;
    assert_eq!(
        (failed.state, failed.attempts),
        (JobState::Failed, 3),
        "{failed:?}"
    );
    assert_eq!(failed.error.unwrap().code, "worker_lost");
    assert_eq!(
        wait_until_finished(&pool, innocent.id).await.state,
        JobState::Succeeded
    );
    let after = enqueue(&state, &probe_on(Queue::Imports, 0, 0)).await;
    assert_eq!(
        wait_until_finished(&pool, after.id).await.state,
        JobState::Succeeded
    );
    let starts = supervisor.stop().await;
    assert!(
        starts >= 4,
        "three crashes, then a worker that lives: {starts} starts"
    );
    flush_namespace(&namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_worker_takes_only_its_queues(pool: PgPool) {
    let state = state(pool.clone()).await;
    let namespace = state.dispatcher.queues.namespace.clone();
    let _worker = WorkerProcess::start(&pool, &namespace, &[], &["--queues", "imports,backups"]);
    let import = enqueue(&state, &probe_on(Queue::Imports, 0, 0)).await;
    let backup = enqueue(&state, &probe_on(Queue::Backups, 0, 0)).await;
    let mail = enqueue(&state, &probe_on(Queue::Mail, 0, 0)).await;

    assert_eq!(
        wait_until_finished(&pool, import.id).await.state,
        JobState::Succeeded
    );
    assert_eq!(
        wait_until_finished(&pool, backup.id).await.state,
        JobState::Succeeded
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let untouched = wt_store::jobs::find(&pool, mail.id).await.unwrap().unwrap();
    assert_eq!((untouched.state, untouched.attempts), (JobState::Queued, 0));
    flush_namespace(&namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn sigterm_drains_then_releases_what_is_still_running(pool: PgPool) {
    let state = state(pool.clone()).await;
    let namespace = state.dispatcher.queues.namespace.clone();
    let drain = [("WORKER_DRAIN_SECONDS", "3")];
    let mut worker = WorkerProcess::start(&pool, &namespace, &drain, &[]);
    let short = probe(&state, 1, 1500).await;
    let long = probe(&state, 40, 500).await;
    for id in [short.id, long.id] {
        wait_for(&pool, id, Duration::from_secs(20), |job| {
            job.state == JobState::Running
        })
        .await;
    }

    worker.terminate();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let late = probe(&state, 0, 0).await;
    let status = worker.exited(Duration::from_secs(20)).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "exit: {status:?}\n{}",
        worker.log()
    );
    assert!(worker.log().contains("draining"), "{}", worker.log());

    let find = |id| wt_store::jobs::find(&pool, id);
    assert_eq!(
        find(short.id).await.unwrap().unwrap().state,
        JobState::Succeeded
    );
    let released = find(long.id).await.unwrap().unwrap();
    assert_eq!(
        (released.state, released.attempts),
        (JobState::Queued, 1),
        "{released:?}"
    );
    assert_eq!(
        released.max_attempts, 4,
        "a released attempt does not count"
    );
    assert!(released.error.is_none());
    assert_eq!(
        find(late.id).await.unwrap().unwrap().attempts,
        0,
        "nothing new was claimed"
    );

    let _next = WorkerProcess::start(&pool, &namespace, &[], &[]);
    let done = wait_for(&pool, long.id, Duration::from_secs(60), |job| {
        job.state.is_finished()
    })
    .await;
    assert_eq!((done.state, done.attempts), (JobState::Succeeded, 2));
    assert_eq!(probe_effects(&pool, long.id).await, 1);
    assert_eq!(
        wait_until_finished(&pool, late.id).await.state,
        JobState::Succeeded
    );
    flush_namespace(&namespace).await;
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn get_metrics(port: u16) -> String {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_worker_serves_its_metrics(pool: PgPool) {
    let state = state(pool.clone()).await;
    let namespace = state.dispatcher.queues.namespace.clone();
    let port = free_port();
    let address = format!("127.0.0.1:{port}");
    let _worker = WorkerProcess::start(&pool, &namespace, &[("METRICS_ADDR", &address)], &[]);
    let job = probe(&state, 0, 0).await;
    assert_eq!(
        wait_until_finished(&pool, job.id).await.state,
        JobState::Succeeded
    );

    let answer = get_metrics(port).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("text/plain; version=0.0.4"), "{answer}");
    let counted = "wt_jobs_finished_total{kind=\"probe\",outcome=\"succeeded\"} 1";
    assert!(answer.contains(counted), "{answer}");
    assert!(
        answer.contains("wt_jobs{queue=\"imports\",state=\"queued\"} 0"),
        "{answer}"
    );
    assert!(answer.contains("wt_db_pool_connections"), "{answer}");
    flush_namespace(&namespace).await;
}

#[test]
fn the_worker_refuses_unsafe_settings() {
    let refused = |vars: &[(&str, &str)], named: &str| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_wt-worker"));
        for (name, value) in vars {
            command.env(name, value);
        }
        let output = command.output().expect("the worker binary runs");
        assert_eq!(output.status.code(), Some(2), "{named}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(named), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
    };
    let production = [
        ("DEBUG", "false"),
        ("ALLOWED_HOSTS", "plan.example.com"),
        ("COOKIE_REFRESH_AUTH", "true"),
    ];
    let mut short_secret = production.to_vec();
    short_secret.push(("SECRET_KEY", "too-short"));
    refused(&short_secret, "SECRET_KEY");
    let mut faults = production.to_vec();
    faults.push((
        "SECRET_KEY",
        "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a59687",
    ));
    faults.push(("WORKER_FAULT_INJECTION", "true"));
    refused(&faults, "WORKER_FAULT_INJECTION");
    refused(
        &[("DEBUG", "true"), ("WORKER_QUEUES", "imports,nope")],
        "WORKER_QUEUES",
    );
    refused(
        &[
            ("DEBUG", "true"),
            ("WORKER_HEARTBEAT_SECONDS", "10"),
            ("JOB_LEASE_SECONDS", "5"),
        ],
        "JOB_LEASE_SECONDS",
    );
}
