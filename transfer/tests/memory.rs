//! The importer's memory stays bounded on hostile files: each file goes through the real
//! import (`wt_transfer::import::import`, a dry run in a rolled-back transaction on a
//! migrated database) in a child process of its own (this test binary, run again for one
//! file), which reports its peak resident size (VmHWM). A zip bomb, cells at A1 and
//! XFD1048576 (a declared 17-billion-cell grid), a declared size of gigabytes and one
//! 64 MiB text cell add almost nothing to an empty import; a dimension lying over 200,000
//! real rows and an honest 100,000-row x 12-column workbook stay far below the worker's
//! budget. A test binary of its own, so no other test shares the measured processes.

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use sqlx::{Connection, PgConnection, PgPool};
use wt_transfer::import::{self, ImportError, ImportKind, ImportOptions, Stages};

use support::*;

/// The file a child process imports (unset: the child test does nothing).
const CHILD_FILE: &str = "WT_MEMORY_CHILD_FILE";
/// The database the child uses.
const CHILD_DATABASE: &str = "WT_MEMORY_CHILD_DATABASE";

/// Any import's peak, whatever the file.
const MAX_PEAK_KIB: u64 = 256 * 1024;
/// What a refused hostile file may add to the peak of importing a one-row file.
const MAX_REFUSAL_EXTRA_KIB: u64 = 64 * 1024;

struct Quiet;

impl Stages for Quiet {
    type Stop = ();

    async fn stage(&mut self, _: &str, _: u8, _: &str) -> Result<(), ()> {
        Ok(())
    }
}

/// This process's peak resident size, in KiB.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

/// The child: imports one file as a dry run and prints how it ended and its peak.
#[tokio::test]
#[ignore = "run by files_are_imported_in_bounded_memory, in a process of its own"]
async fn child_imports_one_file() {
    let (Ok(file), Ok(url)) = (std::env::var(CHILD_FILE), std::env::var(CHILD_DATABASE)) else {
        return;
    };
    let mut conn = PgConnection::connect(&url).await.unwrap();
    let mut tx = conn.begin().await.unwrap();
    let options = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let mut quiet = Quiet;
    let ended = import::import(
        &mut tx,
        Path::new(&file),
        ImportKind::People,
        options,
        &mut quiet,
    );
    let outcome = match ended.await {
        Ok(outcome) => format!("rows:{}", outcome.report.rows),
        Err(ImportError::Refused(refusal)) => refusal.code.to_owned(),
        Err(other) => panic!("the import failed: {other:?}"),
    };
    tx.rollback().await.unwrap();
    println!("outcome={outcome} peak_kib={}", peak_kib());
}

/// Imports `path` in a child process; answers how it ended and the child's peak (KiB).
fn import_in_child(path: &Path, database: &str) -> (String, u64) {
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_imports_one_file",
            "--ignored",
            "--nocapture",
        ])
        .args(["--test-threads", "1"])
        .env(CHILD_FILE, path)
        .env(CHILD_DATABASE, database)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = stdout
        .lines()
        .find(|line| line.contains("outcome="))
        .unwrap_or_else(|| panic!("no outcome in {stdout}"));
    let field = |name: &str| {
        line.split_whitespace()
            .find_map(|part| part.strip_prefix(name))
            .unwrap()
            .to_owned()
    };
    (field("outcome="), field("peak_kib=").parse().unwrap())
}

/// The URL of the pool's own database, for the child.
fn database_url(pool: &PgPool) -> String {
    let base = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let name = pool.connect_options().get_database().unwrap().to_owned();
    match base.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => panic!("DATABASE_URL has no database: {base}"),
    }
}

/// A file to import, how its import ends, and whether it is refused outright (held to the
/// small extra budget).
struct Case {
    name: &'static str,
    path: PathBuf,
    outcome: &'static str,
    refused: bool,
}

fn case(name: &'static str, path: PathBuf, outcome: &'static str, refused: bool) -> Case {
    Case {
        name,
        path,
        outcome,
        refused,
    }
}

/// The hostile files, and an honest large one.
fn hostile_files(dir: &Path) -> Vec<Case> {
    let header = |out: &mut dyn Write| out.write_all(text_row(1, &["Name", "Email"]).as_bytes());

    let bomb = dir.join("bomb.xlsx");
    zip_bomb(&bomb);

    let declared = dir.join("declared.xlsx");
    RawXlsx::create(&declared)
        .sheet("People", None, &|out| {
            header(out)?;
            people_rows(out, 2, 10)
        })
        .finish();
    declare_size(&declared, "xl/worksheets/sheet1.xml", 3_000_000_000);

    let corners = dir.join("corners.xlsx");
    xlsxwriter(&corners, &["People"], |_, sheet| {
        sheet.write_string(0, 0, "Name").unwrap();
        sheet.write_string(1_048_575, 16_383, "far").unwrap();
    });

    let lying = dir.join("lying-dimension.xlsx");
    RawXlsx::create(&lying)
        .sheet("People", Some("A1:B2"), &|out| {
            header(out)?;
            people_rows(out, 2, 200_001)
        })
        .finish();

    let giant = dir.join("giant-cell.xlsx");
    giant_cell_workbook(&giant, 64 * 1024 * 1024);

    let honest = dir.join("people-and-hours.xlsx");
    people_and_hours_workbook(&honest, 99_999);

    vec![
        case(
            "zip bomb (64 MiB sheet)",
            bomb,
            "xlsx_too_large_uncompressed",
            true,
        ),
        case(
            "sheet declaring 3 GB",
            declared,
            "xlsx_too_large_uncompressed",
            true,
        ),
        case(
            "cells at A1 and XFD1048576",
            corners,
            "xlsx_rows_exceeded",
            true,
        ),
        case(
            "dimension lying over 200k rows",
            lying,
            "xlsx_rows_exceeded",
            false,
        ),
        case("one 64 MiB text cell", giant, "xlsx_cell_too_long", true),
        case(
            "honest 100,000 rows x 12 columns",
            honest,
            "rows:99999",
            false,
        ),
    ]
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn files_are_imported_in_bounded_memory(pool: PgPool) {
    let database = database_url(&pool);
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("one.xlsx");
    people_workbook(&small, 1);
    let (outcome, baseline) = import_in_child(&small, &database);
    assert_eq!(outcome, "rows:1");
    println!("{:<36} {:>10} {:>10}", "file", "peak KiB", "extra KiB");
    println!("{:<36} {baseline:>10} {:>10}", "one row (baseline)", 0);
    for case in hostile_files(dir.path()) {
        let (outcome, peak) = import_in_child(&case.path, &database);
        let extra = peak.saturating_sub(baseline);
        let name = case.name;
        println!("{name:<36} {peak:>10} {extra:>10}");
        assert_eq!(outcome, case.outcome, "{name}");
        assert!(peak < MAX_PEAK_KIB, "{name}: peak {peak} KiB");
        if case.refused {
            assert!(
                extra < MAX_REFUSAL_EXTRA_KIB,
                "{name}: {extra} KiB over the baseline"
            );
        }
    }
}
