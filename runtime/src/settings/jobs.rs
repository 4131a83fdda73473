//! Settings of the job system that the api and the worker must agree on: the Redis key
//! namespace, worker liveness, when lost jobs are pushed again, how long finished jobs
//! are kept, and when the scheduled jobs run.

use std::str::FromStr;
use std::time::Duration;

use croner::Cron;

#[derive(Clone, clap::Args)]
pub struct JobSettings {
    /// Prefix of every Redis key of the job system (queues, heartbeats, cache).
    #[arg(long, env = "QUEUE_NAMESPACE", default_value = "wt")]
    pub queue_namespace: String,

    /// Seconds between worker heartbeats; each one also renews the leases of the jobs the
    /// worker runs.
    #[arg(long, env = "WORKER_HEARTBEAT_SECONDS", default_value = "10", value_parser = clap::value_parser!(u64).range(1..=300))]
    pub worker_heartbeat_seconds: u64,

    /// Heartbeats a worker may miss before it counts as gone and its jobs go to another
    /// worker (10 s x 3: within 30 s).
    #[arg(long, env = "WORKER_MISSED_HEARTBEATS", default_value = "3", value_parser = clap::value_parser!(u32).range(2..=100))]
    pub worker_missed_heartbeats: u32,

    /// Seconds a queued job may wait unclaimed before the reconciler pushes it again.
    #[arg(long, env = "JOB_RECONCILE_GRACE_SECONDS", default_value = "60", value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub job_reconcile_grace_seconds: u64,

    /// Days finished jobs stay listed before the daily housekeeping deletes them.
    #[arg(long, env = "JOB_RETENTION_DAYS", default_value = "30", value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub job_retention_days: u32,

    /// When the cache warm-up runs (cron, UTC, optional seconds field; `off` disables).
    #[arg(long, env = "SCHEDULE_WARM_CACHE", default_value = "*/15 * * * *", value_parser = parse_cron)]
    pub schedule_warm_cache: CronSetting,

    /// When the job-system housekeeping runs (cron, UTC; `off` disables).
    #[arg(long, env = "SCHEDULE_HOUSEKEEPING", default_value = "30 3 * * *", value_parser = parse_cron)]
    pub schedule_housekeeping: CronSetting,

    /// When the weekly loads are checked against a from-scratch sum and repaired (cron,
    /// UTC; `off` disables).
    #[arg(long, env = "SCHEDULE_VERIFY_LOADS", default_value = "15 4 * * *", value_parser = parse_cron)]
    pub schedule_verify_loads: CronSetting,

    /// When the nightly database backup runs (cron, UTC; `off` disables). Archives go to
    /// BACKUPS_DIR/db, kept 7 daily, 4 weekly and 12 monthly.
    #[arg(long, env = "SCHEDULE_BACKUP", default_value = "0 2 * * *", value_parser = parse_cron)]
    pub schedule_backup: CronSetting,
}

impl JobSettings {
    pub fn heartbeat_interval(&self) -> Duration {
        Duration::from_secs(self.worker_heartbeat_seconds)
    }

    /// How long without a heartbeat before a worker counts as gone; also the lease a
    /// worker's heartbeat keeps renewing on each job it runs.
    pub fn worker_timeout(&self) -> Duration {
        self.heartbeat_interval() * self.worker_missed_heartbeats
    }

    pub fn reconcile_grace(&self) -> Duration {
        Duration::from_secs(self.job_reconcile_grace_seconds)
    }

    pub fn retention(&self) -> Duration {
        Duration::from_secs(u64::from(self.job_retention_days) * 24 * 60 * 60)
    }
}

/// A cron expression from the settings, or nothing when the schedule is `off`.
#[derive(Debug, Clone)]
pub struct CronSetting(Option<Cron>);

impl CronSetting {
    pub fn cron(&self) -> Option<&Cron> {
        self.0.as_ref()
    }
}

fn parse_cron(raw: &str) -> Result<CronSetting, String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.eq_ignore_ascii_case("off") {
        return Ok(CronSetting(None));
    }
    Cron::from_str(raw)
        .map(|cron| CronSetting(Some(cron)))
        .map_err(|e| format!("{raw:?} is not a cron expression ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_parse_or_turn_off() {
        assert!(parse_cron("*/15 * * * *").unwrap().cron().is_some());
        assert!(parse_cron("*/2 * * * * *").unwrap().cron().is_some());
        assert!(parse_cron("off").unwrap().cron().is_none());
        assert!(parse_cron(" ").unwrap().cron().is_none());
        let refused = parse_cron("every day").unwrap_err();
        assert!(refused.contains("every day"), "{refused}");
    }
}
