//! Reading a CSV: decoded to UTF-8 as it streams (Windows-1252 and UTF-16 included, the
//! byte-order mark dropped), its separator told from the header line (comma, semicolon or
//! tab), each record handed over as a row of text cells, under the same row and cell
//! limits as a workbook. A line longer than any honest spreadsheet row is refused before
//! it fills memory.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::Ordering;

use encoding_rs::{Decoder, Encoding, UTF_8};
use wt_domain::transfer::cells::Cell;
use wt_domain::transfer::limits::{MAX_COLUMNS, MAX_LINE_BYTES, SNIFF_BYTES};

use super::counting::{Counting, percent_of};
use super::{Budget, Progress, Row, SheetChooser, Visitor, check_row};
use crate::refusal::Refusal;

/// The name a CSV's one sheet goes by in reports.
pub const SHEET_NAME: &str = "CSV";

fn unreadable(error: impl std::fmt::Display) -> Refusal {
    tracing::debug!(%error, "CSV unreadable");
    Refusal::new("invalid_csv", "The CSV file could not be read.")
}

pub(super) fn read(
    path: &Path,
    encoding: &'static Encoding,
    bom: usize,
    choose: SheetChooser<'_>,
    visitor: &mut dyn Visitor,
    progress: &Progress,
    budget: &mut Budget,
) -> Result<(), Refusal> {
    let Some((_, kind)) = choose(&[SHEET_NAME.to_owned()]).into_iter().next() else {
        return Ok(());
    };
    let mut file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    let separator = sniff_separator(&mut file, encoding, bom)?;
    file.seek(SeekFrom::Start(bom as u64)).map_err(unreadable)?;
    let (counted, position) = Counting::new(BufReader::new(file));
    let text = LineBounded::new(Decoding::new(counted, encoding));
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text);
    let mut record = csv::StringRecord::new();
    let mut number: u32 = 0;
    loop {
        match records.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => return Err(record_error(error, number + 1)),
        }
        number += 1;
        check_row(SHEET_NAME, number)?;
        let width = record.len().min(MAX_COLUMNS as usize);
        budget.spend(width as u64)?;
        let cells = record
            .iter()
            .take(width)
            .map(|field| Cell::Text(field.to_owned()))
            .collect();
        if visitor
            .row(kind, SHEET_NAME, Row { number, cells })
            .is_break()
        {
            break;
        }
        if number.is_multiple_of(1000) {
            let percent = percent_of(position.load(Ordering::Relaxed), 0, size);
            progress.fetch_max(percent, Ordering::Relaxed);
        }
    }
    progress.fetch_max(100, Ordering::Relaxed);
    Ok(())
}

fn record_error(error: csv::Error, row: u32) -> Refusal {
    let line_too_long =
        matches!(error.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::InvalidData);
    if line_too_long {
        return Refusal::new(
            "csv_line_too_long",
            format!("Row {row} of the CSV is longer than {MAX_LINE_BYTES} bytes."),
        );
    }
    if let csv::ErrorKind::Utf8 { .. } = error.kind() {
        return Refusal::new(
            "unsupported_encoding",
            format!(
                "Row {row} of the CSV is not valid text in its encoding. Save it as CSV UTF-8."
            ),
        );
    }
    unreadable(error)
}

/// The separator of the header line: whichever of comma, semicolon and tab it uses most
/// (a comma when it uses none).
fn sniff_separator(
    file: &mut File,
    encoding: &'static Encoding,
    bom: usize,
) -> Result<u8, Refusal> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    file.seek(SeekFrom::Start(bom as u64)).map_err(unreadable)?;
    file.take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    let (text, _) = encoding.decode_without_bom_handling(&head);
    let header = text.lines().next().unwrap_or("");
    let count = |separator: char| header.matches(separator).count();
    let best = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|separator| count(char::from(*separator)))
        .unwrap_or(b',');
    Ok(if count(char::from(best)) == 0 {
        b','
    } else {
        best
    })
}

/// Decodes a byte stream to UTF-8 as it is read (UTF-8 passes straight through).
struct Decoding<R> {
    inner: R,
    decoder: Option<Decoder>,
    raw: Vec<u8>,
    utf8: Vec<u8>,
    at: usize,
    done: bool,
}

impl<R: Read> Decoding<R> {
    fn new(inner: R, encoding: &'static Encoding) -> Self {
        Decoding {
            inner,
            decoder: (encoding != UTF_8).then(|| encoding.new_decoder_without_bom_handling()),
            raw: vec![0; 64 * 1024],
            utf8: Vec::new(),
            at: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let Some(decoder) = self.decoder.as_mut() else {
            return self.inner.read(out);
        };
        while self.at == self.utf8.len() && !self.done {
            let count = self.inner.read(&mut self.raw)?;
            self.done = count == 0;
            let capacity = decoder
                .max_utf8_buffer_length(count)
                .ok_or_else(|| io::Error::other("a CSV chunk too large to decode"))?;
            self.utf8.clear();
            self.utf8.resize(capacity, 0);
            let (_, _, written, _) =
                decoder.decode_to_utf8(&self.raw[..count], &mut self.utf8, self.done);
            self.utf8.truncate(written);
            self.at = 0;
        }
        let count = out.len().min(self.utf8.len() - self.at);
        out[..count].copy_from_slice(&self.utf8[self.at..self.at + count]);
        self.at += count;
        Ok(count)
    }
}

/// Refuses a line longer than [`MAX_LINE_BYTES`] before the CSV parser buffers it.
struct LineBounded<R> {
    inner: R,
    since_newline: usize,
}

impl<R> LineBounded<R> {
    fn new(inner: R) -> Self {
        LineBounded {
            inner,
            since_newline: 0,
        }
    }
}

impl<R: Read> Read for LineBounded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(out)?;
        for byte in &out[..count] {
            self.since_newline = if *byte == b'\n' {
                0
            } else {
                self.since_newline + 1
            };
            if self.since_newline > MAX_LINE_BYTES {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
            }
        }
        Ok(count)
    }
}
