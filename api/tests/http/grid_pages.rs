//! The planning grid a page at a time and the lists' totals: a page holds `limit` people
//! from `offset` by name with only their totals and how many people the scope holds; the
//! rows endpoint answers a set of people's assignment rows that add up to those totals;
//! bad paging and bad people are 400 problems; a list's total (kept between requests)
//! follows every change of its tables.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;

use crate::support::*;

fn names(people: &Value) -> Vec<&str> {
    people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_grid_pages_people_and_rows_come_for_the_people_asked(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let mut ids = Vec::new();
    for name in ["eve", "Cy", "ann", "Dee", "Bob"] {
        ids.push(plan.id_of("/api/people", json!({ "name": name })).await);
    }
    let gone = plan
        .id_of("/api/people", json!({ "name": "Al", "isActive": false }))
        .await;
    let cy = ids[1];
    let dee = ids[3];
    let bridge = plan
        .id_of(
            "/api/projects",
            json!({ "name": "Bridge", "status": "active" }),
        )
        .await;
    let dam = plan
        .id_of(
            "/api/projects",
            json!({ "name": "Dam", "status": "on_hold" }),
        )
        .await;
    plan.assignment(cy, bridge, json!({ "2026-11-22": 8, "2026-11-29": 4 }))
        .await;
    plan.assignment(cy, dam, json!({ "2026-11-22": 2.5 })).await;
    plan.assignment(gone, bridge, json!({ "2026-11-22": 1 }))
        .await;

    let window = "weeks=8&start=2026-11-22";
    let page = plan
        .call(
            "GET",
            &format!("/api/assignments/grid?{window}&offset=2&limit=2"),
            None,
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let page = page.json();
    assert_eq!(
        (
            page["total"].clone(),
            page["offset"].clone(),
            page["limit"].clone()
        ),
        (json!(5), json!(2), json!(2))
    );
    assert_eq!(
        names(&page["people"]),
        ["Cy", "Dee"],
        "by name, case-insensitively"
    );
    assert_eq!(page["people"][0]["assignmentCount"], 2);
    assert_eq!(page["people"][1]["assignmentCount"], 0);
    assert_eq!(
        page["hoursByPerson"][cy.to_string()],
        json!({ "2026-11-22": 10.5, "2026-11-29": 4 })
    );
    assert!(
        page.get("assignments").is_none(),
        "rows only when asked for"
    );

    let first = plan
        .call("GET", &format!("/api/assignments/grid?{window}"), None)
        .await
        .json();
    assert_eq!(first["limit"], 100);
    assert_eq!(names(&first["people"]), ["ann", "Bob", "Cy", "Dee", "eve"]);
    let with_rows = plan
        .call(
            "GET",
            &format!("/api/assignments/grid?{window}&offset=1&limit=2&include=assignments"),
            None,
        )
        .await
        .json();
    assert_eq!(
        with_rows["assignments"].as_array().unwrap().len(),
        2,
        "only this page's people"
    );

    let rows = plan
        .call(
            "GET",
            &format!("/api/assignments/grid/rows?people={cy},{dee},{gone}&{window}"),
            None,
        )
        .await;
    assert_eq!(rows.status, StatusCode::OK);
    let rows = rows.json();
    assert_eq!(rows["weekKeys"].as_array().unwrap().len(), 8);
    let rows = rows["assignments"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 2, "an inactive person has no rows: {rows:?}");
    assert_eq!(
        (
            rows[0]["projectName"].as_str(),
            rows[1]["projectName"].as_str()
        ),
        (Some("Bridge"), Some("Dam"))
    );
    for week in ["2026-11-22", "2026-11-29"] {
        let sum: f64 = rows
            .iter()
            .filter_map(|r| r["weeklyHours"][week].as_f64())
            .sum();
        assert_eq!(
            sum,
            page["hoursByPerson"][cy.to_string()][week]
                .as_f64()
                .unwrap(),
            "{week}"
        );
    }
    let active = plan
        .call(
            "GET",
            &format!("/api/assignments/grid/rows?people={cy}&{window}&status=active"),
            None,
        )
        .await
        .json();
    assert_eq!(active["assignments"].as_array().unwrap().len(), 1);

    let too_many = (1..=201)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    for bad in [
        "grid?limit=0".to_owned(),
        "grid?limit=501".to_owned(),
        "grid?offset=-1".to_owned(),
        "grid/rows?people=".to_owned(),
        "grid/rows?people=1,x".to_owned(),
        format!("grid/rows?people={too_many}"),
        "grid/rows?people=1&weeks=53".to_owned(),
        "grid/rows?people=1&status=dreaming".to_owned(),
        "grid/rows".to_owned(),
    ] {
        let answer = plan
            .call("GET", &format!("/api/assignments/{bad}"), None)
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let refused = plan
        .call("GET", "/api/assignments/grid/rows?people=x", None)
        .await;
    assert_eq!(refused.json()["code"], "invalid_people");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn list_totals_follow_every_change(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let total = |path: &'static str| {
        let plan = &plan;
        async move { plan.call("GET", path, None).await.json()["total"].clone() }
    };
    let ann = plan.id_of("/api/people", json!({ "name": "Ann" })).await;
    plan.id_of("/api/people", json!({ "name": "Bo" })).await;
    assert_eq!(total("/api/people").await, 2);
    assert_eq!(total("/api/people?active=true").await, 2);
    assert_eq!(
        total("/api/people?page=2&pageSize=1").await,
        2,
        "paging keeps the total"
    );
    plan.id_of("/api/people", json!({ "name": "Cy" })).await;
    assert_eq!(total("/api/people").await, 3, "a new person counts at once");
    let off = plan
        .call(
            "PATCH",
            &format!("/api/people/{ann}"),
            Some(json!({ "isActive": false })),
        )
        .await;
    assert_eq!(off.status, StatusCode::OK);
    assert_eq!(total("/api/people?active=true").await, 2);
    assert_eq!(total("/api/people").await, 3);
    assert_eq!(total("/api/people?search=bo").await, 1);

    let dept = plan
        .id_of("/api/departments", json!({ "name": "Civil" }))
        .await;
    let sub = plan
        .id_of(
            "/api/departments",
            json!({ "name": "Roads", "parentDepartment": dept }),
        )
        .await;
    plan.id_of("/api/people", json!({ "name": "Dee", "department": sub }))
        .await;
    let scoped = format!("/api/people?department={dept}&includeChildren=true");
    let count = |path: String| {
        let plan = &plan;
        async move { plan.call("GET", &path, None).await.json()["total"].clone() }
    };
    assert_eq!(count(scoped.clone()).await, 1);
    let moved = plan
        .call(
            "PATCH",
            &format!("/api/departments/{sub}"),
            Some(json!({ "parentDepartment": null })),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.json());
    assert_eq!(
        count(scoped).await,
        0,
        "a department moved out of the tree counts at once"
    );

    plan.id_of(
        "/api/projects",
        json!({ "name": "Bridge", "status": "active" }),
    )
    .await;
    assert_eq!(total("/api/projects?status=active").await, 1);
    plan.id_of(
        "/api/projects",
        json!({ "name": "Dam", "status": "active" }),
    )
    .await;
    assert_eq!(total("/api/projects?status=active").await, 2);
    let names_desc = plan
        .call("GET", "/api/projects?sort=-name", None)
        .await
        .json();
    assert_eq!(names(&names_desc["items"]), ["Dam", "Bridge"]);
}
