//! Skills: tags with unique names, and a person's skills with a kind and a level.

use axum::http::StatusCode;
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
