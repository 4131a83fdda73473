//! Planned hours: the checked amount one assignment takes in one week ([`Hours`]), and the
//! unbounded sum of many of them ([`HoursTotal`]). Both count whole hundredths of an hour,
//! so sums are exact and the wire form never grows binary-fraction noise.

use std::iter::Sum;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};
use serde_json::Value;

/// The most one assignment may take in one week: every hour of it.
pub const MAX_WEEKLY_CENTIHOURS: i32 = 168 * CENTIHOURS_PER_HOUR as i32;

const CENTIHOURS_PER_HOUR: i64 = 100;

/// How far `value * 100` may sit from a whole number and still count as two decimals,
/// relative to its size (at least one hundredth). A decimal like 8.1 has no exact binary
/// form, so 8.1 * 100 lands a few ulps (around 1e-13) off 810, and sums such as 0.1 + 0.2
/// arrive as 0.30000000000000004. A genuine third decimal (8.123, 1.005) is off by at
/// least 0.1 hundredth, eight orders of magnitude more, so the two never get confused.
const DECIMAL_TOLERANCE: f64 = 1e-9;

/// Hours one assignment takes in one week: 0 ..= 168, at most two decimals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours(i32);

/// Why a value is not valid weekly hours. The codes are part of the API contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub enum HoursError {
    /// A string, boolean, null, array or object where a number belongs.
    NotANumber,
    /// NaN or an infinity (or a JSON number too large for a double).
    NotFinite,
    /// Negative or above 168.
    OutOfRange,
    /// More than two decimals.
    TooPrecise,
}

impl HoursError {
    /// The stable code used in problem+json bodies.
    pub fn code(self) -> &'static str {
        match self {
            HoursError::NotANumber => "hours_not_a_number",
            HoursError::NotFinite => "hours_not_finite",
            HoursError::OutOfRange => "hours_out_of_range",
            HoursError::TooPrecise => "hours_too_precise",
        }
    }

    /// A sentence for people.
    pub fn message(self) -> String {
        match self {
            HoursError::NotANumber => "Hours must be a number, not text, true/false or null.",
            HoursError::NotFinite => "Hours must be a finite number.",
            HoursError::OutOfRange => "Hours must be between 0 and 168.",
            HoursError::TooPrecise => "Hours may have at most two decimals.",
        }
        .to_owned()
    }
}

impl Hours {
    /// No hours: on a write this deletes the week's row.
    pub const ZERO: Hours = Hours(0);

    /// The full week, 168 hours.
    pub const MAX: Hours = Hours(MAX_WEEKLY_CENTIHOURS);

    /// Checks a number of hours. The range is checked on the value as given, so 168.001
    /// is out of range rather than rounded down to 168; see `DECIMAL_TOLERANCE` for how
    /// "two decimals" survives binary floating point.
    pub fn from_f64(value: f64) -> Result<Hours, HoursError> {
        if !value.is_finite() {
            return Err(HoursError::NotFinite);
        }
        // -0.0 passes (it is zero); anything below it does not.
        if !(0.0..=168.0).contains(&value) {
            return Err(HoursError::OutOfRange);
        }
        // In range, so the whole hundredths are in 0 ..= 16800 and the cast is exact.
        Ok(Hours(whole_centihours(value)? as i32))
    }

    /// Checks a JSON value: only numbers are hours. serde_json refuses `1e309` while
    /// parsing the body; with its arbitrary-precision feature it would keep the text and
    /// `as_f64` yields `None`, so that is refused here as not finite either way.
    pub fn parse_json(value: &Value) -> Result<Hours, HoursError> {
        let Value::Number(number) = value else {
            return Err(HoursError::NotANumber);
        };
        number
            .as_f64()
            .ok_or(HoursError::NotFinite)
            .and_then(Hours::from_f64)
    }

    /// Hours from whole hundredths, `None` outside 0 ..= 16800.
    pub fn from_centihours(centihours: i32) -> Option<Hours> {
        (0..=MAX_WEEKLY_CENTIHOURS)
            .contains(&centihours)
            .then_some(Hours(centihours))
    }

    /// Whole hundredths of an hour, the exact stored value.
    pub fn centihours(self) -> i32 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// The nearest double to the exact decimal, as `8.1` would parse.
    pub fn to_f64(self) -> f64 {
        centihours_to_f64(i64::from(self.0))
    }
}

