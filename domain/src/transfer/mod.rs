//! Spreadsheets in and out: the rules every import and export follows, free of IO. What a
//! file may hold ([`limits`]), which sheets and columns the system reads and writes
//! ([`columns`]), how a cell becomes a checked value ([`cells`], [`dates`]), what an import
//! reports ([`report`]), and how text is kept from running as a formula when a spreadsheet
//! opens an export ([`formulas`]).

pub mod cells;
pub mod columns;
pub mod dates;
pub mod exports;
pub mod formulas;
pub mod imports;
pub mod limits;
pub mod report;
