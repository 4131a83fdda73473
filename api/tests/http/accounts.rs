//! Account administration and self-service: creating users (with conflicts and weak
//! passwords refused), role changes with optimistic locking, deactivation and password
//! changes ending sessions, and the audit trail they leave.

use axum::http::{StatusCode, header};
use serde_json::json;
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn admins_create_users_and_conflicts_are_named(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let admin = create_user(&state, "root-admin", Role::Admin).await;
    let token = access_token(&state, &admin);
    let create = |body: serde_json::Value| request("POST", "/api/users", Some(&token), Some(body));

    let created = app
        .send(create(json!({ "username": "Grace", "email": "grace@example.com", "role": "manager", "password": PASSWORD })))
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let body = created.json();
    assert_eq!(body["role"], "manager");
    assert!(body.get("password").is_none() && body.get("passwordHash").is_none());
    assert_eq!(
        created.header("location"),
        format!("/api/users/{}", body["id"])
    );

    let same_name = app
        .send(create(
            json!({ "username": "GRACE", "email": "other@example.com", "password": PASSWORD }),
        ))
        .await;
    assert_eq!(same_name.status, StatusCode::CONFLICT);
    assert_eq!(same_name.json()["code"], "username_taken");
    let same_mail = app
        .send(create(
            json!({ "username": "grace2", "email": "Grace@Example.com", "password": PASSWORD }),
        ))
        .await;
    assert_eq!(same_mail.json()["code"], "email_taken");

    let weak = app
        .send(create(
            json!({ "username": "henry", "email": "h@example.com", "password": "henry" }),
        ))
        .await;
    assert_eq!(weak.status, StatusCode::BAD_REQUEST);
    let weak = weak.json();
    assert_eq!(weak["code"], "weak_password");
    let codes: Vec<&str> = weak["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["password_too_short", "password_is_username"]);

    let bad = app
        .send(create(
            json!({ "username": "bad name!", "email": "nope", "role": "root" }),
        ))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    let (users, total) = wt_store::users::list(
        &state.db,
        &wt_store::users::UserFilter {
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        total, 2,
        "nothing was written by the refused requests: {users:?}"
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn role_changes_are_audited_and_stale_versions_refused(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let admin = create_user(&state, "root-admin", Role::Admin).await;
    let ivy = create_user(&state, "ivy", Role::User).await;
    let token = access_token(&state, &admin);
    let path = format!("/api/users/{}", ivy.id);
    let shown = app.send(request("GET", &path, Some(&token), None)).await;
    let etag = shown.header("etag").to_owned();

    let mut promote = request(
        "PATCH",
        &path,
        Some(&token),
        Some(json!({ "role": "manager" })),
    );
    promote
        .headers_mut()
        .insert(header::IF_MATCH, etag.parse().unwrap());
    let promoted = app.send(promote).await;
    assert_eq!(promoted.status, StatusCode::OK);
    assert_eq!(promoted.json()["role"], "manager");

    let mut stale = request(
        "PATCH",
        &path,
        Some(&token),
        Some(json!({ "role": "admin" })),
    );
    stale
        .headers_mut()
        .insert(header::IF_MATCH, etag.parse().unwrap());
    let refused = app.send(stale).await;
    assert_eq!(refused.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(refused.json()["code"], "precondition_failed");

    let own = format!("/api/users/{}", admin.id);
    let demote_self = app
        .send(request(
            "PATCH",
            &own,
            Some(&token),
            Some(json!({ "role": "user" })),
        ))
        .await;
    assert_eq!(demote_self.json()["code"], "cannot_change_own_role");
    let leave = app
        .send(request(
            "PATCH",
            &own,
            Some(&token),
            Some(json!({ "isActive": false })),
        ))
        .await;
    assert_eq!(leave.json()["code"], "cannot_deactivate_self");

    let audit = app
        .send(request("GET", "/api/audit", Some(&token), None))
        .await
        .json();
    let first = &audit["items"][0];
    assert_eq!(first["action"], "role_changed");
    assert_eq!(first["actor"]["username"], "root-admin");
    assert_eq!(first["target"]["label"], "ivy");
    assert_eq!(first["details"], json!({ "from": "user", "to": "manager" }));
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn deactivation_ends_every_session_at_once(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let admin = create_user(&state, "root-admin", Role::Admin).await;
    create_user(&state, "jack", Role::User).await;
    let signin = app
        .send(request(
            "POST",
            "/api/token",
            None,
            Some(json!({ "username": "jack", "password": PASSWORD })),
        ))
        .await;
    let jack_access = signin.json()["access"].as_str().unwrap().to_owned();
    let jack_id = signin.json()["user"]["id"].as_i64().unwrap();

    let off = json!({ "isActive": false });
    let path = format!("/api/users/{jack_id}");
    let answer = app
        .send(request(
            "PATCH",
            &path,
            Some(&access_token(&state, &admin)),
            Some(off),
        ))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let me = app
        .send(request("GET", "/api/auth/me", Some(&jack_access), None))
        .await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    let families = sqlx::query_scalar::<_, i64>(
        "SELECT count(*) FROM refresh_families WHERE user_id = $1 AND revoked_at IS NULL",
    )
    .bind(jack_id)
    .fetch_one(&state.db)
    .await
    .unwrap();
    assert_eq!(families, 0);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn changing_a_password_ends_the_other_sessions(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    create_user(&state, "kate", Role::User).await;
    let sign_in = || {
        request(
            "POST",
            "/api/token",
            None,
            Some(json!({ "username": "kate", "password": PASSWORD })),
        )
    };
    let laptop = app.send(sign_in()).await.json();
    let phone = app.send(sign_in()).await.json();
    let laptop_access = laptop["access"].as_str().unwrap();

    let wrong = app
        .send(request(
            "POST",
            "/api/auth/change-password",
            Some(laptop_access),
            Some(json!({ "currentPassword": "nope", "newPassword": "a brand new secret" })),
        ))
        .await;
    assert_eq!(wrong.json()["code"], "wrong_password");

    let changed = app
        .send(request(
            "POST",
            "/api/auth/change-password",
            Some(laptop_access),
            Some(json!({ "currentPassword": PASSWORD, "newPassword": "a brand new secret" })),
        ))
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    let fresh = changed.json()["access"].as_str().unwrap().to_owned();
    for old in [laptop_access, phone["access"].as_str().unwrap()] {
        let me = app
            .send(request("GET", "/api/auth/me", Some(old), None))
            .await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    }
    let me = app
        .send(request("GET", "/api/auth/me", Some(&fresh), None))
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let settings = app
        .send(request(
            "PATCH",
            "/api/auth/me/settings",
            Some(&fresh),
            Some(json!({ "theme": "dark" })),
        ))
        .await;
    assert_eq!(settings.json()["settings"]["theme"], "dark");
    let bad_theme = app
        .send(request(
            "PATCH",
            "/api/auth/me/settings",
            Some(&fresh),
            Some(json!({ "theme": "neon" })),
        ))
        .await;
    assert_eq!(bad_theme.status, StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_user_list_filters_pages_and_refuses_bad_parameters(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let admin = create_user(&state, "root-admin", Role::Admin).await;
    create_user(&state, "nora", Role::Manager).await;
    create_user(&state, "noah", Role::User).await;
    let token = access_token(&state, &admin);
    let list = |query: &str| request("GET", &format!("/api/users?{query}"), Some(&token), None);

    let managers = app
        .send(list(
            "page=1&pageSize=10&search=NO&role=manager&active=true",
        ))
        .await;
    assert_eq!(managers.status, StatusCode::OK);
    let body = managers.json();
    assert_eq!(body["total"], 1);
    assert_eq!(body["items"][0]["username"], "nora");

    let clamped = app.send(list("pageSize=1000000")).await.json();
    assert_eq!(clamped["pageSize"], 500);
    let wildcard = app.send(list("search=%25")).await.json();
    assert_eq!(wildcard["total"], 0, "a % is searched for, not a wildcard");

    for bad in ["page=-1", "pageSize=abc", "role=root", "active=maybe"] {
        let answer = app.send(list(bad)).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(answer.json()["code"], "invalid_query", "{bad}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn admins_link_a_user_to_one_person(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let admin = create_user(&state, "root-admin", Role::Admin).await;
    let nia = create_user(&state, "nia", Role::User).await;
    let other = create_user(&state, "oli", Role::User).await;
    let token = access_token(&state, &admin);
    let person: i64 =
        sqlx::query_scalar("INSERT INTO people (name) VALUES ('Nia Okafor') RETURNING id")
            .fetch_one(&state.db)
            .await
            .unwrap();
    let patch = |id: i64, body: serde_json::Value| {
        request(
            "PATCH",
            &format!("/api/users/{id}"),
            Some(&token),
            Some(body),
        )
    };

    let linked = app.send(patch(nia.id, json!({ "person": person }))).await;
    assert_eq!(linked.status, StatusCode::OK);
    assert_eq!(linked.json()["person"], person);
    let twice = app.send(patch(other.id, json!({ "person": person }))).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(twice.json()["code"], "person_already_linked");
    let missing = app.send(patch(other.id, json!({ "person": 999999 }))).await;
    assert_eq!(missing.json()["errors"][0]["code"], "person_not_found");

    // Linked, Nia may now edit her own person's contact details.
    let own = request(
        "PATCH",
        &format!("/api/people/{person}"),
        Some(&access_token(&state, &nia)),
        Some(json!({ "location": "Oslo" })),
    );
    assert_eq!(app.send(own).await.status, StatusCode::OK);

    let unlinked = app.send(patch(nia.id, json!({ "person": null }))).await;
    assert_eq!(unlinked.json()["person"], serde_json::Value::Null);
    let audit = app
        .send(request("GET", "/api/audit", Some(&token), None))
        .await
        .json();
    assert_eq!(audit["items"][0]["action"], "person_linked");
}
