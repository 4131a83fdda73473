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
use wt_domain::transfer::limits::MAX_READ_SECONDS;
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

/// Runs `work` on a blocking thread (parsers and file checks never stall the runtime),
/// within the read time limit.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, Refusal> {
    let limit = Duration::from_secs(MAX_READ_SECONDS);
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(work)).await {
        Ok(done) => done.map_err(reader_failed)?,
        Err(_) => Err(too_slow(limit)),
    }
}

/// A reader that panicked: logged for us, a plain refusal for the person.
fn reader_failed(error: tokio::task::JoinError) -> Refusal {
    tracing::error!(%error, "a spreadsheet reader failed");
    Refusal::new("invalid_file", "The file could not be read.")
}

fn too_slow(limit: Duration) -> Refusal {
    Refusal::new(
        "read_timeout",
        format!(
            "Reading the file took longer than {} minutes; split it into smaller files.",
            limit.as_secs().div_ceil(60)
        ),
    )
}

/// How often reading progress is passed on while the blocking reader works.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// What reads a file on a blocking thread: told where to count its progress and when to
/// stop.
type Collect<T> =
    dyn FnOnce(&Path, FileType, &crate::read::Progress, &AtomicBool) -> Result<T, Refusal> + Send;

/// Reads the file on a blocking thread with `collect`, passing progress on (mapped to
/// `from..to` percent), stopping the reader when the stages say so or when the read time
/// limit passes.
async fn read_rows<S: Stages, T: Send + 'static>(
    path: &Path,
    file_type: FileType,
    span: (u8, u8),
    stages: &mut S,
    collect: impl FnOnce(&Path, FileType, &crate::read::Progress, &AtomicBool) -> Result<T, Refusal>
    + Send
    + 'static,
) -> Result<T, ImportError<S::Stop>> {
    let limit = Duration::from_secs(MAX_READ_SECONDS);
    read_rows_within(limit, path, file_type, span, stages, Box::new(collect)).await
}

async fn read_rows_within<S: Stages, T: Send + 'static>(
    limit: Duration,
    path: &Path,
    file_type: FileType,
    (from, to): (u8, u8),
    stages: &mut S,
    collect: Box<Collect<T>>,
) -> Result<T, ImportError<S::Stop>> {
    let progress = Arc::new(AtomicU8::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let path: PathBuf = path.to_path_buf();
    let (reader_progress, reader_cancel) = (progress.clone(), cancel.clone());
    let mut reading = tokio::task::spawn_blocking(move || {
        collect(&path, file_type, &reader_progress, &reader_cancel)
    });
    let deadline = tokio::time::sleep(limit);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            done = &mut reading => {
                return done.map_err(reader_failed)?.map_err(ImportError::Refused);
            }
            () = &mut deadline => {
                // The reader stops at its next row; nothing waits for it.
                cancel.store(true, Ordering::Relaxed);
                return Err(ImportError::Refused(too_slow(limit)));
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

#[cfg(test)]
mod tests {
    use super::*;

    struct Quiet;

    impl Stages for Quiet {
        type Stop = ();

        async fn stage(&mut self, _: &str, _: u8, _: &str) -> Result<(), ()> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_reader_past_the_time_limit_is_told_to_stop_and_refused() {
        let stopped = Arc::new(AtomicBool::new(false));
        let seen = stopped.clone();
        let endless: Box<Collect<()>> = Box::new(move |_, _, _, cancel| {
            while !cancel.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(5));
            }
            seen.store(true, Ordering::Relaxed);
            Ok(())
        });
        let limit = Duration::from_millis(100);
        let result = read_rows_within(
            limit,
            Path::new("x"),
            FileType::Xlsx,
            (0, 50),
            &mut Quiet,
            endless,
        )
        .await;
        match result {
            Err(ImportError::Refused(refusal)) => assert_eq!(refusal.code, "read_timeout"),
            other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
        }
        for _ in 0..200 {
            if stopped.load(Ordering::Relaxed) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("the reader was never told to stop");
    }
}
