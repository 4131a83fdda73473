//! The Host check: requests are answered only for the names in `ALLOWED_HOSTS` (or the
//! loopback names in development), so a forged `Host` cannot make the app build links,
//! cache entries or emails for someone else's domain (DNS rebinding, cache poisoning).
//!
//! Entries match exactly, port and case ignored. An entry with a leading dot,
//! `.example.com`, matches `example.com` and every subdomain of it (as Django does). No
//! other wildcard exists: `*` matches nothing, so "allow everything" cannot be configured
//! by accident.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::problem::Problem;

/// The accepted host names, normalised once.
#[derive(Debug)]
pub struct AllowedHosts(Vec<String>);

impl AllowedHosts {
    pub fn new(hosts: &[String]) -> Self {
        if hosts.iter().any(|host| host.contains('*')) {
            tracing::warn!(
                "ALLOWED_HOSTS contains '*', which matches nothing: list the names, or use \
                 '.example.com' for a domain and its subdomains"
            );
        }
        let usable = hosts.iter().filter(|host| !host.contains('*'));
        AllowedHosts(usable.map(|host| normalise(host)).collect())
    }

    /// Whether a `Host` value (with or without a port) is one we answer for.
    pub fn allows(&self, host_header: &str) -> bool {
        let Some(host) = host_name(host_header) else {
            return false;
        };
        self.0
            .iter()
            .any(|pattern| match pattern.strip_prefix('.') {
                Some(domain) => host == domain || host.ends_with(pattern.as_str()),
                None => host == *pattern,
            })
    }
}

/// Lower case without a trailing dot: `Example.COM.` names the same host as `example.com`.
fn normalise(host: &str) -> String {
    host.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The host name of a `Host` value, port stripped; IPv6 literals keep their brackets
/// (`[::1]:8000` -> `[::1]`). `None` when the value is malformed.
fn host_name(value: &str) -> Option<String> {
    let (host, port) = if value.starts_with('[') {
        let end = value.find(']')?;
        let rest = &value[end + 1..];
        let port = match rest.strip_prefix(':') {
            Some(port) => Some(port),
            None if rest.is_empty() => None,
            None => return None,
        };
        (&value[..=end], port)
    } else {
        match value.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (value, None),
        }
    };
    if port.is_some_and(|port| port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let host = normalise(host);
    (!host.is_empty()).then_some(host)
}

/// Middleware: refuses a request for a host we do not serve with 400 `invalid_host`. A
/// request without `Host` is refused too (HTTP/1.1 requires it); HTTP/2 sends the host as
/// `:authority`, which arrives as the URI's authority, so that is used when present.
pub async fn check(
    State(allowed): State<Arc<AllowedHosts>>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .or_else(|| {
            request
                .uri()
                .authority()
                .map(|authority| authority.as_str())
        });
    if host.is_some_and(|host| allowed.allows(host)) {
        return next.run(request).await;
    }
    // Debug formatting escapes control characters, and the value is cut short: a hostile
    // Host cannot forge or flood log lines.
    let shown: String = host.unwrap_or("").chars().take(100).collect();
    tracing::warn!(host = ?shown, "request for a host not in ALLOWED_HOSTS refused");
    Problem::bad_request(
        "invalid_host",
        "This server does not answer for the requested host name.",
    )
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(list: &[&str]) -> AllowedHosts {
        AllowedHosts::new(&list.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn exact_names_match_without_port_or_case() {
        let allowed = hosts(&["plan.example.com", "127.0.0.1", "[::1]"]);
        for ok in [
            "plan.example.com",
            "Plan.Example.com:8443",
            "plan.example.com.",
            "127.0.0.1:8000",
            "[::1]",
            "[::1]:80",
        ] {
            assert!(allowed.allows(ok), "{ok}");
        }
        for bad in [
            "evil.com",
            "plan.example.com.evil.com",
            "example.com",
            "::1",
            "[::1]x",
            "plan.example.com:",
            "plan.example.com:80:80",
            "",
            "[::1",
        ] {
            assert!(!allowed.allows(bad), "{bad}");
        }
    }

    #[test]
    fn a_leading_dot_matches_the_domain_and_its_subdomains() {
        let allowed = hosts(&[".example.com"]);
        assert!(allowed.allows("example.com"));
        assert!(allowed.allows("a.b.example.com:443"));
        assert!(!allowed.allows("badexample.com"));
        assert!(!allowed.allows("example.com.evil.org"));
    }

    #[test]
    fn a_star_matches_nothing() {
        assert!(!hosts(&["*"]).allows("anything.org"));
        assert!(!hosts(&["*"]).allows("*"));
    }
}
