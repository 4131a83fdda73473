//! Skills: tags with unique names, and a person's skills with a kind and a level.

use axum::http::{StatusCode, header};
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn people_get_skills_with_kinds_and_levels(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let manager = create_user(&state, "lead", Role::Manager).await;
    let token = access_token(&state, &manager);
    let call =
        |method: &str, uri: &str, body: Option<Value>| request(method, uri, Some(&token), body);

    let revit = app
        .send(call(
            "POST",
            "/api/skills",
            Some(json!({ "name": "Revit", "category": "BIM" })),
        ))
        .await;
    assert_eq!(revit.status, StatusCode::CREATED);
    let revit = revit.json()["id"].as_i64().unwrap();
    let taken = app
        .send(call(
            "POST",
            "/api/skills",
            Some(json!({ "name": "revit" })),
        ))
        .await;
    assert_eq!(taken.json()["code"], "name_taken");
    let person = app
        .send(call("POST", "/api/people", Some(json!({ "name": "Rae" }))))
        .await
        .json();
    let path = format!("/api/people/{}/skills", person["id"]);

    let set = app
        .send(call(
            "PUT",
            &path,
            Some(json!({ "skill": revit, "kind": "strength", "level": "expert" })),
        ))
        .await;
    assert_eq!(set.status, StatusCode::OK);
    assert_eq!(set.json()[0]["level"], "expert");
    let changed = app
        .send(call(
            "PUT",
            &path,
            Some(json!({ "skill": revit, "kind": "learning", "level": "beginner" })),
        ))
        .await;
    assert_eq!(
        changed.json().as_array().unwrap().len(),
        1,
        "one entry per skill"
    );
    let bad = app
        .send(call(
            "PUT",
            &path,
            Some(json!({ "skill": revit, "kind": "hobby", "level": "godlike" })),
        ))
        .await;
    assert_eq!(bad.json()["errors"].as_array().unwrap().len(), 2);
    let missing = app
        .send(call("PUT", &path, Some(json!({ "skill": 999999 }))))
        .await;
    assert_eq!(missing.json()["errors"][0]["code"], "skill_not_found");
    let search = app
        .send(call("GET", "/api/skills?search=bim", None))
        .await
        .json();
    assert_eq!(search[0]["name"], "Revit");
    let removed = app
        .send(call("DELETE", &format!("{path}/{revit}"), None))
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_skill_people_have_is_not_deleted(pool: PgPool) {
    let plan = Planner::new(pool).await;
    let revit = plan.id_of("/api/skills", json!({ "name": "Revit" })).await;
    let person = plan.id_of("/api/people", json!({ "name": "Rae" })).await;
    let path = format!("/api/people/{person}/skills");
    let given = plan
        .call("PUT", &path, Some(json!({ "skill": revit })))
        .await;
    assert_eq!(given.status, StatusCode::OK);

    let skill = format!("/api/skills/{revit}");
    let held = plan.call("DELETE", &skill, None).await;
    assert_eq!(held.status, StatusCode::CONFLICT);
    assert_eq!(held.json()["code"], "skill_in_use");
    assert!(
        held.json()["detail"]
            .as_str()
            .unwrap()
            .contains("One person")
    );
    let kept = plan.call("GET", &path, None).await.json();
    assert_eq!(kept[0]["skill"], revit, "the person keeps the skill");

    plan.call("DELETE", &format!("{path}/{revit}"), None).await;
    let mut stale = request("DELETE", &skill, Some(&plan.token), None);
    stale
        .headers_mut()
        .insert(header::IF_MATCH, "\"0\"".parse().unwrap());
    assert_eq!(
        plan.app.send(stale).await.status,
        StatusCode::PRECONDITION_FAILED
    );
    let deleted = plan.call("DELETE", &skill, None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(
        plan.call("GET", &skill, None).await.status,
        StatusCode::NOT_FOUND
    );
}
