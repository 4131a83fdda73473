//! Rows changed by two real transactions at once: the API's request and a raw one that
//! is uncommitted when the request starts. The database keeps the rules (the refusing
//! foreign keys, the `roles_active_holders` and `people_role_active` triggers, the
//! department tree's lock, the version read), so whichever write comes second sees the
//! first:
//! - a role deleted, or deactivated, while it is given: 409 `role_in_use`, the role stays;
//! - a person given a role while it is deactivated: 400 `role_inactive`, no person;
//! - two departments placed under each other at once: the second is a cycle, 400;
//! - a skill deleted while it is given, a person deleted while an account is linked to
//!   them: 409 in use, and the skill and the link stay;
//! - an account changed while an admin edits it without If-Match: 412, as the edit (and
//!   its audit) was based on what it replaced no more.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use wt_domain::accounts::Role;

use crate::support::*;

/// Waits until a statement of this database starting with `statement` waits on a lock.
async fn until_waiting(pool: &PgPool, statement: &str) {
    for _ in 0..500 {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND wait_event_type = 'Lock' AND query LIKE $1",
        )
        .bind(format!("%{statement}%"))
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting > 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{statement} never waited for the other transaction");
}

/// The raw statement `first` (`ids` bound in order) in a transaction left open, then
/// `request`: once the request's `waits` statement waits for that transaction, it commits.
/// Answers the request's answer, which must be `refused` (a status and a problem code).
async fn second<F: Future<Output = Answer>>(
    pool: &PgPool,
    (first, ids): (&'static str, &[i64]),
    waits: &str,
    request: F,
    refused: (StatusCode, &str),
) -> Answer {
    let mut tx = pool.begin().await.unwrap();
    let query = ids
        .iter()
        .fold(sqlx::query(first), |query, id| query.bind(id));
    query.execute(&mut *tx).await.unwrap();
    let (answer, ()) = tokio::join!(request, async {
        until_waiting(pool, waits).await;
        tx.commit().await.unwrap();
    });
    assert_eq!(
        (answer.status, answer.json()["code"].as_str()),
        (refused.0, Some(refused.1))
    );
    answer
}

async fn count(pool: &PgPool, sql: &'static str, id: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Gives Olga (active) a role.
const GIVING: &str = "INSERT INTO people (name, role_id) VALUES ('Olga', $1)";

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_role_given_to_someone_while_it_is_deleted_is_kept(pool: PgPool) {
    let p = Planner::new(pool.clone()).await;
    let id = p.id_of("/api/roles", json!({ "name": "Welder" })).await;

    // The delete's NOT EXISTS check cannot see the uncommitted person; only the foreign
    // key stops the delete.
    let path = format!("/api/roles/{id}");
    let delete = p.call("DELETE", &path, None);
    let in_use = (StatusCode::CONFLICT, "role_in_use");
    second(&pool, (GIVING, &[id]), "DELETE FROM roles", delete, in_use).await;
    let sql = "SELECT count(*) FROM people WHERE role_id = $1";
    assert_eq!(count(&pool, sql, id).await, 1);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_role_given_to_someone_while_it_is_deactivated_stays_active(pool: PgPool) {
    let p = Planner::new(pool.clone()).await;
    let id = p.id_of("/api/roles", json!({ "name": "Welder" })).await;

    // Olga's insert holds the role FOR SHARE, so the deactivation waits for her commit,
    // then finds her.
    let body = json!({ "isActive": false });
    let path = format!("/api/roles/{id}");
    let deactivate = p.call("PATCH", &path, Some(body));
    let in_use = (StatusCode::CONFLICT, "role_in_use");
    second(&pool, (GIVING, &[id]), "UPDATE roles", deactivate, in_use).await;
    let sql = "SELECT count(*) FROM roles WHERE id = $1 AND is_active";
    assert_eq!(count(&pool, sql, id).await, 1);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_role_deactivated_while_someone_is_given_it_is_not_given(pool: PgPool) {
    let p = Planner::new(pool.clone()).await;
    let id = p.id_of("/api/roles", json!({ "name": "Welder" })).await;

    // The deactivation finds no holder and holds the role's row; the person's insert
    // waits for it, then reads the role inactive.
    let deactivating = "UPDATE roles SET is_active = false WHERE id = $1";
    let create = p.call(
        "POST",
        "/api/people",
        Some(json!({ "name": "Olga", "role": id })),
    );
    let inactive = (StatusCode::BAD_REQUEST, "role_inactive");
    second(
        &pool,
        (deactivating, &[id]),
        "INSERT INTO people",
        create,
        inactive,
    )
    .await;
    let sql = "SELECT count(*) FROM people WHERE role_id = $1";
    assert_eq!(count(&pool, sql, id).await, 0);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn two_departments_placed_under_each_other_at_once_make_no_cycle(pool: PgPool) {
    let p = Planner::new(pool.clone()).await;
    let a = p.id_of("/api/departments", json!({ "name": "A" })).await;
    let b = p.id_of("/api/departments", json!({ "name": "B" })).await;

    // A goes under B, uncommitted; B under A then waits for the tree's lock and walks
    // the tree as A's move left it.
    let moving = "UPDATE departments SET parent_id = $2 WHERE id = $1";
    let body = json!({ "parentDepartment": a });
    let path = format!("/api/departments/{b}");
    let move_b = p.call("PATCH", &path, Some(body));
    let cycle = (StatusCode::BAD_REQUEST, "department_cycle");
    second(
        &pool,
        (moving, &[a, b]),
        "UPDATE departments",
        move_b,
        cycle,
    )
    .await;
    let sql = "SELECT count(*) FROM departments WHERE id = $1 AND parent_id IS NULL";
    assert_eq!(count(&pool, sql, b).await, 1);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_skill_given_to_someone_while_it_is_deleted_is_kept(pool: PgPool) {
    let p = Planner::new(pool.clone()).await;
    let skill = p.id_of("/api/skills", json!({ "name": "Welding" })).await;
    let olga = p.id_of("/api/people", json!({ "name": "Olga" })).await;

    let giving = "INSERT INTO person_skills (person_id, skill_tag_id) VALUES ($1, $2)";
    let path = format!("/api/skills/{skill}");
    let delete = p.call("DELETE", &path, None);
    let in_use = (StatusCode::CONFLICT, "skill_in_use");
    second(
        &pool,
        (giving, &[olga, skill]),
        "DELETE FROM skill_tags",
        delete,
        in_use,
    )
    .await;
    let sql = "SELECT count(*) FROM person_skills WHERE skill_tag_id = $1";
    assert_eq!(count(&pool, sql, skill).await, 1);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_person_linked_to_an_account_while_being_deleted_is_kept(pool: PgPool) {
    let p = Planner::new(pool.clone()).await;
    let olga = p.id_of("/api/people", json!({ "name": "Olga" })).await;
    let account = create_user(&p.state, "olga", Role::User).await;

    let linking = "UPDATE users SET person_id = $1 WHERE id = $2";
    let path = format!("/api/people/{olga}");
    let delete = p.call("DELETE", &path, None);
    let in_use = (StatusCode::CONFLICT, "person_in_use");
    let ids = [olga, account.id];
    second(&pool, (linking, &ids), "DELETE FROM people", delete, in_use).await;
    let sql = "SELECT count(*) FROM users WHERE person_id = $1";
    assert_eq!(count(&pool, sql, olga).await, 1);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_account_changed_while_an_admin_edits_it_is_not_overwritten(pool: PgPool) {
    let p = Planner::new(pool.clone()).await;
    let admin = create_user(&p.state, "root", Role::Admin).await;
    let token = access_token(&p.state, &admin);
    let olga = create_user(&p.state, "olga", Role::User).await;

    let changing = "UPDATE users SET role = 'manager', version = version + 1 WHERE id = $1";
    let path = format!("/api/users/{}", olga.id);
    let body = json!({ "role": "admin" });
    let edit = p
        .app
        .send(request("PATCH", &path, Some(&token), Some(body)));
    let stale = (StatusCode::PRECONDITION_FAILED, "precondition_failed");
    second(&pool, (changing, &[olga.id]), "UPDATE users", edit, stale).await;
    let sql = "SELECT count(*) FROM users WHERE id = $1 AND role = 'manager'";
    assert_eq!(count(&pool, sql, olga.id).await, 1);
}
