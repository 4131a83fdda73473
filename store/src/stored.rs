//! What every reference table answers (find, insert, update and delete-when-unused, each
//! guarded by the row's version), as one trait the API serves its resources through.
//! A table's module writes those four functions and states `stored!(Row, Fields)`.

use std::future::Future;

use sqlx::PgPool;

use crate::StoreError;

/// A row of a reference table and the calls that read and write it.
pub trait Stored: Sized + Send {
    /// The writable fields.
    type Fields: Send + Sync;

    fn id(&self) -> i64;
    fn version(&self) -> i64;
    fn find(db: &PgPool, id: i64) -> impl Future<Output = Result<Option<Self>, StoreError>> + Send;
    fn insert(
        db: &PgPool,
        fields: &Self::Fields,
    ) -> impl Future<Output = Result<Self, StoreError>> + Send;
    /// `Ok(None)`: the row is gone or no longer at `version`.
    fn update(
        db: &PgPool,
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
                db: &sqlx::PgPool,
                fields: &$fields,
            ) -> Result<Self, $crate::StoreError> {
                insert(db, fields).await
            }

            async fn update(
                db: &sqlx::PgPool,
                id: i64,
                fields: &$fields,
                version: i64,
            ) -> Result<Option<Self>, $crate::StoreError> {
                update(db, id, fields, version).await
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
