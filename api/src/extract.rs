//! Request extractors that answer malformed input with a problem, never axum's plain-text
//! rejections.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

use crate::problem::Problem;

/// A positive 64-bit row id from the path (`/api/jobs/{id}`). `0`, `-1`, `2^63` and
/// `abc` are answered with 400 `invalid_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let invalid = || Problem::bad_request("invalid_id", "The id must be a positive integer.");
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| invalid())?;
        match raw.parse::<i64>() {
            Ok(id) if id > 0 => Ok(PathId(id)),
            _ => Err(invalid()),
        }
    }
}
