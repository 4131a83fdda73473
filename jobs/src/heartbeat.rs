//! Worker liveness for the health check: each worker process records "alive at T" in one
//! Redis sorted set; the api counts members seen within the missed-heartbeat window.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::AsyncCommands;
use redis::aio::ConnectionManager;

/// Entries older than this are pruned: a worker gone for a day is history.
const FORGET_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

fn key(namespace: &str) -> String {
    format!("{namespace}:workers:heartbeats")
}

fn now_secs() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or_default()
}

/// Records that `worker` is alive now.
pub async fn publish(
    conn: &mut ConnectionManager,
    namespace: &str,
    worker: &str,
) -> redis::RedisResult<()> {
    let now = now_secs();
    let key = key(namespace);
    let _: () = conn.zadd(&key, worker, now).await?;
    let _: () = conn
        .zrembyscore(&key, 0.0, now - FORGET_AFTER.as_secs_f64())
        .await?;
    Ok(())
}

/// Removes `worker` on a clean shutdown, so health turns red at once, not after timeout.
pub async fn withdraw(
    conn: &mut ConnectionManager,
    namespace: &str,
    worker: &str,
) -> redis::RedisResult<()> {
    conn.zrem(key(namespace), worker).await
}

/// How many workers sent a heartbeat within `window`.
pub async fn alive(
    conn: &mut ConnectionManager,
    namespace: &str,
    window: Duration,
) -> redis::RedisResult<u64> {
    let since = now_secs() - window.as_secs_f64();
    conn.zcount(key(namespace), since, "+inf").await
}
