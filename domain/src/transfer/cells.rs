//! One cell of an imported sheet, and the checked values it can become. Readers (xlsx,
//! CSV) hand cells over as [`Cell`]; each field of a row asks for the type it needs and
//! gets the value or a [`CellError`] with a stable code for the import report.

use chrono::NaiveDate;

use super::dates::{self, DateError};
use super::formulas;
use super::limits::MAX_CELL_CHARS;
use crate::hours::Hours;

/// A cell as a reader hands it over.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or time cell, as Excel's serial day number.
    DateTime(f64),
    /// A cell holding a spreadsheet error such as `#DIV/0!`.
    Error(String),
}

/// Why a cell does not hold what its column needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub code: &'static str,
    pub message: String,
}

impl CellError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        CellError {
            code,
            message: message.into(),
        }
    }
}

impl From<DateError> for CellError {
    fn from(error: DateError) -> Self {
        CellError::new(error.code(), error.message())
    }
}

/// Longest value quoted in a report.
const QUOTED_CHARS: usize = 100;

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as a report quotes it (shortened).
    pub fn quoted(&self) -> String {
        let full = match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(number) | Cell::DateTime(number) => number.to_string(),
            Cell::Bool(value) => value.to_string(),
            Cell::Error(error) => error.clone(),
        };
        match full.char_indices().nth(QUOTED_CHARS) {
            Some((end, _)) => format!("{}…", &full[..end]),
            None => full,
        }
    }

    fn refuse_error(&self) -> Result<(), CellError> {
        match self {
            Cell::Error(error) => Err(CellError::new(
                "cell_error",
                format!("The cell holds the spreadsheet error {error}."),
            )),
            _ => Ok(()),
        }
    }

    /// Trimmed text (a number is written as a person would), or `None` when empty. Text
    /// longer than a spreadsheet allows is refused; an export's formula guard is removed.
    pub fn text(&self) -> Result<Option<String>, CellError> {
        let text = match self {
            Cell::Empty => return Ok(None),
            Cell::Text(text) => formulas::restore(text.trim()).to_owned(),
            Cell::Number(number) => number_text(*number)?,
            Cell::Bool(value) => value.to_string(),
            Cell::DateTime(serial) => dates::from_serial(*serial)?.to_string(),
            Cell::Error(_) => return self.refuse_error().map(|()| None),
        };
        if text.chars().count() > MAX_CELL_CHARS {
            return Err(CellError::new(
                "cell_too_long",
                format!("A cell may hold at most {MAX_CELL_CHARS} characters."),
            ));
        }
        Ok((!text.is_empty()).then_some(text))
    }

    /// A finite number, from a number cell or numeric text.
    pub fn number(&self) -> Result<Option<f64>, CellError> {
        self.refuse_error()?;
        let value = match self {
            Cell::Number(number) => *number,
            Cell::Text(text) if text.trim().is_empty() => return Ok(None),
            Cell::Text(text) => text
                .trim()
                .parse::<f64>()
                .map_err(|_| CellError::new("not_a_number", "This must be a number."))?,
            Cell::Empty => return Ok(None),
            _ => return Err(CellError::new("not_a_number", "This must be a number.")),
        };
        if !value.is_finite() {
            return Err(CellError::new("not_finite", "The number must be finite."));
        }
        Ok(Some(value))
    }

    /// Weekly hours: 0 ..= 168 with at most two decimals.
    pub fn hours(&self) -> Result<Option<Hours>, CellError> {
        let Some(value) = self.number()? else {
            return Ok(None);
        };
        Hours::from_f64(value)
            .map(Some)
            .map_err(|error| CellError::new(error.code(), error.message()))
    }

    /// A whole number.
    pub fn integer(&self) -> Result<Option<i64>, CellError> {
        let Some(value) = self.number()? else {
            return Ok(None);
        };
        if value.fract() != 0.0 || value.abs() > 9.0e15 {
            return Err(CellError::new(
                "not_an_integer",
                "This must be a whole number.",
            ));
        }
        Ok(Some(value as i64))
    }

    /// Yes or no: true/false, yes/no, y/n, 1/0, x (and a checkbox cell).
    pub fn boolean(&self) -> Result<Option<bool>, CellError> {
        self.refuse_error()?;
        let refused = || CellError::new("not_yes_or_no", "Write yes or no (or true/false).");
        match self {
            Cell::Empty => Ok(None),
            Cell::Bool(value) => Ok(Some(*value)),
            Cell::Number(n) if *n == 1.0 => Ok(Some(true)),
            Cell::Number(n) if *n == 0.0 => Ok(Some(false)),
            Cell::Text(text) => match text.trim().to_lowercase().as_str() {
                "" => Ok(None),
                "true" | "yes" | "y" | "1" | "x" | "active" => Ok(Some(true)),
                "false" | "no" | "n" | "0" | "inactive" => Ok(Some(false)),
                _ => Err(refused()),
            },
            _ => Err(refused()),
        }
    }

    /// A date: a date cell, Excel's serial number, or text in an unambiguous form.
    pub fn date(&self) -> Result<Option<NaiveDate>, CellError> {
        self.refuse_error()?;
        match self {
            Cell::Empty => Ok(None),
            Cell::DateTime(serial) | Cell::Number(serial) => Ok(Some(dates::from_serial(*serial)?)),
            Cell::Text(text) if text.trim().is_empty() => Ok(None),
            Cell::Text(text) => Ok(Some(dates::parse(text)?)),
            _ => Err(DateError::Unreadable.into()),
        }
    }
}

