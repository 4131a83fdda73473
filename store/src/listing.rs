//! What the paged lists share: a list's SQL is built at run time (its order and filters
//! vary, and a fixed `CASE` order or `$1 IS NULL OR ...` filter keeps PostgreSQL from
//! reading the matching index), turned into a query that owns its text and binds so it
//! can be streamed; and the versions of the tables a list reads, which say when a
//! count taken earlier still holds.

use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use sqlx::postgres::PgArguments;
use sqlx::query::QueryAs;
use sqlx::{Execute, FromRow, PgExecutor, Postgres, QueryBuilder};

use crate::StoreError;

/// `query` as a query owning its SQL and binds, reading rows as `T`; `Err` when a bind
/// could not be encoded.
pub(crate) fn owned<'q, T>(
    mut query: QueryBuilder<Postgres>,
) -> Result<QueryAs<'q, Postgres, T, PgArguments>, StoreError>
where
    T: for<'r> FromRow<'r, sqlx::postgres::PgRow>,
{
    let arguments = query
        .build()
        .take_arguments()
        .map_err(sqlx::Error::Encode)?
        .unwrap_or_default();
    Ok(sqlx::query_as_with(query.into_sql(), arguments))
}

/// `query` with its page: ordered by `order` (SQL from a fixed list, never user text),
/// `limit` rows from `offset`, as an owned query (see [`owned`]).
pub(crate) fn paged<'q, T>(
    mut query: QueryBuilder<Postgres>,
    order: &'static str,
    limit: i64,
    offset: i64,
) -> Result<QueryAs<'q, Postgres, T, PgArguments>, StoreError>
where
    T: for<'r> FromRow<'r, sqlx::postgres::PgRow>,
{
    query
        .push(" ORDER BY ")
        .push(order)
        .push(" LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    owned(query)
}

/// The rows of `query` one at a time, or its one error.
pub(crate) fn stream<'e, T>(
    ex: impl PgExecutor<'e> + 'e,
    query: Result<QueryAs<'e, Postgres, T, PgArguments>, StoreError>,
) -> BoxStream<'e, Result<T, StoreError>>
where
    T: for<'r> FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin + 'e,
{
    match query {
        Ok(query) => query.fetch(ex).map_err(StoreError::from).boxed(),
        Err(error) => futures::stream::once(async { Err(error) }).boxed(),
    }
}

/// A number that grows whenever any of `tables` (`people`, `projects`, `departments`) is
/// written: a count taken at or after reading a stamp holds while the stamp is the same.
pub async fn stamp(ex: impl PgExecutor<'_>, tables: &[&str]) -> Result<i64, StoreError> {
    let tables: Vec<String> = tables.iter().map(|t| (*t).to_owned()).collect();
    let stamp = sqlx::query_scalar!(
        r#"SELECT coalesce(sum(version), 0)::bigint AS "stamp!" FROM list_versions
           WHERE name = ANY($1)"#,
        &tables,
    )
    .fetch_one(ex)
    .await?;
    Ok(stamp)
}
