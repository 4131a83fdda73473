//! Job roles people hold. Names are unique case-insensitively (`roles_name_key`); a role
//! anyone holds cannot be deleted (`people_role_id_fkey`), and the database refuses to
//! deactivate one active people hold (`roles_active_holders`) or to give an active person
//! an inactive one (`people_role_active`).

use serde::Serialize;

use crate::stored::{NothingShown, Row, Table};

/// A stored role.
pub type Role = Row<RoleFields>;

/// The writable fields of a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct RoleFields {
    pub name: String,
    pub description: String,
    pub is_active: bool,
}

impl Table for RoleFields {
    type Shown = NothingShown;
    const TABLE: &'static str = "roles";
    const SELECT: &'static str =
        "SELECT id, name, description, is_active, created_at, updated_at, version FROM roles";
    const IN_USE: &'static str = "EXISTS (SELECT 1 FROM people p WHERE p.role_id = t.id)";
    const RECORD: &'static str = "name text, description text, is_active boolean";
}
