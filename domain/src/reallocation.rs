//! Automatic hour reallocation: when a deliverable's date moves, the planned hours of the
//! weeks its milestone owns move with it. Owns the window rule, the shift with its 168-hour
//! cap, and the change set that both the worker writes and the undo reverses. Pure: the
//! caller reads the plan and the neighbouring dates and writes the changes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::hours::{Hours, HoursTotal};
use crate::weeks::{Week, WeekError};

/// One project's plan: assignment id -> week -> hours (weeks without hours are absent).
pub type Plan = BTreeMap<i64, BTreeMap<Week, Hours>>;

/// The dates of the other deliverables of the project nearest to the moved one's old date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Neighbours {
    /// The latest dated before the old date.
    pub previous: Option<NaiveDate>,
    /// The earliest dated after the old date.
    pub next: Option<NaiveDate>,
}

impl Neighbours {
    /// Picks the neighbours of `old` among the other deliverables' dates; one on the very
    /// same date is neither, as the spec's "before" and "after" are strict.
    pub fn around(old: NaiveDate, others: &[NaiveDate]) -> Neighbours {
        Neighbours {
            previous: others.iter().copied().filter(|date| *date < old).max(),
            next: others.iter().copied().filter(|date| *date > old).min(),
        }
    }
}

/// A deliverable's date moving from `old` to `new`, with its neighbours as they were
/// when the move was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DateMove {
    pub old: NaiveDate,
    pub new: NaiveDate,
    pub neighbours: Neighbours,
}

impl DateMove {
    /// Whole weeks between the Sundays of the old and the new date.
    pub fn delta_weeks(&self) -> Result<i64, WeekError> {
        Ok(Week::weeks_between(
            Week::containing(self.old)?,
            Week::containing(self.new)?,
        ))
    }

    /// The weeks the milestone owns: from the day after the previous neighbour to the day
    /// before the next, each taken to its Sunday; an end without a neighbour stays open.
    pub fn window(&self) -> Result<Window, WeekError> {
        let edge = |date: Option<NaiveDate>, step: fn(NaiveDate) -> Option<NaiveDate>| {
            date.and_then(step).map(Week::containing).transpose()
        };
        Ok(Window {
            first: edge(self.neighbours.previous, |d| {
                d.checked_add_days(Days::new(1))
            })?,
            last: edge(self.neighbours.next, |d| d.checked_sub_days(Days::new(1)))?,
        })
    }
}

/// Weeks `first ..= last`, either end open when `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: Option<Week>,
    pub last: Option<Week>,
}

impl Window {
    pub fn contains(&self, week: Week) -> bool {
        self.first.is_none_or(|first| week >= first) && self.last.is_none_or(|last| week <= last)
    }
}

/// One week of one assignment changing; zero hours means the week holds no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeekChange {
    pub assignment_id: i64,
    pub week: Week,
    pub before: Hours,
    pub after: Hours,
}

/// Hours that did not fit under the 168-hour cap of a week they were shifted onto.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CapExcess {
    pub assignment_id: i64,
    pub week: Week,
    pub excess: HoursTotal,
}

/// What a move does to a plan: every changed week with its exact before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reallocation {
    pub delta_weeks: i64,
    /// By assignment, then week.
    pub changes: Vec<WeekChange>,
    pub capped: Vec<CapExcess>,
}

impl Reallocation {
    pub fn assignments_changed(&self) -> usize {
        assignments_of(&self.changes).len()
    }

    /// Every week that changed in some assignment, in order.
    pub fn touched_weeks(&self) -> Vec<Week> {
        touched_weeks(&self.changes)
    }
}

/// What a finished reallocation job reports (its result) and the API passes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub delta_weeks: i64,
    pub assignments_changed: usize,
    pub touched_week_keys: Vec<Week>,
    pub capped: Vec<CapExcess>,
}

impl From<&Reallocation> for Summary {
    fn from(reallocation: &Reallocation) -> Self {
        Summary {
            delta_weeks: reallocation.delta_weeks,
            assignments_changed: reallocation.assignments_changed(),
            touched_week_keys: reallocation.touched_weeks(),
            capped: reallocation.capped.clone(),
        }
    }
}

