//! The reallocation side of a deliverable date change: queueing the `reallocate` job in
//! the transaction that saves the date, the `reallocation` object of the PATCH answer
//! (with the finished summary under `Prefer: wait`), and
//! `POST /api/deliverables/{id}/reallocation/undo`.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wt_domain::jobs::JobState;
use wt_domain::reallocation::{CapExcess, DateMove, Neighbours, Summary};
use wt_jobs::JobTx;
use wt_jobs::payloads::Reallocate;
use wt_store::deliverables::{self, Deliverable};
use wt_store::jobs::Job;
use wt_store::reallocations;

use crate::auth::Manager;
use crate::conditional::tagged;
use crate::extract::{JsonBody, PathId};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, field_problem};
use crate::reallocation_undo::{self, UndoError, UndoOptions, Undone};
use crate::routes::deliverables::DeliverableView;
use crate::routes::jobs::prefer::Prefer;
use crate::state::AppState;

/// A deliverable after a PATCH, with what its date change set off.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliverableUpdated {
    #[serde(flatten)]
    deliverable: DeliverableView,
    /// Absent when the date did not move (or either date is empty) and when
    /// `AUTO_REALLOCATION` is off.
    #[serde(skip_serializing_if = "Option::is_none")]
    reallocation: Option<ReallocationView>,
}

/// The PATCH answer for deliverable `id`, saved with `queued` set off: waits for the job
/// first when `Prefer: wait` asks.
pub async fn updated(
    state: &AppState,
    headers: &HeaderMap,
    id: i64,
    queued: Option<Queued>,
) -> Result<Response, ApiError> {
    let (reallocation, waited) = match queued {
        Some(queued) => {
            let (view, waited) = view(state, headers, queued).await?;
            (Some(view), waited)
        }
        None => (None, None),
    };
    let deliverable = crate::routes::deliverables::load(state, id).await?;
    let version = deliverable.version;
    let body = DeliverableUpdated {
        deliverable: DeliverableView::from(deliverable),
        reallocation,
    };
    let mut response = tagged(version, body);
    if let Some(wait) = waited {
        Prefer::applied(&mut response, wait);
    }
    Ok(response)
}

/// What a date change set off: a queued job, or nothing because the date stayed in its
/// week.
#[derive(Debug)]
pub enum Queued {
    SameWeek,
    Job { job: Box<Job>, delta_weeks: i64 },
}

/// The `reallocation` member of a deliverable PATCH answer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReallocationView {
    /// The `reallocate` job (see `/api/jobs/{id}`); null when nothing was queued because
    /// the new date is in the same week as the old one.
    #[schema(nullable)]
    job_id: Option<i64>,
    /// The job's state, or `none` when nothing was queued.
    #[schema(schema_with = reallocation_state_schema)]
    state: &'static str,
    /// Whole weeks between the Sundays of the old and the new date.
    delta_weeks: i64,
    /// Filled in when the job succeeded within the `Prefer: wait`.
    #[serde(skip_serializing_if = "Option::is_none")]
    assignments_changed: Option<usize>,
    /// Every week key whose hours changed in some assignment (ditto).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<NaiveDate>>)]
    touched_week_keys: Option<Vec<wt_domain::weeks::Week>>,
    /// Weeks that would have passed 168 hours: the hours that did not fit (ditto).
    #[serde(skip_serializing_if = "Option::is_none")]
    capped: Option<Vec<CappedView>>,
}

/// Hours shifted onto a week beyond its 168 hours, reported instead of kept.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CappedView {
    assignment_id: i64,
    week: NaiveDate,
    /// Hours over the cap.
    excess: f64,
}

impl From<&CapExcess> for CappedView {
    fn from(capped: &CapExcess) -> Self {
        CappedView {
            assignment_id: capped.assignment_id,
            week: capped.week.as_date(),
            excess: capped.excess.to_f64(),
        }
    }
}

fn reallocation_state_schema() -> utoipa::openapi::Schema {
    let mut names: Vec<&'static str> = JobState::ALL.map(JobState::as_str).to_vec();
    names.push("none");
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(names))
        .build()
        .into()
}

/// Queues the reallocation of `before`'s project when its date moves to `new_date`, in
/// the transaction `tx` that saves the date; `None` when nothing is to move.
pub async fn queue_if_moved(
    state: &AppState,
    tx: &mut JobTx<'_>,
    before: &Deliverable,
    new_date: Option<NaiveDate>,
    requested_by: i64,
) -> Result<Option<Queued>, ApiError> {
    let (Some(old), Some(new)) = (before.date, new_date) else {
        return Ok(None);
    };
    if old == new || !state.settings.auto_reallocation {
        return Ok(None);
    }
    let mut date_move = DateMove {
        old,
        new,
        neighbours: Neighbours::default(),
    };
    let delta_weeks = date_move.delta_weeks().map_err(|error| {
        field_problem(
            StatusCode::BAD_REQUEST,
            error.code(),
            "date",
            &error.message(),
        )
    })?;
    if delta_weeks == 0 {
        return Ok(Some(Queued::SameWeek));
    }
    // Taking the number locks the project's order until commit: the neighbours read next
    // are the ones every later date change of this project will see too.
    let sequence = reallocations::issue(tx, before.project_id).await?;
    let others = deliverables::other_dates(&mut **tx, before.project_id, before.id).await?;
    date_move.neighbours = Neighbours::around(old, &others);
    let payload = Reallocate {
        deliverable_id: before.id,
        project_id: before.project_id,
        sequence,
        date_move,
    };
    let job = tx.enqueue(&payload, Some(requested_by)).await?;
    Ok(Some(Queued::Job {
        job: Box::new(job),
        delta_weeks,
    }))
}

