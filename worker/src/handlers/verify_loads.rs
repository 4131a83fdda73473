//! `verify_loads`: the scheduled check of the trigger-kept weekly loads and assignment
//! counts. Compares them with a from-scratch sum and repairs any difference in the job's
//! transaction (so the repair commits with the job's success); drift means a trigger
//! missed a change, so it is logged as a warning as well as reported in the result.

use serde_json::{Value, json};
use sqlx::PgConnection;
use wt_store::week_loads;

use crate::context::{JobContext, JobFailure};

/// Differences listed in the result; the counts cover all of them.
const SAMPLE: i64 = 10;

pub async fn run(context: &mut JobContext<'_>, tx: &mut PgConnection) -> Result<Value, JobFailure> {
    context
        .progress(
            "Comparing",
            10,
            "Comparing the kept loads with a from-scratch sum",
        )
        .await?;
    let report = week_loads::repair(tx, SAMPLE).await?;
    if report.total() > 0 {
        tracing::warn!(
            person_differences = report.person_differences,
            project_differences = report.project_differences,
            count_differences = report.count_differences,
            first = ?report.first,
            first_counts = ?report.first_counts,
            "the kept weekly loads or assignment counts had drifted from their from-scratch sum; repaired"
        );
    }
    Ok(json!({
        "personDifferences": report.person_differences,
        "projectDifferences": report.project_differences,
        "countDifferences": report.count_differences,
        "repaired": report.total(),
        "first": report.first,
        "firstCounts": report.first_counts,
    }))
}
