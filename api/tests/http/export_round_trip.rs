//! The round trip: a company exported and imported back (dry run, then for real with
//! updating existing rows) reports every row unchanged and leaves every planning table
//! exactly as it was, versions and timestamps included: as a workbook (people, and
//! projects with assignments, weekly hours and deliverables) and as a people CSV.

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::exports::seed;
use crate::jobs::Crew;
use crate::support::*;

/// Every row of the planning tables, as JSON text, in a stable order.
async fn dump(pool: &PgPool) -> Vec<String> {
    let mut rows = Vec::new();
    for (table, order) in [
        ("departments", "id"),
        ("roles", "id"),
        ("people", "id"),
        ("projects", "id"),
        ("assignments", "id"),
        ("assignment_weeks", "assignment_id, week"),
        ("deliverables", "id"),
    ] {
        let query = format!("SELECT row_to_json(t)::text FROM {table} t ORDER BY {order}");
        let found: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(query))
            .fetch_all(pool)
            .await
            .unwrap();
        rows.extend(found.into_iter().map(|row| format!("{table}: {row}")));
    }
    rows
}

async fn download(crew: &Crew, uri: &str) -> Vec<u8> {
    let answer = crew.call(&crew.admin, "GET", uri, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{uri}");
    answer.body
}

/// Imports `file` as a dry run and for real, updating existing rows; both must find
/// every row of every entity unchanged, without an issue.
async fn import_unchanged(crew: &Crew, kind: &str, name: &str, file: &[u8], entities: &[&str]) {
    for dry_run in ["true", "false"] {
        let options = [("dryRun", dry_run), ("updateExisting", "true")];
        let job = crew.import(kind, name, file, &options).await;
        let report = &job["result"];
        assert_eq!(job["state"], "succeeded", "{job}");
        assert_eq!(
            (report["errors"].as_i64(), report["warnings"].as_i64()),
            (Some(0), Some(0)),
            "{report}"
        );
        assert_eq!(report["applied"], dry_run == "false", "{report}");
        for entity in entities {
            let counts = &report["counts"][entity];
            let changed = ["created", "updated", "skipped"]
                .map(|outcome| counts[outcome].as_i64().unwrap_or(0));
            assert_eq!(changed, [0, 0, 0], "{entity}: {report}");
            assert!(
                counts["unchanged"].as_i64().unwrap_or(0) > 0,
                "{entity}: {report}"
            );
        }
        let others = report["counts"].as_object().map_or(0, |counts| {
            counts
                .iter()
                .filter(|(entity, _)| !entities.contains(&entity.as_str()))
                .map(|(_, c): (_, &Value)| c["created"].as_i64().unwrap_or(0))
                .sum::<i64>()
        });
        assert_eq!(others, 0, "no roles or departments created: {report}");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_exported_workbook_imports_back_unchanged(pool: PgPool) {
    let crew = Crew::new(pool).await;
    seed(&crew.state.db).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let before = dump(&crew.state.db).await;
    let people = download(&crew, "/api/exports/people?format=xlsx").await;
    let projects = download(&crew, "/api/exports/projects?format=xlsx").await;
    import_unchanged(&crew, "people", "people.xlsx", &people, &["person"]).await;
    let entities = ["project", "assignment", "weekly_hours", "deliverable"];
    import_unchanged(&crew, "projects", "projects.xlsx", &projects, &entities).await;
    assert_eq!(dump(&crew.state.db).await, before);
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_exported_people_csv_imports_back_unchanged(pool: PgPool) {
    let crew = Crew::new(pool).await;
    seed(&crew.state.db).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let before = dump(&crew.state.db).await;
    let people = download(&crew, "/api/exports/people?format=csv").await;
    import_unchanged(&crew, "people", "people.csv", &people, &["person"]).await;
    let projects = download(&crew, "/api/exports/projects?format=csv").await;
    import_unchanged(&crew, "projects", "projects.csv", &projects, &["project"]).await;
    assert_eq!(dump(&crew.state.db).await, before);
    worker.stop().await;
}
