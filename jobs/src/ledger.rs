//! Enqueueing through the ledger, and reconciling it with Redis.
//!
//! `enqueue` inserts the row and commits before pushing, so a worker never sees a job
//! whose row is not visible yet. If the push fails (Redis down, process killed), the row
//! stays `queued` and [`reconcile`] pushes it later: nothing is lost, and the claim in
//! the ledger makes sure nothing runs twice.

use std::time::Duration;

use redis::aio::ConnectionManager;
use sqlx::PgPool;
use wt_store::StoreError;
use wt_store::jobs::{self, Inserted, Job, NewJob};

use crate::queues::Queues;

/// Most rows one reconcile pass re-pushes; the next pass takes the rest.
const RECONCILE_BATCH: i64 = 500;

/// Inserts `new` in the ledger, commits, then pushes it to Redis. Returns the job (an
/// existing unfinished one when the dedupe key was taken). A failed push is logged, not
/// returned: the job is safely queued and the reconciler will push it.
pub async fn enqueue(
    pool: &PgPool,
    redis: Option<ConnectionManager>,
    queues: &Queues,
    new: &NewJob,
) -> Result<Job, StoreError> {
    let mut tx = pool.begin().await?;
    let Inserted { job, created } = jobs::insert(&mut tx, new).await?;
    tx.commit().await?;
    if created {
        push_committed(pool, redis, queues, &job).await;
    }
    Ok(job)
}

/// Pushes a job whose row is already committed (by [`enqueue`], or by a caller that
/// inserted it inside its own transaction) and records the push.
pub async fn push_committed(
    pool: &PgPool,
    redis: Option<ConnectionManager>,
    queues: &Queues,
    job: &Job,
) {
    let Some(conn) = redis else {
        tracing::warn!(
            job_id = job.id,
            "Redis unavailable; the reconciler will push the job"
        );
        return;
    };
    match queues
        .push(conn, job.kind, job.id, job.attempts, Duration::ZERO)
        .await
    {
        Ok(()) => {
            if let Err(error) = jobs::mark_pushed(pool, job.id).await {
                tracing::warn!(job_id = job.id, %error, "could not record the push");
            }
        }
        Err(error) => tracing::warn!(%error, "push failed; the reconciler will retry"),
    }
}

/// Re-pushes every job Redis may have lost (queued and not pushed for `grace`, or
/// running with a lease expired `grace` ago). Returns how many were pushed.
pub async fn reconcile(
    pool: &PgPool,
    conn: ConnectionManager,
    queues: &Queues,
    grace: Duration,
) -> Result<usize, StoreError> {
    let stale = jobs::unpushed(pool, grace, RECONCILE_BATCH).await?;
    let mut pushed = 0;
    for item in stale {
        let Some(job) = jobs::find(pool, item.id).await? else {
            continue;
        };
        match queues
            .push(conn.clone(), job.kind, job.id, job.attempts, Duration::ZERO)
            .await
        {
            Ok(()) => {
                jobs::mark_pushed(pool, job.id).await?;
                pushed += 1;
            }
            Err(error) => {
                tracing::warn!(%error, "reconciler could not push; Redis may be down");
                break;
            }
        }
    }
    if pushed > 0 {
        tracing::info!(pushed, "reconciler re-pushed jobs");
    }
    Ok(pushed)
}
