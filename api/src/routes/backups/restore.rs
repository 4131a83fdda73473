//! Restoring a backup through the API. The archive is checked and the backup lock taken
//! while the request waits, so a corrupt archive (422 `backup_corrupt`) or a running
//! backup (409) is refused with nothing changed; the restore itself then runs in this
//! api process, in a task of its own, and the answer is 202.
//!
//! Not a job: the job ledger lives in the very database the restore replaces, so a
//! restore job's own row would vanish under it (the restored database holds the ledger
//! as it was at backup time). Its progress lives in Redis instead: the read-only flag
//! says that a restore runs (and expires if this process dies), and the outcome of the
//! latest restore is kept under `<namespace>:restore:last` for a week. If this process
//! stops during the restore, the restore stops with it (its tools are killed with their
//! task): before the swap that changes nothing, and the flag expires.

use std::time::Duration;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wt_backup::archive::dump_path;
use wt_backup::read_only::ReadOnly;
use wt_backup::restore::Restored;
use wt_backup::{ArchiveId, BackupError};

use super::{archive_id, backups, refused};
use crate::auth::Admin;
use crate::extract::JsonBody;
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem, field_problem};
use crate::state::AppState;

/// How long the latest restore's outcome is kept.
const OUTCOME_KEPT: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// The typed confirmation a restore needs: the backup's id, again.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestoreBody {
    #[serde(default)]
    confirm: String,
}

/// How the latest restore ended.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RestoreOutcome {
    archive: String,
    succeeded: bool,
    started_at: DateTime<Utc>,
    finished_at: DateTime<Utc>,
    /// What happened, in a sentence.
    message: String,
    /// The failure's stable code.
    code: Option<String>,
    /// The name the replaced database is kept under.
    previous_database: Option<String>,
    /// The backup of the live database taken before it was replaced.
    safety_backup: Option<String>,
}

/// Whether a restore runs now, and how the latest one ended.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RestoreStatus {
    running: bool,
    /// What writes are answered while it runs.
    message: Option<String>,
    since: Option<DateTime<Utc>>,
    last: Option<RestoreOutcome>,
}

fn read_only(state: &AppState) -> ReadOnly {
    ReadOnly::new(state.redis.clone(), state.namespace())
}

fn outcome_key(state: &AppState) -> String {
    format!("{}:restore:last", state.namespace())
}

#[utoipa::path(
    post, path = "/api/backups/{id}/restore", tag = "backups",
    params(("id" = String, Path)),
    request_body = RestoreBody,
    responses((status = 202, description = "The restore started; watch `GET /api/backups/restore`", body = RestoreStatus),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 409, response = r::Conflict), (status = 422, response = r::Unprocessable))
)]
pub async fn start(
    State(state): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<RestoreBody>,
) -> Result<Response, ApiError> {
    let id = archive_id(&id)?;
    if body.confirm != id.as_str() {
        let message = "Type the backup's name to confirm the restore.";
        return Err(field_problem(
            StatusCode::BAD_REQUEST,
            "confirmation_mismatch",
            "confirm",
            message,
        ));
    }
    let backups = backups(&state)?;
    let prepared = backups
        .prepare_restore(&dump_path(backups.dir(), &id))
        .await
        .map_err(refused)?;
    let started_at = Utc::now();
    tracing::info!(archive = %id, admin = admin.id, "restore started");
    let flag = read_only(&state);
    let task_state = state.clone();
    tokio::spawn(async move {
        let outcome = outcome(prepared.run(&flag).await, &id, started_at);
        if let Err(error) = remember(task_state, outcome).await {
            tracing::warn!(%error, "could not record the restore's outcome in Redis");
        }
    });
    let status = RestoreStatus {
        running: true,
        message: Some(wt_backup::restore::READ_ONLY_MESSAGE.to_owned()),
        since: Some(started_at),
        last: None,
    };
    Ok((StatusCode::ACCEPTED, Json(status)).into_response())
}

/// How the restore of `id`, started at `started_at`, ended.
fn outcome(
    ended: Result<Restored, BackupError>,
    id: &ArchiveId,
    started_at: DateTime<Utc>,
) -> RestoreOutcome {
    match ended {
        Ok(restored) => RestoreOutcome {
            archive: restored.archive.to_string(),
            succeeded: true,
            started_at,
            finished_at: Utc::now(),
            message: format!("Restored {}.", restored.archive),
            code: None,
            previous_database: Some(restored.previous_database),
            safety_backup: Some(restored.safety_backup.to_string()),
        },
        Err(error) => {
            tracing::error!(%error, archive = %id, "restore failed");
            RestoreOutcome {
                archive: id.to_string(),
                succeeded: false,
                started_at,
                finished_at: Utc::now(),
                message: error.to_string(),
                code: Some(error.code().to_owned()),
                previous_database: None,
                safety_backup: None,
            }
        }
    }
}

/// Keeps `outcome` as the latest restore's (owned values: the future is spawned).
async fn remember(state: AppState, outcome: RestoreOutcome) -> anyhow::Result<()> {
    let mut conn = state.redis.connection().await?;
    let value = serde_json::to_string(&outcome)?;
    conn.set_ex::<String, String, ()>(outcome_key(&state), value, OUTCOME_KEPT.as_secs())
        .await?;
    Ok(())
}

#[utoipa::path(
    get, path = "/api/backups/restore", tag = "backups",
    responses((status = 200, description = "Whether a restore runs, and how the latest ended", body = RestoreStatus),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden))
)]
pub async fn status(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Json<RestoreStatus>, ApiError> {
    let notice = read_only(&state).current().await.map_err(refused)?;
    let mut conn = state.redis.connection().await.map_err(|error| {
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "redis_unavailable",
            error.to_string(),
        )
    })?;
    let raw: Option<String> = conn
        .get(outcome_key(&state))
        .await
        .map_err(|error| ApiError::Internal(error.into()))?;
    let last = raw
        .map(|raw| serde_json::from_str(&raw))
        .transpose()
        .map_err(|error| ApiError::Internal(error.into()))?;
    Ok(Json(RestoreStatus {
        running: notice.is_some(),
        message: notice.as_ref().map(|n| n.message.clone()),
        since: notice.map(|n| n.since),
        last,
    }))
}
