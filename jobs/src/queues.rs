//! One Redis queue per job kind, configured explicitly: the queue name (never the Rust
//! type path, which would strand jobs on a rename), heartbeat interval and missed
//! heartbeats (so a dead worker's jobs move on), and an idempotency TTL (without one,
//! apalis-redis drops the claim at once and deduplicates nothing).

use std::time::Duration;

use apalis_core::backend::TaskSink;
use apalis_core::task::builder::TaskBuilder;
use apalis_redis::{Config, RedisStorage};
use redis::aio::ConnectionManager;
use wt_domain::jobs::JobKind;

use crate::JobMessage;

/// How long a push's idempotency key is remembered: a day covers any reconcile cycle.
const IDEMPOTENCY_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// The queue settings every process must agree on.
#[derive(Debug, Clone)]
pub struct Queues {
    /// Prefix of every Redis key of the job system (`QUEUE_NAMESPACE`).
    pub namespace: String,
    pub heartbeat_interval: Duration,
    pub missed_heartbeats: usize,
}

/// Why a job could not be handed to Redis.
#[derive(Debug, thiserror::Error)]
#[error("could not push job {job_id} to Redis: {reason}")]
pub struct PushError {
    pub job_id: i64,
    pub reason: String,
}

impl Queues {
    /// The Redis queue name of `kind`, e.g. `wt:jobs:warm_cache`.
    pub fn queue_name(&self, kind: JobKind) -> String {
        format!("{}:jobs:{}", self.namespace, kind.as_str())
    }

    /// The apalis storage of `kind`'s queue over `conn`.
    pub fn storage(&self, conn: ConnectionManager, kind: JobKind) -> RedisStorage<JobMessage> {
        let config = Config::default()
            .queue(self.queue_name(kind))
            .heartbeat_interval(self.heartbeat_interval)
            .missed_heartbeats(self.missed_heartbeats)
            .idempotency_ttl(Some(IDEMPOTENCY_TTL));
        RedisStorage::new(conn).with_config(config)
    }

    /// Hands job `job_id` to its queue, to run after `delay`. The idempotency key includes
    /// the attempt count, so re-pushing a job that is still waiting in Redis is a no-op,
    /// while the retry of a later attempt goes through.
    pub async fn push(
        &self,
        conn: ConnectionManager,
        kind: JobKind,
        job_id: i64,
        attempts: i32,
        delay: Duration,
    ) -> Result<(), PushError> {
        let task = TaskBuilder::new(JobMessage { job_id })
            .idempotency_key(format!("job-{job_id}-{attempts}"))
            .run_after(delay)
            .build();
        self.storage(conn, kind)
            .push_task(task)
            .await
            .map_err(|e| PushError {
                job_id,
                reason: e.to_string(),
            })
    }
}
