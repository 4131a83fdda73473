//! `import`: applies (or dry-runs) an uploaded spreadsheet. The staged file is checked
//! against the checksum the upload recorded, then imported in the job's transaction
//! through the same code as `wt-api import`; the report is the job's result, and every
//! issue goes to a CSV beside the job for download (rewritten whole by a retried attempt).

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use wt_domain::transfer::report::issues_csv;
use wt_jobs::payloads::{Import, JobPayload};
use wt_transfer::files::{self, JobFile};
use wt_transfer::import::{self, ImportError};

use crate::context::{JobContext, JobFailure};

pub async fn run(context: &mut JobContext<'_>, tx: &mut PgConnection) -> Result<Value, JobFailure> {
    let payload = Import::of(context.job)?;
    let path = context.state.backups_dir.join(&payload.file);
    verify(&path, &payload.sha256).await?;
    let outcome = import::import(tx, &path, payload.kind, payload.options, context)
        .await
        .map_err(|error| match error {
            ImportError::Refused(refusal) => JobFailure::permanent(refusal.code, refusal.message),
            ImportError::Store(error) => error.into(),
            ImportError::Stopped(stop) => stop,
        })?;
    let report_csv = issues_csv(&outcome.issues);
    let download = write_report(&context.state.backups_dir, context.job.id, report_csv).await?;
    let summary = summary(&outcome.report);
    context.progress("Done", 100, &summary).await?;
    let mut result = serde_json::to_value(&outcome.report)
        .map_err(|e| JobFailure::permanent("invalid_report", e.to_string()))?;
    result["kind"] = json!(payload.kind);
    result["fileName"] = json!(payload.file_name);
    result["download"] = json!(download);
    Ok(result)
}

/// Refuses a staged file that is gone or is not the one uploaded.
async fn verify(path: &Path, expected: &str) -> Result<(), JobFailure> {
    let owned = path.to_path_buf();
    let actual = tokio::task::spawn_blocking(move || sha256_of(&owned))
        .await
        .map_err(|e| JobFailure::transient("worker_error", e.to_string()))?;
    match actual {
        Ok(actual) if actual == expected => Ok(()),
        Ok(_) => Err(JobFailure::permanent(
            "file_changed",
            "The uploaded file changed after it was uploaded; upload it again.",
        )),
        Err(_) => Err(JobFailure::permanent(
            "file_missing",
            "The uploaded file is no longer there (it is kept for a limited time); upload it again.",
        )),
    }
}

fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Writes the full issue list beside the job (a temporary name, then a rename, so a
/// reader never sees half a file).
async fn write_report(backups_dir: &Path, job_id: i64, csv: String) -> Result<JobFile, JobFailure> {
    let name = "import-report.csv";
    let path: PathBuf = files::job_file(backups_dir, job_id, name)
        .ok_or_else(|| JobFailure::permanent("invalid_report", "bad report name"))?;
    let disk = |e: std::io::Error| JobFailure::transient("disk_error", e.to_string());
    let folder = files::job_dir(backups_dir, job_id);
    tokio::fs::create_dir_all(&folder).await.map_err(disk)?;
    let partial = folder.join(format!(".{name}.partial"));
    tokio::fs::write(&partial, csv.as_bytes())
        .await
        .map_err(disk)?;
    tokio::fs::rename(&partial, &path).await.map_err(disk)?;
    Ok(JobFile {
        name: name.to_owned(),
        content_type: "text/csv; charset=utf-8".to_owned(),
        bytes: csv.len() as u64,
    })
}

/// One line for the job's message, e.g. "120 rows: 3 errors, nothing written".
fn summary(report: &wt_domain::transfer::report::Report) -> String {
    let written = if report.applied {
        "written"
    } else if report.dry_run {
        "dry run, nothing written"
    } else {
        "nothing written"
    };
    format!(
        "{} rows: {} errors, {} warnings; {written}",
        report.rows, report.errors, report.warnings
    )
}