/// A number as a person writes it: `12`, not `12.0`; refused when not finite.
fn number_text(number: f64) -> Result<String, CellError> {
    if !number.is_finite() {
        return Err(CellError::new("not_finite", "The number must be finite."));
    }
    if number.fract() == 0.0 && number.abs() < 1e15 {
        Ok(format!("{}", number as i64))
    } else {
        Ok(number.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Cell {
        Cell::Text(value.to_owned())
    }

    #[test]
    fn numbers_must_be_finite() {
        assert_eq!(Cell::Number(36.5).number(), Ok(Some(36.5)));
        assert_eq!(text(" 40 ").number(), Ok(Some(40.0)));
        for bad in [
            text("NaN"),
            text("inf"),
            text("-infinity"),
            text("1e309"),
            Cell::Number(f64::NAN),
        ] {
            assert_eq!(bad.number().unwrap_err().code, "not_finite", "{bad:?}");
        }
        assert_eq!(text("forty").number().unwrap_err().code, "not_a_number");
        assert_eq!(
            Cell::Error("#DIV/0!".into()).number().unwrap_err().code,
            "cell_error"
        );
        assert_eq!(Cell::Empty.number(), Ok(None));
    }

    #[test]
    fn hours_follow_the_domain_rules() {
        assert_eq!(
            Cell::Number(8.25).hours().unwrap().unwrap().centihours(),
            825
        );
        assert_eq!(
            Cell::Number(169.0).hours().unwrap_err().code,
            "hours_out_of_range"
        );
        assert_eq!(
            Cell::Number(-1.0).hours().unwrap_err().code,
            "hours_out_of_range"
        );
        assert_eq!(
            Cell::Number(1.005).hours().unwrap_err().code,
            "hours_too_precise"
        );
    }

    #[test]
    fn text_is_trimmed_bounded_and_unguarded() {
        assert_eq!(text("  Ann  ").text(), Ok(Some("Ann".into())));
        assert_eq!(Cell::Number(12.0).text(), Ok(Some("12".into())));
        assert_eq!(text("'=1+1").text(), Ok(Some("=1+1".into())));
        assert_eq!(text("   ").text(), Ok(None));
        let long = "x".repeat(MAX_CELL_CHARS + 1);
        assert_eq!(text(&long).text().unwrap_err().code, "cell_too_long");
        assert!(text(&long).quoted().chars().count() <= 101);
    }

    #[test]
    fn booleans_and_dates_read_common_forms() {
        assert_eq!(text("Yes").boolean(), Ok(Some(true)));
        assert_eq!(Cell::Number(0.0).boolean(), Ok(Some(false)));
        assert_eq!(text("maybe").boolean().unwrap_err().code, "not_yes_or_no");
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(Cell::DateTime(46_360.0).date(), Ok(Some(day)));
        assert_eq!(text("2026-12-04").date(), Ok(Some(day)));
        assert_eq!(
            text("03/04/2026").date().unwrap_err().code,
            "ambiguous_date"
        );
        assert_eq!(
            Cell::Number(12.5).integer().unwrap_err().code,
            "not_an_integer"
        );
    }
}
