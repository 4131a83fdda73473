//! Week keys: the Sunday that names a planning week, and the only way to make one. Owns
//! the `YYYY-MM-DD` wire form, the sane window of accepted weeks and week arithmetic, so
//! the API, imports and aggregations all agree on what a week is.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// The first week accepted anywhere (a Sunday).
pub const FIRST_WEEK: NaiveDate = ymd(2000, 1, 2);

/// The last week accepted anywhere (a Sunday).
pub const LAST_WEEK: NaiveDate = ymd(2100, 12, 26);

const DAYS_PER_WEEK: i64 = 7;

/// Longest piece of a rejected key quoted back in a message: keys come from clients, and a
/// message should stay readable however long the input was.
const MAX_QUOTED_KEY_CHARS: usize = 40;

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid constant date"),
    }
}

/// A planning week, named by its Sunday. Always a Sunday within
/// [`FIRST_WEEK`] ..= [`LAST_WEEK`], so code holding a `Week` never re-checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week(NaiveDate);

/// Why a text or date is not a week key. Each variant carries the offending key so the
/// message can name it, as the API contract asks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub enum WeekError {
    /// Not exactly `YYYY-MM-DD`, or not a real calendar date (`2026-02-30`).
    InvalidDate { key: String },
    /// A real date, but not a Sunday.
    NotSunday { key: String, sunday: NaiveDate },
    /// Outside the sane window.
    OutOfRange { key: String },
}

impl WeekError {
    /// The stable code used in problem+json bodies.
    pub fn code(&self) -> &'static str {
        match self {
            WeekError::InvalidDate { .. } => "week_invalid_date",
            WeekError::NotSunday { .. } => "week_not_sunday",
            WeekError::OutOfRange { .. } => "week_out_of_range",
        }
    }

    /// The key that was refused, exactly as given.
    pub fn key(&self) -> &str {
        match self {
            WeekError::InvalidDate { key }
            | WeekError::NotSunday { key, .. }
            | WeekError::OutOfRange { key } => key,
        }
    }

    /// A sentence for people, naming the key.
    pub fn message(&self) -> String {
        let key = quote_key(self.key());
        match self {
            WeekError::InvalidDate { .. } => {
                format!("Week {key} is not a real date in the form YYYY-MM-DD.")
            }
            WeekError::NotSunday { sunday, .. } => {
                format!("Week {key} is not a Sunday; weeks are named by their Sunday ({sunday}).")
            }
            WeekError::OutOfRange { .. } => {
                format!("Week {key} is outside the supported range {FIRST_WEEK} to {LAST_WEEK}.")
            }
        }
    }
}

/// Quotes a client-supplied key for a message, cut short when it is long.
pub(crate) fn quote_key(key: &str) -> String {
    if key.chars().count() <= MAX_QUOTED_KEY_CHARS {
        return format!("\"{key}\"");
    }
    let head: String = key.chars().take(MAX_QUOTED_KEY_CHARS).collect();
    format!("\"{head}...\"")
}

impl Week {
    /// The first week of the window.
    pub const FIRST: Week = Week(FIRST_WEEK);

    /// The last week of the window.
    pub const LAST: Week = Week(LAST_WEEK);

    /// Parses a week key. Only `YYYY-MM-DD` is accepted (no whitespace, no other date
    /// forms): each week has exactly one spelling, so two keys in one map can never name
    /// the same week and be merged silently.
    pub fn parse(key: &str) -> Result<Week, WeekError> {
        let date = parse_iso_date(key).ok_or_else(|| WeekError::InvalidDate {
            key: key.to_owned(),
        })?;
        // The window is checked first: for a date far outside it, "not a Sunday" would
        // send the client off fixing the wrong thing.
        if !(FIRST_WEEK..=LAST_WEEK).contains(&date) {
            return Err(WeekError::OutOfRange {
                key: key.to_owned(),
            });
        }
        if date.weekday().num_days_from_sunday() != 0 {
            return Err(WeekError::NotSunday {
                key: key.to_owned(),
                sunday: sunday_on_or_before(date),
            });
        }
        Ok(Week(date))
    }

    /// The week a stored Sunday names, checked like a key (a date that is not a Sunday in
    /// the window is an error, never moved).
    pub fn from_sunday(date: NaiveDate) -> Result<Week, WeekError> {
        Week::parse(&date.format("%Y-%m-%d").to_string())
    }

