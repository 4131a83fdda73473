//! Departments: a tree of teams. The database refuses cycles and trees deeper than ten
//! levels (`departments_no_cycle`, `departments_max_depth`); names are unique
//! case-insensitively (`departments_name_key`).

use crate::stored::{NothingShown, Row};

/// A stored department.
pub type Department = Row<DepartmentFields>;

crate::table::table! {
    /// The writable fields of a department.
    pub struct DepartmentFields in "departments" as d {
        name: String => "text",
        parent_id: Option<i64> => "bigint",
        manager_id: Option<i64> => "bigint",
        description: String => "text",
        is_active: bool => "boolean",
    }
    shows NothingShown;
    in use when "\
        EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = t.id) \
        OR EXISTS (SELECT 1 FROM people p WHERE p.department_id = t.id)";
}
