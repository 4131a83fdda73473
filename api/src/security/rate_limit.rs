//! The one rate limiter every route uses: fixed windows counted in Redis, so all api
//! processes share each count (a client cannot multiply its allowance by the number of
//! replicas behind nginx). A [`Limit`] names what is counted and how much is allowed; a
//! [`Bucket`] is that limit for one subject (a client address, a username digest, a user
//! id). Each route says what happens when Redis cannot be asked ([`IfRedisDown`]), and a
//! refusal renders as 429 (or 503 when Redis is down and the route refuses) with a stable
//! code and `Retry-After`.

use std::net::IpAddr;
use std::time::Duration;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use wt_jobs::ConnectionManager;

use crate::problem::{Problem, too_many_requests};
use crate::state::AppState;

/// How long a caller refused for want of Redis is asked to wait.
const REDIS_DOWN_RETRY: Duration = Duration::from_secs(30);

/// At most `max` per `window` for each subject; `scope` keeps the counts of different
/// limits apart in Redis.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub scope: &'static str,
    pub max: u64,
    pub window: Duration,
}

impl Limit {
    /// This limit for one subject.
    pub fn bucket(self, subject: impl Into<String>) -> Bucket {
        Bucket {
            limit: self,
            subject: subject.into(),
        }
    }
}

/// One subject's count under one limit.
#[derive(Debug, Clone)]
pub struct Bucket {
    limit: Limit,
    subject: String,
}

impl Bucket {
    fn key(&self, namespace: &str) -> String {
        format!("{namespace}:limit:{}:{}", self.limit.scope, self.subject)
    }
}

/// The subject for a client address. IPv6 clients are counted per /64, the block one
/// host usually holds, or a single machine could rotate through addresses; `None` (no
/// socket, as in in-process tests) is one shared "unknown" client.
pub fn client_subject(address: Option<IpAddr>) -> String {
    match address.map(|address| address.to_canonical()) {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => {
            let [a, b, c, d, ..] = v6.segments();
            format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
        None => "unknown".to_owned(),
    }
}

/// A subject for free text such as a username or an email: hashed, so user input never
/// shapes key names, and case-insensitive, as the accounts are.
pub fn text_subject(text: &str) -> String {
    let digest = Sha256::digest(text.trim().to_lowercase().as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// What a route does when Redis cannot be asked. Each route chooses, and says why where
/// it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfRedisDown {
    /// Let the request through (logged).
    Allow,
    /// Refuse it with 503 `rate_limit_unavailable`.
    Refuse,
}

/// Why a request may not proceed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A bucket is full until its window ends, this long from now.
    Limited(Duration),
    /// Redis cannot be asked and the route refuses without it.
    Unavailable,
}

impl Refusal {
    /// The answer: 429 with the route's `code` and `detail`, or 503 when Redis is down.
    pub fn respond(self, code: &'static str, detail: &str) -> Response {
        match self {
            Refusal::Limited(wait) => too_many_requests(code, detail, wait),
            Refusal::Unavailable => {
                let problem = Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "rate_limit_unavailable",
                    "This request cannot be checked right now. Try again in a minute.",
                );
                let seconds = REDIS_DOWN_RETRY.as_secs().to_string();
                ([(header::RETRY_AFTER, seconds)], problem).into_response()
            }
        }
    }
}

/// A route's handle on the shared counts.
pub struct Limiter {
    redis: Option<ConnectionManager>,
    namespace: String,
    if_down: IfRedisDown,
}

impl Limiter {
    pub async fn new(state: &AppState, if_down: IfRedisDown) -> Self {
        Limiter {
            redis: state.redis_or_none().await,
            namespace: state.namespace().to_owned(),
            if_down,
        }
    }

    /// Counts this request in every bucket; refused when any of them is past its limit.
    pub async fn take(&mut self, buckets: &[Bucket]) -> Result<(), Refusal> {
        self.count(buckets, true).await
    }

