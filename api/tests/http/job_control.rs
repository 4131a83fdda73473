//! Steering jobs through the API with a real worker: a cancelled queued job never runs, a
//! cancelled running job stops and leaves no effect, a failed job is retried by an admin,
//! and the refusals (someone else's job, a finished one, a plain user retrying).

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use wt_domain::jobs::Queue;
use wt_jobs::payloads::{JobPayload, Probe};

use crate::jobs::{Crew, ended};
use crate::support::*;

async fn probe_effects(pool: &PgPool, id: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM audit_events WHERE action = 'probe_ran' AND target_id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn audited(pool: &PgPool, action: &str, id: i64) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE action = $1 AND target_id = $2")
        .bind(action)
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_cancelled_queued_job_never_runs(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let id = crew.probe(json!({"steps": 0})).await;
    let path = format!("/api/jobs/{id}/cancel");
    // Not the requester's and not an admin: the job does not exist for them.
    let stranger = crew.call(&crew.user, "POST", &path, None).await;
    assert_eq!(stranger.status, StatusCode::NOT_FOUND);

    let cancelled = crew.call(&crew.admin, "POST", &path, None).await;
    assert_eq!(cancelled.status, StatusCode::OK);
    let job = cancelled.json();
    assert_eq!(
        (job["state"].as_str(), job["cancelRequested"].as_bool()),
        (Some("cancelled"), Some(true))
    );
    assert!(job["finishedAt"].is_string());
    let again = crew.call(&crew.admin, "POST", &path, None).await;
    assert_eq!(
        (again.status, again.json()["state"].as_str()),
        (StatusCode::OK, Some("cancelled"))
    );

    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let later = crew.probe(json!({"steps": 0})).await;
    crew.job_when(later, ended).await;
    let job = crew.job_when(id, ended).await;
    assert_eq!(
        (job["state"].as_str(), job["attempts"].as_i64()),
        (Some("cancelled"), Some(0))
    );
    assert_eq!(probe_effects(&crew.state.db, id).await, 0);
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_cancelled_running_job_stops_and_rolls_back(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let id = crew.probe(json!({"steps": 50, "stepMillis": 200})).await;
    crew.job_when(id, |job| {
        job["state"] == "running" && job["progress"].as_i64() > Some(0)
    })
    .await;

    let asked = crew
        .call(&crew.admin, "POST", &format!("/api/jobs/{id}/cancel"), None)
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(asked.json()["cancelRequested"], true);
    let job = crew.job_when(id, ended).await;
    assert_eq!(job["state"], "cancelled", "{job}");
    assert!(job["progress"].as_i64() < Some(100));
    assert_eq!(
        probe_effects(&crew.state.db, id).await,
        0,
        "the attempt rolled back"
    );
    // The admin cancelled their own job: no trail needed.
    assert_eq!(audited(&crew.state.db, "job_cancelled", id).await, 0);

    let finished = crew
        .call(&crew.admin, "POST", &format!("/api/jobs/{id}/cancel"), None)
        .await;
    assert_eq!(
        finished.status,
        StatusCode::OK,
        "cancelling a cancelled job changes nothing"
    );
    let done = crew.probe(json!({"steps": 0})).await;
    crew.job_when(done, ended).await;
    let refused = crew
        .call(
            &crew.admin,
            "POST",
            &format!("/api/jobs/{done}/cancel"),
            None,
        )
        .await;
    assert_eq!(
        (refused.status, refused.json()["code"].as_str()),
        (StatusCode::CONFLICT, Some("job_finished"))
    );
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_admin_retries_a_failed_job(pool: PgPool) {
    let crew = Crew::new(pool).await;
    // A probe that fails its first attempt, allowed only one: it fails for good.
    let probe = Probe {
        fail_attempts: 1,
        ..Probe::new(0, 0, Queue::Maintenance)
    };
    let mut new = probe.new_job(Some(crew.user_id)).unwrap();
    new.max_attempts = 1;
    let mut tx = crew.state.jobs.begin(&crew.state.db).await.unwrap();
    let id = tx.insert(&new).await.unwrap().job.id;
    tx.commit().await.unwrap();
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let failed = crew.job_when(id, ended).await;
    assert_eq!(
        (failed["state"].as_str(), failed["error"]["code"].as_str()),
        (Some("failed"), Some("probe_fault"))
    );

    let retry = format!("/api/jobs/{id}/retry");
    let user = crew.call(&crew.user, "POST", &retry, None).await;
    assert_eq!(
        user.status,
        StatusCode::FORBIDDEN,
        "the requester may not retry"
    );
    let retried = crew.call(&crew.admin, "POST", &retry, None).await;
    assert_eq!(retried.status, StatusCode::OK);
    let job = retried.json();
    // Handed back to the queue; the running worker may have claimed it already.
    assert!(
        matches!(job["state"].as_str(), Some("queued" | "running")),
        "{job}"
    );
    assert_eq!(job["maxAttempts"].as_i64(), Some(4));
    assert!(job["error"].is_null());
    let done = crew.job_when(id, ended).await;
    assert_eq!(
        (done["state"].as_str(), done["attempts"].as_i64()),
        (Some("succeeded"), Some(2)),
        "{done}"
    );
    assert_eq!(probe_effects(&crew.state.db, id).await, 1);
    assert_eq!(audited(&crew.state.db, "job_retried", id).await, 1);

    let again = crew.call(&crew.admin, "POST", &retry, None).await;
    assert_eq!(
        (again.status, again.json()["code"].as_str()),
        (StatusCode::CONFLICT, Some("job_not_retryable"))
    );
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_admin_cancelling_someone_elses_job_leaves_a_trail(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let new = Probe::new(0, 0, Queue::Imports)
        .new_job(Some(crew.user_id))
        .unwrap();
    let mut conn = crew.state.db.acquire().await.unwrap();
    let id = wt_store::jobs::insert(&mut conn, &new)
        .await
        .unwrap()
        .job
        .id;
    drop(conn);
    let own = crew
        .call(&crew.user, "GET", &format!("/api/jobs/{id}"), None)
        .await;
    assert_eq!(own.status, StatusCode::OK);
    let cancelled = crew
        .call(&crew.admin, "POST", &format!("/api/jobs/{id}/cancel"), None)
        .await;
    assert_eq!(cancelled.json()["state"], "cancelled");
    assert_eq!(audited(&crew.state.db, "job_cancelled", id).await, 1);
    tokio::time::sleep(Duration::from_millis(10)).await;
}
