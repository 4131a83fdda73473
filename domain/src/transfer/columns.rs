//! The sheets and columns of the spreadsheets the system writes and reads back. Exports
//! write these headers in this order; imports find a column by its header or an alias,
//! ignoring case, spaces and punctuation, in any order. Weekly hours travel either wide (an
//! Assignments sheet with one column per week, headed by the week's date) or long (an
//! Hours sheet with a Week and an Hours column).

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Email,
    WeeklyCapacity,
    Role,
    Department,
    Location,
    HireDate,
    Notes,
    Active,
    ProjectNumber,
    Client,
    Status,
    StartDate,
    EndDate,
    EstimatedHours,
    Description,
    /// The project a row belongs to, by name (the number, when given, is matched first).
    Project,
    /// The person of an assignment, by name (the email, when given, is matched first).
    Person,
    PersonEmail,
    RoleOnProject,
    Week,
    Hours,
    Percentage,
    Date,
    Completed,
    CompletedDate,
    Order,
}

/// One column: its header as exports write it, and other headers imports accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub field: Field,
    pub header: &'static str,
    pub aliases: &'static [&'static str],
}

const fn column(field: Field, header: &'static str, aliases: &'static [&'static str]) -> Column {
    Column {
        field,
        header,
        aliases,
    }
}

/// The kinds of sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SheetKind {
    People,
    Projects,
    /// Assignments, with weekly hours in week columns (wide form).
    Assignments,
    /// Weekly hours one per row (long form).
    Hours,
    Deliverables,
}

/// A sheet: its name in a workbook and its columns in export order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheet {
    pub kind: SheetKind,
    pub name: &'static str,
    pub columns: &'static [Column],
}

pub const PEOPLE: Sheet = Sheet {
    kind: SheetKind::People,
    name: "People",
    columns: &[
        column(Field::Id, "ID", &[]),
        column(Field::Name, "Name", &["person", "full name"]),
        column(Field::Email, "Email", &["email address"]),
        column(
            Field::WeeklyCapacity,
            "Weekly capacity (h)",
            &["weekly capacity", "capacity"],
        ),
        column(Field::Role, "Role", &["role name", "job role"]),
        column(Field::Department, "Department", &["department name"]),
        column(Field::Location, "Location", &[]),
        column(Field::HireDate, "Hire date", &["hired"]),
        column(Field::Notes, "Notes", &[]),
        column(Field::Active, "Active", &["is active"]),
    ],
};

pub const PROJECTS: Sheet = Sheet {
    kind: SheetKind::Projects,
    name: "Projects",
    columns: &[
        column(Field::Id, "ID", &[]),
        column(Field::Name, "Name", &["project", "project name"]),
        column(
            Field::ProjectNumber,
            "Project number",
            &["number", "project no"],
        ),
        column(Field::Client, "Client", &[]),
        column(Field::Status, "Status", &[]),
        column(Field::StartDate, "Start date", &["start"]),
        column(Field::EndDate, "End date", &["end"]),
        column(Field::EstimatedHours, "Estimated hours", &["estimate"]),
        column(Field::Description, "Description", &[]),
        column(Field::Notes, "Notes", &[]),
        column(Field::Active, "Active", &["is active"]),
    ],
};

/// The columns an assignment row is identified and described by; the Assignments sheet
/// adds one column per week after them.
pub const ASSIGNMENTS: Sheet = Sheet {
    kind: SheetKind::Assignments,
    name: "Assignments",
    columns: &[
        column(Field::ProjectNumber, "Project number", &["number"]),
        column(Field::Project, "Project", &["project name"]),
        column(Field::PersonEmail, "Person email", &["email"]),
        column(Field::Person, "Person", &["name", "person name"]),
        column(Field::RoleOnProject, "Role on project", &["role"]),
        column(Field::Notes, "Notes", &[]),
        column(Field::Active, "Active", &["is active"]),
    ],
};

pub const HOURS: Sheet = Sheet {
    kind: SheetKind::Hours,
    name: "Hours",
    columns: &[
        column(Field::ProjectNumber, "Project number", &["number"]),
        column(Field::Project, "Project", &["project name"]),
        column(Field::PersonEmail, "Person email", &["email"]),
        column(Field::Person, "Person", &["name", "person name"]),
        column(Field::RoleOnProject, "Role on project", &["role"]),
        column(Field::Week, "Week", &["week of", "date"]),
        column(Field::Hours, "Hours", &["planned hours"]),
    ],
};

pub const DELIVERABLES: Sheet = Sheet {
    kind: SheetKind::Deliverables,
    name: "Deliverables",
    columns: &[
        column(Field::Id, "ID", &[]),
        column(Field::ProjectNumber, "Project number", &["number"]),
        column(Field::Project, "Project", &["project name"]),
        column(
            Field::Description,
            "Description",
            &["milestone", "deliverable"],
        ),
        column(Field::Percentage, "Percentage", &["percent", "%"]),
        column(Field::Date, "Date", &["due", "due date"]),
        column(Field::Completed, "Completed", &["is completed", "done"]),
        column(Field::CompletedDate, "Completed date", &["completed on"]),
        column(Field::Notes, "Notes", &[]),
        column(Field::Order, "Order", &["sort order"]),
    ],
};

/// The sheets of a projects workbook, in the order exports write them.
pub const PROJECT_WORKBOOK: [Sheet; 3] = [PROJECTS, ASSIGNMENTS, DELIVERABLES];

/// A header reduced to what identifies it: lower-case letters and digits only, so
/// "Weekly capacity (h)", "weekly_capacity" and "WeeklyCapacity" agree.
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '%')
        .flat_map(char::to_lowercase)
        .collect()
}

impl Sheet {
    /// The column `header` names in this sheet, if any.
    pub fn column(&self, header: &str) -> Option<&'static Column> {
        let wanted = normalise(header);
        if wanted.is_empty() {
            return None;
        }
        self.columns.iter().find(|column| {
            normalise(column.header) == wanted
                || column.aliases.iter().any(|a| normalise(a) == wanted)
        })
    }

    /// Whether `name` names this sheet in a workbook.
    pub fn is_named(&self, name: &str) -> bool {
        normalise(name) == normalise(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_any_spelling() {
        assert_eq!(
            PEOPLE.column("Weekly capacity (h)").unwrap().field,
            Field::WeeklyCapacity
        );
        assert_eq!(
            PEOPLE.column("weekly_capacity").unwrap().field,
            Field::WeeklyCapacity
        );
        assert_eq!(PEOPLE.column(" E-MAIL ").unwrap().field, Field::Email);
        assert_eq!(
            PROJECTS.column("Project No.").unwrap().field,
            Field::ProjectNumber
        );
        assert_eq!(DELIVERABLES.column("%").unwrap().field, Field::Percentage);
        assert!(PEOPLE.column("Shoe size").is_none());
        assert!(PEOPLE.column("").is_none());
        assert!(ASSIGNMENTS.is_named("assignments") && !ASSIGNMENTS.is_named("Hours"));
    }

    #[test]
    fn no_two_columns_of_a_sheet_share_a_header() {
        for sheet in [PEOPLE, PROJECTS, ASSIGNMENTS, HOURS, DELIVERABLES] {
            let mut seen = std::collections::HashSet::new();
            for column in sheet.columns {
                for name in std::iter::once(column.header).chain(column.aliases.iter().copied()) {
                    assert!(
                        seen.insert(normalise(name)),
                        "{} repeats {name}",
                        sheet.name
                    );
                }
            }
        }
    }
}
