//! `/api/backups`: the database backups, for admins only. Listing reads the archives in
//! `BACKUPS_DIR/db`; creating queues a `backup` job (the nightly schedule queues the
//! same); downloading streams an archive; deleting removes it with its sidecar; a restore
//! is started and watched through [`restore`]. Every operation goes through `wt-backup`,
//! like the job and the `wt-api` commands.

pub mod restore;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;
use wt_backup::{Archive, ArchiveId, BackupError, Backups};
use wt_jobs::payloads::Backup;
use wt_store::audit;

use crate::auth::Admin;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::files::attachment;
use crate::routes::jobs::started;
use crate::state::AppState;

/// One archive as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BackupView {
    /// The archive's name, e.g. `wt-20261207T020000123Z`.
    id: String,
    /// When the backup started.
    taken_at: DateTime<Utc>,
    file_name: String,
    bytes: u64,
    /// Whether the archive is complete and described by its sidecar (only verified
    /// archives can be restored; the full SHA-256 is checked when one is).
    verified: bool,
    /// What started it: `schedule`, `admin`, `cli` or `pre_restore` (absent when
    /// unverified, as everything the sidecar tells).
    trigger: Option<String>,
    sha256: Option<String>,
    schema_version: Option<i64>,
    app_version: Option<String>,
    duration_ms: Option<u64>,
    tables: Option<usize>,
}

impl From<Archive> for BackupView {
    fn from(archive: Archive) -> Self {
        let verified = archive.verified();
        let sidecar = archive.sidecar.filter(|_| verified);
        BackupView {
            id: archive.id.to_string(),
            taken_at: archive.id.taken_at(),
            file_name: archive.id.file_name(),
            bytes: archive.bytes,
            verified,
            trigger: sidecar.as_ref().map(|s| s.trigger.as_str().to_owned()),
            sha256: sidecar.as_ref().map(|s| s.sha256.clone()),
            schema_version: sidecar.as_ref().map(|s| s.schema_version),
            app_version: sidecar.as_ref().map(|s| s.app_version.clone()),
            duration_ms: sidecar.as_ref().map(|s| s.duration_ms),
            tables: sidecar.as_ref().map(|s| s.tables.len()),
        }
    }
}

/// The archives, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct BackupList {
    items: Vec<BackupView>,
}

/// The backups of this installation's database.
pub(crate) fn backups(state: &AppState) -> Result<Backups, ApiError> {
    Backups::from_settings(&state.settings).map_err(|error| ApiError::Internal(error.into()))
}

/// A refusal of `wt-backup` as a problem; failures on our side stay internal.
pub(crate) fn refused(error: BackupError) -> ApiError {
    let status = match &error {
        BackupError::NotFound(_) => StatusCode::NOT_FOUND,
        BackupError::Corrupt(_) | BackupError::TooNew { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        BackupError::Busy => StatusCode::CONFLICT,
        BackupError::ReadOnlyUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => return ApiError::Internal(error.into()),
    };
    Problem::new(status, error.code(), error.to_string()).into()
}

/// The id in the path, if it names one of our archives (anything else cannot exist).
pub(crate) fn archive_id(raw: &str) -> Result<ArchiveId, ApiError> {
    ArchiveId::parse(raw).ok_or_else(|| Problem::not_found("The backup").into())
}

#[utoipa::path(
    get, path = "/api/backups", tag = "backups",
    responses((status = 200, description = "The archives, newest first", body = BackupList),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden))
)]
pub async fn list(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Json<BackupList>, ApiError> {
    let archives = backups(&state)?.list().await.map_err(refused)?;
    Ok(Json(BackupList {
        items: archives.into_iter().map(BackupView::from).collect(),
    }))
}

#[utoipa::path(
    post, path = "/api/backups", tag = "backups",
    params(("Prefer" = Option<String>, Header, description = "`wait=N`: answer with the ended job when it ends within N seconds")),
    responses((status = 202, description = "A backup job queued (or the one already waiting)", body = crate::routes::jobs::Queued),
        (status = 200, description = "Ended within the `Prefer: wait`", body = crate::routes::jobs::JobView),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden))
)]
pub async fn create(
    State(state): State<AppState>,
    Admin(admin): Admin,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut tx = state.jobs.begin(&state.db).await?;
    let job = tx.enqueue(&Backup::default(), Some(admin.id)).await?;
    tx.commit().await?;
    started(&state, &headers, &job).await
}

#[utoipa::path(
    get, path = "/api/backups/{id}/download", tag = "backups",
    params(("id" = String, Path)),
    responses((status = 200, description = "The archive (pg_dump custom format) as an attachment",
            content(("application/octet-stream"))),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound))
)]
pub async fn download(
    State(state): State<AppState>,
    Admin(_): Admin,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = archive_id(&id)?;
    let path = wt_backup::archive::dump_path(backups(&state)?.dir(), &id);
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|_| Problem::not_found("The backup"))?;
    let bytes = file
        .metadata()
        .await
        .map_err(|error| ApiError::Internal(error.into()))?
        .len();
    Ok(attachment(file, &id.file_name(), bytes))
}

#[utoipa::path(
    delete, path = "/api/backups/{id}", tag = "backups",
    params(("id" = String, Path)),
    responses((status = 204, description = "Deleted with its sidecar"),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound))
)]
pub async fn delete(
    State(state): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = archive_id(&id)?;
    if !backups(&state)?.delete(&id).await.map_err(refused)? {
        return Err(Problem::not_found("The backup").into());
    }
    let event = audit::NewEvent {
        actor_id: Some(admin.id),
        action: "backup_deleted",
        target_type: "backup",
        target_id: None,
        target_label: id.as_str(),
        details: json!({}),
    };
    audit::record(&state.db, &event).await?;
    Ok(StatusCode::NO_CONTENT)
}
