//! The worker process's heartbeat, every heartbeat interval while it runs: it tells the
//! api's health check the worker is alive (Redis), renews the lease of every job running
//! here (PostgreSQL), and learns which of them were asked to stop or were lost. When the
//! ledger cannot be reached for a whole lease, the jobs here stop: another worker may
//! have taken them by then.

use std::collections::HashMap;
use std::future::Future;
use std::time::{Duration, Instant};

use wt_jobs::heartbeat;
use wt_store::jobs::lifecycle;

use crate::control::StopReason;
use crate::state::WorkerState;

/// Beats every `interval` until `stop` resolves, then withdraws the heartbeat.
pub async fn keep_alive(state: WorkerState, interval: Duration, stop: impl Future<Output = ()>) {
    let mut redis = state.redis.clone();
    let namespace = state.dispatcher.queues.namespace.clone();
    let mut ticks = tokio::time::interval(interval);
    let mut renewed = Instant::now();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = ticks.tick() => {
                if let Err(error) = heartbeat::publish(&mut redis, &namespace, &state.owner).await {
                    tracing::warn!(%error, "could not publish the worker heartbeat");
                }
                if renew(&state).await {
                    renewed = Instant::now();
                } else if renewed.elapsed() >= state.lease {
                    tracing::error!("leases could not be renewed for a whole lease; stopping the jobs here");
                    state.running.stop_all(StopReason::LeaseLost);
                }
            }
            () = &mut stop => break,
        }
    }
    if let Err(error) = heartbeat::withdraw(&mut redis, &namespace, &state.owner).await {
        tracing::warn!(%error, "could not withdraw the worker heartbeat");
    }
}

/// Renews the leases of the jobs running here and passes on stop requests; false when
/// the ledger could not be reached.
async fn renew(state: &WorkerState) -> bool {
    // Only jobs registered before the renewal can be judged by it: a job claimed while it
    // runs is not lost just because the renewal did not see it.
    let known = state.running.ids();
    let held = match lifecycle::renew_leases(&state.pool, &state.owner, state.lease).await {
        Ok(held) => held,
        Err(error) => {
            tracing::warn!(%error, "could not renew job leases");
            return false;
        }
    };
    let held: HashMap<i64, bool> = held
        .into_iter()
        .map(|job| (job.id, job.cancel_requested))
        .collect();
    for id in known {
        let Some(control) = state.running.control(id) else {
            continue;
        };
        match held.get(&id) {
            Some(true) => control.stop(StopReason::Cancelled),
            Some(false) => {}
            None => control.stop(StopReason::LeaseLost),
        }
    }
    true
}
