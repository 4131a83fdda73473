//! Reading jobs for people: one job or a page of them with who asked, newest first, and
//! each queue's figures for the operator (depth, age of the oldest waiting job, failures
//! and run times of the last hour).

use sqlx::{PgExecutor, Postgres, QueryBuilder};
use wt_domain::jobs::{JobKind, JobState, Queue};

use super::{JobEntry, JobRow};
use crate::StoreError;

/// Which jobs a list shows; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct JobFilter {
    pub kind: Option<JobKind>,
    pub state: Option<JobState>,
    pub queue: Option<Queue>,
    pub requested_by: Option<i64>,
    pub limit: i64,
    pub offset: i64,
}

const ENTRY_SELECT: &str = "SELECT j.id, j.kind, j.queue, j.payload, j.dedupe_key, j.state, \
     j.attempts, j.max_attempts, j.stage, j.progress, j.message, j.result, j.error_code, \
     j.error_message, j.requested_by, j.cancel_requested_at, j.run_after, j.created_at, \
     j.updated_at, j.started_at, j.finished_at, u.username AS requester_name \
     FROM jobs j LEFT JOIN users u ON u.id = j.requested_by";

#[derive(sqlx::FromRow)]
struct JobEntryRow {
    #[sqlx(flatten)]
    job: JobRow,
    requester_name: Option<String>,
}

impl TryFrom<JobEntryRow> for JobEntry {
    type Error = StoreError;

    fn try_from(row: JobEntryRow) -> Result<Self, StoreError> {
        Ok(JobEntry {
            job: row.job.try_into()?,
            requester_name: row.requester_name,
        })
    }
}

/// The job with this id and the name of who asked for it, if any.
pub async fn find_entry(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<JobEntry>, StoreError> {
    let mut query = QueryBuilder::<Postgres>::new(ENTRY_SELECT);
    query.push(" WHERE j.id = ").push_bind(id);
    let row = query
        .build_query_as::<JobEntryRow>()
        .fetch_optional(ex)
        .await?;
    row.map(JobEntry::try_from).transpose()
}

fn push_filter(query: &mut QueryBuilder<Postgres>, filter: &JobFilter) {
    query.push(" WHERE true");
    if let Some(kind) = filter.kind {
        query.push(" AND j.kind = ").push_bind(kind.as_str());
    }
    if let Some(state) = filter.state {
        query.push(" AND j.state = ").push_bind(state.as_str());
    }
    if let Some(queue) = filter.queue {
        query.push(" AND j.queue = ").push_bind(queue.as_str());
    }
    if let Some(user) = filter.requested_by {
        query.push(" AND j.requested_by = ").push_bind(user);
    }
}

/// One page of the jobs `filter` selects, newest first, and how many it selects in all.
pub async fn list(
    ex: impl PgExecutor<'_> + Copy,
    filter: &JobFilter,
) -> Result<(Vec<JobEntry>, i64), StoreError> {
    let mut count = QueryBuilder::<Postgres>::new("SELECT count(*) FROM jobs j");
    push_filter(&mut count, filter);
    let total: i64 = count.build_query_scalar().fetch_one(ex).await?;

    let mut page = QueryBuilder::<Postgres>::new(ENTRY_SELECT);
    push_filter(&mut page, filter);
    page.push(" ORDER BY j.id DESC LIMIT ")
        .push_bind(filter.limit)
        .push(" OFFSET ")
        .push_bind(filter.offset);
    let rows = page.build_query_as::<JobEntryRow>().fetch_all(ex).await?;
    let entries = rows
        .into_iter()
        .map(JobEntry::try_from)
        .collect::<Result<_, _>>()?;
    Ok((entries, total))
}

/// One queue's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueStats {
    pub queue: Queue,
    /// Queued jobs, those waiting for a backoff included.
    pub queued: i64,
    /// Queued jobs whose backoff has not passed yet.
    pub delayed: i64,
    pub running: i64,
    pub succeeded_last_hour: i64,
    pub failed_last_hour: i64,
    /// Seconds the longest-waiting due job has waited.
    pub oldest_waiting_seconds: Option<f64>,
    /// Run time of one attempt over the jobs that ended in the last hour.
    pub run_seconds_p50: Option<f64>,
    pub run_seconds_p95: Option<f64>,
}

