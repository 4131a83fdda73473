//! `GET /api/exports/{people|projects}?format=xlsx|csv` with the same filters as the
//! lists (`GET /api/people`, `GET /api/projects`), for managers and admins. An export of
//! at most `EXPORT_INLINE_MAX_ROWS` rows is written to a temporary file on a blocking
//! thread and streamed back as a dated attachment; a larger one becomes an `export` job
//! (202, as an import upload answers) whose file `GET /api/jobs/{id}/download` serves.
//! `GET /api/imports/{kind}/template` is the blank workbook with its Instructions sheet.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;
use utoipa::IntoParams;
use wt_domain::transfer::exports::{self, ExportFormat, ExportKind};
use wt_jobs::payloads::Export;
use wt_transfer::export::{self as writer, ExportError, Selection, Unwatched, template};

use crate::auth::{Manager, Principal};
use crate::extract::QueryParams;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::files::temporary_attachment;
use crate::routes::jobs::started;
use crate::routes::people::PeopleQuery;
use crate::routes::projects::ProjectQuery;
use crate::state::AppState;

/// `?format=xlsx|csv`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `xlsx` (default: every sheet) or `csv` (the first sheet: People, or Projects).
    #[param(schema_with = crate::openapi::export_format_schema)]
    format: Option<String>,
}

impl FormatQuery {
    fn format(&self) -> Result<ExportFormat, Problem> {
        match self.format.as_deref() {
            None => Ok(ExportFormat::Xlsx),
            Some(name) => ExportFormat::named(name)
                .ok_or_else(|| Problem::bad_request("invalid_format", "Export as xlsx or csv.")),
        }
    }
}

#[utoipa::path(
    get, path = "/api/exports/people", tag = "exports",
    params(FormatQuery, PeopleQuery,
        ("Prefer" = Option<String>, Header, description = "`wait=N`: for a large export, answer with the ended job when it ends within N seconds")),
    responses((status = 200, description = "The file (xlsx or csv) as an attachment",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("text/csv"))),
        (status = 202, description = "Too large to answer at once: queued as an `export` job; its result names the download", body = crate::routes::jobs::Queued),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden))
)]
pub async fn people(
    State(state): State<AppState>,
    Manager(me): Manager,
    headers: HeaderMap,
    QueryParams(format): QueryParams<FormatQuery>,
    QueryParams(query): QueryParams<PeopleQuery>,
) -> Result<Response, ApiError> {
    let format = format.format()?;
    let selection = Selection::People(query.filter()?);
    export(&state, &me, &headers, selection, format).await
}

#[utoipa::path(
    get, path = "/api/exports/projects", tag = "exports",
    params(FormatQuery, ProjectQuery,
        ("Prefer" = Option<String>, Header, description = "`wait=N`: for a large export, answer with the ended job when it ends within N seconds")),
    responses((status = 200, description = "The file as an attachment: a workbook with Projects, Assignments (a column per week) and Deliverables, or the Projects sheet as CSV",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("text/csv"))),
        (status = 202, description = "Too large to answer at once: queued as an `export` job; its result names the download", body = crate::routes::jobs::Queued),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden))
)]
pub async fn projects(
    State(state): State<AppState>,
    Manager(me): Manager,
    headers: HeaderMap,
    QueryParams(format): QueryParams<FormatQuery>,
    QueryParams(query): QueryParams<ProjectQuery>,
) -> Result<Response, ApiError> {
    let format = format.format()?;
    let selection = Selection::Projects(query.filter()?);
    export(&state, &me, &headers, selection, format).await
}

/// Answers with the file, or with the job that will write it.
async fn export(
    state: &AppState,
    me: &Principal,
    headers: &HeaderMap,
    selection: Selection,
    format: ExportFormat,
) -> Result<Response, ApiError> {
    let mut conn = state.db.acquire().await?;
    let rows = writer::count(&mut conn, &selection).await?;
    if rows > state.settings.export_inline_max_rows {
        drop(conn);
        let payload = Export { selection, format };
        let mut tx = state.jobs.begin(&state.db).await?;
        let job = tx.enqueue(&payload, Some(me.id)).await?;
        tx.commit().await?;
        return started(state, headers, &job).await;
    }
    let name = exports::file_name(selection.kind(), format, Utc::now().date_naive());
    let temporary = scratch_file()?;
    match writer::export(&mut conn, &selection, format, &temporary, &mut Unwatched).await {
        Ok(_) => {}
        Err(ExportError::Store(error)) => return Err(error.into()),
        Err(ExportError::Write(error)) => return Err(ApiError::Internal(error.into())),
        Err(ExportError::Stopped(never)) => match never {},
    }
    drop(conn);
    temporary_attachment(temporary, &name)
        .await
        .map_err(|error| ApiError::Internal(error.into()))
}

/// A private temporary file, removed when its path is dropped.
fn scratch_file() -> Result<tempfile::TempPath, ApiError> {
    tempfile::Builder::new()
        .prefix("wt-export-")
        .tempfile()
        .map(tempfile::NamedTempFile::into_temp_path)
        .map_err(|error| ApiError::Internal(error.into()))
}

#[utoipa::path(
    get, path = "/api/imports/{kind}/template", tag = "imports",
    params(("kind" = String, Path, description = "`people` or `projects`")),
    responses((status = 200, description = "A blank workbook: the sheets and headers an import reads, and an Instructions sheet",
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound))
)]
pub async fn template(Manager(_): Manager, Path(kind): Path<String>) -> Result<Response, ApiError> {
    let kind = match kind.as_str() {
        "people" => ExportKind::People,
        "projects" => ExportKind::Projects,
        _ => return Err(Problem::not_found("This template").into()),
    };
    let temporary = scratch_file()?;
    let path = temporary.to_path_buf();
    let today = Utc::now().date_naive();
    tokio::task::spawn_blocking(move || template::write(kind, &path, today))
        .await
        .map_err(|error| ApiError::Internal(error.into()))?
        .map_err(|error| ApiError::Internal(error.into()))?;
    temporary_attachment(temporary, &exports::template_name(kind))
        .await
        .map_err(|error| ApiError::Internal(error.into()))
}
