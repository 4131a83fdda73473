//! The projects workbook: the Projects sheet, then Assignments (one row per assignment,
//! named by project number and name, person email and name and role, with one column per
//! week from the first to the last week holding hours, headed by its Sunday) and
//! Deliverables, all of the projects the filter selects. A CSV holds the Projects sheet
//! only, which is what the import reads from a CSV.

use chrono::{Days, NaiveDate};
use futures::TryStreamExt;
use sqlx::PgConnection;
use wt_domain::transfer::columns::{ASSIGNMENTS, DELIVERABLES, Field, PROJECTS};
use wt_domain::transfer::exports::ExportFormat;
use wt_store::StoreError;
use wt_store::export_rows::{self, AssignmentRow, DeliverableRow};
use wt_store::listing;
use wt_store::projects::{Project, ProjectFilter};

use super::sink::Value;
use super::{ExportError, Rows};
use crate::import::Stages;

async fn ids(conn: &mut PgConnection, filter: &ProjectFilter) -> Result<Vec<i64>, StoreError> {
    listing::stream(conn, filter)
        .map_ok(|project| project.id)
        .try_collect()
        .await
}

/// The projects with their assignments and deliverables.
pub(super) async fn count(
    conn: &mut PgConnection,
    filter: &ProjectFilter,
) -> Result<i64, StoreError> {
    let ids = ids(conn, filter).await?;
    let links = export_rows::count_links(conn, &ids).await?;
    Ok(ids.len() as i64 + links)
}

pub(super) async fn write<S: Stages>(
    conn: &mut PgConnection,
    filter: &ProjectFilter,
    format: ExportFormat,
    rows: &mut Rows<'_, S>,
) -> Result<(), ExportError<S::Stop>> {
    rows.sheet(&PROJECTS, Vec::new()).await?;
    let mut ids = Vec::new();
    let mut stream = listing::stream(&mut *conn, filter);
    while let Some(project) = stream.try_next().await? {
        ids.push(project.id);
        rows.row(project_cells(&project)).await?;
    }
    drop(stream);
    if format == ExportFormat::Csv {
        return Ok(());
    }
    let weeks = week_columns(export_rows::week_span(&mut *conn, &ids).await?);
    let headers = weeks.iter().map(|week| Value::Date(*week)).collect();
    rows.sheet(&ASSIGNMENTS, headers).await?;
    let mut stream = export_rows::assignments(&mut *conn, &ids);
    while let Some(assignment) = stream.try_next().await? {
        rows.row(assignment_cells(&assignment, &weeks)).await?;
    }
    drop(stream);
    rows.sheet(&DELIVERABLES, Vec::new()).await?;
    let mut stream = export_rows::deliverables(&mut *conn, &ids);
    while let Some(deliverable) = stream.try_next().await? {
        rows.row(deliverable_cells(&deliverable)).await?;
    }
    Ok(())
}

/// Every Sunday from the first to the last (both Sundays, as stored weeks are).
fn week_columns(span: Option<(NaiveDate, NaiveDate)>) -> Vec<NaiveDate> {
    let Some((first, last)) = span else {
        return Vec::new();
    };
    std::iter::successors(Some(first), |week| week.checked_add_days(Days::new(7)))
        .take_while(|week| *week <= last)
        .collect()
}

fn project_cells(project: &Project) -> Vec<Value> {
    PROJECTS
        .columns
        .iter()
        .map(|column| match column.field {
            Field::Id => Value::integer(project.id),
            Field::Name => Value::text(&project.fields.name),
            Field::ProjectNumber => Value::optional_text(project.fields.project_number.as_deref()),
            Field::Client => Value::text(&project.fields.client),
            Field::Status => Value::text(&project.fields.status),
            Field::StartDate => Value::date(project.fields.start_date),
            Field::EndDate => Value::date(project.fields.end_date),
            Field::EstimatedHours => project
                .fields
                .estimated_centihours
                .map_or(Value::Empty, Value::hundredths),
            Field::Description => Value::text(&project.fields.description),
            Field::Notes => Value::text(&project.fields.notes),
            Field::Active => Value::yes_no(project.fields.is_active),
            _ => Value::Empty,
        })
        .collect()
}

/// The assignment's columns, then its hours under each week column.
fn assignment_cells(assignment: &AssignmentRow, weeks: &[NaiveDate]) -> Vec<Value> {
    let mut cells: Vec<Value> = ASSIGNMENTS
        .columns
        .iter()
        .map(|column| match column.field {
            Field::ProjectNumber => Value::optional_text(assignment.project_number.as_deref()),
            Field::Project => Value::text(&assignment.project_name),
            Field::PersonEmail => Value::optional_text(assignment.person_email.as_deref()),
            Field::Person => Value::text(&assignment.person_name),
            Field::RoleOnProject => Value::text(&assignment.role_on_project),
            Field::Notes => Value::text(&assignment.notes),
            Field::Active => Value::yes_no(assignment.is_active),
            _ => Value::Empty,
        })
        .collect();
    let base = cells.len();
    cells.resize(base + weeks.len(), Value::Empty);
    let Some(first) = weeks.first() else {
        return cells;
    };
    for (week, centihours) in assignment.weeks.iter().zip(&assignment.centihours) {
        let at = usize::try_from((*week - *first).num_days() / 7).unwrap_or(usize::MAX);
        if let Some(cell) = cells.get_mut(base + at) {
            *cell = Value::hundredths(i64::from(*centihours));
        }
    }
    cells
}

fn deliverable_cells(deliverable: &DeliverableRow) -> Vec<Value> {
    DELIVERABLES
        .columns
        .iter()
        .map(|column| match column.field {
            Field::Id => Value::integer(deliverable.id),
            Field::ProjectNumber => Value::optional_text(deliverable.project_number.as_deref()),
            Field::Project => Value::text(&deliverable.project_name),
            Field::Description => Value::text(&deliverable.description),
            Field::Percentage => deliverable
                .percentage
                .map_or(Value::Empty, |percent| Value::integer(i64::from(percent))),
            Field::Date => Value::date(deliverable.date),
            Field::Completed => Value::yes_no(deliverable.completed_date.is_some()),
            Field::CompletedDate => Value::date(deliverable.completed_date),
            Field::Notes => Value::text(&deliverable.notes),
            Field::Order => Value::integer(i64::from(deliverable.sort_order)),
            _ => Value::Empty,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn hours_land_under_their_week() {
        let weeks = week_columns(Some((day(1), day(22))));
        assert_eq!(weeks, vec![day(1), day(8), day(15), day(22)]);
        let assignment = AssignmentRow {
            project_number: None,
            project_name: "Bridge".into(),
            person_email: Some("ada@example.com".into()),
            person_name: "Ada".into(),
            role_on_project: "Lead".into(),
            notes: String::new(),
            is_active: true,
            weeks: vec![day(8), day(22)],
            centihours: vec![850, 1200],
        };
        let cells = assignment_cells(&assignment, &weeks);
        let base = ASSIGNMENTS.columns.len();
        assert_eq!(cells.len(), base + 4);
        assert_eq!(cells[base], Value::Empty);
        assert_eq!(cells[base + 1], Value::Number(8.5));
        assert_eq!(cells[base + 3], Value::Number(12.0));
        assert!(week_columns(None).is_empty());
    }
}
