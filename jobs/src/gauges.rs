//! The job system's gauges, read from the ledger when metrics are scraped: jobs queued
//! and running per queue (every queue, zeros included, so a drained queue reads 0), and
//! the process's database pool.

use sqlx::PgPool;
use wt_domain::jobs::{JobState, Queue};
use wt_store::jobs;

/// Updates the gauges; a ledger that cannot be read leaves the last values and says so.
pub async fn refresh(pool: &PgPool) {
    wt_runtime::metrics::record_pool(pool);
    let depths = match jobs::listing::depths(pool).await {
        Ok(depths) => depths,
        Err(error) => {
            tracing::warn!(%error, "could not read queue depths for the metrics");
            return;
        }
    };
    for queue in Queue::ALL {
        for state in [JobState::Queued, JobState::Running] {
            let count = depths
                .iter()
                .find(|depth| depth.queue == queue && depth.state == state)
                .map_or(0, |depth| depth.count);
            metrics::gauge!("wt_jobs", "queue" => queue.as_str(), "state" => state.as_str())
                .set(count as f64);
        }
    }
}
