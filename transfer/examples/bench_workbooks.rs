//! Writes the import benchmark's files (deploy/local/bench-import.sh): the
//! people-and-hours workbook of ROWS people x 12 columns (99,999 by default: 100,000 rows
//! with the header, the most a sheet may hold), and a zip bomb (a 64 MiB sheet
//! in a file of a few hundred kilobytes), with the tests' own builders.
//!
//! `cargo run --release -p wt-transfer --example bench_workbooks -- DIR [ROWS]` writes
//! DIR/people-and-hours.xlsx and DIR/bomb.xlsx.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: bench_workbooks DIR [ROWS]"));
    let rows: u32 = args
        .next()
        .map_or(99_999, |rows| rows.parse().expect("ROWS is a number"));
    std::fs::create_dir_all(&dir).unwrap();
    support::people_and_hours_workbook(&dir.join("people-and-hours.xlsx"), rows);
    support::zip_bomb(&dir.join("bomb.xlsx"));
}
