//! The HTTP server of Workload Tracker: the router, its middleware and its handlers. The
//! `wt-api` binary (`main.rs`) wraps this in a CLI; tests build the same router in-process.

pub mod aggregates;
pub mod app;
pub mod auth;
pub mod backup_command;
pub mod cache_invalidation;
pub mod commands;
pub mod conditional;
pub mod contention;
pub mod demo;
pub mod export_command;
pub mod extract;
pub mod import_command;
pub mod job_watch;
pub mod list_counts;
pub mod metrics;
pub mod observe;
pub mod openapi;
pub mod problem;
pub mod read_only;
pub mod reallocation_command;
pub mod reallocation_undo;
pub mod routes;
pub mod schedule_report;
pub mod security;
pub mod spa;
pub mod state;
pub mod verify_loads_command;

pub use app::router;
pub use state::AppState;
