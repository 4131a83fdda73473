//! The operator's view (admins): each queue's figures and the live workers, and the
//! schedules with their next and latest runs.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use wt_domain::jobs::{JobKind, JobState, Queue};
use wt_jobs::heartbeat;
use wt_jobs::schedules;
use wt_store::jobs::{self, QueueStats};

use crate::auth::Admin;
use crate::openapi::responses as r;
use crate::problem::ApiError;
use crate::state::AppState;

/// One queue's figures.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct QueueStatsView {
    #[schema(schema_with = crate::openapi::queue_schema)]
    queue: Queue,
    /// Queued jobs, those waiting for a retry's backoff included.
    queued: i64,
    /// Queued jobs waiting for a retry's backoff.
    delayed: i64,
    running: i64,
    succeeded_last_hour: i64,
    failed_last_hour: i64,
    /// How long the longest-waiting job that could run has waited, in seconds.
    oldest_waiting_seconds: Option<f64>,
    /// Median and 95th percentile run time of one attempt, over the last hour.
    run_seconds_p50: Option<f64>,
    run_seconds_p95: Option<f64>,
}

impl From<QueueStats> for QueueStatsView {
    fn from(stats: QueueStats) -> Self {
        QueueStatsView {
            queue: stats.queue,
            queued: stats.queued,
            delayed: stats.delayed,
            running: stats.running,
            succeeded_last_hour: stats.succeeded_last_hour,
            failed_last_hour: stats.failed_last_hour,
            oldest_waiting_seconds: stats.oldest_waiting_seconds,
            run_seconds_p50: stats.run_seconds_p50,
            run_seconds_p95: stats.run_seconds_p95,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobStatsView {
    generated_at: DateTime<Utc>,
    /// Worker processes that sent a heartbeat recently (`null` when Redis is away).
    workers_alive: Option<u64>,
    queues: Vec<QueueStatsView>,
}

#[utoipa::path(
    get, path = "/api/jobs/stats", tag = "jobs",
    responses((status = 200, description = "Every queue's figures", body = JobStatsView),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden))
)]
pub async fn stats(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Json<JobStatsView>, ApiError> {
    let queues = jobs::stats(&state.db).await?;
    let workers_alive = match state.redis_or_none().await {
        Some(mut redis) => {
            let window = state.settings.jobs.worker_timeout();
            heartbeat::alive(&mut redis, state.namespace(), window)
                .await
                .ok()
        }
        None => None,
    };
    Ok(Json(JobStatsView {
        generated_at: Utc::now(),
        workers_alive,
        queues: queues.into_iter().map(QueueStatsView::from).collect(),
    }))
}

/// The latest slot a schedule fired.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LastRunView {
    slot: DateTime<Utc>,
    job_id: i64,
    #[schema(schema_with = crate::openapi::job_state_schema)]
    state: JobState,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleView {
    name: &'static str,
    description: &'static str,
    #[schema(schema_with = crate::openapi::job_kind_schema)]
    kind: JobKind,
    #[schema(schema_with = crate::openapi::queue_schema)]
    queue: Queue,
    /// The cron expression (UTC), or `off`.
    cron: String,
    enabled: bool,
    next_run: Option<DateTime<Utc>>,
    last_run: Option<LastRunView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduleList {
    items: Vec<ScheduleView>,
}

#[utoipa::path(
    get, path = "/api/jobs/schedules", tag = "jobs",
    responses((status = 200, description = "The schedules", body = ScheduleList),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden))
)]
pub async fn schedules(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Json<ScheduleList>, ApiError> {
    let table = schedules::table(&state.settings.jobs);
    let statuses = schedules::statuses(&state.db, &table, Utc::now()).await?;
    let items = statuses
        .into_iter()
        .map(|status| ScheduleView {
            name: status.schedule.name,
            description: status.schedule.description,
            kind: status.schedule.kind,
            queue: status.schedule.kind.queue(),
            cron: status.schedule.expression(),
            enabled: status.schedule.cron.is_some(),
            next_run: status.next_run,
            last_run: status.last_run.map(|run| LastRunView {
                slot: run.slot,
                job_id: run.job_id,
                state: run.state,
            }),
        })
        .collect();
    Ok(Json(ScheduleList { items }))
}
