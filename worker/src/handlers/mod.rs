//! One module per job kind; `run` picks the handler for a claimed job. A handler returns
//! the job's result (shown by `GET /api/jobs/{id}`), reports progress through its
//! [`JobContext`], and writes its database effects through the transaction it is given,
//! which commits together with `succeeded` (or rolls back when the job is stopped).

mod backup;
mod email;
mod export;
mod housekeeping;
mod import;
mod probe;
mod reallocate;
mod verify_loads;
mod warm_cache;

use serde_json::Value;
use sqlx::PgConnection;
use wt_domain::jobs::JobKind;

use crate::context::{JobContext, JobFailure};

/// Runs the handler of the context's job kind.
pub async fn run(context: &mut JobContext<'_>, tx: &mut PgConnection) -> Result<Value, JobFailure> {
    match context.job.kind {
        JobKind::WarmCache => warm_cache::run(context).await,
        JobKind::Email => email::run(context, tx).await,
        JobKind::Probe => probe::run(context, tx).await,
        JobKind::Housekeeping => housekeeping::run(context).await,
        JobKind::Import => import::run(context, tx).await,
        JobKind::Export => export::run(context, tx).await,
        JobKind::Reallocate => reallocate::run(context, tx).await,
        JobKind::VerifyLoads => verify_loads::run(context, tx).await,
        JobKind::Backup => backup::run(context).await,
    }
}
