//! Behind a proxy: the per-client limits (sign-in, password reset, CSP reports) key on the
//! client's address, taken from `X-Forwarded-For` only when the connection comes from one
//! of `TRUSTED_PROXIES`; the counts live in Redis, so two app instances share them; a
//! password change is throttled per user; and a Redis outage is never a 500.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::{
    Answer, PASSWORD, TestApp, access_token, app_with, create_user, no_dist, request, settings,
};

/// nginx on this machine, as the tests' `TRUSTED_PROXIES` names it.
const PROXY: [u8; 4] = [127, 0, 0, 1];

const LEGACY_REPORT: &str = r#"{"csp-report":{"document-uri":"https://a.example/","violated-directive":"script-src","blocked-uri":"inline"}}"#;

/// `request` as if it came over a socket from `peer`, with `forwarded_for` (when given)
/// as its `X-Forwarded-For`.
fn via(mut request: Request<Body>, peer: [u8; 4], forwarded_for: Option<&str>) -> Request<Body> {
    let address = SocketAddr::from((peer, 40_000));
    request.extensions_mut().insert(ConnectInfo(address));
    if let Some(value) = forwarded_for {
        request
            .headers_mut()
            .insert("x-forwarded-for", value.parse().unwrap());
    }
    request
}

fn csp_report() -> Request<Body> {
    Request::post("/csp-report")
        .header("content-type", "application/csp-report")
        .body(Body::from(LEGACY_REPORT))
        .unwrap()
}

fn sign_in(username: &str, password: &str) -> Request<Body> {
    let body = json!({ "username": username, "password": password });
    request("POST", "/api/token", None, Some(body))
}

fn reset(email: &str) -> Request<Body> {
    request(
        "POST",
        "/api/auth/password-reset",
        None,
        Some(json!({ "email": email })),
    )
}

fn behind_nginx() -> wt_runtime::Settings {
    settings(&["--trusted-proxies=127.0.0.1,10.0.0.0/8"])
}

/// Asserts a 429 problem with `code` and a `Retry-After` of 1..=`window` seconds.
fn assert_limited(answer: &Answer, code: &str, window: u64) {
    assert_eq!(
        answer.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{:?}",
        answer.json()
    );
    assert_eq!(answer.header("content-type"), "application/problem+json");
    assert_eq!(answer.json()["code"], code);
    let wait: u64 = answer.header("retry-after").parse().unwrap();
    assert!((1..=window).contains(&wait), "Retry-After {wait}");
}

