//! The scheduler role: periodic work that keeps the job system whole. Today that is the
//! reconciler, which re-pushes ledger rows Redis lost. Running it in several processes is
//! harmless: a re-push of a job still waiting in Redis is absorbed by its idempotency key,
//! and a duplicate delivery by the ledger claim.

use std::future::Future;
use std::time::Duration;

use wt_jobs::ledger;

use crate::state::WorkerState;

/// How often the reconciler looks: a quarter of the grace period, within 1-30 seconds.
pub fn reconcile_every(grace: Duration) -> Duration {
    (grace / 4).clamp(Duration::from_secs(1), Duration::from_secs(30))
}

/// Reconciles every [`reconcile_every`]`(grace)` until `stop` resolves.
pub async fn run(state: WorkerState, grace: Duration, stop: impl Future<Output = ()>) {
    let mut ticks = tokio::time::interval(reconcile_every(grace));
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = ticks.tick() => {
                let pass = ledger::reconcile(&state.pool, state.redis.clone(), &state.queues, grace);
                if let Err(error) = pass.await {
                    tracing::warn!(%error, "reconcile pass failed");
                }
            }
            () = &mut stop => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconcile_interval_is_bounded() {
        assert_eq!(
            reconcile_every(Duration::from_secs(60)),
            Duration::from_secs(15)
        );
        assert_eq!(
            reconcile_every(Duration::from_secs(1)),
            Duration::from_secs(1)
        );
        assert_eq!(
            reconcile_every(Duration::from_secs(3600)),
            Duration::from_secs(30)
        );
    }
}
