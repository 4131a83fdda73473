//! `verify_loads`: the worker finds the kept weekly loads drifted (written by hand, as a
//! missed trigger would leave them), repairs them and says so in the job's result.

use sqlx::PgPool;
use wt_domain::jobs::JobState;
use wt_jobs::payloads::{JobPayload, VerifyLoads};

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_job_repairs_drifted_loads(pool: PgPool) {
    sqlx::raw_sql(
        "WITH p AS (INSERT INTO people (name) VALUES ('Ada') RETURNING id),
              j AS (INSERT INTO projects (name, status) VALUES ('Museum', 'active') RETURNING id),
              a AS (INSERT INTO assignments (person_id, project_id, role_on_project)
                    SELECT p.id, j.id, 'Lead' FROM p, j RETURNING id)
         INSERT INTO assignment_weeks (assignment_id, week, centihours)
         SELECT id, '2026-03-01', 800 FROM a;
         UPDATE person_week_load SET active = 100;",
    )
    .execute(&pool)
    .await
    .unwrap();
    let state = state(pool.clone()).await;
    let worker = RunningWorker::start(&state);
    let job = enqueue(&state, &VerifyLoads::default().new_job(None).unwrap()).await;
    let done = wait_until_finished(&pool, job.id).await;
    worker.stop().await;

    assert_eq!(done.state, JobState::Succeeded, "{done:?}");
    let result = done.result.expect("a result");
    assert_eq!(result["personDifferences"], 1);
    assert_eq!(result["repaired"], 1);
    assert_eq!(result["first"][0]["actualCentihours"], 800);
    let active: i32 = sqlx::query_scalar("SELECT active FROM person_week_load")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(active, 800);
    flush_namespace(&state.dispatcher.queues.namespace).await;
}
