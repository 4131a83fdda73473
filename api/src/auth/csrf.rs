//! The CSRF guard of the token endpoints. The refresh cookie is sent by the browser on
//! its own, so a refresh or sign-out must also prove it comes from our script: a custom
//! header (a cross-site form cannot set one without a CORS preflight we would refuse), and,
//! when the browser names an `Origin`, an origin we serve or allow.

use axum::http::{HeaderMap, StatusCode, header};
use wt_runtime::Settings;

use crate::problem::Problem;

const REQUESTED_WITH: &str = "x-requested-with";

/// Refuses a token request that did not come from the app's own script.
pub fn check(headers: &HeaderMap, settings: &Settings) -> Result<(), Problem> {
    let xhr = headers
        .get(REQUESTED_WITH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.eq_ignore_ascii_case("XMLHttpRequest"));
    if !xhr {
        return Err(refused(
            "This request must carry X-Requested-With: XMLHttpRequest.",
        ));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    let origin = origin.to_str().unwrap_or_default().trim_end_matches('/');
    if origin_allowed(origin, settings) {
        Ok(())
    } else {
        Err(refused(
            "This request comes from an origin that is not allowed.",
        ))
    }
}

fn origin_allowed(origin: &str, settings: &Settings) -> bool {
    if settings.cors_allowed_origins.iter().any(|allowed| {
        allowed
            .trim()
            .trim_end_matches('/')
            .eq_ignore_ascii_case(origin)
    }) {
        return true;
    }
    let Some((_, rest)) = origin.split_once("://") else {
        return false;
    };
    let host = rest
        .rsplit_once(':')
        .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
        .map_or(rest, |(host, _)| host)
        .to_ascii_lowercase();
    settings.allowed_hosts().iter().any(|allowed| {
        let allowed = allowed.to_ascii_lowercase();
        match allowed.strip_prefix('.') {
            Some(domain) => host == domain || host.ends_with(&format!(".{domain}")),
            None => host == allowed,
        }
    })
}

fn refused(detail: &str) -> Problem {
    Problem::new(StatusCode::FORBIDDEN, "csrf_failed", detail)
}
