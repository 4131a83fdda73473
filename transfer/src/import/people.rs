//! The People sheet: each row read into what it says about one person (only the cells it
//! fills; an empty cell leaves a stored value as it is), then matched against the people
//! already stored (by id, then email, then exact name) and turned into a plan: people to
//! create, to update, unchanged or skipped, and the roles and departments it names that
//! do not exist yet.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use wt_domain::hours::Hours;
use wt_domain::text::{DepartmentName, Email, Location, Notes, PersonName, RoleName};
use wt_domain::transfer::cells::{Cell, CellError};
use wt_domain::transfer::columns::Field;
use wt_store::people::Person;
use wt_store::people::PersonFields;

use super::sheet::Fields;
use super::text::stored;

/// What one row says about a person.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub row: u32,
    pub id: Option<i64>,
    pub name: String,
    pub email: Option<String>,
    pub capacity: Option<Hours>,
    pub role: Option<String>,
    pub department: Option<String>,
    pub location: Option<String>,
    pub hire_date: Option<NaiveDate>,
    pub notes: Option<String>,
    pub active: Option<bool>,
}

/// Reads a data row; `None` when a cell was refused (the issues are in `fields`).
pub fn read(fields: &mut Fields<'_>) -> Option<PersonRow> {
    let row = PersonRow {
        row: fields.number,
        id: fields.get(Field::Id, Cell::integer),
        name: fields
            .get(Field::Name, stored::<PersonName>)
            .unwrap_or_default(),
        email: fields.get(Field::Email, stored::<Email>),
        capacity: fields.get(Field::WeeklyCapacity, Cell::hours),
        role: fields.get(Field::Role, stored::<RoleName>),
        department: fields.get(Field::Department, stored::<DepartmentName>),
        location: fields.get(Field::Location, stored::<Location>),
        hire_date: fields.get(Field::HireDate, Cell::date),
        notes: fields.get(Field::Notes, stored::<Notes>),
        active: fields.get(Field::Active, Cell::boolean),
    };
    if row.name.is_empty() && !fields.has_errors() {
        fields.refuse(
            Some("Name"),
            None,
            CellError::new("name_required", "Every person needs a name."),
        );
    }
    (!fields.has_errors()).then_some(row)
}

/// What to do with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Create(PersonFields),
    Update(i64, PersonFields),
    Unchanged(i64),
    /// Matched a stored person, and updating existing people was not asked for.
    Skip(i64),
}

/// The people stored, indexed as the matcher looks them up.
pub struct Stored {
    by_id: HashMap<i64, PersonFields>,
    by_email: HashMap<String, i64>,
    by_name: HashMap<String, Vec<i64>>,
}

impl Stored {
    pub fn new(people: Vec<Person>) -> Self {
        let mut stored = Stored {
            by_id: HashMap::with_capacity(people.len()),
            by_email: HashMap::new(),
            by_name: HashMap::new(),
        };
        for person in people {
            if let Some(email) = &person.fields.email {
                stored.by_email.insert(email.to_lowercase(), person.id);
            }
            stored
                .by_name
                .entry(person.fields.name.clone())
                .or_default()
                .push(person.id);
            stored.by_id.insert(person.id, person.fields);
        }
        stored
    }

    /// The stored person `row` names (by id, then email, then exact name).
    fn matching(&self, row: &PersonRow) -> Result<Option<i64>, CellError> {
        if let Some(id) = row.id {
            return match self.by_id.contains_key(&id) {
                true => Ok(Some(id)),
                false => Err(CellError::new(
                    "unknown_id",
                    format!("No person has the id {id}."),
                )),
            };
        }
        if let Some(id) = row
            .email
            .as_ref()
            .and_then(|email| self.by_email.get(&email.to_lowercase()))
        {
            return Ok(Some(*id));
        }
        match self.by_name.get(&row.name).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([id]) => Ok(Some(*id)),
            Some(_) => Err(CellError::new(
                "ambiguous_name",
                format!(
                    "Several people are named {}; give an email or id to say which.",
                    row.name
                ),
            )),
        }
    }
}

/// Role and department ids by lower-cased name; names not there yet get created.
pub struct Names {
    pub roles: HashMap<String, i64>,
    /// The roles no active person may be given.
    pub inactive_roles: HashSet<i64>,
    pub departments: HashMap<String, i64>,
}

/// A row's plan, or the error that keeps it out.
pub type Planned = Result<Action, CellError>;

