//! Sign-in throttling, shared by every api process through Redis: failed sign-ins are
//! counted per client IP and per username in fixed windows; past the limit the caller gets
//! 429 with `Retry-After` until the window ends. A success clears the username's count.
//! If Redis is away the check lets the attempt through (and says so in the log): password
//! hashing still makes guessing slow, and sign-in must not depend on the cache.

use std::net::IpAddr;
use std::time::Duration;

use redis::AsyncCommands;
use sha2::{Digest, Sha256};

use crate::state::AppState;

/// The window failures are counted in.
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failed attempts allowed per username per window.
const PER_USERNAME: u64 = 10;
/// Failed attempts allowed per client address per window (an office shares one).
const PER_IP: u64 = 50;

fn keys(state: &AppState, ip: Option<IpAddr>, username: &str) -> [(String, u64); 2] {
    let namespace = state.namespace();
    // Hashing keeps arbitrary user input out of key names, and caps their length.
    let user_digest = Sha256::digest(username.trim().to_lowercase().as_bytes());
    let user_key = format!(
        "{namespace}:throttle:signin:user:{}",
        hex_prefix(&user_digest)
    );
    let ip_key = format!(
        "{namespace}:throttle:signin:ip:{}",
        ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    );
    [(user_key, PER_USERNAME), (ip_key, PER_IP)]
}

fn hex_prefix(bytes: &[u8]) -> String {
    bytes.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// `Err(wait)` when this username or address has used up its attempts.
pub async fn check(state: &AppState, ip: Option<IpAddr>, username: &str) -> Result<(), Duration> {
    let Some(mut redis) = state.redis_or_none().await else {
        return Ok(());
    };
    for (key, limit) in keys(state, ip, username) {
        let count: Option<u64> = redis.get(&key).await.unwrap_or(None);
        if count.unwrap_or(0) >= limit {
            let ttl: i64 = redis.ttl(&key).await.unwrap_or(1);
            return Err(Duration::from_secs(ttl.max(1).unsigned_abs()));
        }
    }
    Ok(())
}

/// Counts a failed attempt against the username and the address.
pub async fn record_failure(state: &AppState, ip: Option<IpAddr>, username: &str) {
    let Some(mut redis) = state.redis_or_none().await else {
        return;
    };
    for (key, _) in keys(state, ip, username) {
        let counted: redis::RedisResult<()> = redis::pipe()
            .atomic()
            .incr(&key, 1)
            .expire(&key, WINDOW.as_secs() as i64)
            .arg("NX")
            .query_async(&mut redis)
            .await;
        if let Err(error) = counted {
            tracing::warn!(%error, "could not count a failed sign-in");
        }
    }
}

/// Forgets the username's failures after a successful sign-in.
pub async fn clear(state: &AppState, ip: Option<IpAddr>, username: &str) {
    if let Some(mut redis) = state.redis_or_none().await {
        let [(user_key, _), _] = keys(state, ip, username);
        let _: redis::RedisResult<()> = redis.del(user_key).await;
    }
}
