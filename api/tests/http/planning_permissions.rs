//! The permission matrix of every planning route: anonymous callers get 401; everyone
//! signed in reads; managers and admins write; a plain user writes nothing here except
//! the hours of their own assignments and their own person's contact details, which
//! `planning` and `people` test from the user's side.
//!
//! The ids the matrix works on are made in [`fixture`]; its rows, route by route, are in
//! [`rows`].

mod fixture;
mod rows;

use serde_json::Value;
use sqlx::PgPool;

use crate::permissions::{
    ADMIN, Anonymous, Caller, MANAGER, USER, status_of, tokens_for_all_roles,
};
use crate::support::*;
use fixture::fixture;
use rows::{creates_and_deletes, reads, writes};

const CALLERS: [Caller; 4] = [Anonymous, USER, MANAGER, ADMIN];

/// One route asked by each caller in turn: a path and body per caller (creates and
/// deletes need their own target per successful caller), and the status each expects.
struct Row {
    method: &'static str,
    calls: Vec<(String, Option<Value>)>,
    expected: [u16; 4],
}

/// The ids the matrix works on, made by a manager.
struct Fixture {
    department: i64,
    role: i64,
    skill: i64,
    person: i64,
    project: i64,
    assignment: i64,
    deliverable: i64,
    /// Per caller, rows only that caller's delete may remove.
    spare: Vec<Spare>,
}

struct Spare {
    /// The spare person's link to the fixture's deliverable.
    link: i64,
    /// Someone nothing refers to, so deleting them is allowed.
    loner: i64,
    department: i64,
    role: i64,
    skill: i64,
    person: i64,
    project: i64,
    assignment: i64,
    deliverable: i64,
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn every_planning_route_follows_the_role_matrix(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let (tokens, _) = tokens_for_all_roles(&state).await;
    let manager = &tokens
        .iter()
        .find(|(role, _)| *role == wt_domain::accounts::Role::Manager)
        .unwrap()
        .1;
    let f = fixture(&app, manager).await;
    let rows = reads(&f)
        .into_iter()
        .chain(writes(&f))
        .chain(creates_and_deletes(&f));
    for row in rows {
        for ((caller, (path, body)), want) in CALLERS.into_iter().zip(row.calls).zip(row.expected) {
            let got = status_of(&app, &tokens, caller, row.method, &path, body).await;
            assert_eq!(got.as_u16(), want, "{caller:?} {} {path}", row.method);
        }
    }
}