/// Plans every row in order. A row naming the same person (or email) as an earlier row is
/// refused: a file says one thing about each person.
pub fn plan(
    rows: &[PersonRow],
    stored: &Stored,
    names: &Names,
    update_existing: bool,
) -> Vec<Planned> {
    let mut seen_people = HashSet::new();
    let mut seen_emails = HashSet::new();
    rows.iter()
        .map(|row| {
            let matched = stored.matching(row)?;
            if let Some(email) = &row.email {
                if !seen_emails.insert(email.to_lowercase()) {
                    return Err(duplicate("email", email));
                }
                if let Some(owner) = stored.by_email.get(&email.to_lowercase())
                    && Some(*owner) != matched
                {
                    return Err(CellError::new(
                        "email_taken",
                        format!("{email} belongs to another person."),
                    ));
                }
            }
            if let Some(id) = matched
                && !seen_people.insert(id)
            {
                return Err(duplicate("person", &row.name));
            }
            let action = action(row, matched, stored, names, update_existing);
            refuse_inactive_role(&action, stored, names)?;
            Ok(action)
        })
        .collect()
}

/// An active person is not given an inactive role (as a new person, a new role or on
/// reactivation), as the database would refuse it (`people_role_active`).
fn refuse_inactive_role(action: &Action, stored: &Stored, names: &Names) -> Result<(), CellError> {
    let (next, current) = match action {
        Action::Create(next) => (next, None),
        Action::Update(id, next) => (next, stored.by_id.get(id)),
        Action::Unchanged(_) | Action::Skip(_) => return Ok(()),
    };
    let inactive = next
        .role_id
        .is_some_and(|role| names.inactive_roles.contains(&role));
    let given = current.is_none_or(|now| now.role_id != next.role_id || !now.is_active);
    if next.is_active && inactive && given {
        let message = "The role is inactive. Choose an active role, or reactivate it first.";
        return Err(CellError::new("role_inactive", message));
    }
    Ok(())
}

fn duplicate(what: &str, value: &str) -> CellError {
    CellError::new(
        "duplicate_row",
        format!("An earlier row already names this {what} ({value})."),
    )
}

fn action(
    row: &PersonRow,
    matched: Option<i64>,
    stored: &Stored,
    names: &Names,
    update: bool,
) -> Action {
    let Some(id) = matched else {
        return Action::Create(merged(row, None, names));
    };
    if !update {
        return Action::Skip(id);
    }
    let current = stored.by_id.get(&id);
    let next = merged(row, current, names);
    if current == Some(&next) {
        Action::Unchanged(id)
    } else {
        Action::Update(id, next)
    }
}

/// The fields after applying `row` over `current` (or over the defaults of a new person).
/// A role or department not stored yet keeps `None` here and is filled in after it is
/// created (see [`resolve_names`]).
fn merged(row: &PersonRow, current: Option<&PersonFields>, names: &Names) -> PersonFields {
    let lookup = |map: &HashMap<String, i64>, name: &Option<String>, now: Option<i64>| match name {
        Some(name) => map.get(&name.to_lowercase()).copied(),
        None => now,
    };
    PersonFields {
        name: row.name.clone(),
        email: row
            .email
            .clone()
            .or_else(|| current.and_then(|c| c.email.clone())),
        capacity_centihours: row
            .capacity
            .map(Hours::centihours)
            .or(current.map(|c| c.capacity_centihours))
            .unwrap_or(DEFAULT_CAPACITY),
        role_id: lookup(&names.roles, &row.role, current.and_then(|c| c.role_id)),
        department_id: lookup(
            &names.departments,
            &row.department,
            current.and_then(|c| c.department_id),
        ),
        location: row
            .location
            .clone()
            .or_else(|| current.map(|c| c.location.clone()))
            .unwrap_or_default(),
        hire_date: row.hire_date.or(current.and_then(|c| c.hire_date)),
        notes: row
            .notes
            .clone()
            .or_else(|| current.map(|c| c.notes.clone()))
            .unwrap_or_default(),
        is_active: row.active.or(current.map(|c| c.is_active)).unwrap_or(true),
    }
}

/// A new person's weekly capacity when the file gives none: 36 hours.
const DEFAULT_CAPACITY: i32 = 3_600;

/// The role and department names the rows use that are not stored yet, as first written.
pub fn missing_names(rows: &[PersonRow], names: &Names) -> (Vec<String>, Vec<String>) {
    let missing = |map: &HashMap<String, i64>, pick: fn(&PersonRow) -> &Option<String>| {
        let mut seen = HashSet::new();
        rows.iter()
            .filter_map(|row| pick(row).as_ref())
            .filter(|name| {
                !map.contains_key(&name.to_lowercase()) && seen.insert(name.to_lowercase())
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    (
        missing(&names.roles, |row| &row.role),
        missing(&names.departments, |row| &row.department),
    )
}

/// Fills in the ids of roles and departments created after planning.
pub fn resolve_names(fields: &mut PersonFields, row: &PersonRow, names: &Names) {
    if let Some(role) = &row.role {
        fields.role_id = names.roles.get(&role.to_lowercase()).copied();
    }
    if let Some(department) = &row.department {
        fields.department_id = names.departments.get(&department.to_lowercase()).copied();
    }
}
