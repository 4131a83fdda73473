//! Undoing a deliverable's latest reallocation, for the API route and the
//! `wt-api undo-last-reallocation` command alike: the audited before-state of every week it
//! changed goes back, unless a week was edited since (then it refuses, or with `force`
//! overwrites the edit). Optionally the date goes back too, without queueing a new
//! reallocation. The undo is recorded on the reallocation and in the audit trail.

use serde_json::json;
use sqlx::PgPool;
use wt_domain::hours::Hours;
use wt_domain::reallocation::{WeekChange, conflicts, inverse};
use wt_domain::weeks::Week;
use wt_store::reallocations::{self, Recorded};
use wt_store::{StoreError, audit, deliverables};

/// How to undo.
#[derive(Debug, Clone, Copy, Default)]
pub struct UndoOptions {
    /// Put the deliverable's date back to its date before the reallocation.
    pub revert_date: bool,
    /// Overwrite weeks edited since the reallocation.
    pub force: bool,
}

/// A week edited since the reallocation: it held `expected` right after, now `current`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    pub assignment_id: i64,
    pub week: Week,
    pub expected: Hours,
    pub current: Hours,
}

impl Conflict {
    pub fn message(&self) -> String {
        format!(
            "Assignment {}, week {}: {} h now, {} h right after the reallocation.",
            self.assignment_id,
            self.week,
            self.current.to_f64(),
            self.expected.to_f64()
        )
    }
}

/// What an undo did.
#[derive(Debug, Clone)]
pub struct Undone {
    pub reallocation_id: i64,
    /// The changes written, each from the reallocation's after back to its before.
    pub restored: Vec<WeekChange>,
    pub date_reverted: bool,
    /// Weeks edited since that a forced undo overwrote.
    pub overwritten: Vec<Conflict>,
}

#[derive(Debug, thiserror::Error)]
pub enum UndoError {
    #[error("the deliverable does not exist")]
    NoDeliverable,
    #[error("the deliverable has no reallocation left to undo")]
    NothingToUndo,
    #[error("{} week(s) were edited since the reallocation", .0.len())]
    Conflict(Vec<Conflict>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Undoes the latest reallocation of `deliverable_id` not undone yet, as `actor` (none
/// from the CLI), in one transaction.
pub async fn undo_latest(
    pool: &PgPool,
    deliverable_id: i64,
    options: UndoOptions,
    actor: Option<i64>,
) -> Result<Undone, UndoError> {
    let mut tx = pool.begin().await.map_err(StoreError::from)?;
    // The deliverable first, as a PATCH locks it before the project's order.
    if !deliverables::lock(&mut tx, deliverable_id).await? {
        return Err(UndoError::NoDeliverable);
    }
    let recorded = reallocations::latest_undoable(&mut tx, deliverable_id)
        .await?
        .ok_or(UndoError::NothingToUndo)?;
    // Waits for a reallocation of this project being applied right now.
    reallocations::lock_order(&mut tx, recorded.project_id).await?;
    let plan = reallocations::lock_plan(&mut tx, recorded.project_id).await?;
    let restored = inverse(&recorded.changes);
    let overwritten: Vec<Conflict> = conflicts(&plan, &restored)
        .into_iter()
        .map(|change| Conflict {
            assignment_id: change.assignment_id,
            week: change.week,
            expected: change.before,
            current: wt_domain::reallocation::hours_at(&plan, change.assignment_id, change.week),
        })
        .collect();
    if !overwritten.is_empty() && !options.force {
        return Err(UndoError::Conflict(overwritten));
    }
    reallocations::write_changes(&mut tx, &restored).await?;
    if options.revert_date {
        deliverables::set_date(&mut tx, deliverable_id, recorded.old_date).await?;
    }
    reallocations::mark_undone(
        &mut tx,
        recorded.id,
        actor,
        options.force,
        options.revert_date,
    )
    .await?;
    audit::record(&mut *tx, &event(&recorded, actor, options, &overwritten)).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(Undone {
        reallocation_id: recorded.id,
        restored,
        date_reverted: options.revert_date,
        overwritten,
    })
}

fn event<'a>(
    recorded: &Recorded,
    actor: Option<i64>,
    options: UndoOptions,
    overwritten: &[Conflict],
) -> audit::NewEvent<'a> {
    let overwritten: Vec<_> = overwritten
        .iter()
        .map(|c| json!({"assignmentId": c.assignment_id, "week": c.week, "current": c.current}))
        .collect();
    audit::NewEvent {
        actor_id: actor,
        action: "reallocation_undone",
        target_type: "deliverable",
        target_id: Some(recorded.deliverable_id),
        target_label: "",
        details: json!({
            "reallocationId": recorded.id,
            "oldDate": recorded.old_date,
            "newDate": recorded.new_date,
            "revertDate": options.revert_date,
            "forced": options.force,
            "overwritten": overwritten,
            "via": if actor.is_some() { "api" } else { "cli" },
        }),
    }
}
