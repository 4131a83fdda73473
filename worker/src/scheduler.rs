//! The scheduler role: periodic work that keeps the job system whole. The reconciler
//! re-pushes ledger rows Redis lost; the daily vacuum removes finished queue entries,
//! which apalis-redis otherwise keeps forever. Running the role in several processes is
//! harmless: a re-push of a job still waiting in Redis is absorbed by its idempotency key,
//! a duplicate delivery by the ledger claim, and a second vacuum finds nothing to do.

use std::future::Future;
use std::time::Duration;

use apalis_core::backend::Vacuum;
use wt_domain::jobs::JobKind;
use wt_jobs::ledger;

use crate::state::WorkerState;

/// How often the reconciler looks: a quarter of the grace period, within 1-30 seconds.
pub fn reconcile_every(grace: Duration) -> Duration {
    (grace / 4).clamp(Duration::from_secs(1), Duration::from_secs(30))
}

/// How often finished queue entries are vacuumed, and how long they are kept: the ledger
/// in PostgreSQL is the record, Redis needs them only briefly.
const VACUUM_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// Reconciles every [`reconcile_every`]`(grace)` and vacuums daily until `stop` resolves.
pub async fn run(state: WorkerState, grace: Duration, stop: impl Future<Output = ()>) {
    let mut reconcile_ticks = tokio::time::interval(reconcile_every(grace));
    let mut vacuum_ticks = tokio::time::interval(VACUUM_EVERY);
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = reconcile_ticks.tick() => {
                let pass = ledger::reconcile(&state.pool, state.redis.clone(), &state.queues, grace);
                if let Err(error) = pass.await {
                    tracing::warn!(%error, "reconcile pass failed");
                }
            }
            _ = vacuum_ticks.tick() => {
                vacuum_finished(&state, VACUUM_EVERY).await;
            }
            () = &mut stop => break,
        }
    }
}

/// Removes every queue's entries that finished more than `older_than` ago; returns how
/// many went.
pub async fn vacuum_finished(state: &WorkerState, older_than: Duration) -> usize {
    let mut removed = 0;
    for kind in JobKind::ALL {
        let mut storage = state.queues.storage(state.redis.clone(), kind);
        match storage.vacuum_before(older_than).await {
            Ok(count) => removed += count,
            Err(error) => tracing::warn!(%error, queue = %kind, "vacuum failed"),
        }
    }
    if removed > 0 {
        tracing::info!(removed, "vacuumed finished queue entries");
    }
    removed
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
