//! `/api/backups` for admins, and the read-only mode as every write sees it.

use std::sync::Arc;

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use super::*;
use crate::support::{
    TestApp, TestWorker, access_token, app_with, create_user, database_url, no_dist, request,
};

/// The job `id` once it has ended (waiting up to ten seconds at a time).
async fn ended_job(app: &TestApp, token: &str, id: i64) -> Value {
    for _ in 0..6 {
        let mut ask = request("GET", &format!("/api/jobs/{id}"), Some(token), None);
        ask.headers_mut()
            .insert("prefer", "wait=10".parse().unwrap());
        let job = app.send(ask).await.json();
        if matches!(job["state"].as_str(), Some("succeeded" | "failed")) {
            return job;
        }
    }
    panic!("job {id} did not end");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn admins_create_list_download_and_delete_backups(pool: PgPool) {
    let dir = tempfile::tempdir().unwrap();
    let url = database_url(&pool);
    let settings = settings(&[
        "--database-url",
        &url,
        "--backups-dir",
        dir.path().to_str().unwrap(),
    ]);
    let dist = no_dist();
    let (state, app) = app_with(pool, settings, dist.path());
    let admin = create_user(&state, "keeper", Role::Admin).await;
    let manager = create_user(&state, "planner", Role::Manager).await;
    let token = access_token(&state, &admin);
    let managers = access_token(&state, &manager);

    for (method, uri) in [
        ("GET", "/api/backups"),
        ("POST", "/api/backups"),
        ("GET", "/api/backups/restore"),
        ("GET", "/api/backups/wt-20261207T020000000Z/download"),
        ("DELETE", "/api/backups/wt-20261207T020000000Z"),
    ] {
        let answer = app.send(request(method, uri, Some(&managers), None)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{method} {uri}");
    }

    let queued = app
        .send(request("POST", "/api/backups", Some(&token), None))
        .await;
    assert_eq!(queued.status, StatusCode::ACCEPTED);
    let id = queued.json()["jobId"].as_i64().unwrap();
    let backups = Arc::new(backups(&state.settings));
    let worker = TestWorker::start(&state, |worker| wt_worker::WorkerState {
        backups: Some(backups),
        ..worker
    })
    .await;
    let job = ended_job(&app, &token, id).await;
    worker.stop().await;
    assert_eq!(
        (job["state"].as_str(), job["kind"].as_str()),
        (Some("succeeded"), Some("backup")),
        "{job}"
    );

    let listed = app
        .send(request("GET", "/api/backups", Some(&token), None))
        .await
        .json();
    let items = listed["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{listed}");
    let backup = &items[0];
    assert_eq!(backup["id"], job["result"]["archive"]);
    assert_eq!(backup["verified"], true);
    assert_eq!(backup["trigger"], "admin");
    assert_eq!(backup["schemaVersion"], latest_migration());
    let name = backup["id"].as_str().unwrap();

    let file = app
        .send(request(
            "GET",
            &format!("/api/backups/{name}/download"),
            Some(&token),
            None,
        ))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(
        file.header("content-disposition"),
        format!("attachment; filename=\"{name}.dump\"")
    );
    assert_eq!(file.body.len() as u64, backup["bytes"].as_u64().unwrap());
    assert!(file.body.starts_with(b"PGDMP"));

    let status = app
        .send(request("GET", "/api/backups/restore", Some(&token), None))
        .await;
    assert_eq!(
        status.json(),
        json!({ "running": false, "message": null, "since": null, "last": null })
    );

    let gone = app
        .send(request(
            "DELETE",
            &format!("/api/backups/{name}"),
            Some(&token),
            None,
        ))
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let listed = app
        .send(request("GET", "/api/backups", Some(&token), None))
        .await
        .json();
    assert_eq!(listed["items"], json!([]));
    for uri in [
        format!("/api/backups/{name}"),
        "/api/backups/..%2F..%2Fetc".to_owned(),
    ] {
        let again = app.send(request("DELETE", &uri, Some(&token), None)).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(again.json()["code"], "not_found");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn writes_answer_503_while_the_read_only_flag_stands(pool: PgPool) {
    let settings = settings(&[]);
    let dist = no_dist();
    let (state, app) = app_with(pool, settings, dist.path());
    let admin = create_user(&state, "keeper", Role::Admin).await;
    let token = access_token(&state, &admin);
    let flag = read_only(&state.settings);

    let guard = flag.hold("A database restore is running.").await.unwrap();
    let write = app
        .send(request(
            "POST",
            "/api/departments",
            Some(&token),
            Some(json!({ "name": "Ops" })),
        ))
        .await;
    let read = app
        .send(request("GET", "/api/departments", Some(&token), None))
        .await;
    let sign_in = json!({ "username": "keeper", "password": crate::support::PASSWORD });
    let signed_in = app
        .send(request("POST", "/api/token", None, Some(sign_in)))
        .await;
    // A second restore cannot start while one holds the flag.
    let second = flag
        .hold("another")
        .await
        .expect_err("one holder at a time");
    guard.release().await;
    let after = app
        .send(request(
            "POST",
            "/api/departments",
            Some(&token),
            Some(json!({ "name": "Ops" })),
        ))
        .await;

    assert_eq!(write.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(write.header("content-type"), "application/problem+json");
    assert_eq!(write.json()["code"], "read_only");
    assert_eq!(write.json()["detail"], "A database restore is running.");
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(signed_in.status, StatusCode::OK, "{:?}", signed_in.json());
    assert_eq!(second.code(), "backup_in_progress");
    assert_eq!(after.status, StatusCode::CREATED);
    assert!(flag.current().await.unwrap().is_none());
}
