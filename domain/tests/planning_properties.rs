//! Property tests for the planning types: weeks, hours and utilization rules hold for every
//! input, not only the examples in the unit tests.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use wt_domain::hours::{Hours, HoursError, HoursTotal};
use wt_domain::utilization::{Band, Bands, summarize, utilization_percent};
use wt_domain::weeks::{FIRST_WEEK, LAST_WEEK, Week};

/// Weeks from the first to the last of the window.
const WINDOW_WEEKS: i64 = 5270;

fn any_week() -> impl Strategy<Value = Week> {
    (0..WINDOW_WEEKS).prop_map(|index| Week::FIRST.plus_weeks(index).unwrap())
}

/// Dates from a month before the window to a month after it.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(1999, 12, 1).unwrap();
    (0_u64..37_000).prop_map(move |days| start + Days::new(days))
}

fn any_centihours() -> impl Strategy<Value = i32> {
    0..=16_800_i32
}

fn any_bands() -> impl Strategy<Value = Bands> {
    prop::array::uniform3(0.0..200.0_f64).prop_map(|mut limits| {
        limits.sort_by(f64::total_cmp);
        Bands::new(limits[0], limits[1], limits[2]).unwrap()
    })
}

proptest! {
    #[test]
    fn weeks_round_trip_through_their_key(week in any_week()) {
        prop_assert_eq!(week.as_date().weekday(), Weekday::Sun);
        prop_assert_eq!(Week::parse(&week.to_string()), Ok(week));
        prop_assert_eq!(week.to_string(), week.as_date().format("%Y-%m-%d").to_string());
        let json = serde_json::to_string(&week).unwrap();
        prop_assert_eq!(&json, &format!("\"{week}\""));
        prop_assert_eq!(serde_json::from_str::<Week>(&json).unwrap(), week);
    }

    #[test]
    fn a_date_parses_as_a_week_exactly_when_it_is_a_sunday_in_the_window(date in any_date()) {
        let in_window = (FIRST_WEEK..=LAST_WEEK).contains(&date);
        let expected = match (in_window, date.weekday()) {
            (false, _) => Err("week_out_of_range"),
            (true, Weekday::Sun) => Ok(date),
            (true, _) => Err("week_not_sunday"),
        };
        let parsed = Week::parse(&date.to_string());
        prop_assert_eq!(parsed.map(Week::as_date).map_err(|error| error.code()), expected);
    }

    #[test]
    fn containing_finds_the_sunday_on_or_before(date in any_date()) {
        match Week::containing(date) {
            Ok(week) => {
                let sunday = week.as_date();
                prop_assert_eq!(sunday.weekday(), Weekday::Sun);
                prop_assert!((0..=6).contains(&(date - sunday).num_days()));
            }
            Err(error) => {
                prop_assert_eq!(error.code(), "week_out_of_range");
                prop_assert!(date < FIRST_WEEK || date > LAST_WEEK + Days::new(6));
            }
        }
    }

    #[test]
    fn plus_weeks_agrees_with_weeks_between(week in any_week(), weeks in -6000_i64..6000) {
        let target = Week::weeks_between(Week::FIRST, week) + weeks;
        match week.plus_weeks(weeks) {
            Some(moved) => {
                prop_assert_eq!(Week::weeks_between(week, moved), weeks);
                prop_assert_eq!(moved.plus_weeks(-weeks), Some(week));
                prop_assert_eq!((moved.as_date() - week.as_date()).num_days(), weeks * 7);
            }
            None => prop_assert!(!(0..WINDOW_WEEKS).contains(&target)),
        }
    }

    #[test]
    fn ranges_are_consecutive_weeks(start in any_week(), count in 0_usize..60) {
        let weeks: Vec<Week> = Week::range(start, count).collect();
        let room = usize::try_from(Week::weeks_between(start, Week::LAST) + 1).unwrap();
        prop_assert_eq!(weeks.len(), count.min(room));
        for (offset, week) in (0_i64..).zip(&weeks) {
            prop_assert_eq!(Some(*week), start.plus_weeks(offset));
        }
    }

    #[test]
    fn two_decimal_hours_are_accepted_exactly(centihours in any_centihours()) {
        let expected = Hours::from_centihours(centihours).unwrap();
        prop_assert_eq!(Hours::from_f64(f64::from(centihours) / 100.0), Ok(expected));
        // The same value reached by a different float route, with its own rounding.
        prop_assert_eq!(Hours::from_f64(f64::from(centihours) * 0.01), Ok(expected));
        let text = format!("{}.{:02}", centihours / 100, centihours % 100);
        prop_assert_eq!(Hours::from_f64(text.parse().unwrap()), Ok(expected));
    }

    #[test]
    fn hours_round_trip_through_json(centihours in any_centihours()) {
        let hours = Hours::from_centihours(centihours).unwrap();
        let value = serde_json::to_value(hours).unwrap();
        prop_assert_eq!(Hours::parse_json(&value), Ok(hours));
        prop_assert_eq!(hours.to_f64(), f64::from(centihours) / 100.0);
    }

    #[test]
    fn a_third_decimal_is_refused(centihours in 0..16_800_i32, third in 1..=9_i32) {
        // Includes x.xx5: rounding it would silently change the plan by half a hundredth.
        let value = f64::from(centihours * 10 + third) / 1000.0;
        prop_assert_eq!(Hours::from_f64(value), Err(HoursError::TooPrecise));
    }

    #[test]
    fn totals_are_exact_sums(all in prop::collection::vec(any_centihours(), 0..200)) {
        let total: HoursTotal = all
            .iter()
            .map(|c| Hours::from_centihours(*c).unwrap())
            .sum();
        let expected: i64 = all.iter().map(|c| i64::from(*c)).sum();
        prop_assert_eq!(total.centihours(), expected);
    }

    #[test]
    fn peak_is_never_below_average(
        weekly in prop::collection::vec(0_i32..=16_800, 0..60),
        capacity in any_centihours(),
    ) {
        let capacity = Hours::from_centihours(capacity).unwrap();
        let weekly: Vec<HoursTotal> = weekly
            .iter()
            .map(|c| HoursTotal::from(Hours::from_centihours(*c).unwrap()))
            .collect();
        let summary = summarize(&weekly, capacity);
        prop_assert!(summary.peak_percent >= summary.average_percent);
        match summary.peak_index {
            None => prop_assert!(weekly.is_empty()),
            Some(peak) => {
                prop_assert_eq!(utilization_percent(weekly[peak], capacity), summary.peak_percent);
                for (index, allocated) in weekly.iter().enumerate() {
                    let percent = utilization_percent(*allocated, capacity);
                    prop_assert!(percent <= summary.peak_percent);
                    prop_assert!(index >= peak || percent < summary.peak_percent);
                }
            }
        }
    }

    #[test]
    fn bands_grow_with_percent(
        bands in any_bands(),
        low in -10.0..300.0_f64,
        high in -10.0..300.0_f64,
    ) {
        let (low, high) = if low <= high { (low, high) } else { (high, low) };
        prop_assert!(Band::of(low, &bands) <= Band::of(high, &bands));
    }
}
