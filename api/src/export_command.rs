//! `wt-api export people|projects [--format xlsx|csv] [--output F]`: the same export a
//! download runs (the same sheets, columns and formula guard), of everything, from the
//! command line. The file is written beside its destination under a hidden name and
//! renamed into place; `--output -` writes it to stdout. Progress goes to stderr.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use wt_domain::transfer::exports::{ExportFormat, ExportKind, file_name};
use wt_runtime::{Settings, database_pool};
use wt_transfer::export::{self, ExportError, Selection, Unwatched};

/// Runs the export; answers where the file went and how many rows it holds.
pub async fn run(
    settings: &Settings,
    kind: ExportKind,
    format: ExportFormat,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let to_stdout = output == Some(Path::new("-"));
    let target: PathBuf = match output {
        Some(path) if !to_stdout => path.to_path_buf(),
        _ => PathBuf::from(file_name(kind, format, chrono::Utc::now().date_naive())),
    };
    let partial = hidden_beside(&target, to_stdout)?;
    let pool = database_pool(settings)?;
    let mut conn = pool.acquire().await.context("connecting to PostgreSQL")?;
    let selection = Selection::everything(kind);
    let written = export::export(&mut conn, &selection, format, &partial, &mut Unwatched).await;
    let rows = match written {
        Ok(rows) => rows,
        Err(ExportError::Store(error)) => return Err(error.into()),
        Err(ExportError::Write(error)) => return Err(error.into()),
        Err(ExportError::Stopped(never)) => match never {},
    };
    if to_stdout {
        let mut file = std::fs::File::open(&*partial).context("reading the export")?;
        let mut out = std::io::stdout().lock();
        std::io::copy(&mut file, &mut out).context("writing to stdout")?;
        out.flush()?;
        eprintln!("{rows} rows written");
        return Ok(());
    }
    partial
        .persist(&target)
        .with_context(|| format!("writing {}", target.display()))?;
    eprintln!("{rows} rows written to {}", target.display());
    Ok(())
}

/// A temporary file in the target's folder (so the final rename stays on one disk), or
/// in the system's for stdout.
fn hidden_beside(target: &Path, to_stdout: bool) -> anyhow::Result<tempfile::TempPath> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".wt-export-");
    let file = match target
        .parent()
        .filter(|dir| !to_stdout && !dir.as_os_str().is_empty())
    {
        Some(dir) => builder.tempfile_in(dir),
        None if to_stdout => builder.tempfile(),
        None => builder.tempfile_in("."),
    }
    .with_context(|| format!("creating a file beside {}", target.display()))?;
    Ok(file.into_temp_path())
}
