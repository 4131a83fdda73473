//! Reference data of the planning model: departments (a tree) and roles. CRUD with ETags,
//! 304 and 412, conflicts named by field, cycles and depth refused, deletion only of rows
//! nothing depends on, and refused requests leaving the database unchanged.

use axum::http::{StatusCode, header};
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

async fn count(pool: &PgPool, table: &str) -> i64 {
    let sql = format!("SELECT count(*) FROM {table}");
    sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql))
        .fetch_one(pool)
        .await
        .unwrap()
}

struct Planner {
    app: TestApp,
    token: String,
    pool: PgPool,
}

impl Planner {
    async fn new(pool: PgPool, role: Role) -> (Self, tempfile::TempDir) {
        let dist = no_dist();
        let (state, app) = app_with(pool.clone(), settings(&[]), dist.path());
        let user = create_user(&state, "planner", role).await;
        let token = access_token(&state, &user);
        (Planner { app, token, pool }, dist)
    }

    async fn call(&self, method: &str, uri: &str, body: Option<Value>) -> Answer {
        self.app
            .send(request(method, uri, Some(&self.token), body))
            .await
    }

    async fn create_department(&self, name: &str, parent: Option<i64>) -> i64 {
        let body = json!({ "name": name, "parentDepartment": parent });
        let answer = self.call("POST", "/api/departments", Some(body)).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
        answer.json()["id"].as_i64().unwrap()
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn departments_have_a_full_lifecycle_with_etags(pool: PgPool) {
    let (p, _dist) = Planner::new(pool, Role::Manager).await;
    let created = p
        .call(
            "POST",
            "/api/departments",
            Some(json!({ "name": "  Structures  ", "description": "Steel and concrete" })),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let body = created.json();
    let id = body["id"].as_i64().unwrap();
    assert_eq!(body["name"], "Structures", "names are trimmed");
    assert_eq!(body["parentDepartment"], Value::Null);
    assert_eq!(created.header("location"), format!("/api/departments/{id}"));
    let etag = created.header("etag").to_owned();

    let path = format!("/api/departments/{id}");
    let mut cached = request("GET", &path, Some(&p.token), None);
    cached
        .headers_mut()
        .insert(header::IF_NONE_MATCH, etag.parse().unwrap());
    assert_eq!(p.app.send(cached).await.status, StatusCode::NOT_MODIFIED);

    let mut rename = request(
        "PATCH",
        &path,
        Some(&p.token),
        Some(json!({ "name": "Structural" })),
    );
    rename
        .headers_mut()
        .insert(header::IF_MATCH, etag.parse().unwrap());
    let renamed = p.app.send(rename).await;
    assert_eq!(renamed.status, StatusCode::OK);
    assert_eq!(
        renamed.json()["description"],
        "Steel and concrete",
        "PATCH merges"
    );

    let mut stale = request(
        "PATCH",
        &path,
        Some(&p.token),
        Some(json!({ "name": "Lost update" })),
    );
    stale
        .headers_mut()
        .insert(header::IF_MATCH, etag.parse().unwrap());
    let refused = p.app.send(stale).await;
    assert_eq!(refused.status, StatusCode::PRECONDITION_FAILED);
    let name: String = sqlx::query_scalar("SELECT name FROM departments WHERE id = $1")
        .bind(id)
        .fetch_one(&p.pool)
        .await
        .unwrap();
    assert_eq!(name, "Structural");

    let listed = p
        .call("GET", "/api/departments?search=STRUCT", None)
        .await
        .json();
    assert_eq!(listed["total"], 1);
    assert_eq!(
        p.call("DELETE", &path, None).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        p.call("GET", &path, None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_department_tree_refuses_cycles_depth_and_dangling_parents(pool: PgPool) {
    let (p, _dist) = Planner::new(pool, Role::Manager).await;
    let root = p.create_department("Engineering", None).await;
    let child = p.create_department("Civil", Some(root)).await;
    let grandchild = p.create_department("Bridges", Some(child)).await;

    let before = count(&p.pool, "departments").await;
    let cycle = p
        .call(
            "PATCH",
            &format!("/api/departments/{root}"),
            Some(json!({ "parentDepartment": grandchild })),
        )
        .await;
    assert_eq!(cycle.status, StatusCode::BAD_REQUEST);
    assert_eq!(cycle.json()["code"], "department_cycle");
    assert_eq!(cycle.json()["errors"][0]["field"], "parentDepartment");
    let own = p
        .call(
            "PATCH",
            &format!("/api/departments/{root}"),
            Some(json!({ "parentDepartment": root })),
        )
        .await;
    assert_eq!(own.json()["code"], "department_cycle");

    let missing = p
        .call(
            "POST",
            "/api/departments",
            Some(json!({ "name": "Orphan", "parentDepartment": 999999 })),
        )
        .await;
    assert_eq!(missing.json()["code"], "parent_not_found");

    let mut levels = vec![root, child, grandchild];
    for level in 4..=10 {
        let parent = levels.last().copied();
        levels.push(p.create_department(&format!("Level {level}"), parent).await);
    }
    let too_deep = p
        .call(
            "POST",
            "/api/departments",
            Some(json!({ "name": "Level 11", "parentDepartment": levels[9] })),
        )
        .await;
    assert_eq!(too_deep.json()["code"], "department_too_deep");
    // A department moves with the levels below it: Ops under level 9 is level 10, and
    // its team would be level 11.
    let ops = p.create_department("Ops", None).await;
    p.create_department("Ops team", Some(ops)).await;
    let body = json!({ "parentDepartment": levels[8] });
    let moved = p
        .call("PATCH", &format!("/api/departments/{ops}"), Some(body))
        .await;
    assert_eq!(moved.json()["code"], "department_too_deep");
    assert_eq!(
        count(&p.pool, "departments").await,
        before + 9,
        "refused writes left nothing"
    );

    let in_use = p
        .call("DELETE", &format!("/api/departments/{root}"), None)
        .await;
    assert_eq!(in_use.status, StatusCode::CONFLICT);
    assert_eq!(in_use.json()["code"], "department_in_use");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_reference_data_is_refused_with_field_errors(pool: PgPool) {
    let (p, _dist) = Planner::new(pool, Role::Manager).await;
    p.create_department("Design", None).await;
    let taken = p
        .call(
            "POST",
            "/api/departments",
            Some(json!({ "name": "DESIGN" })),
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_eq!(taken.json()["errors"][0]["field"], "name");

    let cases = [
        json!({ "name": "" }),
        json!({ "name": "x".repeat(201) }),
        json!({ "name": "Ok", "parentDepartment": 0 }),
        json!({ "name": "Ok", "parentDepartment": -1 }),
        json!({ "name": "Ok", "parentDepartment": "1; DROP TABLE departments" }),
        json!({ "name": "Ok", "unknownField": true }),
        json!([1, 2, 3]),
    ];
    let before = count(&p.pool, "departments").await;
    for body in cases {
        let answer = p.call("POST", "/api/departments", Some(body.clone())).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer.header("content-type"), "application/problem+json");
    }
    assert_eq!(count(&p.pool, "departments").await, before);
    for id in ["0", "-1", "9223372036854775808", "abc"] {
        let answer = p.call("GET", &format!("/api/departments/{id}"), None).await;
        assert_eq!(answer.json()["code"], "invalid_id", "{id}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn roles_can_be_managed_and_held_roles_are_protected(pool: PgPool) {
    let (p, _dist) = Planner::new(pool, Role::Manager).await;
    let created = p
        .call(
            "POST",
            "/api/roles",
            Some(json!({ "name": "Engineer", "description": "Designs" })),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let id = created.json()["id"].as_i64().unwrap();
    let taken = p
        .call("POST", "/api/roles", Some(json!({ "name": "engineer" })))
        .await;
    assert_eq!(taken.json()["code"], "name_taken");

    sqlx::query("INSERT INTO people (name, role_id) VALUES ('Olga', $1)")
        .bind(id)
        .execute(&p.pool)
        .await
        .unwrap();
    let path = format!("/api/roles/{id}");
    let deactivate = p
        .call("PATCH", &path, Some(json!({ "isActive": false })))
        .await;
    assert_eq!(deactivate.json()["code"], "role_in_use");
    let delete = p.call("DELETE", &path, None).await;
    assert_eq!(delete.json()["code"], "role_in_use");
    let listed = p.call("GET", "/api/roles?active=true", None).await.json();
    assert_eq!(listed["items"][0]["name"], "Engineer");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn active_people_are_not_given_inactive_roles(pool: PgPool) {
    let (p, _dist) = Planner::new(pool, Role::Manager).await;
    let role = p.call("POST", "/api/roles", Some(json!({ "name": "Welder" })));
    let id = role.await.json()["id"].as_i64().unwrap();
    let body = json!({ "name": "Olga", "role": id });
    let olga = p.call("POST", "/api/people", Some(body)).await.json()["id"].clone();
    let olga = format!("/api/people/{olga}");
    let inactive = json!({ "isActive": false });
    assert_eq!(
        p.call("PATCH", &olga, Some(inactive.clone())).await.status,
        StatusCode::OK
    );
    let path = format!("/api/roles/{id}");
    let deactivated = p.call("PATCH", &path, Some(inactive)).await;
    assert_eq!(
        deactivated.status,
        StatusCode::OK,
        "only inactive Olga holds it"
    );

    let body = json!({ "name": "Ivan", "role": id });
    let refused = p.call("POST", "/api/people", Some(body)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.json()["code"], "role_inactive");
    assert_eq!(refused.json()["errors"][0]["field"], "role");
    let renamed = p
        .call("PATCH", &olga, Some(json!({ "name": "Olga K" })))
        .await;
    assert_eq!(
        renamed.status,
        StatusCode::OK,
        "keeping a role is not being given it"
    );
    let reactivated = p
        .call("PATCH", &olga, Some(json!({ "isActive": true })))
        .await;
    assert_eq!(reactivated.json()["code"], "role_inactive");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn users_read_reference_data_but_cannot_change_it(pool: PgPool) {
    let (p, _dist) = Planner::new(pool, Role::User).await;
    assert_eq!(
        p.call("GET", "/api/departments", None).await.status,
        StatusCode::OK
    );
    assert_eq!(
        p.call("GET", "/api/roles", None).await.status,
        StatusCode::OK
    );
    let write = p
        .call(
            "POST",
            "/api/departments",
            Some(json!({ "name": "Sneaky" })),
        )
        .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    let write = p
        .call("POST", "/api/roles", Some(json!({ "name": "Sneaky" })))
        .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    assert_eq!(
        count(&p.pool, "departments").await + count(&p.pool, "roles").await,
        0
    );
}

/// Every resource's list reads its page and its filters from one query string: a value
/// either cannot take is a 400 `invalid_query`, and the page asked for is the one served.
#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn resource_lists_page_and_refuse_bad_query_values(pool: PgPool) {
    let (p, _dist) = Planner::new(pool, Role::Manager).await;
    for name in ["Design", "Build", "Test"] {
        p.create_department(name, None).await;
    }
    let page = p
        .call("GET", "/api/departments?page=2&pageSize=2", None)
        .await;
    let page = page.json();
    assert_eq!(
        (page["page"].clone(), page["pageSize"].clone()),
        (json!(2), json!(2))
    );
    assert_eq!(page["total"], 3);
    assert_eq!(page["items"][0]["name"], "Test");
    for list in [
        "/api/departments",
        "/api/roles",
        "/api/people",
        "/api/projects",
    ] {
        for bad in ["page=-1", "pageSize=abc", "active=maybe"] {
            let answer = p.call("GET", &format!("{list}?{bad}"), None).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{list}?{bad}");
            assert_eq!(answer.json()["code"], "invalid_query", "{list}?{bad}");
        }
    }
}
