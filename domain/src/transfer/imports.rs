//! What an import is asked to do: which kind of rows the file holds, and how it runs.
//! The api, the job payload, the worker and the CLI all speak these types.

use serde::{Deserialize, Serialize};

/// What a file imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    People,
    Projects,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::People => "people",
            ImportKind::Projects => "projects",
        }
    }
}

/// How an import runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    /// Report what would happen and write nothing.
    pub dry_run: bool,
    /// Rows that match stored rows update them (otherwise they are skipped).
    pub update_existing: bool,
    /// Rows with errors are left out and the rest imported (otherwise one bad row stops
    /// the whole file).
    pub skip_bad_rows: bool,
}
