//! Spreadsheets in and out of Workload Tracker, shared by the worker's import and export
//! jobs and the `wt-api import` / `export` commands, so both run the same code. Rules
//! (limits, columns, cell checks, the report) live in `wt_domain::transfer`; this crate
//! does the reading, writing and database work around them.

pub mod export;
pub mod files;
pub mod import;
pub mod inspect;
pub mod read;
pub mod refusal;
