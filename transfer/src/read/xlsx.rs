//! Reading an .xlsx with calamine's streaming cell reader only: cells arrive one by one in
//! sheet order and are gathered into rows here, never into a grid sized by the sheet's
//! declared `<dimension>` (a 5 KB file can declare a billion cells). Rows past the limit,
//! cells past the budget and columns past the header are never stored.

use std::fs::File;
use std::io::BufReader;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::Ordering;

use calamine::{DataRef, Reader, Xlsx};
use wt_domain::transfer::cells::Cell;
use wt_domain::transfer::columns::SheetKind;
use wt_domain::transfer::limits::{MAX_COLUMNS, MAX_ROWS_PER_SHEET, MAX_SHEETS};

use super::{Budget, Progress, Row, SheetChooser, Visitor, check_row};
use crate::refusal::Refusal;

fn damaged(error: calamine::XlsxError) -> Refusal {
    tracing::debug!(%error, "workbook unreadable");
    Refusal::new(
        "invalid_xlsx",
        "The workbook is damaged or not a workbook Excel wrote; open it and save it again.",
    )
}

pub(super) fn read(
    path: &Path,
    choose: SheetChooser<'_>,
    visitor: &mut dyn Visitor,
    progress: &Progress,
    budget: &mut Budget,
) -> Result<(), Refusal> {
    let file = File::open(path)
        .map_err(|_| Refusal::new("invalid_file", "The file could not be read."))?;
    let mut workbook: Xlsx<_> = Xlsx::new(BufReader::new(file)).map_err(damaged)?;
    let names = workbook.sheet_names();
    if names.len() > MAX_SHEETS {
        return Err(Refusal::new(
            "xlsx_sheets_exceeded",
            format!(
                "The workbook has {} sheets; at most {MAX_SHEETS} are read.",
                names.len()
            ),
        ));
    }
    let chosen: Vec<(String, SheetKind)> = choose(&names)
        .into_iter()
        .filter_map(|(at, kind)| names.get(at).map(|name| (name.clone(), kind)))
        .collect();
    for (done, (name, kind)) in chosen.iter().enumerate() {
        let share = (done, chosen.len());
        if read_sheet(&mut workbook, name, *kind, visitor, progress, budget, share)?.is_break() {
            break;
        }
    }
    Ok(())
}

/// Reads one sheet; `share` is (sheets done, sheets in all), to place its progress.
fn read_sheet(
    workbook: &mut Xlsx<BufReader<File>>,
    name: &str,
    kind: SheetKind,
    visitor: &mut dyn Visitor,
    progress: &Progress,
    budget: &mut Budget,
    share: (usize, usize),
) -> Result<ControlFlow<()>, Refusal> {
    let mut cells = workbook.worksheet_cells_reader(name).map_err(damaged)?;
    // The declared size may lie; it only paces the progress bar.
    let declared = cells.dimensions().end.0.clamp(1, MAX_ROWS_PER_SHEET);
    let mut row: Option<Row> = None;
    // Until the header row is read, any column; then no more than the header has.
    let mut width: Option<u32> = None;
    while let Some(cell) = cells.next_cell().map_err(damaged)? {
        let (at_row, at_column) = cell.get_position();
        let number = at_row.saturating_add(1);
        check_row(name, number)?;
        budget.spend(1)?;
        if let Some(finished) = row.take_if(|row| row.number != number) {
            width.get_or_insert(u32::try_from(finished.cells.len()).unwrap_or(MAX_COLUMNS));
            if visitor.row(kind, name, finished).is_break() {
                return Ok(ControlFlow::Break(()));
            }
            publish(progress, share, number, declared);
        }
        let current = row.get_or_insert_with(|| Row {
            number,
            cells: Vec::new(),
        });
        if at_column < width.unwrap_or(MAX_COLUMNS) {
            let column = usize::try_from(at_column).unwrap_or(usize::MAX);
            if current.cells.len() <= column {
                current.cells.resize(column + 1, Cell::Empty);
            }
            current.cells[column] = to_cell(cell.get_value());
        }
    }
    if let Some(last) = row
        && visitor.row(kind, name, last).is_break()
    {
        return Ok(ControlFlow::Break(()));
    }
    publish(progress, share, declared, declared);
    Ok(ControlFlow::Continue(()))
}

fn publish(progress: &Progress, (done, all): (usize, usize), row: u32, declared: u32) {
    let within = u64::from(row.min(declared)) * 100 / u64::from(declared.max(1));
    let overall = (done as u64 * 100 + within) / all.max(1) as u64;
    progress.fetch_max(
        u8::try_from(overall.min(100)).unwrap_or(100),
        Ordering::Relaxed,
    );
}

fn to_cell(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(number) => Cell::Number(*number as f64),
        DataRef::Float(number) => Cell::Number(*number),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            Cell::Text(text.clone())
        }
        DataRef::SharedString(text) => Cell::Text((*text).to_owned()),
        DataRef::Bool(value) => Cell::Bool(*value),
        DataRef::DateTime(moment) => Cell::DateTime(moment.as_f64()),
        DataRef::Error(error) => Cell::Error(error.to_string()),
    }
}
