//! `GET /metrics`: Prometheus text that a parser reads, counting requests by route and
//! jobs by kind and outcome; served to this machine or to the holder of `METRICS_TOKEN`,
//! never to a client forwarded by a proxy.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::StatusCode;
use prometheus_parse::{LineInfo, Scrape, Value};
use serde_json::json;
use sqlx::PgPool;

use crate::jobs::{Crew, ended};
use crate::support::*;

async fn scrape_from(app: &TestApp, peer: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = request("GET", "/metrics", None, None);
    let peer: SocketAddr = peer.parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    for (name, value) in headers {
        let name = axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap();
        request.headers_mut().insert(name, value.parse().unwrap());
    }
    app.send(request).await
}

/// The text parsed; every line must be a comment, a sample or empty.
fn parsed(text: &str) -> Scrape {
    for line in text.lines() {
        assert_ne!(
            LineInfo::parse(line),
            LineInfo::Ignored,
            "not Prometheus text: {line}"
        );
    }
    Scrape::parse(text.lines().map(|line| Ok(line.to_owned()))).expect("Prometheus text")
}

fn counter(scrape: &Scrape, metric: &str, labels: &[(&str, &str)]) -> f64 {
    scrape
        .samples
        .iter()
        .filter(|sample| sample.metric == metric)
        .filter(|sample| {
            labels
                .iter()
                .all(|(name, value)| sample.labels.get(name) == Some(value))
        })
        .map(|sample| match sample.value {
            Value::Counter(value) | Value::Untyped(value) | Value::Gauge(value) => value,
            _ => 0.0,
        })
        .sum()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn metrics_count_requests_and_jobs(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let id = crew.probe(json!({"steps": 0})).await;
    crew.job_when(id, ended).await;
    worker.stop().await;
    crew.app.get("/api/health").await;

    let answer = scrape_from(&crew.app, "127.0.0.1:50000", &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .header("content-type")
            .starts_with("text/plain; version=0.0.4")
    );
    let text = String::from_utf8(answer.body).unwrap();
    assert!(
        text.contains("route=\"/api/jobs/:id\""),
        "parameters are named, not valued"
    );
    let scrape = parsed(&text);
    let health = [("route", "/api/health"), ("method", "GET")];
    assert!(counter(&scrape, "wt_http_requests_total", &health) >= 1.0);
    let probe = [("kind", "probe"), ("outcome", "succeeded")];
    assert!(counter(&scrape, "wt_jobs_finished_total", &probe) >= 1.0);
    let latency = scrape
        .samples
        .iter()
        .find(|s| s.metric == "wt_http_request_duration_seconds");
    assert!(
        matches!(latency.map(|s| &s.value), Some(Value::Histogram(_))),
        "a histogram"
    );
    let depth = [("queue", "maintenance"), ("state", "queued")];
    assert!(scrape.samples.iter().any(|s| s.metric == "wt_jobs"
        && depth.iter().all(|(n, v)| s.labels.get(n) == Some(v))));
    assert!(counter(&scrape, "wt_db_pool_max_connections", &[]) >= 1.0);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn metrics_are_for_this_machine_or_the_token_holder(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&["--metrics-token=scrape-me"]), dist.path());
    let forbidden = [
        ("10.1.2.3:4000", vec![]),
        ("127.0.0.1:4000", vec![("x-forwarded-for", "203.0.113.9")]),
        ("127.0.0.1:4000", vec![("forwarded", "for=203.0.113.9")]),
        ("10.1.2.3:4000", vec![("authorization", "Bearer wrong")]),
    ];
    for (peer, headers) in forbidden {
        let answer = scrape_from(&app, peer, &headers).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{peer} {headers:?}");
    }
    let with_token = scrape_from(
        &app,
        "10.1.2.3:4000",
        &[("authorization", "Bearer scrape-me")],
    )
    .await;
    assert_eq!(with_token.status, StatusCode::OK);
    assert_eq!(
        scrape_from(&app, "[::1]:4000", &[]).await.status,
        StatusCode::OK
    );
}
