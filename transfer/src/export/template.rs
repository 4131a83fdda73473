//! The blank workbook of a kind: the sheets an export writes with their headers and no
//! rows (a projects template also has the long-form Hours sheet and a few week columns to
//! show their form), and an Instructions sheet explaining every column, the week
//! columns, the Hours alternative, matching and the limits.

use std::path::Path;

use chrono::{Days, NaiveDate};
use wt_domain::transfer::columns::{
    ASSIGNMENTS, DELIVERABLES, Field, HOURS, PEOPLE, PROJECTS, Sheet, SheetKind,
};
use wt_domain::transfer::exports::{ExportFormat, ExportKind};
use wt_domain::transfer::limits::{MAX_CELL_CHARS, MAX_CELLS, MAX_ROWS_PER_SHEET, MAX_SHEETS};
use wt_domain::weeks::Week;

use super::sink::{self, Message, SinkError, Value};

/// Week columns a projects template shows, from the current week on.
const EXAMPLE_WEEKS: u64 = 4;

/// Writes the blank workbook of `kind` to `path`; `today` places the example weeks.
pub fn write(kind: ExportKind, path: &Path, today: NaiveDate) -> Result<(), SinkError> {
    let sheets: &[Sheet] = match kind {
        ExportKind::People => &[PEOPLE],
        ExportKind::Projects => &[PROJECTS, ASSIGNMENTS, HOURS, DELIVERABLES],
    };
    let mut messages: Vec<Message> = sheets
        .iter()
        .map(|sheet| {
            let mut header: Vec<Value> = sheet
                .columns
                .iter()
                .map(|column| Value::text(column.header))
                .collect();
            if sheet.kind == SheetKind::Assignments {
                header.extend(example_weeks(today).into_iter().map(Value::Date));
            }
            Message::Sheet {
                name: sheet.name,
                header,
            }
        })
        .collect();
    messages.push(Message::Sheet {
        name: "Instructions",
        header: ["Sheet", "Column", "What to write"]
            .into_iter()
            .map(Value::text)
            .collect(),
    });
    messages.extend(instructions(kind, sheets).into_iter().map(Message::Row));
    let mut messages = messages.into_iter();
    sink::drain(sink::open(ExportFormat::Xlsx, path, false)?, move || {
        messages.next()
    })
}

fn example_weeks(today: NaiveDate) -> Vec<NaiveDate> {
    let Ok(first) = Week::containing(today) else {
        return Vec::new();
    };
    (0..EXAMPLE_WEEKS)
        .filter_map(|n| first.as_date().checked_add_days(Days::new(7 * n)))
        .collect()
}

fn row(sheet: &str, column: &str, text: &str) -> Vec<Value> {
    vec![Value::text(sheet), Value::text(column), Value::text(text)]
}

/// The general notes, then one row per column of each sheet.
fn instructions(kind: ExportKind, sheets: &[Sheet]) -> Vec<Vec<Value>> {
    let matching = match kind {
        ExportKind::People => {
            "A row updates the person with its ID, else with its email (any case), else with \
             exactly its name; other rows create people. Stored people change only when the \
             import is asked to update existing rows."
        }
        ExportKind::Projects => {
            "A Projects row updates the project with its ID, else its project number, else \
             exactly its name; assignments match by person, project and role on project; \
             deliverables by ID, else by project and description."
        }
    };
    let limits = format!(
        "At most {MAX_SHEETS} sheets, {MAX_ROWS_PER_SHEET} rows per sheet (header included), \
         {MAX_CELLS} filled cells in all and {MAX_CELL_CHARS} characters per cell; the upload \
         size limit is set by your administrator (500 MiB unless changed)."
    );
    let mut rows = vec![
        row(
            "(all)",
            "",
            "Keep the header row; columns may come in any order and unknown \
             columns are ignored. An empty cell leaves the stored value as it is.",
        ),
        row("(all)", "Matching", matching),
        row(
            "(all)",
            "Dates",
            "A date cell, or text such as 2026-12-04 or 4 Dec 2026. \
             Dates like 03/04/2026, which read two ways, are refused.",
        ),
        row("(all)", "Yes or no", "yes/no, true/false, y/n, 1/0 or x."),
        row(
            "(all)",
            "Text",
            "Text starting with = + - or @ is written by exports with a \
             leading apostrophe so spreadsheets do not run it; imports take that apostrophe \
             off again.",
        ),
        row("(all)", "Limits", &limits),
        row(
            "(all)",
            "Dry run",
            "Import with a dry run first: it reports every row it would \
             create, update or skip and every error, and writes nothing.",
        ),
    ];
    if kind == ExportKind::Projects {
        rows.push(row(
            "Assignments",
            "Week columns",
            "After the assignment's columns, one \
            column per week headed by the week's Sunday (a date). Write the hours planned \
            that week (0 to 168, at most two decimals); a date that is not a Sunday counts \
            for its week, with a warning. Add or remove week columns freely.",
        ));
        rows.push(row(
            "Hours",
            "",
            "The same hours in long form instead: one row per \
            assignment and week, with the Week and Hours columns. Use either sheet, or \
            both; two rows giving one week different hours is an error.",
        ));
    }
    for sheet in sheets {
        for column in sheet.columns {
            rows.push(row(
                sheet.name,
                column.header,
                describe(sheet.kind, column.field),
            ));
        }
    }
    rows
}

/// What a column holds, for people filling the template in.
fn describe(sheet: SheetKind, field: Field) -> &'static str {
    use Field::*;
    match (sheet, field) {
        (SheetKind::People, Id) => "Leave empty for a new person; keep it to update one.",
        (SheetKind::People, Name) => "Required. The person's full name.",
        (SheetKind::Projects, Id) => "Leave empty for a new project; keep it to update one.",
        (SheetKind::Projects, Name) => "Required. The project's name.",
        (SheetKind::Deliverables, Id) => "Leave empty for a new deliverable.",
        (_, Email) => "Unique per person; matched in any case.",
        (_, WeeklyCapacity) => "Hours a week the person can work (0 to 168); 36 if empty.",
        (_, Role) => "The role's name; a role not stored yet is created.",
        (_, Department) => "The department's name; a department not stored yet is created.",
        (_, Location) => "Where the person works.",
        (_, HireDate) => "A date.",
        (_, Notes) => "Free text.",
        (_, Active) => "yes or no (yes if empty for a new row).",
        (_, ProjectNumber) => "The project's number (unique); matched before the name.",
        (_, Client) => "The client's name (Internal if empty).",
        (_, Status) => "planning, active, active_ca, on_hold, completed or cancelled.",
        (_, StartDate) | (_, EndDate) => "A date; the end may not be before the start.",
        (_, EstimatedHours) => "Hours in all, at most two decimals.",
        (SheetKind::Deliverables, Description) => "Required. What is delivered.",
        (_, Description) => "Free text.",
        (_, Project) => "The project's name (its number, when given, is matched first).",
        (_, Person) => "The person's name (their email, when given, is matched first).",
        (_, PersonEmail) => "The person's email; the person must be stored already.",
        (_, RoleOnProject) => "The person's role on this project (may be empty).",
        (_, Week) => "Required. The week's Sunday (another day counts for its week).",
        (_, Hours) => "Required. Hours that week: 0 to 168, at most two decimals.",
        (_, Percentage) => "How far along the project this is: 0 to 100.",
        (_, Date) => "When it is due.",
        (_, Completed) => "yes or no.",
        (_, CompletedDate) => "When it was completed (today if completed and empty).",
        (_, Order) => "Its place among the project's deliverables, from 0.",
        (_, Id) | (_, Name) => "",
    }
}
