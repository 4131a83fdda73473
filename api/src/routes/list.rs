//! The list page every collection answers with: `{items, page, pageSize, total}`.

use serde::Serialize;

use crate::extract::Page;

#[derive(Debug, Serialize)]
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
