//! `reallocate`: moves a project's planned hours after one of its deliverables changed
//! date. Runs in the job's transaction with the project's reallocation order and its
//! assignments locked, so the hours, the audit row, the order's `applied` mark and the
//! job's `succeeded` commit together: a second delivery finds the job done, a killed
//! worker leaves nothing behind, and a project's date changes apply in commit order.

use serde_json::Value;
use sqlx::PgConnection;
use wt_domain::reallocation::{Reallocation, Summary, reallocate};
use wt_jobs::payloads::{JobPayload, Reallocate};
use wt_store::StoreError;
use wt_store::reallocations::{self, NewReallocation};

use crate::context::{JobContext, JobFailure};

pub async fn run(context: &mut JobContext<'_>, tx: &mut PgConnection) -> Result<Value, JobFailure> {
    let payload = Reallocate::of(context.job)?;
    wait_for_turn(tx, &payload).await?;
    context
        .progress("Moving hours", 10, "Reading the project's plan")
        .await?;
    let plan = reallocations::lock_plan(tx, payload.project_id).await?;
    let result = reallocate(&plan, &payload.date_move)
        .map_err(|e| JobFailure::permanent("reallocation_out_of_range", e.to_string()))?;
    reallocations::write_changes(tx, &result.changes).await?;
    let audit = NewReallocation {
        deliverable_id: payload.deliverable_id,
        project_id: payload.project_id,
        job_id: Some(context.job.id),
        sequence: payload.sequence,
        old_date: payload.date_move.old,
        new_date: payload.date_move.new,
        delta_weeks: result.delta_weeks,
        changes: &result.changes,
        capped: &result.capped,
        requested_by: context.job.requested_by,
    };
    reallocations::record(tx, &audit)
        .await
        .map_err(|error| match error {
            // Its deliverable (and so its audit's subject) was deleted after the date
            // change was saved: nothing left to move the hours for.
            StoreError::MissingReference(_) => JobFailure::permanent(
                "deliverable_deleted",
                "The deliverable was deleted before its date change was applied.",
            ),
            other => other.into(),
        })?;
    reallocations::mark_applied(tx, payload.project_id, payload.sequence).await?;
    context.progress("Done", 100, &message(&result)).await?;
    serde_json::to_value(Summary::from(&result))
        .map_err(|e| JobFailure::permanent("invalid_result", e.to_string()))
}

/// Locks the project's order and makes sure every earlier date change of the project has
/// applied or ended without applying; otherwise this attempt ends, to be tried again.
async fn wait_for_turn(tx: &mut PgConnection, payload: &Reallocate) -> Result<(), JobFailure> {
    let applied = reallocations::lock_order(tx, payload.project_id).await?;
    if applied >= payload.sequence {
        // Only an admin's retry of a job that failed while later ones went ahead gets here:
        // applying it now would move hours the later changes already placed.
        return Err(JobFailure::permanent(
            "reallocation_superseded",
            "Later date changes of this project were applied meanwhile; this one no longer applies.",
        ));
    }
    let waiting =
        reallocations::pending_before(tx, payload.project_id, applied, payload.sequence).await?;
    if waiting > 0 {
        return Err(JobFailure::transient(
            "earlier_reallocation_pending",
            format!("{waiting} earlier date change(s) of this project apply first."),
        ));
    }
    Ok(())
}

/// One line for the job's message, e.g. "Moved 3 assignments by 2 weeks".
fn message(result: &Reallocation) -> String {
    let capped = if result.capped.is_empty() {
        String::new()
    } else {
        format!("; {} week(s) capped at 168 h", result.capped.len())
    };
    format!(
        "Moved {} assignments by {} weeks{capped}",
        result.assignments_changed(),
        result.delta_weeks
    )
}
