//! The totals of the paged lists (people, projects), counted once per change of the
//! tables a list reads rather than on every page: a total is kept with the tables'
//! stamp (`wt_store::listing::stamp`, moved by every write) and served while the stamp
//! holds, so a page costs what it shows and its total is still exact.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, PoisonError};

use sqlx::PgPool;
use wt_store::StoreError;
use wt_store::listing;

/// Distinct filters kept; past this the cache starts again (searches as one types make
/// many short-lived keys).
const MAX_ENTRIES: usize = 1024;

#[derive(Default)]
pub struct ListCounts {
    /// Filter key -> (stamp, total).
    entries: Mutex<HashMap<String, (i64, i64)>>,
}

impl ListCounts {
    /// The total of the list `key` names, reading `tables`: the kept one while their
    /// stamp is unchanged, else `count()` (run after reading the stamp, so it is at least
    /// as new as the stamp it is kept under).
    pub async fn total<F>(
        &self,
        db: &PgPool,
        key: String,
        tables: &[&str],
        count: F,
    ) -> Result<i64, StoreError>
    where
        F: Future<Output = Result<i64, StoreError>>,
    {
        let stamp = listing::stamp(db, tables).await?;
        let kept = self.lock().get(&key).copied();
        if let Some((at, total)) = kept
            && at == stamp
        {
            return Ok(total);
        }
        let total = count.await?;
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (stamp, total));
        Ok(total)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (i64, i64)>> {
        // A panic while holding the map leaves it whole (inserts and clears only).
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
