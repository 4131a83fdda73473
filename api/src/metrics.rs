//! The api's metrics: every request counted and timed by method, route template (never
//! the raw path, so ids do not multiply the series) and status; queue depths and the pool
//! read at scrape time; and `GET /metrics` in the Prometheus text format. The route is
//! mounted outside the host check: a scraper on this machine asks by address, and the
//! rule of `wt_runtime::metrics::scrape_allowed` (this machine without a proxy, or
//! `METRICS_TOKEN`) is stricter than the host list.

use std::time::Duration;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;

use crate::extract::ClientIp;
use crate::state::AppState;

/// The route template that answered a request, passed from inside the router to the
/// access log around it.
#[derive(Debug, Clone)]
pub struct RouteLabel(pub String);

/// Route layer: labels the response with the template of the route that answered, its
/// parameters written `:id` rather than `{id}` (braces inside label values trip some
/// Prometheus text parsers).
pub async fn label_route(request: Request, next: Next) -> Response {
    let label = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| RouteLabel(path.as_str().replace('{', ":").replace('}', "")));
    let mut response = next.run(request).await;
    if let Some(label) = label {
        response.extensions_mut().insert(label);
    }
    response
}

/// Counts and times one answered request. Requests no route matched (the web app's
/// files, unknown paths) share the label `other`.
pub fn record_request(method: &Method, route: Option<&RouteLabel>, status: u16, took: Duration) {
    let route = route.map_or_else(|| "other".to_owned(), |label| label.0.clone());
    let method = method.as_str().to_owned();
    metrics::counter!("wt_http_requests_total", "method" => method.clone(),
        "route" => route.clone(), "status" => status.to_string())
    .increment(1);
    metrics::histogram!("wt_http_request_duration_seconds", "method" => method, "route" => route)
        .record(took.as_secs_f64());
}

async fn scrape(
    State(state): State<AppState>,
    ClientIp(peer): ClientIp,
    headers: HeaderMap,
) -> Response {
    let token = state.settings.metrics_token.as_deref();
    wt_runtime::metrics::scrape(peer, &headers, token, || {
        wt_jobs::gauges::refresh(&state.db)
    })
    .await
}

/// `GET /metrics`.
pub fn router(state: AppState) -> Router {
    wt_runtime::metrics::handle();
    Router::new()
        .route("/metrics", get(scrape))
        .route_layer(axum::middleware::from_fn(label_route))
        .with_state(state)
}
