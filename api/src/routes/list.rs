//! The list page every collection answers with: `{items, page, pageSize, total}`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_store::NameFilter;

use crate::extract::{Page, PageQuery};

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

/// The key a list's total is kept under: its kind and its filters (`unpaged`: the
/// filter with its paging and order left at their defaults, which do not change it).
pub fn count_key<F: std::fmt::Debug>(kind: &str, unpaged: &F) -> String {
    format!("{kind}:{unpaged:?}")
}
