//! The person page's two requests: the overview (the person, their weeks with bands, their
//! assignments and skills; bad input or an unknown person answered with a problem) and
//! the choices of their department and role.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use crate::support::*;

const WEEK: &str = "2026-11-22";
const NEXT_WEEK: &str = "2026-11-29";

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn one_request_holds_the_person_their_weeks_assignments_and_skills(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let ann = plan
        .id_of(
            "/api/people",
            json!({ "name": "Ann", "weeklyCapacity": 40 }),
        )
        .await;
    let museum = plan
        .id_of(
            "/api/projects",
            json!({ "name": "Museum", "status": "active" }),
        )
        .await;
    plan.assignment(ann, museum, json!({ WEEK: 30, NEXT_WEEK: 44 }))
        .await;
    let revit = plan
        .id_of(
            "/api/skills",
            json!({ "name": "Revit", "category": "software" }),
        )
        .await;
    let set = plan
        .call(
            "PUT",
            &format!("/api/people/{ann}/skills"),
            Some(json!({ "skill": revit, "kind": "strength", "level": "expert" })),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK);

    let uri = format!("/api/people/{ann}/overview?start={WEEK}&weeks=2");
    let answer = plan.call("GET", &uri, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    let overview = answer.json();
    assert_eq!(overview["person"]["name"], "Ann");
    assert_eq!(overview["person"]["version"], 1);
    assert_eq!(
        overview["weeks"],
        json!([
            { "week": WEEK, "allocated": 30, "capacity": 40, "percent": 75.0, "band": "optimal" },
            { "week": NEXT_WEEK, "allocated": 44, "capacity": 40, "percent": 110.0, "band": "over_allocated" },
        ])
    );
    assert_eq!(overview["assignments"][0]["projectName"], "Museum");
    assert_eq!(overview["assignments"][0]["weeklyHours"][NEXT_WEEK], 44);
    assert_eq!(overview["skills"][0]["name"], "Revit");
    assert_eq!(overview["skills"][0]["level"], "expert");

    let default_window = plan
        .call("GET", &format!("/api/people/{ann}/overview"), None)
        .await;
    assert_eq!(default_window.json()["weeks"].as_array().unwrap().len(), 12);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_unknown_person_or_bad_window_is_a_problem(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let ann = plan.id_of("/api/people", json!({ "name": "Ann" })).await;
    let cases = [
        ("/api/people/999999/overview".to_owned(), 404, "not_found"),
        ("/api/people/abc/overview".to_owned(), 400, "invalid_id"),
        (
            format!("/api/people/{ann}/overview?weeks=60"),
            400,
            "invalid_weeks",
        ),
        (
            format!("/api/people/{ann}/overview?start=2026-11-23"),
            400,
            "week_not_sunday",
        ),
    ];
    for (uri, status, code) in cases {
        let answer = plan.call("GET", &uri, None).await;
        assert_eq!(answer.status.as_u16(), status, "{uri}: {:?}", answer.json());
        assert_eq!(answer.header("content-type"), "application/problem+json");
        assert_eq!(answer.json()["code"], code, "{uri}");
    }
    let anonymous = plan.app.get(&format!("/api/people/{ann}/overview")).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_choices_hold_every_department_and_role_in_one_answer(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let studio = plan
        .id_of("/api/departments", json!({ "name": "Studio" }))
        .await;
    plan.id_of(
        "/api/departments",
        json!({ "name": "Lab", "parentDepartment": studio, "isActive": false }),
    )
    .await;
    for name in ["Engineer", "Architect"] {
        plan.id_of("/api/roles", json!({ "name": name })).await;
    }
    let answer = plan.call("GET", "/api/people/choices", None).await;
    assert_eq!(answer.status, StatusCode::OK);
    let choices = answer.json();
    let names = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|item| item["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(&choices["departments"]), ["Lab", "Studio"]);
    assert_eq!(choices["departments"][0]["parentDepartment"], studio);
    assert_eq!(names(&choices["roles"]), ["Architect", "Engineer"]);
    let anonymous = plan.app.get("/api/people/choices").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
