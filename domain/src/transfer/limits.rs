//! The ceilings a spreadsheet must stay under before and while it is read, in one place
//! (the production guide's "adjustable helper"). Every check of an upload reads these
//! names; changing a limit is changing a number here.

/// Sheets in one workbook.
pub const MAX_SHEETS: usize = 10;

/// Rows in one sheet (a CSV is one sheet), the header row included.
pub const MAX_ROWS_PER_SHEET: u32 = 100_000;

/// Cells holding a value, over the whole file, counted as they are read (never taken from
/// the file's own `<dimension>`, which can lie).
pub const MAX_CELLS: u64 = 5_000_000;

/// Characters in one cell: Excel's own limit, so nothing an honest spreadsheet wrote is
/// refused.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Columns in one row (Excel's own limit, XFD).
pub const MAX_COLUMNS: u32 = 16_384;

/// Entries in the zip container of an .xlsx (a real workbook has a few dozen).
pub const MAX_ZIP_ENTRIES: usize = 1_000;

/// Uncompressed bytes of one worksheet part, as declared by the file (the reader refuses
/// to inflate past the declared size, so the declaration binds). A sheet of 100,000 rows
/// of a dozen columns takes a few dozen megabytes; this leaves room for wide sheets.
pub const MAX_SHEET_BYTES: u64 = 400 * 1024 * 1024;

/// Uncompressed bytes of any other part (styles, relationships, the workbook itself),
/// which the reader parses whole: a few kilobytes in a real workbook.
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;

/// Uncompressed bytes of the shared-strings part, which the reader holds in memory whole.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 100 * 1024 * 1024;

/// Uncompressed bytes of all zip entries together.
pub const MAX_UNCOMPRESSED_BYTES: u64 = 600 * 1024 * 1024;

/// How much larger an entry may be uncompressed than compressed. Spreadsheet XML
/// compresses 10-50x; zip bombs compress hundreds to thousands of times.
pub const MAX_COMPRESSION_RATIO: u64 = 200;

/// Entries smaller than this are not judged by their ratio (a tiny file of repeated
/// characters compresses well and harms nobody).
pub const RATIO_FREE_BYTES: u64 = 1024 * 1024;

/// Bytes of one CSV line: far beyond any honest row, short enough to hold in memory.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Bytes of a CSV file read to tell its encoding and separator.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Seconds reading one file may take. An honest 100,000-row workbook reads in about a
/// second; a reader still going after this long is stuck on a hostile file, and is told
/// to stop while the job ends with `read_timeout`.
pub const MAX_READ_SECONDS: u64 = 300;
