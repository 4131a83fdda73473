//! `POST /api/imports/{people|projects}`: managers upload a spreadsheet as multipart
//! `file` (with `dryRun`, `updateExisting`, `skipBadRows`); the body is streamed to a
//! private staging file under the size limit, and an `import` job is queued to read it.
//! The answer is the job (202, or the finished job with `Prefer: wait`). The same file
//! from the same person for the same kind of run, while its job is unfinished, is that
//! job again.

mod staging;

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;
use utoipa::ToSchema;
use wt_domain::transfer::imports::{ImportKind, ImportOptions};
use wt_jobs::payloads::Import;

use self::staging::{StageError, Staged};
use crate::auth::Manager;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::jobs::started;
use crate::state::AppState;

/// Room for the multipart framing and the option fields around the file itself.
const MULTIPART_OVERHEAD: u64 = 64 * 1024;

/// The form of an upload (documentation of the multipart fields: axum reads the form
/// field by field, so nothing ever builds this).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct ImportForm {
    /// The .xlsx or .csv file.
    #[schema(value_type = String, format = Binary)]
    file: String,
    /// `true`: report what would happen, write nothing.
    dry_run: Option<bool>,
    /// `true`: rows matching stored rows update them (else they are skipped).
    update_existing: Option<bool>,
    /// `true`: rows with errors are left out and the rest imported (else one bad row stops
    /// the file).
    skip_bad_rows: Option<bool>,
}

/// How the rows of one entity fared (documentation of the import report).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ImportCounts {
    created: u64,
    updated: u64,
    unchanged: u64,
    skipped: u64,
}

/// One problem of an imported file (documentation of the import report).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct ImportIssue {
    #[schema(pattern = "^(error|warning)$")]
    severity: String,
    sheet: String,
    /// The row as the spreadsheet numbers it (the header is row 1).
    row: u32,
    column: Option<String>,
    value: Option<String>,
    code: String,
    message: String,
}

/// The result of an `import` job (documentation: the job's `result` has this shape).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct ImportReport {
    kind: String,
    file_name: String,
    dry_run: bool,
    /// Whether the changes were written.
    applied: bool,
    rows: u64,
    /// Per entity (`person`, `role`, `department`, `project`, `assignment`,
    /// `weekly_hours`, `deliverable`).
    counts: std::collections::BTreeMap<String, ImportCounts>,
    errors: u64,
    warnings: u64,
    /// The first 500 issues; the download holds them all.
    issues: Vec<ImportIssue>,
    download: crate::routes::jobs::views::JobFileView,
}

fn kind_of(name: &str) -> Result<ImportKind, Problem> {
    match name {
        "people" => Ok(ImportKind::People),
        "projects" => Ok(ImportKind::Projects),
        _ => Err(Problem::not_found("This import")),
    }
}

fn too_large(limit: u64) -> ApiError {
    let megabytes = limit / (1024 * 1024);
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "upload_too_large",
        format!("The file is larger than the {megabytes} MiB allowed for this import."),
    )
    .into()
}

#[utoipa::path(
    post, path = "/api/imports/{kind}", tag = "imports",
    params(("kind" = String, Path, description = "`people` or `projects`"),
        ("Prefer" = Option<String>, Header, description = "`wait=N`: answer with the ended job when it ends within N seconds")),
    request_body(content = ImportForm, content_type = "multipart/form-data"),
    responses((status = 202, description = "Queued; the job's result is the import report", body = crate::routes::jobs::Queued),
        (status = 200, description = "Ended within the `Prefer: wait`", body = crate::routes::jobs::JobView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn upload(
    State(state): State<AppState>,
    Manager(me): Manager,
    Path(kind): Path<String>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Result<Response, ApiError> {
    let kind = kind_of(&kind)?;
    let limit = match kind {
        ImportKind::People => state.settings.people_upload_max_bytes,
        ImportKind::Projects => state.settings.projects_upload_max_bytes,
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit + MULTIPART_OVERHEAD) {
        return Err(too_large(limit));
    }
    let (staged, file_name, options) = read_form(&state, &mut form, kind, limit).await?;
    let payload = Import {
        kind,
        file: staged.relative.clone(),
        sha256: staged.sha256.clone(),
        file_name,
        options,
    };
    let mut tx = state.jobs.begin(&state.db).await?;
    let job = tx.enqueue(&payload, Some(me.id)).await?;
    tx.commit().await?;
    // A job already waiting for this very file keeps its own staged copy.
    if job.payload["file"] == staged.relative.as_str() {
        staged.keep();
    }
    started(&state, &headers, &job).await
}

/// Reads the form: the staged file, its original name, and the options.
async fn read_form(
    state: &AppState,
    form: &mut Multipart,
    kind: ImportKind,
    limit: u64,
) -> Result<(Staged, String, ImportOptions), ApiError> {
    let broken = |detail: String| {
        tracing::debug!(%detail, "multipart refused");
        Problem::bad_request(
            "invalid_multipart",
            "The upload is not a readable multipart form.",
        )
    };
    let mut options = ImportOptions::default();
    let mut file: Option<(Staged, String)> = None;
    while let Some(mut field) = form.next_field().await.map_err(|e| broken(e.body_text()))? {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" => {
                let original = field.file_name().unwrap_or("upload").to_owned();
                let staged = staging::stage(
                    &mut field,
                    &state.settings.backups_dir,
                    kind.as_str(),
                    limit,
                )
                .await
                .map_err(|error| match error {
                    StageError::TooLarge => too_large(limit),
                    StageError::Body(detail) => broken(detail).into(),
                    StageError::Disk(error) => ApiError::Internal(error.into()),
                })?;
                file = Some((staged, original));
            }
            "dryRun" | "updateExisting" | "skipBadRows" => {
                let value = field.text().await.map_err(|e| broken(e.body_text()))?;
                let flag = flag(&name, &value)?;
                match name.as_str() {
                    "dryRun" => options.dry_run = flag,
                    "updateExisting" => options.update_existing = flag,
                    _ => options.skip_bad_rows = flag,
                }
            }
            other => {
                return Err(Problem::bad_request(
                    "unknown_field",
                    format!("The form has a field `{other}` that imports do not take."),
                )
                .into());
            }
        }
    }
    let (staged, original) = file.ok_or_else(|| {
        Problem::bad_request(
            "file_required",
            "Choose a file to import (the form field `file`).",
        )
    })?;
    if staged.bytes == 0 {
        return Err(Problem::bad_request("empty_file", "The file is empty.").into());
    }
    Ok((staged, original, options))
}

fn flag(name: &str, value: &str) -> Result<bool, Problem> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "on" | "yes" => Ok(true),
        "false" | "0" | "off" | "no" | "" => Ok(false),
        _ => Err(Problem::bad_request(
            "invalid_flag",
            format!("`{name}` must be true or false."),
        )),
    }
}
