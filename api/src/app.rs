//! The whole HTTP application: API routes, the web app fallback, and the middleware every
//! response passes through (request id and access log, security headers, CSP, host check,
//! CORS, panic catching, compression, body limits, trailing-slash tolerance, the
//! read-only mode of a running restore), and the
//! metrics route beside them.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use tower::Layer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::normalize_path::{NormalizePath, NormalizePathLayer};

use crate::cache_invalidation;
use crate::metrics::{self, label_route};
use crate::observe::observe;
use crate::openapi;
use crate::problem::internal_error;
use crate::read_only;
use crate::routes::api_router;
use crate::security;
use crate::spa;
use crate::state::AppState;

/// JSON request bodies larger than this are refused with 413 (uploads get their own
/// limits on their routes).
const JSON_BODY_LIMIT: usize = 1024 * 1024;

/// The service to serve: the router wrapped so `/api/health/` answers like
/// `/api/health` (the trailing slash is trimmed before routing).
pub fn router(state: AppState) -> NormalizePath<Router> {
    let dist = state.static_dir.clone();
    let settings = state.settings.clone();
    let metrics = metrics::router(state.clone());
    let app = api_router()
        .merge(openapi::router())
        .merge(security::report::router(&settings.csp_report_uri))
        .route_layer(middleware::from_fn(label_route))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            cache_invalidation::invalidate_after_writes,
        ))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            read_only::refuse_writes,
        ))
        .fallback_service(spa::router(&dist))
        .with_state(state)
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(panic_response));
    // Inside the access log, so refused hosts and preflights are logged too.
    let app = security::wrap(app, &settings)
        .merge(metrics)
        .layer(middleware::from_fn(observe));
    NormalizePathLayer::trim_trailing_slash().layer(app)
}

fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    internal_error().into_response()
}
