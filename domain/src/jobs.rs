//! The vocabulary of background work: which kinds of job exist and which states a job
//! moves through. The ledger (`wt-store`) stores these as text; the names are part of
//! the HTTP contract (`GET /api/jobs/{id}`), so they never change once released.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One kind of background work. Each kind has its own Redis queue, so a slow kind (an
/// import) never holds up a quick one (a cache warm-up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Recompute cached aggregates and start a new cache generation.
    WarmCache,
    /// Write and send one email (password reset, invitation).
    Email,
}

impl JobKind {
    /// Every kind, so the worker can start one consumer per queue.
    pub const ALL: [JobKind; 2] = [JobKind::WarmCache, JobKind::Email];

    /// The stable name stored in the ledger and used in queue names.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::WarmCache => "warm_cache",
            JobKind::Email => "email",
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

/// Where a job is in its life. `Queued -> Running -> Succeeded | Failed`, with
/// `Running -> Queued` for a transient failure that will be retried, and `Cancelled`
/// reachable from `Queued`.
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
    fn unknown_names_are_refused() {
        assert!("warm-cache".parse::<JobKind>().is_err());
        assert!("done".parse::<JobState>().is_err());
        assert!(JobState::Succeeded.is_finished());
        assert!(!JobState::Running.is_finished());
    }
}
