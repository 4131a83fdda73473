//! Job roles people hold. Names are unique case-insensitively (`roles_name_key`); a role
//! anyone holds cannot be deleted (`people_role_id_fkey`), and the database refuses to
//! deactivate one active people hold (`roles_active_holders`) or to give an active person
//! an inactive one (`people_role_active`).

use crate::stored::{NothingShown, Row};

/// A stored role.
pub type Role = Row<RoleFields>;

crate::table::table! {
    /// The writable fields of a role.
    pub struct RoleFields in "roles" as r {
        name: String => "text",
        description: String => "text",
        is_active: bool => "boolean",
    }
    shows NothingShown;
    in use when "EXISTS (SELECT 1 FROM people p WHERE p.role_id = t.id)";
}
