//! Keeping Redis in step with the ledger: one pass takes back the jobs of workers that
//! stopped renewing their leases and pushes every queued job Redis may have lost, with
//! the wait its backoff still asks for. Safe to run in several processes at once: the
//! pass skips rows another pass holds, and a re-push of a job still waiting in Redis is
//! absorbed by its idempotency key.

use std::time::Duration;

use sqlx::PgPool;
use wt_store::StoreError;
use wt_store::jobs::upkeep;

use crate::dispatch::Dispatcher;
use crate::queues::{Push, PushKey};

/// Most rows of each sort one pass handles; the next pass takes the rest.
const BATCH: i64 = 1000;

/// One pass; returns how many jobs it pushed.
pub async fn reconcile(
    pool: &PgPool,
    dispatcher: &Dispatcher,
    grace: Duration,
) -> Result<usize, StoreError> {
    let redeliveries = upkeep::reconcile(pool, grace, BATCH).await?;
    let pushes: Vec<Push> = redeliveries
        .iter()
        .map(|job| Push {
            job_id: job.id,
            queue: job.queue,
            attempts: job.attempts,
            key: PushKey::Attempt,
            delay: job.delay,
        })
        .collect();
    dispatcher.push(&pushes).await;
    if !pushes.is_empty() {
        tracing::info!(pushed = pushes.len(), "reconciler pushed jobs again");
    }
    Ok(pushes.len())
}
