//! `/api/jobs`: starting work (warm-up, probe) with and without `Prefer: wait`, reading a
//! job and a page of them with the visibility rules and filters, the operator's stats and
//! schedules, and problems for bad ids, filters and bodies.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;
use wt_domain::jobs::JobKind;
use wt_store::jobs::NewJob;

use crate::support::*;

/// An app with an admin and a plain user, and their tokens.
pub struct Crew {
    pub app: TestApp,
    pub state: wt_api::AppState,
    pub admin: String,
    pub user: String,
    pub user_id: i64,
    _dist: tempfile::TempDir,
    _backups: tempfile::TempDir,
}

impl Crew {
    pub async fn new(pool: PgPool) -> Self {
        Self::with_settings(pool, &[]).await
    }

    /// A crew whose app runs with the `extra` setting flags too.
    pub async fn with_settings(pool: PgPool, extra: &[&str]) -> Self {
        let dist = no_dist();
        let backups = tempfile::tempdir().unwrap();
        let dir = format!("--backups-dir={}", backups.path().display());
        let mut flags = vec![dir.as_str()];
        flags.extend_from_slice(extra);
        let (state, app) = app_with(pool, settings(&flags), dist.path());
        let admin = create_user(&state, "boss", Role::Admin).await;
        let user = create_user(&state, "ulla", Role::User).await;
        Crew {
            admin: access_token(&state, &admin),
            user: access_token(&state, &user),
            user_id: user.id,
            app,
            state,
            _dist: dist,
            _backups: backups,
        }
    }

    pub async fn call(&self, token: &str, method: &str, uri: &str, body: Option<Value>) -> Answer {
        self.app.send(request(method, uri, Some(token), body)).await
    }

