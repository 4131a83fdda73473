//! Requests for unknown hosts are refused; CORS answers only the configured origins and
//! sends credentials only in cookie mode.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use sqlx::PgPool;
use tower::ServiceExt;

use super::*;
use crate::support::*;

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