/// A sum of hours, such as a person's week across all their projects. Unbounded above
/// 168 because over-allocation is allowed and must be shown, never blocked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HoursTotal(i64);

impl HoursTotal {
    pub const ZERO: HoursTotal = HoursTotal(0);

    /// A total of whole hundredths of an hour (as summed by the database).
    pub const fn from_centihours(centihours: i64) -> HoursTotal {
        HoursTotal(centihours)
    }

    /// Whole hundredths of an hour.
    pub fn centihours(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn to_f64(self) -> f64 {
        centihours_to_f64(self.0)
    }

    /// The total as one week's hours of one assignment: at most 168 (the rest is the
    /// caller's to report), never below zero.
    pub fn capped(self) -> Hours {
        // The clamp keeps the value within 0 ..= 16800, so the cast is exact.
        Hours(self.0.clamp(0, i64::from(MAX_WEEKLY_CENTIHOURS)) as i32)
    }

    /// `self - other`, but never below zero: "how much is left".
    pub fn saturating_sub(self, other: HoursTotal) -> HoursTotal {
        HoursTotal((self.0 - other.0).max(0))
    }
}

impl From<Hours> for HoursTotal {
    fn from(hours: Hours) -> Self {
        HoursTotal(i64::from(hours.0))
    }
}

impl Add for HoursTotal {
    type Output = HoursTotal;

    fn add(self, other: HoursTotal) -> HoursTotal {
        HoursTotal(self.0 + other.0)
    }
}

impl Add<Hours> for HoursTotal {
    type Output = HoursTotal;

    fn add(self, hours: Hours) -> HoursTotal {
        self + HoursTotal::from(hours)
    }
}

impl AddAssign<Hours> for HoursTotal {
    fn add_assign(&mut self, hours: Hours) {
        *self = *self + hours;
    }
}

impl Sum<Hours> for HoursTotal {
    fn sum<I: Iterator<Item = Hours>>(iter: I) -> HoursTotal {
        iter.fold(HoursTotal::ZERO, Add::add)
    }
}

impl Sum for HoursTotal {
    fn sum<I: Iterator<Item = HoursTotal>>(iter: I) -> HoursTotal {
        iter.fold(HoursTotal::ZERO, Add::add)
    }
}

/// The whole hundredths of a finite, non-negative `value` of at most two decimals (see
/// `DECIMAL_TOLERANCE`).
fn whole_centihours(value: f64) -> Result<i64, HoursError> {
    let scaled = value * CENTIHOURS_PER_HOUR as f64;
    let whole = scaled.round();
    if (scaled - whole).abs() >= DECIMAL_TOLERANCE * scaled.max(1.0) {
        return Err(HoursError::TooPrecise);
    }
    // Saturates for totals beyond any plan; callers bound `value` first.
    Ok(whole as i64)
}

fn centihours_to_f64(centihours: i64) -> f64 {
    // One correctly rounded division of two exact values gives the double nearest the
    // decimal, which prints back as the shortest form (810 -> 8.1).
    centihours as f64 / CENTIHOURS_PER_HOUR as f64
}

/// Whole hours go out as integers (`8`, not `8.0`), the rest as the shortest decimal.
fn serialize_centihours<S: Serializer>(centihours: i64, serializer: S) -> Result<S::Ok, S::Error> {
    if centihours % CENTIHOURS_PER_HOUR == 0 {
        serializer.serialize_i64(centihours / CENTIHOURS_PER_HOUR)
    } else {
        serializer.serialize_f64(centihours_to_f64(centihours))
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centihours(i64::from(self.0), serializer)
    }
}

impl Serialize for HoursTotal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_centihours(self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Hours::from_f64(value).map_err(de::Error::custom)
    }
}

/// The largest total read back: far beyond any plan, and small enough that its
/// hundredths are still exact in a double.
const MAX_STORED_TOTAL_HOURS: f64 = 1e12;

/// A stored total read back (an audit's excess): finite, non-negative, two decimals.
impl<'de> Deserialize<'de> for HoursTotal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if !value.is_finite() {
            return Err(de::Error::custom(HoursError::NotFinite));
        }
        if !(0.0..=MAX_STORED_TOTAL_HOURS).contains(&value) {
            return Err(de::Error::custom(HoursError::OutOfRange));
        }
        whole_centihours(value)
            .map(HoursTotal)
            .map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
