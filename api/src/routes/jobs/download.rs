//! `GET /api/jobs/{id}/download`: the file a job left (an export, an import's full
//! report), as its result names it under `download`. Whoever may see the job may take
//! its file; the name is checked to stay inside the job's folder, and a job without a
//! file, or whose file was cleared away, answers 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use wt_transfer::files::{self, JobFile};

use super::visible_job;
use crate::auth::Reader;
use crate::extract::PathId;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::files::attachment;
use crate::state::AppState;

fn no_file() -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "download_not_found",
        "This job has no file to download, or its file has expired.",
    )
}

#[utoipa::path(
    get, path = "/api/jobs/{id}/download", tag = "jobs",
    params(("id" = i64, Path)),
    responses((status = 200, description = "The job's file as an attachment",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("text/csv"), ("application/octet-stream"))),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn download(
    State(state): State<AppState>,
    Reader(reader): Reader,
    PathId(id): PathId,
) -> Result<Response, ApiError> {
    let job = visible_job(&state, &reader, id).await?;
    let file: JobFile = job
        .result
        .as_ref()
        .and_then(|result| result.get("download"))
        .and_then(|download| serde_json::from_value(download.clone()).ok())
        .ok_or_else(no_file)?;
    let path = files::job_file(&state.settings.backups_dir, id, &file.name).ok_or_else(no_file)?;
    let opened = tokio::fs::File::open(&path).await.map_err(|_| no_file())?;
    let bytes = opened
        .metadata()
        .await
        .map_err(|error| ApiError::Internal(error.into()))?
        .len();
    Ok(attachment(opened, &file.name, bytes))
}
