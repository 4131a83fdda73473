//! What an import found and did: per entity how many rows were created, updated, left
//! unchanged and skipped, and every row error and warning with where it stands (sheet,
//! row, column), the value and the reason. It is the import job's result and, in full, a
//! CSV to download.

use std::collections::BTreeMap;

use serde::Serialize;

/// What the rows of a sheet describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Person,
    Role,
    Department,
    Project,
    Assignment,
    WeeklyHours,
    Deliverable,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Person => "person",
            Entity::Role => "role",
            Entity::Department => "department",
            Entity::Project => "project",
            Entity::Assignment => "assignment",
            Entity::WeeklyHours => "weekly_hours",
            Entity::Deliverable => "deliverable",
        }
    }
}

/// How the rows of one entity fared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
}

/// How bad an issue is: an error keeps its row out (and the file, unless bad rows are
/// skipped); a warning is reported and the row goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem with one cell, row or column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub severity: Severity,
    pub sheet: String,
    /// The row as the spreadsheet numbers it (the header is row 1); 1 for a column issue.
    pub row: u32,
    pub column: Option<String>,
    pub value: Option<String>,
    pub code: &'static str,
    pub message: String,
}

/// Issues kept in the report itself; the downloadable CSV holds them all.
pub const REPORTED_ISSUES: usize = 500;

/// The outcome of an import (or of its dry run).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub dry_run: bool,
    /// Whether the changes were written (false for a dry run and for a refused file).
    pub applied: bool,
    /// Data rows read, over all sheets.
    pub rows: u64,
    /// Per entity the file touches, e.g. `{"person": {"created": 3, ...}}`.
    pub counts: BTreeMap<Entity, Counts>,
    pub errors: u64,
    pub warnings: u64,
    /// The first [`REPORTED_ISSUES`] issues, in sheet and row order.
    pub issues: Vec<Issue>,
}

impl Report {
    /// The counts of `entity`, to add to.
    pub fn counts_mut(&mut self, entity: Entity) -> &mut Counts {
        self.counts.entry(entity).or_default()
    }

    /// Takes in `all` the issues (already in sheet and row order): counted in full, the
    /// first ones kept.
    pub fn record_issues(&mut self, all: &[Issue]) {
        for issue in all {
            match issue.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
        }
        self.issues = all.iter().take(REPORTED_ISSUES).cloned().collect();
    }
}

/// Every issue as CSV (header first), for people to open in a spreadsheet. Values are
/// guarded against formulas like any export.
pub fn issues_csv(issues: &[Issue]) -> String {
    let mut out = String::from("severity,sheet,row,column,value,code,message\n");
    for issue in issues {
        let severity = match issue.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let fields = [
            severity.to_owned(),
            issue.sheet.clone(),
            issue.row.to_string(),
            issue.column.clone().unwrap_or_default(),
            issue.value.clone().unwrap_or_default(),
            issue.code.to_owned(),
            issue.message.clone(),
        ];
        let line: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn csv_field(text: &str) -> String {
    let guarded = super::formulas::neutralise(text);
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(severity: Severity, row: u32, value: &str) -> Issue {
        Issue {
            severity,
            sheet: "People".into(),
            row,
            column: Some("Email".into()),
            value: Some(value.into()),
            code: "invalid_email",
            message: "Not an email, \"really\".".into(),
        }
    }

    #[test]
    fn issues_are_counted_in_full_and_kept_in_part() {
        let all: Vec<Issue> = (2..2 + REPORTED_ISSUES as u32 + 10)
            .map(|row| issue(Severity::Error, row, "x"))
            .chain([issue(Severity::Warning, 9999, "y")])
            .collect();
        let mut report = Report::default();
        report.record_issues(&all);
        assert_eq!(
            (report.errors, report.warnings),
            (REPORTED_ISSUES as u64 + 10, 1)
        );
        assert_eq!(report.issues.len(), REPORTED_ISSUES);
        report.counts_mut(Entity::Person).created += 2;
        report.counts_mut(Entity::Person).created += 1;
        let people = Counts {
            created: 3,
            ..Counts::default()
        };
        assert_eq!(report.counts, BTreeMap::from([(Entity::Person, people)]));
    }

    #[test]
    fn the_csv_quotes_and_guards() {
        let csv = issues_csv(&[issue(Severity::Error, 3, "=cmd|' /C calc'!A0")]);
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("severity,sheet,row,column,value,code,message")
        );
        assert_eq!(
            lines.next(),
            Some(
                "error,People,3,Email,'=cmd|' /C calc'!A0,invalid_email,\"Not an email, \"\"really\"\".\""
            )
        );
    }
}
