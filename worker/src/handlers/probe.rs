//! `probe`: records in the audit trail which worker runs it (in the job's transaction,
//! so the entry stays only if the run succeeds), walks through its steps reporting
//! progress at each, and succeeds. Operators run one to see that a queue's workers take
//! work; the benchmark runs empty ones; the tests count its audit entries to prove a job
//! took effect exactly once. With
//! fault injection on (`WORKER_FAULT_INJECTION`, for tests), a probe can fail its first
//! attempts or abort its worker process, which is how the job system's recovery is tested
//! against the real binary.

use std::time::Duration;

use serde_json::{Value, json};
use sqlx::PgConnection;
use wt_jobs::payloads::{JobPayload, Probe};
use wt_store::audit;

use crate::context::{JobContext, JobFailure};

pub async fn run(context: &mut JobContext<'_>, tx: &mut PgConnection) -> Result<Value, JobFailure> {
    let probe = Probe::of(context.job)?;
    if probe.misbehaves() && !context.state.fault_injection {
        return Err(JobFailure::permanent(
            "fault_injection_disabled",
            "This probe asks for faults, and this worker does not inject them.",
        ));
    }
    let ran = audit::NewEvent {
        actor_id: context.job.requested_by,
        action: "probe_ran",
        target_type: "job",
        target_id: Some(context.job.id),
        target_label: &context.state.owner,
        details: json!({ "queue": probe.queue, "attempt": context.attempt() }),
    };
    audit::record(&mut *tx, &ran).await?;
    let steps = probe.steps;
    let pause = Duration::from_millis(u64::from(probe.step_millis));
    for step in 1..=steps {
        let percent = u8::try_from(u32::from(step) * 100 / u32::from(steps)).unwrap_or(100);
        let message = format!("Step {step} of {steps}");
        context.progress("Probing", percent, &message).await?;
        if probe.crash && step > steps / 2 {
            tracing::error!(
                job_id = context.job.id,
                "probe aborts the worker on purpose"
            );
            std::process::abort();
        }
        context.pause(pause).await?;
    }
    if probe.crash {
        std::process::abort();
    }
    let attempt = context.attempt();
    if i32::from(probe.fail_attempts) >= attempt {
        return Err(JobFailure::transient(
            "probe_fault",
            format!("The probe fails attempt {attempt} on purpose."),
        ));
    }
    let worker = &context.state.owner;
    Ok(json!({ "steps": steps, "queue": probe.queue, "attempt": attempt, "worker": worker }))
}
