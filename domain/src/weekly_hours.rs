//! The `weeklyHours` map, `{"2026-11-22": 8, ...}`: one assignment's plan by week. Owns
//! checking a whole map from a request body, reporting every bad key and value at once so
//! a client can fix them all in one go.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::hours::{Hours, HoursTotal};
use crate::weeks::{Week, quote_key};

/// Code for a `weeklyHours` that is not a JSON object.
pub const NOT_AN_OBJECT: &str = "weekly_hours_not_an_object";

/// Code for a map with more weeks than the caller allows.
pub const TOO_MANY_WEEKS: &str = "too_many_weeks";

/// Hours by week. Zero values are kept: in a write they mean "delete that week", so the
/// caller decides what to do with them. Deserializing does the same checks per entry but
/// stops at the first problem and has no size cap; request bodies use [`Self::parse_json`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WeeklyHours(BTreeMap<Week, Hours>);

/// One problem in a `weeklyHours` map. `key` is the week key as sent ("" when the problem
/// is the map as a whole); the API prefixes it with the field name to build the field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    pub key: String,
    pub code: &'static str,
    pub message: String,
}

impl WeeklyHours {
    /// Checks a `weeklyHours` value from a request: an object of week keys to hours, with
    /// at most `max_keys` entries. Every bad key and every bad value is reported (a key can
    /// have both). An oversized map is refused before its entries are looked at, so the work
    /// done on a hostile body stays bounded by `max_keys`.
    pub fn parse_json(value: &Value, max_keys: usize) -> Result<WeeklyHours, Vec<FieldIssue>> {
        let Value::Object(entries) = value else {
            return Err(vec![FieldIssue::whole_map(
                NOT_AN_OBJECT,
                "Weekly hours must be an object of week keys to hours.".to_owned(),
            )]);
        };
        if entries.len() > max_keys {
            return Err(vec![FieldIssue::whole_map(
                TOO_MANY_WEEKS,
                format!("At most {max_keys} weeks may be sent at once."),
            )]);
        }
        let mut weeks = BTreeMap::new();
        let mut issues = Vec::new();
        for (key, hours) in entries {
            if let Some((week, hours)) = parse_entry(key, hours, &mut issues) {
                // Keys have exactly one spelling per week, so no two entries collide here.
                weeks.insert(week, hours);
            }
        }
        if issues.is_empty() {
            Ok(WeeklyHours(weeks))
        } else {
            Err(issues)
        }
    }

    pub fn as_map(&self) -> &BTreeMap<Week, Hours> {
        &self.0
    }

    pub fn into_map(self) -> BTreeMap<Week, Hours> {
        self.0
    }

    /// The sum over all weeks.
    pub fn total(&self) -> HoursTotal {
        self.0.values().copied().sum()
    }
}

impl From<BTreeMap<Week, Hours>> for WeeklyHours {
    fn from(weeks: BTreeMap<Week, Hours>) -> Self {
        WeeklyHours(weeks)
    }
}

/// Checks one entry, recording its problems; `Some` only when both halves are good.
fn parse_entry(key: &str, hours: &Value, issues: &mut Vec<FieldIssue>) -> Option<(Week, Hours)> {
    let week = Week::parse(key).map_err(|error| FieldIssue {
        key: key.to_owned(),
        code: error.code(),
        message: error.message(),
    });
    let hours = Hours::parse_json(hours).map_err(|error| FieldIssue {
        key: key.to_owned(),
        code: error.code(),
        // The spec asks for messages that name the key as well as the problem.
        message: format!("Week {}: {}", quote_key(key), error.message()),
    });
    match (week, hours) {
        (Ok(week), Ok(hours)) => Some((week, hours)),
        (week, hours) => {
            issues.extend(week.err());
            issues.extend(hours.err());
            None
        }
    }
}

impl FieldIssue {
    fn whole_map(code: &'static str, message: String) -> FieldIssue {
        FieldIssue {
            key: String::new(),
            code,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn week(key: &str) -> Week {
        Week::parse(key).unwrap()
    }

    /// Sorted, because the order follows serde_json's map, which keeps insertion order
    /// when another crate in the build turns on its `preserve_order` feature.
    fn issues(value: Value) -> Vec<(String, &'static str)> {
        let mut found: Vec<_> = WeeklyHours::parse_json(&value, 10)
            .unwrap_err()
            .into_iter()
            .map(|issue| (issue.key, issue.code))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn parses_a_good_map_keeping_zeros() {
        let parsed = WeeklyHours::parse_json(
            &json!({"2026-11-22": 8, "2026-11-29": 0, "2026-12-06": 7.5}),
            10,
        )
        .unwrap();
        let map = parsed.as_map();
        assert_eq!(map.len(), 3);
        assert_eq!(map[&week("2026-11-29")], Hours::ZERO);
        assert_eq!(map[&week("2026-12-06")].centihours(), 750);
        assert_eq!(parsed.total().centihours(), 1550);
        assert_eq!(
            WeeklyHours::parse_json(&json!({}), 0),
            Ok(WeeklyHours::default())
        );
    }

    #[test]
    fn reports_every_bad_key_and_value() {
        let found = issues(json!({
            "2026-11-22": 8,
            "2026-11-23": 8,
            "2026-02-30": "8",
            "1990-01-07": 200,
            "2026-11-29": 8.125,
            "2026-12-06": null,
        }));
        let expected = [
            ("1990-01-07", "hours_out_of_range"),
            ("1990-01-07", "week_out_of_range"),
            ("2026-02-30", "hours_not_a_number"),
            ("2026-02-30", "week_invalid_date"),
            ("2026-11-23", "week_not_sunday"),
            ("2026-11-29", "hours_too_precise"),
            ("2026-12-06", "hours_not_a_number"),
        ];
        let expected: Vec<(String, &str)> =
            expected.iter().map(|(k, c)| (k.to_string(), *c)).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn messages_name_the_key() {
        let issue = WeeklyHours::parse_json(&json!({"2026-11-29": -1}), 10).unwrap_err();
        assert_eq!(
            issue[0].message,
            "Week \"2026-11-29\": Hours must be between 0 and 168."
        );
    }

    #[test]
    fn refuses_non_objects_and_oversized_maps_as_a_whole() {
        for not_an_object in [json!([]), json!(null), json!("x"), json!(8)] {
            assert_eq!(issues(not_an_object), [(String::new(), NOT_AN_OBJECT)]);
        }
        let big: serde_json::Map<String, Value> = Week::range(week("2026-01-04"), 11)
            .map(|w| (w.to_string(), json!(1)))
            .collect();
        assert_eq!(
            issues(Value::Object(big)),
            [(String::new(), TOO_MANY_WEEKS)]
        );
    }

    #[test]
    fn serializes_as_a_map_of_numbers() {
        let map = WeeklyHours::from(BTreeMap::from([
            (week("2026-11-29"), Hours::from_centihours(750).unwrap()),
            (week("2026-11-22"), Hours::from_centihours(800).unwrap()),
        ]));
        let text = serde_json::to_string(&map).unwrap();
        assert_eq!(text, r#"{"2026-11-22":8,"2026-11-29":7.5}"#);
        assert_eq!(serde_json::from_str::<WeeklyHours>(&text).unwrap(), map);
        assert!(serde_json::from_str::<WeeklyHours>(r#"{"2026-11-23":8}"#).is_err());
        assert_eq!(map.clone().into_map().len(), 2);
    }
}
