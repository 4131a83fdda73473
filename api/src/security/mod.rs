//! Web security middleware: which hosts and cross-origin callers are served, the
//! Content-Security-Policy with its per-request nonce, the fixed security headers, and
//! the endpoint that receives CSP violation reports. `wrap` puts the layers around the
//! application in the one order that is safe; each layer lives in its own module.

pub mod cors;
pub mod csp;
pub mod headers;
pub mod host;
pub mod rate_limit;
pub mod report;
pub mod violation;

use std::sync::Arc;

use axum::Router;
use axum::middleware;
use wt_runtime::Settings;

pub use csp::CspNonce;

/// Wraps `app` (which must already catch panics) in the security layers. From the
/// outside in: fixed headers, then CSP, then the host check, then CORS. The headers come
/// first so every answer gets them, including a refused host, a CORS preflight and a
/// caught panic; the host check runs before CORS so a preflight for a foreign host is
/// refused rather than answered.
pub fn wrap(app: Router, settings: &Settings) -> Router {
    let app = match cors::CorsGate::from_settings(settings) {
        Some(gate) => app.layer(middleware::from_fn_with_state(Arc::new(gate), cors::gate)),
        None => app,
    };
    let hosts = Arc::new(host::AllowedHosts::new(&settings.allowed_hosts()));
    let app = app.layer(middleware::from_fn_with_state(hosts, host::check));
    let app = match csp::CspPolicy::from_settings(settings) {
        Some(policy) => app.layer(middleware::from_fn_with_state(Arc::new(policy), csp::apply)),
        None => app,
    };
    let fixed = Arc::new(headers::security_headers(settings.debug));
    app.layer(middleware::map_response_with_state(fixed, headers::apply))
}
