//! The security headers and the Content-Security-Policy every response carries: HSTS in
//! production only, fresh nonces, report-only and disabled modes.

use axum::http::StatusCode;
use sqlx::PgPool;

use super::*;
use crate::support::*;

/// The nonces of `script-src` and `style-src` in a policy.
fn csp_nonces(policy: &str) -> (String, String) {
    let nonce_of = |directive: &str| {
        let value = policy
            .split(';')
            .map(str::trim)
            .find(|part| part.starts_with(&format!("{directive} ")))
            .unwrap_or_else(|| panic!("{directive} in {policy}"));
        let start = value.find("'nonce-").expect("a nonce") + "'nonce-".len();
        value[start..].trim_end_matches('\'').to_owned()
    };
    (nonce_of("script-src"), nonce_of("style-src"))
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn security_headers_are_on_every_response(pool: PgPool) {
    let dist = spa_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    publish_heartbeat(&state).await;
    let cases = [
        ("/api/health", StatusCode::OK),
        ("/api/no-such-thing", StatusCode::NOT_FOUND),
        ("/planning/people/3", StatusCode::OK),
        ("/assets/app-1.js", StatusCode::OK),
        ("/assets/gone-1.js", StatusCode::NOT_FOUND),
    ];
    for (path, status) in cases {
        let answer = app.get(path).await;
        assert_eq!(answer.status, status, "{path}");
        assert_security_headers(&answer, path);
        assert!(
            !answer.header("content-security-policy").is_empty(),
            "{path}"
        );
        // Development: no HSTS, or browsers would insist on https for localhost.
        assert!(
            !answer.headers.contains_key("strict-transport-security"),
            "{path}"
        );
    }
    let refused = app.send(with_host("/api/health", "evil.example.org")).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_security_headers(&refused, "a refused host");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn hsts_is_sent_only_in_production(pool: PgPool) {
    let dist = spa_dist();
    let production = settings(&[
        "--debug=false",
        &format!("--secret-key={STRONG_SECRET}"),
        "--allowed-hosts=plan.example.com",
    ]);
    let (_, app) = app_with(pool, production, dist.path());
    for path in ["/", "/api/no-such-thing", "/assets/app-1.js"] {
        let answer = app.send(with_host(path, "plan.example.com")).await;
        assert_security_headers(&answer, path);
        assert_eq!(
            answer.header("strict-transport-security"),
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
    // The loopback names are a development convenience only.
    let answer = app.get("/").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json()["code"], "invalid_host");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn production_csp_also_names_a_reporting_api_group(pool: PgPool) {
    let dist = spa_dist();
    let secret = format!("--secret-key={STRONG_SECRET}");
    let production = settings(&["--debug=false", &secret, "--allowed-hosts=localhost"]);
    let (_, app) = app_with(pool, production, dist.path());
    let answer = app.get("/").await;
    let policy = answer.header("content-security-policy");
    assert!(
        policy.contains("report-uri /csp-report/; report-to csp-endpoint"),
        "{policy}"
    );
    assert_eq!(
        answer.header("reporting-endpoints"),
        "csp-endpoint=\"/csp-report/\""
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_csp_carries_a_fresh_nonce_for_scripts_and_styles(pool: PgPool) {
    let dist = spa_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let first = app.get("/").await;
    let second = app.get("/").await;
    assert!(
        !first
            .headers
            .contains_key("content-security-policy-report-only")
    );
    let policy = first.header("content-security-policy");
    for directive in [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "report-uri /csp-report/",
    ] {
        assert!(policy.contains(directive), "{directive}: {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    // Development is plain http, where a `report-to` group would silence `report-uri`.
    assert!(!policy.contains("report-to"), "{policy}");
    assert!(first.header("reporting-endpoints").is_empty());
    let (script, style) = csp_nonces(policy);
    assert_eq!(script, style, "one nonce per response");
    assert!(script.len() >= 22, "at least 128 bits: {script}");
    let (next_script, _) = csp_nonces(second.header("content-security-policy"));
    assert_ne!(script, next_script, "a fresh nonce per response");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn report_only_and_disabled_csp_change_the_header(pool: PgPool) {
    let dist = spa_dist();
    let (_, report_only) = app_with(
        pool.clone(),
        settings(&["--csp-report-only=true"]),
        dist.path(),
    );
    let answer = report_only.get("/").await;
    assert!(!answer.headers.contains_key("content-security-policy"));
    let policy = answer.header("content-security-policy-report-only");
    assert!(policy.contains("script-src 'self' 'nonce-"), "{policy}");

    let (_, disabled) = app_with(pool, settings(&["--csp-enabled=false"]), dist.path());
    let answer = disabled.get("/").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(!answer.headers.contains_key("content-security-policy"));
    assert!(
        !answer
            .headers
            .contains_key("content-security-policy-report-only")
    );
    assert!(!answer.headers.contains_key("reporting-endpoints"));
    assert_security_headers(&answer, "CSP disabled");
}
