//! `wt-worker`: the background worker process. Configuration comes from the environment
//! (and a `.env` file in the working directory); `--help` lists every variable.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use clap::builder::BoolishValueParser;
use wt_jobs::queues::Queues;
use wt_runtime::{RedisConnector, Settings, database_pool, shutdown, telemetry};
use wt_worker::mailer::Mailer;
use wt_worker::{RunOptions, WorkerState};

/// Workload Tracker background worker: imports, reallocations, backups, mail, caches.
#[derive(Parser)]
#[command(name = "wt-worker", version)]
struct Cli {
    #[command(flatten)]
    settings: Settings,

    /// Jobs of one kind run at the same time by this process.
    #[arg(long, env = "WORKER_CONCURRENCY", default_value = "4", value_parser = clap::value_parser!(u16).range(1..=64))]
    concurrency: u16,

    /// Also run the scheduler role (re-pushes jobs Redis lost).
    #[arg(long, env = "WORKER_SCHEDULER", default_value = "true", value_parser = BoolishValueParser::new(), action = clap::ArgAction::Set)]
    scheduler: bool,

    /// Seconds a claimed job is protected from other workers.
    #[arg(long, env = "JOB_LEASE_SECONDS", default_value = "900", value_parser = clap::value_parser!(u64).range(10..=86400))]
    lease_seconds: u64,
}

fn main() -> anyhow::Result<()> {
    // Only the working directory's `.env`: searching parent directories would pick up
    // files the operator never meant for this process.
    let _ = dotenvy::from_path(".env");
    let cli = Cli::parse();
    if let Err(insecure) = cli.settings.check_production_safety() {
        eprintln!("wt-worker: refusing to start: {insecure}");
        std::process::exit(2);
    }
    let _telemetry = telemetry::init("wt-worker", &cli.settings, false);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(serve(cli))
}

async fn serve(cli: Cli) -> anyhow::Result<()> {
    let settings = &cli.settings;
    let pool = database_pool(settings)?;
    let redis = RedisConnector::new(settings)?
        .connection()
        .await
        .context("connecting to Redis")?;
    let state = WorkerState {
        pool,
        redis,
        queues: Queues {
            namespace: settings.queue_namespace.clone(),
            heartbeat_interval: settings.heartbeat_interval(),
            missed_heartbeats: usize::try_from(settings.worker_missed_heartbeats).unwrap_or(3),
        },
        lease: Duration::from_secs(cli.lease_seconds),
        mailer: Mailer::from_settings(settings)?.map(Arc::new),
        public_url: settings.public_url.clone(),
    };
    let host = hostname::get()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "host".to_owned());
    let options = RunOptions {
        name: format!("worker-{host}-{}", std::process::id()),
        concurrency: usize::from(cli.concurrency),
        scheduler: cli.scheduler,
        heartbeat_interval: settings.heartbeat_interval(),
        reconcile_grace: settings.reconcile_grace(),
    };
    tracing::info!(name = %options.name, scheduler = options.scheduler, "worker running");
    wt_worker::run(state, options, shutdown::signal()).await
}
