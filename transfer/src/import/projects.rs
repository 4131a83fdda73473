//! The Projects sheet: each row read into what it says about one project (an empty cell
//! leaves a stored value as it is), matched against the stored projects by id, then
//! project number, then exact name, and planned: create, update, unchanged or skip.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use wt_domain::text::{ClientName, Notes, ProjectDescription, ProjectName, ProjectNumber};
use wt_domain::transfer::cells::{Cell, CellError};
use wt_domain::transfer::columns::Field;
use wt_store::projects::Project;
use wt_store::projects::ProjectFields;

use super::sheet::Fields;
use super::text::stored;

/// What one row says about a project.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub row: u32,
    pub id: Option<i64>,
    pub name: String,
    pub number: Option<String>,
    pub client: Option<String>,
    pub status: Option<&'static str>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub estimate: Option<i64>,
    pub description: Option<String>,
    pub notes: Option<String>,
    pub active: Option<bool>,
}

fn status(cell: &Cell) -> Result<Option<&'static str>, CellError> {
    let Some(text) = cell.text()? else {
        return Ok(None);
    };
    wt_domain::projects::status_named(&text)
        .map(Some)
        .ok_or_else(|| {
            let choices = wt_domain::projects::STATUSES.join(", ");
            CellError::new("invalid_status", format!("Choose one of {choices}."))
        })
}

/// Estimated hours in hundredths: not negative, at most two decimals.
fn estimate(cell: &Cell) -> Result<Option<i64>, CellError> {
    let Some(hours) = cell.number()? else {
        return Ok(None);
    };
    let hundredths = (hours * 100.0).round();
    if hours < 0.0 || hundredths >= 1e12 || (hours * 100.0 - hundredths).abs() > 1e-6 {
        return Err(CellError::new(
            "invalid_estimate",
            "Estimated hours: a positive number with at most two decimals.",
        ));
    }
    Ok(Some(hundredths as i64))
}

/// Reads a data row; `None` when a cell was refused.
pub fn read(fields: &mut Fields<'_>) -> Option<ProjectRow> {
    let row = ProjectRow {
        row: fields.number,
        id: fields.get(Field::Id, Cell::integer),
        name: fields
            .get(Field::Name, stored::<ProjectName>)
            .unwrap_or_default(),
        number: fields.get(Field::ProjectNumber, stored::<ProjectNumber>),
        client: fields.get(Field::Client, stored::<ClientName>),
        status: fields.get(Field::Status, status),
        start: fields.get(Field::StartDate, Cell::date),
        end: fields.get(Field::EndDate, Cell::date),
        estimate: fields.get(Field::EstimatedHours, estimate),
        description: fields.get(Field::Description, stored::<ProjectDescription>),
        notes: fields.get(Field::Notes, stored::<Notes>),
        active: fields.get(Field::Active, Cell::boolean),
    };
    if row.name.is_empty() && !fields.has_errors() {
        fields.refuse(
            Some("Name"),
            None,
            CellError::new("name_required", "Every project needs a name."),
        );
    }
    (!fields.has_errors()).then_some(row)
}

/// What to do with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Create(ProjectFields),
    Update(i64, ProjectFields),
    Unchanged(i64),
    Skip(i64),
}

impl Action {
    /// The stored project the row is about, if it is stored already.
    pub fn stored_id(&self) -> Option<i64> {
        match self {
            Action::Create(_) => None,
            Action::Update(id, _) | Action::Unchanged(id) | Action::Skip(id) => Some(*id),
        }
    }
}

/// The stored projects, indexed as the matcher looks them up.
pub struct Stored {
    pub by_id: HashMap<i64, ProjectFields>,
    pub by_number: HashMap<String, i64>,
    pub by_name: HashMap<String, Vec<i64>>,
}

impl Stored {
    pub fn new(projects: Vec<Project>) -> Self {
        let mut stored = Stored {
            by_id: HashMap::with_capacity(projects.len()),
            by_number: HashMap::new(),
            by_name: HashMap::new(),
        };
        for project in projects {
            if let Some(number) = &project.fields.project_number {
                stored.by_number.insert(number.clone(), project.id);
            }
            stored
                .by_name
                .entry(project.fields.name.clone())
                .or_default()
                .push(project.id);
            stored.by_id.insert(project.id, project.fields);
        }
        stored
    }

