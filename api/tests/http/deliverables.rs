//! Deliverables: the default set of a new project, completion dates, reordering (only a
//! complete permutation), the calendar, linked people, and refusals that change nothing.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn deliverables_follow_their_project(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let manager = create_user(&state, "pm", Role::Manager).await;
    let token = access_token(&state, &manager);
    let call =
        |method: &str, uri: &str, body: Option<Value>| request(method, uri, Some(&token), body);

    let project = app
        .send(call(
            "POST",
            "/api/projects",
            Some(json!({ "name": "Museum" })),
        ))
        .await
        .json();
    let pid = project["id"].as_i64().unwrap();
    let list = app
        .send(call(
            "GET",
            &format!("/api/deliverables?project={pid}"),
            None,
        ))
        .await
        .json();
    let defaults: Vec<(i64, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["percentage"].as_i64().unwrap(),
                d["description"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        defaults,
        [
            (35, "SD".into()),
            (75, "DD".into()),
            (95, "IFP".into()),
            (100, "IFC".into())
        ]
    );
    let ids: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_i64().unwrap())
        .collect();

    let dated = app
        .send(call(
            "PATCH",
            &format!("/api/deliverables/{}", ids[0]),
            Some(json!({ "date": "2027-01-10", "isCompleted": true })),
        ))
        .await
        .json();
    assert_eq!(dated["date"], "2027-01-10");
    assert!(
        dated["completedDate"].is_string(),
        "completion records the date"
    );
    let reopened = app
        .send(call(
            "PATCH",
            &format!("/api/deliverables/{}", ids[0]),
            Some(json!({ "isCompleted": false })),
        ))
        .await
        .json();
    assert_eq!(reopened["completedDate"], Value::Null);

    let reversed: Vec<i64> = ids.iter().rev().copied().collect();
    let reorder = |order: Vec<i64>| {
        call(
            "POST",
            &format!("/api/projects/{pid}/deliverables/reorder"),
            Some(json!({ "order": order })),
        )
    };
    let bad = app.send(reorder(vec![ids[0], ids[1]])).await;
    assert_eq!(bad.json()["errors"][0]["code"], "invalid_order");
    let dup = app
        .send(reorder(vec![ids[0], ids[0], ids[1], ids[2]]))
        .await;
    assert_eq!(dup.status, StatusCode::BAD_REQUEST);
    let ordered = app.send(reorder(reversed.clone())).await.json();
    let now: Vec<i64> = ordered
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_i64().unwrap())
        .collect();
    assert_eq!(now, reversed);

    let calendar = app
        .send(call(
            "GET",
            "/api/deliverables/calendar?start=2027-01-01&end=2027-01-31",
            None,
        ))
        .await
        .json();
    assert_eq!(calendar.as_array().unwrap().len(), 1);
    assert_eq!(calendar[0]["projectName"], "Museum");
    let too_long = app
        .send(call(
            "GET",
            "/api/deliverables/calendar?start=2020-01-01&end=2027-01-31",
            None,
        ))
        .await;
    assert_eq!(too_long.json()["code"], "invalid_range");

    let person = app
        .send(call(
            "POST",
            "/api/people",
            Some(json!({ "name": "Quinn" })),
        ))
        .await
        .json();
    let link = call(
        "POST",
        &format!("/api/deliverables/{}/people", ids[1]),
        Some(json!({ "person": person["id"], "roleOnMilestone": "Lead" })),
    );
    assert_eq!(app.send(link).await.status, StatusCode::CREATED);
    let linked = app
        .send(call(
            "GET",
            &format!("/api/deliverables/{}/people", ids[1]),
            None,
        ))
        .await
        .json();
    assert_eq!(linked[0]["personName"], "Quinn");

    for (body, code) in [
        (
            json!({ "project": pid, "percentage": 101 }),
            "validation_failed",
        ),
        (
            json!({ "project": pid, "date": "2027-13-01" }),
            "validation_failed",
        ),
        (json!({ "project": 999999 }), "validation_failed"),
        (json!({ "description": "No project" }), "validation_failed"),
    ] {
        let answer = app
            .send(call("POST", "/api/deliverables", Some(body.clone())))
            .await;
        assert_eq!(answer.json()["code"], code, "{body}");
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM deliverables")
        .fetch_one(&state.db)
        .await
        .unwrap();
    assert_eq!(count, 4);
}
