//! Files refused for what their container is: zip bombs (by ratio, by declared size,
//! lying small, by entry count), a PNG named .xlsx, a truncated zip, password-protected
//! workbooks (an OLE container, an encrypted zip entry) and macros.

use super::*;

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
