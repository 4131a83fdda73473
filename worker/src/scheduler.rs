//! The scheduler role: the reconciler, which keeps Redis in step with the ledger and takes
//! back the jobs of workers that stopped, and the schedules, which queue a job per cron
//! slot. Several processes may hold the role: the reconciler skips rows another pass
//! holds, and a schedule slot fires once across all schedulers (see `wt_jobs::schedules`).

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use wt_jobs::reconcile::reconcile;
use wt_jobs::schedules::{self, CATCH_UP, Fired, Schedule};

use crate::state::WorkerState;

/// How often the schedules are looked at: expressions may have a seconds field.
const SCHEDULE_TICK: Duration = Duration::from_secs(1);

/// How the role runs.
#[derive(Debug, Clone)]
pub struct SchedulerOptions {
    /// How often the reconciler passes; a lost worker's job is taken back at the first
    /// pass after its lease ran out.
    pub reconcile_every: Duration,
    /// How long a queued job may wait unpushed before the reconciler pushes it again.
    pub reconcile_grace: Duration,
    pub schedules: Vec<Schedule>,
}

/// Runs the role until `stop` resolves.
pub async fn run(state: WorkerState, options: SchedulerOptions, stop: impl Future<Output = ()>) {
    let mut reconcile_ticks = tokio::time::interval(options.reconcile_every);
    let mut schedule_ticks = tokio::time::interval(SCHEDULE_TICK);
    let mut fired: HashMap<&'static str, DateTime<Utc>> = HashMap::new();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = reconcile_ticks.tick() => {
                let pass = reconcile(&state.pool, &state.dispatcher, options.reconcile_grace);
                if let Err(error) = pass.await {
                    tracing::warn!(%error, "reconcile pass failed");
                }
            }
            _ = schedule_ticks.tick() => {
                fire_due(&state, &options.schedules, &mut fired, Utc::now()).await;
            }
            () = &mut stop => break,
        }
    }
}

/// Fires each schedule's due slot that this process has not fired (or seen fired) yet.
async fn fire_due(
    state: &WorkerState,
    schedules: &[Schedule],
    fired: &mut HashMap<&'static str, DateTime<Utc>>,
    now: DateTime<Utc>,
) {
    for schedule in schedules {
        let Some(slot) = schedule.due_slot(now, CATCH_UP) else {
            continue;
        };
        if fired.get(schedule.name) == Some(&slot) {
            continue;
        }
        match schedules::fire(&state.pool, &state.dispatcher, schedule, slot).await {
            Ok(Fired::Queued { job_id }) => {
                tracing::info!(schedule = schedule.name, %slot, job_id, "schedule fired");
                fired.insert(schedule.name, slot);
            }
            Ok(Fired::Already) => {
                fired.insert(schedule.name, slot);
            }
            Err(error) => {
                tracing::warn!(schedule = schedule.name, %slot, %error, "schedule could not fire");
            }
        }
    }
}
