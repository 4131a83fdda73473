//! Hostile and broken files through the real import (`wt_transfer::import::import`) against
//! a real, migrated PostgreSQL database, in a transaction handled as the import job
//! handles it (committed when the import returns a report, rolled back when it refuses
//! the file). Each file is built here: zip bombs (by ratio, by declared size, lying small,
//! by entry count), cells at A1 and XFD1048576, a `<dimension>` lying over 200,000 real
//! rows, 11 sheets, 100,001 rows, 5,000,001 cells, `NaN`/`inf`/`1e309` number cells, a
//! 40,000-character cell, a PNG named .xlsx, a truncated zip, password-protected workbooks
//! (an OLE container, an encrypted zip entry), macros (.xlsm, vbaProject.bin), CSV in
//! UTF-16, Windows-1252 and an encoding nobody can tell, and formula-looking text. Each is
//! refused with its stable code or reported per row with its code, and the stored people,
//! projects, assignments, hours, deliverables, roles and departments are unchanged (or,
//! for the files that must be read, hold exactly what the file says).
//!
//! The harness (the run, the snapshot, the seeded database) lives here; the files, by
//! subject, in [`containers`], [`sheets`] and [`text`].

mod containers;
mod sheets;
#[path = "../support/mod.rs"]
mod support;
mod text;

use std::io::Write;
use std::path::{Path, PathBuf};

use sqlx::PgPool;
use wt_transfer::import::{self, ImportError, ImportKind, ImportOptions, Outcome, Stages};

use support::*;

/// Progress goes nowhere; nothing stops the import.
struct Quiet;

impl Stages for Quiet {
    type Stop = ();

    async fn stage(&mut self, _: &str, _: u8, _: &str) -> Result<(), ()> {
        Ok(())
    }
}

/// A real run: no dry run, one bad row fails the file.
const APPLY: ImportOptions = ImportOptions {
    dry_run: false,
    update_existing: false,
    skip_bad_rows: false,
};

/// Imports `path` as the job does: in a transaction committed with the report, rolled
/// back when the file is refused. Answers the report or the refusal's code.
async fn run(pool: &PgPool, path: &Path, kind: ImportKind) -> Result<Outcome, &'static str> {
    let mut tx = pool.begin().await.unwrap();
    match import::import(&mut tx, path, kind, APPLY, &mut Quiet).await {
        Ok(outcome) => {
            tx.commit().await.unwrap();
            Ok(outcome)
        }
        Err(ImportError::Refused(refusal)) => {
            assert!(!refusal.message.is_empty());
            tx.rollback().await.unwrap();
            Err(refusal.code)
        }
        Err(other) => panic!("the import failed: {other:?}"),
    }
}

/// Everything an import may write, as JSON text in a stable order.
async fn snapshot(pool: &PgPool) -> String {
    let mut all = String::new();
    for table in [
        "people",
        "projects",
        "assignments",
        "assignment_weeks",
        "deliverables",
        "roles",
        "departments",
    ] {
        // The table names are the constants above.
        let query =
            format!("SELECT coalesce(json_agg(t ORDER BY t::text)::text, '[]') FROM {table} t");
        let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(query))
            .fetch_one(pool)
            .await
            .unwrap();
        all.push_str(&format!("{table}: {rows}\n"));
    }
    all
}

/// A database holding a few people and a project, imported the ordinary way.
async fn seeded(pool: &PgPool, dir: &Path) {
    let people = dir.join("seed-people.csv");
    std::fs::write(
        &people,
        "Name,Email,Role,Department\nAda Byron,ada@example.com,Engineer,Design\n\
         Bob Stone,bob@example.com,Painter,Art\n",
    )
    .unwrap();
    let projects = dir.join("seed-projects.csv");
    std::fs::write(&projects, "Name,Project number\nApollo,P-1\n").unwrap();
    for (path, kind) in [
        (people, ImportKind::People),
        (projects, ImportKind::Projects),
    ] {
        let outcome = run(pool, &path, kind).await.expect("the seed imports");
        assert!(outcome.report.applied, "{:?}", outcome.report);
    }
}

/// A seeded database and a folder for the test's files.
async fn setup(pool: &PgPool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    seeded(pool, dir.path()).await;
    dir
}

/// `path` is refused as a people import with `code`, and nothing changed.
async fn assert_refused(pool: &PgPool, path: &Path, code: &str) {
    let before = snapshot(pool).await;
    let refused = run(pool, path, ImportKind::People).await;
    assert_eq!(refused.as_ref().err(), Some(&code), "{refused:?}");
    assert_eq!(snapshot(pool).await, before, "the database changed");
}

/// `path` is read, its rows reported with these codes (in order), nothing written.
async fn assert_reported(pool: &PgPool, path: &Path, codes: &[&str]) -> Outcome {
    let before = snapshot(pool).await;
    let outcome = run(pool, path, ImportKind::People).await.expect("a report");
    let errors: Vec<&str> = outcome
        .issues
        .iter()
        .filter(|issue| issue.severity == wt_domain::transfer::report::Severity::Error)
        .map(|issue| issue.code)
        .collect();
    assert_eq!(errors, codes, "{:?}", outcome.issues);
    assert!(!outcome.report.applied);
    assert_eq!(snapshot(pool).await, before, "the database changed");
    outcome
}

fn file(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

/// A people sheet whose rows come from `rows` after a Name/Email header.
fn people_sheet(path: &Path, dimension: Option<&str>, rows: Rows<'_>) {
    let all = |out: &mut dyn Write| {
        out.write_all(text_row(1, &["Name", "Email"]).as_bytes())?;
        rows(out)
    };
    RawXlsx::create(path)
        .sheet("People", dimension, &all)
        .finish();
}
