//! The fixed security headers every response carries, whatever produced it: no MIME
//! sniffing, no framing, a tight referrer and permissions policy, a separate browsing
//! context group, and HSTS in production.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::Response;

/// Browser features the app never uses, denied to it and to anything it embeds, so an
/// injected script cannot reach the camera, microphone, location, payments or devices.
const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), display-capture=(), \
     geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), \
     usb=(), xr-spatial-tracking=()";

/// One year, subdomains included. Not `preload`: that is a one-way commitment for the
/// whole domain that an operator should make deliberately.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The headers to add to every response. HSTS only outside development: a browser that
/// saw it for `localhost` would refuse plain http to every local project for a year.
pub fn security_headers(debug: bool) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let mut set = |name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Same-origin requests keep the full URL (useful in our own logs and for Origin/Referer
    // checks on cookie requests); other sites only ever learn the origin, never the path
    // or query of a page, and nothing is sent from https to http.
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(
        HeaderName::from_static("permissions-policy"),
        PERMISSIONS_POLICY,
    );
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if !debug {
        set(header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    headers
}

/// Response mapper: sets the headers, replacing any a handler set, so the policy is the
/// same on every path.
pub async fn apply(State(headers): State<Arc<HeaderMap>>, mut response: Response) -> Response {
    for (name, value) in headers.iter() {
        response.headers_mut().insert(name, value.clone());
    }
    response
}
