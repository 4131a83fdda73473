//! PostgreSQL access for Workload Tracker: the embedded migrations and one module per
//! aggregate, each a set of plain async functions over a connection or transaction.
//!
//! Callers own transactions: a function that must run atomically with other writes takes
//! `&mut PgConnection`, so it works the same inside `pool.begin()` and on a lone connection.

pub mod audit;
pub mod departments;
pub mod error;
pub mod jobs;
pub mod reset_tokens;
pub mod roles;
pub mod sessions;
pub mod users;

pub use error::StoreError;

/// Every migration in `migrations/`, embedded at build time and run by `wt-api migrate`
/// (and at start-up when `RUN_MIGRATIONS_ON_START` is on).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");
