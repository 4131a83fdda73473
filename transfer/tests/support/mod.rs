//! Spreadsheets built by the tests of wt-transfer: honest workbooks written with
//! rust_xlsxwriter, and workbooks written part by part with the zip crate (raw sheet XML,
//! so a test can say anything a file can: lying dimensions, `NaN` cells, macros), plus
//! byte surgery on a finished zip (declared sizes, the encryption flag).
//!
//! The part-by-part writer lives in [`raw_xlsx`]; the honest builders, the byte surgery and
//! the generated rows here.

#![allow(dead_code)] // each test binary uses its own share of these builders

mod raw_xlsx;

use std::io::{self, Write};
use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet};

pub use raw_xlsx::*;

/// A workbook written by rust_xlsxwriter (in constant memory), one sheet per name, each
/// filled by `fill`.
pub fn xlsxwriter(path: &Path, names: &[&str], fill: impl Fn(usize, &mut Worksheet)) {
    let mut workbook = Workbook::new();
    for (at, name) in names.iter().enumerate() {
        let sheet = workbook.add_worksheet_with_constant_memory().unwrap();
        sheet.set_name(*name).unwrap();
        fill(at, sheet);
    }
    workbook.save(path).unwrap();
}

/// A small honest people workbook: a header and `rows` people.
pub fn people_workbook(path: &Path, rows: u32) {
    xlsxwriter(path, &["People"], |_, sheet| {
        for (column, header) in (0..).zip(["Name", "Email", "Weekly capacity (h)"]) {
            sheet.write_string(0, column, header).unwrap();
        }
        for row in 1..=rows {
            sheet.write_string(row, 0, format!("Person {row}")).unwrap();
            sheet
                .write_string(row, 1, format!("person{row}@example.com"))
                .unwrap();
            sheet.write_number(row, 2, 36).unwrap();
        }
    });
}

/// The zip records whose file name is `name`: (offset of the record, is it the central
/// directory's) for every local header and central directory entry.
fn records_of(bytes: &[u8], name: &str) -> Vec<(usize, bool)> {
    let mut found = Vec::new();
    for at in 0..bytes.len().saturating_sub(46) {
        let central = match &bytes[at..at + 4] {
            b"PK\x03\x04" => false,
            b"PK\x01\x02" => true,
            _ => continue,
        };
        let (length_at, name_at) = if central { (28, 46) } else { (26, 30) };
        let length = usize::from(u16::from_le_bytes([
            bytes[at + length_at],
            bytes[at + length_at + 1],
        ]));
        if bytes.get(at + name_at..at + name_at + length) == Some(name.as_bytes()) {
            found.push((at, central));
        }
    }
    assert!(!found.is_empty(), "no zip entry named {name}");
    found
}

/// Rewrites the uncompressed size the zip at `path` declares for its entry `name`.
pub fn declare_size(path: &Path, name: &str, size: u32) {
    let mut bytes = std::fs::read(path).unwrap();
    for (at, central) in records_of(&bytes, name) {
        let field = at + if central { 24 } else { 22 };
        bytes[field..field + 4].copy_from_slice(&size.to_le_bytes());
    }
    std::fs::write(path, bytes).unwrap();
}

/// Sets the "encrypted" flag of the zip entry `name`, in its local and central headers.
pub fn flag_encrypted(path: &Path, name: &str) {
    let mut bytes = std::fs::read(path).unwrap();
    for (at, central) in records_of(&bytes, name) {
        bytes[at + if central { 8 } else { 6 }] |= 1;
    }
    std::fs::write(path, bytes).unwrap();
}

/// A small deterministic stream of numbers, so generated cells do not compress like a
/// bomb.
pub struct Noise(u64);

impl Default for Noise {
    fn default() -> Self {
        Noise(0x2545_f491_4f6c_dd1d)
    }
}

