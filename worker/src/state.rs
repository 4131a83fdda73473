//! What every part of a worker process can reach: the database, Redis, the dispatcher,
//! the jobs running here, and the settings handlers need.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use redis::aio::ConnectionManager;
use sqlx::PgPool;
use wt_backup::Backups;
use wt_domain::utilization::Bands;
use wt_jobs::Dispatcher;
use wt_runtime::aggregate_cache::{AggregateCache, CacheTtls};
use wt_runtime::connections::aggregate_pool;

use crate::control::RunningJobs;
use crate::mailer::Mailer;

/// Shared by all parts of one worker process; cheap to clone.
#[derive(Clone)]
pub struct WorkerState {
    pub pool: PgPool,
    pub redis: ConnectionManager,
    pub dispatcher: Dispatcher,
    /// This process's name, unique among workers (`worker-<host>-<pid>`): it owns the
    /// leases of the jobs that run here.
    pub owner: String,
    /// How long a claim (renewed by every heartbeat) keeps other workers away.
    pub lease: Duration,
    /// How long finished jobs are kept (`JOB_RETENTION_DAYS`).
    pub retention: Duration,
    /// Staged uploads and the files jobs leave for download (`BACKUPS_DIR`).
    pub backups_dir: PathBuf,
    /// Database backups (`backup` jobs); `None` in a state built without the settings,
    /// where a backup job fails saying so.
    pub backups: Option<Arc<Backups>>,
    /// Outgoing mail, when `EMAIL_HOST` is set.
    pub mailer: Option<Arc<Mailer>>,
    /// The app's address, for links in mails (`PUBLIC_URL`).
    pub public_url: String,
    /// Whether probes may ask for faults (`WORKER_FAULT_INJECTION`, tests only).
    pub fault_injection: bool,
    pub running: Arc<RunningJobs>,
    pub draining: Arc<AtomicBool>,
    /// The aggregate cache this worker warms and retires after its writes.
    pub aggregates: Arc<AggregateCache>,
    /// The utilization bands the views it warms are drawn with (`UTILIZATION_BANDS`).
    pub bands: Bands,
    /// The sessions the views it warms are computed on (see [`aggregate_pool`]).
    pub aggregates_db: PgPool,
}

impl WorkerState {
    /// A worker named `owner` with the defaults: a lease of heartbeat x missed
    /// heartbeats, 30 days of retention, no backups, no mail, no fault injection, the default bands
    /// and the aggregate cache shared through the dispatcher's Redis with the default
    /// lifetimes.
    pub fn new(
        pool: PgPool,
        redis: ConnectionManager,
        dispatcher: Dispatcher,
        owner: String,
    ) -> Self {
        let queues = &dispatcher.queues;
        let lease =
            queues.heartbeat_interval * u32::try_from(queues.missed_heartbeats).unwrap_or(3);
        let aggregates = AggregateCache::new(
            Some(dispatcher.redis().clone()),
            &queues.namespace,
            CacheTtls::new(None, None),
        );
        WorkerState {
            aggregates_db: aggregate_pool(&pool),
            pool,
            redis,
            dispatcher,
            owner,
            lease,
            retention: Duration::from_secs(30 * 24 * 60 * 60),
            backups_dir: PathBuf::from("backups"),
            backups: None,
            mailer: None,
            public_url: "http://127.0.0.1:8000".to_owned(),
            fault_injection: false,
            running: Default::default(),
            draining: Default::default(),
            aggregates: Arc::new(aggregates),
            bands: Bands::default(),
        }
    }

    /// Whether the process is shutting down: it claims nothing more.
    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::Acquire)
    }

    pub fn start_draining(&self) {
        self.draining.store(true, Ordering::Release);
    }
}
