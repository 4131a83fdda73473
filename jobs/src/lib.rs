//! The job system's shared half: what travels through Redis, the queue of each job kind,
//! enqueueing through the PostgreSQL ledger, the reconciler that re-pushes what Redis
//! lost, and worker heartbeats. The api enqueues with it; the worker consumes with it.

pub mod heartbeat;
pub mod ledger;
pub mod queues;

pub use redis::aio::ConnectionManager;
use serde::{Deserialize, Serialize};

/// The whole Redis payload of a job: its ledger id. Everything else is read from
/// PostgreSQL when the job runs, so Redis never holds data we could not lose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobMessage {
    pub job_id: i64,
}
