//! The worker's command line: the shared settings plus what only a worker needs (which
//! queues, how many jobs of each at once, leases, draining, metrics), and the checks that
//! refuse a bad combination before anything starts.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;
use clap::builder::BoolishValueParser;
use wt_domain::jobs::Queue;
use wt_runtime::Settings;

/// Workload Tracker background worker: imports, reallocations, backups, mail, caches.
#[derive(Parser)]
#[command(name = "wt-worker", version)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,

    /// Queues this worker serves, comma separated (mail, cache, imports, exports,
    /// reallocations, backups, maintenance), or `all`.
    #[arg(
        long,
        env = "WORKER_QUEUES",
        default_value = "all",
        value_delimiter = ','
    )]
    pub queues: Vec<String>,

    /// Jobs of one queue run at the same time, for every queue without its own setting
    /// (`WORKER_CONCURRENCY_<QUEUE>`, e.g. `WORKER_CONCURRENCY_IMPORTS=1`, or
    /// `--queue-concurrency imports=1`).
    #[arg(long, env = "WORKER_CONCURRENCY", default_value = "4", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,

    /// A queue's own concurrency, as `queue=N`; repeat or separate with commas.
    #[arg(long, value_delimiter = ',', value_parser = parse_queue_concurrency)]
    pub queue_concurrency: Vec<(Queue, u16)>,

    /// Also run the scheduler role: the reconciler and the schedules. One is enough;
    /// more are harmless.
    #[arg(long, env = "WORKER_SCHEDULER", default_value = "true", value_parser = BoolishValueParser::new(), action = clap::ArgAction::Set)]
    pub scheduler: bool,

    /// Seconds each heartbeat extends the lease of a running job (default: heartbeat x
    /// missed heartbeats). A job whose worker stops beating is taken again this long after
    /// its last beat.
    #[arg(long, env = "JOB_LEASE_SECONDS", value_parser = clap::value_parser!(u64).range(2..=86400))]
    pub lease_seconds: Option<u64>,

    /// Seconds running jobs may take to finish after SIGTERM before they are released to
    /// another worker.
    #[arg(long, env = "WORKER_DRAIN_SECONDS", default_value = "25", value_parser = clap::value_parser!(u64).range(0..=3600))]
    pub drain_seconds: u64,

    /// Serve Prometheus metrics at `http://<address>/metrics`, e.g. `127.0.0.1:9464`.
    #[arg(long, env = "METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// Let probe jobs inject faults (fail, abort the process): for tests only, refused
    /// when DEBUG=false.
    #[arg(long, env = "WORKER_FAULT_INJECTION", default_value = "false", value_parser = BoolishValueParser::new(), action = clap::ArgAction::Set)]
    pub fault_injection: bool,
}

fn parse_queue_concurrency(raw: &str) -> Result<(Queue, u16), String> {
    let (queue, count) = raw
        .split_once('=')
        .ok_or_else(|| format!("{raw:?} is not queue=N"))?;
    let queue: Queue = queue.parse().map_err(|e| format!("{e} (in {raw:?})"))?;
    let count = parse_count(count.trim()).map_err(|e| format!("{e} (in {raw:?})"))?;
    Ok((queue, count))
}

fn parse_count(raw: &str) -> Result<u16, String> {
    raw.parse::<u16>()
        .ok()
        .filter(|n| (1..=64).contains(n))
        .ok_or_else(|| format!("{raw:?} is not a concurrency from 1 to 64"))
}

impl Cli {
    /// The queues to serve with their concurrency, or why the settings are refused (unsafe,
    /// or contradicting each other).
    pub fn check(&self) -> Result<Vec<(Queue, usize)>, String> {
        self.settings
            .check_production_safety()
            .map_err(|e| e.to_string())?;
        if self.fault_injection && !self.settings.debug {
            return Err("WORKER_FAULT_INJECTION is for tests and needs DEBUG=true".to_owned());
        }
        if self.lease() <= self.settings.jobs.heartbeat_interval() {
            return Err(
                "JOB_LEASE_SECONDS must be longer than WORKER_HEARTBEAT_SECONDS, \
                        or a running job's lease runs out between two renewals"
                    .to_owned(),
            );
        }
        self.queue_plan()
    }

