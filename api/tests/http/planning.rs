//! Assignments and their weekly hours and the bulk hours endpoint: every validation rule
//! for week keys and hours, merges where 0 removes a week, one transaction for a bulk edit
//! (a bad row changes nothing), optimistic locking between two editors, and a user
//! changing only their own hours. The grid over them is tested in `planning_grid`.

use axum::http::{StatusCode, header};
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

/// Row count and checksum of every stored week, to prove a refused request changed nothing.
async fn checksum(db: &PgPool) -> (i64, String) {
    sqlx::query_as(
        "SELECT count(*), coalesce(md5(string_agg(assignment_id || ':' || week || ':' || centihours, '|' \
         ORDER BY assignment_id, week)), '') FROM assignment_weeks",
    )
    .fetch_one(db)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn weekly_hours_merge_and_zero_removes_a_week(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let person = plan.id_of("/api/people", json!({ "name": "Ana" })).await;
    let project = plan.id_of("/api/projects", json!({ "name": "Dam" })).await;
    let created = plan
        .assignment(
            person,
            project,
            json!({ "2026-11-22": 8, "2026-11-29": 7.5 }),
        )
        .await;
    assert_eq!(
        created["weeklyHours"],
        json!({ "2026-11-22": 8, "2026-11-29": 7.5 })
    );
    assert_eq!(created["personName"], "Ana");
    let id = created["id"].as_i64().unwrap();
    let patched = plan
        .call(
            "PATCH",
            &format!("/api/assignments/{id}"),
            Some(json!({ "weeklyHours": { "2026-11-22": 0, "2026-12-06": 4.25 } })),
        )
        .await;
    assert_eq!(patched.status, StatusCode::OK);
    assert_eq!(
        patched.json()["weeklyHours"],
        json!({ "2026-11-29": 7.5, "2026-12-06": 4.25 })
    );
    assert!(patched.json()["version"].as_i64().unwrap() > created["version"].as_i64().unwrap());
    let duplicate = plan
        .call(
            "POST",
            "/api/assignments",
            Some(json!({ "person": person, "project": project })),
        )
        .await;
    assert_eq!(duplicate.json()["code"], "assignment_exists");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn every_bad_week_and_hour_is_refused_and_nothing_changes(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let person = plan.id_of("/api/people", json!({ "name": "Ben" })).await;
    let project = plan.id_of("/api/projects", json!({ "name": "Pier" })).await;
    let id = plan
        .assignment(person, project, json!({ "2026-11-22": 8 }))
        .await["id"]
        .as_i64()
        .unwrap();
    let before = checksum(&plan.state.db).await;
    let many: serde_json::Map<String, Value> =
        (0..10_000).map(|i| (format!("k{i}"), json!(1))).collect();
    let cases = [
        (
            json!({ "2026-11-23": 8 }),
            "week_not_sunday",
            "weeklyHours.2026-11-23",
        ),
        (
            json!({ "2026-02-30": 8 }),
            "week_invalid_date",
            "weeklyHours.2026-02-30",
        ),
        (
            json!({ "1999-12-26": 8 }),
            "week_out_of_range",
            "weeklyHours.1999-12-26",
        ),
        (
            json!({ "2026-11-22": -1 }),
            "hours_out_of_range",
            "weeklyHours.2026-11-22",
        ),
        (
            json!({ "2026-11-22": 169 }),
            "hours_out_of_range",
            "weeklyHours.2026-11-22",
        ),
        (
            json!({ "2026-11-22": 8.125 }),
            "hours_too_precise",
            "weeklyHours.2026-11-22",
        ),
        (
            json!({ "2026-11-22": "NaN" }),
            "hours_not_a_number",
            "weeklyHours.2026-11-22",
        ),
        (
            json!({ "2026-11-22": "Infinity" }),
            "hours_not_a_number",
            "weeklyHours.2026-11-22",
        ),
        (json!([8]), "weekly_hours_not_an_object", "weeklyHours"),
        (Value::Object(many), "too_many_weeks", "weeklyHours"),
    ];
    for (hours, code, field) in cases {
        let answer = plan
            .call(
                "PATCH",
                &format!("/api/assignments/{id}"),
                Some(json!({ "weeklyHours": hours })),
            )
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{code}");
        let body = answer.json();
        assert_eq!(body["errors"][0]["code"], code);
        assert_eq!(body["errors"][0]["field"], field);
    }
    let mut huge = request(
        "PATCH",
        &format!("/api/assignments/{id}"),
        Some(&plan.token),
        None,
    );
    huge.headers_mut()
        .insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
    *huge.body_mut() = axum::body::Body::from(r#"{"weeklyHours": {"2026-11-22": 1e309}}"#);
    assert_eq!(plan.app.send(huge).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(checksum(&plan.state.db).await, before);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_bulk_edit_is_all_or_nothing(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let person = plan.id_of("/api/people", json!({ "name": "Cleo" })).await;
    let p1 = plan.id_of("/api/projects", json!({ "name": "One" })).await;
    let p2 = plan.id_of("/api/projects", json!({ "name": "Two" })).await;
    let a = plan.assignment(person, p1, json!({})).await["id"]
        .as_i64()
        .unwrap();
    let b = plan.assignment(person, p2, json!({})).await["id"]
        .as_i64()
        .unwrap();
    let before = checksum(&plan.state.db).await;
    let bad = json!({ "updates": [
        { "assignmentId": a, "weeklyHours": { "2026-11-22": 8 } },
        { "assignmentId": b, "weeklyHours": { "2026-11-24": 8 } } ] });
    let answer = plan
        .call("PATCH", "/api/assignments/hours", Some(bad))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.json()["errors"][0]["field"],
        "updates[1].weeklyHours.2026-11-24"
    );
    let missing = json!({ "updates": [
        { "assignmentId": a, "weeklyHours": { "2026-11-22": 8 } },
        { "assignmentId": 999999, "weeklyHours": { "2026-11-22": 8 } } ] });
    let answer = plan
        .call("PATCH", "/api/assignments/hours", Some(missing))
        .await;
    assert_eq!(answer.json()["errors"][0]["code"], "assignment_not_found");
    assert_eq!(
        checksum(&plan.state.db).await,
        before,
        "no row of a refused batch was written"
    );

    let good = json!({ "updates": [
        { "assignmentId": a, "weeklyHours": { "2026-11-22": 8, "2026-11-29": 8 } },
        { "assignmentId": b, "weeklyHours": { "2026-11-22": 4 } } ] });
    let answer = plan
        .call("PATCH", "/api/assignments/hours", Some(good))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let results = answer.json()["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["assignmentId"], a);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn two_editors_with_the_same_version_one_wins(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let person = plan.id_of("/api/people", json!({ "name": "Dara" })).await;
    let project = plan.id_of("/api/projects", json!({ "name": "Quay" })).await;
    let created = plan.assignment(person, project, json!({})).await;
    let id = created["id"].as_i64().unwrap();
    let etag = format!("\"{}\"", created["version"]);
    let edit = |hours: f64| {
        let mut req = request(
            "PATCH",
            &format!("/api/assignments/{id}"),
            Some(&plan.token),
            Some(json!({ "weeklyHours": { "2026-11-22": hours } })),
        );
        req.headers_mut()
            .insert(header::IF_MATCH, etag.parse().unwrap());
        req
    };
    let (first, second) = tokio::join!(plan.app.send(edit(5.0)), plan.app.send(edit(6.0)));
    let mut statuses = [first.status.as_u16(), second.status.as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 412]);
    let stale = json!({ "updates": [{ "assignmentId": id, "version": created["version"], "weeklyHours": { "2026-11-29": 1 } }] });
    let answer = plan
        .call("PATCH", "/api/assignments/hours", Some(stale))
        .await;
    assert_eq!(answer.status, StatusCode::PRECONDITION_FAILED);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_user_changes_only_their_own_hours(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let me = plan.id_of("/api/people", json!({ "name": "Eli" })).await;
    let other = plan.id_of("/api/people", json!({ "name": "Fay" })).await;
    let project = plan.id_of("/api/projects", json!({ "name": "Lock" })).await;
    let mine = plan.assignment(me, project, json!({})).await["id"]
        .as_i64()
        .unwrap();
    let theirs = plan.assignment(other, project, json!({})).await["id"]
        .as_i64()
        .unwrap();
    let user = create_user(&plan.state, "eli", Role::User).await;
    sqlx::query("UPDATE users SET person_id = $1 WHERE id = $2")
        .bind(me)
        .bind(user.id)
        .execute(&plan.state.db)
        .await
        .unwrap();
    let token = access_token(&plan.state, &user);
    let patch = |id: i64, body: Value| {
        request(
            "PATCH",
            &format!("/api/assignments/{id}"),
            Some(&token),
            Some(body),
        )
    };
    let hours = json!({ "weeklyHours": { "2026-11-22": 6 } });
    assert_eq!(
        plan.app.send(patch(mine, hours.clone())).await.status,
        StatusCode::OK
    );
    assert_eq!(
        plan.app.send(patch(theirs, hours.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        plan.app
            .send(patch(mine, json!({ "notes": "mine now" })))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let bulk = json!({ "updates": [
        { "assignmentId": mine, "weeklyHours": { "2026-11-29": 2 } },
        { "assignmentId": theirs, "weeklyHours": { "2026-11-29": 2 } } ] });
    let answer = plan
        .app
        .send(request(
            "PATCH",
            "/api/assignments/hours",
            Some(&token),
            Some(bulk),
        ))
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
}
