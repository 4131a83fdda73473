//! The Redis side of the aggregate cache: the version counter, entries stored with their
//! expiry and ETag, and the short lock that lets one process compute a missing key while
//! the others wait for its answer. Every call has a short deadline; a failure opens a
//! breaker for a few seconds, during which callers compute directly instead of waiting
//! on a Redis that is not there.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::aio::ConnectionManager;
use redis::{AsyncCommands, ExistenceCheck, SetExpiry, SetOptions};

use super::Cached;
use crate::RedisConnector;

/// A cache call that takes longer than this is treated as Redis being away.
const CALL_DEADLINE: Duration = Duration::from_millis(250);
/// How long to stop asking Redis after it failed.
const BREAKER_OPEN: Duration = Duration::from_secs(5);
/// How long a process may hold a key's computation before another may take over.
const COMPUTE_LOCK: Duration = Duration::from_secs(10);
/// How often a process waiting for another's computation looks for the answer.
const WAIT_STEP: Duration = Duration::from_millis(20);

/// Deletes the lock only while it still holds our token (a computation slower than the
/// lock must not release the next holder's).
const RELEASE_LOCK: &str = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

pub struct SharedTier {
    redis: RedisConnector,
    prefix: String,
    /// Unix milliseconds until which Redis is not asked (0: closed).
    open_until_ms: AtomicU64,
}

impl SharedTier {
    pub fn new(redis: RedisConnector, namespace: &str) -> Self {
        Self {
            redis,
            prefix: format!("{namespace}:cache"),
            open_until_ms: AtomicU64::new(0),
        }
    }

    /// The Redis key of the version counter (the warm-up job reports it).
    pub fn version_key(namespace: &str) -> String {
        format!("{namespace}:cache:generation")
    }

    /// The current version, or `None` while Redis is failing.
    pub async fn version(&self) -> Option<u64> {
        let key = format!("{}:generation", self.prefix);
        let version: Option<u64> = self.call(|mut c| async move { c.get(&key).await }).await?;
        Some(version.unwrap_or(0))
    }

    /// Moves every reader to a new version.
    pub async fn bump_version(&self) {
        let key = format!("{}:generation", self.prefix);
        let bumped: Option<u64> = self
            .call(|mut c| async move { c.incr(&key, 1).await })
            .await;
        if bumped.is_none() {
            tracing::warn!(
                "aggregate cache: could not bump the version; computing directly while Redis is away"
            );
        }
    }

    /// The entry stored under `versioned`, or the one `compute` makes (stored for `ttl`),
    /// with how long it stays fresh. While another process computes the same key, waits
    /// for its answer rather than computing it twice.
    pub async fn fetch_or_compute<E, F, Fut>(
        &self,
        versioned: &str,
        ttl: Duration,
        compute: F,
    ) -> Result<(Cached, Duration), E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Vec<u8>, E>>,
    {
        let key = format!("{}:{versioned}", self.prefix);
        match self.load(&key).await {
            Lookup::Found(found) => return Ok(found),
            Lookup::Failed => return Ok((Cached::new(compute().await?), Duration::ZERO)),
            Lookup::Missing => {}
        }
        let lock = format!("{key}:lock");
        // Tells this computation's lock from the next holder's.
        let token = format!("{:032x}", rand::random::<u128>());
        if self.acquire(&lock, &token).await == Some(false)
            && let Some(found) = self.wait_for(&key).await
        {
            return Ok(found);
        }
        let cached = Cached::new(compute().await?);
        self.store(versioned, &cached, ttl).await;
        self.release(&lock, &token).await;
        Ok((cached, ttl))
    }

    /// Stores `cached` under `versioned` for `ttl`.
    pub async fn store(&self, versioned: &str, cached: &Cached, ttl: Duration) {
        let key = format!("{}:{versioned}", self.prefix);
        let expires_at = now_ms() + ttl.as_millis() as u64;
        let value = envelope::encode(cached, expires_at);
        let options = SetOptions::default().with_expiration(SetExpiry::PX(ttl.as_millis() as u64));
        let _: Option<()> = self
            .call(|mut c| async move { c.set_options(&key, value, options).await })
            .await;
    }

