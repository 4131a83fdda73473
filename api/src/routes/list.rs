//! The list page every collection answers with (`{items, page, pageSize, total}`), the
//! query of the named reference lists, the sort keys and counted pages of people and
//! projects.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_store::listing::{self, ListFilter};
use wt_store::{NameFilter, StoreError};

use crate::extract::{Page, PageQuery};
use crate::problem::Problem;
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

/// `?page&pageSize&search&active` of the named reference lists (departments, roles).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct NameListQuery {
    page: Option<u64>,
    page_size: Option<u64>,
    search: Option<String>,
    active: Option<bool>,
}

impl NameListQuery {
    /// The page asked for and the store filter that answers it.
    pub fn filter(self) -> (Page, NameFilter) {
        let page = PageQuery {
            page: self.page,
            page_size: self.page_size,
        }
        .page(500);
        let filter = NameFilter {
            search: crate::routes::fields::search(self.search),
            active: self.active,
            limit: page.page_size,
            offset: page.offset(),
        };
        (page, filter)
    }
}

/// One page of the list `filter` selects, and its total: kept per filter (its paging and
/// order aside, which do not change it) while the tables `counted_from` are unchanged,
/// or counted each time (`None`).
pub async fn counted_page<F: ListFilter>(
    state: &AppState,
    filter: F,
    page: Page,
    counted_from: Option<&[&str]>,
) -> Result<(Vec<F::Row>, i64), StoreError> {
    let filter = filter.on_page(page.page_size, page.offset());
    let db = &state.db;
    let count = listing::count(db, &filter);
    let total = async {
        match counted_from {
            Some(tables) => {
                let key = format!("{}:{:?}", F::TABLE, filter.unpaged());
                state.list_counts.total(db, key, tables, count).await
            }
            None => count.await,
        }
    };
    tokio::try_join!(listing::list(db, &filter), total)
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
