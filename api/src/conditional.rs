//! Conditional requests: every resource carries a `version`, shown as its ETag. A GET
//! with a matching `If-None-Match` gets 304; a write with a stale `If-Match` gets 412 and
//! changes nothing.

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::problem::Problem;

/// The strong ETag of a row at `version`.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version an `If-Match` header asks for; `Err` when it is not an ETag of ours.
pub fn if_match(headers: &HeaderMap) -> Result<Option<i64>, Problem> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse::<i64>().ok())
        .map(Some)
        .ok_or_else(|| {
            Problem::bad_request(
                "invalid_if_match",
                "If-Match must be an ETag from this API.",
            )
        })
}

/// Whether `If-None-Match` already names `version` (or `*`).
fn not_modified(headers: &HeaderMap, version: i64) -> bool {
    none_match_hit(headers, &etag(version))
}

/// Whether `If-None-Match` already names the ETag `current` (quoted, as sent) or `*`.
pub fn none_match_hit(headers: &HeaderMap, current: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == "*" || tag == current)
}

/// 412: the row changed since the client read it.
pub fn precondition_failed() -> Problem {
    Problem::new(
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
        "Someone changed this meanwhile. Reload to see their change, then try again.",
    )
}

/// `body` with its ETag, or 304 when the client's copy is current.
pub fn fresh<T: Serialize>(headers: &HeaderMap, version: i64, body: T) -> Response {
    if not_modified(headers, version) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        set_etag(&mut response, version);
        return response;
    }
    tagged(version, body)
}

/// `body` with its ETag.
pub fn tagged<T: Serialize>(version: i64, body: T) -> Response {
    let mut response = Json(body).into_response();
    set_etag(&mut response, version);
    response
}

/// 201 with the new resource, its ETag and `Location`.
pub fn created<T: Serialize>(location: String, version: i64, body: T) -> Response {
    let mut response = tagged(version, body);
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

fn set_etag(response: &mut Response, version: i64) {
    if let Ok(value) = HeaderValue::from_str(&etag(version)) {
        response.headers_mut().insert(header::ETAG, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_match_in_all_their_spellings() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"3\", W/\"7\""),
        );
        assert!(not_modified(&headers, 7));
        assert!(!not_modified(&headers, 8));
        headers.insert(header::IF_MATCH, HeaderValue::from_static("W/\"12\""));
        assert_eq!(if_match(&headers).unwrap(), Some(12));
        headers.insert(header::IF_MATCH, HeaderValue::from_static("nonsense"));
        assert!(if_match(&headers).is_err());
    }
}
