//! The read-only mode of a running restore: writes under `/api` (any method but GET,
//! HEAD and OPTIONS) answer 503 `read_only` with the restore's message while the flag
//! stands in Redis (see `wt_backup::read_only`). Signing in, refreshing and signing out
//! still work, so people can keep reading. When Redis cannot be asked, writes go
//! through: no restore can be running then, since a restore needs the flag in Redis and
//! stops before its swap when the flag is gone.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use wt_backup::read_only::ReadOnly;

use crate::problem::Problem;
use crate::state::AppState;

/// Writes that stay open: the session's own bookkeeping.
const ALWAYS_OPEN: [&str; 3] = ["/api/token", "/api/token/refresh", "/api/token/logout"];

/// Seconds a refused client is asked to wait.
const RETRY_AFTER: &str = "30";

fn is_write(request: &Request) -> bool {
    let path = request.uri().path().trim_end_matches('/');
    let read = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    !read && path.starts_with("/api/") && !ALWAYS_OPEN.contains(&path)
}

pub async fn refuse_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if !is_write(&request) {
        return next.run(request).await;
    }
    match ReadOnly::new(state.redis.clone(), state.namespace())
        .current()
        .await
    {
        Ok(Some(notice)) => {
            let problem =
                Problem::new(StatusCode::SERVICE_UNAVAILABLE, "read_only", notice.message);
            let mut response = problem.into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
            response
        }
        Ok(None) => next.run(request).await,
        Err(error) => {
            tracing::warn!(%error, "could not read the read-only flag; the write goes through");
            next.run(request).await
        }
    }
}
