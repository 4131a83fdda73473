//! Pure planning types and rules shared by every part of Workload Tracker.
//!
//! Nothing here performs IO: no database, no HTTP, no clock reads except where a caller
//! passes "now" in. The store, the job system and the API build on these types.

pub mod accounts;
pub mod hours;
pub mod jobs;
pub mod projects;
pub mod reallocation;
pub mod secrets;
pub mod text;
pub mod transfer;
pub mod utilization;
pub mod weekly_hours;
pub mod weeks;
