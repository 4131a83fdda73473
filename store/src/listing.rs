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

/// The filter of a paged list (people, projects): the rows it reads and the conditions it
/// sets, with its page and order as fields of its own (so an export job carries them).
/// [`list`], [`stream`] and [`count`] build the SQL from it.
pub trait ListFilter: Clone + std::fmt::Debug + Send + Sync {
    /// A listed row.
    type Row: for<'r> FromRow<'r, PgRow> + Send + Unpin;
    type Order: ListOrder;
    /// The table listed, which names the list and its versions ([`stamp`]).
    const TABLE: &'static str;
    /// A row's SELECT with its joins, up to the WHERE clause.
    const SELECT: &'static str;
    /// The count's SELECT, the table under the alias the conditions use.
    const COUNT: &'static str;

    /// Appends the WHERE clause of the conditions set (only those, so PostgreSQL plans
    /// each combination with the indexes that fit it).
    fn push_where(&self, query: &mut QueryBuilder<Postgres>);
    /// Its page (`limit` rows from `offset`) and order, to read or to set.
    fn paging(&mut self) -> (&mut i64, &mut i64, &mut Self::Order);

    /// This filter on the page of `limit` rows from `offset`.
    fn on_page(mut self, limit: i64, offset: i64) -> Self {
        let (at_most, from, _) = self.paging();
        (*at_most, *from) = (limit, offset);
        self
    }

    /// Every row this filter selects, in its order.
    fn every(&self) -> Self {
        self.clone().on_page(i64::MAX, 0)
    }

    /// This filter with its page and order at their defaults: what its total depends on.
    fn unpaged(&self) -> Self {
        let mut unpaged = self.clone().on_page(0, 0);
        *unpaged.paging().2 = Self::Order::default();
        unpaged
    }
}

fn listed<'q, F: ListFilter>(
    filter: &F,
) -> Result<QueryAs<'q, Postgres, F::Row, PgArguments>, StoreError> {
    let mut query = QueryBuilder::new(F::SELECT);
    filter.push_where(&mut query);
    let mut page = filter.clone();
    let (limit, offset, order) = page.paging();
    paged(query, order.order(), *limit, *offset)
}

/// One page of the rows `filter` selects, in its order.
pub async fn list<F: ListFilter>(
    ex: impl PgExecutor<'_>,
    filter: &F,
) -> Result<Vec<F::Row>, StoreError> {
    Ok(listed(filter)?.fetch_all(ex).await?)
}

/// The rows `filter` selects, in its order, one at a time as PostgreSQL sends them
/// (exports write them out without holding them all).
pub fn stream<'e, F: ListFilter>(
    ex: impl PgExecutor<'e> + 'e,
    filter: &F,
) -> BoxStream<'e, Result<F::Row, StoreError>>
where
    F::Row: 'e,
{
    match listed(filter) {
        Ok(query) => query.fetch(ex).map_err(StoreError::from).boxed(),
        Err(error) => futures::stream::once(async { Err(error) }).boxed(),
    }
}

/// How many rows `filter` selects in all (its paging aside).
pub async fn count<F: ListFilter>(ex: impl PgExecutor<'_>, filter: &F) -> Result<i64, StoreError> {
    let mut query = QueryBuilder::<Postgres>::new(F::COUNT);
    filter.push_where(&mut query);
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
