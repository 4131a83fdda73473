//! What the paged lists (people, projects) share: a list is a [`ListFilter`], whose SQL is
//! built at run time (its order and filters vary, and a fixed `CASE` order or
//! `$1 IS NULL OR ...` filter keeps PostgreSQL from reading the matching index) into a
//! query that owns its text and binds so it can be streamed; and the versions of the
//! tables a list reads, which say when a count taken earlier still holds.

use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::query::QueryAs;
use sqlx::{Execute, FromRow, PgExecutor, Postgres, QueryBuilder};

use crate::StoreError;
use crate::stored::{Row, Table};

/// `query` as a query owning its SQL and binds, reading rows as `T`; `Err` when a bind
/// could not be encoded.
fn owned<'q, T>(
    mut query: QueryBuilder<Postgres>,
) -> Result<QueryAs<'q, Postgres, T, PgArguments>, StoreError>
where
    T: for<'r> FromRow<'r, PgRow>,
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
fn paged<'q, T>(
    mut query: QueryBuilder<Postgres>,
    order: &'static str,
    limit: i64,
    offset: i64,
) -> Result<QueryAs<'q, Postgres, T, PgArguments>, StoreError>
where
    T: for<'r> FromRow<'r, PgRow>,
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

/// The order of a paged list, one of the API's allow-list.
pub trait ListOrder: Copy + Default + Send + Sync {
    /// Its ORDER BY (SQL from a fixed list, never user text).
    fn order(self) -> &'static str;
}

/// The filter of a paged list (people, projects): the table it reads, the conditions it
/// sets and its order, which an export job carries as they are (the page is the caller's).
/// [`list`], [`stream`] and [`count`] build the SQL from it.
pub trait ListFilter: Clone + std::fmt::Debug + Send + Sync {
    /// The table listed: its rows, its SELECT (joins included) and its name, which names
    /// the list and its versions ([`stamp`]).
    type Fields: Table;
    type Order: ListOrder;
    /// The count's SELECT, the table under the alias the conditions use.
    const COUNT: &'static str;

    /// Appends ` AND ...` for each condition set (only those, so PostgreSQL plans each
    /// combination with the indexes that fit it).
    fn push_conditions(&self, query: &mut QueryBuilder<Postgres>);
    /// Its order, to read or to set.
    fn sort(&mut self) -> &mut Self::Order;

    /// This filter with its order at the default: what its total depends on.
    fn unordered(&self) -> Self {
        let mut unordered = self.clone();
        *unordered.sort() = Self::Order::default();
        unordered
    }
}

/// `query` (a SELECT up to its WHERE) with the WHERE clause of `filter`'s conditions.
fn push_where<F: ListFilter>(filter: &F, query: &mut QueryBuilder<Postgres>) {
    query.push(" WHERE true");
    filter.push_conditions(query);
}

fn listed<'q, F: ListFilter>(
    filter: &F,
    limit: i64,
    offset: i64,
) -> Result<QueryAs<'q, Postgres, Row<F::Fields>, PgArguments>, StoreError> {
    let mut query = QueryBuilder::new(F::Fields::SELECT);
    push_where(filter, &mut query);
    let order = filter.clone().sort().order();
    paged(query, order, limit, offset)
}

/// The page of `limit` rows from `offset` of those `filter` selects, in its order.
pub async fn list<F: ListFilter>(
    ex: impl PgExecutor<'_>,
    filter: &F,
    limit: i64,
    offset: i64,
) -> Result<Vec<Row<F::Fields>>, StoreError> {
    Ok(listed(filter, limit, offset)?.fetch_all(ex).await?)
}

/// Every row `filter` selects, in its order, one at a time as PostgreSQL sends them
/// (exports write them out without holding them all).
pub fn stream<'e, F: ListFilter>(
    ex: impl PgExecutor<'e> + 'e,
    filter: &F,
) -> BoxStream<'e, Result<Row<F::Fields>, StoreError>>
where
    F::Fields: 'e,
{
    match listed(filter, i64::MAX, 0) {
        Ok(query) => query.fetch(ex).map_err(StoreError::from).boxed(),
        Err(error) => futures::stream::once(async { Err(error) }).boxed(),
    }
}

/// How many rows `filter` selects in all (its paging aside).
pub async fn count<F: ListFilter>(ex: impl PgExecutor<'_>, filter: &F) -> Result<i64, StoreError> {
    let mut query = QueryBuilder::<Postgres>::new(F::COUNT);
    push_where(filter, &mut query);
    Ok(query.build_query_scalar().fetch_one(ex).await?)
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
