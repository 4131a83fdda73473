//! Property tests for automatic hour reallocation: the guarantees of the spec hold for
//! every plan and move, not only for the examples at the end.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::reallocation::{
    DateMove, Neighbours, Plan, WeekChange, apply, conflicts, hours_at, inverse, reallocate,
};
use wt_domain::weeks::Week;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn week(text: &str) -> Week {
    Week::parse(text).unwrap()
}

fn hours(value: f64) -> Hours {
    Hours::from_f64(value).unwrap()
}

/// Weeks of 2025-2027 (so year boundaries are crossed often) around a Sunday base.
fn base() -> NaiveDate {
    date("2026-01-04")
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (-400_i64..400).prop_map(|offset| {
        if offset >= 0 {
            base() + Days::new(offset as u64)
        } else {
            base() - Days::new(offset.unsigned_abs())
        }
    })
}

fn any_plan() -> impl Strategy<Value = Plan> {
    let weeks = prop::collection::btree_map(
        (-60_i64..60).prop_map(|offset| week("2026-01-04").plus_weeks(offset).unwrap()),
        (1..=16_800_i32).prop_map(|centi| Hours::from_centihours(centi).unwrap()),
        0..12,
    );
    // An assignment without hours has no entry in a plan, as none in the database.
    prop::collection::btree_map(1_i64..6, weeks, 0..5).prop_map(|mut plan: Plan| {
        plan.retain(|_, weeks| !weeks.is_empty());
        plan
    })
}

fn any_move() -> impl Strategy<Value = DateMove> {
    (any_day(), any_day(), prop::collection::vec(any_day(), 0..4)).prop_map(|(old, new, others)| {
        DateMove {
            old,
            new,
            neighbours: Neighbours::around(old, &others),
        }
    })
}

fn total(plan: &Plan) -> HoursTotal {
    plan.values()
        .flat_map(|weeks| weeks.values().copied())
        .sum()
}

proptest! {
    #[test]
    fn hours_are_conserved_except_the_reported_excess(plan in any_plan(), date_move in any_move()) {
        let result = reallocate(&plan, &date_move).unwrap();
        let after = apply(&plan, &result.changes);
        let excess: HoursTotal = result.capped.iter().map(|c| c.excess).sum();
        prop_assert_eq!(total(&after) + excess, total(&plan));
        for capped in &result.capped {
            prop_assert_eq!(hours_at(&after, capped.assignment_id, capped.week), Hours::MAX);
        }
    }

    #[test]
    fn only_weeks_inside_the_window_move(plan in any_plan(), date_move in any_move()) {
        let result = reallocate(&plan, &date_move).unwrap();
        let window = date_move.window().unwrap();
        for change in &result.changes {
            // A week changes because its hours left (inside the window) or because
            // shifted hours arrived (its source week is inside the window).
            let source = change.week.plus_weeks(-result.delta_weeks).unwrap();
            prop_assert!(window.contains(change.week) || window.contains(source));
            prop_assert_eq!(change.week.as_date().weekday(), Weekday::Sun);
        }
        let after = apply(&plan, &result.changes);
        for (assignment, weeks) in &plan {
            for (week, hours) in weeks {
                if !window.contains(*week) {
                    prop_assert!(hours_at(&after, *assignment, *week) >= *hours);
                }
            }
        }
    }

    #[test]
    fn undo_restores_the_input_exactly(plan in any_plan(), date_move in any_move()) {
        let result = reallocate(&plan, &date_move).unwrap();
        let after = apply(&plan, &result.changes);
        let undo = inverse(&result.changes);
        prop_assert!(conflicts(&after, &undo).is_empty());
        prop_assert_eq!(apply(&after, &undo), plan);
    }

    #[test]
    fn the_delta_is_the_weeks_between_the_sundays(old in any_day(), new in any_day()) {
        let date_move = DateMove { old, new, neighbours: Neighbours::default() };
        let sunday = |d: NaiveDate| d - Days::new(u64::from(d.weekday().num_days_from_sunday()));
        let expected = (sunday(new) - sunday(old)).num_days() / 7;
        prop_assert_eq!(date_move.delta_weeks().unwrap(), expected);
    }
}

/// A plan of one assignment from `(week, hours)` pairs.
fn one(weeks: &[(&str, f64)]) -> Plan {
    let weeks: BTreeMap<Week, Hours> = weeks.iter().map(|(w, h)| (week(w), hours(*h))).collect();
    BTreeMap::from([(1, weeks)])
}

