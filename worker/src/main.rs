//! `wt-worker`: the background worker process. Configuration comes from the environment
//! (and a `.env` file in the working directory); `--help` lists every variable.

mod options;

use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use wt_backup::Backups;
use wt_domain::jobs::Queue;
use wt_jobs::Dispatcher;
use wt_jobs::queues::Queues;
use wt_jobs::schedules;
use wt_runtime::aggregate_cache::{AggregateCache, CacheTtls};
use wt_runtime::{RedisConnector, database_pool, shutdown, telemetry};
use wt_worker::mailer::Mailer;
use wt_worker::scheduler::SchedulerOptions;
use wt_worker::{RunOptions, WorkerState, exporter};

use crate::options::Cli;

/// mimalloc rather than glibc's malloc, as in the api (`api/src/main.rs` says why).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    // Only the working directory's `.env`: searching parent directories would pick up
    // files the operator never meant for this process.
    let _ = dotenvy::from_path(".env");
    let cli = Cli::parse();
    let queues = match cli.check() {
        Ok(queues) => queues,
        Err(refusal) => {
            eprintln!("wt-worker: refusing to start: {refusal}");
            std::process::exit(2);
        }
    };
    let _telemetry = telemetry::init("wt-worker", &cli.settings, false);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(serve(cli, queues))
}

async fn serve(cli: Cli, queues: Vec<(Queue, usize)>) -> anyhow::Result<()> {
    let settings = &cli.settings;
    let jobs = &settings.jobs;
    let pool = database_pool(&cli.pool_settings(&queues))?;
    let connector = RedisConnector::new(settings)?;
    let redis = connector
        .connection()
        .await
        .context("connecting to Redis")?;
    let host = hostname::get()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "host".to_owned());
    let dispatcher = Dispatcher::new(Queues::from_settings(jobs), connector);
    let owner = format!("worker-{host}-{}", std::process::id());
    let state = WorkerState {
        lease: cli.lease(),
        retention: jobs.retention(),
        backups_dir: settings.backups_dir.clone(),
        backups: Some(Arc::new(Backups::from_settings(settings)?)),
        mailer: Mailer::from_settings(settings)?.map(Arc::new),
        public_url: settings.public_url.clone(),
        fault_injection: cli.fault_injection,
        aggregates: Arc::new(AggregateCache::new(
            settings
                .cache_in_redis()
                .then(|| dispatcher.redis().clone()),
            &dispatcher.queues.namespace,
            CacheTtls::from_settings(settings),
        )),
        bands: settings.utilization_bands,
        ..WorkerState::new(pool, redis, dispatcher, owner)
    };
    let options = RunOptions {
        queues: queues.clone(),
        heartbeat_interval: jobs.heartbeat_interval(),
        scheduler: cli.scheduler.then(|| SchedulerOptions {
            reconcile_every: jobs.heartbeat_interval(),
            reconcile_grace: jobs.reconcile_grace(),
            schedules: schedules::table(jobs),
        }),
        drain_timeout: cli.drain(),
    };
    let served: Vec<String> = queues
        .iter()
        .map(|(queue, concurrency)| format!("{queue}x{concurrency}"))
        .collect();
    tracing::info!(name = %state.owner, queues = %served.join(","), scheduler = cli.scheduler,
        lease_secs = state.lease.as_secs(), "worker running");
    if let Some(address) = cli.metrics_addr {
        let metrics = exporter::serve(
            address,
            state.clone(),
            settings.metrics_token.clone(),
            shutdown::signal(),
        );
        tokio::spawn(async move {
            if let Err(error) = metrics.await {
                tracing::error!(%error, "the metrics listener stopped");
            }
        });
    }
    wt_worker::run(state, options, shutdown::signal()).await
}
