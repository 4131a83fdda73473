//! `/api/jobs`: queueing a warm-up, reading a job, and problems for bad ids.

use axum::http::StatusCode;
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn warm_cache_answers_202_with_a_job_to_watch(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let admin = create_user(&state, "boss", Role::Admin).await;
    let token = access_token(&state, &admin);
    let post = || request("POST", "/api/jobs/warm-cache", Some(&token), None);
    let first = app.send(post()).await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    let body = first.json();
    let id = body["jobId"].as_i64().unwrap();
    assert_eq!(body["state"], "queued");
    assert_eq!(body["statusUrl"], format!("/api/jobs/{id}"));
    assert_eq!(first.header("location"), format!("/api/jobs/{id}"));

    // While one warm-up waits, asking again returns the same job.
    let second = app.send(post()).await;
    assert_eq!(second.json()["jobId"], id);

    let job = app
        .send(request(
            "GET",
            &format!("/api/jobs/{id}"),
            Some(&token),
            None,
        ))
        .await;
    assert_eq!(job.status, StatusCode::OK);
    let job = job.json();
    assert_eq!(job["kind"], "warm_cache");
    assert_eq!(job["state"], "queued");
    assert_eq!(job["progress"], 0);
    assert_eq!(job["attempts"], 0);
    assert!(job["error"].is_null() && job["result"].is_null());
    assert!(job["createdAt"].is_string());
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_and_unknown_job_ids_are_problems(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let admin = create_user(&state, "boss", Role::Admin).await;
    let token = access_token(&state, &admin);
    let get = |uri: String| request("GET", &uri, Some(&token), None);
    for id in [
        "0",
        "-1",
        "9223372036854775808",
        "abc",
        "1.5",
        "%27%20OR%201=1",
    ] {
        let answer = app.send(get(format!("/api/jobs/{id}"))).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{id}");
        assert_eq!(answer.header("content-type"), "application/problem+json");
        let body = answer.json();
        assert_eq!(body["code"], "invalid_id");
        assert_eq!(body["status"], 400);
    }
    let missing = app
        .send(get("/api/jobs/9223372036854775807".to_owned()))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["code"], "not_found");

    let unknown = app.get("/api/no-such-thing").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.header("content-type"), "application/problem+json");
}
