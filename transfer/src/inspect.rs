//! What an uploaded file really is, decided from its content (never its name) before any
//! parser sees it. An .xlsx is a zip that declares `[Content_Types].xml` and a workbook;
//! its container is checked against the limits (entry count, each entry's and the total
//! declared uncompressed size, compression ratio, no encryption, no macros) so that a zip
//! bomb is refused from its directory alone. The worksheets and shared strings are then
//! streamed through once to bound every run of text and every tag: the XML reader holds a
//! whole text run in memory, so one giant cell must be refused before it is parsed.
//! Anything else must be text, a CSV, in an
//! encoding we can tell: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use wt_domain::transfer::limits::{
    MAX_CELL_CHARS, MAX_COMPRESSION_RATIO, MAX_PART_BYTES, MAX_SHARED_STRINGS_BYTES,
    MAX_SHEET_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, RATIO_FREE_BYTES, SNIFF_BYTES,
};

use crate::refusal::Refusal;

/// A file that passed inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Xlsx,
    /// Text in this encoding, with a byte-order mark of `bom` bytes to skip.
    Csv {
        encoding: &'static Encoding,
        bom: usize,
    },
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Old .xls workbooks and password-protected .xlsx files are OLE compound files.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// How much of `[Content_Types].xml` is read to look for macros.
const CONTENT_TYPES_BYTES: u64 = 1024 * 1024;
/// The longest stretch of text, or of one tag, a worksheet or the shared strings may hold:
/// a cell at Excel's limit written entirely in the longest character references
/// (`&#x10FFFF;`, ten bytes a character). Anything longer is no honest cell.
const MAX_MARKUP_RUN_BYTES: u64 = MAX_CELL_CHARS as u64 * 10;

fn unreadable(error: impl std::fmt::Display) -> Refusal {
    tracing::debug!(%error, "upload unreadable");
    Refusal::new("invalid_file", "The file could not be read.")
}

/// Inspects the file at `path`.
pub fn inspect(path: &Path) -> Result<FileType, Refusal> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)
        .map_err(unreadable)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    if head.is_empty() {
        return Err(Refusal::new("empty_file", "The file is empty."));
    }
    if head.starts_with(ZIP_MAGIC) {
        inspect_zip(path)?;
        return Ok(FileType::Xlsx);
    }
    if head.starts_with(OLE_MAGIC) {
        return Err(Refusal::new(
            "unsupported_type",
            "This is an old .xls workbook or a password-protected one. Save it as .xlsx \
             (without a password) or as CSV, and upload that.",
        ));
    }
    text_encoding(&head)
}

/// Tells the encoding of a text file from its first bytes.
fn text_encoding(head: &[u8]) -> Result<FileType, Refusal> {
    if let Some((encoding, bom)) = Encoding::for_bom(head) {
        return Ok(FileType::Csv { encoding, bom });
    }
    if head.contains(&0) {
        // NUL bytes without a byte-order mark: binary, or UTF-16 we cannot place.
        return Err(Refusal::new(
            "unsupported_type",
            "This is neither an .xlsx workbook nor a CSV file.",
        ));
    }
    match std::str::from_utf8(head) {
        Ok(_) => Ok(FileType::Csv {
            encoding: UTF_8,
            bom: 0,
        }),
        // Cut in the middle of a character at the end of the sample: still UTF-8.
        Err(error) if error.error_len().is_none() => Ok(FileType::Csv {
            encoding: UTF_8,
            bom: 0,
        }),
        Err(_) => windows_1252(head),
    }
}

/// Windows-1252 leaves five byte values undefined; text using them is something else.
fn windows_1252(head: &[u8]) -> Result<FileType, Refusal> {
    let (_, had_errors) = WINDOWS_1252.decode_without_bom_handling(head);
    let undefined = head
        .iter()
        .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D));
    if had_errors || undefined {
        return Err(Refusal::new(
            "unsupported_encoding",
            "The text encoding of this CSV is not one we read. Save it as CSV UTF-8.",
        ));
    }
    Ok(FileType::Csv {
        encoding: WINDOWS_1252,
        bom: 0,
    })
}

