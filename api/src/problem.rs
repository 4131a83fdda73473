//! Errors as `application/problem+json` (RFC 9457) with a stable `code`. Internal errors
//! are logged once, inside the request's span, and answered with an opaque 500: no stack
//! trace, SQL or file path ever reaches a client.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// One invalid field of a request body or query.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

/// A client-facing error (RFC 9457).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    kind: String,
    title: &'static str,
    #[serde(serialize_with = "serialize_status")]
    #[schema(value_type = u16)]
    status: StatusCode,
    detail: String,
    code: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldError>,
}

fn serialize_status<S: serde::Serializer>(status: &StatusCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u16(status.as_u16())
}

impl Problem {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            kind: format!("urn:workload-tracker:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error"),
            status,
            detail: detail.into(),
            code,
            errors: Vec::new(),
        }
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} was not found."),
        )
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status;
        let mut response = (status, Json(self)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

/// A handler's error: either a problem for the client, or an internal failure that is
/// logged and hidden.
#[derive(Debug)]
pub enum ApiError {
    Problem(Problem),
    /// The transaction was rolled back by a concurrent one (deadlock or serialisation
    /// failure): nothing was written, and running it again normally succeeds
    /// (see [`crate::contention::retry_contended`]).
    Contended(sqlx::Error),
    Internal(anyhow::Error),
}

impl From<Problem> for ApiError {
    fn from(problem: Problem) -> Self {
        ApiError::Problem(problem)
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError::from(wt_store::StoreError::from(error))
    }
}

impl From<wt_jobs::EnqueueError> for ApiError {
    fn from(error: wt_jobs::EnqueueError) -> Self {
        match error {
            wt_jobs::EnqueueError::Store(error) => error.into(),
            payload => ApiError::Internal(payload.into()),
        }
    }
}

/// What cannot fail, for the generic code that takes either.
impl From<std::convert::Infallible> for ApiError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl From<wt_store::StoreError> for ApiError {
    fn from(error: wt_store::StoreError) -> Self {
        match error {
            wt_store::StoreError::Contention(cause) => ApiError::Contended(cause),
            other => ApiError::Internal(other.into()),
        }
    }
}

/// The answer to anything that went wrong on our side.
pub fn internal_error() -> Problem {
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_error",
        "Something went wrong on the server. It has been logged; please try again.",
    )
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Problem(problem) => problem.into_response(),
            ApiError::Contended(cause) => {
                tracing::warn!(error = %cause, "write rolled back by a concurrent one");
                Problem::new(
                    StatusCode::CONFLICT,
                    "concurrent_write",
                    "This change collided with another one saved at the same moment and was not applied. Try again.",
                )
                .into_response()
            }
            ApiError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "internal error");
                internal_error().into_response()
            }
        }
    }
}

/// 429 with `Retry-After` in whole seconds (rounded up, at least 1).
pub fn too_many_requests(code: &'static str, detail: &str, wait: std::time::Duration) -> Response {
    let seconds = (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
    let problem = Problem::new(StatusCode::TOO_MANY_REQUESTS, code, detail);
    ([(header::RETRY_AFTER, seconds.to_string())], problem).into_response()
}

/// A refusal about one field: the same words as the problem's detail and next to the
/// field, so a form can show it in place.
pub fn field_problem(
    status: StatusCode,
    code: &'static str,
    field: &str,
    message: &str,
) -> ApiError {
    Problem::new(status, code, message)
        .with_errors(vec![FieldError::new(field, code, message)])
        .into()
}

/// 400 `validation_failed` listing each invalid field.
pub fn invalid_fields(errors: Vec<FieldError>) -> Problem {
    Problem::bad_request(
        "validation_failed",
        "Some fields are not valid; see the messages next to them.",
    )
    .with_errors(errors)
}

impl FieldError {
    pub fn new(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.to_owned(),
            code,
            message: message.into(),
        }
    }
}
