//! `warm_cache`: starts a new cache generation. Every cached aggregate key carries the
//! generation, so bumping it retires all cached answers at once; the job then records
//! when the cache was last rebuilt. Queued at start-up, on demand and on its schedule.

use redis::AsyncCommands;
use serde_json::{Value, json};

use crate::context::{JobContext, JobFailure};

/// The Redis key holding the current cache generation.
pub fn generation_key(namespace: &str) -> String {
    format!("{namespace}:cache:generation")
}

fn redis_down(error: redis::RedisError) -> JobFailure {
    JobFailure::transient("redis_unavailable", error.to_string())
}

pub async fn run(context: &mut JobContext<'_>) -> Result<Value, JobFailure> {
    context
        .progress("Starting", 10, "Starting a new cache generation")
        .await?;
    let mut redis = context.state.redis.clone();
    let namespace = &context.state.dispatcher.queues.namespace;
    let generation: i64 = redis
        .incr(generation_key(namespace), 1)
        .await
        .map_err(redis_down)?;
    let warmed_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let _: () = redis
        .set(format!("{namespace}:cache:warmed_at"), &warmed_at)
        .await
        .map_err(redis_down)?;
    Ok(json!({ "generation": generation, "warmedAt": warmed_at }))
}
