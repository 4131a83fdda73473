//! Automatic hour reallocation through the API and a worker on the real Redis and
//! PostgreSQL: a PATCH moving a date queues the job in its transaction, the worker moves
//! the hours and audits them, the answer carries the summary under `Prefer: wait`; quick
//! successive moves end as if made one after the other; moves within a week, a
//! switched-off feature and bad requests move nothing. The undo is tested in [`undo`].

mod undo;

use axum::http::{StatusCode, header};
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

/// A project with one dated deliverable (its defaults are undated) and one assignment.
struct Scene {
    planner: Planner,
    deliverable: i64,
    assignment: i64,
}

impl Scene {
    async fn new(planner: Planner, date: &str, hours: Value) -> Scene {
        let project = planner
            .id_of("/api/projects", json!({ "name": "Museum" }))
            .await;
        let person = planner.id_of("/api/people", json!({ "name": "Ada" })).await;
        let body = json!({ "project": project, "description": "CD", "date": date });
        let deliverable = planner.id_of("/api/deliverables", body).await;
        let assignment = planner.assignment(person, project, hours).await["id"]
            .as_i64()
            .unwrap();
        Scene {
            planner,
            deliverable,
            assignment,
        }
    }

    /// PATCHes the deliverable's date, waiting up to `wait` seconds for the reallocation.
    async fn move_to(&self, date: Value, wait: Option<u64>) -> Answer {
        let uri = format!("/api/deliverables/{}", self.deliverable);
        let mut patch = request(
            "PATCH",
            &uri,
            Some(&self.planner.token),
            Some(json!({ "date": date })),
        );
        if let Some(wait) = wait {
            let value = header::HeaderValue::from_str(&format!("wait={wait}")).unwrap();
            patch.headers_mut().insert("prefer", value);
        }
        self.planner.app.send(patch).await
    }

    async fn hours(&self) -> Value {
        let uri = format!("/api/assignments/{}", self.assignment);
        self.planner.call("GET", &uri, None).await.json()["weeklyHours"].clone()
    }

    async fn undo(&self, body: Value) -> Answer {
        let uri = format!("/api/deliverables/{}/reallocation/undo", self.deliverable);
        self.planner.call("POST", &uri, Some(body)).await
    }

    fn pool(&self) -> &PgPool {
        &self.planner.state.db
    }
}

