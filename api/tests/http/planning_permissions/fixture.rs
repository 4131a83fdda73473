//! The ids the permission matrix works on, made by a manager through the API.

use serde_json::{Value, json};

use super::{Fixture, Spare};
use crate::support::*;

async fn made(app: &TestApp, token: &str, path: &str, body: Value) -> i64 {
    let answer = app
        .send(request("POST", path, Some(token), Some(body)))
        .await;
    assert_eq!(answer.status.as_u16(), 201, "{path}: {:?}", answer.json());
    answer.json()["id"].as_i64().unwrap()
}

pub(super) async fn fixture(app: &TestApp, token: &str) -> Fixture {
    let department = made(app, token, "/api/departments", json!({ "name": "Civil" })).await;
    let person = made(
        app,
        token,
        "/api/people",
        json!({ "name": "Pat", "department": department }),
    )
    .await;
    let project = made(app, token, "/api/projects", json!({ "name": "Bridge" })).await;
    let assignment = made(
        app,
        token,
        "/api/assignments",
        json!({ "person": person, "project": project }),
    )
    .await;
    let deliverable = made(
        app,
        token,
        "/api/deliverables",
        json!({ "project": project, "description": "Kick-off" }),
    )
    .await;
    let mut spare = Vec::new();
    for i in 0..4 {
        let spare_person = made(
            app,
            token,
            "/api/people",
            json!({ "name": format!("Spare {i}") }),
        )
        .await;
        let skill = made(
            app,
            token,
            "/api/skills",
            json!({ "name": format!("Spare {i}") }),
        )
        .await;
        let path = format!("/api/people/{person}/skills");
        let given = app
            .send(request(
                "PUT",
                &path,
                Some(token),
                Some(json!({ "skill": skill })),
            ))
            .await;
        assert_eq!(given.status.as_u16(), 200);
        let link_path = format!("/api/deliverables/{deliverable}/people");
        let link = made(app, token, &link_path, json!({ "person": spare_person })).await;
        spare.push(Spare {
            link,
            loner: made(
                app,
                token,
                "/api/people",
                json!({ "name": format!("Loner {i}") }),
            )
            .await,
            department: made(
                app,
                token,
                "/api/departments",
                json!({ "name": format!("Spare {i}") }),
            )
            .await,
            role: made(
                app,
                token,
                "/api/roles",
                json!({ "name": format!("Spare {i}") }),
            )
            .await,
            skill,
            person: spare_person,
            project: made(
                app,
                token,
                "/api/projects",
                json!({ "name": format!("Spare {i}") }),
            )
            .await,
            assignment: made(
                app,
                token,
                "/api/assignments",
                json!({ "person": spare_person, "project": project }),
            )
            .await,
            deliverable: made(
                app,
                token,
                "/api/deliverables",
                json!({ "project": project, "description": format!("Spare {i}") }),
            )
            .await,
        });
    }
    Fixture {
        department,
        role: made(app, token, "/api/roles", json!({ "name": "Engineer" })).await,
        skill: made(app, token, "/api/skills", json!({ "name": "Revit" })).await,
        person,
        project,
        assignment,
        deliverable,
        spare,
    }
}
