//! How long each kind of aggregate stays cached, with the precedence the production
//! guide promises: `DASHBOARD_CACHE_TTL` (if set) for the dashboard, else
//! `AGGREGATE_CACHE_TTL`, else 30 seconds. A TTL of 0 turns caching off for that kind.

use std::time::Duration;

use crate::Settings;

/// The lifetime when neither variable is set.
pub const FALLBACK_TTL: Duration = Duration::from_secs(30);

/// The kind whose lifetime `DASHBOARD_CACHE_TTL` sets.
pub const DASHBOARD_KIND: &str = "dashboard";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheTtls {
    aggregate: Duration,
    dashboard: Duration,
}

impl CacheTtls {
    /// Lifetimes from the two variables; each `None` falls back as the guide says.
    pub fn new(aggregate_seconds: Option<u64>, dashboard_seconds: Option<u64>) -> Self {
        let aggregate = aggregate_seconds.map_or(FALLBACK_TTL, Duration::from_secs);
        let dashboard = dashboard_seconds.map_or(aggregate, Duration::from_secs);
        Self {
            aggregate,
            dashboard,
        }
    }

    pub fn from_settings(settings: &Settings) -> Self {
        Self::new(settings.aggregate_cache_ttl, settings.dashboard_cache_ttl)
    }

    /// The lifetime of answers of `kind`.
    pub fn for_kind(&self, kind: &str) -> Duration {
        if kind == DASHBOARD_KIND {
            self.dashboard
        } else {
            self.aggregate
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dashboard_variable_wins_then_the_aggregate_one_then_thirty_seconds() {
        let both = CacheTtls::new(Some(45), Some(10));
        assert_eq!(both.for_kind("dashboard"), Duration::from_secs(10));
        assert_eq!(both.for_kind("heatmap"), Duration::from_secs(45));

        let aggregate_only = CacheTtls::new(Some(45), None);
        assert_eq!(
            aggregate_only.for_kind("dashboard"),
            Duration::from_secs(45)
        );

        let dashboard_only = CacheTtls::new(None, Some(5));
        assert_eq!(dashboard_only.for_kind("dashboard"), Duration::from_secs(5));
        assert_eq!(dashboard_only.for_kind("forecast"), FALLBACK_TTL);

        let neither = CacheTtls::new(None, None);
        assert_eq!(neither.for_kind("dashboard"), FALLBACK_TTL);
        assert_eq!(neither.for_kind("available"), FALLBACK_TTL);
    }
}
