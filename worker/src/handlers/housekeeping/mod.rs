//! `housekeeping`: the job system's daily upkeep. Finished jobs older than
//! `JOB_RETENTION_DAYS` leave the ledger (in batches, each its own short statement, so the
//! table is never locked for long), their files leave `BACKUPS_DIR` (see [`leftovers`]),
//! and finished entries leave every queue in Redis (the ledger is the record; Redis needs
//! them only briefly).

mod leftovers;

use std::time::Duration;

use apalis_core::backend::Vacuum;
use serde_json::{Value, json};
use wt_domain::jobs::Queue;
use wt_store::jobs::upkeep;

use crate::context::{JobContext, JobFailure};

/// Jobs deleted per statement.
const DELETE_BATCH: i64 = 5000;

/// Finished Redis entries are kept this long.
const QUEUE_ENTRY_AGE: Duration = Duration::from_secs(24 * 60 * 60);

pub async fn run(context: &mut JobContext<'_>) -> Result<Value, JobFailure> {
    let retention = context.state.retention;
    let mut deleted = 0;
    loop {
        let batch = upkeep::delete_finished(&context.state.pool, retention, DELETE_BATCH).await?;
        deleted += batch;
        let message = format!("{deleted} old jobs deleted");
        context.progress("Deleting old jobs", 40, &message).await?;
        if batch < DELETE_BATCH as u64 {
            break;
        }
    }
    context
        .progress("Clearing files", 45, "Removing old uploads and job files")
        .await?;
    let state = context.state;
    let files = leftovers::clear(&state.pool, &state.backups_dir, retention).await?;
    let mut vacuumed = 0;
    for (done, queue) in Queue::ALL.into_iter().enumerate() {
        let percent = 50 + u8::try_from(done * 50 / Queue::ALL.len()).unwrap_or(50);
        let message = format!("Clearing finished entries of the {queue} queue");
        context
            .progress("Clearing queues", percent, &message)
            .await?;
        let mut storage = context
            .state
            .dispatcher
            .queues
            .storage(context.state.redis.clone(), queue);
        vacuumed += storage
            .vacuum_before(QUEUE_ENTRY_AGE)
            .await
            .map_err(|e| JobFailure::transient("redis_unavailable", e.to_string()))?;
    }
    Ok(json!({
        "jobsDeleted": deleted,
        "uploadsRemoved": files.uploads,
        "jobFoldersRemoved": files.job_folders,
        "queueEntriesCleared": vacuumed,
    }))
}
