//! Which schedule slots fired. A scheduler records a slot in the transaction that queues
//! its job; the primary key (schedule, slot) makes a second scheduler's attempt at the
//! same slot fail, so each slot fires once however many schedulers run.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use wt_domain::jobs::JobState;

use crate::StoreError;

/// Records that `schedule` fired `slot` with job `job_id`. False when the slot had fired
/// already (the caller rolls back the job it queued).
pub async fn record_slot(
    conn: &mut PgConnection,
    schedule: &str,
    slot: DateTime<Utc>,
    job_id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"INSERT INTO schedule_slots (schedule, slot, job_id) VALUES ($1, $2, $3)
           ON CONFLICT (schedule, slot) DO NOTHING"#,
        schedule,
        slot,
        job_id,
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The latest slot a schedule fired, with its job.
#[derive(Debug, Clone, PartialEq)]
pub struct LastRun {
    pub schedule: String,
    pub slot: DateTime<Utc>,
    pub job_id: i64,
    pub state: JobState,
}

/// The latest fired slot of every schedule that fired one (and whose job is still kept).
pub async fn last_runs(ex: impl PgExecutor<'_>) -> Result<Vec<LastRun>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT DISTINCT ON (s.schedule) s.schedule, s.slot, s.job_id, j.state
           FROM schedule_slots s JOIN jobs j ON j.id = s.job_id
           ORDER BY s.schedule, s.slot DESC"#,
    )
    .fetch_all(ex)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(LastRun {
                state: row
                    .state
                    .parse()
                    .map_err(|e| StoreError::Corrupt(format!("job {}: {e}", row.job_id)))?,
                schedule: row.schedule,
                slot: row.slot,
                job_id: row.job_id,
            })
        })
        .collect()
}