/// Why a move cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReallocationError {
    #[error(transparent)]
    Week(#[from] WeekError),
    /// Hours would land outside the supported weeks.
    #[error(
        "assignment {assignment_id}: week {week} moved by {delta_weeks} weeks leaves the supported range"
    )]
    ShiftedOutOfRange {
        assignment_id: i64,
        week: Week,
        delta_weeks: i64,
    },
}

/// Shifts the hours inside the move's window by its delta. Where a shifted week lands on
/// a kept one they add up, capped at 168 with the excess reported; nothing else is lost.
pub fn reallocate(plan: &Plan, date_move: &DateMove) -> Result<Reallocation, ReallocationError> {
    let delta_weeks = date_move.delta_weeks()?;
    let window = date_move.window()?;
    let mut reallocation = Reallocation {
        delta_weeks,
        changes: Vec::new(),
        capped: Vec::new(),
    };
    if delta_weeks == 0 {
        return Ok(reallocation);
    }
    for (&assignment_id, weeks) in plan {
        let shifted = shift(assignment_id, weeks, window, delta_weeks)?;
        let keys: BTreeSet<Week> = weeks.keys().chain(shifted.keys()).copied().collect();
        for week in keys {
            let sum = shifted.get(&week).copied().unwrap_or(HoursTotal::ZERO);
            let after = sum.capped();
            let excess = sum.saturating_sub(after.into());
            if !excess.is_zero() {
                reallocation.capped.push(CapExcess {
                    assignment_id,
                    week,
                    excess,
                });
            }
            let before = weeks.get(&week).copied().unwrap_or(Hours::ZERO);
            if before != after {
                reallocation.changes.push(WeekChange {
                    assignment_id,
                    week,
                    before,
                    after,
                });
            }
        }
    }
    Ok(reallocation)
}

/// One assignment's weeks after the shift, as uncapped sums.
fn shift(
    assignment_id: i64,
    weeks: &BTreeMap<Week, Hours>,
    window: Window,
    delta_weeks: i64,
) -> Result<BTreeMap<Week, HoursTotal>, ReallocationError> {
    let mut shifted: BTreeMap<Week, HoursTotal> = BTreeMap::new();
    for (&week, &hours) in weeks {
        let target = if window.contains(week) {
            week.plus_weeks(delta_weeks)
                .ok_or(ReallocationError::ShiftedOutOfRange {
                    assignment_id,
                    week,
                    delta_weeks,
                })?
        } else {
            week
        };
        *shifted.entry(target).or_default() += hours;
    }
    Ok(shifted)
}

/// The changes that take a plan from each change's `after` back to its `before`.
pub fn inverse(changes: &[WeekChange]) -> Vec<WeekChange> {
    changes
        .iter()
        .map(|change| WeekChange {
            before: change.after,
            after: change.before,
            ..*change
        })
        .collect()
}

/// The changes whose week no longer holds their `before` in `plan`: someone edited it
/// since, so writing `after` would overwrite their work.
pub fn conflicts<'c>(plan: &Plan, changes: &'c [WeekChange]) -> Vec<&'c WeekChange> {
    changes
        .iter()
        .filter(|change| hours_at(plan, change.assignment_id, change.week) != change.before)
        .collect()
}

/// `plan` with every change's `after` written (zero removes the week).
pub fn apply(plan: &Plan, changes: &[WeekChange]) -> Plan {
    let mut result = plan.clone();
    for change in changes {
        let weeks = result.entry(change.assignment_id).or_default();
        if change.after.is_zero() {
            weeks.remove(&change.week);
        } else {
            weeks.insert(change.week, change.after);
        }
    }
    result.retain(|_, weeks| !weeks.is_empty());
    result
}

/// The hours of one assignment in one week (zero when absent).
pub fn hours_at(plan: &Plan, assignment_id: i64, week: Week) -> Hours {
    plan.get(&assignment_id)
        .and_then(|weeks| weeks.get(&week))
        .copied()
        .unwrap_or(Hours::ZERO)
}

/// The distinct assignments the changes touch.
pub fn assignments_of(changes: &[WeekChange]) -> BTreeSet<i64> {
    changes.iter().map(|change| change.assignment_id).collect()
}

/// The distinct weeks the changes touch, in order.
pub fn touched_weeks(changes: &[WeekChange]) -> Vec<Week> {
    let weeks: BTreeSet<Week> = changes.iter().map(|change| change.week).collect();
    weeks.into_iter().collect()
}
