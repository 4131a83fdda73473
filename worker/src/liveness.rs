//! The worker process's heartbeat for the api's health check: published every heartbeat
//! interval while the process runs, withdrawn on a clean shutdown.

use std::future::Future;
use std::time::Duration;

use redis::aio::ConnectionManager;
use wt_jobs::heartbeat;

/// Publishes `name`'s heartbeat every `interval` until `stop` resolves, then withdraws it.
pub async fn keep_alive(
    mut redis: ConnectionManager,
    namespace: String,
    name: String,
    interval: Duration,
    stop: impl Future<Output = ()>,
) {
    let mut ticks = tokio::time::interval(interval);
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = ticks.tick() => {
                if let Err(error) = heartbeat::publish(&mut redis, &namespace, &name).await {
                    tracing::warn!(%error, "could not publish the worker heartbeat");
                }
            }
            () = &mut stop => break,
        }
    }
    if let Err(error) = heartbeat::withdraw(&mut redis, &namespace, &name).await {
        tracing::warn!(%error, "could not withdraw the worker heartbeat");
    }
}
