//! The aggregate cache over HTTP: a writer's next dashboard read shows their edit, with
//! the cache in Redis and in the process; two api processes sharing Redis see each
//! other's writes at once; with Redis unreachable the answers are still right, and fast;
//! the planning grid pages are cached the same way, with an ETag.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_runtime::Settings;

use crate::support::*;

const WEEK: &str = "2026-11-22";
const DASHBOARD: &str = "/api/dashboard?start=2026-11-22&weeks=1";

/// The over-allocated count on `app`'s dashboard, read twice (the second read is a
/// cache hit where there is a cache) to check both reads agree.
async fn over_allocated(app: &TestApp, token: &str) -> Value {
    let mut counts = Vec::new();
    for _ in 0..2 {
        let answer = app.send(request("GET", DASHBOARD, Some(token), None)).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
        counts.push(answer.json()["summary"]["overAllocated"].clone());
    }
    assert_eq!(counts[0], counts[1]);
    counts.remove(0)
}

/// Ann (40 h) on an active project with 30 h this week: not over yet.
async fn ann_at_thirty(plan: &Planner) -> (i64, i64) {
    let ann = plan
        .id_of(
            "/api/people",
            json!({ "name": "Ann", "weeklyCapacity": 40 }),
        )
        .await;
    let museum = plan
        .id_of(
            "/api/projects",
            json!({ "name": "Museum", "status": "active" }),
        )
        .await;
    let assignment = plan.assignment(ann, museum, json!({ WEEK: 30 })).await;
    (ann, assignment["id"].as_i64().unwrap())
}

async fn set_hours(plan: &Planner, assignment: i64, hours: f64) {
    let body = json!({ "weeklyHours": { WEEK: hours } });
    let uri = format!("/api/assignments/{assignment}");
    let answer = plan.call("PATCH", &uri, Some(body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
}

async fn an_edit_shows_in_the_next_read(pool: PgPool, backend: &str) {
    let plan = Planner::with_settings(pool, settings(&[backend])).await;
    let (_, assignment) = ann_at_thirty(&plan).await;
    assert_eq!(over_allocated(&plan.app, &plan.token).await, 0);
    set_hours(&plan, assignment, 45.0).await;
    assert_eq!(over_allocated(&plan.app, &plan.token).await, 1);
    set_hours(&plan, assignment, 10.0).await;
    assert_eq!(over_allocated(&plan.app, &plan.token).await, 0);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn with_redis_an_edit_shows_in_the_writers_next_dashboard_read(pool: PgPool) {
    an_edit_shows_in_the_next_read(pool, "--cache-backend=redis").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn in_process_an_edit_shows_in_the_writers_next_dashboard_read(pool: PgPool) {
    an_edit_shows_in_the_next_read(pool, "--cache-backend=local").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn two_api_processes_on_one_redis_see_each_others_writes(pool: PgPool) {
    let shared: Settings = settings(&["--cache-backend=redis"]);
    let writer = Planner::with_settings(pool.clone(), shared.clone()).await;
    let dist = no_dist();
    let (_, reader) = app_with(pool, shared, dist.path());
    let (_, assignment) = ann_at_thirty(&writer).await;
    assert_eq!(over_allocated(&reader, &writer.token).await, 0);
    set_hours(&writer, assignment, 41.0).await;
    assert_eq!(over_allocated(&reader, &writer.token).await, 1);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn with_redis_unreachable_answers_are_computed_and_correct(pool: PgPool) {
    // Nothing listens on port 9: every cache call fails at once.
    let away = settings(&["--cache-backend=redis", "--redis-url=redis://127.0.0.1:9/0"]);
    let plan = Planner::with_settings(pool, away).await;
    let (_, assignment) = ann_at_thirty(&plan).await;
    let started = std::time::Instant::now();
    assert_eq!(over_allocated(&plan.app, &plan.token).await, 0);
    set_hours(&plan, assignment, 50.0).await;
    assert_eq!(over_allocated(&plan.app, &plan.token).await, 1);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_planning_grid_is_cached_with_an_etag_and_shows_the_next_edit(pool: PgPool) {
    let plan = Planner::with_settings(pool, settings(&["--cache-backend=redis"])).await;
    let (ann, assignment) = ann_at_thirty(&plan).await;
    let uri = format!("/api/assignments/grid?start={WEEK}&weeks=8");
    let hours = |answer: &Answer| answer.json()["hoursByPerson"][ann.to_string()][WEEK].clone();
    let first = plan.call("GET", &uri, None).await;
    assert_eq!(hours(&first), 30.0);
    let mut again = request("GET", &uri, Some(&plan.token), None);
    let etag = first.header("etag").to_owned();
    again
        .headers_mut()
        .insert(axum::http::header::IF_NONE_MATCH, etag.parse().unwrap());
    assert_eq!(plan.app.send(again).await.status, StatusCode::NOT_MODIFIED);
    set_hours(&plan, assignment, 45.0).await;
    let edited = plan.call("GET", &uri, None).await;
    assert_eq!(hours(&edited), 45.0);
    assert_ne!(edited.header("etag"), etag);
}
