//! `export`: writes the people or projects an export asked for (too many to answer at
//! once) to a file beside the job, through the same code as the download and
//! `wt-api export`. The file is written under a hidden name and renamed into place, so a
//! download never sees half a file; its name comes from the job (kind, format, the day it
//! was asked), so a retried attempt replaces it rather than adding another. The result
//! names the file under `download`.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sqlx::PgConnection;
use wt_domain::transfer::exports::file_name;
use wt_jobs::payloads::{Export, JobPayload};
use wt_transfer::export::{self, ExportError};
use wt_transfer::files::{self, JobFile};

use crate::context::{JobContext, JobFailure};

fn disk(error: std::io::Error) -> JobFailure {
    JobFailure::transient("disk_error", error.to_string())
}

pub async fn run(context: &mut JobContext<'_>, tx: &mut PgConnection) -> Result<Value, JobFailure> {
    let payload = Export::of(context.job)?;
    let kind = payload.selection.kind();
    let name = file_name(kind, payload.format, context.job.created_at.date_naive());
    let (folder, path, partial) = places(&context.state.backups_dir, context.job.id, &name)?;
    tokio::fs::create_dir_all(&folder).await.map_err(disk)?;
    let written = export::export(tx, &payload.selection, payload.format, &partial, context).await;
    let rows = match written {
        Ok(rows) => rows,
        Err(error) => {
            let _ = tokio::fs::remove_file(&partial).await;
            return Err(match error {
                ExportError::Store(error) => error.into(),
                ExportError::Write(error) => {
                    JobFailure::transient("export_failed", error.to_string())
                }
                ExportError::Stopped(stop) => stop,
            });
        }
    };
    tokio::fs::rename(&partial, &path).await.map_err(disk)?;
    let bytes = tokio::fs::metadata(&path).await.map_err(disk)?.len();
    context
        .progress("Done", 100, &format!("{rows} rows written to {name}"))
        .await?;
    let download = JobFile {
        name,
        content_type: payload.format.content_type().to_owned(),
        bytes,
    };
    Ok(json!({
        "download": download,
        "rows": rows,
        "kind": kind,
        "format": payload.format,
    }))
}

/// The job's folder, the file's place in it, and the hidden name it is written under.
fn places(
    backups_dir: &Path,
    job_id: i64,
    name: &str,
) -> Result<(PathBuf, PathBuf, PathBuf), JobFailure> {
    let path = files::job_file(backups_dir, job_id, name)
        .ok_or_else(|| JobFailure::permanent("invalid_export", "bad export file name"))?;
    let folder = files::job_dir(backups_dir, job_id);
    let partial = folder.join(format!(".{name}.partial"));
    Ok((folder, path, partial))
}
