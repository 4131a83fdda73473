//! The worker's metrics: how each job attempt ended and how long it ran, by kind and
//! outcome, recorded as it happens; queue depths and the pool, read at scrape time; and
//! the listener on `METRICS_ADDR` that serves them (same access rule as the api's).

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use wt_domain::jobs::JobKind;

use crate::executor::Delivery;
use crate::state::WorkerState;

/// Records one attempt's end.
pub fn job_finished(kind: JobKind, delivery: Delivery, ran: Duration) {
    let (kind, outcome) = (kind.as_str(), delivery.as_str());
    metrics::counter!("wt_jobs_finished_total", "kind" => kind, "outcome" => outcome).increment(1);
    metrics::histogram!("wt_job_duration_seconds", "kind" => kind, "outcome" => outcome)
        .record(ran.as_secs_f64());
}

#[derive(Clone)]
struct Scrape {
    state: WorkerState,
    token: Option<String>,
}

async fn metrics(
    State(scrape): State<Scrape>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let state = &scrape.state;
    wt_runtime::metrics::scrape(
        Some(peer.ip()),
        &headers,
        scrape.token.as_deref(),
        || async {
            metrics::gauge!("wt_worker_running_jobs").set(state.running.count() as f64);
            wt_jobs::gauges::refresh(&state.pool).await;
        },
    )
    .await
}

/// Serves `GET /metrics` on `address` until `stop` resolves.
pub async fn serve(
    address: SocketAddr,
    state: WorkerState,
    token: Option<String>,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    wt_runtime::metrics::handle();
    let app = Router::new()
        .route("/metrics", get(metrics))
        .with_state(Scrape { state, token });
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| anyhow::anyhow!("listening for metrics on {address}: {e}"))?;
    tracing::info!(%address, "serving metrics");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stop)
    .await?;
    Ok(())
}
