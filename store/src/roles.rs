//! Job roles people hold. Names are unique case-insensitively (`roles_name_key`); a role
//! anyone holds cannot be deleted (`people_role_id_fkey`), and the database refuses to
//! deactivate one active people hold (`roles_active_holders`) or to give an active person
//! an inactive one (`people_role_active`).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::stored::Written;

crate::stored!(
    Role,
    fields: RoleFields,
    select: "SELECT id, name, description, is_active, created_at, updated_at, version FROM roles",
    in_use: "EXISTS (SELECT 1 FROM people p WHERE p.role_id = t.id)",
);

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Role {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The writable fields of a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleFields {
    pub name: String,
    pub description: String,
    pub is_active: bool,
}

impl Written for RoleFields {
    const TABLE: &'static str = "roles";
    const RECORD: &'static str = "name text, description text, is_active boolean";
    const COLUMNS: &'static str = "name, description, is_active";
    const VALUES: &'static str = "u.name, u.description, u.is_active";
}
