//! One page of a table of named reference rows (departments, roles), ordered by name.

use sqlx::postgres::PgRow;
use sqlx::{FromRow, PgExecutor, Row as _};

use crate::StoreError;
use crate::stored::{Row, Table, constant};

/// Filters of a list of named reference rows; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct NameFilter {
    /// Matched case-insensitively anywhere in the name.
    pub search: Option<String>,
    pub active: Option<bool>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of the table `F` ordered by name, and how many match in all.
pub async fn list<F: Table>(
    ex: impl PgExecutor<'_>,
    filter: &NameFilter,
) -> Result<(Vec<Row<F>>, i64), StoreError> {
    let sql = format!(
        "SELECT *, count(*) OVER () AS listed_total FROM ({}) AS row \
         WHERE ($1::text IS NULL OR lower(row.name) LIKE $1) \
           AND ($2::bool IS NULL OR row.is_active = $2) \
         ORDER BY lower(row.name), row.id \
         LIMIT $3 OFFSET $4",
        F::SELECT,
    );
    let rows: Vec<PgRow> = sqlx::query(constant(sql))
        .bind(filter.search.as_deref().map(crate::like_pattern))
        .bind(filter.active)
        .bind(filter.limit)
        .bind(filter.offset)
        .fetch_all(ex)
        .await?;
    // An empty page (none match, or the offset is past the end) carries no count.
    let total = match rows.first() {
        Some(row) => row.try_get("listed_total")?,
        None => 0,
    };
    let items = rows.iter().map(Row::from_row).collect::<Result<_, _>>()?;
    Ok((items, total))
}
