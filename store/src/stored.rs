//! The tables the API serves as resources (departments, roles, skill tags, people,
//! projects), written once. A table is its writable fields and what it states about
//! itself ([`Table`]): how a row is read, what keeps it from being deleted, and how its
//! fields are stored. Its rows are [`Row`]s, and find, insert, update and
//! delete-when-unused (each write guarded by the row's version) are [`Stored`]'s, built
//! from those statements. Inserts and updates go through [`crate::bulk`], so one statement
//! shape serves a form's single row and an import's hundred thousand. Writes take a
//! connection, so a caller can put more in the same transaction.
//!
//! The SQL is assembled from those constants at run time (sqlx's checked macros take only
//! literals, so checking them would mean one copy of each statement per table); every
//! resource's HTTP tests run each statement.

use std::fmt::Debug;
use std::future::Future;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::postgres::PgRow;
use sqlx::{AssertSqlSafe, FromRow, PgConnection, PgExecutor, PgPool, Row as _};

use crate::{StoreError, bulk};

/// The writable fields of a served table's row, and the SQL that reads and writes them;
/// declared with [`crate::table::table!`], which derives every statement from one list of
/// the fields. Fields are read by name from [`Table::SELECT`], and written by serializing
/// them to JSON that PostgreSQL reads back as the record [`Table::RECORD`] describes.
pub trait Table:
    Serialize + Debug + Clone + Eq + Send + Sync + Unpin + for<'r> FromRow<'r, PgRow>
{
    /// What a row shows beside its fields (the names of rows it refers to).
    type Shown: Debug + Clone + Eq + Send + Sync + Unpin + for<'r> FromRow<'r, PgRow>;
    /// The table written.
    const TABLE: &'static str;
    /// The query reading rows: `id`, `created_at`, `updated_at`, `version`, the fields
    /// and what is shown, by name (joins included).
    const SELECT: &'static str;
    /// When deleting is refused, as a condition on the row `t` of the table.
    const IN_USE: &'static str;
    /// The fields as a record definition, in their serialized names: `name text, ...`.
    const RECORD: &'static str;
    /// The columns the fields are written to, in the record's order.
    const COLUMNS: &'static str;
    /// What each of [`Table::COLUMNS`] is set to from the record `u`.
    const VALUES: &'static str;
}

/// A stored row of the table `F`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<F: Table> {
    pub id: i64,
    pub fields: F,
    pub shown: F::Shown,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl<'r, F: Table> FromRow<'r, PgRow> for Row<F> {
    fn from_row(row: &'r PgRow) -> Result<Self, sqlx::Error> {
        Ok(Row {
            id: row.try_get("id")?,
            fields: F::from_row(row)?,
            shown: F::Shown::from_row(row)?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
            version: row.try_get("version")?,
        })
    }
}

/// Nothing shown beside a row's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NothingShown;

impl<'r> FromRow<'r, PgRow> for NothingShown {
    fn from_row(_: &'r PgRow) -> Result<Self, sqlx::Error> {
        Ok(NothingShown)
    }
}

/// A row of a served table and the calls that read and write it.
pub trait Stored: Sized + Send + Sync {
    /// The writable fields.
    type Fields: Table;

    fn id(&self) -> i64;
    fn version(&self) -> i64;
    fn fields(&self) -> &Self::Fields;
    fn find(db: &PgPool, id: i64) -> impl Future<Output = Found<Self>> + Send;
    fn insert(
        conn: &mut PgConnection,
        fields: &Self::Fields,
    ) -> impl Future<Output = Result<Self, StoreError>> + Send;
    /// `Ok(None)`: the row is gone or no longer at `version`.
    fn update(
        conn: &mut PgConnection,
        id: i64,
        fields: &Self::Fields,
        version: i64,
    ) -> impl Future<Output = Found<Self>> + Send;
    /// Deletes the row at `version` when nothing refers to it; `Ok(false)` otherwise.
    fn delete_unused(
        db: &PgPool,
        id: i64,
        version: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
}

impl<F: Table> Stored for Row<F> {
    type Fields = F;

    fn id(&self) -> i64 {
        self.id
    }

    fn version(&self) -> i64 {
        self.version
    }

    fn fields(&self) -> &F {
        &self.fields
    }

    fn find(db: &PgPool, id: i64) -> impl Future<Output = Found<Self>> + Send {
        find(db, id)
    }

    async fn insert(conn: &mut PgConnection, fields: &F) -> Result<Self, StoreError> {
        let ids = bulk::insert(&mut *conn, std::slice::from_ref(fields)).await?;
        let [id] = ids[..] else {
            return Err(StoreError::Corrupt(format!("one insert gave ids {ids:?}")));
        };
        let row = find(&mut *conn, id).await?;
        row.ok_or_else(|| StoreError::Corrupt(format!("row {id} vanished after insert")))
    }

    async fn update(conn: &mut PgConnection, id: i64, fields: &F, version: i64) -> Found<Self> {
        let change = bulk::Change {
            id,
            expected_version: Some(version),
            fields,
        };
        match bulk::update_guarded(&mut *conn, &[change]).await?[..] {
            [] => Ok(None),
            _ => find(&mut *conn, id).await,
        }
    }

    async fn delete_unused(db: &PgPool, id: i64, version: i64) -> Result<bool, StoreError> {
        let sql = format!(
            "DELETE FROM {} t WHERE t.id = $1 AND t.version = $2 AND NOT ({})",
            F::TABLE,
            F::IN_USE,
        );
        let done = sqlx::query(constant(sql))
            .bind(id)
            .bind(version)
            .execute(db)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}

/// The row `id` of the table `F`.
pub async fn find<F: Table>(ex: impl PgExecutor<'_>, id: i64) -> Found<Row<F>> {
    let sql = format!("SELECT * FROM ({}) AS row WHERE row.id = $1", F::SELECT);
    Ok(sqlx::query_as(constant(sql))
        .bind(id)
        .fetch_optional(ex)
        .await?)
}

/// SQL put together from the constants tables state (never from input), which sqlx
/// asks to be vouched for.
pub(crate) fn constant(sql: String) -> AssertSqlSafe<String> {
    AssertSqlSafe(sql)
}

/// A row looked up by id: `Ok(None)` when there is none.
pub type Found<T> = Result<Option<T>, StoreError>;

#[cfg(test)]
mod tests {
    use super::Table;
    use crate::people::PersonFields;
    use crate::roles::RoleFields;

    #[test]
    fn a_table_states_its_fields_once_and_every_statement_follows() {
        assert_eq!(
            RoleFields::SELECT,
            "SELECT r.id, r.name, r.description, r.is_active, r.created_at, r.updated_at, \
             r.version FROM roles r"
        );
        assert_eq!(
            RoleFields::RECORD,
            "name text, description text, is_active boolean"
        );
        assert_eq!(RoleFields::COLUMNS, "name, description, is_active");
        assert_eq!(RoleFields::VALUES, "u.name, u.description, u.is_active");
        assert!(
            PersonFields::SELECT
                .contains("(p.weekly_capacity * 100)::integer AS capacity_centihours")
        );
        assert!(
            PersonFields::SELECT.ends_with("LEFT JOIN departments d ON d.id = p.department_id")
        );
        assert!(PersonFields::COLUMNS.contains(", weekly_capacity, "));
        assert!(PersonFields::VALUES.contains(", u.capacity_centihours / 100.0, "));
    }
}
