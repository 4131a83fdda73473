//! `backup`: copies the database to an archive under `BACKUPS_DIR/db` and applies the
//! retention, through the same code as `wt-api backup-db` (`wt-backup`). It writes
//! nothing in the job's transaction: the archive is the effect. A backup that meets
//! another backup or a restore, a full disk or a failing `pg_dump` is tried again later;
//! its error says which.

use serde_json::{Value, json};
use wt_backup::{BackupError, Trigger};
use wt_jobs::payloads::{Backup, JobPayload};

use crate::context::{JobContext, JobFailure};

pub async fn run(context: &mut JobContext<'_>) -> Result<Value, JobFailure> {
    Backup::of(context.job)?;
    let backups = context.state.backups.clone().ok_or_else(|| {
        JobFailure::permanent(
            "backups_not_configured",
            "This worker was started without backup settings.",
        )
    })?;
    let trigger = match context.job.requested_by {
        Some(_) => Trigger::Admin,
        None => Trigger::Schedule,
    };
    let message = format!("Copying the database {}", backups.database());
    context.progress("Backing up", 10, &message).await?;
    let created = backups.create(trigger).await.map_err(failure)?;
    let sidecar = &created.sidecar;
    let done = format!(
        "{} written ({} bytes, {} tables); {} expired",
        sidecar.file,
        sidecar.bytes,
        sidecar.tables.len(),
        created.expired.len()
    );
    context.progress("Done", 100, &done).await?;
    Ok(json!({
        "archive": sidecar.id,
        "bytes": sidecar.bytes,
        "sha256": sidecar.sha256,
        "schemaVersion": sidecar.schema_version,
        "tables": sidecar.tables.len(),
        "expired": created.expired,
    }))
}

/// Settings that cannot work fail the job at once; everything else may pass (another
/// backup ends, space is freed, the database returns).
fn failure(error: BackupError) -> JobFailure {
    let code = error.code();
    match error {
        BackupError::Settings(_) => JobFailure::permanent(code, error.to_string()),
        _ => JobFailure::transient(code, error.to_string()),
    }
}
