//! The cache warm-up stops once a write retires what it computes: the views it has
//! left would be stored under a version nobody reads any more.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use sqlx::PgPool;
use wt_domain::jobs::JobState;
use wt_jobs::payloads::{JobPayload, WarmCache};

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_warm_up_stops_when_writes_land_while_it_works(pool: PgPool) {
    let state = state(pool).await;
    // Writes land all the time, as under a burst of edits.
    let writing = Arc::new(AtomicBool::new(true));
    let writer = tokio::spawn({
        let (aggregates, writing) = (state.aggregates.clone(), writing.clone());
        async move {
            while writing.load(Ordering::SeqCst) {
                aggregates.invalidate().await;
                tokio::task::yield_now().await;
            }
        }
    });
    let worker = RunningWorker::start(&state);
    let job = enqueue(&state, &WarmCache::default().new_job(None).unwrap()).await;
    let done = wait_until_finished(&state.pool, job.id).await;
    writing.store(false, Ordering::SeqCst);
    writer.await.unwrap();

    assert_eq!(done.state, JobState::Succeeded, "{done:?}");
    let result = done.result.unwrap();
    assert!(result["warmed"].as_u64().unwrap() < 3, "{result}");
    assert!(result["stopped"].is_string(), "{result}");
    worker.stop().await;
    flush_namespace(&state.dispatcher.queues.namespace).await;
}
