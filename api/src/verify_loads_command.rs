//! `wt-api verify-loads`: compares the trigger-kept weekly loads and assignment counts
//! with a from-scratch sum and lists the differences; with `--repair`, sets them right in
//! one transaction. Drift found without `--repair` is an error (exit status 1), so a
//! script or a check can fail on it.

use anyhow::bail;
use serde_json::json;
use wt_domain::hours::HoursTotal;
use wt_runtime::{Settings, database_pool};
use wt_store::audit;
use wt_store::week_loads::{self, DriftReport};

/// Differences listed; the counts cover all of them.
const SAMPLE: i64 = 10;

/// Reports the drift; with `repair`, fixes it and records that in the audit log.
pub async fn run(settings: &Settings, repair: bool, as_json: bool) -> anyhow::Result<()> {
    let pool = database_pool(settings)?;
    let mut tx = pool.begin().await?;
    let report = if repair {
        week_loads::repair(&mut tx, SAMPLE).await?
    } else {
        week_loads::find_drift(&mut tx, SAMPLE).await?
    };
    if repair && report.total() > 0 {
        let event =
            audit::NewEvent::cli_maintenance("week_loads_repaired", "week_loads", json!(report));
        audit::record(&mut *tx, &event).await?;
    }
    tx.commit().await?;
    if as_json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print_report(&report, repair);
    }
    if !repair && report.total() > 0 {
        bail!("the kept weekly loads or counts differ from their sum (--repair fixes them)");
    }
    Ok(())
}

fn print_report(report: &DriftReport, repair: bool) {
    let verb = if repair { "repaired" } else { "found" };
    println!(
        "Weekly loads: {} differences {verb} ({} in person loads, {} in project loads, \
         {} in assignment counts).",
        report.total(),
        report.person_differences,
        report.project_differences,
        report.count_differences
    );
    for drift in &report.first {
        let status = drift.status.as_deref().unwrap_or("all");
        println!(
            "  {} {} week {} ({status}): kept {} h, actual {} h",
            drift.table,
            drift.id,
            drift.week,
            HoursTotal::from_centihours(drift.kept_centihours).to_f64(),
            HoursTotal::from_centihours(drift.actual_centihours).to_f64()
        );
    }
    for drift in &report.first_counts {
        println!(
            "  person {} ({}): kept {} assignments, actual {}",
            drift.person_id, drift.status, drift.kept, drift.actual
        );
    }
}
