//! Answers every aggregate view (dashboard, heatmap, forecast, ...) the same way: the
//! [`Aggregate`]'s JSON body from the aggregate cache (rendered on a miss, once however
//! many ask), tagged with the strong ETag of the body, and 304 for a matching
//! `If-None-Match`. The one place aggregate bodies are served.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use wt_analytics::{Aggregate, AnalyticsError};
use wt_runtime::aggregate_cache::Cached;

use crate::conditional::none_match_hit;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// Every aggregate answer: clients may keep it but must revalidate before each use.
const CACHE_CONTROL: &str = "private, no-cache";

/// The view's body with its ETag, or 304 when the client's copy is current.
pub async fn serve(
    state: &AppState,
    headers: &HeaderMap,
    aggregate: Aggregate,
) -> Result<Response, ApiError> {
    let render = || aggregate.render(&state.aggregates_db, &state.settings.utilization_bands);
    let cached = state
        .aggregates
        .get_or_compute(aggregate.kind(), &aggregate.cache_key(), render)
        .await
        .map_err(shared_problem)?;
    Ok(answer(headers, &cached))
}

/// A cached JSON body as the answer, with its ETag, or 304 when the client's copy is
/// current.
pub fn answer(headers: &HeaderMap, cached: &Cached) -> Response {
    let etag = cached.etag.clone();
    let mut response = if none_match_hit(headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = cached.body.clone();
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    let sent = response.headers_mut();
    sent.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        sent.insert(header::ETAG, value);
    }
    response
}

/// The failure of a computation, which every reader that waited for it shares: the
/// last one holding it gets the error itself, the others its description.
fn shared_problem(error: Arc<AnalyticsError>) -> ApiError {
    match Arc::try_unwrap(error) {
        Ok(error) => error.into(),
        Err(shared) => match &*shared {
            AnalyticsError::NotFound { what } => Problem::not_found(what).into(),
            other => ApiError::Internal(anyhow::anyhow!("{other}")),
        },
    }
}

impl From<AnalyticsError> for ApiError {
    fn from(error: AnalyticsError) -> Self {
        match error {
            AnalyticsError::NotFound { what } => Problem::not_found(what).into(),
            AnalyticsError::Database(error) => error.into(),
            other => ApiError::Internal(other.into()),
        }
    }
}
