//! The jobs this worker process runs right now, each with a stop signal. The lease
//! keeper raises it when someone asks a job to stop or when the job's lease is lost; the
//! drain raises it when the process must let go of its jobs. Handlers see it at their
//! progress points (and in [`JobControl::stopped`] while they wait).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::Notify;

/// Why a running job must stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// Someone asked (`POST /api/jobs/{id}/cancel`): the job ends cancelled.
    Cancelled,
    /// The attempt lost its lease; another attempt owns the job.
    LeaseLost,
    /// The worker is shutting down: the job goes back to the queue for another worker.
    Draining,
}

impl StopReason {
    fn code(self) -> u8 {
        match self {
            StopReason::Cancelled => 1,
            StopReason::LeaseLost => 2,
            StopReason::Draining => 3,
        }
    }

    fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(StopReason::Cancelled),
            2 => Some(StopReason::LeaseLost),
            3 => Some(StopReason::Draining),
            _ => None,
        }
    }
}

/// The stop signal of one running job.
#[derive(Debug, Default)]
pub struct JobControl {
    reason: AtomicU8,
    raised: Notify,
}

impl JobControl {
    /// Asks the job to stop, unless it was already asked for another reason (the first
    /// reason wins: a cancelled job stays cancelled even if its worker then drains).
    pub fn stop(&self, reason: StopReason) {
        let first = self
            .reason
            .compare_exchange(0, reason.code(), Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if first {
            self.raised.notify_waiters();
        }
    }

    /// Why the job must stop, if it must.
    pub fn stop_reason(&self) -> Option<StopReason> {
        StopReason::from_code(self.reason.load(Ordering::Acquire))
    }

    /// Resolves when the job is asked to stop.
    pub async fn stopped(&self) -> StopReason {
        loop {
            let raised = self.raised.notified();
            if let Some(reason) = self.stop_reason() {
                return reason;
            }
            raised.await;
        }
    }
}

/// The jobs running in this process, by id.
#[derive(Debug, Default)]
pub struct RunningJobs {
    jobs: Mutex<HashMap<i64, Arc<JobControl>>>,
}

impl RunningJobs {
    fn jobs(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Arc<JobControl>>> {
        // A panic while holding this lock cannot leave the map half-changed.
        self.jobs.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Registers job `id` as running here; it leaves the registry when the guard drops.
    pub fn enter(self: &Arc<Self>, id: i64) -> RunningGuard {
        let control = Arc::new(JobControl::default());
        self.jobs().insert(id, control.clone());
        RunningGuard {
            running: self.clone(),
            id,
            control,
        }
    }

    /// The stop signal of job `id`, when it runs here.
    pub fn control(&self, id: i64) -> Option<Arc<JobControl>> {
        self.jobs().get(&id).cloned()
    }

    /// Every job running here.
    pub fn ids(&self) -> Vec<i64> {
        self.jobs().keys().copied().collect()
    }

    /// Asks every job running here to stop.
    pub fn stop_all(&self, reason: StopReason) {
        for control in self.jobs().values() {
            control.stop(reason);
        }
    }

    pub fn count(&self) -> usize {
        self.jobs().len()
    }
}

/// Keeps a job in the registry while it runs.
pub struct RunningGuard {
    running: Arc<RunningJobs>,
    id: i64,
    control: Arc<JobControl>,
}

impl RunningGuard {
    pub fn control(&self) -> &Arc<JobControl> {
        &self.control
    }
}

impl Drop for RunningGuard {
    fn drop(&mut self) {
        self.running.jobs().remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_first_stop_reason_wins_and_wakes_waiters() {
        let running = Arc::new(RunningJobs::default());
        let guard = running.enter(7);
        let control = guard.control().clone();
        let waiter = tokio::spawn(async move { control.stopped().await });
        tokio::task::yield_now().await;
        running.control(7).unwrap().stop(StopReason::Cancelled);
        running.stop_all(StopReason::Draining);
        assert_eq!(waiter.await.unwrap(), StopReason::Cancelled);
        assert_eq!(running.count(), 1);
        drop(guard);
        assert_eq!(running.count(), 0);
    }
}