    /// Starts a probe as the admin; answers its id.
    pub async fn probe(&self, body: Value) -> i64 {
        let answer = self
            .call(&self.admin, "POST", "/api/jobs/probe", Some(body))
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED, "{:?}", answer.json());
        answer.json()["jobId"].as_i64().unwrap()
    }

    /// The job as the admin sees it, once `done` holds (or fails after 30 s).
    pub async fn job_when(&self, id: i64, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let job = self
                .call(&self.admin, "GET", &format!("/api/jobs/{id}"), None)
                .await
                .json();
            if done(&job) {
                return job;
            }
            assert!(Instant::now() < deadline, "the job never got there: {job}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

pub fn ended(job: &Value) -> bool {
    matches!(
        job["state"].as_str(),
        Some("succeeded" | "failed" | "cancelled")
    )
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn warm_cache_answers_202_with_a_job_to_watch(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let first = crew
        .call(&crew.admin, "POST", "/api/jobs/warm-cache", None)
        .await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    let body = first.json();
    let id = body["jobId"].as_i64().unwrap();
    assert_eq!(body["state"], "queued");
    assert_eq!(body["statusUrl"], format!("/api/jobs/{id}"));
    assert_eq!(first.header("location"), format!("/api/jobs/{id}"));

    // While one warm-up waits, asking again returns the same job.
    let second = crew
        .call(&crew.admin, "POST", "/api/jobs/warm-cache", None)
        .await;
    assert_eq!(second.json()["jobId"], id);

    let job = crew
        .call(&crew.admin, "GET", &format!("/api/jobs/{id}"), None)
        .await;
    assert_eq!(job.status, StatusCode::OK);
    let job = job.json();
    assert_eq!(
        (job["kind"].as_str(), job["queue"].as_str()),
        (Some("warm_cache"), Some("cache"))
    );
    assert_eq!(
        (job["state"].as_str(), job["progress"].as_i64()),
        (Some("queued"), Some(0))
    );
    assert_eq!(
        (job["attempts"].as_i64(), job["maxAttempts"].as_i64()),
        (Some(0), Some(3))
    );
    assert_eq!(job["requestedByName"], "boss");
    assert_eq!(job["cancelRequested"], false);
    assert!(job["error"].is_null() && job["result"].is_null() && job["stage"].is_null());
    assert!(job["createdAt"].is_string() && job["nextAttemptAt"].is_null());
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn prefer_wait_answers_with_the_ended_job_or_the_202(pool: PgPool) {
    let crew = Crew::new(pool).await;
    // No worker yet: the wait runs out and the answer is the 202.
    let started = Instant::now();
    let waited = crew
        .app
        .send({
            let mut request = request(
                "POST",
                "/api/jobs/probe",
                Some(&crew.admin),
                Some(json!({"steps": 0})),
            );
            request
                .headers_mut()
                .insert("prefer", "wait=1".parse().unwrap());
            request
        })
        .await;
    assert_eq!(waited.status, StatusCode::ACCEPTED);
    assert!(started.elapsed() >= Duration::from_secs(1));
    let queued_id = waited.json()["jobId"].as_i64().unwrap();

    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let mut quick = request(
        "POST",
        "/api/jobs/probe",
        Some(&crew.admin),
        Some(json!({"steps": 1, "stepMillis": 10})),
    );
    quick
        .headers_mut()
        .insert("prefer", "respond-async, wait=10".parse().unwrap());
    let quick = crew.app.send(quick).await;
    assert_eq!(quick.status, StatusCode::OK, "{:?}", quick.json());
    assert_eq!(quick.header("preference-applied"), "wait=10");
    let job = quick.json();
    assert_eq!(
        (job["state"].as_str(), job["progress"].as_i64()),
        (Some("succeeded"), Some(100))
    );
    assert_eq!(job["result"]["steps"], 1);

    // A GET waits too, and answers as soon as the job ends.
    let mut get = request(
        "GET",
        &format!("/api/jobs/{queued_id}"),
        Some(&crew.admin),
        None,
    );
    get.headers_mut()
        .insert("prefer", "wait=10".parse().unwrap());
    let got = crew.app.send(get).await;
    assert_eq!(
        (got.status, got.json()["state"].as_str()),
        (StatusCode::OK, Some("succeeded"))
    );
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn people_see_their_own_jobs_and_admins_see_all(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let mut conn = crew.state.db.acquire().await.unwrap();
    for (kind, who) in [
        (JobKind::WarmCache, None),
        (JobKind::Email, Some(crew.user_id)),
        (JobKind::Probe, Some(crew.user_id)),
    ] {
        let new = NewJob::new(kind, json!({})).requested_by(who);
        wt_store::jobs::insert(&mut conn, &new).await.unwrap();
    }
    drop(conn);
    let list = |token: String, query: &'static str| {
        let crew = &crew;
        async move {
            crew.call(&token, "GET", &format!("/api/jobs{query}"), None)
                .await
        }
    };

    let everything = list(crew.admin.clone(), "").await.json();
    assert_eq!(everything["total"], 3);
    let kinds: Vec<&str> = everything["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["probe", "email", "warm_cache"], "newest first");
    let own = list(crew.user.clone(), "").await.json();
    assert_eq!(own["total"], 2);
    assert_eq!(own["items"][0]["requestedByName"], "ulla");
    // A plain user cannot look at someone else's jobs through the filter.
    let sneaky = list(crew.user.clone(), "?requestedBy=1").await.json();
    assert_eq!(sneaky["total"], 2);

    let filtered = list(crew.admin.clone(), "?kind=email&state=queued&queue=mail")
        .await
        .json();
    assert_eq!(filtered["total"], 1);
    let paged = list(crew.admin.clone(), "?pageSize=2&page=2").await.json();
    assert_eq!(
        (
            paged["items"].as_array().unwrap().len(),
            paged["page"].as_i64()
        ),
        (1, Some(2))
    );
    for bad in [
        "?kind=mining",
        "?state=done",
        "?queue=nope",
        "?requestedBy=x",
        "?page=-1",
    ] {
        let answer = list(crew.admin.clone(), bad).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(answer.json()["code"], "invalid_query", "{bad}");
    }
    assert_eq!(
        crew.app.get("/api/jobs").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn probes_refuse_bad_bodies_and_plain_users(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let cases = [
        (json!({"steps": 101}), "steps"),
        (json!({"stepMillis": 10001}), "stepMillis"),
    ];
    for (body, field) in cases {
        let answer = crew
            .call(&crew.admin, "POST", "/api/jobs/probe", Some(body))
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert_eq!(answer.json()["errors"][0]["field"], field);
    }
    for body in [
        json!({"queue": "nope"}),
        json!({"crash": true}),
        json!({"steps": -1}),
        json!([]),
    ] {
        let answer = crew
            .call(&crew.admin, "POST", "/api/jobs/probe", Some(body.clone()))
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer.header("content-type"), "application/problem+json");
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM jobs")
        .fetch_one(&crew.state.db)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing was queued");
    let user = crew
        .call(&crew.user, "POST", "/api/jobs/probe", Some(json!({})))
        .await;
    assert_eq!(user.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn admins_read_queue_figures_and_schedules(pool: PgPool) {
    let crew = Crew::new(pool).await;
    crew.probe(json!({"queue": "imports"})).await;
    let stats = crew.call(&crew.admin, "GET", "/api/jobs/stats", None).await;
    assert_eq!(stats.status, StatusCode::OK);
    let stats = stats.json();
    let queues = stats["queues"].as_array().unwrap();
    assert_eq!(queues.len(), 7, "every queue is listed");
    let imports = queues.iter().find(|q| q["queue"] == "imports").unwrap();
    assert_eq!(
        (imports["queued"].as_i64(), imports["running"].as_i64()),
        (Some(1), Some(0))
    );
    assert!(imports["oldestWaitingSeconds"].as_f64().unwrap() >= 0.0);
    assert!(imports["runSecondsP95"].is_null());

    let schedules = crew
        .call(&crew.admin, "GET", "/api/jobs/schedules", None)
        .await
        .json();
    let names: Vec<&str> = schedules["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["warm-cache", "housekeeping", "verify-loads", "backup"]
    );
    let warm = &schedules["items"][0];
    assert_eq!(
        (warm["cron"].as_str(), warm["enabled"].as_bool()),
        (Some("*/15 * * * *"), Some(true))
    );
    assert!(warm["nextRun"].is_string() && warm["lastRun"].is_null());

    for path in ["/api/jobs/stats", "/api/jobs/schedules"] {
        let refused = crew.call(&crew.user, "GET", path, None).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_and_unknown_job_ids_are_problems(pool: PgPool) {
    let crew = Crew::new(pool).await;
    for id in [
        "0",
        "-1",
        "9223372036854775808",
        "abc",
        "1.5",
        "%27%20OR%201=1",
    ] {
        for (method, suffix) in [("GET", ""), ("POST", "/cancel"), ("POST", "/retry")] {
            let answer = crew
                .call(
                    &crew.admin,
                    method,
                    &format!("/api/jobs/{id}{suffix}"),
                    None,
                )
                .await;
            assert_eq!(
                answer.status,
                StatusCode::BAD_REQUEST,
                "{method} {id}{suffix}"
            );
            assert_eq!(answer.header("content-type"), "application/problem+json");
            assert_eq!(answer.json()["code"], "invalid_id");
        }
    }
    let missing = crew
        .call(&crew.admin, "GET", "/api/jobs/9223372036854775807", None)
        .await;
    assert_eq!(
        (missing.status, missing.json()["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    let unknown = crew.app.get("/api/no-such-thing").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.header("content-type"), "application/problem+json");
}
