//! The sheets that hang off projects: Assignments (who works on which project in which
//! role, with weekly hours in week columns), Hours (the same hours one week per row) and
//! Deliverables. Each row names its project (number, else name) and its person (email,
//! else name) as a person would; [`super::links_plan`] resolves those names.

use chrono::NaiveDate;
use wt_domain::hours::Hours;
use wt_domain::text::{
    DeliverableDescription, Email, Notes, PersonName, ProjectName, ProjectNumber, RoleOnProject,
};
use wt_domain::transfer::cells::{Cell, CellError};
use wt_domain::transfer::columns::Field;
use wt_domain::weeks::Week;

use super::sheet::Fields;
use super::text::stored;

/// A project as a row names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRef {
    pub number: Option<String>,
    pub name: Option<String>,
}

/// A person as a row names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRef {
    pub email: Option<String>,
    pub name: Option<String>,
}

/// Where a row stands, for its issues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub sheet: String,
    pub row: u32,
}

/// An assignment with the weeks one row gives (from either sheet).
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentRow {
    pub place: Place,
    pub project: ProjectRef,
    pub person: PersonRef,
    pub role: String,
    pub notes: Option<String>,
    pub active: Option<bool>,
    pub weeks: Vec<(NaiveDate, Hours)>,
}

/// A deliverable as one row gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliverableRow {
    pub place: Place,
    pub id: Option<i64>,
    pub project: ProjectRef,
    pub description: String,
    pub percentage: Option<i16>,
    pub date: Option<NaiveDate>,
    pub completed: Option<bool>,
    pub completed_date: Option<NaiveDate>,
    pub notes: Option<String>,
    pub order: Option<i32>,
}

fn place(fields: &Fields<'_>, sheet: &str) -> Place {
    Place {
        sheet: sheet.to_owned(),
        row: fields.number,
    }
}

fn project_ref(fields: &mut Fields<'_>) -> ProjectRef {
    let project = ProjectRef {
        number: fields.get(Field::ProjectNumber, stored::<ProjectNumber>),
        name: fields.get(Field::Project, stored::<ProjectName>),
    };
    if project.number.is_none() && project.name.is_none() && !fields.has_errors() {
        fields.refuse(
            Some("Project"),
            None,
            CellError::new("project_required", "Name the project (its number or name)."),
        );
    }
    project
}

fn person_ref(fields: &mut Fields<'_>) -> PersonRef {
    let person = PersonRef {
        email: fields.get(Field::PersonEmail, stored::<Email>),
        name: fields.get(Field::Person, stored::<PersonName>),
    };
    if person.email.is_none() && person.name.is_none() && !fields.has_errors() {
        fields.refuse(
            Some("Person"),
            None,
            CellError::new("person_required", "Name the person (their email or name)."),
        );
    }
    person
}

/// An Assignments row: the assignment and its week columns.
pub fn assignment(fields: &mut Fields<'_>, sheet: &str) -> Option<AssignmentRow> {
    let mut row = AssignmentRow {
        place: place(fields, sheet),
        project: project_ref(fields),
        person: person_ref(fields),
        role: fields
            .get(Field::RoleOnProject, stored::<RoleOnProject>)
            .unwrap_or_default(),
        notes: fields.get(Field::Notes, stored::<Notes>),
        active: fields.get(Field::Active, Cell::boolean),
        weeks: Vec::new(),
    };
    let weeks: Vec<_> = fields.weeks().collect();
    for (sunday, cell, header) in weeks {
        match cell.hours() {
            Ok(Some(hours)) => row.weeks.push((sunday, hours)),
            Ok(None) => {}
            Err(error) => fields.refuse(Some(header), Some(cell.quoted()), error),
        }
    }
    (!fields.has_errors()).then_some(row)
}

/// An Hours row: one week of one assignment. A date that is not a Sunday counts for its
/// week, with a warning.
pub fn hours(fields: &mut Fields<'_>, sheet: &str) -> Option<AssignmentRow> {
    let place = place(fields, sheet);
    let project = project_ref(fields);
    let person = person_ref(fields);
    let role = fields
        .get(Field::RoleOnProject, stored::<RoleOnProject>)
        .unwrap_or_default();
    let week = fields.get(Field::Week, Cell::date);
    let hours = fields.get(Field::Hours, Cell::hours);
    let (Some(date), Some(hours)) = (week, hours) else {
        if !fields.has_errors() {
            fields.refuse(
                Some("Week"),
                None,
                CellError::new("week_and_hours_required", "Give the week and its hours."),
            );
        }
        return None;
    };
    let sunday = match Week::containing(date) {
        Ok(week) => week.as_date(),
        Err(error) => {
            fields.refuse(
                Some("Week"),
                Some(date.to_string()),
                CellError::new(error.code(), error.message()),
            );
            return None;
        }
    };
    if sunday != date {
        fields.warn(
            Some("Week"),
            Some(date.to_string()),
            "week_moved_to_sunday",
            format!("{date} is not a Sunday; its hours count for the week of Sunday {sunday}."),
        );
    }
    (!fields.has_errors()).then_some(AssignmentRow {
        place,
        project,
        person,
        role,
        notes: None,
        active: None,
        weeks: vec![(sunday, hours)],
    })
}

fn percentage(cell: &Cell) -> Result<Option<i16>, CellError> {
    let Some(value) = cell.integer()? else {
        return Ok(None);
    };
    i16::try_from(value)
        .ok()
        .filter(|p| (0..=100).contains(p))
        .map(Some)
        .ok_or_else(|| CellError::new("invalid_percentage", "A percentage from 0 to 100."))
}

fn order(cell: &Cell) -> Result<Option<i32>, CellError> {
    let Some(value) = cell.integer()? else {
        return Ok(None);
    };
    i32::try_from(value)
        .ok()
        .filter(|o| *o >= 0)
        .map(Some)
        .ok_or_else(|| CellError::new("invalid_order", "The order is a whole number from 0."))
}

/// A Deliverables row.
pub fn deliverable(fields: &mut Fields<'_>, sheet: &str) -> Option<DeliverableRow> {
    let row = DeliverableRow {
        place: place(fields, sheet),
        id: fields.get(Field::Id, Cell::integer),
        project: project_ref(fields),
        description: fields
            .get(Field::Description, stored::<DeliverableDescription>)
            .unwrap_or_default(),
        percentage: fields.get(Field::Percentage, percentage),
        date: fields.get(Field::Date, Cell::date),
        completed: fields.get(Field::Completed, Cell::boolean),
        completed_date: fields.get(Field::CompletedDate, Cell::date),
        notes: fields.get(Field::Notes, stored::<Notes>),
        order: fields.get(Field::Order, order),
    };
    (!fields.has_errors()).then_some(row)
}
