//! `warm_cache`: starts a new cache generation. Every cached aggregate key carries the
//! generation, so bumping it retires all cached answers at once; the job then records
//! when the cache was last rebuilt. Queued at start-up and on demand.

use redis::AsyncCommands;
use serde_json::{Value, json};
use sqlx::PgConnection;
use wt_store::jobs::{self, Job};

use crate::executor::JobFailure;
use crate::state::WorkerState;

/// The Redis key holding the current cache generation.
pub fn generation_key(namespace: &str) -> String {
    format!("{namespace}:cache:generation")
}

pub async fn run(
    state: &WorkerState,
    owner: &str,
    job: &Job,
    _tx: &mut PgConnection,
) -> Result<Value, JobFailure> {
    jobs::report_progress(
        &state.pool,
        job.id,
        owner,
        10,
        "Starting a new cache generation",
    )
    .await?;
    let mut redis = state.redis.clone();
    let namespace = &state.queues.namespace;
    let generation: i64 = redis
        .incr(generation_key(namespace), 1)
        .await
        .map_err(|e| JobFailure::transient("redis_unavailable", e.to_string()))?;
    let warmed_at = unix_seconds();
    let _: () = redis
        .set(format!("{namespace}:cache:warmed_at"), &warmed_at)
        .await
        .map_err(|e| JobFailure::transient("redis_unavailable", e.to_string()))?;
    Ok(json!({ "generation": generation, "warmedAt": warmed_at }))
}

fn unix_seconds() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    now.as_secs().to_string()
}