fn moved(old: &str, new: &str, previous: Option<&str>, next: Option<&str>) -> DateMove {
    DateMove {
        old: date(old),
        new: date(new),
        neighbours: Neighbours {
            previous: previous.map(date),
            next: next.map(date),
        },
    }
}

fn after(plan: &Plan, date_move: &DateMove) -> Plan {
    apply(plan, &reallocate(plan, date_move).unwrap().changes)
}

#[test]
fn forward_and_backward_moves_shift_the_whole_open_window() {
    let plan = one(&[("2026-03-01", 8.0), ("2026-03-08", 7.5)]);
    let forward = moved("2026-03-10", "2026-03-24", None, None);
    assert_eq!(reallocate(&plan, &forward).unwrap().delta_weeks, 2);
    assert_eq!(
        after(&plan, &forward),
        one(&[("2026-03-15", 8.0), ("2026-03-22", 7.5)])
    );
    let backward = moved("2026-03-10", "2026-02-24", None, None);
    assert_eq!(
        after(&plan, &backward),
        one(&[("2026-02-15", 8.0), ("2026-02-22", 7.5)])
    );
}

#[test]
fn a_move_within_the_same_week_changes_nothing() {
    let plan = one(&[("2026-03-08", 8.0)]);
    let result = reallocate(&plan, &moved("2026-03-09", "2026-03-14", None, None)).unwrap();
    assert_eq!(result.delta_weeks, 0);
    assert!(result.changes.is_empty());
}

#[test]
fn moves_cross_the_year_boundary() {
    let plan = one(&[("2025-12-21", 4.0), ("2025-12-28", 6.0)]);
    let result = reallocate(&plan, &moved("2025-12-30", "2026-01-13", None, None)).unwrap();
    assert_eq!(result.delta_weeks, 2);
    assert_eq!(
        apply(&plan, &result.changes),
        one(&[("2026-01-04", 4.0), ("2026-01-11", 6.0)])
    );
    assert_eq!(
        result.touched_weeks(),
        ["2025-12-21", "2025-12-28", "2026-01-04", "2026-01-11"].map(week)
    );
}

#[test]
fn neighbours_bound_the_window_at_their_sundays() {
    // Previous deliverable Wed 2026-03-04: the window starts the Sunday of Thu 03-05
    // (03-01). Next on Mon 2026-03-23: it ends the Sunday of Sun 03-22 (03-22).
    let plan = one(&[
        ("2026-02-22", 1.0),
        ("2026-03-01", 2.0),
        ("2026-03-22", 3.0),
        ("2026-03-29", 4.0),
    ]);
    let date_move = moved(
        "2026-03-12",
        "2026-03-19",
        Some("2026-03-04"),
        Some("2026-03-23"),
    );
    assert_eq!(
        after(&plan, &date_move),
        one(&[
            ("2026-02-22", 1.0),
            ("2026-03-08", 2.0),
            ("2026-03-29", 7.0),
        ])
    );
}

#[test]
fn landing_on_kept_hours_adds_up_and_caps_at_168() {
    let plan = one(&[("2026-03-08", 100.0), ("2026-03-15", 90.25)]);
    // The window ends the Sunday before the next deliverable (03-15 is kept).
    let date_move = moved("2026-03-10", "2026-03-17", None, Some("2026-03-15"));
    let result = reallocate(&plan, &date_move).unwrap();
    assert_eq!(apply(&plan, &result.changes), one(&[("2026-03-15", 168.0)]));
    assert_eq!(result.capped.len(), 1);
    assert_eq!(result.capped[0].excess.centihours(), 2225);
}

#[test]
fn neighbours_are_the_nearest_strictly_before_and_after() {
    let others = [
        "2026-01-01",
        "2026-02-01",
        "2026-03-01",
        "2026-04-01",
        "2026-05-01",
    ]
    .map(date);
    let found = Neighbours::around(date("2026-03-01"), &others);
    assert_eq!(found.previous, Some(date("2026-02-01")));
    assert_eq!(found.next, Some(date("2026-04-01")));
    assert_eq!(
        Neighbours::around(date("2020-01-01"), &others).previous,
        None
    );
}

#[test]
fn undo_refuses_weeks_edited_since() {
    let plan = one(&[("2026-03-08", 8.0)]);
    let result = reallocate(&plan, &moved("2026-03-10", "2026-03-17", None, None)).unwrap();
    let mut edited = apply(&plan, &result.changes);
    edited
        .get_mut(&1)
        .unwrap()
        .insert(week("2026-03-15"), hours(5.0));
    let undo = inverse(&result.changes);
    let found: Vec<&WeekChange> = conflicts(&edited, &undo);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].week, week("2026-03-15"));
}
