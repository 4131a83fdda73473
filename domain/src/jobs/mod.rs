//! The vocabulary of background work: which kinds of job exist, which states a job
//! moves through, which queue carries each kind and how each kind retries. The ledger
//! (`wt-store`) stores the names as text; they are part of the HTTP contract
//! (`GET /api/jobs`), so they never change once released.

mod policy;
mod queue;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use policy::RetryPolicy;
pub use queue::Queue;

/// One kind of background work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Recompute cached aggregates and start a new cache generation.
    WarmCache,
    /// Write and send one email (password reset, invitation).
    Email,
    /// A diagnostic job that walks through progress steps and does nothing else: how an
    /// operator checks that a queue's workers take work, and what the benchmark times.
    Probe,
    /// Daily upkeep of the job system: old finished jobs leave the ledger, finished
    /// queue entries leave Redis.
    Housekeeping,
    /// Read an uploaded spreadsheet of people or projects and apply it (or only report
    /// what it would do).
    Import,
    /// Write people or projects to a spreadsheet file for download (an export too large
    /// to answer at once).
    Export,
    /// Move a project's planned hours after one of its deliverables changed date.
    Reallocate,
    /// Compare the trigger-kept weekly loads with a from-scratch sum and repair any
    /// difference.
    VerifyLoads,
    /// Copy the database to an archive under `BACKUPS_DIR/db` and apply the retention.
    Backup,
}

impl JobKind {
    /// Every kind.
    pub const ALL: [JobKind; 9] = [
        JobKind::WarmCache,
        JobKind::Email,
        JobKind::Probe,
        JobKind::Housekeeping,
        JobKind::Import,
        JobKind::Export,
        JobKind::Reallocate,
        JobKind::VerifyLoads,
        JobKind::Backup,
    ];

    /// The stable name stored in the ledger and shown by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::WarmCache => "warm_cache",
            JobKind::Email => "email",
            JobKind::Probe => "probe",
            JobKind::Housekeeping => "housekeeping",
            JobKind::Import => "import",
            JobKind::Export => "export",
            JobKind::Reallocate => "reallocate",
            JobKind::VerifyLoads => "verify_loads",
            JobKind::Backup => "backup",
        }
    }

    /// The queue that carries this kind unless the job names another (only probes do).
    pub fn queue(self) -> Queue {
        match self {
            JobKind::WarmCache => Queue::Cache,
            JobKind::Email => Queue::Mail,
            JobKind::Probe | JobKind::Housekeeping | JobKind::VerifyLoads => Queue::Maintenance,
            JobKind::Import => Queue::Imports,
            JobKind::Export => Queue::Exports,
            JobKind::Reallocate => Queue::Reallocations,
            JobKind::Backup => Queue::Backups,
        }
    }

    /// Whether a succeeded job of this kind may have changed what the dashboards read,
    /// so the worker retires cached aggregates when it commits.
    pub fn changes_plan(self) -> bool {
        matches!(
            self,
            JobKind::Import | JobKind::Reallocate | JobKind::VerifyLoads
        )
    }

    /// How often and how patiently this kind is tried.
    pub fn policy(self) -> RetryPolicy {
        use std::time::Duration;
        let secs = Duration::from_secs;
        match self {
            JobKind::Email => RetryPolicy::new(5, secs(30), secs(30 * 60), secs(2 * 60)),
            JobKind::WarmCache => RetryPolicy::new(3, secs(10), secs(5 * 60), secs(10 * 60)),
            JobKind::Probe => RetryPolicy::new(3, secs(5), secs(60), secs(30 * 60)),
            JobKind::Housekeeping => RetryPolicy::new(3, secs(60), secs(30 * 60), secs(60 * 60)),
            JobKind::VerifyLoads => RetryPolicy::new(3, secs(60), secs(30 * 60), secs(30 * 60)),
            JobKind::Import => RetryPolicy::new(3, secs(30), secs(10 * 60), secs(2 * 60 * 60)),
            JobKind::Export => RetryPolicy::new(3, secs(30), secs(10 * 60), secs(60 * 60)),
            // Many short attempts: an attempt also ends, to be tried again, while an
            // earlier date change of the same project has not applied yet.
            JobKind::Reallocate => RetryPolicy::new(25, secs(1), secs(30), secs(5 * 60)),
            // Few, spaced attempts: a backup that met a running restore or a full disk
            // needs minutes or an operator, not a quick retry.
            JobKind::Backup => RetryPolicy::new(3, secs(5 * 60), secs(30 * 60), secs(4 * 60 * 60)),
        }
    }
}

impl fmt::Display for JobKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobKind {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        JobKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
            .ok_or_else(|| UnknownName(name.to_owned()))
    }
}

/// Where a job is in its life. `Queued -> Running -> Succeeded | Failed | Cancelled`,
/// with `Running -> Queued` for an attempt that will be retried (a transient failure, a
/// lost worker, a worker that drained), `Queued -> Cancelled`, and `Failed | Cancelled ->
/// Queued` when an admin retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

impl JobState {
    /// Every state, from queued to the ends of a job's life.
    pub const ALL: [JobState; 5] = [
        JobState::Queued,
        JobState::Running,
        JobState::Succeeded,
        JobState::Failed,
        JobState::Cancelled,
    ];

    /// The stable name stored in the ledger and shown by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Succeeded => "succeeded",
            JobState::Failed => "failed",
            JobState::Cancelled => "cancelled",
        }
    }

    /// A finished job never runs again, whatever Redis delivers.
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            JobState::Succeeded | JobState::Failed | JobState::Cancelled
        )
    }
}

impl fmt::Display for JobState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobState {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        JobState::ALL
            .into_iter()
            .find(|state| state.as_str() == name)
            .ok_or_else(|| UnknownName(name.to_owned()))
    }
}

/// A stored name that this build does not know (a newer release wrote it, or the row was
/// edited by hand).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown name `{0}`")]
pub struct UnknownName(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in JobKind::ALL {
            assert_eq!(kind.as_str().parse::<JobKind>(), Ok(kind));
        }
        for state in JobState::ALL {
            assert_eq!(state.as_str().parse::<JobState>(), Ok(state));
        }
    }

    #[test]
    fn every_kind_may_be_tried_and_has_a_time_limit() {
        for kind in JobKind::ALL {
            let policy = kind.policy();
            assert!(policy.max_attempts >= 1, "{kind}");
            assert!(policy.backoff_base <= policy.backoff_cap, "{kind}");
            assert!(!policy.timeout.is_zero(), "{kind}");
        }
    }

    #[test]
    fn unknown_names_are_refused() {
        assert!("warm-cache".parse::<JobKind>().is_err());
        assert!("done".parse::<JobState>().is_err());
        assert!(JobState::Succeeded.is_finished());
        assert!(!JobState::Running.is_finished());
    }
}
