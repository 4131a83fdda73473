//! `GET /api/utilization/bands` serves the configured thresholds to signed-in readers.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bands_default_to_the_domain_thresholds(pool: PgPool) {
    let planner = Planner::new(pool).await;
    let answer = planner.call("GET", "/api/utilization/bands", None).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        json!({
            "optimalFrom": 70.0,
            "highFrom": 85.0,
            "overAbove": 100.0,
            "order": ["available", "optimal", "high", "over_allocated"],
        })
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bands_follow_the_setting_and_need_a_session(pool: PgPool) {
    let planner = Planner::with_settings(pool, settings(&["--utilization-bands=60,80,110"])).await;
    let answer = planner.call("GET", "/api/utilization/bands", None).await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.json();
    assert_eq!(
        (&body["optimalFrom"], &body["highFrom"], &body["overAbove"]),
        (&json!(60.0), &json!(80.0), &json!(110.0))
    );
    let anonymous = planner.app.get("/api/utilization/bands").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
