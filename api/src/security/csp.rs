//! The Content-Security-Policy: built once from the settings, sent on every response
//! (enforced, or report-only during a rollout) with a fresh nonce per request. The nonce
//! is also put into the request's extensions as [`CspNonce`] so a handler that renders
//! HTML can mark the inline scripts and styles it really needs.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use wt_runtime::Settings;

/// The name under which `Reporting-Endpoints` declares the report URI for `report-to`.
const REPORT_GROUP: &str = "csp-endpoint";

/// This request's CSP nonce, base64 of 128 random bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CspNonce(pub String);

impl CspNonce {
    /// A fresh nonce. `rand`'s thread generator is a CSPRNG seeded from the OS, so nonces
    /// cannot be predicted from earlier ones.
    pub fn generate() -> Self {
        let bytes: [u8; 16] = rand::random();
        CspNonce(STANDARD.encode(bytes))
    }
}

/// The policy as configured: which header carries it and where reports go.
#[derive(Debug)]
pub struct CspPolicy {
    header: HeaderName,
    report_uri: Option<String>,
    reporting_endpoints: Option<HeaderValue>,
}

impl CspPolicy {
    /// The policy, or `None` when `CSP_ENABLED=false`.
    pub fn from_settings(settings: &Settings) -> Option<Self> {
        if !settings.csp_enabled {
            return None;
        }
        let header = if settings.csp_report_only {
            header::CONTENT_SECURITY_POLICY_REPORT_ONLY
        } else {
            header::CONTENT_SECURITY_POLICY
        };
        let report_uri = usable_report_uri(&settings.csp_report_uri);
        // Chromium honours `Reporting-Endpoints` only on https responses, and once a policy
        // names a `report-to` group it ignores `report-uri`: over plain-http development
        // the group would swallow every report. Production is served over https.
        let reporting_endpoints = report_uri
            .as_ref()
            .filter(|_| !settings.debug)
            .and_then(|uri| HeaderValue::from_str(&format!("{REPORT_GROUP}=\"{uri}\"")).ok());
        Some(CspPolicy {
            header,
            report_uri,
            reporting_endpoints,
        })
    }

    /// The policy text for one nonce: the production guide's default, plus `base-uri` and
    /// `form-action` (which do not fall back to `default-src`, so a `<base>` or form
    /// injection could otherwise point elsewhere), plus where to report.
    pub fn render(&self, nonce: &CspNonce) -> String {
        let nonce = &nonce.0;
        let mut policy = format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}'; \
             style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self' data:; \
             connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        );
        if let Some(uri) = &self.report_uri {
            policy.push_str(&format!("; report-uri {uri}"));
            if self.reporting_endpoints.is_some() {
                // Browsers that know `report-to` use it; older ones use `report-uri`.
                policy.push_str(&format!("; report-to {REPORT_GROUP}"));
            }
        }
        policy
    }
}

/// The report URI when it can be written into the policy as-is; anything that would break
/// the header's syntax is dropped with a warning instead of corrupting the policy.
fn usable_report_uri(uri: &str) -> Option<String> {
    let uri = uri.trim();
    if uri.is_empty() {
        return None;
    }
    let safe = uri
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, ';' | ',' | '"' | '\''));
    if !safe {
        tracing::warn!(
            uri,
            "CSP_REPORT_URI is not a plain URI; reports are disabled"
        );
        return None;
    }
    Some(uri.to_owned())
}

/// Middleware: makes the nonce, hands it to the handlers and sends the policy.
pub async fn apply(
    State(policy): State<Arc<CspPolicy>>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = CspNonce::generate();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    // Base64, quotes, spaces and the checked report URI only: always a valid value.
    if let Ok(value) = HeaderValue::from_str(&policy.render(&nonce)) {
        response.headers_mut().insert(policy.header.clone(), value);
    }
    if let Some(endpoints) = &policy.reporting_endpoints {
        response.headers_mut().insert(
            HeaderName::from_static("reporting-endpoints"),
            endpoints.clone(),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_128_bit_base64_and_fresh() {
        let first = CspNonce::generate();
        assert_eq!(STANDARD.decode(&first.0).unwrap().len(), 16);
        assert_ne!(first, CspNonce::generate());
    }

    #[test]
    fn unsafe_report_uris_are_dropped() {
        assert_eq!(
            usable_report_uri(" /csp-report/ ").as_deref(),
            Some("/csp-report/")
        );
        assert_eq!(usable_report_uri(""), None);
        assert_eq!(usable_report_uri("/x; script-src *"), None);
    }
}
