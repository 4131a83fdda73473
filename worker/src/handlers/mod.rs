//! One module per job kind; `run` picks the handler for a claimed job. A handler returns
//! the job's result (shown by `GET /api/jobs/{id}`) and writes its database effects
//! through the transaction it is given, which commits together with `succeeded`.

mod email;
mod warm_cache;

use serde_json::Value;
use sqlx::PgConnection;
use wt_domain::jobs::JobKind;
use wt_store::jobs::Job;

use crate::executor::JobFailure;
use crate::state::WorkerState;

/// Runs the handler of `job.kind` as `owner`.
pub async fn run(
    state: &WorkerState,
    owner: &str,
    job: &Job,
    tx: &mut PgConnection,
) -> Result<Value, JobFailure> {
    match job.kind {
        JobKind::WarmCache => warm_cache::run(state, owner, job, tx).await,
        JobKind::Email => email::run(state, owner, job, tx).await,
    }
}
