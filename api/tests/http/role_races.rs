//! A role deleted while someone is given it: the database refuses the delete (the
//! people -> roles foreign key is ON DELETE RESTRICT), so the person keeps the role and
//! the client hears 409 `role_in_use`, as for a role that was held all along.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

/// Waits until a `DELETE FROM roles` of this database waits on a row lock.
async fn until_delete_waits(pool: &PgPool) {
    for _ in 0..500 {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND wait_event_type = 'Lock' AND query LIKE '%DELETE FROM roles%'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting > 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the delete never waited for the assignment");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_role_given_to_someone_while_it_is_deleted_is_kept(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool.clone(), settings(&[]), dist.path());
    let user = create_user(&state, "planner", Role::Manager).await;
    let token = access_token(&state, &user);
    let body = json!({ "name": "Welder" });
    let created = app
        .send(request("POST", "/api/roles", Some(&token), Some(body)))
        .await;
    let id = created.json()["id"].as_i64().unwrap();

    // The assignment is written but not committed when the delete starts: the delete's
    // NOT EXISTS check cannot see it, and only the foreign key stops the delete.
    let mut assigning = pool.begin().await.unwrap();
    sqlx::query("INSERT INTO people (name, role_id) VALUES ('Olga', $1)")
        .bind(id)
        .execute(&mut *assigning)
        .await
        .unwrap();
    let path = format!("/api/roles/{id}");
    let (deleted, ()) = tokio::join!(
        app.send(request("DELETE", &path, Some(&token), None)),
        async {
            until_delete_waits(&pool).await;
            assigning.commit().await.unwrap();
        }
    );

    assert_eq!(deleted.status, StatusCode::CONFLICT);
    assert_eq!(deleted.json()["code"], "role_in_use");
    let holders: i64 = sqlx::query_scalar("SELECT count(*) FROM people WHERE role_id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(holders, 1);
}
