//! `/api/jobs`: watching and steering background work. Everyone sees the jobs they asked
//! for (admins see all; anyone while reads are open): a page of them, one with
//! `Prefer: wait`, cancelling their own. Admins also retry, read the per-queue figures
//! and the schedules, and start a warm-up or a probe.

pub mod actions;
pub mod download;
pub mod operations;
pub mod prefer;
pub mod start;
pub mod views;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use wt_domain::accounts::Role;
use wt_domain::jobs::{JobKind, JobState, Queue};
use wt_store::jobs::{self, Job, JobFilter};

pub use start::enqueue_warm_cache;
pub use views::{JobView, Queued, accepted, started};

use crate::auth::{Principal, Reader};
use crate::extract::{PageQuery, PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::jobs::prefer::Prefer;
use crate::routes::list::ListPage;
use crate::state::AppState;

/// Whether `reader` may see `job`: who asked for it, an admin, or anyone while reads are
/// open. To others a job does not exist.
fn visible(reader: &Option<Principal>, job: &Job) -> bool {
    match reader {
        None => true,
        Some(me) => me.role.includes(Role::Admin) || job.requested_by == Some(me.id),
    }
}

/// The job `id` if `reader` may see it, else 404.
async fn visible_job(
    state: &AppState,
    reader: &Option<Principal>,
    id: i64,
) -> Result<Job, ApiError> {
    jobs::find(&state.db, id)
        .await?
        .filter(|job| visible(reader, job))
        .ok_or_else(|| Problem::not_found("The job").into())
}

/// `?page&pageSize&kind&state&queue&requestedBy` of the job list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct JobListQuery {
    page: Option<u64>,
    page_size: Option<u64>,
    #[param(schema_with = crate::openapi::job_kind_schema)]
    kind: Option<JobKind>,
    #[param(schema_with = crate::openapi::job_state_schema)]
    state: Option<JobState>,
    #[param(schema_with = crate::openapi::queue_schema)]
    queue: Option<Queue>,
    /// Only jobs this user asked for (admins; everyone else sees only their own).
    requested_by: Option<i64>,
}

#[utoipa::path(
    get, path = "/api/jobs", tag = "jobs",
    params(JobListQuery),
    responses((status = 200, description = "Jobs, newest first", body = ListPage<JobView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(reader): Reader,
    QueryParams(query): QueryParams<JobListQuery>,
) -> Result<Json<ListPage<JobView>>, ApiError> {
    let page = PageQuery {
        page: query.page,
        page_size: query.page_size,
    }
    .page(50);
    let requested_by = match &reader {
        Some(me) if !me.role.includes(Role::Admin) => Some(me.id),
        _ => query.requested_by,
    };
    let filter = JobFilter {
        kind: query.kind,
        state: query.state,
        queue: query.queue,
        requested_by,
        limit: page.page_size,
        offset: page.offset(),
    };
    let (entries, total) = jobs::list(&state.db, &filter).await?;
    let items = entries.into_iter().map(JobView::from).collect();
    Ok(Json(ListPage::new(items, page, total)))
}

/// One job. With `Prefer: wait=N` the answer waits up to N seconds (at most 10) for the
/// job to end.
#[utoipa::path(
    get, path = "/api/jobs/{id}", tag = "jobs",
    params(("id" = i64, Path), ("Prefer" = Option<String>, Header, description = "`wait=N`: wait up to N seconds (at most 10) for the job to end")),
    responses((status = 200, description = "OK", body = JobView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn show(
    State(state): State<AppState>,
    Reader(reader): Reader,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let job = visible_job(&state, &reader, id).await?;
    let wait = Prefer::wait(&headers).filter(|_| !job.state.is_finished());
    let entry = match wait {
        Some(wait) => state.job_watch.wait(id, wait).await?,
        None => jobs::find_entry(&state.db, id).await?,
    };
    let entry = entry.ok_or_else(|| Problem::not_found("The job"))?;
    let mut response = Json(JobView::from(entry)).into_response();
    if let Some(wait) = wait {
        Prefer::applied(&mut response, wait);
    }
    Ok(response)
}
