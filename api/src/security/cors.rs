//! Cross-origin access for the browser origins in `CORS_ALLOWED_ORIGINS`, through
//! tower-http's `CorsLayer`. The layer only sees requests whose `Origin` is on the list:
//! any other request (same-origin, no `Origin`, a foreign site) passes by untouched and
//! gets no CORS header at all, and an `OPTIONS` that is not an allowed preflight reaches
//! the router instead of being answered as one. With an empty list there is no layer.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use tower::{Layer, ServiceExt};
use tower_http::cors::{AllowOrigin, CorsLayer};
use wt_runtime::Settings;

use crate::observe::REQUEST_ID;

/// How long a browser may reuse a preflight answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// The allowed origins and the layer that answers them.
#[derive(Debug)]
pub struct CorsGate {
    origins: Vec<HeaderValue>,
    layer: CorsLayer,
}

impl CorsGate {
    /// The gate, or `None` when no origin is allowed.
    pub fn from_settings(settings: &Settings) -> Option<Self> {
        let origins = allowed_origins(&settings.cors_allowed_origins);
        if origins.is_empty() {
            return None;
        }
        let request_id = HeaderName::from_static(REQUEST_ID);
        let layer = CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins.clone()))
            .allow_methods([
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::PATCH,
                Method::DELETE,
                Method::OPTIONS,
            ])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::IF_MATCH,
                header::IF_NONE_MATCH,
                HeaderName::from_static("x-requested-with"),
                request_id.clone(),
            ])
            .expose_headers([
                header::ETAG,
                header::LOCATION,
                request_id,
                header::RETRY_AFTER,
            ])
            // Credentials (the refresh cookie) cross origins only in cookie mode; otherwise
            // a foreign page has no reason to send them.
            .allow_credentials(settings.cookie_refresh_auth)
            .max_age(PREFLIGHT_MAX_AGE);
        Some(CorsGate { origins, layer })
    }
}

/// The configured origins as header values. Browsers send `Origin` without a trailing
/// slash, so one in the setting is dropped; an entry that is not a valid header value is
/// skipped with a warning rather than refusing to start.
fn allowed_origins(configured: &[String]) -> Vec<HeaderValue> {
    configured
        .iter()
        .map(|origin| origin.trim().trim_end_matches('/'))
        .filter(|origin| !origin.is_empty())
        .filter_map(|origin| match HeaderValue::from_str(origin) {
            Ok(value) => Some(value),
            Err(_) => {
                tracing::warn!(origin, "CORS_ALLOWED_ORIGINS entry is not a valid origin");
                None
            }
        })
        .collect()
}

/// Middleware: sends requests from an allowed origin through the CORS layer, everything
/// else straight on.
pub async fn gate(State(gate): State<Arc<CorsGate>>, request: Request, next: Next) -> Response {
    let allowed = request
        .headers()
        .get(header::ORIGIN)
        .is_some_and(|origin| gate.origins.contains(origin));
    if !allowed {
        return next.run(request).await;
    }
    let answer: Result<Response, Infallible> = gate.layer.layer(next).oneshot(request).await;
    match answer {
        Ok(response) => response,
        Err(never) => match never {},
    }
}
