//! Resolving and planning the rows that hang off projects. A project is found in the
//! file's own Projects sheet first (number, else name), then among the stored projects;
//! a person among the stored people (email, else exact name). Assignment rows of both
//! hours sheets merge by (person, project, role); each becomes a new assignment or a
//! change to a stored one, with only the weeks that change. Deliverables match by id,
//! else by their project and description ([`deliverable_plans`]).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use wt_domain::transfer::cells::CellError;
use wt_domain::transfer::report::{Counts, Issue, Severity};
use wt_store::assignments_bulk::StoredAssignment;
use wt_store::people::Person;

use super::links::{AssignmentRow, PersonRef, Place, ProjectRef};
use super::projects::{self, Action, ProjectRow};

mod deliverable_plans;
pub use deliverable_plans::{DeliverablePlan, deliverables};

/// A project a row refers to: stored, or created by this import (its place among the
/// projects to create).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProjectId {
    Stored(i64),
    New(usize),
}

/// Finds the projects rows refer to.
pub struct Projects<'a> {
    in_file_numbers: HashMap<&'a str, ProjectId>,
    in_file_names: HashMap<&'a str, ProjectId>,
    stored: &'a projects::Stored,
}

impl<'a> Projects<'a> {
    /// Indexes the file's projects that will exist (created or stored).
    pub fn new(
        rows: &'a [ProjectRow],
        plans: &[Result<Action, CellError>],
        stored: &'a projects::Stored,
    ) -> Self {
        let mut index = Projects {
            in_file_numbers: HashMap::new(),
            in_file_names: HashMap::new(),
            stored,
        };
        let mut new = 0;
        for (row, plan) in rows.iter().zip(plans) {
            let id = match plan {
                Ok(Action::Create(_)) => {
                    new += 1;
                    ProjectId::New(new - 1)
                }
                Ok(action) => match action.stored_id() {
                    Some(id) => ProjectId::Stored(id),
                    None => continue,
                },
                Err(_) => continue,
            };
            if let Some(number) = &row.number {
                index.in_file_numbers.insert(number, id);
            }
            index.in_file_names.insert(&row.name, id);
        }
        index
    }

    pub fn find(&self, project: &ProjectRef) -> Result<ProjectId, CellError> {
        let in_file = project
            .number
            .as_deref()
            .and_then(|number| self.in_file_numbers.get(number))
            .or_else(|| {
                project
                    .name
                    .as_deref()
                    .and_then(|name| self.in_file_names.get(name))
            });
        if let Some(id) = in_file {
            return Ok(*id);
        }
        match self
            .stored
            .find(project.number.as_deref(), project.name.as_deref())?
        {
            Some(id) => Ok(ProjectId::Stored(id)),
            None => Err(CellError::new(
                "unknown_project",
                format!(
                    "No project {} exists or is in the file.",
                    project
                        .number
                        .as_deref()
                        .or(project.name.as_deref())
                        .unwrap_or_default()
                ),
            )),
        }
    }
}

/// Finds the stored people rows refer to.
pub struct People {
    by_email: HashMap<String, i64>,
    by_name: HashMap<String, Vec<i64>>,
}

impl People {
    pub fn new(people: &[Person]) -> Self {
        let mut index = People {
            by_email: HashMap::new(),
            by_name: HashMap::new(),
        };
        for person in people {
            if let Some(email) = &person.fields.email {
                index.by_email.insert(email.to_lowercase(), person.id);
            }
            index
                .by_name
                .entry(person.fields.name.clone())
                .or_default()
                .push(person.id);
        }
        index
    }

    pub fn find(&self, person: &PersonRef) -> Result<i64, CellError> {
        if let Some(id) = person
            .email
            .as_ref()
            .and_then(|email| self.by_email.get(&email.to_lowercase()))
        {
            return Ok(*id);
        }
        let label = person
            .email
            .as_deref()
            .or(person.name.as_deref())
            .unwrap_or_default()
            .to_owned();
        match person
            .name
            .as_ref()
            .and_then(|name| self.by_name.get(name))
            .map(Vec::as_slice)
        {
            Some([id]) => Ok(*id),
            Some([_, _, ..]) => Err(CellError::new(
                "ambiguous_name",
                format!("Several people are named {label}; give their email."),
            )),
            _ => Err(CellError::new(
                "unknown_person",
                format!("No person {label} is stored; import people first."),
            )),
        }
    }
}

/// An error issue at `place`.
pub fn issue(place: &Place, error: CellError) -> Issue {
    Issue {
        severity: Severity::Error,
        sheet: place.sheet.clone(),
        row: place.row,
        column: None,
        value: None,
        code: error.code,
        message: error.message,
    }
}

