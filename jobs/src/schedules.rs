//! The schedules: named cron expressions (UTC) that queue a job per slot. Every
//! scheduler fires a slot at most once across all schedulers: the slot is recorded in the
//! transaction that queues its job, under a primary key, and a second scheduler's attempt
//! rolls back. A scheduler that was down catches up on the latest slot of the last hour.

use std::time::Duration;

use chrono::{DateTime, Utc};
use croner::Cron;
use sqlx::PgPool;
use wt_domain::jobs::JobKind;
use wt_runtime::JobSettings;
use wt_store::StoreError;
use wt_store::jobs::NewJob;
use wt_store::schedules::{self, LastRun};

use crate::dispatch::{Dispatcher, EnqueueError};
use crate::payloads::{Backup, Housekeeping, JobPayload, PayloadError, VerifyLoads, WarmCache};

/// How far back a starting scheduler looks for a slot it missed.
pub const CATCH_UP: Duration = Duration::from_secs(60 * 60);

/// One named schedule.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: JobKind,
    /// `None` when the schedule is turned off.
    pub cron: Option<Cron>,
    new_job: fn() -> Result<NewJob, PayloadError>,
}

/// The schedules, in the order they are listed, with the expressions `settings` give.
pub fn table(settings: &JobSettings) -> Vec<Schedule> {
    vec![
        Schedule::new(
            "warm-cache",
            "Compute the most used dashboard views ahead of their readers.",
            JobKind::WarmCache,
            settings.schedule_warm_cache.cron().cloned(),
            || WarmCache::default().new_job(None),
        ),
        Schedule::new(
            "housekeeping",
            "Delete finished jobs past JOB_RETENTION_DAYS and finished queue entries in Redis.",
            JobKind::Housekeeping,
            settings.schedule_housekeeping.cron().cloned(),
            || Housekeeping::default().new_job(None),
        ),
        Schedule::new(
            "verify-loads",
            "Compare the kept weekly loads with a from-scratch sum and repair any difference.",
            JobKind::VerifyLoads,
            settings.schedule_verify_loads.cron().cloned(),
            || VerifyLoads::default().new_job(None),
        ),
        Schedule::new(
            "backup",
            "Back up the database to BACKUPS_DIR/db and apply the retention (7 daily, 4 weekly, 12 monthly).",
            JobKind::Backup,
            settings.schedule_backup.cron().cloned(),
            || Backup::default().new_job(None),
        ),
    ]
}

impl Schedule {
    /// A schedule named `name` that queues `new_job()`'s row at each slot of `cron`.
    pub fn new(
        name: &'static str,
        description: &'static str,
        kind: JobKind,
        cron: Option<Cron>,
        new_job: fn() -> Result<NewJob, PayloadError>,
    ) -> Self {
        Schedule {
            name,
            description,
            kind,
            cron,
            new_job,
        }
    }

    /// The expression as written, or `off`.
    pub fn expression(&self) -> String {
        self.cron
            .as_ref()
            .map_or_else(|| "off".to_owned(), |cron| cron.pattern.to_string())
    }

    /// The first slot after `now`.
    pub fn next_run(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.cron.as_ref()?.find_next_occurrence(&now, false).ok()
    }

    /// The latest slot at or before `now`, when it is no older than `window`.
    pub fn due_slot(&self, now: DateTime<Utc>, window: Duration) -> Option<DateTime<Utc>> {
        let slot = self
            .cron
            .as_ref()?
            .find_previous_occurrence(&now, true)
            .ok()?;
        let age = (now - slot).to_std().ok()?;
        (age <= window).then_some(slot)
    }
}

/// What firing a slot did.
#[derive(Debug, Clone, PartialEq)]
pub enum Fired {
    /// The slot's job was queued (or an unfinished job of the same dedupe key stands in).
    Queued { job_id: i64 },
    /// Another scheduler had fired the slot.
    Already,
}

/// Fires `slot` of `schedule`: queues its job and records the slot, both or neither.
pub async fn fire(
    pool: &PgPool,
    dispatcher: &Dispatcher,
    schedule: &Schedule,
    slot: DateTime<Utc>,
) -> Result<Fired, EnqueueError> {
    let new = (schedule.new_job)()?;
    let mut tx = dispatcher.begin(pool).await?;
    let job = tx.insert(&new).await?.job;
    if !schedules::record_slot(&mut tx, schedule.name, slot, job.id).await? {
        return Ok(Fired::Already);
    }
    tx.commit().await?;
    Ok(Fired::Queued { job_id: job.id })
}

/// A schedule with its next slot and the latest slot it fired.
#[derive(Debug, Clone)]
pub struct Status<'a> {
    pub schedule: &'a Schedule,
    pub next_run: Option<DateTime<Utc>>,
    pub last_run: Option<LastRun>,
}

/// Where each schedule of `table` stands at `now`.
pub async fn statuses<'a>(
    pool: &PgPool,
    table: &'a [Schedule],
    now: DateTime<Utc>,
) -> Result<Vec<Status<'a>>, StoreError> {
    let mut last_runs = schedules::last_runs(pool).await?;
    Ok(table
        .iter()
        .map(|schedule| Status {
            schedule,
            next_run: schedule.next_run(now),
            last_run: last_runs
                .iter()
                .position(|run| run.schedule == schedule.name)
                .map(|at| last_runs.swap_remove(at)),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use chrono::TimeZone;

    use super::*;

    fn nightly() -> Schedule {
        Schedule::new(
            "test",
            "",
            JobKind::Housekeeping,
            Some(Cron::from_str("0 2 * * *").unwrap()),
            || Housekeeping::default().new_job(None),
        )
    }

    #[test]
    fn the_latest_slot_is_due_within_the_window() {
        let schedule = nightly();
        let at = |h, m| Utc.with_ymd_and_hms(2026, 12, 4, h, m, 0).unwrap();
        assert_eq!(schedule.due_slot(at(2, 0), CATCH_UP), Some(at(2, 0)));
        assert_eq!(schedule.due_slot(at(2, 30), CATCH_UP), Some(at(2, 0)));
        assert_eq!(schedule.due_slot(at(3, 30), CATCH_UP), None);
        assert_eq!(
            schedule.next_run(at(2, 0)),
            Some(at(2, 0) + chrono::Days::new(1))
        );
        let off = Schedule {
            cron: None,
            ..nightly()
        };
        assert_eq!(off.due_slot(at(2, 0), CATCH_UP), None);
        assert_eq!(off.expression(), "off");
        assert_eq!(schedule.expression(), "0 2 * * *");
    }
}
