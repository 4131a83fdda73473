//! Weekly hours at the API edge: a `weeklyHours` JSON map checked by the domain rules
//! (Sunday keys in the sane window, finite hours 0-168 with two decimals, bounded size)
//! into exact hundredths per date, and stored hundredths back into the JSON map.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value;
use wt_domain::hours::Hours;
use wt_domain::weekly_hours::WeeklyHours;
use wt_domain::weeks::Week;

use crate::problem::FieldError;

/// Most weeks one map may carry: ten years of weeks, far past any planning horizon.
pub const MAX_WEEK_KEYS: usize = 520;

/// Checks a `weeklyHours` value; errors name `{path}.{week}` (or `{path}` for the whole
/// map). Zero hours are kept: they remove that week.
pub fn parse(path: &str, value: &Value) -> Result<BTreeMap<NaiveDate, i32>, Vec<FieldError>> {
    WeeklyHours::parse_json(value, MAX_WEEK_KEYS)
        .map(|weeks| {
            weeks
                .into_map()
                .into_iter()
                .map(|(week, hours)| (week.as_date(), hours.centihours()))
                .collect()
        })
        .map_err(|issues| {
            issues
                .into_iter()
                .map(|issue| {
                    let field = if issue.key.is_empty() {
                        path.to_owned()
                    } else {
                        format!("{path}.{}", issue.key)
                    };
                    FieldError::new(&field, issue.code, issue.message)
                })
                .collect()
        })
}

/// Stored hundredths per Sunday as the API's `{"2026-11-22": 8}` map.
pub fn to_json(weeks: &BTreeMap<NaiveDate, i32>) -> WeeklyHours {
    weeks
        .iter()
        .filter_map(|(date, centihours)| {
            let week = Week::containing(*date).ok()?;
            Some((week, Hours::from_centihours(*centihours)?))
        })
        .collect::<BTreeMap<_, _>>()
        .into()
}
