//! The visitor that turns the rows a reader hands over into checked records: the first row
//! of each sheet is its header; every later row that is not blank goes to the sheet's row
//! reader. Issues are gathered in file order; the job's cancellation stops the reader.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};

use wt_domain::transfer::columns::{Sheet, SheetKind};
use wt_domain::transfer::report::Issue;

use super::sheet::{Fields, Header};
use crate::read::{Row, Visitor};

/// Reads one data row of a sheet into the collection.
pub trait Records {
    /// The layout of sheets of `kind`, and whether date headers are week columns.
    fn layout(kind: SheetKind) -> (Sheet, bool);
    /// Checks a header once read (a missing required column is an issue).
    fn check_header(kind: SheetKind, header: &Header) -> Vec<Issue>;
    /// Takes in one data row of a `kind` sheet.
    fn row(&mut self, kind: SheetKind, fields: &mut Fields<'_>);
}

/// Gathers the records and issues of a file.
pub struct Collector<'c, R> {
    pub records: R,
    pub issues: Vec<Issue>,
    pub rows: u64,
    headers: HashMap<String, Header>,
    cancel: &'c AtomicBool,
}

impl<'c, R: Records> Collector<'c, R> {
    pub fn new(records: R, cancel: &'c AtomicBool) -> Self {
        Collector {
            records,
            issues: Vec::new(),
            rows: 0,
            headers: HashMap::new(),
            cancel,
        }
    }
}

impl<R: Records> Visitor for Collector<'_, R> {
    fn row(&mut self, kind: SheetKind, sheet_name: &str, row: Row) -> ControlFlow<()> {
        if self.cancel.load(Ordering::Relaxed) {
            return ControlFlow::Break(());
        }
        let Some(header) = self.headers.get(sheet_name) else {
            let (layout, weeks) = R::layout(kind);
            let header = Header::read(&layout, sheet_name, &row.cells, weeks, &mut self.issues);
            self.issues.extend(R::check_header(kind, &header));
            self.headers.insert(sheet_name.to_owned(), header);
            return ControlFlow::Continue(());
        };
        let mut fields = Fields::new(header, row.number, &row.cells);
        if fields.is_blank() {
            return ControlFlow::Continue(());
        }
        self.rows += 1;
        self.records.row(kind, &mut fields);
        self.issues.append(&mut fields.issues);
        ControlFlow::Continue(())
    }
}
