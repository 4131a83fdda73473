//! Answers every aggregate view (dashboard, heatmap, forecast, ...) the same way: render
//! the [`Aggregate`] to its JSON body, tag it with a strong ETag made from the body, and
//! answer a matching `If-None-Match` with 304. The one place aggregate bodies are made,
//! so a cache keyed by [`Aggregate::cache_key`] belongs here.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use wt_analytics::{Aggregate, AnalyticsError};

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
    let body = aggregate
        .render(&state.db, &state.settings.utilization_bands)
        .await
        .map_err(problem)?;
    let etag = etag_of(&body);
    let mut response = if none_match_hit(headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    let answer = response.headers_mut();
    answer.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        answer.insert(header::ETAG, value);
    }
    Ok(response)
}

/// A strong ETag of the body: the first 16 bytes of its SHA-256, in hex, quoted.
fn etag_of(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

fn problem(error: AnalyticsError) -> ApiError {
    match error {
        AnalyticsError::NotFound { what } => Problem::not_found(what).into(),
        AnalyticsError::Database(error) => error.into(),
        other => ApiError::Internal(other.into()),
    }
}