    fn queue_plan(&self) -> Result<Vec<(Queue, usize)>, String> {
        let mut queues = Vec::new();
        for name in self.queues.iter().map(|name| name.trim()) {
            if name.eq_ignore_ascii_case("all") {
                queues.extend(Queue::ALL);
            } else {
                let queue: Queue = name
                    .parse()
                    .map_err(|e| format!("WORKER_QUEUES: {e}; queues are mail, cache, imports, exports, reallocations, backups, maintenance"))?;
                queues.push(queue);
            }
        }
        queues.sort();
        queues.dedup();
        if queues.is_empty() {
            return Err("WORKER_QUEUES names no queue".to_owned());
        }
        queues
            .into_iter()
            .map(|queue| Ok((queue, usize::from(self.concurrency_of(queue)?))))
            .collect()
    }

    /// A queue's concurrency: its flag, its variable, or the common setting.
    fn concurrency_of(&self, queue: Queue) -> Result<u16, String> {
        if let Some((_, count)) = self
            .queue_concurrency
            .iter()
            .rev()
            .find(|(q, _)| *q == queue)
        {
            return Ok(*count);
        }
        let variable = queue.concurrency_variable();
        match std::env::var(&variable) {
            Ok(raw) => parse_count(raw.trim()).map_err(|e| format!("{variable}: {e}")),
            Err(_) => Ok(self.concurrency),
        }
    }

    pub fn lease(&self) -> Duration {
        self.lease_seconds
            .map(Duration::from_secs)
            .unwrap_or_else(|| self.settings.jobs.worker_timeout())
    }

    pub fn drain(&self) -> Duration {
        Duration::from_secs(self.drain_seconds)
    }

    /// The settings with a pool big enough for every job that may run at once (each
    /// holds a transaction and writes its progress beside it), plus the heartbeat, the
    /// scheduler and the metrics.
    pub fn pool_settings(&self, queues: &[(Queue, usize)]) -> Settings {
        let jobs: usize = queues.iter().map(|(_, concurrency)| concurrency).sum();
        let needed = u32::try_from(jobs * 2 + 4).unwrap_or(u32::MAX);
        let mut settings = self.settings.clone();
        if settings.db_max_connections < needed {
            tracing::info!(
                configured = settings.db_max_connections,
                needed,
                "DB_MAX_CONNECTIONS raised to fit the worker's concurrency"
            );
            settings.db_max_connections = needed;
        }
        settings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cli(args: &[&str]) -> Cli {
        let mut argv = vec!["wt-worker", "--debug=true"];
        argv.extend_from_slice(args);
        Cli::try_parse_from(argv).expect("valid arguments")
    }

    #[test]
    fn queues_and_their_concurrency_are_chosen() {
        let all = cli(&[]).queue_plan().unwrap();
        assert_eq!(all.len(), Queue::ALL.len());
        let plan = cli(&[
            "--queues",
            "imports,Backups",
            "--concurrency",
            "3",
            "--queue-concurrency",
            "imports=1",
        ])
        .queue_plan()
        .unwrap();
        assert_eq!(plan, vec![(Queue::Imports, 1), (Queue::Backups, 3)]);
        assert!(cli(&["--queues", "import"]).queue_plan().is_err());
        assert!(Cli::try_parse_from(["wt-worker", "--queue-concurrency", "imports=0"]).is_err());
    }

    #[test]
    fn a_lease_must_outlast_a_heartbeat() {
        let short = cli(&["--worker-heartbeat-seconds", "10", "--lease-seconds", "5"]);
        assert!(short.check().unwrap_err().contains("JOB_LEASE_SECONDS"));
        assert_eq!(cli(&[]).lease(), cli(&[]).settings.jobs.worker_timeout());
    }
}
