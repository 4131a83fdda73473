//! Departments: a tree of teams. The database refuses cycles and trees deeper than ten
//! levels (`departments_no_cycle`, `departments_max_depth`); names are unique
//! case-insensitively (`departments_name_key`).

use serde::Serialize;

use crate::stored::{NothingShown, Row, Table};

/// A stored department.
pub type Department = Row<DepartmentFields>;

/// The writable fields of a department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DepartmentFields {
    pub name: String,
    pub parent_id: Option<i64>,
    pub manager_id: Option<i64>,
    pub description: String,
    pub is_active: bool,
}

impl Table for DepartmentFields {
    type Shown = NothingShown;
    const TABLE: &'static str = "departments";
    const SELECT: &'static str = "\
        SELECT id, name, parent_id, manager_id, description, is_active, created_at, \
               updated_at, version \
        FROM departments";
    const IN_USE: &'static str = "\
        EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = t.id) \
        OR EXISTS (SELECT 1 FROM people p WHERE p.department_id = t.id)";
    const RECORD: &'static str =
        "name text, parent_id bigint, manager_id bigint, description text, is_active boolean";
}