    /// The week that contains `date`: its Sunday on or before it. Imports use this to move
    /// any date to its week (and must say so); dates whose Sunday falls outside the window
    /// are refused rather than clamped.
    pub fn containing(date: NaiveDate) -> Result<Week, WeekError> {
        let last_day = LAST_WEEK + Days::new(6);
        if !(FIRST_WEEK..=last_day).contains(&date) {
            return Err(WeekError::OutOfRange {
                key: date.to_string(),
            });
        }
        Ok(Week(sunday_on_or_before(date)))
    }

    /// The week aggregation windows start from. `today` is the caller's UTC date, passed
    /// in because this crate never reads the clock.
    pub fn current(today: NaiveDate) -> Result<Week, WeekError> {
        Week::containing(today)
    }

    /// The week `weeks` weeks later (earlier when negative), or `None` outside the window.
    pub fn plus_weeks(self, weeks: i64) -> Option<Week> {
        let index = self.index().checked_add(weeks)?;
        if !(0..=Week::LAST.index()).contains(&index) {
            return None;
        }
        let days = u64::try_from(index * DAYS_PER_WEEK).ok()?;
        Some(Week(FIRST_WEEK + Days::new(days)))
    }

    /// Whole weeks from `from` to `to`: positive when `to` is later.
    pub fn weeks_between(from: Week, to: Week) -> i64 {
        to.index() - from.index()
    }

    /// `count` consecutive weeks from `start`, ending early at the window's last week.
    pub fn range(start: Week, count: usize) -> impl Iterator<Item = Week> {
        (0_i64..)
            .take(count)
            .map_while(move |offset| start.plus_weeks(offset))
    }

    /// The Sunday itself.
    pub fn as_date(self) -> NaiveDate {
        self.0
    }

    /// Position in the window, 0 for the first week; every week fits easily in an i64.
    fn index(self) -> i64 {
        self.0.signed_duration_since(FIRST_WEEK).num_days() / DAYS_PER_WEEK
    }
}

/// The Sunday on or before `date`. Only called with dates inside the window (or a week
/// after it), so the subtraction cannot leave chrono's range.
fn sunday_on_or_before(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_sunday()))
}

/// Parses exactly four digits, dash, two digits, dash, two digits; `None` for anything
/// else, including dates that do not exist.
fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, byte)| match i {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    // All ten bytes are ASCII, so these slices are on character boundaries.
    let year = text[0..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

impl Week {
    /// The key as ASCII bytes, `YYYY-MM-DD`. Written digit by digit because the grids
    /// print hundreds of thousands of keys per response, and general date formatting
    /// showed in their timings; every week lies in years 2000..=2100, so four digits.
    fn key(&self) -> WeekKey {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (year, month, day) = (self.0.year().unsigned_abs(), self.0.month(), self.0.day());
        WeekKey([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }
}

/// A week's key on the stack: ten ASCII bytes.
struct WeekKey([u8; 10]);

impl WeekKey {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key().as_str())
    }
}

impl FromStr for Week {
    type Err = WeekError;

    fn from_str(key: &str) -> Result<Self, Self::Err> {
        Week::parse(key)
    }
}

impl Serialize for Week {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key().as_str())
    }
}

impl<'de> Deserialize<'de> for Week {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        Week::parse(&key).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(key: &str) -> Week {
        Week::parse(key).expect("valid week")
    }

