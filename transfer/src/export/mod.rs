//! Exporting people or projects to a spreadsheet the import reads back unchanged: the
//! sheets and headers of `wt_domain::transfer::columns`, roles, departments, projects and
//! people named as the import finds them, hours as numbers, dates as dates, every text
//! through the formula guard. Rows stream from PostgreSQL to a writer on a blocking
//! thread through a small channel, so memory stays flat whatever the company's size.
//! The same code serves a download, the export job and `wt-api export`.

mod people;
mod projects;
mod sink;
pub mod template;

use std::path::Path;

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use tokio::sync::mpsc;
use wt_domain::transfer::columns::Sheet;
use wt_domain::transfer::exports::{ExportFormat, ExportKind};
use wt_store::people::PersonFilter;
use wt_store::projects::ProjectFilter;
use wt_store::{StoreError, listing};

pub use self::sink::SinkError;
use self::sink::{Message, Value};
use crate::import::Stages;

/// Which rows an export writes: the filters of the list it was asked from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "filter", rename_all = "snake_case")]
pub enum Selection {
    People(PersonFilter),
    Projects(ProjectFilter),
}

impl Selection {
    pub fn kind(&self) -> ExportKind {
        match self {
            Selection::People(_) => ExportKind::People,
            Selection::Projects(_) => ExportKind::Projects,
        }
    }

    /// Everything of `kind`.
    pub fn everything(kind: ExportKind) -> Self {
        match kind {
            ExportKind::People => Selection::People(PersonFilter::default()),
            ExportKind::Projects => Selection::Projects(ProjectFilter::default()),
        }
    }
}

/// Progress nobody watches: a download answered at once.
pub struct Unwatched;

impl Stages for Unwatched {
    type Stop = std::convert::Infallible;

    async fn stage(&mut self, _: &str, _: u8, _: &str) -> Result<(), Self::Stop> {
        Ok(())
    }
}

/// Why an export did not write its file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError<S> {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Write(#[from] SinkError),
    #[error("the export was stopped")]
    Stopped(S),
}

/// Rows passed on to the writer before the reader waits for it.
const CHANNEL_ROWS: usize = 256;

/// How often (in rows) progress is passed on.
const PROGRESS_ROWS: u64 = 1_000;

/// The rows an export of `selection` writes in all sheets (headers not counted), as the
/// download decides between answering at once and starting a job.
pub async fn count(conn: &mut PgConnection, selection: &Selection) -> Result<u64, StoreError> {
    let rows = match selection {
        Selection::People(filter) => listing::count(conn, filter).await?,
        Selection::Projects(filter) => projects::count(conn, filter).await?,
    };
    Ok(u64::try_from(rows).unwrap_or(0))
}

/// Writes `selection` as `format` to `path` (created or replaced); answers the rows
/// written. The caller writes to a private path and moves the file into place.
pub async fn export<S: Stages + Send>(
    conn: &mut PgConnection,
    selection: &Selection,
    format: ExportFormat,
    path: &Path,
    stages: &mut S,
) -> Result<u64, ExportError<S::Stop>> {
    stages
        .stage("Counting", 0, "Counting the rows to write")
        .await
        .map_err(ExportError::Stopped)?;
    let total = count(conn, selection).await?;
    let (sender, mut receiver) = mpsc::channel(CHANNEL_ROWS);
    let owned = path.to_path_buf();
    let writer = tokio::task::spawn_blocking(move || {
        let sink = sink::open(format, &owned, true)?;
        sink::drain(sink, || receiver.blocking_recv())
    });
    let mut rows = Rows {
        sender,
        written: 0,
        total,
        stages,
    };
    let produced = match selection {
        Selection::People(filter) => people::write(conn, filter, &mut rows).await,
        Selection::Projects(filter) => projects::write(conn, filter, format, &mut rows).await,
    };
    let written = rows.written;
    drop(rows);
    let finished = writer.await.map_err(|error| {
        tracing::error!(%error, "the export writer failed");
        SinkError::Io(std::io::Error::other("the export writer stopped"))
    })?;
    match (produced, finished) {
        (_, Err(error)) => Err(error.into()),
        (Err(error), Ok(())) => Err(error),
        (Ok(()), Ok(())) => Ok(written),
    }
}

/// The producer's end: sends sheets and rows to the writer, and reports progress.
struct Rows<'s, S> {
    sender: mpsc::Sender<Message>,
    written: u64,
    total: u64,
    stages: &'s mut S,
}

impl<S: Stages> Rows<'_, S> {
    /// Starts `sheet`: its headers, then `extra` header cells (week columns).
    async fn sheet(
        &mut self,
        sheet: &Sheet,
        extra: Vec<Value>,
    ) -> Result<(), ExportError<S::Stop>> {
        let mut header: Vec<Value> = sheet
            .columns
            .iter()
            .map(|column| Value::text(column.header))
            .collect();
        header.extend(extra);
        self.send(Message::Sheet {
            name: sheet.name,
            header,
        })
        .await
    }

    async fn row(&mut self, cells: Vec<Value>) -> Result<(), ExportError<S::Stop>> {
        self.send(Message::Row(cells)).await?;
        self.written += 1;
        if self.written.is_multiple_of(PROGRESS_ROWS) {
            let percent = (self.written * 100 / self.total.max(1)).min(99) as u8;
            let message = format!("{} of {} rows written", self.written, self.total);
            self.stages
                .stage("Writing", percent, &message)
                .await
                .map_err(ExportError::Stopped)?;
        }
        Ok(())
    }

    /// A writer that stopped has its own error, which [`export`] reports.
    async fn send(&mut self, message: Message) -> Result<(), ExportError<S::Stop>> {
        self.sender.send(message).await.map_err(|_| {
            ExportError::Write(SinkError::Io(std::io::Error::other(
                "the export writer stopped",
            )))
        })
    }
}
