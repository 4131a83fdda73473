//! Keeps cached aggregates honest: every successful write that can change what the
//! dashboards read retires the cached answers before its response goes out, so the
//! writer's next read (and everyone else's) is computed from their edit. A warm-up is
//! then queued once the writes pause ([`WARM_AFTER_QUIET`]), or [`WARM_AT_MOST_AFTER`]
//! the first write it covers while they keep coming, so the next dashboard view finds
//! its answer ready for the plan as it ends up, and a burst of edits costs one warm-up,
//! not one per write.

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

/// How long writes must pause before the warm-up they call for is queued.
pub const WARM_AFTER_QUIET: Duration = Duration::from_secs(2);
/// The longest a write waits for its warm-up while writes keep coming.
pub const WARM_AT_MOST_AFTER: Duration = Duration::from_secs(10);

/// The first and the last write of this process not yet covered by a queued warm-up,
/// while there are any.
#[derive(Default)]
pub struct WarmDebounce(Mutex<Option<(Instant, Instant)>>);

impl WarmDebounce {
    /// Notes a write at `now`; true when it is the first uncovered one, whose caller
    /// starts the timer that queues the warm-up.
    fn note(&self, now: Instant) -> bool {
        let mut uncovered = self.lock();
        match &mut *uncovered {
            Some((_, last)) => {
                *last = now;
                false
            }
            None => {
                *uncovered = Some((now, now));
                true
            }
        }
    }

    /// `Some(moment)` to wait until, or `None` when the warm-up is due at `now` (the
    /// writes so far then count as covered).
    fn wait_until(&self, now: Instant) -> Option<Instant> {
        let mut uncovered = self.lock();
        let (first, last) = (*uncovered)?;
        let due = (last + WARM_AFTER_QUIET).min(first + WARM_AT_MOST_AFTER);
        if now >= due {
            *uncovered = None;
            return None;
        }
        Some(due)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Instant, Instant)>> {
        // A panic while holding it leaves a plain pair of instants.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The timer of one run of writes: sleeps until they pause (or have waited long enough),
/// then queues the warm-up.
async fn warm_when_writes_pause(state: AppState) {
    while let Some(due) = state.warm_debounce.wait_until(Instant::now()) {
        tokio::time::sleep_until(due.into()).await;
    }
    if let Err(error) = enqueue_warm_cache(&state, None).await {
        tracing::warn!(%error, "could not queue a cache warm-up after writes");
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
        if state.warm_debounce.note(Instant::now()) {
            tokio::spawn(warm_when_writes_pause(state));
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

    #[test]
    fn a_warm_up_waits_for_the_writes_to_pause() {
        let debounce = WarmDebounce::default();
        let t0 = Instant::now();
        let at = |millis: u64| t0 + Duration::from_millis(millis);
        assert!(debounce.note(t0), "the first write starts the timer");
        assert!(!debounce.note(at(1_500)), "a later one moves it");
        assert_eq!(debounce.wait_until(at(2_000)), Some(at(3_500)));
        assert_eq!(debounce.wait_until(at(3_500)), None, "due after the pause");
        assert_eq!(
            debounce.wait_until(at(3_600)),
            None,
            "nothing left to cover"
        );
        assert!(
            debounce.note(at(4_000)),
            "the next write starts a new timer"
        );
    }

    #[test]
    fn writes_that_keep_coming_still_get_a_warm_up() {
        let debounce = WarmDebounce::default();
        let t0 = Instant::now();
        let at = |millis: u64| t0 + Duration::from_millis(millis);
        debounce.note(t0);
        for millis in (500..=9_500).step_by(500) {
            debounce.note(at(millis));
            assert!(debounce.wait_until(at(millis)).is_some());
        }
        assert_eq!(
            debounce.wait_until(at(10_000)),
            None,
            "due the most after the first"
        );
    }
}
