//! Sheets too big or too strange to read: cells at A1 and XFD1048576, a lying
//! `<dimension>`, 11 sheets, 100,001 rows, 5,000,001 cells, numbers that are not finite
//! and a 40,000-character cell.

use super::*;

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
