//! People: whose time is planned. Emails are unique case-insensitively among people
//! (`people_email_key`). Deactivating keeps a person's history; deleting is allowed only
//! for someone with no assignments and no linked user.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{PgExecutor, Postgres, QueryBuilder};

use crate::StoreError;
use crate::listing::{ListFilter, ListOrder};
use crate::stored::Row;

/// A stored person, with the names of their role and department.
pub type Person = Row<PersonFields>;

crate::table::table! {
    /// The writable fields of a person.
    pub struct PersonFields in "people" as p {
        name: String => "text",
        email: Option<String> => "text",
        /// Weekly capacity in hundredths of an hour (exact; 3600 = 36 h).
        capacity_centihours: i32 => "integer"
            read "(p.weekly_capacity * 100)::integer"
            stored "weekly_capacity" = "u.capacity_centihours / 100.0",
        role_id: Option<i64> => "bigint",
        department_id: Option<i64> => "bigint",
        location: String => "text",
        hire_date: Option<NaiveDate> => "date",
        notes: String => "text",
        is_active: bool => "boolean",
    }
    shows PersonNames: "r.name AS role_name, d.name AS department_name"
        from "\
            LEFT JOIN roles r ON r.id = p.role_id \
            LEFT JOIN departments d ON d.id = p.department_id";
    in use when "\
        EXISTS (SELECT 1 FROM assignments a WHERE a.person_id = t.id) \
        OR EXISTS (SELECT 1 FROM users u WHERE u.person_id = t.id)";
}

/// The names a person's row shows beside the ids it holds.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonNames {
    pub role_name: Option<String>,
    pub department_name: Option<String>,
}

/// The orders a list may be sorted in (the API's allow-list maps onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonSort {
    #[default]
    Name,
    NameDesc,
    Capacity,
    CapacityDesc,
    Department,
    DepartmentDesc,
    Newest,
    Oldest,
}

impl ListOrder for PersonSort {
    /// The ORDER BY of this sort; name then id break ties in the same direction, so each
    /// order but the department's reads an index (`people_name`, `people_capacity`,
    /// `people_created`) forwards or backwards.
    fn order(self) -> &'static str {
        match self {
            PersonSort::Name => "lower(p.name), p.id",
            PersonSort::NameDesc => "lower(p.name) DESC, p.id DESC",
            PersonSort::Capacity => "p.weekly_capacity, lower(p.name), p.id",
            PersonSort::CapacityDesc => "p.weekly_capacity DESC, lower(p.name) DESC, p.id DESC",
            PersonSort::Department => "lower(d.name) NULLS LAST, lower(p.name), p.id",
            PersonSort::DepartmentDesc => {
                "lower(d.name) DESC NULLS LAST, lower(p.name) DESC, p.id DESC"
            }
            PersonSort::Newest => "p.created_at DESC, p.id DESC",
            PersonSort::Oldest => "p.created_at, p.id",
        }
    }
}

/// Which people to list; `None` means "any". Serializable, so an export job can carry
/// the filters of the list it was asked from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonFilter {
    pub department_id: Option<i64>,
    /// With `department_id`: also people in its sub-departments.
    pub include_children: bool,
    pub role_id: Option<i64>,
    /// Matched case-insensitively anywhere in the name or email.
    pub search: Option<String>,
    pub active: Option<bool>,
    pub sort: PersonSort,
}

/// The people list: its table, and the conditions set.
impl ListFilter for PersonFilter {
    type Fields = PersonFields;
    type Order = PersonSort;
    const COUNT: &'static str = "SELECT count(*) FROM people p";

    fn push_conditions(&self, query: &mut QueryBuilder<Postgres>) {
        if let Some(department) = self.department_id {
            query
                .push(" AND p.department_id IN (SELECT department_scope(")
                .push_bind(department)
                .push(", ")
                .push_bind(self.include_children)
                .push("))");
        }
        if let Some(role) = self.role_id {
            query.push(" AND p.role_id = ").push_bind(role);
        }
        if let Some(search) = &self.search {
            let pattern = crate::like_pattern(search);
            query.push(" AND p.search_text LIKE ").push_bind(pattern);
        }
        if let Some(active) = self.active {
            query.push(" AND p.is_active = ").push_bind(active);
        }
    }

    fn sort(&mut self) -> &mut PersonSort {
        &mut self.sort
    }
}

/// Moves many people to one department (or none) at once; returns how many moved.
pub async fn set_department(
    ex: impl PgExecutor<'_>,
    ids: &[i64],
    department_id: Option<i64>,
) -> Result<u64, StoreError> {
    let done = sqlx::query!(
        r#"UPDATE people SET department_id = $2, updated_at = now(), version = version + 1
           WHERE id = ANY($1) AND department_id IS DISTINCT FROM $2"#,
        ids,
        department_id,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected())
}

/// How many of `ids` exist, each kept from being deleted until the transaction ends (so
/// a check that all exist still holds when the caller writes them).
pub async fn lock_existing(ex: impl PgExecutor<'_>, ids: &[i64]) -> Result<i64, StoreError> {
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!"
           FROM (SELECT id FROM people WHERE id = ANY($1) ORDER BY id FOR KEY SHARE) AS kept"#,
        ids,
    )
    .fetch_one(ex)
    .await?;
    Ok(count)
}
