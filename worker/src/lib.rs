//! The worker: consumes each job kind's Redis queue, runs jobs through the ledger so each
//! takes effect once, publishes its heartbeat for the api's health check, and (in the
//! scheduler role) re-pushes jobs that Redis lost.

pub mod executor;
pub mod handlers;
pub mod liveness;
pub mod mailer;
pub mod monitor;
pub mod scheduler;
pub mod state;

pub use monitor::{RunOptions, run};
pub use state::WorkerState;
