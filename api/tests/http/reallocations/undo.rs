//! Undoing a reallocation (API and CLI): it refuses weeks edited since unless forced, and
//! restores the before state.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use super::*;
use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn undo_refuses_weeks_edited_since_and_the_cli_forces_it(pool: PgPool) {
    let url = database_url(&pool);
    let planner = Planner::new(pool).await;
    let worker = TestWorker::start(&planner.state, |w| w).await;
    let scene = Scene::new(planner, "2026-03-11", json!({"2026-03-08": 8})).await;
    let moved = scene.move_to(json!("2026-03-18"), Some(10)).await.json();
    assert_eq!(moved["reallocation"]["state"], "succeeded", "{moved}");
    worker.stop().await;

    // Someone plans the moved-to week differently.
    let uri = format!("/api/assignments/{}", scene.assignment);
    let edit = json!({ "weeklyHours": {"2026-03-15": 5} });
    assert_eq!(
        scene.planner.call("PATCH", &uri, Some(edit)).await.status,
        StatusCode::OK
    );

    let refused = scene.undo(json!({ "revertDate": true })).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.header("content-type"), "application/problem+json");
    let problem = refused.json();
    assert_eq!(problem["code"], "reallocation_conflict");
    let field = format!("weeks.{}.2026-03-15", scene.assignment);
    assert_eq!(problem["errors"][0]["field"], field.as_str());
    assert_eq!(problem["errors"][0]["code"], "week_changed");
    assert_eq!(
        scene.hours().await,
        json!({"2026-03-15": 5}),
        "nothing was undone"
    );

    let cli = manage(
        &url,
        &["undo-last-reallocation", &scene.deliverable.to_string()],
    )
    .await;
    assert!(!cli.status.success());
    assert!(String::from_utf8_lossy(&cli.stderr).contains("2026-03-15"));
    let forced = manage(
        &url,
        &[
            "undo-last-reallocation",
            &scene.deliverable.to_string(),
            "--revert-date",
            "--force",
        ],
    )
    .await;
    assert!(forced.status.success(), "{forced:?}");
    assert_eq!(scene.hours().await, json!({"2026-03-08": 8}));
    let deliverable = scene
        .planner
        .call(
            "GET",
            &format!("/api/deliverables/{}", scene.deliverable),
            None,
        )
        .await
        .json();
    assert_eq!(deliverable["date"], "2026-03-11");
    assert_eq!(
        count(
            scene.pool(),
            "SELECT count(*) FROM jobs WHERE kind = 'reallocate'"
        )
        .await,
        1,
        "putting the date back queued nothing"
    );
    let audited = count(
        scene.pool(),
        "SELECT count(*) FROM audit_events WHERE action = 'reallocation_undone'",
    )
    .await;
    assert_eq!(audited, 1);
    let again = scene.undo(json!({})).await;
    assert_eq!(
        (again.status, again.json()["code"].clone()),
        (StatusCode::NOT_FOUND, json!("no_reallocation"))
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_api_undo_restores_the_before_state(pool: PgPool) {
    let planner = Planner::new(pool).await;
    let worker = TestWorker::start(&planner.state, |w| w).await;
    let scene = Scene::new(planner, "2026-12-30", json!({"2026-12-27": 7.25})).await;
    let moved = scene.move_to(json!("2027-01-06"), Some(10)).await.json();
    assert_eq!(
        moved["reallocation"]["touchedWeekKeys"],
        json!(["2026-12-27", "2027-01-03"])
    );
    let undone = scene.undo(json!({ "revertDate": false })).await;
    assert_eq!(undone.status, StatusCode::OK, "{:?}", undone.json());
    let body = undone.json();
    assert_eq!(
        (body["weeksRestored"].clone(), body["dateReverted"].clone()),
        (json!(2), json!(false))
    );
    assert_eq!(body["deliverable"]["date"], "2027-01-06");
    assert_eq!(scene.hours().await, json!({"2026-12-27": 7.25}));

    let uri = format!("/api/deliverables/{}/reallocations", scene.deliverable);
    let history = scene.planner.call("GET", &uri, None).await.json();
    let entry = &history[0];
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(
        (entry["oldDate"].clone(), entry["newDate"].clone()),
        (json!("2026-12-30"), json!("2027-01-06"))
    );
    assert_eq!(
        (
            entry["deltaWeeks"].clone(),
            entry["assignmentsChanged"].clone()
        ),
        (json!(1), json!(1))
    );
    assert_eq!(entry["requestedByName"], "scheduler");
    assert_eq!(entry["undoneByName"], "scheduler");
    assert_eq!(entry["undoRevertedDate"], false);
    assert!(entry["undoneAt"].is_string() && entry["createdAt"].is_string());
    worker.stop().await;
}
