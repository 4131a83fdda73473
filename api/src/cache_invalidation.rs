//! Keeps cached aggregates honest: every successful write that can change what the
//! dashboards read retires the cached answers before its response goes out, so the
//! writer's next read (and everyone else's) is computed from their edit. A warm-up is
//! then queued, at most once per [`WARM_AFTER_WRITES_EVERY`] per process, so the next
//! dashboard view finds its answer ready without every write paying for a computation.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::routes::jobs::enqueue_warm_cache;
use crate::state::AppState;

/// Writes under these paths change no aggregate input: sign-in, passwords, and the job
/// routes (an import's or a move's effects are written by the worker, which retires the
/// cache itself when they commit).
const NOT_PLAN_INPUTS: [&str; 7] = [
    "/api/token",
    "/api/auth/change-password",
    "/api/auth/password-reset",
    "/api/jobs",
    "/api/imports",
    "/api/exports",
    "/api/csp-report",
];

/// The shortest time between two warm-ups queued by writes of one process.
pub const WARM_AFTER_WRITES_EVERY: Duration = Duration::from_secs(10);

/// When this process last queued a warm-up after a write.
#[derive(Default)]
pub struct WarmThrottle(Mutex<Option<Instant>>);

impl WarmThrottle {
    /// Whether a warm-up is due now (and, if so, records that it was queued).
    fn due(&self) -> bool {
        let mut last = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let due = last.is_none_or(|at| at.elapsed() >= WARM_AFTER_WRITES_EVERY);
        if due {
            *last = Some(Instant::now());
        }
        due
    }
}

fn changes_plan(method: &Method, path: &str) -> bool {
    let writes = !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    writes
        && !NOT_PLAN_INPUTS
            .iter()
            .any(|prefix| path.starts_with(prefix))
}

pub async fn invalidate_after_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let plan_write = changes_plan(request.method(), request.uri().path());
    let response = next.run(request).await;
    if plan_write && response.status().is_success() {
        state.aggregates.invalidate().await;
        if state.warm_throttle.due() {
            tokio::spawn(async move {
                if let Err(error) = enqueue_warm_cache(&state, None).await {
                    tracing::warn!(%error, "could not queue a cache warm-up after a write");
                }
            });
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_writes_are_told_from_reads_and_from_sign_in_and_jobs() {
        assert!(changes_plan(&Method::PATCH, "/api/assignments/hours"));
        assert!(changes_plan(&Method::POST, "/api/people"));
        assert!(changes_plan(&Method::DELETE, "/api/projects/3"));
        assert!(!changes_plan(&Method::GET, "/api/dashboard"));
        assert!(!changes_plan(&Method::POST, "/api/token/refresh"));
        assert!(!changes_plan(&Method::POST, "/api/jobs/9/cancel"));
        assert!(!changes_plan(&Method::POST, "/api/imports/people"));
    }
}
