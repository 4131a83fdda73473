//! Security headers, CSP with nonces, CSP reports, host checks and CORS.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use sqlx::PgPool;

use tower::ServiceExt;

use crate::support::*;

// ---- Web security: headers, CSP, CSP reports, host check, CORS ----

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

fn with_host(uri: &str, host: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, host)
        .body(Body::empty())
        .unwrap()
}

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

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn requests_for_unknown_hosts_are_refused(pool: PgPool) {
    let dist = spa_dist();
    let (_, app) = app_with(pool.clone(), settings(&[]), dist.path());
    for host in [
        "localhost:8000",
        "127.0.0.1:5173",
        "[::1]:8000",
        "LOCALHOST",
    ] {
        let answer = app.send(with_host("/", host)).await;
        assert_eq!(answer.status, StatusCode::OK, "{host}");
    }
    for host in [
        "evil.example.org",
        "localhost.evil.org",
        "localhost:x",
        "[::1",
    ] {
        for path in ["/", "/api/health"] {
            let answer = app.send(with_host(path, host)).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{host} {path}");
            assert_eq!(answer.header("content-type"), "application/problem+json");
            assert_eq!(answer.json()["code"], "invalid_host");
        }
    }
    // No Host at all (bypassing the helper, which adds one).
    let bare = Request::get("/").body(Body::empty()).unwrap();
    let response = app.0.clone().oneshot(bare).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let (_, domain) = app_with(
        pool,
        settings(&["--allowed-hosts=.example.com"]),
        dist.path(),
    );
    for host in ["example.com", "plan.example.com:443", "a.b.Example.com"] {
        let answer = domain.send(with_host("/", host)).await;
        assert_eq!(answer.status, StatusCode::OK, "{host}");
    }
    for host in ["example.org", "badexample.com", "localhost"] {
        let answer = domain.send(with_host("/", host)).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{host}");
    }
}

fn preflight(origin: &str) -> Request<Body> {
    Request::options("/api/jobs/1")
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "if-match,content-type",
        )
        .body(Body::empty())
        .unwrap()
}

fn cors_headers(answer: &Answer) -> Vec<String> {
    let names = answer.headers.keys().map(|name| name.as_str().to_owned());
    names
        .filter(|name| name.starts_with("access-control-"))
        .collect()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn cors_answers_only_the_configured_origins(pool: PgPool) {
    let dist = no_dist();
    let origins = "--cors-allowed-origins=https://app.example.com,https://other.example.com/";
    let (_, app) = app_with(
        pool,
        settings(&[origins, "--cookie-refresh-auth=true"]),
        dist.path(),
    );
    let allowed = app.send(preflight("https://app.example.com")).await;
    assert_eq!(allowed.status, StatusCode::OK);
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        "https://app.example.com"
    );
    assert_eq!(allowed.header("access-control-allow-credentials"), "true");
    assert!(
        allowed
            .header("access-control-allow-methods")
            .contains("PATCH")
    );
    let allow_headers = allowed.header("access-control-allow-headers");
    assert!(allow_headers.contains("if-match") && allow_headers.contains("x-request-id"));
    assert_security_headers(&allowed, "a preflight");

    let trailing_slash_entry = app.send(preflight("https://other.example.com")).await;
    assert_eq!(
        trailing_slash_entry.header("access-control-allow-origin"),
        "https://other.example.com"
    );

    let foreign = app.send(preflight("https://evil.example.org")).await;
    assert_eq!(cors_headers(&foreign), Vec::<String>::new());

    let mut simple = with_host("/api/no-such-thing", "localhost");
    let origin = header::HeaderValue::from_static("https://app.example.com");
    simple.headers_mut().insert(header::ORIGIN, origin);
    let simple = app.send(simple).await;
    assert_eq!(
        simple.header("access-control-allow-origin"),
        "https://app.example.com"
    );
    assert!(
        simple
            .header("access-control-expose-headers")
            .contains("etag")
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn cors_credentials_follow_cookie_mode_and_no_origins_means_no_cors(pool: PgPool) {
    let dist = no_dist();
    let origins = "--cors-allowed-origins=https://app.example.com";
    let (_, bearer) = app_with(
        pool.clone(),
        settings(&[origins, "--cookie-refresh-auth=false"]),
        dist.path(),
    );
    let answer = bearer.send(preflight("https://app.example.com")).await;
    assert_eq!(
        answer.header("access-control-allow-origin"),
        "https://app.example.com"
    );
    assert!(
        !answer
            .headers
            .contains_key("access-control-allow-credentials")
    );

    let (_, closed) = app_with(pool, settings(&[]), dist.path());
    let answer = closed.send(preflight("https://app.example.com")).await;
    assert_eq!(cors_headers(&answer), Vec::<String>::new());
}
