//! `/api/people`: creating and changing people with every validation rule, list filters
//! (department with sub-departments, role, search, status, sort), a user editing only their
//! own contact details, deletion only when unused, and the bulk department move being all
//! or nothing. Refused requests leave the table unchanged (row count and checksum).

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

/// Row count and an order-independent checksum of the people table.
async fn fingerprint(pool: &PgPool) -> (i64, String) {
    sqlx::query_as(
        "SELECT count(*), coalesce(md5(string_agg(p::text, '|' ORDER BY id)), '') FROM people p",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

struct Office {
    app: TestApp,
    state: wt_api::AppState,
    manager: String,
    _dist: tempfile::TempDir,
}

impl Office {
    async fn open(pool: PgPool) -> Self {
        let dist = no_dist();
        let (state, app) = app_with(pool, settings(&[]), dist.path());
        let manager = create_user(&state, "manager", Role::Manager).await;
        let manager = access_token(&state, &manager);
        Office {
            app,
            state,
            manager,
            _dist: dist,
        }
    }

    async fn call(&self, method: &str, uri: &str, body: Option<Value>) -> Answer {
        self.app
            .send(request(method, uri, Some(&self.manager), body))
            .await
    }

    async fn person(&self, body: Value) -> Value {
        let answer = self.call("POST", "/api/people", Some(body)).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
        answer.json()
    }

    async fn department(&self, name: &str, parent: Option<i64>) -> i64 {
        let body = json!({ "name": name, "parentDepartment": parent });
        self.call("POST", "/api/departments", Some(body))
            .await
            .json()["id"]
            .as_i64()
            .unwrap()
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn people_are_created_with_defaults_and_names(pool: PgPool) {
    let office = Office::open(pool).await;
    let dept = office.department("Architecture", None).await;
    let role = office
        .call("POST", "/api/roles", Some(json!({ "name": "Architect" })))
        .await
        .json();
    let person = office
        .person(
            json!({ "name": " Ada Lovelace ", "email": "Ada@Example.com", "department": dept,
                         "role": role["id"], "weeklyCapacity": 32.5, "hireDate": "2024-03-18" }),
        )
        .await;
    assert_eq!(person["name"], "Ada Lovelace");
    assert_eq!(person["weeklyCapacity"], 32.5);
    assert_eq!(person["departmentName"], "Architecture");
    assert_eq!(person["roleName"], "Architect");
    assert_eq!(person["hireDate"], "2024-03-18");
    assert_eq!(person["isActive"], true);
    let minimal = office.person(json!({ "name": "Bo" })).await;
    assert_eq!(minimal["weeklyCapacity"], 36, "36 hours by default");
    assert_eq!(minimal["email"], Value::Null);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn invalid_people_are_refused_and_nothing_changes(pool: PgPool) {
    let office = Office::open(pool).await;
    office
        .person(json!({ "name": "Cy", "email": "cy@example.com" }))
        .await;
    let before = fingerprint(&office.state.db).await;
    let cases = [
        (
            json!({ "name": "Dup", "email": "CY@EXAMPLE.COM" }),
            409,
            "email_taken",
        ),
        (json!({ "name": "" }), 400, "validation_failed"),
        (
            json!({ "name": "X", "weeklyCapacity": 169 }),
            400,
            "validation_failed",
        ),
        (
            json!({ "name": "X", "weeklyCapacity": -1 }),
            400,
            "validation_failed",
        ),
        (
            json!({ "name": "X", "weeklyCapacity": 8.123 }),
            400,
            "validation_failed",
        ),
        (
            json!({ "name": "X", "weeklyCapacity": "8" }),
            400,
            "validation_failed",
        ),
        (
            json!({ "name": "X", "weeklyCapacity": null }),
            400,
            "validation_failed",
        ),
        (
            json!({ "name": "X", "email": "not-an-email" }),
            400,
            "validation_failed",
        ),
        (
            json!({ "name": "X", "hireDate": "2024-02-30" }),
            400,
            "validation_failed",
        ),
        (
            json!({ "name": "X", "department": 999999 }),
            400,
            "department_not_found",
        ),
        (json!({ "name": "X", "role": 0 }), 400, "validation_failed"),
        (
            json!({ "name": "X", "isActive": "yes" }),
            400,
            "invalid_body",
        ),
    ];
    for (body, status, code) in cases {
        let answer = office.call("POST", "/api/people", Some(body.clone())).await;
        assert_eq!(answer.status.as_u16(), status, "{body}");
        assert_eq!(answer.json()["code"], code, "{body}");
    }
    let huge = r#"{"name": "X", "weeklyCapacity": 1e309}"#;
    let mut raw = request("POST", "/api/people", Some(&office.manager), None);
    raw.headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    *raw.body_mut() = axum::body::Body::from(huge);
    assert_eq!(office.app.send(raw).await.status, StatusCode::BAD_REQUEST);
    let capacity = office
        .call(
            "POST",
            "/api/people",
            Some(json!({ "name": "X", "weeklyCapacity": 169 })),
        )
        .await;
    assert_eq!(capacity.json()["errors"][0]["field"], "weeklyCapacity");
    assert_eq!(capacity.json()["errors"][0]["code"], "hours_out_of_range");
    assert_eq!(fingerprint(&office.state.db).await, before);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn lists_filter_by_department_tree_role_search_and_status(pool: PgPool) {
    let office = Office::open(pool).await;
    let eng = office.department("Engineering", None).await;
    let civil = office.department("Civil", Some(eng)).await;
    let sales = office.department("Sales", None).await;
    office
        .person(json!({ "name": "Eve", "department": eng, "weeklyCapacity": 40 }))
        .await;
    office
        .person(json!({ "name": "Finn", "department": civil, "weeklyCapacity": 20 }))
        .await;
    office
        .person(json!({ "name": "Gus", "department": sales, "email": "gus@sales.example" }))
        .await;
    let inactive = office
        .person(json!({ "name": "Hal", "department": civil }))
        .await;
    office
        .call(
            "PATCH",
            &format!("/api/people/{}", inactive["id"]),
            Some(json!({ "isActive": false })),
        )
        .await;
    let names = |body: Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let office = &office;
    let get = |query: String| async move {
        office
            .call("GET", &format!("/api/people?{query}"), None)
            .await
            .json()
    };

    assert_eq!(names(get(format!("department={eng}")).await), ["Eve"]);
    assert_eq!(
        names(get(format!("department={eng}&includeChildren=true&active=true")).await),
        ["Eve", "Finn"]
    );
    assert_eq!(names(get("search=SALES".to_owned()).await), ["Gus"]);
    // A term matches within one field: the end of a name and the start of an email do
    // not make one, and white space in a term is folded (a newline too).
    assert_eq!(names(get("search=%20%20gus%0A".to_owned()).await), ["Gus"]);
    assert!(names(get("search=gus%0Agus%40".to_owned()).await).is_empty());
    assert_eq!(names(get("active=false".to_owned()).await), ["Hal"]);
    assert_eq!(
        names(get("sort=-weeklyCapacity&active=true".to_owned()).await),
        ["Eve", "Gus", "Finn"]
    );
    let paged = get("pageSize=1000000".to_owned()).await;
    assert_eq!(paged["pageSize"], 500);
    assert_eq!(paged["total"], 4);

    for bad in [
        "sort=password",
        "sort=name;DROP%20TABLE%20people",
        "department=abc",
        "page=-3",
    ] {
        let answer = office
            .call("GET", &format!("/api/people?{bad}"), None)
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let injection = get("search=%27%20OR%201%3D1%20--".to_owned()).await;
    assert_eq!(injection["total"], 0);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_user_edits_only_their_own_contact_details(pool: PgPool) {
    let office = Office::open(pool).await;
    let mine = office.person(json!({ "name": "Ida" })).await;
    let other = office.person(json!({ "name": "Jon" })).await;
    let user = create_user(&office.state, "ida", Role::User).await;
    sqlx::query("UPDATE users SET person_id = $1 WHERE id = $2")
        .bind(mine["id"].as_i64())
        .bind(user.id)
        .execute(&office.state.db)
        .await
        .unwrap();
    let token = access_token(&office.state, &user);
    let patch = |id: &Value, body: Value| {
        request(
            "PATCH",
            &format!("/api/people/{id}"),
            Some(&token),
            Some(body),
        )
    };

    let own = office
        .app
        .send(patch(
            &mine["id"],
            json!({ "location": "Lyon", "email": "ida@example.com" }),
        ))
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.json()["location"], "Lyon");
    let capacity = office
        .app
        .send(patch(&mine["id"], json!({ "weeklyCapacity": 10 })))
        .await;
    assert_eq!(capacity.status, StatusCode::FORBIDDEN);
    let others = office
        .app
        .send(patch(&other["id"], json!({ "location": "Paris" })))
        .await;
    assert_eq!(others.status, StatusCode::FORBIDDEN);
    let create = office
        .app
        .send(request(
            "POST",
            "/api/people",
            Some(&token),
            Some(json!({ "name": "Zed" })),
        ))
        .await;
    assert_eq!(create.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bulk_department_moves_are_all_or_nothing(pool: PgPool) {
    let office = Office::open(pool).await;
    let dept = office.department("Studio", None).await;
    let a = office.person(json!({ "name": "Kai" })).await["id"]
        .as_i64()
        .unwrap();
    let b = office.person(json!({ "name": "Lea" })).await["id"]
        .as_i64()
        .unwrap();
    let before = fingerprint(&office.state.db).await;
    let bad = office
        .call(
            "POST",
            "/api/people/bulk-department",
            Some(json!({ "people": [a, b, 999999], "department": dept })),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(fingerprint(&office.state.db).await, before);
    let missing_dept = office
        .call(
            "POST",
            "/api/people/bulk-department",
            Some(json!({ "people": [a, b], "department": 999999 })),
        )
        .await;
    assert_eq!(missing_dept.json()["code"], "department_not_found");
    assert_eq!(fingerprint(&office.state.db).await, before);
    let moved = office
        .call(
            "POST",
            "/api/people/bulk-department",
            Some(json!({ "people": [a, b, a], "department": dept })),
        )
        .await;
    assert_eq!(moved.json()["updated"], 2);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn people_with_history_are_deactivated_not_deleted(pool: PgPool) {
    let office = Office::open(pool).await;
    let person = office.person(json!({ "name": "Mo" })).await;
    let id = person["id"].as_i64().unwrap();
    sqlx::query("INSERT INTO projects (name) VALUES ('Bridge')")
        .execute(&office.state.db)
        .await
        .unwrap();
    sqlx::query("INSERT INTO assignments (person_id, project_id) SELECT $1, id FROM projects")
        .bind(id)
        .execute(&office.state.db)
        .await
        .unwrap();
    let refused = office
        .call("DELETE", &format!("/api/people/{id}"), None)
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.json()["code"], "person_in_use");
    let unused = office.person(json!({ "name": "Ned" })).await;
    let gone = office
        .call("DELETE", &format!("/api/people/{}", unused["id"]), None)
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    for id in ["0", "-1", "9223372036854775808"] {
        let answer = office.call("GET", &format!("/api/people/{id}"), None).await;
        assert_eq!(answer.json()["code"], "invalid_id");
    }
}
