//! The hour-reallocation commands of the `wt-api` CLI, as the production guide's rollout
//! runs them: `normalize-weekly-hours` (report, or fix in one transaction, stored hours
//! that break the hours policy) and `undo-last-reallocation` (the API's undo, with
//! `--force` to overwrite weeks edited since).

use anyhow::bail;
use serde_json::json;
use wt_runtime::{Settings, database_pool};
use wt_store::{audit, normalize};

use crate::reallocation_undo::{self, UndoError, UndoOptions};

/// Reports what normalizing finds; with `apply`, fixes it in the same transaction.
pub async fn normalize_weekly_hours(
    settings: &Settings,
    apply: bool,
    as_json: bool,
) -> anyhow::Result<()> {
    let pool = database_pool(settings)?;
    let mut tx = pool.begin().await?;
    let report = normalize::report(&mut tx).await?;
    if apply {
        normalize::apply(&mut tx).await?;
        let event = audit::NewEvent::cli_maintenance(
            "weekly_hours_normalized",
            "assignment_weeks",
            json!(report),
        );
        audit::record(&mut *tx, &event).await?;
        tx.commit().await?;
    }
    if as_json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(());
    }
    let verb = if apply {
        "applied"
    } else {
        "dry run, nothing written"
    };
    println!(
        "Weekly hours ({verb}): {} rows processed, {} changed, {} keys shifted, {} collisions, \
         {} duplicate assignments merged; {} h before, {} h after.",
        report.processed,
        report.changed,
        report.keys_shifted,
        report.collisions,
        report.assignments_merged,
        report.hours_before.to_f64(),
        report.hours_after.to_f64()
    );
    Ok(())
}

/// Undoes the latest reallocation of `deliverable_id`; refused (an error) when weeks were
/// edited since, unless `force`.
pub async fn undo_last_reallocation(
    settings: &Settings,
    deliverable_id: i64,
    options: UndoOptions,
) -> anyhow::Result<()> {
    let pool = database_pool(settings)?;
    match reallocation_undo::undo_latest(&pool, deliverable_id, options, None).await {
        Ok(undone) => {
            for overwritten in &undone.overwritten {
                println!("Overwritten: {}", overwritten.message());
            }
            let date = if undone.date_reverted {
                "; the date is back"
            } else {
                ""
            };
            println!(
                "Reallocation {} undone: {} weeks restored{date}.",
                undone.reallocation_id,
                undone.restored.len()
            );
            Ok(())
        }
        Err(UndoError::Conflict(weeks)) => {
            for week in &weeks {
                eprintln!("Edited since: {}", week.message());
            }
            bail!(
                "{} week(s) changed since the reallocation; nothing was undone (--force overwrites them)",
                weeks.len()
            )
        }
        Err(other) => Err(other.into()),
    }
}
