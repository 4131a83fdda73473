//! The permission matrix of the account routes for anonymous, user, manager and admin,
//! with authentication enforced and in the staged roll-out mode where reads are open.
//! The planning routes have their own matrix in `planning_permissions`.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

/// Who calls: nobody, or a user of a role.
#[derive(Clone, Copy, Debug)]
pub enum Caller {
    Anonymous,
    As(Role),
}

pub use Caller::{Anonymous, As};

pub const USER: Caller = As(Role::User);
pub const MANAGER: Caller = As(Role::Manager);
pub const ADMIN: Caller = As(Role::Admin);

pub async fn status_of(
    app: &TestApp,
    tokens: &[(Role, String)],
    caller: Caller,
    method: &str,
    uri: &str,
    body: Option<serde_json::Value>,
) -> StatusCode {
    let token = match caller {
        Anonymous => None,
        As(role) => tokens
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, t)| t.as_str()),
    };
    app.send(request(method, uri, token, body)).await.status
}

pub async fn tokens_for_all_roles(state: &wt_api::AppState) -> (Vec<(Role, String)>, i64) {
    let mut tokens = Vec::new();
    let mut user_id = 0;
    for role in Role::ALL {
        let user = create_user(state, &format!("the-{role}"), role).await;
        if role == Role::User {
            user_id = user.id;
        }
        tokens.push((role, access_token(state, &user)));
    }
    (tokens, user_id)
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn each_role_reaches_exactly_its_routes(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let (tokens, _) = tokens_for_all_roles(&state).await;
    // A bystander account, so admin writes do not end the callers' own sessions.
    let target = create_user(&state, "bystander", Role::User).await;
    let user_path = format!("/api/users/{}", target.id);
    let patch = Some(json!({ "email": "renamed@example.com" }));
    let new_user =
        || Some(json!({ "username": "new-one", "email": "n@example.com", "password": PASSWORD }));
    // (method, path, body, expected for anonymous, user, manager, admin)
    type Row = (&'static str, String, Option<serde_json::Value>, [u16; 4]);
    let matrix: Vec<Row> = vec![
        ("GET", "/api/health".into(), None, [503, 503, 503, 503]),
        ("GET", "/api/auth/me".into(), None, [401, 200, 200, 200]),
        ("GET", "/api/users".into(), None, [401, 403, 403, 200]),
        ("GET", user_path.clone(), None, [401, 403, 403, 200]),
        (
            "PATCH",
            user_path.clone(),
            patch.clone(),
            [401, 403, 403, 200],
        ),
        (
            "POST",
            format!("{user_path}/password"),
            Some(json!({ "password": PASSWORD })),
            [401, 403, 403, 204],
        ),
        ("GET", "/api/audit".into(), None, [401, 403, 403, 200]),
        (
            "POST",
            "/api/jobs/warm-cache".into(),
            None,
            [401, 403, 403, 202],
        ),
    ];
    for (method, path, body, expected) in matrix {
        for (caller, want) in [Anonymous, USER, MANAGER, ADMIN].into_iter().zip(expected) {
            let got = status_of(&app, &tokens, caller, method, &path, body.clone()).await;
            assert_eq!(got.as_u16(), want, "{caller:?} {method} {path}");
        }
    }
    // Creating is admin-only too (run last: it succeeds once).
    for (caller, want) in [(Anonymous, 401), (USER, 403), (MANAGER, 403), (ADMIN, 201)] {
        let got = status_of(&app, &tokens, caller, "POST", "/api/users", new_user()).await;
        assert_eq!(got.as_u16(), want, "{caller:?} POST /api/users");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_job_is_visible_to_its_requester_and_admins_only(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let (tokens, user_id) = tokens_for_all_roles(&state).await;
    let new = wt_store::jobs::NewJob::new(wt_domain::jobs::JobKind::WarmCache, json!({}))
        .requested_by(Some(user_id));
    let mut conn = state.db.acquire().await.unwrap();
    let job = wt_store::jobs::insert(&mut conn, &new).await.unwrap().job;
    let path = format!("/api/jobs/{}", job.id);
    for (caller, want) in [(Anonymous, 401), (USER, 200), (MANAGER, 404), (ADMIN, 200)] {
        let got = status_of(&app, &tokens, caller, "GET", &path, None).await;
        assert_eq!(got.as_u16(), want, "{caller:?}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn staged_roll_out_opens_reads_but_never_writes(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&["--auth-enforced=false"]), dist.path());
    let mut conn = state.db.acquire().await.unwrap();
    let new = wt_store::jobs::NewJob::new(wt_domain::jobs::JobKind::WarmCache, json!({}));
    let job = wt_store::jobs::insert(&mut conn, &new).await.unwrap().job;
    let read = app.get(&format!("/api/jobs/{}", job.id)).await;
    assert_eq!(read.status, StatusCode::OK);
    let write = app
        .send(request("POST", "/api/jobs/warm-cache", None, None))
        .await;
    assert_eq!(write.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/users").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );
}
