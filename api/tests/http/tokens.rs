//! Sign-in and sessions: forged access tokens, refresh rotation and replay, sign-out,
//! cookie flags, the CSRF guard, uniform failures and throttling.

use axum::http::{StatusCode, header};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

fn credentials(username: &str, password: &str) -> Option<Value> {
    Some(json!({ "username": username, "password": password }))
}

/// The refresh token a response sets as a cookie.
fn refresh_cookie(answer: &Answer) -> Option<String> {
    let cookie = answer.header("set-cookie");
    cookie
        .strip_prefix("wt_refresh=")
        .and_then(|rest| rest.split(';').next())
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
}

/// A refresh request as the app's script sends it.
fn refresh_with(cookie: &str) -> axum::http::Request<axum::body::Body> {
    let mut req = request("POST", "/api/token/refresh", None, None);
    req.headers_mut()
        .insert("x-requested-with", "XMLHttpRequest".parse().unwrap());
    req.headers_mut().insert(
        header::COOKIE,
        format!("wt_refresh={cookie}").parse().unwrap(),
    );
    req
}

/// The access-token key as the server derives it (the contract under test).
fn server_key(secret: &str) -> Vec<u8> {
    Sha256::new()
        .chain_update(b"workload-tracker/access-token/v1\0")
        .chain_update(secret.as_bytes())
        .finalize()
        .to_vec()
}

