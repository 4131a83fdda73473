//! The cache of aggregate answers (dashboard, heatmap, forecast, ...): JSON bodies with
//! their ETags, kept in Redis when the installation has one (shared by every api process
//! and the worker that warms it) and in this process otherwise.
//!
//! Every key carries the cache *version*. A write that changes what aggregates read bumps
//! it before its response goes out, so the next read, by anyone, misses and recomputes:
//! nobody sees their own edit missing, and nothing has to find and delete old keys (they
//! simply expire). Concurrent misses of one key are computed once: in-process callers
//! wait for the same future (moka coalesces them), other processes wait on a short Redis
//! lock. When Redis fails, answers are computed directly for a few seconds instead of
//! failing the request.

mod shared;
mod ttl;

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use moka::Expiry;
use sha2::{Digest, Sha256};

pub use shared::SharedTier;
pub use ttl::CacheTtls;

use crate::RedisConnector;

/// One cached answer: the JSON body and its strong ETag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cached {
    pub body: bytes::Bytes,
    pub etag: String,
}

impl Cached {
    /// An answer with the ETag of its body (so equal bodies get equal tags on every
    /// process and a client's `If-None-Match` survives a recomputation).
    pub fn new(body: impl Into<bytes::Bytes>) -> Self {
        let body = body.into();
        let digest = Sha256::digest(&body);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Self {
            body,
            etag: format!("\"{hex}\""),
        }
    }
}

/// Where the entries live between requests.
enum Tier {
    /// Redis, shared by every process; this process keeps a copy of what it has seen.
    Shared(Box<SharedTier>),
    /// This process only, versioned by a counter here.
    Local(AtomicU64),
}

/// The in-process copy of an entry, with the moment it stops being fresh.
#[derive(Clone)]
struct Entry {
    cached: Arc<Cached>,
    expires_at: Instant,
}

struct UntilExpiry;

impl Expiry<String, Entry> for UntilExpiry {
    fn expire_after_create(&self, _key: &String, entry: &Entry, now: Instant) -> Option<Duration> {
        Some(entry.expires_at.saturating_duration_since(now))
    }
}

/// In-process copies are bounded by size: the largest answers (a 5,000-row heatmap)
/// are a few megabytes.
const LOCAL_CAPACITY_BYTES: u64 = 256 * 1024 * 1024;

pub struct AggregateCache {
    tier: Tier,
    ttls: CacheTtls,
    local: moka::future::Cache<String, Entry>,
}

impl AggregateCache {
    /// A cache in Redis (shared) when `redis` is given, in this process otherwise.
    pub fn new(redis: Option<RedisConnector>, namespace: &str, ttls: CacheTtls) -> Self {
        let tier = match redis {
            Some(redis) => Tier::Shared(Box::new(SharedTier::new(redis, namespace))),
            None => Tier::Local(AtomicU64::new(0)),
        };
        let local = moka::future::Cache::builder()
            .max_capacity(LOCAL_CAPACITY_BYTES)
            .weigher(|key: &String, entry: &Entry| {
                u32::try_from(key.len() + entry.cached.body.len()).unwrap_or(u32::MAX)
            })
            .expire_after(UntilExpiry)
            .build();
        Self { tier, ttls, local }
    }

    /// Whether entries are shared through Redis (for logs and `/metrics`).
    pub fn is_shared(&self) -> bool {
        matches!(self.tier, Tier::Shared(_))
    }

    /// The answer for `key` of `kind`: cached while fresh, else computed once however
    /// many ask at the same time. With a TTL of 0 nothing is kept, but readers of one
    /// shared version asking at once still share one computation (it reads every write
    /// that bumped the version before they asked); kept per process, or while Redis is
    /// failing, such answers are computed directly.
    pub async fn get_or_compute<E, F, Fut>(
        &self,
        kind: &str,
        key: &str,
        compute: F,
    ) -> Result<Arc<Cached>, Arc<E>>
    where
        E: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Vec<u8>, E>>,
    {
        let ttl = self.ttls.for_kind(kind);
        let Some(version) = self.read_version(ttl).await else {
            count(kind, "bypass");
            return compute()
                .await
                .map(|body| Arc::new(Cached::new(body)))
                .map_err(Arc::new);
        };
        let versioned = format!("v{version}:{key}");
        let mut computed = false;
        let entry = self
            .local
            .try_get_with(versioned.clone(), async {
                let cached = match &self.tier {
                    Tier::Shared(shared) if !ttl.is_zero() => {
                        shared
                            .fetch_or_compute(&versioned, ttl, || {
                                computed = true;
                                compute()
                            })
                            .await?
                    }
                    _ => {
                        computed = true;
                        (Cached::new(compute().await?), ttl)
                    }
                };
                let (cached, fresh_for) = cached;
                Ok::<_, E>(Entry {
                    cached: Arc::new(cached),
                    expires_at: Instant::now() + fresh_for,
                })
            })
            .await?;
        count(kind, if computed { "miss" } else { "hit" });
        Ok(entry.cached)
    }

    /// Computes `key` anew and stores it for the current version (the warm-up job:
    /// the first reader after it finds the answer ready). Returns the stored answer.
    pub async fn refresh<E, F, Fut>(
        &self,
        kind: &str,
        key: &str,
        compute: F,
    ) -> Result<Arc<Cached>, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Vec<u8>, E>>,
    {
        let ttl = self.ttls.for_kind(kind);
        let version = self.usable_version(ttl).await;
        let cached = Arc::new(Cached::new(compute().await?));
        if let Some(version) = version {
            let versioned = format!("v{version}:{key}");
            if let Tier::Shared(shared) = &self.tier {
                shared.store(&versioned, &cached, ttl).await;
            }
            let entry = Entry {
                cached: cached.clone(),
                expires_at: Instant::now() + ttl,
            };
            self.local.insert(versioned, entry).await;
        }
        count(kind, "refresh");
        Ok(cached)
    }

    /// Retires every cached answer: called after each write that can change an
    /// aggregate's inputs, before the writer's response goes out.
    pub async fn invalidate(&self) {
        match &self.tier {
            Tier::Shared(shared) => shared.bump_version().await,
            Tier::Local(version) => {
                version.fetch_add(1, Ordering::SeqCst);
            }
        }
        metrics::counter!("aggregate_cache_invalidations_total").increment(1);
    }

    /// The version answers are kept under now (`None` while Redis is failing): a warm-up
    /// compares it between views to stop once a write has retired what it computes.
    pub async fn current_version(&self) -> Option<u64> {
        match &self.tier {
            Tier::Shared(shared) => shared.version().await,
            Tier::Local(version) => Some(version.load(Ordering::SeqCst)),
        }
    }

    /// The version to key entries by, or `None` when this answer must not be cached (TTL
    /// 0, or Redis failing so the version cannot be known).
    async fn usable_version(&self, ttl: Duration) -> Option<u64> {
        if ttl.is_zero() {
            return None;
        }
        self.read_version(ttl).await
    }

    /// The version readers share a computation under: [`Self::usable_version`], and with
    /// a TTL of 0 the shared version too (the answer is then kept for nobody).
    async fn read_version(&self, ttl: Duration) -> Option<u64> {
        match &self.tier {
            Tier::Local(_) if ttl.is_zero() => None,
            _ => self.current_version().await,
        }
    }
}

fn count(kind: &str, outcome: &'static str) {
    metrics::counter!("aggregate_cache_requests_total", "kind" => kind.to_owned(), "outcome" => outcome)
        .increment(1);
}

#[cfg(test)]
mod tests;
