//! Where exported rows are written, on a blocking thread: an .xlsx workbook in
//! rust_xlsxwriter's constant-memory mode (each row goes to disk as the next begins, so a
//! whole company never sits in memory) or a CSV file. Rows arrive as [`Value`]s; every
//! text goes through the formula guard here, the one place text is written, and dates
//! are real dates in a workbook and ISO text in a CSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use wt_domain::transfer::exports::ExportFormat;
use wt_domain::transfer::formulas::neutralise;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Value {
    pub fn text(text: &str) -> Value {
        if text.is_empty() {
            Value::Empty
        } else {
            Value::Text(text.to_owned())
        }
    }

    pub fn optional_text(text: Option<&str>) -> Value {
        text.map_or(Value::Empty, Value::text)
    }

    /// Hundredths (of an hour) as the number a person reads.
    pub fn hundredths(value: i64) -> Value {
        Value::Number(value as f64 / 100.0)
    }

    pub fn integer(value: i64) -> Value {
        Value::Number(value as f64)
    }

    pub fn date(date: Option<NaiveDate>) -> Value {
        date.map_or(Value::Empty, Value::Date)
    }

    /// Yes or no, as the import reads it back.
    pub fn yes_no(value: bool) -> Value {
        Value::Text(if value { "yes" } else { "no" }.to_owned())
    }
}

/// What the producer sends the writer.
#[derive(Debug)]
pub enum Message {
    /// Starts a sheet with its header row.
    Sheet {
        name: &'static str,
        header: Vec<Value>,
    },
    Row(Vec<Value>),
}

/// Why the file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    #[error("writing the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing the file: {0}")]
    Io(#[from] std::io::Error),
}

/// A file being written.
pub trait Sink {
    fn sheet(&mut self, name: &str, header: &[Value]) -> Result<(), SinkError>;
    fn row(&mut self, cells: &[Value]) -> Result<(), SinkError>;
    fn finish(self: Box<Self>) -> Result<(), SinkError>;
}

/// A sink writing `format` to `path`; `constant_memory` streams workbook rows to disk.
pub fn open(
    format: ExportFormat,
    path: &Path,
    constant_memory: bool,
) -> Result<Box<dyn Sink>, SinkError> {
    Ok(match format {
        ExportFormat::Xlsx => Box::new(XlsxSink::new(path, constant_memory)),
        ExportFormat::Csv => Box::new(CsvSink::new(path)?),
    })
}

/// Writes every message `receive` yields into `sink`, then finishes the file.
pub fn drain(
    mut sink: Box<dyn Sink>,
    mut receive: impl FnMut() -> Option<Message>,
) -> Result<(), SinkError> {
    while let Some(message) = receive() {
        match message {
            Message::Sheet { name, header } => sink.sheet(name, &header)?,
            Message::Row(cells) => sink.row(&cells)?,
        }
    }
    sink.finish()
}

struct XlsxSink {
    book: Workbook,
    path: std::path::PathBuf,
    constant_memory: bool,
    /// The sheet being written (its index) and its next row.
    at: Option<(usize, u32)>,
    date: Format,
    header: Format,
}

impl XlsxSink {
    fn new(path: &Path, constant_memory: bool) -> Self {
        XlsxSink {
            book: Workbook::new(),
            path: path.to_path_buf(),
            constant_memory,
            at: None,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            header: Format::new().set_bold(),
        }
    }

    fn current(&mut self) -> Result<(&mut Worksheet, u32, &Format, &Format), SinkError> {
        let (index, row) = self.at.ok_or(XlsxError::UnknownWorksheetNameOrIndex(
            "no sheet started".to_owned(),
        ))?;
        let sheet = self.book.worksheet_from_index(index)?;
        Ok((sheet, row, &self.date, &self.header))
    }

    fn write(
        sheet: &mut Worksheet,
        row: u32,
        cells: &[Value],
        date: &Format,
        bold: Option<&Format>,
    ) -> Result<(), SinkError> {
        for (column, value) in cells.iter().enumerate() {
            let column = u16::try_from(column)
                .map_err(|_| XlsxError::ParameterError("too many columns".to_owned()))?;
            match (value, bold) {
                (Value::Empty, _) => {}
                (Value::Text(text), Some(bold)) => {
                    sheet.write_string_with_format(row, column, neutralise(text), bold)?;
                }
                (Value::Text(text), None) => {
                    sheet.write_string(row, column, neutralise(text))?;
                }
                (Value::Number(number), _) => {
                    sheet.write_number(row, column, *number)?;
                }
                (Value::Date(day), _) => {
                    let excel = ExcelDateTime::from_ymd(
                        u16::try_from(day.year()).unwrap_or(1900),
                        day.month() as u8,
                        day.day() as u8,
                    )?;
                    sheet.write_datetime_with_format(row, column, &excel, date)?;
                }
            }
        }
        Ok(())
    }
}

impl Sink for XlsxSink {
    fn sheet(&mut self, name: &str, header: &[Value]) -> Result<(), SinkError> {
        let sheet = if self.constant_memory {
            self.book.add_worksheet_with_constant_memory()?
        } else {
            self.book.add_worksheet()
        };
        sheet.set_name(name)?;
        sheet.set_freeze_panes(1, 0)?;
        for column in 0..u16::try_from(header.len()).unwrap_or(u16::MAX) {
            sheet.set_column_width(column, 14)?;
        }
        let index = self.book.worksheets().len() - 1;
        self.at = Some((index, 0));
        let (sheet, row, date, bold) = self.current()?;
        Self::write(sheet, row, header, date, Some(bold))?;
        self.at = Some((index, 1));
        Ok(())
    }

    fn row(&mut self, cells: &[Value]) -> Result<(), SinkError> {
        let (sheet, row, date, _) = self.current()?;
        Self::write(sheet, row, cells, date, None)?;
        if let Some((_, next)) = self.at.as_mut() {
            *next += 1;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), SinkError> {
        let path = self.path.clone();
        self.book.save(path)?;
        Ok(())
    }
}

/// A CSV of the first sheet only (a CSV holds one table); later sheets are left out.
struct CsvSink {
    writer: csv::Writer<BufWriter<File>>,
    sheets: usize,
}

impl CsvSink {
    fn new(path: &Path) -> Result<Self, SinkError> {
        let mut file = BufWriter::new(File::create(path)?);
        // The byte-order mark makes spreadsheet programs read the file as UTF-8.
        file.write_all("\u{feff}".as_bytes())?;
        Ok(CsvSink {
            writer: csv::Writer::from_writer(file),
            sheets: 0,
        })
    }

    fn record(&mut self, cells: &[Value]) -> Result<(), SinkError> {
        if self.sheets != 1 {
            return Ok(());
        }
        let fields = cells.iter().map(|value| match value {
            Value::Empty => String::new(),
            Value::Text(text) => neutralise(text).into_owned(),
            Value::Number(number) => number.to_string(),
            Value::Date(day) => day.to_string(),
        });
        self.writer.write_record(fields)?;
        Ok(())
    }
}

impl Sink for CsvSink {
    fn sheet(&mut self, _: &str, header: &[Value]) -> Result<(), SinkError> {
        self.sheets += 1;
        self.record(header)
    }

    fn row(&mut self, cells: &[Value]) -> Result<(), SinkError> {
        self.record(cells)
    }

    fn finish(self: Box<Self>) -> Result<(), SinkError> {
        let file = self
            .writer
            .into_inner()
            .map_err(|error| SinkError::Io(error.into_error()))?;
        file.into_inner()
            .map_err(|error| SinkError::Io(error.into_error()))?
            .sync_all()?;
        Ok(())
    }
}
