//! Enqueueing inside the caller's transaction. A [`JobTx`] is the transaction of the
//! change that causes the work: the job rows it inserts commit (or roll back) with that
//! change, and only after the commit are the jobs pushed to Redis, so a worker never
//! receives a job whose row it cannot see, and a rolled-back change leaves no job and no
//! push. A push that fails (Redis away, process killed) is not an error: the row stays
//! `queued` and the reconciler pushes it later.

use std::ops::{Deref, DerefMut};
use std::time::Duration;

use redis::AsyncCommands;
use sqlx::{PgConnection, PgPool, Postgres, Transaction};
use wt_domain::jobs::Queue;
use wt_runtime::RedisConnector;
use wt_store::StoreError;
use wt_store::jobs::{self, Inserted, Job, NewJob};

use crate::payloads::{JobPayload, PayloadError};
use crate::queues::{Push, PushKey, Queues};

/// Hands committed jobs to Redis.
#[derive(Clone)]
pub struct Dispatcher {
    pub queues: Queues,
    redis: RedisConnector,
}

/// Why a job could not be enqueued.
#[derive(Debug, thiserror::Error)]
pub enum EnqueueError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Payload(#[from] PayloadError),
}

impl Dispatcher {
    pub fn new(queues: Queues, redis: RedisConnector) -> Self {
        Self { queues, redis }
    }

    /// The Redis the jobs go to.
    pub fn redis(&self) -> &RedisConnector {
        &self.redis
    }

    /// Opens the transaction of a change that may enqueue jobs.
    pub async fn begin(&self, pool: &PgPool) -> Result<JobTx<'_>, StoreError> {
        Ok(JobTx {
            tx: pool.begin().await?,
            dispatcher: self,
            pushes: Vec::new(),
        })
    }

    /// Pushes `pushes` to Redis, in order, then wakes the workers of each queue that
    /// received a job due now. Failures are logged: the reconciler pushes whatever did not
    /// arrive.
    pub async fn push(&self, pushes: &[Push]) {
        if pushes.is_empty() {
            return;
        }
        let mut conn = match self.redis.connection().await {
            Ok(conn) => conn,
            Err(error) => {
                tracing::warn!(%error, jobs = pushes.len(),
                    "Redis unavailable; the reconciler will push the jobs");
                return;
            }
        };
        for push in pushes {
            if let Err(error) = self.queues.push(conn.clone(), *push).await {
                tracing::warn!(%error, "push failed; the reconciler will push the job");
                return;
            }
        }
        let mut due: Vec<Queue> = pushes
            .iter()
            .filter(|push| push.delay.is_zero())
            .map(|push| push.queue)
            .collect();
        due.sort();
        due.dedup();
        for queue in due {
            let announced: redis::RedisResult<()> =
                conn.publish(self.queues.pushed_channel(queue), 1).await;
            if let Err(error) = announced {
                tracing::debug!(%error, "could not announce a push; workers will poll");
            }
        }
    }
}

/// A transaction that may enqueue jobs; dereferences to its connection for every other
/// statement of the change.
pub struct JobTx<'d> {
    tx: Transaction<'static, Postgres>,
    dispatcher: &'d Dispatcher,
    pushes: Vec<Push>,
}

impl JobTx<'_> {
    /// Queues the job of `payload`, asked for by `requested_by`; returns it (or the
    /// unfinished job that already holds its dedupe key).
    pub async fn enqueue<P: JobPayload>(
        &mut self,
        payload: &P,
        requested_by: Option<i64>,
    ) -> Result<Job, EnqueueError> {
        let new = payload.new_job(requested_by)?;
        Ok(self.insert(&new).await?.job)
    }

    /// Queues `new` as it is (the scheduler builds its rows itself).
    pub async fn insert(&mut self, new: &NewJob) -> Result<Inserted, StoreError> {
        let inserted = jobs::insert(&mut self.tx, new).await?;
        if inserted.created {
            self.push_after_commit(&inserted.job);
        }
        Ok(inserted)
    }

    /// Pushes `job`, made queued by another statement of this transaction (a retry),
    /// once the transaction commits.
    pub fn push_after_commit(&mut self, job: &Job) {
        self.pushes.push(Push {
            job_id: job.id,
            queue: job.queue,
            attempts: job.attempts,
            key: PushKey::Attempt,
            delay: Duration::ZERO,
        });
    }

    /// Commits the change with its jobs, then pushes the jobs. Both run in a task of their
    /// own: a caller dropped meanwhile (a client that hung up while the commit was on its
    /// way) cannot stop the push after the commit took effect, which would leave the jobs
    /// waiting for the reconciler.
    pub async fn commit(self) -> Result<(), StoreError> {
        let JobTx {
            tx,
            dispatcher,
            pushes,
        } = self;
        let dispatcher = dispatcher.clone();
        let committing = tokio::spawn(async move {
            tx.commit().await?;
            dispatcher.push(&pushes).await;
            Ok(())
        });
        committing.await.map_err(|error| {
            let unfinished = std::io::Error::other(format!("the commit did not finish: {error}"));
            StoreError::Database(sqlx::Error::Io(unfinished))
        })?
    }
}

impl Deref for JobTx<'_> {
    type Target = PgConnection;

    fn deref(&self) -> &PgConnection {
        &self.tx
    }
}

impl DerefMut for JobTx<'_> {
    fn deref_mut(&mut self) -> &mut PgConnection {
        &mut self.tx
    }
}
