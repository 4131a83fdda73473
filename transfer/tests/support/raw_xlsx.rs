//! Workbooks written part by part with the zip crate: cell and row XML for any reference,
//! and [`RawXlsx`], which streams each sheet's XML from the test into the zip, so a test
//! can say anything a file can (lying dimensions, `NaN` cells, macros).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

/// The column letters of `column` (0 is A, 16383 is XFD).
pub fn column_name(column: u32) -> String {
    let mut name = Vec::new();
    let mut rest = column + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        name.push(b'A' + digit as u8);
        rest = (rest - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap()
}

/// A cell reference such as `B7` (`row` counts from 1).
pub fn cell_ref(column: u32, row: u32) -> String {
    format!("{}{row}", column_name(column))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An inline text cell.
pub fn text_cell(column: u32, row: u32, text: &str) -> String {
    format!(
        r#"<c r="{}" t="inlineStr"><is><t>{}</t></is></c>"#,
        cell_ref(column, row),
        escape(text)
    )
}

/// A number cell holding `value` exactly as written (`NaN`, `inf` and `1e309` included).
pub fn number_cell(column: u32, row: u32, value: &str) -> String {
    format!(r#"<c r="{}"><v>{value}</v></c>"#, cell_ref(column, row))
}

/// A row of text cells from column A on.
pub fn text_row(row: u32, texts: &[&str]) -> String {
    let cells: String = (0..)
        .zip(texts)
        .map(|(column, text)| text_cell(column, row, text))
        .collect();
    format!(r#"<row r="{row}">{cells}</row>"#)
}

/// Writes the `<row>` elements of a sheet.
pub type Rows<'a> = &'a dyn Fn(&mut dyn Write) -> io::Result<()>;

const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

/// An .xlsx written part by part: each sheet's XML comes from the test as it is written
/// (streamed into the zip, so a sheet of millions of cells never sits in memory).
pub struct RawXlsx {
    zip: ZipWriter<BufWriter<File>>,
    sheets: Vec<String>,
    content_type: &'static str,
    level: i64,
}

/// The content type of an ordinary workbook.
pub const XLSX_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
/// The content type of a macro-enabled workbook (.xlsm).
pub const XLSM_MAIN: &str = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

impl RawXlsx {
    pub fn create(path: &Path) -> Self {
        RawXlsx {
            zip: ZipWriter::new(BufWriter::new(File::create(path).unwrap())),
            sheets: Vec::new(),
            content_type: XLSX_MAIN,
            level: 1,
        }
    }

    /// Deflates the parts written from now on at `level` (1, the fastest, unless told).
    pub fn compression(mut self, level: i64) -> Self {
        self.level = level;
        self
    }

    /// Declares the workbook as `content_type` in `[Content_Types].xml`.
    pub fn declared_as(mut self, content_type: &'static str) -> Self {
        self.content_type = content_type;
        self
    }

    /// Adds a sheet named `name` declaring `dimension` (when given), its rows from `rows`.
    pub fn sheet(mut self, name: &str, dimension: Option<&str>, rows: Rows<'_>) -> Self {
        self.sheets.push(name.to_owned());
        let part = format!("xl/worksheets/sheet{}.xml", self.sheets.len());
        self.zip.start_file(part, options(self.level)).unwrap();
        let dimension = dimension
            .map(|range| format!(r#"<dimension ref="{range}"/>"#))
            .unwrap_or_default();
        write!(self.zip, "{SHEET_START}{dimension}<sheetData>").unwrap();
        rows(&mut self.zip).unwrap();
        self.zip.write_all(b"</sheetData></worksheet>").unwrap();
        self
    }

    /// Adds a sheet of text rows.
    pub fn text_sheet(self, name: &str, rows: &[&[&str]]) -> Self {
        let write = |out: &mut dyn Write| -> io::Result<()> {
            for (number, texts) in (1..).zip(rows) {
                out.write_all(text_row(number, texts).as_bytes())?;
            }
            Ok(())
        };
        self.sheet(name, None, &write)
    }

    /// Adds any other part, as it is.
    pub fn part(mut self, name: &str, bytes: &[u8]) -> Self {
        self.zip.start_file(name, options(self.level)).unwrap();
        self.zip.write_all(bytes).unwrap();
        self
    }

    /// Writes the workbook, its relationships and content types, and closes the file.
    pub fn finish(mut self) {
        let sheets: String = (1..)
            .zip(&self.sheets)
            .map(|(n, name)| format!(r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#))
            .collect();
        let workbook = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>"#
        );
        let links: String = (1..=self.sheets.len())
            .map(|n| {
                format!(
                    r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
                )
            })
            .collect();
        let relationships = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{links}</Relationships>"#
        );
        let overrides: String = (1..=self.sheets.len())
            .map(|n| {
                format!(
                    r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
                )
            })
            .collect();
        let content_types = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{}"/>{overrides}</Types>"#,
            self.content_type
        );
        let package_links = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        self = self
            .part("xl/workbook.xml", workbook.as_bytes())
            .part("xl/_rels/workbook.xml.rels", relationships.as_bytes())
            .part("_rels/.rels", package_links.as_bytes())
            .part("[Content_Types].xml", content_types.as_bytes());
        self.zip.finish().unwrap().flush().unwrap();
    }
}

fn options(level: i64) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(level))
        .large_file(false)
}
