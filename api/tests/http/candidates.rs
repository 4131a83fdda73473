//! `GET /api/projects/{id}/candidates` and the department filter of project lists: free
//! hours over the window, wanted skills first, people already on the project left out,
//! the department scope honoured, and bad queries refused.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;

use crate::support::*;

const WEEK: &str = "2026-11-22";
const NEXT_WEEK: &str = "2026-11-29";

async fn give_skill(plan: &Planner, person: i64, skill: i64) {
    let path = format!("/api/people/{person}/skills");
    let body = json!({ "skill": skill, "kind": "strength", "level": "advanced" });
    assert_eq!(
        plan.call("PUT", &path, Some(body)).await.status,
        StatusCode::OK
    );
}

fn names(answer: &Value) -> Vec<&str> {
    answer["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap())
        .collect()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn candidates_rank_by_skill_then_free_hours(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let target = plan
        .id_of("/api/projects", json!({ "name": "Museum" }))
        .await;
    let other = plan
        .id_of("/api/projects", json!({ "name": "Library" }))
        .await;
    let busy = plan
        .id_of(
            "/api/people",
            json!({ "name": "Busy Bo", "weeklyCapacity": 40 }),
        )
        .await;
    plan.id_of(
        "/api/people",
        json!({ "name": "Free Fay", "weeklyCapacity": 40 }),
    )
    .await;
    let skilled = plan
        .id_of(
            "/api/people",
            json!({ "name": "Skilled Sam", "weeklyCapacity": 40 }),
        )
        .await;
    let on_it = plan
        .id_of("/api/people", json!({ "name": "Already Al" }))
        .await;
    plan.assignment(busy, other, json!({ WEEK: 30, NEXT_WEEK: 20 }))
        .await;
    plan.assignment(skilled, other, json!({ WEEK: 35 })).await;
    plan.assignment(on_it, target, json!({})).await;
    let revit = plan.id_of("/api/skills", json!({ "name": "Revit" })).await;
    give_skill(&plan, skilled, revit).await;

    let uri = format!("/api/projects/{target}/candidates?start={WEEK}&weeks=2");
    let all = plan.call("GET", &uri, None).await;
    assert_eq!(all.status, StatusCode::OK, "{:?}", all.json());
    let all = all.json();
    assert_eq!(all["weekKeys"], json!([WEEK, NEXT_WEEK]));
    assert_eq!(names(&all), ["Free Fay", "Skilled Sam", "Busy Bo"]);
    let bo = &all["items"][2];
    assert_eq!(
        (
            bo["capacity"].as_f64(),
            bo["planned"].as_f64(),
            bo["free"].as_f64()
        ),
        (Some(80.0), Some(50.0), Some(30.0))
    );

    let wanted = plan
        .call("GET", &format!("{uri}&skills={revit}"), None)
        .await
        .json();
    assert_eq!(names(&wanted), ["Skilled Sam"]);
    assert_eq!(wanted["items"][0]["matchedSkills"][0]["name"], "Revit");
    assert_eq!(wanted["items"][0]["matchedSkills"][0]["level"], "advanced");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn candidates_and_projects_honour_the_department_scope(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let studio = plan
        .id_of("/api/departments", json!({ "name": "Studio" }))
        .await;
    let team = plan
        .id_of(
            "/api/departments",
            json!({ "name": "Team", "parentDepartment": studio }),
        )
        .await;
    let inside = plan
        .id_of("/api/people", json!({ "name": "Ines", "department": team }))
        .await;
    plan.id_of("/api/people", json!({ "name": "Otto" })).await;
    let staffed = plan
        .id_of("/api/projects", json!({ "name": "Staffed" }))
        .await;
    plan.id_of("/api/projects", json!({ "name": "Elsewhere" }))
        .await;
    plan.assignment(inside, staffed, json!({ WEEK: 4 })).await;
    let target = plan
        .id_of("/api/projects", json!({ "name": "Target" }))
        .await;

    let scoped = format!("/api/projects/{target}/candidates?department={studio}");
    assert_eq!(
        names(&plan.call("GET", &scoped, None).await.json()),
        ["Ines"]
    );
    let only_top = format!("{scoped}&includeChildren=false");
    assert!(names(&plan.call("GET", &only_top, None).await.json()).is_empty());

    for (query, expected) in [
        (
            format!("department={studio}&includeChildren=true"),
            vec!["Staffed"],
        ),
        (format!("department={studio}"), vec![]),
        (format!("department={team}"), vec!["Staffed"]),
    ] {
        let page = plan
            .call("GET", &format!("/api/projects?{query}"), None)
            .await;
        assert_eq!(names(&page.json()), expected, "{query}");
    }

    let grid = plan
        .call(
            "GET",
            &format!("/api/assignments/project-grid?start={WEEK}&weeks=8&department={studio}"),
            None,
        )
        .await
        .json();
    let grid_names: Vec<&str> = grid["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(grid_names, ["Staffed"]);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_candidate_queries_are_refused(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let project = plan.id_of("/api/projects", json!({ "name": "Quay" })).await;
    let base = format!("/api/projects/{project}/candidates");
    for query in [
        "weeks=0",
        "weeks=53",
        "start=2026-11-24",
        "skills=1,x",
        "skills=-3",
        "skills=0",
        "limit=0",
        "limit=201",
        "department=abc",
    ] {
        let answer = plan.call("GET", &format!("{base}?{query}"), None).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{query}: {:?}",
            answer.json()
        );
        assert!(answer.json()["code"].is_string(), "{query}");
    }
    let missing = plan
        .call("GET", "/api/projects/999999/candidates", None)
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let many: Vec<String> = (1..=51).map(|i| i.to_string()).collect();
    let answer = plan
        .call("GET", &format!("{base}?skills={}", many.join(",")), None)
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
}
