//! Dates in spreadsheets: ISO text (`2026-12-04`, `2026/12/04`, with or without a time),
//! day-first dotted text (`04.12.2026`), month names (`4 Dec 2026`, `December 4, 2026`),
//! slashed text only where it cannot be misread (`25/12/2026` or `12/25/2026`, never
//! `03/04/2026`), and Excel's serial day numbers. Anything else is refused rather than
//! guessed.

use chrono::{Datelike, Days, NaiveDate};

/// Serial day numbers Excel uses (1900 date system): 1 is 1900-01-01, 2958465 is
/// 9999-12-31. Numbers are taken as serials only from 1900-03-01 (serial 61) on, past
/// Excel's phantom 1900-02-29.
const FIRST_SERIAL: f64 = 61.0;
const LAST_SERIAL: f64 = 2_958_465.0;

/// Why a value is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in any form we read.
    Unreadable,
    /// Day and month could each be the other (`03/04/2026`).
    Ambiguous,
}

impl DateError {
    pub fn code(self) -> &'static str {
        match self {
            DateError::Unreadable => "invalid_date",
            DateError::Ambiguous => "ambiguous_date",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            DateError::Unreadable => "This is not a date. Write it as YYYY-MM-DD.",
            DateError::Ambiguous => {
                "Day and month could be read either way. Write the date as YYYY-MM-DD."
            }
        }
    }
}

/// The date of an Excel serial day number (its time of day ignored).
pub fn from_serial(serial: f64) -> Result<NaiveDate, DateError> {
    if !serial.is_finite() || !(FIRST_SERIAL..=LAST_SERIAL).contains(&serial) {
        return Err(DateError::Unreadable);
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).ok_or(DateError::Unreadable)?;
    epoch
        .checked_add_days(Days::new(serial.floor() as u64))
        .ok_or(DateError::Unreadable)
}

/// The date `text` names.
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    // ISO with a time part: keep the date.
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    // Year first only with all four digits of the year: `1/2/26` is no year 1.
    let year_first =
        date_part.len() >= 8 && date_part.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    for format in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let (true, Ok(date)) = (year_first, NaiveDate::parse_from_str(date_part, format)) {
            return Ok(date);
        }
    }
    for format in [
        "%d.%m.%Y",
        "%d %b %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%B %d, %Y",
        "%b %d %Y",
        "%B %d %Y",
    ] {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return Ok(date);
        }
    }
    slashed(text)
}

/// `a/b/yyyy` read as day/month or month/day only when one of them cannot be a month.
fn slashed(text: &str) -> Result<NaiveDate, DateError> {
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    let [a, b, year] = parts.as_slice() else {
        return Err(DateError::Unreadable);
    };
    let (Ok(a), Ok(b), Ok(year)) = (a.parse::<u32>(), b.parse::<u32>(), year.parse::<i32>()) else {
        return Err(DateError::Unreadable);
    };
    if year < 1000 {
        return Err(DateError::Unreadable);
    }
    let (day, month) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        (false, false) if a == b => (a, b),
        (false, false) => return Err(DateError::Ambiguous),
        (true, true) => return Err(DateError::Unreadable),
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Unreadable)
}

/// Whether `date` is a Sunday (a week key).
pub fn is_sunday(date: NaiveDate) -> bool {
    date.weekday() == chrono::Weekday::Sun
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn unambiguous_forms_are_read() {
        let day = ymd(2026, 12, 4);
        for text in [
            "2026-12-04",
            "2026/12/04",
            "2026-12-04T10:30:00Z",
            "2026-12-04 10:30",
            "04.12.2026",
            "4 Dec 2026",
            "4 December 2026",
            "Dec 4, 2026",
            "December 4, 2026",
        ] {
            assert_eq!(parse(text), Ok(day), "{text}");
        }
        assert_eq!(parse("25/12/2026"), Ok(ymd(2026, 12, 25)));
        assert_eq!(parse("12/25/2026"), Ok(ymd(2026, 12, 25)));
        assert_eq!(parse("05/05/2026"), Ok(ymd(2026, 5, 5)));
    }

    #[test]
    fn ambiguous_and_unreadable_dates_are_refused() {
        assert_eq!(parse("03/04/2026"), Err(DateError::Ambiguous));
        assert_eq!(parse("tomorrow"), Err(DateError::Unreadable));
        assert_eq!(parse("2026-02-30"), Err(DateError::Unreadable));
        assert_eq!(parse("32/13/2026"), Err(DateError::Unreadable));
        assert_eq!(parse("1/2/26"), Err(DateError::Unreadable));
        assert_eq!(parse("ééé-01-01"), Err(DateError::Unreadable));
    }

    #[test]
    fn serial_numbers_are_excel_days() {
        assert_eq!(from_serial(46_360.0), Ok(ymd(2026, 12, 4)));
        assert_eq!(from_serial(46_360.75), Ok(ymd(2026, 12, 4)));
        assert_eq!(from_serial(f64::NAN), Err(DateError::Unreadable));
        assert_eq!(from_serial(f64::INFINITY), Err(DateError::Unreadable));
        assert_eq!(from_serial(3.0), Err(DateError::Unreadable));
        assert!(is_sunday(ymd(2026, 11, 29)));
    }
}
