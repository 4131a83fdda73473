//! What a client may send to create or change a project, and the [`Rules`] it is checked
//! by: names, an optional unique project number, a known status, a date range that runs
//! forwards, and an hours estimate; store refusals as problems naming the field.

use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::Value;
use sqlx::{PgConnection, PgPool};
use utoipa::ToSchema;
use wt_domain::text::{ClientName, Notes, ProjectDescription, ProjectName, ProjectNumber};
use wt_store::StoreError;
use wt_store::projects::{Project, ProjectFields};

use super::{Projects, STATUSES};
use crate::extract::nullable;
use crate::problem::{ApiError, FieldError, Problem};
use crate::routes::deliverables::add_defaults;
use crate::routes::fields;
use crate::routes::resource::Rules;
use crate::state::AppState;

/// Largest estimate accepted, in hours (a generous bound that still fits the column).
const MAX_ESTIMATE_HOURS: f64 = 99_999_999.0;

/// A project as sent by a client; every field optional so one type serves create and PATCH.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProjectBody {
    name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    project_number: Option<Option<String>>,
    client: Option<String>,
    status: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    start_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    end_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>, nullable)]
    estimated_hours: Option<Option<Value>>,
    description: Option<String>,
    notes: Option<String>,
    is_active: Option<bool>,
}

impl Rules for Projects {
    fn blank() -> ProjectFields {
        ProjectFields {
            name: String::new(),
            project_number: None,
            client: "Internal".to_owned(),
            status: "planning".to_owned(),
            start_date: None,
            end_date: None,
            estimated_centihours: None,
            description: String::new(),
            notes: String::new(),
            is_active: true,
        }
    }

    fn apply(body: ProjectBody, base: ProjectFields) -> Result<ProjectFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.text::<ProjectName>("name", body.name, base.name);
        let project_number = checks.optional_text::<ProjectNumber>(
            "projectNumber",
            body.project_number,
            base.project_number,
        );
        let client = checks.text::<ClientName>("client", body.client, base.client);
        let status = checks.take(status(body.status.unwrap_or(base.status)));
        let start_date = checks.take(fields::date("startDate", body.start_date, base.start_date));
        let end_date = checks.take(fields::date("endDate", body.end_date, base.end_date));
        let estimate = checks.take(estimate(body.estimated_hours, base.estimated_centihours));
        let description =
            checks.text::<ProjectDescription>("description", body.description, base.description);
        let notes = checks.text::<Notes>("notes", body.notes, base.notes);
        if let (Some(start), Some(end)) = (start_date, end_date)
            && end < start
        {
            let message = "The end date is before the start date.";
            checks.take::<()>(Err(FieldError::new("endDate", "end_before_start", message)));
        }
        checks.finish()?;
        Ok(ProjectFields {
            name,
            project_number,
            client,
            status,
            start_date,
            end_date,
            estimated_centihours: estimate,
            description,
            notes,
            is_active: body.is_active.unwrap_or(base.is_active),
        })
    }

    fn refused(error: StoreError) -> ApiError {
        match &error {
            StoreError::Duplicate(c) if c == "projects_number_key" => {
                let message = "Another project has this number.";
                Problem::new(StatusCode::CONFLICT, "project_number_taken", message)
                    .with_errors(vec![FieldError::new(
                        "projectNumber",
                        "project_number_taken",
                        message,
                    )])
                    .into()
            }
            _ => error.into(),
        }
    }

    async fn in_use(_db: &PgPool, _id: i64) -> Result<ApiError, ApiError> {
        let detail = "People are assigned to this project. Deactivate or complete it instead.";
        Ok(Problem::new(StatusCode::CONFLICT, "project_in_use", detail).into())
    }

    /// A new project starts with the deliverables of the template.
    async fn created(
        tx: &mut PgConnection,
        project: &Project,
        state: &AppState,
    ) -> Result<(), StoreError> {
        add_defaults(tx, project.id, &state.settings.deliverable_template).await
    }
}

fn status(raw: String) -> Result<String, FieldError> {
    if STATUSES.contains(&raw.as_str()) {
        Ok(raw)
    } else {
        let message = format!("Choose one of {}.", STATUSES.join(", "));
        Err(FieldError::new("status", "invalid_choice", message))
    }
}

/// Estimated hours: a non-negative number with at most two decimals, or none.
fn estimate(raw: Option<Option<Value>>, base: Option<i64>) -> Result<Option<i64>, FieldError> {
    let value = match raw {
        None => return Ok(base),
        Some(None) => return Ok(None),
        Some(Some(value)) => value,
    };
    let invalid = |message: &str| FieldError::new("estimatedHours", "invalid_hours", message);
    let hours = value
        .as_f64()
        .filter(|h| h.is_finite())
        .ok_or_else(|| invalid("Enter a number of hours."))?;
    if !(0.0..=MAX_ESTIMATE_HOURS).contains(&hours) {
        return Err(invalid("Enter between 0 and 99,999,999 hours."));
    }
    let hundredths = (hours * 100.0).round();
    if (hundredths - hours * 100.0).abs() > 1e-6 {
        return Err(invalid("Use at most two decimals."));
    }
    // In range by the check above, so the conversion is exact.
    Ok(Some(hundredths as i64))
}
