//! Web security, one module per subject: the headers and Content-Security-Policy on
//! every response, the CSP report endpoint, and host checks with CORS. The fixtures they
//! share (a built web app, the header assertions, a request for a host) live here.

mod csp_reports;
mod headers;
mod hosts_and_cors;

use axum::body::Body;
use axum::http::{Request, header};

use crate::support::*;

/// A built web app with a page and one hashed asset.
fn spa_dist() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>WT</title>",
    )
    .unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(dist.path().join("assets/app-1.js"), "export {}").unwrap();
    dist
}

fn assert_security_headers(answer: &Answer, what: &str) {
    assert_eq!(answer.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(
        answer.header("referrer-policy"),
        "strict-origin-when-cross-origin",
        "{what}"
    );
    assert_eq!(answer.header("x-frame-options"), "DENY", "{what}");
    let permissions = answer.header("permissions-policy");
    for feature in [
        "camera=()",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
    ] {
        assert!(permissions.contains(feature), "{what}: {permissions}");
    }
    assert_eq!(
        answer.header("cross-origin-opener-policy"),
        "same-origin",
        "{what}"
    );
}

fn with_host(uri: &str, host: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, host)
        .body(Body::empty())
        .unwrap()
}
