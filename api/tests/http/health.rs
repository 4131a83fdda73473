//! `GET /api/health`: all up, and each dependency named when it is down.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_is_ok_when_database_redis_and_a_worker_are_up(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    publish_heartbeat(&state).await;
    for path in ["/api/health", "/api/health/"] {
        let answer = app.get(path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        let body = answer.json();
        assert_eq!(body["status"], "ok");
        assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
        for check in ["database", "redis", "worker"] {
            assert_eq!(body["checks"][check]["status"], "up", "{check}: {body}");
        }
        assert_eq!(answer.header("cache-control"), "no-store");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_names_redis_when_it_is_down(pool: PgPool) {
    let dist = no_dist();
    // Port 1 is closed: nothing listens there.
    let (_, app) = app_with(
        pool,
        settings(&["--redis-url=redis://127.0.0.1:1/0"]),
        dist.path(),
    );
    let answer = app.get("/api/health/").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    let body = answer.json();
    assert_eq!(body["status"], "degraded");
    assert_eq!(body["checks"]["redis"]["status"], "down");
    assert_eq!(body["checks"]["database"]["status"], "up");
    assert_eq!(body["checks"]["worker"]["status"], "down");
    assert!(
        !answer.body.is_empty() && !String::from_utf8_lossy(&answer.body).contains("127.0.0.1:1")
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_names_the_worker_when_no_heartbeat_arrives(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let answer = app.get("/api/health").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    let body = answer.json();
    assert_eq!(body["checks"]["worker"]["status"], "down");
    assert_eq!(body["checks"]["redis"]["status"], "up");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_names_the_database_when_it_is_down(pool: PgPool) {
    let dist = no_dist();
    let (state, _) = app_with(pool, settings(&[]), dist.path());
    let unreachable = settings(&["--database-url=postgres://postgres@127.0.0.1:1/none"]);
    let down_pool = wt_runtime::database_pool(&unreachable).unwrap();
    let (_, app) = app_with(down_pool, unreachable, dist.path());
    publish_heartbeat(&state).await;
    let answer = app.get("/api/health").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.json()["checks"]["database"]["status"], "down");
}
