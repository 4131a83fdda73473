//! Departments: a tree of teams. The database refuses cycles and trees deeper than ten
//! levels (`departments_no_cycle`, `departments_max_depth`); names are unique
//! case-insensitively (`departments_name_key`).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::stored::Written;

crate::stored!(
    Department,
    fields: DepartmentFields,
    select: "SELECT id, name, parent_id, manager_id, description, is_active, created_at, \
                    updated_at, version \
             FROM departments",
    in_use: "EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = t.id) \
             OR EXISTS (SELECT 1 FROM people p WHERE p.department_id = t.id)",
);

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Department {
    pub id: i64,
    pub name: String,
    pub parent_id: Option<i64>,
    pub manager_id: Option<i64>,
    pub description: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The writable fields of a department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepartmentFields {
    pub name: String,
    pub parent_id: Option<i64>,
    pub manager_id: Option<i64>,
    pub description: String,
    pub is_active: bool,
}

impl Written for DepartmentFields {
    const TABLE: &'static str = "departments";
    const RECORD: &'static str =
        "name text, parent_id bigint, manager_id bigint, description text, is_active boolean";
    const COLUMNS: &'static str = "name, parent_id, manager_id, description, is_active";
    const VALUES: &'static str = "u.name, u.parent_id, u.manager_id, u.description, u.is_active";
}
