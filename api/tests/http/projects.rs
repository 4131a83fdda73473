//! `/api/projects`: defaults, validation, unique numbers, status filters and sorting, and
//! projects with assignments kept rather than deleted.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

async fn manager_app(pool: PgPool) -> (TestApp, String, tempfile::TempDir, wt_api::AppState) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let manager = create_user(&state, "pm", Role::Manager).await;
    let token = access_token(&state, &manager);
    (app, token, dist, state)
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn projects_are_created_validated_and_listed(pool: PgPool) {
    let (app, token, _dist, state) = manager_app(pool).await;
    let post = |body: Value| request("POST", "/api/projects", Some(&token), Some(body));
    let created = app
        .send(post(json!({ "name": "Harbour Bridge", "projectNumber": "P-100", "status": "active",
                           "startDate": "2026-01-04", "endDate": "2026-12-27", "estimatedHours": 1200.5 })))
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let body = created.json();
    assert_eq!(body["client"], "Internal");
    assert_eq!(body["estimatedHours"], 1200.5);
    app.send(post(
        json!({ "name": "Ferry Terminal", "client": "Port Authority" }),
    ))
    .await;

    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM projects")
        .fetch_one(&state.db)
        .await
        .unwrap();
    let refused = [
        (
            json!({ "name": "Dup", "projectNumber": "P-100" }),
            "project_number_taken",
        ),
        (
            json!({ "name": "Bad", "status": "dreaming" }),
            "validation_failed",
        ),
        (
            json!({ "name": "Bad", "startDate": "2026-05-01", "endDate": "2026-04-01" }),
            "validation_failed",
        ),
        (
            json!({ "name": "Bad", "estimatedHours": -5 }),
            "validation_failed",
        ),
        (
            json!({ "name": "Bad", "estimatedHours": 1.234 }),
            "validation_failed",
        ),
        (json!({ "name": "" }), "validation_failed"),
    ];
    for (body, code) in refused {
        assert_eq!(
            app.send(post(body.clone())).await.json()["code"],
            code,
            "{body}"
        );
    }
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM projects")
        .fetch_one(&state.db)
        .await
        .unwrap();
    assert_eq!(before, after);

    let get = |query: &str| request("GET", &format!("/api/projects?{query}"), Some(&token), None);
    let active = app.send(get("status=active,on_hold")).await.json();
    assert_eq!(active["total"], 1);
    let sorted = app.send(get("sort=-name")).await.json();
    assert_eq!(sorted["items"][0]["name"], "Harbour Bridge");
    let by_client = app.send(get("client=port%20authority")).await.json();
    assert_eq!(by_client["items"][0]["name"], "Ferry Terminal");
    assert_eq!(
        app.send(get("status=bogus")).await.json()["code"],
        "invalid_status"
    );
    assert_eq!(
        app.send(get("sort=secret")).await.json()["code"],
        "invalid_sort"
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn projects_with_assignments_are_kept(pool: PgPool) {
    let (app, token, _dist, state) = manager_app(pool).await;
    let project = app
        .send(request(
            "POST",
            "/api/projects",
            Some(&token),
            Some(json!({ "name": "Tower" })),
        ))
        .await
        .json();
    let id = project["id"].as_i64().unwrap();
    sqlx::query("INSERT INTO people (name) VALUES ('Pat')")
        .execute(&state.db)
        .await
        .unwrap();
    sqlx::query("INSERT INTO assignments (person_id, project_id) SELECT id, $1 FROM people")
        .bind(id)
        .execute(&state.db)
        .await
        .unwrap();
    let refused = app
        .send(request(
            "DELETE",
            &format!("/api/projects/{id}"),
            Some(&token),
            None,
        ))
        .await;
    assert_eq!(refused.json()["code"], "project_in_use");
    let completed = app
        .send(request(
            "PATCH",
            &format!("/api/projects/{id}"),
            Some(&token),
            Some(json!({ "status": "completed" })),
        ))
        .await;
    assert_eq!(completed.json()["status"], "completed");
}
