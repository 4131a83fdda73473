//! What every handler can reach. Cheap to clone: one shared pointer, since every
//! extractor and middleware that reads the state takes its own copy.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use sqlx::PgPool;
use wt_jobs::queues::Queues;
use wt_jobs::{ConnectionManager, Dispatcher};
use wt_runtime::aggregate_cache::{AggregateCache, CacheTtls};
use wt_runtime::connections::aggregate_pool;
use wt_runtime::{RedisConnector, Settings};

use crate::auth::jwt::AccessKeys;
use crate::cache_invalidation::WarmDebounce;
use crate::job_watch::JobWatch;
use crate::list_counts::ListCounts;

/// A handle on the process's [`Shared`] state.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub settings: Arc<Settings>,
    pub db: PgPool,
    pub redis: RedisConnector,
    /// Enqueues background work inside a change's transaction, pushes after commit.
    pub jobs: Dispatcher,
    /// Tells waiting requests (`Prefer: wait`) when a job ends.
    pub job_watch: Arc<JobWatch>,
    /// The built single-page app (`frontend/dist`).
    pub static_dir: PathBuf,
    pub access_keys: Arc<AccessKeys>,
    /// Cached dashboard and analytics answers (Redis or this process).
    pub aggregates: Arc<AggregateCache>,
    /// The sessions aggregates are computed on (see [`aggregate_pool`]).
    pub aggregates_db: PgPool,
    /// Queues a warm-up once the writes pause.
    pub warm_debounce: Arc<WarmDebounce>,
    /// The paged lists' totals, kept until their tables change.
    pub list_counts: Arc<ListCounts>,
}

impl AppState {
    /// Builds the state from settings and an already configured pool.
    pub fn new(
        settings: Settings,
        db: PgPool,
        static_dir: PathBuf,
    ) -> Result<Self, wt_runtime::connections::ConnectionError> {
        let redis = RedisConnector::new(&settings)?;
        let jobs = Dispatcher::new(Queues::from_settings(&settings.jobs), redis.clone());
        let access_keys = AccessKeys::new(&settings.secret_key, settings.access_token_lifetime());
        let shared_cache = settings.cache_in_redis().then(|| redis.clone());
        let aggregates = AggregateCache::new(
            shared_cache,
            &jobs.queues.namespace,
            CacheTtls::from_settings(&settings),
        );
        Ok(Self(Arc::new(Shared {
            settings: Arc::new(settings),
            job_watch: Arc::new(JobWatch::new(db.clone())),
            aggregates_db: aggregate_pool(&db),
            db,
            redis,
            jobs,
            static_dir,
            access_keys: Arc::new(access_keys),
            aggregates: Arc::new(aggregates),
            warm_debounce: Default::default(),
            list_counts: Arc::default(),
        })))
    }
}

impl Shared {
    /// The prefix of every Redis key of this installation.
    pub fn namespace(&self) -> &str {
        &self.jobs.queues.namespace
    }

    /// A Redis connection, or `None` (logged) when Redis is away: callers that can work
    /// without it carry on.
    pub async fn redis_or_none(&self) -> Option<ConnectionManager> {
        match self.redis.connection().await {
            Ok(conn) => Some(conn),
            Err(error) => {
                tracing::warn!(%error, "Redis unavailable");
                None
            }
        }
    }
}
