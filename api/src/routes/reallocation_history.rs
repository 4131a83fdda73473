//! `GET /api/deliverables/{id}/reallocations`: the hour moves a deliverable's date changes
//! made, newest first, from the audit the worker writes (who asked, when, how far, what it
//! touched, and whether and by whom it was undone).

use axum::extract::State;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use wt_store::reallocations::{self, HistoryEntry};

use crate::auth::Reader;
use crate::extract::PathId;
use crate::openapi::responses as r;
use crate::problem::ApiError;
use crate::routes::deliverables::load;
use crate::routes::reallocation::CappedView;
use crate::state::AppState;

/// One reallocation of a deliverable.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReallocationRecordView {
    id: i64,
    deliverable: i64,
    /// The job that applied it; null once the job left the ledger.
    job_id: Option<i64>,
    old_date: NaiveDate,
    new_date: NaiveDate,
    delta_weeks: i32,
    assignments_changed: i32,
    touched_week_keys: Vec<NaiveDate>,
    capped: Vec<CappedView>,
    requested_by: Option<i64>,
    requested_by_name: Option<String>,
    created_at: DateTime<Utc>,
    undone_at: Option<DateTime<Utc>>,
    /// Null when undone from the command line (or not undone).
    undone_by: Option<i64>,
    undone_by_name: Option<String>,
    /// Whether the undo also put the date back; null while not undone.
    undo_reverted_date: Option<bool>,
}

impl From<HistoryEntry> for ReallocationRecordView {
    fn from(entry: HistoryEntry) -> Self {
        ReallocationRecordView {
            id: entry.id,
            deliverable: entry.deliverable_id,
            job_id: entry.job_id,
            old_date: entry.old_date,
            new_date: entry.new_date,
            delta_weeks: entry.delta_weeks,
            assignments_changed: entry.assignments_changed,
            touched_week_keys: entry.touched_week_keys,
            capped: entry.capped.iter().map(CappedView::from).collect(),
            requested_by: entry.requested_by,
            requested_by_name: entry.requested_by_name,
            created_at: entry.created_at,
            undone_at: entry.undone_at,
            undone_by: entry.undone_by,
            undone_by_name: entry.undone_by_name,
            undo_reverted_date: entry.undo_reverted_date,
        }
    }
}

#[utoipa::path(
    get, path = "/api/deliverables/{id}/reallocations", tag = "deliverables",
    params(("id" = i64, Path)),
    responses((status = 200, description = "The deliverable's reallocations, newest first", body = Vec<ReallocationRecordView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn history(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
) -> Result<axum::Json<Vec<ReallocationRecordView>>, ApiError> {
    load(&state, id).await?;
    let entries = reallocations::history(&state.db, id).await?;
    Ok(axum::Json(
        entries
            .into_iter()
            .map(ReallocationRecordView::from)
            .collect(),
    ))
}
