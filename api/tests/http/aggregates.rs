//! The overviews over HTTP: each endpoint's shape on a small plan, the body ETag and 304,
//! the personal view needing a linked person, and bad input answered with a 4xx problem
//! carrying a stable code (never a 500).

use axum::http::{StatusCode, header};
use serde_json::{Value, json};
use sqlx::PgPool;

use crate::support::*;

const WEEK: &str = "2026-11-22";
const NEXT_WEEK: &str = "2026-11-29";

/// Two people (Ann 40 h, Bo 20 h) in Studio (Bo in its sub-department Lab), one project
/// with a dated deliverable, Ann over capacity in the second week.
async fn plan(pool: PgPool) -> (Planner, i64, i64) {
    let plan = Planner::new(pool).await;
    let studio = plan
        .id_of("/api/departments", json!({ "name": "Studio" }))
        .await;
    let lab = plan
        .id_of(
            "/api/departments",
            json!({ "name": "Lab", "parentDepartment": studio }),
        )
        .await;
    let ann = plan
        .id_of(
            "/api/people",
            json!({ "name": "Ann", "weeklyCapacity": 40, "department": studio }),
        )
        .await;
    let bo = plan
        .id_of(
            "/api/people",
            json!({ "name": "Bo", "weeklyCapacity": 20, "department": lab }),
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
    plan.assignment(bo, museum, json!({ WEEK: 10 })).await;
    plan.id_of(
        "/api/deliverables",
        json!({ "project": museum, "description": "DD", "date": "2026-12-02" }),
    )
    .await;
    (plan, ann, museum)
}

async fn ok(plan: &Planner, uri: &str) -> Value {
    let answer = plan.call("GET", uri, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{uri}: {:?}", answer.json());
    assert_eq!(answer.header("cache-control"), "private, no-cache");
    answer.json()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn dashboard_heatmap_and_forecast_show_the_plan(pool: PgPool) {
    let (plan, ann, _) = plan(pool).await;
    let dashboard = ok(&plan, &format!("/api/dashboard?start={WEEK}&weeks=2")).await;
    assert_eq!(dashboard["weekKeys"], json!([WEEK, NEXT_WEEK]));
    let summary = &dashboard["summary"];
    assert_eq!(summary["people"], 2);
    assert_eq!(summary["overAllocated"], 1);
    assert_eq!(summary["activeAssignments"], 2);
    assert_eq!(summary["averageUtilization"], 70.0); // 84 h of 120
    assert_eq!(
        summary["peak"],
        json!({ "personId": ann, "name": "Ann", "week": NEXT_WEEK, "percent": 110.0 })
    );
    assert_eq!(
        dashboard["distribution"],
        json!([
            { "band": "available", "people": 1 },
            { "band": "optimal", "people": 0 },
            { "band": "high", "people": 1 },
            { "band": "over_allocated", "people": 0 },
        ])
    );
    let first = &dashboard["team"]["rows"][0];
    assert_eq!(
        (&first["name"], &first["allocated"], &first["percent"]),
        (&json!("Ann"), &json!(74), &json!(92.5))
    );
    assert_eq!(dashboard["mostAvailable"][0]["name"], "Bo");
    assert_eq!(dashboard["mostAvailable"][0]["availableHours"], 30);
    assert_eq!(dashboard["overAllocated"][0]["overWeeks"], 1);
    assert_eq!(dashboard["recentChanges"].as_array().unwrap().len(), 2);

    let heatmap = ok(
        &plan,
        &format!("/api/people/capacity-heatmap?start={WEEK}&weeks=2&sort=utilization"),
    )
    .await;
    assert_eq!(heatmap["total"], 2);
    assert_eq!(heatmap["rows"][0]["hours"], json!([30, 44]));
    assert_eq!(heatmap["rows"][0]["percent"], json!([75.0, 110.0]));
    assert_eq!(heatmap["rows"][0]["available"], json!([10, 0]));

    let forecast = ok(
        &plan,
        &format!("/api/people/workload-forecast?start={WEEK}&weeks=2"),
    )
    .await;
    let second = &forecast["weeks"][1];
    assert_eq!(
        (
            &second["allocated"],
            &second["overAllocatedCount"],
            &second["band"]
        ),
        (&json!(44), &json!(1), &json!("optimal"))
    );
    assert_eq!(second["overAllocated"][0]["percent"], 110.0);
    assert_eq!(forecast["byRole"][0]["roleId"], Value::Null);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn availability_staffing_rollup_and_my_work(pool: PgPool) {
    let (plan, ann, museum) = plan(pool).await;
    let revit = plan.id_of("/api/skills", json!({ "name": "Revit" })).await;
    let body = json!({ "skill": revit, "kind": "strength", "level": "advanced" });
    let path = format!("/api/people/{ann}/skills");
    assert_eq!(
        plan.call("PUT", &path, Some(body)).await.status,
        StatusCode::OK
    );

    let available = ok(
        &plan,
        &format!("/api/people/available?start={WEEK}&weeks=2&skills=revit,Rhino&minHours=1"),
    )
    .await;
    assert_eq!(available["skills"], json!(["revit", "Rhino"]));
    assert_eq!(available["people"][0]["name"], "Ann");
    assert_eq!(available["people"][0]["matchedSkills"], json!(["revit"]));
    assert_eq!(available["people"][0]["missingSkills"], json!(["Rhino"]));
    assert_eq!(available["people"][0]["availableHours"], 10);
    assert_eq!(available["people"].as_array().unwrap().len(), 1);

    let staffing = ok(
        &plan,
        &format!("/api/projects/{museum}/staffing?start={WEEK}&weeks=2"),
    )
    .await;
    assert_eq!(staffing["project"]["name"], "Museum");
    assert_eq!(staffing["weekTotals"], json!([40, 44]));
    assert_eq!(staffing["people"][0]["total"], 74);
    let deliverable = &staffing["deliverables"][0];
    assert_eq!(
        (
            &deliverable["windowStart"],
            &deliverable["windowEnd"],
            &deliverable["hours"]
        ),
        (&Value::Null, &json!(NEXT_WEEK), &json!(84))
    );

    let rollup = ok(
        &plan,
        &format!("/api/departments/rollup?start={WEEK}&weeks=2"),
    )
    .await;
    let names: Vec<&str> = rollup["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Studio", "Lab"]);
    assert_eq!(rollup["departments"][0]["people"], 2);
    assert_eq!(rollup["departments"][0]["weeks"][0]["allocated"], 40);
    assert_eq!(rollup["departments"][1]["depth"], 1);

    let unlinked = plan.call("GET", "/api/me/work", None).await;
    assert_eq!(unlinked.status, StatusCode::NOT_FOUND);
    assert_eq!(unlinked.json()["code"], "no_linked_person");
    sqlx::query("UPDATE users SET person_id = $1 WHERE username = 'scheduler'")
        .bind(ann)
        .execute(&plan.state.db)
        .await
        .unwrap();
    let mine = ok(&plan, &format!("/api/me/work?start={WEEK}&weeks=2")).await;
    assert_eq!(mine["person"]["name"], "Ann");
    assert_eq!(mine["weeks"][1]["band"], "over_allocated");
    assert_eq!(mine["projects"][0]["hours"], json!([30, 44]));
    assert_eq!(mine["alerts"][0]["kind"], "over_allocated");
    assert_eq!(mine["alerts"][0]["week"], NEXT_WEEK);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn aggregates_carry_a_body_etag_and_answer_304(pool: PgPool) {
    let (plan, _, _) = plan(pool).await;
    let uri = format!("/api/dashboard?start={WEEK}&weeks=2");
    let first = plan.call("GET", &uri, None).await;
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with('"') && etag.len() == 34, "{etag}");
    let mut again = request("GET", &uri, Some(&plan.token), None);
    again
        .headers_mut()
        .insert(header::IF_NONE_MATCH, etag.parse().unwrap());
    let cached = plan.app.send(again).await;
    assert_eq!(cached.status, StatusCode::NOT_MODIFIED);
    assert_eq!(cached.header("etag"), etag);
    assert!(cached.body.is_empty());
    let other = plan.call("GET", &format!("{uri}&teamLimit=1"), None).await;
    assert_ne!(other.header("etag"), etag);
    let anonymous = plan.app.get(&uri).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_input_is_a_problem_with_a_code(pool: PgPool) {
    let (plan, _, _) = plan(pool).await;
    let cases = [
        ("/api/dashboard?weeks=0", 400, "invalid_weeks"),
        (
            "/api/people/capacity-heatmap?weeks=53",
            400,
            "invalid_weeks",
        ),
        (
            "/api/people/workload-forecast?start=2026-11-23",
            400,
            "week_not_sunday",
        ),
        (
            "/api/departments/rollup?start=2026-02-30",
            400,
            "week_invalid_date",
        ),
        (
            "/api/people/available?minHours=-1",
            400,
            "invalid_min_hours",
        ),
        (
            "/api/people/available?minHours=lots",
            400,
            "invalid_min_hours",
        ),
        (
            "/api/people/capacity-heatmap?sort=age",
            400,
            "invalid_query",
        ),
        ("/api/people/capacity-heatmap?limit=0", 400, "invalid_query"),
        ("/api/dashboard?teamLimit=501", 400, "invalid_query"),
        ("/api/dashboard?weeks=-3", 400, "invalid_query"),
        ("/api/projects/999999/staffing", 404, "not_found"),
        ("/api/projects/abc/staffing", 400, "invalid_id"),
        ("/api/me/work?weeks=60", 400, "invalid_weeks"),
    ];
    for (uri, status, code) in cases {
        let answer = plan.call("GET", uri, None).await;
        assert_eq!(answer.status.as_u16(), status, "{uri}: {:?}", answer.json());
        assert_eq!(answer.header("content-type"), "application/problem+json");
        assert_eq!(answer.json()["code"], code, "{uri}");
    }
    let nobody = ok(&plan, "/api/dashboard?department=999999").await;
    assert_eq!(nobody["summary"]["people"], 0);
}
