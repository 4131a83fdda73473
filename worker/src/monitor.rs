//! Assembles a worker process: one apalis worker per job kind (each with a name unique to
//! this process, as apalis-redis needs to recover a dead worker's jobs), the heartbeat,
//! and the scheduler role when asked; runs them until the shutdown signal.

use std::future::Future;
use std::time::Duration;

use apalis::prelude::{
    BackendExt, BoxDynError, Data, Monitor, WorkerBuilder, WorkerBuilderExt, WorkerContext,
};
use futures::FutureExt;
use tokio::sync::watch;
use wt_domain::jobs::JobKind;
use wt_jobs::JobMessage;

use crate::executor::execute;
use crate::liveness::keep_alive;
use crate::scheduler;
use crate::state::WorkerState;

/// How often an idle queue is asked for work: apalis-redis otherwise waits for the next
/// heartbeat, which would leave a fresh job untouched for seconds.
const POLL_INTERVAL: Duration = Duration::from_millis(200);

/// How one worker process runs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Unique per process, e.g. `worker-host-1234`; apalis worker names derive from it.
    pub name: String,
    /// Jobs of one kind that run at the same time in this process.
    pub concurrency: usize,
    /// Whether this process also runs the scheduler role (the reconciler).
    pub scheduler: bool,
    pub heartbeat_interval: Duration,
    pub reconcile_grace: Duration,
}

/// The apalis handler shared by every queue: hand the delivery to the executor.
async fn handle(
    message: JobMessage,
    state: Data<WorkerState>,
    worker: WorkerContext,
) -> Result<(), BoxDynError> {
    execute(&state, worker.name(), message).await?;
    Ok(())
}

/// Runs the worker process until `shutdown` resolves, then stops everything cleanly.
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
    let mut background = Vec::new();
    background.push(tokio::spawn(keep_alive(
        state.redis.clone(),
        state.queues.namespace.clone(),
        options.name.clone(),
        options.heartbeat_interval,
        stopped(),
    )));
    if options.scheduler {
        background.push(tokio::spawn(scheduler::run(
            state.clone(),
            options.reconcile_grace,
            stopped(),
        )));
    }

    let mut monitor = Monitor::new().should_restart(|worker, error| {
        tracing::warn!(worker = worker.name(), %error, "queue worker stopped; restarting");
        true
    });
    for kind in JobKind::ALL {
        monitor = register(monitor, &state, &options, kind);
    }
    let signal = shutdown.map(|()| {
        tracing::info!("shutting down");
        Ok(())
    });
    let outcome = monitor.run_with_signal(signal).await;
    let _ = stop_tx.send(true);
    for task in background {
        let _ = task.await;
    }
    outcome.map_err(|e| anyhow::anyhow!("worker monitor failed: {e}"))
}

fn register(monitor: Monitor, state: &WorkerState, options: &RunOptions, kind: JobKind) -> Monitor {
    let state = state.clone();
    let prefix = format!("{}-{}", options.name, kind.as_str());
    let concurrency = options.concurrency;
    monitor.register(move |restarts| {
        WorkerBuilder::new(format!("{prefix}-{restarts}").as_str())
            .backend(
                state
                    .queues
                    .storage(state.redis.clone(), kind)
                    .poll_with_interval(POLL_INTERVAL),
            )
            .data(state.clone())
            .concurrency(concurrency)
            .catch_panic()
            .build(handle)
    })
}
