//! What every table the API serves as a resource answers (find, insert, update and
//! delete-when-unused, each write guarded by the row's version), as one trait. A table's
//! module writes those four functions and states `stored!(Row, Fields)`. Writes take a
//! connection, so a caller can put more in the same transaction.

use std::future::Future;

use sqlx::{PgConnection, PgPool};

use crate::StoreError;

/// A row of a served table and the calls that read and write it.
pub trait Stored: Sized + Send + Sync {
    /// The writable fields.
    type Fields: Send + Sync;

    fn id(&self) -> i64;
    fn version(&self) -> i64;
    fn find(db: &PgPool, id: i64) -> impl Future<Output = Result<Option<Self>, StoreError>> + Send;
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
    ) -> impl Future<Output = Result<Option<Self>, StoreError>> + Send;
    /// Deletes the row at `version` when nothing refers to it; `Ok(false)` otherwise.
    fn delete_unused(
        db: &PgPool,
        id: i64,
        version: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
}

/// Implements [`Stored`] for `$row` (with `id` and `version` fields) from the `find`,
/// `insert`, `update` and `delete_unused` functions of the module it is stated in.
#[macro_export]
macro_rules! stored {
    ($row:ty, $fields:ty) => {
        impl $crate::stored::Stored for $row {
            type Fields = $fields;

            fn id(&self) -> i64 {
                self.id
            }

            fn version(&self) -> i64 {
                self.version
            }

            async fn find(db: &sqlx::PgPool, id: i64) -> Result<Option<Self>, $crate::StoreError> {
                find(db, id).await
            }

            async fn insert(
                conn: &mut sqlx::PgConnection,
                fields: &$fields,
            ) -> Result<Self, $crate::StoreError> {
                insert(conn, fields).await
            }

            async fn update(
                conn: &mut sqlx::PgConnection,
                id: i64,
                fields: &$fields,
                version: i64,
            ) -> Result<Option<Self>, $crate::StoreError> {
                update(conn, id, fields, version).await
            }

            async fn delete_unused(
                db: &sqlx::PgPool,
                id: i64,
                version: i64,
            ) -> Result<bool, $crate::StoreError> {
                delete_unused(db, id, version).await
            }
        }
    };
}