/// Sends CSP reports until the 60-a-minute allowance is used; the next is refused.
async fn use_up_reports(app: &TestApp, peer: [u8; 4], forwarded_for: impl Fn(u32) -> String) {
    for n in 0..60 {
        let header = forwarded_for(n);
        let answer = app.send(via(csp_report(), peer, Some(&header))).await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT, "report {n}");
    }
    let header = forwarded_for(60);
    let refused = app.send(via(csp_report(), peer, Some(&header))).await;
    assert_limited(&refused, "rate_limited", 60);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn forwarded_for_from_an_untrusted_peer_is_ignored(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, behind_nginx(), dist.path());
    // A client connecting directly names a new address each time: all one client.
    let stranger = [198, 51, 100, 9];
    use_up_reports(&app, stranger, |n| format!("203.0.113.{n}")).await;
    let another = app.send(via(csp_report(), [198, 51, 100, 10], None)).await;
    assert_eq!(another.status, StatusCode::NO_CONTENT);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn forwarded_for_from_a_trusted_proxy_names_the_client(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, behind_nginx(), dist.path());
    // What the client claims itself is left of what nginx saw, and is not believed.
    use_up_reports(&app, PROXY, |n| format!("192.0.2.{n}, 203.0.113.7")).await;
    let neighbour = via(csp_report(), PROXY, Some("203.0.113.8"));
    assert_eq!(app.send(neighbour).await.status, StatusCode::NO_CONTENT);
    // Through a balancer (10.0.0.3, trusted) and nginx: still the client's own count.
    let balanced = via(csp_report(), PROXY, Some("203.0.113.7, 10.0.0.3"));
    assert_limited(&app.send(balanced).await, "rate_limited", 60);
    // A header that cannot be read counts against the proxy itself, not the client.
    let malformed = via(csp_report(), PROXY, Some("203.0.113.7, bogus"));
    assert_eq!(app.send(malformed).await.status, StatusCode::NO_CONTENT);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn fifty_failed_sign_ins_behind_the_proxy_block_only_that_client(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, behind_nginx(), dist.path());
    create_user(&state, "grace", Role::User).await;
    let guesser = Some("203.0.113.66");
    // Fifty usernames, so no username reaches its own limit of ten.
    for n in 0..50 {
        let guess = via(sign_in(&format!("user{n}"), "guess"), PROXY, guesser);
        let answer = app.send(guess).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    let blocked = app
        .send(via(sign_in("grace", PASSWORD), PROXY, guesser))
        .await;
    assert_limited(&blocked, "too_many_attempts", 900);

    let colleague = Some("203.0.113.67");
    let answer = app
        .send(via(sign_in("grace", PASSWORD), PROXY, colleague))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn limits_are_shared_by_every_app_instance(pool: PgPool) {
    let dist = no_dist();
    let shared = behind_nginx();
    let (state, first) = app_with(pool.clone(), shared.clone(), dist.path());
    let (_, second) = app_with(pool, shared, dist.path());
    create_user(&state, "heidi", Role::User).await;
    // Ten failures for one username, alternating between the two instances.
    for n in 0..10 {
        let app = if n % 2 == 0 { &first } else { &second };
        let client = format!("203.0.113.{n}");
        let answer = app
            .send(via(sign_in("heidi", "guess"), PROXY, Some(&client)))
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    for app in [&first, &second] {
        let answer = app.send(via(sign_in("heidi", PASSWORD), PROXY, None)).await;
        assert_limited(&answer, "too_many_attempts", 900);
    }
    // The CSP report allowance is one count too: 30 reports through each instance.
    for n in 0..60 {
        let app = if n % 2 == 0 { &first } else { &second };
        let answer = app.send(via(csp_report(), [198, 51, 100, 1], None)).await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT, "report {n}");
    }
    let refused = second
        .send(via(csp_report(), [198, 51, 100, 1], None))
        .await;
    assert_limited(&refused, "rate_limited", 60);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn password_changes_are_throttled_per_user(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, behind_nginx(), dist.path());
    let ivan = create_user(&state, "ivan", Role::User).await;
    let token = access_token(&state, &ivan);
    let change = |current: &str| {
        let body =
            json!({ "currentPassword": current, "newPassword": "a much longer new secret 7" });
        request(
            "POST",
            "/api/auth/change-password",
            Some(&token),
            Some(body),
        )
    };
    for n in 0..5 {
        let client = format!("203.0.113.{n}");
        let answer = app.send(via(change("wrong"), PROXY, Some(&client))).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "attempt {n}");
        assert_eq!(answer.json()["code"], "wrong_password");
    }
    // Even the right password waits now, from anywhere.
    let blocked = app.send(change(PASSWORD)).await;
    assert_limited(&blocked, "too_many_attempts", 900);
    // Another user is not affected.
    let judy = create_user(&state, "judy", Role::User).await;
    let body = json!({ "currentPassword": PASSWORD, "newPassword": "a much longer new secret 7" });
    let judy_token = access_token(&state, &judy);
    let own = request(
        "POST",
        "/api/auth/change-password",
        Some(&judy_token),
        Some(body),
    );
    assert_eq!(app.send(own).await.status, StatusCode::OK);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn reset_requests_are_throttled_per_client_and_per_address(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, behind_nginx(), dist.path());
    let client = Some("203.0.113.20");
    for n in 0..10 {
        let ask = via(reset(&format!("person{n}@example.com")), PROXY, client);
        assert_eq!(app.send(ask).await.status, StatusCode::NO_CONTENT, "{n}");
    }
    let refused = app
        .send(via(reset("person10@example.com"), PROXY, client))
        .await;
    assert_limited(&refused, "too_many_attempts", 3600);
    let elsewhere = via(reset("person10@example.com"), PROXY, Some("203.0.113.21"));
    assert_eq!(app.send(elsewhere).await.status, StatusCode::NO_CONTENT);

    // One mailbox, asked for from many clients, gets five a window.
    for n in 0..5 {
        let client = format!("192.0.2.{n}");
        let ask = via(reset("Mailbox@example.com"), PROXY, Some(&client));
        assert_eq!(app.send(ask).await.status, StatusCode::NO_CONTENT, "{n}");
    }
    let flooded = via(reset("mailbox@example.com"), PROXY, Some("192.0.2.99"));
    assert_limited(&app.send(flooded).await, "too_many_attempts", 3600);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_redis_outage_is_never_a_server_error(pool: PgPool) {
    let dist = no_dist();
    let nothing_listens = "--redis-url=redis://127.0.0.1:9/0";
    let (state, app) = app_with(pool, settings(&[nothing_listens]), dist.path());
    create_user(&state, "kim", Role::User).await;
    let from = |request| via(request, [203, 0, 113, 5], None);
    // Sign-in fails open: each guess still costs a password hash.
    let wrong = app.send(from(sign_in("kim", "guess"))).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let right = app.send(from(sign_in("kim", PASSWORD))).await;
    assert_eq!(right.status, StatusCode::OK);
    // Reset requests and CSP reports fail closed, with a problem to retry later.
    for refused in [
        app.send(from(reset("kim@example.com"))).await,
        app.send(from(csp_report())).await,
    ] {
        assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(refused.header("content-type"), "application/problem+json");
        assert_eq!(refused.json()["code"], "rate_limit_unavailable");
        assert!(refused.header("retry-after").parse::<u64>().is_ok());
    }
}
