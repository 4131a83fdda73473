//! Reference rows looked up and created by name, for imports that name roles and
//! departments rather than give their ids. Names match case-insensitively, as their
//! unique indexes do.

use std::collections::{HashMap, HashSet};

use sqlx::PgConnection;

use crate::StoreError;

/// Which table of named rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Roles,
    Departments,
}

/// Every row of `table` by its lower-cased name.
pub async fn ids_by_name(
    conn: &mut PgConnection,
    table: Named,
) -> Result<HashMap<String, i64>, StoreError> {
    let rows: Vec<(String, i64)> = match table {
        Named::Roles => sqlx::query_as!(NameId, r#"SELECT lower(name) AS "name!", id FROM roles"#)
            .fetch_all(conn)
            .await?
            .into_iter()
            .map(NameId::pair)
            .collect(),
        Named::Departments => sqlx::query_as!(
            NameId,
            r#"SELECT lower(name) AS "name!", id FROM departments"#
        )
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(NameId::pair)
        .collect(),
    };
    Ok(rows.into_iter().collect())
}

/// The ids of the inactive roles, which no active person may be given.
pub async fn inactive_roles(conn: &mut PgConnection) -> Result<HashSet<i64>, StoreError> {
    let ids = sqlx::query_scalar!("SELECT id FROM roles WHERE NOT is_active")
        .fetch_all(conn)
        .await?;
    Ok(ids.into_iter().collect())
}

struct NameId {
    name: String,
    id: i64,
}

impl NameId {
    fn pair(self) -> (String, i64) {
        (self.name, self.id)
    }
}

/// Creates the rows `names` (as written) that do not exist yet; returns how many it made.
pub async fn create_missing(
    conn: &mut PgConnection,
    table: Named,
    names: &[String],
) -> Result<u64, StoreError> {
    let done =
        match table {
            Named::Roles => {
                sqlx::query!(
                    "INSERT INTO roles (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
                    names
                )
                .execute(conn)
                .await?
            }
            Named::Departments => sqlx::query!(
                "INSERT INTO departments (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
                names
            )
            .execute(conn)
            .await?,
        };
    Ok(done.rows_affected())
}