/// Checks the zip container of an .xlsx from its central directory, reading no entry.
fn inspect_zip(path: &Path) -> Result<(), Refusal> {
    let file = BufReader::new(File::open(path).map_err(unreadable)?);
    let mut archive = zip::ZipArchive::new(file).map_err(|error| {
        tracing::debug!(%error, "not a readable zip");
        Refusal::new(
            "invalid_xlsx",
            "The workbook is damaged or incomplete (its zip container cannot be read).",
        )
    })?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(too_large("holds too many parts"));
    }
    let mut total: u64 = 0;
    let (mut content_types, mut workbook) = (false, false);
    let mut cell_parts = Vec::new();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|_| damaged())?;
        if entry.encrypted() {
            return Err(Refusal::new(
                "xlsx_encrypted",
                "The workbook is encrypted. Save it without a password and upload it again.",
            ));
        }
        let name = entry
            .name()
            .map_err(|_| {
                Refusal::new(
                    "invalid_xlsx",
                    "The workbook is damaged (a part name cannot be read).",
                )
            })?
            .to_ascii_lowercase();
        if name.ends_with("vbaproject.bin") || name.ends_with(".bin") && name.contains("macro") {
            return Err(macros());
        }
        content_types |= name == "[content_types].xml";
        workbook |= name == "xl/workbook.xml";
        let size = entry.size();
        if is_cell_part(&name) {
            cell_parts.push(index);
        }
        let limit = part_limit(&name);
        let ratio_ok = size <= RATIO_FREE_BYTES
            || size
                <= entry
                    .compressed_size()
                    .saturating_mul(MAX_COMPRESSION_RATIO);
        total = total.saturating_add(size);
        if size > limit || !ratio_ok || total > MAX_UNCOMPRESSED_BYTES {
            return Err(too_large("would be too large once uncompressed"));
        }
    }
    if !content_types || !workbook {
        return Err(Refusal::new(
            "unsupported_type",
            "This zip file is not an .xlsx workbook.",
        ));
    }
    check_content_types(&mut archive)?;
    for index in cell_parts {
        let part = archive.by_index(index).map_err(|_| damaged())?;
        check_runs(part, MAX_MARKUP_RUN_BYTES)?;
    }
    Ok(())
}

/// The parts that hold cell values: worksheets and the shared strings.
fn is_cell_part(name: &str) -> bool {
    name.starts_with("xl/worksheets/") || name == "xl/sharedstrings.xml"
}

fn damaged() -> Refusal {
    Refusal::new(
        "invalid_xlsx",
        "The workbook is damaged (a part cannot be read).",
    )
}

/// Streams `part` and refuses it when a run of bytes between markup (`<` ... `>`) is
/// longer than `limit`: memory stays one buffer whatever the part holds.
fn check_runs(mut part: impl Read, limit: u64) -> Result<(), Refusal> {
    let mut buffer = vec![0_u8; 64 * 1024];
    let mut run: u64 = 0;
    loop {
        let read = part.read(&mut buffer).map_err(|_| damaged())?;
        if read == 0 {
            return Ok(());
        }
        for &byte in &buffer[..read] {
            run = if byte == b'<' || byte == b'>' {
                0
            } else {
                run + 1
            };
            if run > limit {
                return Err(Refusal::new(
                    "xlsx_cell_too_long",
                    format!(
                        "The workbook holds a cell far longer than Excel allows \
                         ({MAX_CELL_CHARS} characters); it may be a hostile file."
                    ),
                ));
            }
        }
    }
}

/// The most a part may declare, by what it is: worksheets may be large, the shared
/// strings less (held in memory whole), anything else small.
fn part_limit(name: &str) -> u64 {
    if name.starts_with("xl/worksheets/") {
        MAX_SHEET_BYTES
    } else if name == "xl/sharedstrings.xml" {
        MAX_SHARED_STRINGS_BYTES
    } else {
        MAX_PART_BYTES
    }
}

fn too_large(what: &str) -> Refusal {
    Refusal::new(
        "xlsx_too_large_uncompressed",
        format!("The workbook {what}; it may be a zip bomb. Split it or save it as CSV."),
    )
}

fn macros() -> Refusal {
    Refusal::new(
        "xlsx_macros",
        "The workbook contains macros (.xlsm). Save it as a plain .xlsx workbook.",
    )
}

/// Refuses a macro-enabled workbook by its declared content type.
fn check_content_types<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
) -> Result<(), Refusal> {
    let entry = archive.by_name("[Content_Types].xml").map_err(|_| {
        Refusal::new(
            "invalid_xlsx",
            "The workbook is damaged (no content types).",
        )
    })?;
    let mut declared = String::new();
    // A few kilobytes in any real workbook; more is read no further.
    entry
        .take(CONTENT_TYPES_BYTES)
        .read_to_string(&mut declared)
        .map_err(|_| Refusal::new("invalid_xlsx", "The workbook is damaged (content types)."))?;
    if declared.to_ascii_lowercase().contains("macroenabled") {
        return Err(macros());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_between_markup_are_bounded() {
        let fits = b"<c><v>12345</v></c><is><t>abcd</t></is>";
        assert!(check_runs(&fits[..], 5).is_ok());
        let text = b"<c><t>abcdef</t></c>";
        let refusal = check_runs(&text[..], 5).unwrap_err();
        assert_eq!(refusal.code, "xlsx_cell_too_long");
        let tag = b"<c r=\"A1\" s=\"1\">";
        assert!(check_runs(&tag[..], 5).is_err());
    }

    #[test]
    fn a_run_across_reads_is_counted_whole() {
        let long = vec![b'a'; 200 * 1024];
        assert!(check_runs(&long[..], 150 * 1024).is_err());
        assert!(check_runs(&long[..], 200 * 1024).is_ok());
    }
}