    fn code(key: &str) -> &'static str {
        Week::parse(key).expect_err("should be refused").code()
    }

    #[test]
    fn window_ends_are_sundays() {
        assert_eq!(FIRST_WEEK.weekday(), chrono::Weekday::Sun);
        assert_eq!(LAST_WEEK.weekday(), chrono::Weekday::Sun);
        assert_eq!(week("2000-01-02"), Week::FIRST);
        assert_eq!(week("2100-12-26"), Week::LAST);
    }

    #[test]
    fn parses_sundays_only_in_exact_form() {
        assert_eq!(week("2026-11-22").as_date(), ymd(2026, 11, 22));
        for bad in [
            "",
            "2026-11-2",
            "2026-1-22",
            "26-11-22",
            "2026/11/22",
            " 2026-11-22",
            "2026-11-22 ",
            "2026-11-22T00:00",
            "+2026-11-22",
            "2026-11-22\n",
            "２０２６-11-22",
            "abcd-ef-gh",
            "2026-13-01",
            "2026-00-10",
            "2026-02-30",
            "2025-02-29",
        ] {
            assert_eq!(code(bad), "week_invalid_date", "{bad:?}");
        }
        assert_eq!(code("2026-11-23"), "week_not_sunday");
        assert_eq!(code("2028-02-29"), "week_not_sunday");
        assert_eq!(week("2032-02-29").as_date(), ymd(2032, 2, 29));
    }

    #[test]
    fn refuses_weeks_outside_the_window() {
        assert_eq!(code("1999-12-26"), "week_out_of_range");
        assert_eq!(code("2101-01-02"), "week_out_of_range");
        assert_eq!(code("0000-01-02"), "week_out_of_range");
        assert_eq!(code("9999-12-26"), "week_out_of_range");
        // Far outside and not a Sunday: the range is what needs fixing.
        assert_eq!(code("1999-12-27"), "week_out_of_range");
    }

    #[test]
    fn messages_name_the_key() {
        let error = Week::parse("2026-11-23").unwrap_err();
        assert!(error.message().contains("\"2026-11-23\""));
        assert!(error.message().contains("2026-11-22"));
        assert_eq!(error.key(), "2026-11-23");
        assert_eq!(error.to_string(), error.message());
        assert!(
            Week::parse("1999-12-26")
                .unwrap_err()
                .message()
                .contains("2000-01-02")
        );
        let long = "x".repeat(1000);
        assert!(Week::parse(&long).unwrap_err().message().len() < 120);
    }

    #[test]
    fn containing_moves_to_the_sunday() {
        let sunday = week("2026-11-22");
        for day in 22..=28 {
            assert_eq!(Week::containing(ymd(2026, 11, day)), Ok(sunday));
        }
        assert_eq!(Week::containing(ymd(2026, 11, 29)), Ok(week("2026-11-29")));
        assert_eq!(Week::current(ymd(2026, 11, 25)), Ok(sunday));
        assert_eq!(Week::containing(ymd(2101, 1, 1)), Ok(Week::LAST));
        let refused = Week::containing(ymd(2000, 1, 1)).unwrap_err();
        assert_eq!(refused.code(), "week_out_of_range");
        assert_eq!(refused.key(), "2000-01-01");
        assert!(Week::containing(ymd(2101, 1, 2)).is_err());
        assert!(Week::containing(NaiveDate::MIN).is_err());
        assert!(Week::containing(NaiveDate::MAX).is_err());
    }

    #[test]
    fn arithmetic_stays_in_the_window() {
        let start = week("2026-11-22");
        assert_eq!(start.plus_weeks(1), Some(week("2026-11-29")));
        assert_eq!(start.plus_weeks(-46), Some(week("2026-01-04")));
        assert_eq!(start.plus_weeks(0), Some(start));
        assert_eq!(Week::LAST.plus_weeks(1), None);
        assert_eq!(Week::FIRST.plus_weeks(-1), None);
        assert_eq!(start.plus_weeks(i64::MAX), None);
        assert_eq!(start.plus_weeks(i64::MIN), None);
        assert_eq!(Week::weeks_between(start, week("2026-11-29")), 1);
        assert_eq!(Week::weeks_between(week("2026-11-29"), start), -1);
        assert_eq!(Week::weeks_between(Week::FIRST, Week::LAST), 5269);
    }

    #[test]
    fn ranges_step_by_week_and_stop_at_the_end() {
        let start = week("2026-12-20");
        let keys: Vec<String> = Week::range(start, 3).map(|w| w.to_string()).collect();
        assert_eq!(keys, ["2026-12-20", "2026-12-27", "2027-01-03"]);
        assert_eq!(Week::range(start, 0).count(), 0);
        assert_eq!(Week::range(Week::LAST, 5).collect::<Vec<_>>(), [Week::LAST]);
    }

    #[test]
    fn serializes_as_the_key_and_validates_when_read() {
        let start = week("2026-11-22");
        assert_eq!(serde_json::to_string(&start).unwrap(), "\"2026-11-22\"");
        assert_eq!(
            serde_json::from_str::<Week>("\"2026-11-22\"").unwrap(),
            start
        );
        let refused = serde_json::from_str::<Week>("\"2026-11-23\"").unwrap_err();
        assert!(refused.to_string().contains("not a Sunday"));
        assert!(serde_json::from_str::<Week>("20261122").is_err());
        assert_eq!("2026-11-22".parse::<Week>(), Ok(start));
    }
}
