//! Importing a spreadsheet: inspect it, read it on a blocking thread into checked rows,
//! match them against what is stored, and (unless it is a dry run, or a row failed and bad
//! rows are not to be skipped) write everything in the caller's transaction, all or
//! nothing. The caller (the import job, or `wt-api import`) gets the report and every
//! issue, and owns the transaction: it commits the writes with the job's success.

mod collect;
mod links;
mod links_plan;
mod people;
mod people_apply;
mod projects;
mod projects_apply;
mod sheet;
mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use sqlx::PgConnection;
pub use wt_domain::transfer::imports::{ImportKind, ImportOptions};
use wt_domain::transfer::report::{Issue, Report};
use wt_store::StoreError;

use crate::inspect::{FileType, inspect};
use crate::refusal::Refusal;

/// Where an import reports its progress, and learns it must stop.
pub trait Stages {
    /// Why the import must stop (a cancelled job).
    type Stop;

    fn stage(
        &mut self,
        stage: &str,
        percent: u8,
        message: &str,
    ) -> impl Future<Output = Result<(), Self::Stop>> + Send;
}

/// Why an import did not produce a report.
#[derive(Debug, thiserror::Error)]
pub enum ImportError<S> {
    /// The file was refused as a whole.
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the import was stopped")]
    Stopped(S),
}

/// A finished import: the report (its issues cut short) and every issue.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub report: Report,
    pub issues: Vec<Issue>,
}

/// Imports `path` as `kind` through `conn` (the caller's transaction).
pub async fn import<S: Stages + Send>(
    conn: &mut PgConnection,
    path: &Path,
    kind: ImportKind,
    options: ImportOptions,
    stages: &mut S,
) -> Result<Outcome, ImportError<S::Stop>> {
    stages
        .stage("Scanning", 0, "Checking the file")
        .await
        .map_err(ImportError::Stopped)?;
    let owned = path.to_path_buf();
    let file_type = blocking(move || inspect(&owned)).await?;
    match kind {
        ImportKind::People => people_apply::run(conn, path, file_type, options, stages).await,
        ImportKind::Projects => projects_apply::run(conn, path, file_type, options, stages).await,
    }
}

/// Runs `work` on a blocking thread (parsers and file checks never stall the runtime).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, Refusal> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "a spreadsheet reader failed");
        Refusal::new("invalid_file", "The file could not be read.")
    })?
}

/// How often reading progress is passed on while the blocking reader works.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// Reads the file on a blocking thread with `collect`, passing progress on (mapped to
/// `from..to` percent) and stopping the reader when the stages say so.
async fn read_rows<S: Stages, T: Send + 'static>(
    path: &Path,
    file_type: FileType,
    (from, to): (u8, u8),
    stages: &mut S,
    collect: impl FnOnce(&Path, FileType, &crate::read::Progress, &AtomicBool) -> Result<T, Refusal>
    + Send
    + 'static,
) -> Result<T, ImportError<S::Stop>> {
    let progress = Arc::new(AtomicU8::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let path: PathBuf = path.to_path_buf();
    let (reader_progress, reader_cancel) = (progress.clone(), cancel.clone());
    let mut reading = tokio::task::spawn_blocking(move || {
        collect(&path, file_type, &reader_progress, &reader_cancel)
    });
    loop {
        tokio::select! {
            done = &mut reading => {
                return done.map_err(|error| {
                    tracing::error!(%error, "a spreadsheet reader failed");
                    ImportError::Refused(Refusal::new("invalid_file", "The file could not be read."))
                })?.map_err(ImportError::Refused);
            }
            () = tokio::time::sleep(PROGRESS_EVERY) => {
                let read = progress.load(Ordering::Relaxed);
                let percent = from + (u16::from(to - from) * u16::from(read) / 100) as u8;
                let message = format!("{read}% of the file read");
                if let Err(stop) = stages.stage("Reading", percent, &message).await {
                    cancel.store(true, Ordering::Relaxed);
                    let _ = reading.await;
                    return Err(ImportError::Stopped(stop));
                }
            }
        }
    }
}
