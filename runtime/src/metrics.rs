//! Prometheus metrics, shared by both binaries: one recorder per process (the `metrics`
//! facade, rendered by `metrics-exporter-prometheus`), latency histograms with buckets
//! from a millisecond to an hour, pool gauges, and who may scrape. Each binary serves the
//! text on a route of its own (`GET /metrics` on the api; `METRICS_ADDR` on a worker).

use std::future::Future;
use std::net::IpAddr;
use std::sync::OnceLock;

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sqlx::PgPool;

/// Bucket bounds (seconds) of every `*_seconds` histogram: requests live in the first
/// half, jobs anywhere up to an hour.
const BUCKETS: [f64; 18] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
    300.0, 900.0, 3600.0,
];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process's recorder, installed on first use. `None` only when another recorder was
/// installed first (then metrics are not ours to render).
pub fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".to_owned()), &BUCKETS)
                .ok()?;
            match builder.install_recorder() {
                Ok(handle) => Some(handle),
                Err(error) => {
                    tracing::warn!(%error, "metrics recorder not installed");
                    None
                }
            }
        })
        .as_ref()
}

/// Records the pool's size and idle connections, labelled with the process role.
pub fn record_pool(pool: &PgPool) {
    let size = f64::from(pool.size());
    let idle = pool.num_idle() as f64;
    metrics::gauge!("wt_db_pool_connections", "state" => "idle").set(idle);
    metrics::gauge!("wt_db_pool_connections", "state" => "in_use").set(size - idle);
    metrics::gauge!("wt_db_pool_max_connections")
        .set(f64::from(pool.options().get_max_connections()));
}

/// The Prometheus text of everything recorded so far.
pub fn render() -> String {
    handle().map(PrometheusHandle::render).unwrap_or_default()
}

/// Answers a scrape: 403 unless [`scrape_allowed`], else the Prometheus text after
/// `refresh` has updated the gauges that are read at scrape time.
pub async fn scrape<F: Future<Output = ()>>(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    token: Option<&str>,
    refresh: impl FnOnce() -> F,
) -> Response {
    let scraper = Scraper {
        peer,
        forwarded: ["forwarded", "x-forwarded-for", "x-real-ip"]
            .iter()
            .any(|name| headers.contains_key(*name)),
        bearer: headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer ")),
    };
    if !scrape_allowed(scraper, token) {
        let refusal = "Metrics are served to this machine, or with METRICS_TOKEN.\n";
        return (StatusCode::FORBIDDEN, refusal).into_response();
    }
    refresh().await;
    let content_type = [(
        header::CONTENT_TYPE,
        "text/plain; version=0.0.4; charset=utf-8",
    )];
    (content_type, render()).into_response()
}

/// What a scrape request shows about where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Scraper<'a> {
    /// The address of the connection's peer.
    pub peer: Option<IpAddr>,
    /// Whether a proxy forwarded the request (`Forwarded`, `X-Forwarded-For` or
    /// `X-Real-IP` present): then the peer is the proxy, not the client.
    pub forwarded: bool,
    /// The bearer token it presents, if any.
    pub bearer: Option<&'a str>,
}

/// Whether `scraper` may read the metrics: a direct connection from this machine, or
/// anyone presenting `METRICS_TOKEN`.
pub fn scrape_allowed(scraper: Scraper<'_>, token: Option<&str>) -> bool {
    if let (Some(expected), Some(given)) = (token, scraper.bearer) {
        return constant_time_eq(expected.as_bytes(), given.as_bytes());
    }
    !scraper.forwarded && scraper.peer.is_some_and(|peer| peer.is_loopback())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scraper(peer: &str, forwarded: bool, bearer: Option<&'static str>) -> Scraper<'static> {
        Scraper {
            peer: Some(peer.parse().unwrap()),
            forwarded,
            bearer,
        }
    }

    #[test]
    fn only_loopback_or_the_token_may_scrape() {
        assert!(scrape_allowed(scraper("127.0.0.1", false, None), None));
        assert!(scrape_allowed(scraper("::1", false, None), None));
        assert!(!scrape_allowed(scraper("127.0.0.1", true, None), None));
        assert!(!scrape_allowed(scraper("10.0.0.8", false, None), None));
        assert!(scrape_allowed(
            scraper("10.0.0.8", true, Some("s3cret")),
            Some("s3cret")
        ));
        assert!(!scrape_allowed(
            scraper("127.0.0.1", false, Some("wrong")),
            Some("s3cret")
        ));
        assert!(!scrape_allowed(
            scraper("10.0.0.8", false, Some("s3cret")),
            None
        ));
    }
}
