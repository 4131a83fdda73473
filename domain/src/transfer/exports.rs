//! What an export is asked to write: the same two kinds of file an import reads (people,
//! or projects with their assignments and deliverables), as a workbook or a CSV, and the
//! name a downloaded file gets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::imports::ImportKind as ExportKind;

/// The file an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// An .xlsx workbook: every sheet of the kind, dates as real dates.
    #[default]
    Xlsx,
    /// One CSV file: the kind's first sheet only (People, or Projects).
    Csv,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Xlsx, ExportFormat::Csv];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
        }
    }

    /// The format named `name` (`xlsx` or `csv`, any case).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|format| format.as_str().eq_ignore_ascii_case(name.trim()))
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            ExportFormat::Csv => "text/csv; charset=utf-8",
        }
    }

    /// The format a file name's extension names.
    pub fn of_file(name: &str) -> Option<Self> {
        let (_, extension) = name.rsplit_once('.')?;
        Self::named(extension)
    }
}

/// The name of a `kind` export made on `day`, e.g. `people-2026-12-04.xlsx`.
pub fn file_name(kind: ExportKind, format: ExportFormat, day: NaiveDate) -> String {
    format!("{}-{day}.{}", kind.as_str(), format.as_str())
}

/// The name of the blank workbook of `kind`, e.g. `people-template.xlsx`.
pub fn template_name(kind: ExportKind) -> String {
    format!("{}-template.xlsx", kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_formats() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(
            file_name(ExportKind::Projects, ExportFormat::Csv, day),
            "projects-2026-12-04.csv"
        );
        assert_eq!(ExportFormat::named(" XLSX "), Some(ExportFormat::Xlsx));
        assert_eq!(ExportFormat::named("xls"), None);
        assert_eq!(ExportFormat::of_file("a.b.csv"), Some(ExportFormat::Csv));
        assert_eq!(ExportFormat::of_file("report"), None);
    }
}
