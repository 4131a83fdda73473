//! Schedules: two schedulers running the same every-second schedule fire each slot once,
//! and many simultaneous attempts at one slot queue one job.

use std::str::FromStr;
use std::time::Duration;

use chrono::{SubsecRound, Utc};
use croner::Cron;
use sqlx::PgPool;
use wt_domain::jobs::{JobKind, Queue};
use wt_jobs::payloads::{JobPayload, Probe};
use wt_jobs::schedules::{self, Fired, Schedule};

use crate::support::*;

fn every_second() -> Schedule {
    Schedule::new(
        "test-every-second",
        "A probe every second.",
        JobKind::Probe,
        Some(Cron::from_str("* * * * * *").unwrap()),
        || Probe::new(0, 0, Queue::Maintenance).new_job(None),
    )
}

async fn count(pool: &PgPool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn two_schedulers_fire_each_slot_once(pool: PgPool) {
    let state = state(pool.clone()).await;
    let first = RunningWorker::start_with(&state, scheduling(vec![every_second()]));
    let second = RunningWorker::start_with(&sibling(&state), scheduling(vec![every_second()]));
    tokio::time::sleep(Duration::from_millis(4500)).await;
    first.stop().await;
    second.stop().await;

    let slots = count(&pool, "SELECT count(*) FROM schedule_slots").await;
    let distinct = count(&pool, "SELECT count(DISTINCT slot) FROM schedule_slots").await;
    let jobs = count(&pool, "SELECT count(*) FROM jobs WHERE kind = 'probe'").await;
    // A loaded machine may skip a slot (a scheduler fires the latest one due), never
    // fire one twice.
    assert!((2..=6).contains(&slots), "{slots} slots in 4.5 s");
    assert_eq!(distinct, slots);
    assert_eq!(jobs, slots, "one job per slot");
    flush_namespace(&state.dispatcher.queues.namespace).await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn simultaneous_fires_of_one_slot_queue_one_job(pool: PgPool) {
    let state = state(pool.clone()).await;
    let schedule = every_second();
    let slot = Utc::now().trunc_subsecs(0);
    let fires = (0..8).map(|_| schedules::fire(&state.pool, &state.dispatcher, &schedule, slot));
    let outcomes = futures::future::join_all(fires).await;
    let queued = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, Ok(Fired::Queued { .. })))
        .count();
    let already = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, Ok(Fired::Already)))
        .count();
    assert_eq!((queued, already), (1, 7), "{outcomes:?}");
    assert_eq!(count(&pool, "SELECT count(*) FROM jobs").await, 1);
    flush_namespace(&state.dispatcher.queues.namespace).await;
}
