//! The worker: consumes the Redis queues it is given, runs each job through the ledger so
//! it takes effect once, renews the leases of the jobs it runs with its heartbeat, drains
//! on shutdown, and (in the scheduler role) reconciles the ledger with Redis and fires the
//! schedules.

pub mod context;
pub mod control;
pub mod executor;
pub mod exporter;
pub mod handlers;
pub mod liveness;
pub mod mailer;
pub mod monitor;
pub mod scheduler;
pub mod state;
pub mod wake;

pub use monitor::{RunOptions, run};
pub use state::WorkerState;
