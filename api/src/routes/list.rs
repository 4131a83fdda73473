//! The list page every collection answers with (`{items, page, pageSize, total}`), the
//! query of the named reference lists, the sort keys and counted pages of people and
//! projects.

use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::{IntoParams, ToSchema};
use wt_store::listing::{self, ListFilter};
use wt_store::stored::{Row, Table};
use wt_store::{NameFilter, named_list};

use crate::extract::{Page, PageQuery};
use crate::problem::{ApiError, Problem};
use crate::routes::resource::shown;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListPage<T> {
    items: Vec<T>,
    page: i64,
    page_size: i64,
    total: i64,
}

impl<T> ListPage<T> {
    pub fn new(items: Vec<T>, page: Page, total: i64) -> Self {
        ListPage {
            items,
            page: page.page,
            page_size: page.page_size,
            total,
        }
    }
}

/// `?search&active` of the named reference lists (departments, roles), beside
/// [`PageQuery`].
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct NameListQuery {
    search: Option<String>,
    active: Option<bool>,
}

impl NameListQuery {
    /// The page `paging` asks for (500 rows unless it says) of the named reference
    /// table `F`, in name order, as clients see its rows.
    pub async fn page<F, V>(self, db: &PgPool, paging: PageQuery) -> Result<ListPage<V>, ApiError>
    where
        F: Table,
        V: TryFrom<Row<F>, Error: Into<ApiError>>,
    {
        let page = paging.page(500);
        let filter = NameFilter {
            search: crate::routes::fields::search(self.search),
            active: self.active,
            limit: page.page_size,
            offset: page.offset(),
        };
        let (rows, total) = named_list::list::<F>(db, &filter).await?;
        Ok(ListPage::new(all_shown(rows)?, page, total))
    }
}

/// `rows` as clients see them; a row that cannot be shown fails the request.
fn all_shown<T, V: TryFrom<T, Error: Into<ApiError>>>(rows: Vec<T>) -> Result<Vec<V>, ApiError> {
    rows.into_iter().map(shown).collect()
}

/// The page `paging` asks for (100 rows unless it says) of the list `filter` selects, as
/// clients see its rows, and its total: kept per filter (its order aside, which does not
/// change it) while the tables `counted_from` are unchanged, or counted each time (`None`).
pub async fn counted_page<F, V>(
    state: &AppState,
    filter: F,
    paging: PageQuery,
    counted_from: Option<&[&str]>,
) -> Result<ListPage<V>, ApiError>
where
    F: ListFilter,
    V: TryFrom<Row<F::Fields>, Error: Into<ApiError>>,
{
    let page = paging.page(100);
    let db = &state.db;
    let count = listing::count(db, &filter);
    let total = async {
        match counted_from {
            Some(tables) => {
                let key = format!("{}:{:?}", F::Fields::TABLE, filter.unordered());
                state.list_counts.total(db, key, tables, count).await
            }
            None => count.await,
        }
    };
    let rows = listing::list(db, &filter, page.page_size, page.offset());
    let (rows, total) = tokio::try_join!(rows, total)?;
    Ok(ListPage::new(all_shown(rows)?, page, total))
}

/// A sort key a list allows (`key`, or `-key` to reverse), with its two orders.
pub type SortKey<O> = (&'static str, O, O);

/// The order `raw` asks for among `keys` (the first key's when none is asked); a key
/// not allowed is a 400 naming the ones that are.
pub fn sort_order<O: Copy, const N: usize>(
    raw: Option<&str>,
    keys: &[SortKey<O>; N],
) -> Result<O, Problem> {
    let raw = raw.unwrap_or(keys[0].0);
    let (key, descending) = match raw.strip_prefix('-') {
        Some(key) => (key, true),
        None => (raw, false),
    };
    match keys.iter().find(|(name, _, _)| *name == key) {
        Some(&(_, up, down)) => Ok(if descending { down } else { up }),
        None => {
            let names: Vec<&str> = keys.iter().map(|(name, _, _)| *name).collect();
            let detail = format!("Sort by {} (prefix - to reverse).", names.join(", "));
            Err(Problem::bad_request("invalid_sort", detail))
        }
    }
}
