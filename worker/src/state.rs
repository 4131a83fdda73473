//! What every job handler can reach: the database, Redis and the queue settings.

use std::time::Duration;

use redis::aio::ConnectionManager;
use sqlx::PgPool;
use wt_jobs::queues::Queues;

/// Shared by all handlers of one worker process; cheap to clone.
#[derive(Clone)]
pub struct WorkerState {
    pub pool: PgPool,
    pub redis: ConnectionManager,
    pub queues: Queues,
    /// How long a claim keeps other workers away from a running job.
    pub lease: Duration,
}
