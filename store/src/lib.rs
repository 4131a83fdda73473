//! PostgreSQL access for Workload Tracker: the embedded migrations and one module per
//! aggregate, each a set of plain async functions over a connection or transaction.
//!
//! Callers own transactions: a function that must run atomically with other writes takes
//! `&mut PgConnection`, so it works the same inside `pool.begin()` and on a lone connection.

pub mod assignments;
pub mod assignments_bulk;
pub mod audit;
pub mod bulk;
pub mod candidates;
pub mod deliverables;
pub mod deliverables_bulk;
pub mod departments;
pub mod error;
pub mod export_rows;
pub mod grid;
pub mod jobs;
pub mod listing;
pub mod named_list;
pub mod names;
pub mod normalize;
pub mod people;
pub mod projects;
pub mod reallocations;
pub mod reset_tokens;
pub mod roles;
pub mod schedules;
pub mod sessions;
pub mod skills;
pub mod stored;
mod table;
pub mod users;
pub mod week_loads;

pub use error::{StoreError, stored_hours};
pub use named_list::NameFilter;

/// Every migration in `migrations/`, embedded at build time and run by `wt-api migrate`
/// (and at start-up when `RUN_MIGRATIONS_ON_START` is on).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// A `LIKE` pattern matching `text` anywhere, lower-cased, with wildcards escaped.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn search_wildcards_are_escaped() {
        assert_eq!(like_pattern("Ann"), "%ann%");
        assert_eq!(like_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
    }
}
