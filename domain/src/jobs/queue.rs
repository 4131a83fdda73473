//! The queues that carry jobs to workers. An operator scales work by queue: a worker
//! process takes the queues it is given (`wt-worker --queues imports,backups`) with a
//! concurrency per queue, so a slow kind (an import) never holds up a quick one (mail).
//! The names appear in Redis keys, settings (`WORKER_CONCURRENCY_<QUEUE>`) and the API.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::UnknownName;

/// One queue. The set is fixed by the release, because operators name queues in their
/// deployment files; imports, exports and reallocations have their queues before their
/// kinds arrive, so a deployment written today keeps working, and probes can test them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    Mail,
    Cache,
    Imports,
    Exports,
    Reallocations,
    Backups,
    Maintenance,
}

impl Queue {
    /// Every queue, in the order screens and stats list them.
    pub const ALL: [Queue; 7] = [
        Queue::Mail,
        Queue::Cache,
        Queue::Imports,
        Queue::Exports,
        Queue::Reallocations,
        Queue::Backups,
        Queue::Maintenance,
    ];

    /// The stable name used in Redis keys, settings and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Queue::Mail => "mail",
            Queue::Cache => "cache",
            Queue::Imports => "imports",
            Queue::Exports => "exports",
            Queue::Reallocations => "reallocations",
            Queue::Backups => "backups",
            Queue::Maintenance => "maintenance",
        }
    }

    /// The environment variable that sets this queue's concurrency in a worker, e.g.
    /// `WORKER_CONCURRENCY_IMPORTS`.
    pub fn concurrency_variable(self) -> String {
        format!("WORKER_CONCURRENCY_{}", self.as_str().to_ascii_uppercase())
    }
}

impl fmt::Display for Queue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Queue {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let name = name.trim();
        Queue::ALL
            .into_iter()
            .find(|queue| queue.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownName(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_read_loosely() {
        for queue in Queue::ALL {
            assert_eq!(queue.as_str().parse::<Queue>(), Ok(queue));
        }
        assert_eq!(" Imports ".parse::<Queue>(), Ok(Queue::Imports));
        assert!("import".parse::<Queue>().is_err());
        assert_eq!(
            Queue::Reallocations.concurrency_variable(),
            "WORKER_CONCURRENCY_REALLOCATIONS"
        );
    }
}