impl QueueStats {
    fn empty(queue: Queue) -> Self {
        QueueStats {
            queue,
            queued: 0,
            delayed: 0,
            running: 0,
            succeeded_last_hour: 0,
            failed_last_hour: 0,
            oldest_waiting_seconds: None,
            run_seconds_p50: None,
            run_seconds_p95: None,
        }
    }
}

/// Every queue's figures, in [`Queue::ALL`] order (queues without jobs included).
pub async fn stats(ex: impl PgExecutor<'_>) -> Result<Vec<QueueStats>, StoreError> {
    let rows = sqlx::query!(
        r#"WITH open AS (
               SELECT queue,
                      count(*) FILTER (WHERE state = 'queued') AS queued,
                      count(*) FILTER (WHERE state = 'queued' AND run_after > now()) AS delayed,
                      count(*) FILTER (WHERE state = 'running') AS running,
                      extract(epoch FROM now() - min(greatest(created_at, run_after))
                          FILTER (WHERE state = 'queued' AND run_after <= now()))::float8
                          AS oldest_waiting
               FROM jobs WHERE state IN ('queued', 'running')
               GROUP BY queue
           ), recent AS (
               SELECT queue,
                      count(*) FILTER (WHERE state = 'succeeded') AS succeeded,
                      count(*) FILTER (WHERE state = 'failed') AS failed,
                      percentile_cont(0.5) WITHIN GROUP (
                          ORDER BY extract(epoch FROM finished_at - started_at))
                          FILTER (WHERE state <> 'cancelled' AND started_at IS NOT NULL) AS p50,
                      percentile_cont(0.95) WITHIN GROUP (
                          ORDER BY extract(epoch FROM finished_at - started_at))
                          FILTER (WHERE state <> 'cancelled' AND started_at IS NOT NULL) AS p95
               FROM jobs WHERE finished_at > now() - interval '1 hour'
               GROUP BY queue
           )
           SELECT coalesce(o.queue, r.queue) AS "queue!",
                  coalesce(o.queued, 0) AS "queued!", coalesce(o.delayed, 0) AS "delayed!",
                  coalesce(o.running, 0) AS "running!",
                  coalesce(r.succeeded, 0) AS "succeeded!", coalesce(r.failed, 0) AS "failed!",
                  o.oldest_waiting, r.p50, r.p95
           FROM open o FULL JOIN recent r ON r.queue = o.queue"#,
    )
    .fetch_all(ex)
    .await?;
    let mut stats: Vec<QueueStats> = Queue::ALL.into_iter().map(QueueStats::empty).collect();
    for row in rows {
        let queue: Queue = row
            .queue
            .parse()
            .map_err(|e| StoreError::Corrupt(format!("job queue: {e}")))?;
        let Some(slot) = stats.iter_mut().find(|s| s.queue == queue) else {
            continue;
        };
        *slot = QueueStats {
            queue,
            queued: row.queued,
            delayed: row.delayed,
            running: row.running,
            succeeded_last_hour: row.succeeded,
            failed_last_hour: row.failed,
            oldest_waiting_seconds: row.oldest_waiting,
            run_seconds_p50: row.p50,
            run_seconds_p95: row.p95,
        };
    }
    Ok(stats)
}

/// How many jobs of a queue are in a state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Depth {
    pub queue: Queue,
    pub state: JobState,
    pub count: i64,
}

/// The unfinished jobs per queue and state (only pairs that have any).
pub async fn depths(ex: impl PgExecutor<'_>) -> Result<Vec<Depth>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT queue, state, count(*) AS "count!" FROM jobs
           WHERE state IN ('queued', 'running')
           GROUP BY queue, state"#,
    )
    .fetch_all(ex)
    .await?;
    rows.into_iter()
        .map(|row| {
            let unknown =
                |e: wt_domain::jobs::UnknownName| StoreError::Corrupt(format!("job: {e}"));
            Ok(Depth {
                queue: row.queue.parse().map_err(unknown)?,
                state: row.state.parse().map_err(unknown)?,
                count: row.count,
            })
        })
        .collect()
}
