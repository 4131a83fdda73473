//! Assembles a worker process: one apalis worker per queue it serves, with that queue's
//! concurrency (each named uniquely, as apalis-redis needs to recover a dead worker's
//! deliveries), woken by push announcements and polling; the heartbeat that renews the
//! leases; and the scheduler role when asked. On the shutdown signal it drains: nothing
//! new is claimed, running jobs get until the drain deadline to finish, then are released
//! to another worker, and the process ends.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use apalis::prelude::{BackendExt, BoxDynError, Data, Monitor, WorkerBuilder, WorkerBuilderExt};
use tokio::sync::watch;
use wt_domain::jobs::Queue;
use wt_jobs::JobMessage;

use crate::control::StopReason;
use crate::executor::execute;
use crate::liveness::keep_alive;
use crate::scheduler::{self, SchedulerOptions};
use crate::state::WorkerState;
use crate::wake::Wakeups;

/// How often an idle queue is asked for work when no announcement came: it also picks
/// up delayed jobs that fell due.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// After the drain deadline, released jobs get this long to hand themselves back before
/// the process stops waiting for them.
const RELEASE_GRACE: Duration = Duration::from_secs(10);

/// How one worker process runs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The queues this process serves, each with how many of its jobs run at once.
    pub queues: Vec<(Queue, usize)>,
    pub heartbeat_interval: Duration,
    /// The scheduler role, when this process holds it.
    pub scheduler: Option<SchedulerOptions>,
    /// How long running jobs may finish after the shutdown signal.
    pub drain_timeout: Duration,
}

impl RunOptions {
    /// Every queue with `concurrency`, no scheduler role, a drain of `drain_timeout`.
    pub fn every_queue(
        concurrency: usize,
        heartbeat_interval: Duration,
        drain_timeout: Duration,
    ) -> Self {
        RunOptions {
            queues: Queue::ALL.map(|queue| (queue, concurrency)).to_vec(),
            heartbeat_interval,
            scheduler: None,
            drain_timeout,
        }
    }
}

/// The apalis handler shared by every queue: hand the delivery to the executor. An error
/// (the database unreachable for the claim) lets apalis deliver it again later.
async fn handle(
    message: JobMessage,
    state: Data<WorkerState>,
    queue: Data<Queue>,
) -> Result<(), BoxDynError> {
    execute(&state, *queue, message).await?;
    Ok(())
}

/// Runs the worker process until `shutdown` resolves and the drain is over.
pub async fn run(
    state: WorkerState,
    options: RunOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let (stop_tx, stop_rx) = watch::channel(false);
    let stopped = move || {
        let mut rx = stop_rx.clone();
        async move {
            let _ = rx.wait_for(|stop| *stop).await;
        }
    };
    let wakeups = Arc::new(Wakeups::default());
    let served: Vec<Queue> = options.queues.iter().map(|(queue, _)| *queue).collect();
    let mut background = vec![
        tokio::spawn(keep_alive(
            state.clone(),
            options.heartbeat_interval,
            stopped(),
        )),
        tokio::spawn(
            wakeups
                .clone()
                .listen(state.dispatcher.clone(), served, stopped()),
        ),
    ];
    if let Some(scheduler) = options.scheduler.clone() {
        background.push(tokio::spawn(scheduler::run(
            state.clone(),
            scheduler,
            stopped(),
        )));
    }

    let mut monitor = Monitor::new()
        .should_restart(|worker, error| {
            tracing::warn!(worker = worker.name(), %error, "queue worker stopped; restarting");
            true
        })
        .shutdown_timeout(options.drain_timeout + RELEASE_GRACE);
    for (queue, concurrency) in &options.queues {
        monitor = register(monitor, &state, &wakeups, *queue, *concurrency);
    }
    let drain = drain_on(state.clone(), shutdown, options.drain_timeout);
    let outcome = monitor.run_with_signal(drain).await;
    let _ = stop_tx.send(true);
    for task in background {
        let _ = task.await;
    }
    tracing::info!("worker stopped");
    outcome.map_err(|e| anyhow::anyhow!("worker monitor failed: {e}"))
}

/// Resolves when `shutdown` does, after starting the drain: nothing new is claimed, and
/// the jobs still running at the deadline are asked to hand themselves back.
async fn drain_on(
    state: WorkerState,
    shutdown: impl Future<Output = ()>,
    timeout: Duration,
) -> std::io::Result<()> {
    shutdown.await;
    state.start_draining();
    tracing::info!(
        running = state.running.count(),
        deadline_secs = timeout.as_secs(),
        "draining: no new jobs; running jobs may finish until the deadline"
    );
    tokio::spawn(async move {
        tokio::time::sleep(timeout).await;
        let running = state.running.count();
        if running > 0 {
            tracing::warn!(running, "drain deadline reached; releasing running jobs");
            state.running.stop_all(StopReason::Draining);
        }
    });
    Ok(())
}

fn register(
    monitor: Monitor,
    state: &WorkerState,
    wakeups: &Arc<Wakeups>,
    queue: Queue,
    concurrency: usize,
) -> Monitor {
    let state = state.clone();
    let wakeups = wakeups.clone();
    let prefix = format!("{}-{}", state.owner, queue.as_str());
    monitor.register(move |restarts| {
        let storage = state.dispatcher.queues.storage(state.redis.clone(), queue);
        let wake = wakeups.subscribe(queue, POLL_INTERVAL);
        WorkerBuilder::new(format!("{prefix}-{restarts}").as_str())
            .backend(storage.poll_with_stream(wake))
            .data(state.clone())
            .data(queue)
            .concurrency(concurrency)
            .catch_panic()
            .build(handle)
    })
}
