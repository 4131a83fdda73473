//! What every table the API serves as a resource answers (find, insert, update and
//! delete-when-unused, each write guarded by the row's version), built once from what a
//! table states about itself: how a row is read ([`Stored::SELECT`]), what keeps it from
//! being deleted ([`Stored::IN_USE`]), and how its writable fields are stored
//! ([`Written`]). Inserts and updates go through [`crate::bulk`], so one statement shape
//! serves a form's single row and an import's hundred thousand. Writes take a connection,
//! so a caller can put more in the same transaction.
//!
//! The SQL is assembled from those constants at run time (sqlx's checked macros take only
//! literals, so checking them would mean one copy of each statement per table); every
//! resource's HTTP tests run each statement.

use std::future::Future;

use serde::Serialize;
use sqlx::postgres::PgRow;
use sqlx::{AssertSqlSafe, FromRow, PgConnection, PgExecutor, PgPool};

use crate::{StoreError, bulk};

/// How a table's writable fields are stored: they are serialized to JSON and read back
/// in PostgreSQL as the record [`Written::RECORD`] describes (one key per field).
pub trait Written: Serialize + Send + Sync {
    /// The table written.
    const TABLE: &'static str;
    /// The fields as a record definition, in their serialized names: `name text, ...`.
    const RECORD: &'static str;
    /// The columns written, in order: `name, weekly_capacity, ...`.
    const COLUMNS: &'static str;
    /// What each column is set to, in the same order, from the record `u`:
    /// `u.name, u.capacity_centihours / 100.0, ...`.
    const VALUES: &'static str;
}

/// A row of a served table and the calls that read and write it.
pub trait Stored: Sized + Send + Sync + Unpin + for<'r> FromRow<'r, PgRow> {
    /// The writable fields.
    type Fields: Written;
    /// The query reading rows, with an `id` column (the joins a row needs included).
    const SELECT: &'static str;
    /// When deleting is refused, as a condition on the row `t` of the table.
    const IN_USE: &'static str;

    fn id(&self) -> i64;
    fn version(&self) -> i64;

    fn find(db: &PgPool, id: i64) -> impl Future<Output = Found<Self>> + Send {
        find(db, id)
    }

    fn insert(
        conn: &mut PgConnection,
        fields: &Self::Fields,
    ) -> impl Future<Output = Result<Self, StoreError>> + Send {
        async move {
            let ids = bulk::insert(&mut *conn, std::slice::from_ref(fields)).await?;
            let [id] = ids[..] else {
                return Err(StoreError::Corrupt(format!("one insert gave ids {ids:?}")));
            };
            let row = find::<Self>(&mut *conn, id).await?;
            row.ok_or_else(|| StoreError::Corrupt(format!("row {id} vanished after insert")))
        }
    }

    /// `Ok(None)`: the row is gone or no longer at `version`.
    fn update(
        conn: &mut PgConnection,
        id: i64,
        fields: &Self::Fields,
        version: i64,
    ) -> impl Future<Output = Found<Self>> + Send {
        async move {
            let change = bulk::Change {
                id,
                expected_version: Some(version),
                fields,
            };
            match bulk::update_guarded(&mut *conn, &[change]).await?[..] {
                [] => Ok(None),
                _ => find::<Self>(&mut *conn, id).await,
            }
        }
    }

    /// Deletes the row at `version` when nothing refers to it; `Ok(false)` otherwise.
    fn delete_unused(
        db: &PgPool,
        id: i64,
        version: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send {
        let sql = format!(
            "DELETE FROM {} t WHERE t.id = $1 AND t.version = $2 AND NOT ({})",
            Self::Fields::TABLE,
            Self::IN_USE,
        );
        async move {
            let done = sqlx::query(constant(sql))
                .bind(id)
                .bind(version)
                .execute(db)
                .await?;
            Ok(done.rows_affected() == 1)
        }
    }
}

/// SQL put together from the constants tables state (never from input), which sqlx
/// asks to be vouched for.
pub(crate) fn constant(sql: String) -> AssertSqlSafe<String> {
    AssertSqlSafe(sql)
}

/// The row `id` of `T`.
pub async fn find<T: Stored>(ex: impl PgExecutor<'_>, id: i64) -> Found<T> {
    let sql = format!("SELECT * FROM ({}) AS row WHERE row.id = $1", T::SELECT);
    Ok(sqlx::query_as(constant(sql))
        .bind(id)
        .fetch_optional(ex)
        .await?)
}

/// A row looked up by id: `Ok(None)` when there is none.
pub type Found<T> = Result<Option<T>, StoreError>;

/// Implements [`Stored`] for `$row`, whose `id` and `version` fields are the accessors,
/// with the SQL it states.
#[macro_export]
macro_rules! stored {
    ($row:ty, fields: $fields:ty, select: $select:expr, in_use: $in_use:expr $(,)?) => {
        impl $crate::stored::Stored for $row {
            type Fields = $fields;
            const SELECT: &'static str = $select;
            const IN_USE: &'static str = $in_use;

            fn id(&self) -> i64 {
                self.id
            }

            fn version(&self) -> i64 {
                self.version
            }
        }
    };
}
