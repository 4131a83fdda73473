//! The backup commands of the `wt-api` CLI, over the same code as the `backup` job and
//! the admin API (`wt-backup`): `backup-db` takes a backup now, `restore-db FILE
//! --confirm` replaces the database with an archive, `restore-drill` proves the newest
//! backup restores. Each fails with exit status 1 and one line saying why.

use std::path::Path;

use anyhow::{Context, bail};
use wt_backup::drill::DrillReport;
use wt_backup::read_only::ReadOnly;
use wt_backup::{Backups, Trigger};
use wt_runtime::{RedisConnector, Settings};

/// `backup-db`: one backup, then the retention.
pub async fn backup(settings: &Settings) -> anyhow::Result<()> {
    let backups = Backups::from_settings(settings)?;
    let created = backups.create(Trigger::Cli).await?;
    let sidecar = &created.sidecar;
    println!(
        "Backup {} written to {} ({} bytes, SHA-256 {}, schema version {}, {} tables, {} ms).",
        sidecar.id,
        backups.dir().join(&sidecar.file).display(),
        sidecar.bytes,
        sidecar.sha256,
        sidecar.schema_version,
        sidecar.tables.len(),
        sidecar.duration_ms
    );
    for id in &created.expired {
        println!("Retention removed {id}.");
    }
    Ok(())
}

/// `restore-db FILE --confirm`: refuses without `confirm`, since it replaces the live
/// database.
pub async fn restore(settings: &Settings, file: &Path, confirm: bool) -> anyhow::Result<()> {
    let backups = Backups::from_settings(settings)?;
    if !confirm {
        bail!(
            "this replaces the database {} with {} (a safety backup is taken first); run again with --confirm",
            backups.database(),
            file.display()
        );
    }
    let redis = RedisConnector::new(settings).context("the read-only flag needs Redis")?;
    let read_only = ReadOnly::new(redis, &settings.jobs.queue_namespace);
    let prepared = backups.prepare_restore(file).await?;
    let sidecar = prepared.sidecar();
    println!(
        "Restoring {} (taken {}, schema version {}) over {}; the app is read-only meanwhile.",
        sidecar.id,
        sidecar.started_at.format("%Y-%m-%d %H:%M:%S UTC"),
        sidecar.schema_version,
        backups.database()
    );
    let restored = prepared.run(&read_only).await?;
    println!(
        "Restored {} into {} ({} tables checked, schema version {}). Safety backup: {}.",
        restored.archive,
        backups.database(),
        restored.tables,
        restored.schema_version,
        restored.safety_backup
    );
    println!(
        "The replaced database is kept as {}; drop it when no longer needed.",
        restored.previous_database
    );
    Ok(())
}

/// `restore-drill`: prints the comparison; fails when any table differs.
pub async fn drill(settings: &Settings) -> anyhow::Result<()> {
    let report = Backups::from_settings(settings)?.drill().await?;
    print_drill(&report);
    if !report.passed() {
        bail!(
            "the restored copy of {} differs from its backup",
            report.archive
        );
    }
    Ok(())
}

fn print_drill(report: &DrillReport) {
    println!(
        "Restore drill of {}: schema version {} recorded, {} restored.",
        report.archive, report.recorded_schema, report.restored_schema
    );
    let width = report
        .rows
        .iter()
        .map(|row| row.table.len())
        .max()
        .unwrap_or(5)
        .max(5);
    println!(
        "{:<width$}  {:>13}  {:>13}  checksum",
        "table", "recorded rows", "restored rows"
    );
    let rows = |census: &Option<wt_backup::census::TableCensus>| {
        census
            .as_ref()
            .map_or_else(|| "-".to_owned(), |t| t.rows.to_string())
    };
    for row in &report.rows {
        let verdict = if row.matches() { "ok" } else { "DIFFERS" };
        println!(
            "{:<width$}  {:>13}  {:>13}  {verdict}",
            row.table,
            rows(&row.recorded),
            rows(&row.restored)
        );
    }
    let differing = report.rows.iter().filter(|row| !row.matches()).count();
    if report.passed() {
        println!("Passed: {} tables equal.", report.rows.len());
    } else {
        println!("Failed: {differing} table(s) differ.");
    }
}
