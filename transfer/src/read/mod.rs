//! Reading the rows of an inspected file, one at a time, under the limits: sheets per
//! workbook, rows per sheet, cells in all, columns per row. Readers run on a blocking
//! thread; they hand each row to a visitor (which may stop them: the job was cancelled)
//! and report how far through the file they are, by bytes read.

mod counting;
mod csv;
mod xlsx;

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicU8;

use wt_domain::transfer::cells::Cell;
use wt_domain::transfer::columns::SheetKind;
use wt_domain::transfer::limits::{MAX_CELLS, MAX_ROWS_PER_SHEET};

use crate::inspect::FileType;
use crate::refusal::Refusal;

/// Which sheets of a file to read: given the names of all its sheets in order, the ones
/// to read (by place) with the kind of rows each holds. A CSV is one sheet named "CSV".
pub type SheetChooser<'a> = &'a dyn Fn(&[String]) -> Vec<(usize, SheetKind)>;

/// One row: its number as the spreadsheet shows it (the first row is 1) and its cells
/// from column A on (trailing empty cells may be missing).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<Cell>,
}

/// Receives the rows of the chosen sheets, in order; `Break` stops reading.
pub trait Visitor {
    fn row(&mut self, sheet: SheetKind, sheet_name: &str, row: Row) -> ControlFlow<()>;
}

/// How far reading is, 0-100, by bytes read; the caller polls it for progress.
pub type Progress = Arc<AtomicU8>;

/// Reads the rows of `path` (already inspected as `file_type`).
pub fn read(
    path: &Path,
    file_type: FileType,
    choose: SheetChooser<'_>,
    visitor: &mut dyn Visitor,
    progress: &Progress,
) -> Result<(), Refusal> {
    let mut budget = Budget::default();
    match file_type {
        FileType::Xlsx => xlsx::read(path, choose, visitor, progress, &mut budget),
        FileType::Csv { encoding, bom } => {
            csv::read(path, encoding, bom, choose, visitor, progress, &mut budget)
        }
    }
}

/// The cells read so far, against the file's limit.
#[derive(Debug, Default)]
struct Budget {
    cells: u64,
}

impl Budget {
    /// Counts `count` more cells.
    fn spend(&mut self, count: u64) -> Result<(), Refusal> {
        self.cells += count;
        if self.cells > MAX_CELLS {
            return Err(Refusal::new(
                "xlsx_cells_exceeded",
                format!("The file holds more than {MAX_CELLS} cells. Split it into smaller files."),
            ));
        }
        Ok(())
    }
}

/// Refuses a row past the sheet's limit (counted in spreadsheet rows, header included).
fn check_row(sheet_name: &str, number: u32) -> Result<(), Refusal> {
    if number > MAX_ROWS_PER_SHEET {
        return Err(Refusal::new(
            "xlsx_rows_exceeded",
            format!(
                "The sheet {sheet_name} goes past row {MAX_ROWS_PER_SHEET}. Split it into smaller files."
            ),
        ));
    }
    Ok(())
}