/// One assignment after merging its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentPlan {
    /// The stored assignment it changes, or `None` for a new one.
    pub stored: Option<i64>,
    pub person_id: i64,
    pub project: ProjectId,
    pub role: String,
    pub notes: String,
    pub active: bool,
    /// Whether the notes or the active flag change (or the assignment is new).
    pub fields_change: bool,
    /// The weeks to write: hundredths of an hour, 0 to remove the week.
    pub weeks: Vec<(NaiveDate, i32)>,
}

/// What the hours sheets plan, and how their rows fared.
#[derive(Debug, Default)]
pub struct Planned {
    pub assignments: Vec<AssignmentPlan>,
    pub assignment_counts: Counts,
    pub hours_counts: Counts,
    pub issues: Vec<Issue>,
}

type Key = (i64, ProjectId, String);

/// The rows of a key, merged: notes, active, weeks.
struct Merged {
    notes: Option<String>,
    active: Option<bool>,
    weeks: BTreeMap<NaiveDate, i32>,
}

/// Plans the assignments of both hours sheets.
pub fn assignments(
    rows: Vec<AssignmentRow>,
    projects: &Projects<'_>,
    people: &People,
    stored: &[StoredAssignment],
    update_existing: bool,
) -> Planned {
    let mut planned = Planned::default();
    let mut merged: BTreeMap<Key, Merged> = BTreeMap::new();
    for row in rows {
        let resolved = projects
            .find(&row.project)
            .and_then(|project| Ok((people.find(&row.person)?, project)));
        let (person, project) = match resolved {
            Ok(found) => found,
            Err(error) => {
                planned.issues.push(issue(&row.place, error));
                planned.assignment_counts.skipped += 1;
                continue;
            }
        };
        let entry = merged
            .entry((person, project, row.role.clone()))
            .or_insert_with(|| Merged {
                notes: None,
                active: None,
                weeks: BTreeMap::new(),
            });
        entry.notes = row.notes.or(entry.notes.take());
        entry.active = row.active.or(entry.active);
        for (week, hours) in row.weeks {
            if let Some(before) = entry.weeks.insert(week, hours.centihours())
                && before != hours.centihours()
            {
                let error = CellError::new(
                    "conflicting_hours",
                    format!("Two rows give different hours for the week of {week}."),
                );
                planned.issues.push(issue(&row.place, error));
            }
        }
    }
    let by_key: HashMap<(i64, i64, &str), &StoredAssignment> = stored
        .iter()
        .map(|a| {
            (
                (
                    a.fields.person_id,
                    a.fields.project_id,
                    a.fields.role_on_project.as_str(),
                ),
                a,
            )
        })
        .collect();
    for ((person_id, project, role), rows) in merged {
        let existing = match project {
            ProjectId::Stored(id) => by_key.get(&(person_id, id, role.as_str())).copied(),
            ProjectId::New(_) => None,
        };
        if existing.is_some() && !update_existing {
            planned.assignment_counts.skipped += 1;
            continue;
        }
        let plan = plan_one(person_id, project, role, rows, existing, &mut planned);
        planned.assignments.push(plan);
    }
    planned
}

fn plan_one(
    person_id: i64,
    project: ProjectId,
    role: String,
    rows: Merged,
    existing: Option<&StoredAssignment>,
    planned: &mut Planned,
) -> AssignmentPlan {
    let notes = rows
        .notes
        .or_else(|| existing.map(|a| a.fields.notes.clone()))
        .unwrap_or_default();
    let active = rows
        .active
        .or(existing.map(|a| a.fields.is_active))
        .unwrap_or(true);
    let fields_change =
        existing.is_none_or(|a| a.fields.notes != notes || a.fields.is_active != active);
    let mut weeks = Vec::new();
    for (week, centihours) in rows.weeks {
        let before = existing
            .and_then(|a| a.weeks.get(&week))
            .copied()
            .unwrap_or(0);
        match (before, centihours) {
            (b, c) if b == c => planned.hours_counts.unchanged += 1,
            (0, _) => {
                planned.hours_counts.created += 1;
                weeks.push((week, centihours));
            }
            _ => {
                planned.hours_counts.updated += 1;
                weeks.push((week, centihours));
            }
        }
    }
    let counts = &mut planned.assignment_counts;
    match existing {
        None => counts.created += 1,
        Some(_) if fields_change || !weeks.is_empty() => counts.updated += 1,
        Some(_) => counts.unchanged += 1,
    }
    AssignmentPlan {
        stored: existing.map(|a| a.id),
        person_id,
        project,
        role,
        notes,
        active,
        fields_change,
        weeks,
    }
}