    /// Whether every bucket still has room, without counting (counting happens on
    /// failure only, with [`Self::record`]).
    pub async fn check(&mut self, buckets: &[Bucket]) -> Result<(), Refusal> {
        self.count(buckets, false).await
    }

    /// Counts a failure in every bucket.
    pub async fn record(&mut self, buckets: &[Bucket]) {
        // Without Redis, `check` has already said how the route carries on.
        if self.redis.is_some() {
            // The verdict was `check`'s; a failure to count is logged by `count`.
            let _ = self.count(buckets, true).await;
        }
    }

    /// Forgets a bucket's count (after a success).
    pub async fn clear(&mut self, bucket: &Bucket) {
        let key = bucket.key(&self.namespace);
        if let Some(redis) = &mut self.redis {
            let cleared: redis::RedisResult<()> =
                redis::cmd("DEL").arg(key).query_async(redis).await;
            if let Err(error) = cleared {
                tracing::warn!(%error, scope = bucket.limit.scope, "could not clear a rate limit");
            }
        }
    }

    async fn count(&mut self, buckets: &[Bucket], add: bool) -> Result<(), Refusal> {
        let Some(redis) = &mut self.redis else {
            return self.redis_down();
        };
        let mut longest_wait = None;
        for bucket in buckets {
            let key = bucket.key(&self.namespace);
            let window = bucket.limit.window.as_millis() as u64;
            let mut pipe = redis::pipe();
            if add {
                // One round trip, atomically: count, start the window on the first hit
                // only (NX), and read what is left of it.
                pipe.atomic()
                    .incr(&key, 1)
                    .cmd("PEXPIRE")
                    .arg(&key)
                    .arg(window)
                    .arg("NX")
                    .ignore();
            } else {
                pipe.cmd("GET").arg(&key);
            }
            pipe.cmd("PTTL").arg(&key);
            let answer: redis::RedisResult<(Option<u64>, i64)> = pipe.query_async(redis).await;
            let (count, left_ms) = match answer {
                Ok(answer) => answer,
                Err(error) => {
                    tracing::warn!(%error, scope = bucket.limit.scope, "rate limit not counted");
                    return self.redis_down();
                }
            };
            // Counting lets `max` requests through; checking refuses once `max` failures
            // are already on record.
            let used = count.unwrap_or(0);
            let full = if add {
                used > bucket.limit.max
            } else {
                used >= bucket.limit.max
            };
            if full {
                let wait = Duration::from_millis(left_ms.max(1).unsigned_abs());
                longest_wait = longest_wait.max(Some(wait));
            }
        }
        longest_wait.map_or(Ok(()), |wait| Err(Refusal::Limited(wait)))
    }

    fn redis_down(&self) -> Result<(), Refusal> {
        match self.if_down {
            IfRedisDown::Allow => {
                tracing::warn!("Redis unavailable: request let through without a rate limit");
                Ok(())
            }
            IfRedisDown::Refuse => Err(Refusal::Unavailable),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_group_ipv6_by_block_and_hide_text() {
        let v4 = "203.0.113.7".parse().ok();
        assert_eq!(client_subject(v4), "203.0.113.7");
        let mapped = "::ffff:203.0.113.7".parse().ok();
        assert_eq!(client_subject(mapped), "203.0.113.7");
        let one = "2001:db8:1:2:aaaa::1".parse().ok();
        let other = "2001:db8:1:2:bbbb::9".parse().ok();
        assert_eq!(client_subject(one), "2001:db8:1:2::/64");
        assert_eq!(client_subject(one), client_subject(other));
        assert_eq!(client_subject(None), "unknown");
        assert_eq!(text_subject(" Frank "), text_subject("frank"));
        assert_eq!(text_subject("frank").len(), 32);
        assert!(!text_subject("a:b c").contains([':', ' ']));
    }
}
