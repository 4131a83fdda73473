//! Request ids and the access log. Each request gets an id (a sane incoming `X-Request-ID`
//! is kept, anything else replaced), echoed in the response; every log line written while
//! handling it carries the id; one JSON access line records method, path, status and
//! duration, and the request is counted and timed for the metrics. Only the path is logged: query strings, headers, cookies and bodies can hold
//! secrets and never are.

use std::time::Instant;

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::metrics::{RouteLabel, record_request};

pub const REQUEST_ID: &str = "x-request-id";

/// The id of the request being handled, for handlers that want to mention it.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Accepts ids a proxy or client would plausibly send; rejects anything that could
/// pollute logs.
fn acceptable(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// Middleware: assigns the request id, runs the request inside its span, logs the access
/// line and echoes the id.
pub async fn observe(mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .filter(|id| acceptable(id))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    request.extensions_mut().insert(RequestId(id.clone()));
    let span = tracing::info_span!("request", request_id = %id);
    let mut response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    let took = started.elapsed();
    record_request(
        &method,
        response.extensions().get::<RouteLabel>(),
        status,
        took,
    );
    let duration_ms = took.as_secs_f64() * 1000.0;
    span.in_scope(|| {
        tracing::info!(target: "access", %method, %path, status, duration_ms, "request");
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::acceptable;

    #[test]
    fn request_ids_are_sanitised() {
        assert!(acceptable("3f2a-77b1:edge.1"));
        assert!(!acceptable(""));
        assert!(!acceptable("line\nbreak"));
        assert!(!acceptable(&"x".repeat(129)));
        assert!(!acceptable("{\"json\":1}"));
    }
}