/// The `reallocation` object for the answer, after waiting for the job as `Prefer: wait`
/// asks; also says whether the wait was honoured.
async fn view(
    state: &AppState,
    headers: &HeaderMap,
    queued: Queued,
) -> Result<(ReallocationView, Option<std::time::Duration>), ApiError> {
    let (job, delta_weeks) = match queued {
        Queued::SameWeek => return Ok((ReallocationView::nothing(), None)),
        Queued::Job { job, delta_weeks } => (*job, delta_weeks),
    };
    let wait = Prefer::wait(headers);
    let job = match wait {
        Some(wait) => state
            .job_watch
            .wait(job.id, wait)
            .await?
            .map_or(job, |entry| entry.job),
        None => job,
    };
    let mut view = ReallocationView {
        job_id: Some(job.id),
        state: job.state.as_str(),
        delta_weeks,
        assignments_changed: None,
        touched_week_keys: None,
        capped: None,
    };
    if job.state == JobState::Succeeded
        && let Some(result) = job.result
    {
        let summary: Summary = serde_json::from_value(result)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("reallocation result: {e}")))?;
        view.assignments_changed = Some(summary.assignments_changed);
        view.capped = Some(summary.capped.iter().map(CappedView::from).collect());
        view.touched_week_keys = Some(summary.touched_week_keys);
    }
    Ok((view, wait.filter(|_| job.state.is_finished())))
}

impl ReallocationView {
    fn nothing() -> Self {
        ReallocationView {
            job_id: None,
            state: "none",
            delta_weeks: 0,
            assignments_changed: None,
            touched_week_keys: None,
            capped: None,
        }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UndoBody {
    /// Also put the deliverable's date back to what it was before (this queues nothing).
    #[serde(default)]
    revert_date: bool,
}

/// What an undo restored.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UndoView {
    /// The reallocation that was undone.
    reallocation_id: i64,
    /// The weeks put back, over all assignments.
    weeks_restored: usize,
    assignments_changed: usize,
    #[schema(value_type = Vec<NaiveDate>)]
    touched_week_keys: Vec<wt_domain::weeks::Week>,
    date_reverted: bool,
    /// The deliverable as it is now.
    deliverable: DeliverableView,
}

/// `POST /api/deliverables/{id}/reallocation/undo`: restores the weeks the deliverable's
/// latest reallocation changed, unless someone edited one of them since.
///
/// Refusals: 404 `not_found` (no such deliverable) or `no_reallocation` (nothing left to
/// undo); 409 `reallocation_conflict` when weeks were edited since, each listed in `errors`
/// as field `weeks.{assignmentId}.{week}` with code `week_changed`.
#[utoipa::path(
    post, path = "/api/deliverables/{id}/reallocation/undo", tag = "deliverables",
    params(("id" = i64, Path)),
    request_body = UndoBody,
    responses((status = 200, description = "Undone", body = UndoView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn undo(
    State(state): State<AppState>,
    Manager(me): Manager,
    PathId(id): PathId,
    JsonBody(body): JsonBody<UndoBody>,
) -> Result<axum::Json<UndoView>, ApiError> {
    let options = UndoOptions {
        revert_date: body.revert_date,
        force: false,
    };
    let undone = reallocation_undo::undo_latest(&state.db, id, options, Some(me.id))
        .await
        .map_err(undo_problem)?;
    let deliverable = crate::routes::deliverables::load(&state, id).await?;
    Ok(axum::Json(undo_view(undone, deliverable)))
}

fn undo_view(undone: Undone, deliverable: Deliverable) -> UndoView {
    UndoView {
        reallocation_id: undone.reallocation_id,
        weeks_restored: undone.restored.len(),
        assignments_changed: wt_domain::reallocation::assignments_of(&undone.restored).len(),
        touched_week_keys: wt_domain::reallocation::touched_weeks(&undone.restored),
        date_reverted: undone.date_reverted,
        deliverable: DeliverableView::from(deliverable),
    }
}

fn undo_problem(error: UndoError) -> ApiError {
    match error {
        UndoError::NoDeliverable => Problem::not_found("The deliverable").into(),
        UndoError::NothingToUndo => Problem::new(
            StatusCode::NOT_FOUND,
            "no_reallocation",
            "This deliverable has no reallocation left to undo.",
        )
        .into(),
        UndoError::Conflict(weeks) => {
            let errors = weeks
                .iter()
                .map(|c| {
                    let field = format!("weeks.{}.{}", c.assignment_id, c.week);
                    FieldError::new(&field, "week_changed", c.message())
                })
                .collect();
            Problem::new(
                StatusCode::CONFLICT,
                "reallocation_conflict",
                "Some of the weeks the reallocation changed were edited since; undoing it would overwrite those edits.",
            )
            .with_errors(errors)
            .into()
        }
        UndoError::Store(error) => error.into(),
    }
}
