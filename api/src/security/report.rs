//! `POST /csp-report` (and the path `CSP_REPORT_URI` names, when it is another local
//! path): receives CSP violation reports, logs each one and answers 204. Bodies are
//! small (64 KiB at most, 413 beyond) and each client (its address, as `ClientIp` finds
//! it behind `TRUSTED_PROXIES`) may send 60 reports a minute across all api processes
//! (429 with `Retry-After` beyond), so a hostile page cannot flood the logs.

use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use super::rate_limit::{IfRedisDown, Limit, Limiter, client_subject};
use super::violation;
use crate::extract::ClientIp;
use crate::problem::Problem;
use crate::state::AppState;

/// The path browsers are told about by default (`/csp-report/` arrives here too: the
/// trailing slash is trimmed before routing).
pub const REPORT_PATH: &str = "/csp-report";

/// Largest accepted report body; real reports are a few hundred bytes.
const REPORT_BODY_LIMIT: usize = 64 * 1024;

/// Reports accepted per client per minute.
const REPORTS_PER_CLIENT: Limit = Limit {
    scope: "csp-report",
    max: 60,
    window: Duration::from_secs(60),
};

/// Violations logged from one request; a batch may hold more, and the rest are counted.
const MAX_LOGGED_PER_REQUEST: usize = 20;

/// The report routes, with their own body limit.
pub fn router(report_uri: &str) -> Router<AppState> {
    let mut router = Router::new().route(REPORT_PATH, post(receive));
    if let Some(path) = configured_path(report_uri) {
        router = router.route(&path, post(receive));
    }
    router.layer(DefaultBodyLimit::max(REPORT_BODY_LIMIT))
}

/// The local path `CSP_REPORT_URI` names, when it is not the default one. Absolute URLs
/// point at another collector and need no route here; `/api` belongs to the API, and a
/// path with route syntax in it is not a plain path.
fn configured_path(report_uri: &str) -> Option<String> {
    let path = report_uri.trim().split(['?', '#']).next()?;
    let path = path.trim_end_matches('/');
    let local = path.starts_with('/') && !path.starts_with("//");
    if !local || path == REPORT_PATH {
        return None;
    }
    if path == "/api" || path.starts_with("/api/") || path.contains(['{', '}', '*']) {
        tracing::warn!(
            path,
            "CSP_REPORT_URI cannot be served here; use /csp-report/"
        );
        return None;
    }
    Some(path.to_owned())
}

#[utoipa::path(
    post, path = "/csp-report", tag = "security",
    request_body(content = serde_json::Value, description = "A CSP report (`application/csp-report` or `application/reports+json`)"),
    responses((status = 204, description = "Logged"),
        (status = 413, response = crate::openapi::responses::PayloadTooLarge),
        (status = 429, response = crate::openapi::responses::TooManyRequests),
        (status = 503, response = crate::openapi::responses::RateLimitUnavailable))
)]
pub async fn receive(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    request: Request,
) -> Response {
    // Without Redis reports are refused: they are best-effort monitoring, and an
    // unlimited endpoint that writes logs is a way to fill the disk.
    let mut limiter = Limiter::new(&state, IfRedisDown::Refuse).await;
    let bucket = REPORTS_PER_CLIENT.bucket(client_subject(client));
    if let Err(refusal) = limiter.take(&[bucket]).await {
        let detail = "Too many CSP reports from this client; try again later.";
        return refusal.respond("rate_limited", detail);
    }
    let body = match Bytes::from_request(request, &()).await {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let detail = format!("A report may be at most {REPORT_BODY_LIMIT} bytes.");
            return Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "report_too_large", detail)
                .into_response();
        }
        Err(_) => return invalid_report(),
    };
    let Ok(violations) = violation::parse(&body) else {
        return invalid_report();
    };
    for violation in violations.iter().take(MAX_LOGGED_PER_REQUEST) {
        violation.log();
    }
    if violations.len() > MAX_LOGGED_PER_REQUEST {
        let skipped = violations.len() - MAX_LOGGED_PER_REQUEST;
        tracing::warn!(
            skipped,
            "CSP report batch too long; the rest were not logged"
        );
    }
    StatusCode::NO_CONTENT.into_response()
}

fn invalid_report() -> Response {
    Problem::bad_request(
        "invalid_report",
        "The body is not a CSP violation report (application/csp-report or \
         application/reports+json).",
    )
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::configured_path;

    #[test]
    fn only_other_local_paths_get_a_route() {
        assert_eq!(configured_path("/csp-report/"), None);
        assert_eq!(configured_path("https://collector.example.com/r"), None);
        assert_eq!(configured_path("//collector.example.com/r"), None);
        assert_eq!(configured_path("/api/health"), None);
        assert_eq!(
            configured_path("/reports/csp/?v=1").as_deref(),
            Some("/reports/csp")
        );
    }
}
