//! A sheet's header row turned into a map from column position to field, and the reading
//! of one row's fields through it. Every cell a field refuses becomes an issue naming the
//! sheet, row, column and value; unknown columns are reported once, as a warning; a
//! missing required column refuses the sheet.

use std::collections::HashMap;

use chrono::NaiveDate;
use wt_domain::transfer::cells::{Cell, CellError};
use wt_domain::transfer::columns::{Field, Sheet};
use wt_domain::transfer::report::{Issue, Severity};

/// Where each known field sits in a sheet, and its week columns (wide hours).
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub sheet: String,
    fields: HashMap<Field, (usize, &'static str)>,
    /// Week columns: position, the Sunday the header names, the header as written.
    pub weeks: Vec<(usize, NaiveDate, String)>,
}

impl Header {
    /// Reads the header `cells` of `sheet_name` laid out as `sheet`; `weeks` says whether
    /// date headers are week columns. Issues go to `issues`.
    pub fn read(
        sheet: &Sheet,
        sheet_name: &str,
        cells: &[Cell],
        weeks: bool,
        issues: &mut Vec<Issue>,
    ) -> Header {
        let mut header = Header {
            sheet: sheet_name.to_owned(),
            ..Header::default()
        };
        for (position, cell) in cells.iter().enumerate() {
            let Ok(Some(text)) = cell.text() else {
                continue;
            };
            if let Some(column) = sheet.column(&text) {
                if header
                    .fields
                    .insert(column.field, (position, column.header))
                    .is_some()
                {
                    issues.push(header.column_issue(
                        Severity::Error,
                        &text,
                        "duplicate_column",
                        format!("Two columns are headed {}; keep one.", column.header),
                    ));
                }
            } else if let (true, Ok(Some(date))) = (weeks, cell.date()) {
                header.add_week(position, date, text, issues);
            } else {
                issues.push(header.column_issue(
                    Severity::Warning,
                    &text,
                    "unknown_column",
                    "This column is not one the import reads; it was ignored.".to_owned(),
                ));
            }
        }
        header
    }

    fn add_week(
        &mut self,
        position: usize,
        date: NaiveDate,
        text: String,
        issues: &mut Vec<Issue>,
    ) {
        let sunday = wt_domain::weeks::Week::containing(date).map(|week| week.as_date());
        let Ok(sunday) = sunday else {
            issues.push(self.column_issue(
                Severity::Error,
                &text,
                "week_out_of_range",
                "Weeks must lie between 2000 and 2100.".to_owned(),
            ));
            return;
        };
        if sunday != date {
            issues.push(self.column_issue(
                Severity::Warning,
                &text,
                "week_moved_to_sunday",
                format!("{date} is not a Sunday; its hours count for the week of Sunday {sunday}."),
            ));
        }
        if self.weeks.iter().any(|(_, other, _)| *other == sunday) {
            issues.push(self.column_issue(
                Severity::Error,
                &text,
                "duplicate_week",
                format!("Two columns fall in the week of {sunday}; keep one."),
            ));
            return;
        }
        self.weeks.push((position, sunday, text));
    }

    fn column_issue(
        &self,
        severity: Severity,
        header: &str,
        code: &'static str,
        message: String,
    ) -> Issue {
        Issue {
            severity,
            sheet: self.sheet.clone(),
            row: 1,
            column: Some(header.to_owned()),
            value: None,
            code,
            message,
        }
    }

    pub fn has(&self, field: Field) -> bool {
        self.fields.contains_key(&field)
    }

    /// An error issue when `field` has no column, for a sheet that cannot do without it.
    pub fn require(&self, field: Field, header: &str) -> Option<Issue> {
        (!self.has(field)).then(|| Issue {
            severity: Severity::Error,
            sheet: self.sheet.clone(),
            row: 1,
            column: Some(header.to_owned()),
            value: None,
            code: "missing_column",
            message: format!("The sheet needs a column headed {header}."),
        })
    }
}

/// One data row read through its sheet's header.
pub struct Fields<'a> {
    header: &'a Header,
    pub number: u32,
    cells: &'a [Cell],
    pub issues: Vec<Issue>,
}

impl<'a> Fields<'a> {
    pub fn new(header: &'a Header, number: u32, cells: &'a [Cell]) -> Self {
        Fields {
            header,
            number,
            cells,
            issues: Vec::new(),
        }
    }

    /// Whether the row has no value in any column the header knows.
    pub fn is_blank(&self) -> bool {
        let known = self.header.fields.values().map(|(at, _)| *at);
        let weeks = self.header.weeks.iter().map(|(at, _, _)| *at);
        known
            .chain(weeks)
            .all(|at| self.cells.get(at).is_none_or(Cell::is_empty))
    }

    fn cell(&self, at: usize) -> &Cell {
        self.cells.get(at).unwrap_or(&Cell::Empty)
    }

    /// Reads `field` with `convert`: `None` when the sheet has no such column or the cell
    /// is empty, or when the cell is refused (then an issue is recorded).
    pub fn get<T>(
        &mut self,
        field: Field,
        convert: impl Fn(&Cell) -> Result<Option<T>, CellError>,
    ) -> Option<T> {
        let (at, header) = *self.header.fields.get(&field)?;
        let cell = self.cell(at);
        match convert(cell) {
            Ok(value) => value,
            Err(error) => {
                let quoted = cell.quoted();
                self.refuse(Some(header), Some(quoted), error);
                None
            }
        }
    }

    /// The week cells of this row: Sunday, cell, header.
    pub fn weeks(&self) -> impl Iterator<Item = (NaiveDate, &'a Cell, &'a str)> + use<'a, '_> {
        let cells = self.cells;
        self.header.weeks.iter().map(move |(at, sunday, header)| {
            (
                *sunday,
                cells.get(*at).unwrap_or(&Cell::Empty),
                header.as_str(),
            )
        })
    }

    /// Records an error about this row.
    pub fn refuse(&mut self, column: Option<&str>, value: Option<String>, error: CellError) {
        self.issues.push(Issue {
            severity: Severity::Error,
            sheet: self.header.sheet.clone(),
            row: self.number,
            column: column.map(str::to_owned),
            value,
            code: error.code,
            message: error.message,
        });
    }

    /// Records a warning about this row (it still goes in).
    pub fn warn(
        &mut self,
        column: Option<&str>,
        value: Option<String>,
        code: &'static str,
        message: String,
    ) {
        self.issues.push(Issue {
            severity: Severity::Warning,
            sheet: self.header.sheet.clone(),
            row: self.number,
            column: column.map(str::to_owned),
            value,
            code,
            message,
        });
    }

    pub fn has_errors(&self) -> bool {
        self.issues
            .iter()
            .any(|issue| issue.severity == Severity::Error)
    }
}