async fn count(pool: &PgPool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_date_change_moves_the_hours_audits_them_and_answers_the_summary(pool: PgPool) {
    let planner = Planner::new(pool).await;
    let worker = TestWorker::start(&planner.state, |w| w).await;
    let scene = Scene::new(
        planner,
        "2026-03-11",
        json!({"2026-03-01": 8, "2026-03-08": 10.5}),
    )
    .await;

    let answer = scene.move_to(json!("2026-03-25"), Some(10)).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    assert_eq!(answer.header("preference-applied"), "wait=10");
    let body = answer.json();
    assert_eq!(body["date"], "2026-03-25");
    let reallocation = &body["reallocation"];
    assert_eq!(reallocation["state"], "succeeded", "{body}");
    assert_eq!(reallocation["deltaWeeks"], 2);
    assert_eq!(reallocation["assignmentsChanged"], 1);
    assert_eq!(
        reallocation["touchedWeekKeys"],
        json!(["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22"])
    );
    assert_eq!(reallocation["capped"], json!([]));
    assert_eq!(
        scene.hours().await,
        json!({"2026-03-15": 8, "2026-03-22": 10.5})
    );

    let job = reallocation["jobId"].as_i64().unwrap();
    let audit: (i64, i32, Value, Option<i64>) =
        sqlx::query_as("SELECT job_id, delta_weeks, changes, requested_by FROM reallocations")
            .fetch_one(scene.pool())
            .await
            .unwrap();
    assert_eq!((audit.0, audit.1), (job, 2));
    assert!(audit.3.is_some(), "who asked is recorded");
    assert_eq!(audit.2.as_array().unwrap().len(), 4);
    assert!(audit.2.as_array().unwrap().contains(
        &json!({"assignmentId": scene.assignment, "week": "2026-03-08", "before": 10.5, "after": 0})
    ));
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn two_quick_moves_end_as_if_made_one_after_the_other(pool: PgPool) {
    let planner = Planner::new(pool).await;
    // A neighbour between the two moves: the first move's window ends before its week and
    // the second's starts there, so applying them in the other order ends elsewhere.
    let scene = Scene::new(
        planner,
        "2026-03-11",
        json!({"2026-03-08": 6, "2026-03-22": 4}),
    )
    .await;
    let project: i64 = sqlx::query_scalar("SELECT project_id FROM deliverables WHERE id = $1")
        .bind(scene.deliverable)
        .fetch_one(scene.pool())
        .await
        .unwrap();
    let neighbour = json!({ "project": project, "description": "DD", "date": "2026-03-18" });
    scene.planner.id_of("/api/deliverables", neighbour).await;

    // Both committed before any worker runs: A -> B, then B -> C.
    let first = scene.move_to(json!("2026-03-25"), None).await.json();
    let second = scene.move_to(json!("2026-04-08"), None).await.json();
    assert_eq!(first["reallocation"]["state"], "queued");
    assert_eq!(second["reallocation"]["deltaWeeks"], 2);
    let worker = TestWorker::start(&scene.planner.state, |w| w).await;
    for answer in [&first, &second] {
        let id = answer["reallocation"]["jobId"].as_i64().unwrap();
        let job = wait_for_job(&scene.planner, id).await;
        assert_eq!(job["state"], "succeeded", "{job}");
    }
    // In order: 03-08 -> 03-22 adds to the 4 there (the window ends at 03-15), then the
    // window from 03-15 on moves 03-22 -> 04-05. The other order would leave 6 at 03-22.
    assert_eq!(scene.hours().await, json!({"2026-04-05": 10}));
    let order: Vec<(i64, chrono::NaiveDate)> =
        sqlx::query_as("SELECT sequence, old_date FROM reallocations ORDER BY id")
            .fetch_all(scene.pool())
            .await
            .unwrap();
    let date = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    assert_eq!(order, [(1, date("2026-03-11")), (2, date("2026-03-25"))]);
    worker.stop().await;
}

/// The job once it ended (polled through the API).
async fn wait_for_job(planner: &Planner, id: i64) -> Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let job = planner
            .call("GET", &format!("/api/jobs/{id}"), None)
            .await
            .json();
        let state = job["state"].as_str().unwrap_or_default();
        if ["succeeded", "failed", "cancelled"].contains(&state) {
            return job;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "job never ended: {job}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_move_within_the_week_queues_nothing(pool: PgPool) {
    let scene = Scene::new(
        Planner::new(pool).await,
        "2026-03-09",
        json!({"2026-03-08": 8}),
    )
    .await;
    let answer = scene.move_to(json!("2026-03-14"), Some(1)).await.json();
    assert_eq!(
        answer["reallocation"],
        json!({ "jobId": null, "state": "none", "deltaWeeks": 0 })
    );
    assert_eq!(
        count(
            scene.pool(),
            "SELECT count(*) FROM jobs WHERE kind = 'reallocate'"
        )
        .await,
        0
    );
    // Clearing or setting a first date is no move either.
    let cleared = scene.move_to(Value::Null, None).await.json();
    assert!(cleared.get("reallocation").is_none(), "{cleared}");
    assert_eq!(scene.hours().await, json!({"2026-03-08": 8}));
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn with_auto_reallocation_off_the_date_saves_and_nothing_moves(pool: PgPool) {
    let planner = Planner::with_settings(pool, settings(&["--auto-reallocation=false"])).await;
    let scene = Scene::new(planner, "2026-03-11", json!({"2026-03-08": 8})).await;
    let answer = scene.move_to(json!("2026-05-11"), None).await.json();
    assert_eq!(answer["date"], "2026-05-11");
    assert!(answer.get("reallocation").is_none(), "{answer}");
    assert_eq!(
        count(
            scene.pool(),
            "SELECT count(*) FROM jobs WHERE kind = 'reallocate'"
        )
        .await,
        0
    );
    assert_eq!(scene.hours().await, json!({"2026-03-08": 8}));
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_requests_are_refused_with_codes_and_change_nothing(pool: PgPool) {
    let scene = Scene::new(
        Planner::new(pool).await,
        "2026-03-11",
        json!({"2026-03-08": 8}),
    )
    .await;
    let bad = scene.move_to(json!("next week"), None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["errors"][0]["code"], "invalid_date");
    let far = scene.move_to(json!("1990-01-03"), None).await;
    assert_eq!(far.status, StatusCode::BAD_REQUEST);
    assert_eq!(far.json()["code"], "week_out_of_range");
    let nothing = scene.undo(json!({})).await;
    assert_eq!(
        (nothing.status, nothing.json()["code"].clone()),
        (StatusCode::NOT_FOUND, json!("no_reallocation"))
    );
    let unknown = scene.undo(json!({ "revert": true })).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);

    let reader = create_user(&scene.planner.state, "reader", Role::User).await;
    let token = access_token(&scene.planner.state, &reader);
    let uri = format!("/api/deliverables/{}", scene.deliverable);
    let body = Some(json!({ "date": "2026-06-10" }));
    let forbidden = scene
        .planner
        .app
        .send(request("PATCH", &uri, Some(&token), body))
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let undo = format!("{uri}/reallocation/undo");
    let forbidden = scene
        .planner
        .app
        .send(request("POST", &undo, Some(&token), Some(json!({}))))
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    assert_eq!(forbidden.header("content-type"), "application/problem+json");

    assert_eq!(
        count(
            scene.pool(),
            "SELECT count(*) FROM jobs WHERE kind = 'reallocate'"
        )
        .await,
        0
    );
    let date: chrono::NaiveDate = sqlx::query_scalar("SELECT date FROM deliverables WHERE id = $1")
        .bind(scene.deliverable)
        .fetch_one(scene.pool())
        .await
        .unwrap();
    assert_eq!(date.to_string(), "2026-03-11");
}