impl Noise {
    /// The next number below `below`.
    pub fn below(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// Rows `from..=to` of people, each a name and an email with some noise.
pub fn people_rows(out: &mut dyn Write, from: u32, to: u32) -> io::Result<()> {
    let mut noise = Noise::default();
    for row in from..=to {
        let tag = noise.below(1_000_000_000);
        write!(
            out,
            r#"<row r="{row}">{}{}</row>"#,
            text_cell(0, row, &format!("Person {row} {tag}")),
            text_cell(1, row, &format!("p{row}.{tag}@example.com")),
        )?;
    }
    Ok(())
}

/// The twelve columns of the people-and-hours workbook: the person, then three weeks of
/// hours (which a people import reports as columns it does not read).
pub const PEOPLE_AND_HOURS: [&str; 12] = [
    "Name",
    "Email",
    "Weekly capacity (h)",
    "Role",
    "Department",
    "Location",
    "Hire date",
    "Notes",
    "Active",
    "2027-01-03",
    "2027-01-10",
    "2027-01-17",
];

/// A people-and-hours workbook of `rows` people (plus the header), written in constant
/// memory: the benchmark's and the memory test's honest large file.
pub fn people_and_hours_workbook(path: &Path, rows: u32) {
    const ROLES: [&str; 6] = [
        "Engineer",
        "Designer",
        "Manager",
        "Analyst",
        "Architect",
        "Lead",
    ];
    const PLACES: [&str; 4] = ["Berlin", "Lisbon", "Austin", "Remote"];
    xlsxwriter(path, &["People"], |_, sheet| {
        for (column, header) in (0..).zip(PEOPLE_AND_HOURS) {
            sheet.write_string(0, column, header).unwrap();
        }
        let mut noise = Noise::default();
        for row in 1..=rows {
            let pick = noise.below(1_000_000) as usize;
            sheet.write_string(row, 0, format!("Person {row}")).unwrap();
            sheet
                .write_string(row, 1, format!("person{row}@example.com"))
                .unwrap();
            sheet.write_number(row, 2, 32 + (pick % 9) as u32).unwrap();
            sheet
                .write_string(row, 3, ROLES[pick % ROLES.len()])
                .unwrap();
            sheet
                .write_string(row, 4, format!("Department {}", pick % 12))
                .unwrap();
            sheet
                .write_string(row, 5, PLACES[pick % PLACES.len()])
                .unwrap();
            sheet
                .write_string(
                    row,
                    6,
                    format!("20{:02}-0{}-1{}", 10 + pick % 16, 1 + pick % 9, pick % 10),
                )
                .unwrap();
            sheet.write_string(row, 7, format!("Note {pick}")).unwrap();
            sheet
                .write_string(row, 8, if pick.is_multiple_of(10) { "no" } else { "yes" })
                .unwrap();
            for week in 0..3 {
                sheet
                    .write_number(row, 9 + week, ((pick >> week) % 40) as f64)
                    .unwrap();
            }
        }
    });
}

/// A zip bomb: a people sheet of 64 MiB (one row over and over) in a file of a few
/// hundred kilobytes.
pub fn zip_bomb(path: &Path) {
    let header = text_row(1, &["Name", "Email"]);
    let row = text_row(2, &["Ann", "ann@example.com"]);
    let repeated = |out: &mut dyn Write| -> std::io::Result<()> {
        out.write_all(header.as_bytes())?;
        for _ in 0..(64 * 1024 * 1024 / row.len()) {
            out.write_all(row.as_bytes())?;
        }
        Ok(())
    };
    RawXlsx::create(path)
        .compression(9)
        .sheet("People", None, &repeated)
        .finish();
}

/// A people sheet whose second row holds one text cell of `bytes` letters, varied enough
/// (a simple generator) that no compression-ratio check catches it.
pub fn giant_cell_workbook(path: &Path, bytes: usize) {
    let header = text_row(1, &["Name", "Email"]);
    let giant = |out: &mut dyn Write| -> std::io::Result<()> {
        out.write_all(header.as_bytes())?;
        out.write_all(br#"<row r="2"><c r="A2" t="inlineStr"><is><t>"#)?;
        let mut state: u32 = 12_345;
        let mut chunk = vec![0_u8; 64 * 1024];
        for _ in 0..bytes.div_ceil(chunk.len()) {
            for letter in chunk.iter_mut() {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                *letter = b'a' + (state >> 16) as u8 % 26;
            }
            out.write_all(&chunk)?;
        }
        out.write_all(b"</t></is></c></row>")
    };
    RawXlsx::create(path).sheet("People", None, &giant).finish();
}
