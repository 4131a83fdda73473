//! The Redis side of each [`Queue`], configured explicitly: the queue name (never the Rust
//! type path, which would strand jobs on a rename), heartbeat interval and missed
//! heartbeats (so a dead worker's deliveries move on), and an idempotency TTL (without
//! one, apalis-redis drops the claim at once and deduplicates nothing).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use apalis_core::backend::TaskSink;
use apalis_core::task::builder::TaskBuilder;
use apalis_redis::{Config, RedisStorage};
use redis::aio::ConnectionManager;
use wt_domain::jobs::Queue;

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

/// Which idempotency key a push carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushKey {
    /// One key per attempt number: pushing a job again for the same attempt (the
    /// reconciler's re-push of a job still waiting in Redis) is absorbed. Attempt numbers
    /// only grow, so each new attempt's push goes through.
    Attempt,
    /// A key never used before: the push always goes through (a delivery that came too
    /// early was consumed, and the job must be delivered again for the same attempt).
    Fresh,
}

/// Why a job could not be handed to Redis.
#[derive(Debug, thiserror::Error)]
#[error("could not push job {job_id} to Redis: {reason}")]
pub struct PushError {
    pub job_id: i64,
    pub reason: String,
}

/// One job to hand to a queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Push {
    pub job_id: i64,
    pub queue: Queue,
    /// The job's attempts so far, which names the push for [`PushKey::Attempt`].
    pub attempts: i32,
    pub key: PushKey,
    /// How long the job must wait before a worker may take it.
    pub delay: Duration,
}

impl Queues {
    /// The Redis queue name of `queue`, e.g. `wt:jobs:imports`.
    pub fn queue_name(&self, queue: Queue) -> String {
        format!("{}:jobs:{}", self.namespace, queue.as_str())
    }

    /// The apalis storage of `queue` over `conn`. A worker fetches one delivery at a time,
    /// when it has room to start it: it never holds jobs it cannot run yet while other
    /// workers could.
    pub fn storage(&self, conn: ConnectionManager, queue: Queue) -> RedisStorage<JobMessage> {
        let config = Config::default()
            .queue(self.queue_name(queue))
            .batch_size(1)
            .heartbeat_interval(self.heartbeat_interval)
            .missed_heartbeats(self.missed_heartbeats)
            .idempotency_ttl(Some(IDEMPOTENCY_TTL));
        RedisStorage::new(conn).with_config(config)
    }

    /// The Redis channel that announces a job pushed to `queue` due now, so an idle
    /// worker wakes at once instead of at its next poll. (apalis-redis 1.0 schedules every
    /// push, due ones included, and announces none: without this a job waits for a poll.)
    pub fn pushed_channel(&self, queue: Queue) -> String {
        format!("{}:pushed", self.queue_name(queue))
    }

    /// Hands one job to its queue.
    pub async fn push(&self, conn: ConnectionManager, push: Push) -> Result<(), PushError> {
        let key = match push.key {
            PushKey::Attempt => format!("job-{}-{}", push.job_id, push.attempts),
            PushKey::Fresh => format!("job-{}-{}-{}", push.job_id, push.attempts, unique()),
        };
        let mut task = TaskBuilder::new(JobMessage {
            job_id: push.job_id,
        })
        .idempotency_key(key);
        // A delayed job waits until the whole second it is due, rounded up so it never
        // arrives early; a job due now is fetched at once.
        if !push.delay.is_zero() {
            task = task.run_at_timestamp(due_second(push.delay));
        }
        self.storage(conn, push.queue)
            .push_task(task.build())
            .await
            .map_err(|e| PushError {
                job_id: push.job_id,
                reason: e.to_string(),
            })
    }
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// The Unix second at which something `delay` from now is due, rounded up.
fn due_second(delay: Duration) -> u64 {
    let due = since_epoch() + delay;
    due.as_secs() + u64::from(due.subsec_nanos() > 0)
}

/// A suffix no other push of this process or any other carries.
fn unique() -> String {
    format!("{}-{}", since_epoch().as_nanos(), std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_round_up_to_the_second() {
        let now = since_epoch().as_secs();
        let due = due_second(Duration::from_millis(1500));
        assert!(due == now + 2 || due == now + 3, "{due} vs {now}");
    }
}
