//! `PATCH /api/assignments/hours`: many assignments' weekly hours in one transaction, all
//! of them or none. Every row is checked first (each bad field named by its row), then the
//! rows are locked, versions and permissions checked, and the weeks written.

use std::collections::BTreeMap;

use axum::extract::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use wt_store::assignments;

use crate::auth::{Principal, SignedIn, guard::forbidden};
use crate::conditional::precondition_failed;
use crate::contention::retry_contended;
use crate::extract::JsonBody;
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, invalid_fields};
use crate::routes::assignments::may_plan;
use crate::routes::{fields, weekly};
use crate::state::AppState;

/// Most assignments one bulk request may change, and most weeks across all of them.
const BULK_ROWS: usize = 500;
const BULK_WEEKS: usize = 10_000;

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkHours {
    updates: Vec<BulkRow>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkRow {
    assignment_id: i64,
    #[schema(value_type = HashMap<String, f64>)]
    weekly_hours: Value,
    /// The version the client edited; a different current version refuses the batch.
    version: Option<i64>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BulkOutcome {
    assignment_id: i64,
    version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct BulkResults {
    results: Vec<BulkOutcome>,
}

/// One checked row of a bulk edit: the assignment, the version the client saw, the weeks.
struct CheckedRow {
    id: i64,
    version: Option<i64>,
    weeks: BTreeMap<NaiveDate, i32>,
}

/// Checks every row of a bulk body, naming each bad field by its row.
fn parse_bulk(body: &BulkHours) -> Result<Vec<CheckedRow>, Vec<FieldError>> {
    if body.updates.is_empty() || body.updates.len() > BULK_ROWS {
        let message = format!("Send between 1 and {BULK_ROWS} updates.");
        return Err(vec![FieldError::new("updates", "invalid_updates", message)]);
    }
    let mut checks = fields::Checks::default();
    let mut rows = Vec::with_capacity(body.updates.len());
    let mut total_weeks = 0;
    for (index, row) in body.updates.iter().enumerate() {
        checks.take(fields::reference(
            &format!("updates[{index}].assignmentId"),
            Some(row.assignment_id),
        ));
        let weeks = match weekly::parse(&format!("updates[{index}].weeklyHours"), &row.weekly_hours)
        {
            Ok(weeks) => weeks,
            Err(errors) => {
                errors.into_iter().for_each(|e| checks.take::<()>(Err(e)));
                BTreeMap::new()
            }
        };
        total_weeks += weeks.len();
        rows.push(CheckedRow {
            id: row.assignment_id,
            version: row.version,
            weeks,
        });
    }
    if total_weeks > BULK_WEEKS {
        let message = format!("Send at most {BULK_WEEKS} weeks in one batch.");
        checks.take::<()>(Err(FieldError::new("updates", "too_many_weeks", message)));
    }
    checks.finish().map(|()| rows)
}

#[utoipa::path(
    patch, path = "/api/assignments/hours", tag = "assignments",
    request_body = BulkHours,
    responses((status = 200, description = "Every update applied, in one transaction", body = BulkResults),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 412, response = r::PreconditionFailed),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn bulk_hours(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    JsonBody(body): JsonBody<BulkHours>,
) -> Result<axum::Json<BulkResults>, ApiError> {
    let rows = parse_bulk(&body).map_err(invalid_fields)?;
    let results = retry_contended(|| save_bulk(&state, &me, &rows)).await?;
    Ok(axum::Json(BulkResults { results }))
}

/// Writes the checked rows in one transaction: all of them, or none with the refusal.
async fn save_bulk(
    state: &AppState,
    me: &Principal,
    rows: &[CheckedRow],
) -> Result<Vec<BulkOutcome>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut tx = state.db.begin().await?;
    let locked = assignments::lock(&mut tx, &ids).await?;
    for (index, CheckedRow { id, version, .. }) in rows.iter().enumerate() {
        let Some((_, person, current)) = locked.iter().find(|(locked_id, _, _)| locked_id == id)
        else {
            let message = "This assignment does not exist.";
            let error = FieldError::new(
                &format!("updates[{index}].assignmentId"),
                "assignment_not_found",
                message,
            );
            return Err(invalid_fields(vec![error]).into());
        };
        if !may_plan(me, *person) {
            return Err(forbidden().into());
        }
        if version.is_some_and(|v| v != *current) {
            return Err(precondition_failed()
                .with_errors(vec![FieldError::new(
                    &format!("updates[{index}].version"),
                    "stale_version",
                    "Reload this row.",
                )])
                .into());
        }
    }
    let changes: Vec<_> = rows.iter().map(|row| (row.id, &row.weeks)).collect();
    let versions = assignments::write_many_weeks(&mut tx, &changes).await?;
    let results = rows
        .iter()
        .map(|row| {
            let version = versions.get(&row.id).copied().ok_or_else(|| {
                ApiError::Internal(anyhow::anyhow!(
                    "assignment {} vanished while locked",
                    row.id
                ))
            })?;
            Ok(BulkOutcome {
                assignment_id: row.id,
                version,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    tx.commit().await?;
    Ok(results)
}
