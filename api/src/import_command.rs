//! `wt-api import people|projects FILE`: the same import an upload runs (the same checks,
//! limits, matching and all-or-nothing rule), straight from the command line in one
//! transaction, with progress on stderr and the report on stdout.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use wt_domain::transfer::imports::{ImportKind, ImportOptions};
use wt_domain::transfer::report::{Report, issues_csv};
use wt_runtime::{Settings, database_pool};
use wt_transfer::import::{self, ImportError, Stages};

/// Progress on stderr: each new stage, and the reading every tenth of the file.
struct Printed {
    stage: String,
    shown: u8,
}

impl Stages for Printed {
    type Stop = std::convert::Infallible;

    async fn stage(&mut self, stage: &str, percent: u8, message: &str) -> Result<(), Self::Stop> {
        if stage != self.stage || percent >= self.shown + 10 {
            eprintln!("{stage:>10} {percent:>3}%  {message}");
            self.stage = stage.to_owned();
            self.shown = percent;
        }
        Ok(())
    }
}

/// Runs the import; fails (non-zero exit) when the file is refused or has errors that kept
/// it out.
pub async fn run(
    settings: &Settings,
    kind: ImportKind,
    file: &Path,
    options: ImportOptions,
    report_file: Option<&Path>,
) -> anyhow::Result<()> {
    let limit = match kind {
        ImportKind::People => settings.people_upload_max_bytes,
        ImportKind::Projects => settings.projects_upload_max_bytes,
    };
    let size = std::fs::metadata(file)
        .with_context(|| format!("reading {}", file.display()))?
        .len();
    if size > limit {
        bail!(
            "{} is {size} bytes; imports take at most {limit} (the upload limit)",
            file.display()
        );
    }
    let pool = database_pool(settings)?;
    let mut tx = pool.begin().await.context("connecting to PostgreSQL")?;
    let mut printed = Printed {
        stage: String::new(),
        shown: 0,
    };
    let outcome = match import::import(&mut tx, file, kind, options, &mut printed).await {
        Ok(outcome) => outcome,
        Err(ImportError::Refused(refusal)) => bail!(
            "the file was refused ({}): {}",
            refusal.code,
            refusal.message
        ),
        Err(ImportError::Store(error)) => return Err(error.into()),
        Err(ImportError::Stopped(never)) => match never {},
    };
    if let Some(path) = report_file {
        std::fs::write(path, issues_csv(&outcome.issues))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    print_report(&outcome.report)?;
    if outcome.report.applied {
        tx.commit().await.context("committing the import")?;
        return Ok(());
    }
    if !options.dry_run {
        bail!(
            "nothing was imported: the file has {} errors (see above, or --skip-bad-rows)",
            outcome.report.errors
        );
    }
    Ok(())
}

fn print_report(report: &Report) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let run = if report.dry_run {
        "dry run"
    } else if report.applied {
        "applied"
    } else {
        "not applied"
    };
    writeln!(
        out,
        "{} rows read; {} errors, {} warnings; {run}",
        report.rows, report.errors, report.warnings
    )?;
    writeln!(
        out,
        "{:<14} {:>8} {:>8} {:>10} {:>8}",
        "", "created", "updated", "unchanged", "skipped"
    )?;
    for (entity, counts) in &report.counts {
        writeln!(
            out,
            "{:<14} {:>8} {:>8} {:>10} {:>8}",
            entity.as_str(),
            counts.created,
            counts.updated,
            counts.unchanged,
            counts.skipped
        )?;
    }
    for issue in report.issues.iter().take(20) {
        let column = issue.column.as_deref().unwrap_or("-");
        writeln!(
            out,
            "{} {} row {} {column}: {} ({})",
            issue.code,
            issue.sheet,
            issue.row,
            issue.message,
            issue.value.as_deref().unwrap_or("")
        )?;
    }
    if report.errors + report.warnings > 20 {
        writeln!(
            out,
            "... {} more; --report FILE writes them all as CSV",
            report.errors + report.warnings - 20
        )?;
    }
    Ok(())
}
