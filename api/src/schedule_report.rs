//! `wt-api schedules`: the schedules as an operator checks them, one line each with the
//! expression, the job it queues, the next run and the latest run. The latest runs come
//! from the database; when it does not answer, the rest is still printed.

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use wt_jobs::schedules::{self, Status};
use wt_runtime::{Settings, database_pool};

/// How long the database gets to answer before the list is printed without latest runs.
const DATABASE_PATIENCE: Duration = Duration::from_secs(5);

pub async fn print(settings: &Settings) -> anyhow::Result<()> {
    let table = schedules::table(&settings.jobs);
    let now = Utc::now();
    let pool = database_pool(settings)?;
    let read = schedules::statuses(&pool, &table, now);
    let statuses = match tokio::time::timeout(DATABASE_PATIENCE, read).await {
        Ok(Ok(statuses)) => statuses,
        outcome => {
            let reason = match outcome {
                Ok(Err(error)) => error.to_string(),
                _ => "no answer".to_owned(),
            };
            eprintln!("Latest runs unknown: the database could not be read ({reason}).");
            table
                .iter()
                .map(|schedule| Status {
                    schedule,
                    next_run: schedule.next_run(now),
                    last_run: None,
                })
                .collect()
        }
    };
    println!(
        "{:<14} {:<16} {:<14} {:<12} {:<22} LAST RUN",
        "NAME", "CRON (UTC)", "JOB", "QUEUE", "NEXT RUN"
    );
    for status in statuses {
        let schedule = status.schedule;
        let last = status.last_run.map_or_else(
            || "-".to_owned(),
            |run| format!("{} (job {}, {})", when(run.slot), run.job_id, run.state),
        );
        println!(
            "{:<14} {:<16} {:<14} {:<12} {:<22} {last}",
            schedule.name,
            schedule.expression(),
            schedule.kind.as_str(),
            schedule.kind.queue().as_str(),
            status.next_run.map_or_else(|| "off".to_owned(), when),
        );
    }
    Ok(())
}

fn when(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
