//! The CSP report endpoint: both report formats, a configured report URI, and the rate
//! limit per client.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use sqlx::PgPool;

use super::*;
use crate::support::*;

fn csp_report(uri: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

const LEGACY_REPORT: &str = r#"{"csp-report": {"document-uri": "http://localhost/status?x=1",
    "violated-directive": "script-src-elem", "effective-directive": "script-src-elem",
    "blocked-uri": "https://cdn.example.org/x.js", "source-file": "http://localhost/",
    "line-number": 4, "disposition": "enforce"}}"#;

const REPORTING_API_REPORT: &str = r#"[{"type": "csp-violation", "age": 10,
    "url": "http://localhost/", "user_agent": "test",
    "body": {"documentURL": "http://localhost/", "effectiveDirective": "style-src-attr",
             "blockedURL": "inline", "disposition": "enforce", "statusCode": 200}}]"#;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn csp_reports_are_accepted_in_both_formats(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let accepted = [
        ("/csp-report", "application/csp-report", LEGACY_REPORT),
        ("/csp-report/", "application/csp-report", LEGACY_REPORT),
        (
            "/csp-report/",
            "application/reports+json",
            REPORTING_API_REPORT,
        ),
        ("/csp-report", "application/json", REPORTING_API_REPORT),
        ("/csp-report", "application/reports+json", "[]"),
    ];
    for (path, content_type, body) in accepted {
        let answer = app.send(csp_report(path, content_type, body)).await;
        assert_eq!(
            answer.status,
            StatusCode::NO_CONTENT,
            "{path} {content_type}"
        );
        assert!(answer.body.is_empty());
        assert_security_headers(&answer, path);
    }
    for garbage in ["not json", "{}", "{\"csp-report\": 3}", "[{\"type\": 1}]"] {
        let answer = app
            .send(csp_report("/csp-report", "application/csp-report", garbage))
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{garbage}");
        assert_eq!(answer.header("content-type"), "application/problem+json");
        assert_eq!(answer.json()["code"], "invalid_report");
    }
    let huge = format!(
        r#"{{"csp-report": {{"document-uri": "{}"}}}}"#,
        "a".repeat(70 * 1024)
    );
    let answer = app
        .send(csp_report("/csp-report", "application/csp-report", huge))
        .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.header("content-type"), "application/problem+json");
    assert_eq!(answer.json()["code"], "report_too_large");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn csp_reports_go_to_the_configured_report_uri_too(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(
        pool,
        settings(&["--csp-report-uri=/reports/csp/"]),
        dist.path(),
    );
    let page = app.get("/api/no-such-thing").await;
    assert!(
        page.header("content-security-policy")
            .contains("report-uri /reports/csp/")
    );
    for path in ["/reports/csp", "/reports/csp/", "/csp-report/"] {
        let answer = app
            .send(csp_report(path, "application/csp-report", LEGACY_REPORT))
            .await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT, "{path}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn csp_reports_are_rate_limited_per_client(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let from = |client: [u8; 4]| {
        let mut request = csp_report("/csp-report", "application/csp-report", LEGACY_REPORT);
        let address = std::net::SocketAddr::from((client, 40_000));
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(address));
        request
    };
    for n in 1..=60 {
        let answer = app.send(from([10, 0, 0, 1])).await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT, "report {n}");
    }
    let limited = app.send(from([10, 0, 0, 1])).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.header("content-type"), "application/problem+json");
    assert_eq!(limited.json()["code"], "rate_limited");
    let retry_after: u64 = limited.header("retry-after").parse().unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    // Another client has its own allowance.
    let other = app.send(from([10, 0, 0, 2])).await;
    assert_eq!(other.status, StatusCode::NO_CONTENT);
}
