//! The planning grids: the people grid's totals equal the sum of their rows, and the
//! project grid sums each project's people.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_grid_totals_equal_the_sum_of_their_rows(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let dept = plan
        .id_of("/api/departments", json!({ "name": "Marine" }))
        .await;
    let gil = plan
        .id_of(
            "/api/people",
            json!({ "name": "Gil", "department": dept, "weeklyCapacity": 40 }),
        )
        .await;
    plan.id_of("/api/people", json!({ "name": "Hana", "department": dept }))
        .await;
    let p1 = plan
        .id_of(
            "/api/projects",
            json!({ "name": "Jetty", "status": "active" }),
        )
        .await;
    let p2 = plan
        .id_of(
            "/api/projects",
            json!({ "name": "Slip", "status": "on_hold" }),
        )
        .await;
    plan.assignment(gil, p1, json!({ "2026-11-22": 30, "2026-12-06": 10.5 }))
        .await;
    plan.assignment(gil, p2, json!({ "2026-11-22": 15.25, "2027-06-06": 8 }))
        .await;

    let answer = plan
        .call("GET", &format!("/api/assignments/grid?weeks=8&start=2026-11-22&department={dept}&include=assignments"), None)
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let grid = answer.json();
    assert_eq!(grid["weekKeys"].as_array().unwrap().len(), 8);
    assert_eq!(grid["weekKeys"][0], "2026-11-22");
    assert_eq!(grid["people"].as_array().unwrap().len(), 2);
    let totals = &grid["hoursByPerson"][gil.to_string()];
    assert_eq!(
        totals["2026-11-22"], 45.25,
        "over-allocation is shown, not blocked"
    );
    assert_eq!(totals["2026-12-06"], 10.5);
    assert!(totals.get("2027-06-06").is_none(), "outside the window");
    for week in ["2026-11-22", "2026-12-06"] {
        let rows: f64 = grid["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["person"] == gil)
            .filter_map(|a| a["weeklyHours"][week].as_f64())
            .sum();
        assert_eq!(rows, totals[week].as_f64().unwrap(), "{week}");
    }
    let active_only = plan
        .call(
            "GET",
            "/api/assignments/grid?weeks=8&start=2026-11-22&status=active",
            None,
        )
        .await
        .json();
    assert_eq!(
        active_only["hoursByPerson"][gil.to_string()]["2026-11-22"],
        30
    );

    for bad in [
        "weeks=7",
        "weeks=53",
        "start=2026-11-23",
        "start=yesterday",
        "include=everything",
        "status=dreaming",
    ] {
        let answer = plan
            .call("GET", &format!("/api/assignments/grid?{bad}"), None)
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_project_grid_sums_each_projects_people(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let ivo = plan.id_of("/api/people", json!({ "name": "Ivo" })).await;
    let jan = plan.id_of("/api/people", json!({ "name": "Jan" })).await;
    let project = plan
        .id_of(
            "/api/projects",
            json!({ "name": "Canal", "status": "active" }),
        )
        .await;
    plan.assignment(ivo, project, json!({ "2026-11-22": 10 }))
        .await;
    plan.assignment(jan, project, json!({ "2026-11-22": 6.5, "2026-11-29": 2 }))
        .await;
    let answer = plan
        .call(
            "GET",
            "/api/assignments/project-grid?weeks=8&start=2026-11-22&include=assignments",
            None,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let grid = answer.json();
    assert_eq!(grid["projects"][0]["name"], "Canal");
    let totals = &grid["hoursByProject"][project.to_string()];
    assert_eq!(totals["2026-11-22"], 16.5);
    assert_eq!(totals["2026-11-29"], 2);
    let people: Vec<&str> = grid["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["personName"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["Ivo", "Jan"]);

    // A deactivated person stops counting; a department counts only its own people.
    let deactivated = plan
        .call(
            "PATCH",
            &format!("/api/people/{jan}"),
            Some(json!({ "isActive": false })),
        )
        .await;
    assert_eq!(deactivated.status, StatusCode::OK);
    let hours = |query: String| {
        let plan = &plan;
        async move {
            let uri = format!("/api/assignments/project-grid?weeks=8&start=2026-11-22{query}");
            plan.call("GET", &uri, None).await.json()["hoursByProject"][project.to_string()].clone()
        }
    };
    assert_eq!(hours(String::new()).await, json!({ "2026-11-22": 10 }));
    let civil = plan
        .id_of("/api/departments", json!({ "name": "Civil" }))
        .await;
    plan.call(
        "PATCH",
        &format!("/api/people/{jan}"),
        Some(json!({ "isActive": true, "department": civil })),
    )
    .await;
    let everyone = json!({ "2026-11-22": 16.5, "2026-11-29": 2 });
    assert_eq!(hours(String::new()).await, everyone);
    let jans = json!({ "2026-11-22": 6.5, "2026-11-29": 2 });
    assert_eq!(hours(format!("&department={civil}")).await, jans);
}