    /// The stored project with this number, else the one with this exact name.
    pub fn find(&self, number: Option<&str>, name: Option<&str>) -> Result<Option<i64>, CellError> {
        if let Some(id) = number.and_then(|number| self.by_number.get(number)) {
            return Ok(Some(*id));
        }
        if number.is_some() && name.is_none() {
            return Ok(None);
        }
        match name
            .and_then(|name| self.by_name.get(name))
            .map(Vec::as_slice)
        {
            None | Some([]) => Ok(None),
            Some([id]) => Ok(Some(*id)),
            Some(_) => Err(CellError::new(
                "ambiguous_name",
                format!(
                    "Several projects are named {}; give the project number or id.",
                    name.unwrap_or_default()
                ),
            )),
        }
    }

    fn matching(&self, row: &ProjectRow) -> Result<Option<i64>, CellError> {
        if let Some(id) = row.id {
            return match self.by_id.contains_key(&id) {
                true => Ok(Some(id)),
                false => Err(CellError::new(
                    "unknown_id",
                    format!("No project has the id {id}."),
                )),
            };
        }
        self.find(row.number.as_deref(), Some(&row.name))
    }
}

/// Plans every row in order; a row naming a project (or number) an earlier row named is
/// refused.
pub fn plan(
    rows: &[ProjectRow],
    stored: &Stored,
    update_existing: bool,
) -> Vec<Result<Action, CellError>> {
    let mut seen_projects = HashSet::new();
    let mut seen_numbers = HashSet::new();
    rows.iter()
        .map(|row| {
            let matched = stored.matching(row)?;
            if let Some(number) = &row.number {
                if !seen_numbers.insert(number.clone()) {
                    return Err(duplicate("project number", number));
                }
                if let Some(owner) = stored.by_number.get(number)
                    && Some(*owner) != matched
                {
                    return Err(CellError::new(
                        "number_taken",
                        format!("Another project has the number {number}."),
                    ));
                }
            }
            if let Some(id) = matched
                && !seen_projects.insert(id)
            {
                return Err(duplicate("project", &row.name));
            }
            let fields = merged(row, matched.and_then(|id| stored.by_id.get(&id)));
            if let (Some(start), Some(end)) = (fields.start_date, fields.end_date)
                && end < start
            {
                return Err(CellError::new(
                    "end_before_start",
                    "The end date is before the start date.",
                ));
            }
            Ok(match matched {
                None => Action::Create(fields),
                Some(id) if !update_existing => Action::Skip(id),
                Some(id) if stored.by_id.get(&id) == Some(&fields) => Action::Unchanged(id),
                Some(id) => Action::Update(id, fields),
            })
        })
        .collect()
}

pub fn duplicate(what: &str, value: &str) -> CellError {
    CellError::new(
        "duplicate_row",
        format!("An earlier row already names this {what} ({value})."),
    )
}

fn merged(row: &ProjectRow, current: Option<&ProjectFields>) -> ProjectFields {
    let text = |given: &Option<String>, now: Option<&String>, default: &str| {
        given
            .clone()
            .or_else(|| now.cloned())
            .unwrap_or_else(|| default.to_owned())
    };
    ProjectFields {
        name: row.name.clone(),
        project_number: row
            .number
            .clone()
            .or_else(|| current.and_then(|c| c.project_number.clone())),
        client: text(&row.client, current.map(|c| &c.client), "Internal"),
        status: row
            .status
            .map(str::to_owned)
            .or_else(|| current.map(|c| c.status.clone()))
            .unwrap_or_else(|| "planning".to_owned()),
        start_date: row.start.or(current.and_then(|c| c.start_date)),
        end_date: row.end.or(current.and_then(|c| c.end_date)),
        estimated_centihours: row
            .estimate
            .or(current.and_then(|c| c.estimated_centihours)),
        description: text(&row.description, current.map(|c| &c.description), ""),
        notes: text(&row.notes, current.map(|c| &c.notes), ""),
        is_active: row.active.or(current.map(|c| c.is_active)).unwrap_or(true),
    }
}
