//! A small in-memory fixed-window rate limiter, per client IP and per process. It guards
//! cheap endpoints (CSP reports) against floods; it is not a quota system, so a restart
//! forgetting the counts is fine.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most clients tracked at once. A flood from more addresses than this within one window
/// is refused for new addresses instead of growing memory without bound.
const MAX_CLIENTS: usize = 10_000;

/// The client a count belongs to. `None` is every request whose address is unknown
/// (in-process tests): they share one bucket rather than escaping the limit.
pub type ClientKey = Option<IpAddr>;

#[derive(Debug)]
struct Window {
    started: Instant,
    count: u32,
}

/// Allows `limit` requests per client per `window`.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    clients: Mutex<HashMap<ClientKey, Window>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter {
            limit,
            window,
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request from `client`: `Ok` when it may proceed, or `Err` with how long
    /// until its window resets.
    pub fn check(&self, client: ClientKey) -> Result<(), Duration> {
        self.check_at(client, Instant::now())
    }

    fn check_at(&self, client: ClientKey, now: Instant) -> Result<(), Duration> {
        // A poisoned lock only means another request panicked mid-count; the map is
        // still usable.
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if clients.len() >= MAX_CLIENTS && !clients.contains_key(&client) {
            clients.retain(|_, window| now.duration_since(window.started) < self.window);
            if clients.len() >= MAX_CLIENTS {
                return Err(self.window);
            }
        }
        let window = clients.entry(client).or_insert(Window {
            started: now,
            count: 0,
        });
        let elapsed = now.duration_since(window.started);
        if elapsed >= self.window {
            *window = Window {
                started: now,
                count: 0,
            };
        }
        if window.count >= self.limit {
            return Err(self.window - now.duration_since(window.started));
        }
        window.count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_client_gets_its_limit_per_window() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let start = Instant::now();
        let a = Some(IpAddr::from([10, 0, 0, 1]));
        let b = Some(IpAddr::from([10, 0, 0, 2]));
        assert!(limiter.check_at(a, start).is_ok());
        assert!(limiter.check_at(a, start).is_ok());
        let wait = limiter
            .check_at(a, start + Duration::from_secs(20))
            .unwrap_err();
        assert_eq!(wait, Duration::from_secs(40));
        assert!(limiter.check_at(b, start).is_ok());
        assert!(limiter.check_at(a, start + Duration::from_secs(60)).is_ok());
    }
}
