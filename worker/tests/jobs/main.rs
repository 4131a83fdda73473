//! The job system end to end against the real PostgreSQL and Redis: the real worker
//! (in process, and as the binary where a process must die) consumes the Redis queues,
//! and the ledger and the jobs' committed effects prove each job took effect once. Each
//! test has its own database (sqlx::test) and Redis key namespace.

mod delivery;
mod imports;
mod process;
mod reallocations;
mod recovery;
mod schedules;
mod support;
mod verify_loads;
mod warm_cache;