    async fn load(&self, key: &str) -> Lookup {
        let value: Option<Option<Vec<u8>>> =
            self.call(|mut c| async move { c.get(key).await }).await;
        match value {
            None => Lookup::Failed,
            Some(None) => Lookup::Missing,
            Some(Some(bytes)) => match envelope::decode(&bytes) {
                Some((cached, expires_at)) => Lookup::Found((
                    cached,
                    Duration::from_millis(expires_at.saturating_sub(now_ms())),
                )),
                None => Lookup::Missing,
            },
        }
    }

    /// `Some(true)` when this process now computes the key, `Some(false)` when another
    /// does, `None` when Redis could not say.
    async fn acquire(&self, lock: &str, token: &str) -> Option<bool> {
        let options = SetOptions::default()
            .conditional_set(ExistenceCheck::NX)
            .with_expiration(SetExpiry::PX(COMPUTE_LOCK.as_millis() as u64));
        let set: Option<Option<String>> = self
            .call(|mut c| async move { c.set_options(lock, token, options).await })
            .await;
        set.map(|reply| reply.is_some())
    }

    async fn release(&self, lock: &str, token: &str) {
        let script = redis::Script::new(RELEASE_LOCK);
        let _: Option<i64> = self
            .call(|mut c| async move { script.key(lock).arg(token).invoke_async(&mut c).await })
            .await;
    }

    /// Waits (up to the lock's lifetime) for another process's answer to appear.
    async fn wait_for(&self, key: &str) -> Option<(Cached, Duration)> {
        let deadline = tokio::time::Instant::now() + COMPUTE_LOCK;
        while tokio::time::Instant::now() < deadline {
            tokio::time::sleep(WAIT_STEP).await;
            match self.load(key).await {
                Lookup::Found(found) => return Some(found),
                Lookup::Failed => return None,
                Lookup::Missing => {}
            }
        }
        None
    }

    /// Runs one Redis call within the deadline; `None` (and the breaker opens) on failure.
    async fn call<T, F, Fut>(&self, op: F) -> Option<T>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        if now_ms() < self.open_until_ms.load(Ordering::Relaxed) {
            return None;
        }
        let attempt = async {
            let connection = self.redis.connection().await.ok()?;
            op(connection).await.ok()
        };
        let result = tokio::time::timeout(CALL_DEADLINE, attempt)
            .await
            .ok()
            .flatten();
        if result.is_none() {
            self.open_until_ms.store(
                now_ms() + BREAKER_OPEN.as_millis() as u64,
                Ordering::Relaxed,
            );
            metrics::counter!("aggregate_cache_redis_failures_total").increment(1);
        }
        result
    }
}

enum Lookup {
    Found((Cached, Duration)),
    Missing,
    Failed,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}

/// The stored form of an entry: its expiry (so a reader knows how long its copy stays
/// fresh), its ETag and its body.
mod envelope {
    use super::Cached;

    pub fn encode(cached: &Cached, expires_at_ms: u64) -> Vec<u8> {
        let etag = cached.etag.as_bytes();
        let mut out = Vec::with_capacity(9 + etag.len() + cached.body.len());
        out.extend_from_slice(&expires_at_ms.to_be_bytes());
        out.push(etag.len() as u8);
        out.extend_from_slice(etag);
        out.extend_from_slice(&cached.body);
        out
    }

    pub fn decode(bytes: &[u8]) -> Option<(Cached, u64)> {
        let expires_at = u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?);
        let etag_len = usize::from(*bytes.get(8)?);
        let etag = std::str::from_utf8(bytes.get(9..9 + etag_len)?)
            .ok()?
            .to_owned();
        let body = bytes::Bytes::copy_from_slice(bytes.get(9 + etag_len..)?);
        Some((Cached { body, etag }, expires_at))
    }
}
