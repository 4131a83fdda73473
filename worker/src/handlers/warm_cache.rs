//! `warm_cache`: computes the most used aggregate views (the default dashboards of the
//! company and of each top-level department, the first heatmap page, the forecast) into
//! the aggregate cache for its current version, so the first reader after a write or at
//! the start of the day finds them ready. Queued once plan writes pause, at start-up,
//! on demand and on its schedule. It changes no data; with the cache kept per process
//! (`CACHE_BACKEND=local`) there is nothing a worker can warm for the api, and it says so.
//! A write retires every answer, so once one lands while it works the warm-up stops: the
//! views left would be retired as they were stored (the next warm-up or reader computes
//! them for the plan as it now is).

use serde_json::{Value, json};
use wt_analytics::AnalyticsError;
use wt_domain::weeks::Week;

use crate::context::{JobContext, JobFailure};

fn analytics_failed(error: AnalyticsError) -> JobFailure {
    JobFailure::transient("analytics_failed", error.to_string())
}

pub async fn run(context: &mut JobContext<'_>) -> Result<Value, JobFailure> {
    let state = context.state;
    if !state.aggregates.is_shared() {
        return Ok(json!({ "warmed": 0, "reason": "The aggregate cache is kept per process." }));
    }
    let today = Week::current(chrono::Utc::now().date_naive())
        .map_err(|error| JobFailure::permanent("clock_out_of_range", error.to_string()))?;
    let views = wt_analytics::most_used(&state.pool, today)
        .await
        .map_err(analytics_failed)?;
    let version = state.aggregates.current_version().await;
    for (done, view) in views.iter().enumerate() {
        if state.aggregates.current_version().await != version {
            return Ok(json!({
                "warmed": done,
                "weekOf": today,
                "stopped": "The plan changed while warming; the next warm-up or reader computes the rest.",
            }));
        }
        let percent = u8::try_from(done * 100 / views.len()).unwrap_or(99);
        context
            .progress(
                "Warming",
                percent,
                &format!("Computing {} views", views.len()),
            )
            .await?;
        let render = || view.render(&state.aggregates_db, &state.bands);
        state
            .aggregates
            .refresh(view.kind(), &view.cache_key(), render)
            .await
            .map_err(analytics_failed)?;
    }
    Ok(json!({ "warmed": views.len(), "weekOf": today }))
}
