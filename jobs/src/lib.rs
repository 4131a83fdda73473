//! The job system's shared half: typed payloads, the Redis queue of each [`Queue`],
//! enqueueing inside the caller's transaction, the reconciler that re-pushes what Redis
//! lost, the schedules, and worker heartbeats. The api enqueues with it; the worker
//! consumes with it.
//!
//! [`Queue`]: wt_domain::jobs::Queue

pub mod dispatch;
pub mod gauges;
pub mod heartbeat;
pub mod payloads;
pub mod queues;
pub mod reconcile;
pub mod schedules;

pub use dispatch::{Dispatcher, EnqueueError, JobTx};
pub use redis::aio::ConnectionManager;
use serde::{Deserialize, Serialize};
use wt_runtime::JobSettings;

use crate::queues::Queues;

/// The whole Redis payload of a job: its ledger id. Everything else is read from
/// PostgreSQL when the job runs, so Redis never holds data we could not lose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobMessage {
    pub job_id: i64,
}

impl Queues {
    /// The queue settings of `settings`.
    pub fn from_settings(settings: &JobSettings) -> Self {
        Queues {
            namespace: settings.queue_namespace.clone(),
            heartbeat_interval: settings.heartbeat_interval(),
            missed_heartbeats: settings.worker_missed_heartbeats as usize,
        }
    }
}
