//! Process plumbing shared by the `wt-api` and `wt-worker` binaries: configuration from
//! the environment, JSON logging and Sentry, connections to PostgreSQL and Redis, and the
//! shutdown signal. Both binaries start the same way, so this lives in one place.

pub mod aggregate_cache;
pub mod connections;
pub mod metrics;
pub mod settings;
pub mod shutdown;
pub mod telemetry;

pub use connections::{RedisConnector, database_pool};
pub use settings::{CronSetting, InsecureSetting, JobSettings, Settings};