fn sign(claims: &Value, algorithm: Algorithm, key: &[u8]) -> String {
    jsonwebtoken::encode(
        &Header::new(algorithm),
        claims,
        &EncodingKey::from_secret(key),
    )
    .unwrap()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn forged_and_stale_access_tokens_are_refused(pool: PgPool) {
    let dist = no_dist();
    let secret = STRONG_SECRET;
    let (state, app) = app_with(
        pool,
        settings(&[&format!("--secret-key={secret}")]),
        dist.path(),
    );
    let user = create_user(&state, "mallory", Role::User).await;
    let valid = access_token(&state, &user);
    let me = |token: String| request("GET", "/api/auth/me", Some(&token), None);
    assert_eq!(app.send(me(valid.clone())).await.status, StatusCode::OK);

    let now = chrono::Utc::now().timestamp();
    let claims = |iat: i64, exp: i64| {
        json!({ "sub": user.id.to_string(), "role": "admin", "ver": user.token_version,
                "iat": iat, "exp": exp })
    };
    let key = server_key(secret);
    let header_none = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims(now, now + 600).to_string());
    let [_, _, signature] = <[&str; 3]>::try_from(valid.split('.').collect::<Vec<_>>()).unwrap();
    let valid_header = valid.split('.').next().unwrap();
    let mut not_yet = claims(now, now + 600);
    not_yet["nbf"] = json!(now + 3600);
    let forged = [
        ("alg none", format!("{header_none}.{payload}.")),
        (
            "HS512 with the right key",
            sign(&claims(now, now + 600), Algorithm::HS512, &key),
        ),
        (
            "payload tampered to admin",
            format!("{valid_header}.{payload}.{signature}"),
        ),
        (
            "expired",
            sign(&claims(now - 7200, now - 3600), Algorithm::HS256, &key),
        ),
        ("not yet valid", sign(&not_yet, Algorithm::HS256, &key)),
        (
            "issued in the future",
            sign(&claims(now + 3600, now + 7200), Algorithm::HS256, &key),
        ),
        (
            "another key",
            sign(
                &claims(now, now + 600),
                Algorithm::HS256,
                &server_key("other-secret-0123456789abcdef0123"),
            ),
        ),
        ("garbage", "not-a-token".to_owned()),
    ];
    for (what, token) in forged {
        let answer = app.send(me(token)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{what}");
        assert_eq!(answer.json()["code"], "token_invalid", "{what}");
    }
    // The right key and algorithm, but a token version from before a password change.
    let mut old_version = claims(now, now + 600);
    old_version["ver"] = json!(user.token_version - 1);
    let answer = app
        .send(me(sign(&old_version, Algorithm::HS256, &key)))
        .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn refresh_rotates_and_a_replay_revokes_the_family(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    create_user(&state, "alice", Role::User).await;
    let signin = app
        .send(request(
            "POST",
            "/api/token",
            None,
            credentials("Alice", PASSWORD),
        ))
        .await;
    assert_eq!(signin.status, StatusCode::OK);
    let body = signin.json();
    assert!(body["access"].as_str().unwrap().starts_with("eyJ"));
    assert!(
        body.get("refresh").is_none(),
        "never in the body in cookie mode"
    );
    assert_eq!(body["user"]["username"], "alice");
    let first = refresh_cookie(&signin).expect("refresh cookie");
    let cookie = signin.header("set-cookie").to_owned();
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/api/token"] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http in development: {cookie}"
    );

    let rotated = app.send(refresh_with(&first)).await;
    assert_eq!(rotated.status, StatusCode::OK);
    let second = refresh_cookie(&rotated).expect("a new refresh cookie");
    assert_ne!(first, second);

    // The old token again: a replay. It fails and takes the newer token down with it.
    let replay = app.send(refresh_with(&first)).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    assert_eq!(replay.json()["code"], "refresh_invalid");
    assert_eq!(
        app.send(refresh_with(&second)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let (events, _) = wt_store::audit::list(&state.db, 10, 0).await.unwrap();
    assert!(events.iter().any(|e| e.action == "refresh_token_reused"));
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn sign_out_revokes_the_session(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    create_user(&state, "bob", Role::User).await;
    let signin = app
        .send(request(
            "POST",
            "/api/token",
            None,
            credentials("bob", PASSWORD),
        ))
        .await;
    let token = refresh_cookie(&signin).unwrap();
    let mut logout = refresh_with(&token);
    *logout.uri_mut() = "/api/token/logout".parse().unwrap();
    let answer = app.send(logout).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert!(
        answer
            .header("set-cookie")
            .starts_with("wt_refresh=; Max-Age=0")
    );
    assert_eq!(
        app.send(refresh_with(&token)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn production_cookies_are_secure(pool: PgPool) {
    let dist = no_dist();
    let secret = format!("--secret-key={STRONG_SECRET}");
    let production = settings(&["--debug=false", &secret, "--allowed-hosts=localhost"]);
    let (state, app) = app_with(pool, production, dist.path());
    create_user(&state, "carol", Role::User).await;
    let signin = app
        .send(request(
            "POST",
            "/api/token",
            None,
            credentials("carol", PASSWORD),
        ))
        .await;
    let cookie = signin.header("set-cookie");
    for flag in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/api/token"] {
        assert!(cookie.contains(flag), "{cookie}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn refresh_needs_the_custom_header_and_an_allowed_origin(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    create_user(&state, "dave", Role::User).await;
    let signin = app
        .send(request(
            "POST",
            "/api/token",
            None,
            credentials("dave", PASSWORD),
        ))
        .await;
    let token = refresh_cookie(&signin).unwrap();

    let mut bare = refresh_with(&token);
    bare.headers_mut().remove("x-requested-with");
    let answer = app.send(bare).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(answer.json()["code"], "csrf_failed");

    let mut foreign = refresh_with(&token);
    foreign
        .headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    assert_eq!(app.send(foreign).await.status, StatusCode::FORBIDDEN);

    let mut own = refresh_with(&token);
    own.headers_mut()
        .insert(header::ORIGIN, "http://localhost:8000".parse().unwrap());
    assert_eq!(app.send(own).await.status, StatusCode::OK);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn without_cookie_mode_the_refresh_token_travels_in_the_body(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(
        pool,
        settings(&["--cookie-refresh-auth=false"]),
        dist.path(),
    );
    create_user(&state, "erin", Role::User).await;
    let signin = app
        .send(request(
            "POST",
            "/api/token",
            None,
            credentials("erin", PASSWORD),
        ))
        .await;
    assert!(signin.header("set-cookie").is_empty());
    let refresh = signin.json()["refresh"].as_str().unwrap().to_owned();
    let mut req = request(
        "POST",
        "/api/token/refresh",
        None,
        Some(json!({ "refresh": refresh })),
    );
    req.headers_mut()
        .insert("x-requested-with", "XMLHttpRequest".parse().unwrap());
    let answer = app.send(req).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.json()["refresh"].is_string());
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn failed_sign_ins_look_alike_and_are_throttled(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let frank = create_user(&state, "frank", Role::User).await;
    let gone = create_user(&state, "gone", Role::User).await;
    let changes = wt_store::users::UserChanges {
        is_active: Some(false),
        ..Default::default()
    };
    wt_store::users::update(&state.db, gone.id, &changes, None)
        .await
        .unwrap();

    let attempt = |username: &str, password: &str| {
        request("POST", "/api/token", None, credentials(username, password))
    };
    let wrong = app.send(attempt("frank", "not the password")).await;
    let unknown = app.send(attempt("nobody", "not the password")).await;
    let inactive = app.send(attempt("gone", PASSWORD)).await;
    for answer in [&wrong, &unknown, &inactive] {
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.body, wrong.body, "the same answer for every failure");
    }

    for _ in 0..9 {
        app.send(attempt("frank", "still wrong")).await;
    }
    let throttled = app.send(attempt("frank", PASSWORD)).await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(throttled.json()["code"], "too_many_attempts");
    let wait: u64 = throttled.header("retry-after").parse().unwrap();
    assert!((1..=900).contains(&wait));
    assert_eq!(frank.role, Role::User);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_sign_in_bodies_are_problems(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let missing = app
        .send(request("POST", "/api/token", None, Some(json!({}))))
        .await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.json()["code"], "validation_failed");
    let mut broken = request("POST", "/api/token", None, None);
    broken
        .headers_mut()
        .insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
    *broken.body_mut() = axum::body::Body::from("{not json");
    let answer = app.send(broken).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json()["code"], "invalid_json");
}
