//! Request extractors that answer malformed input with a problem, never axum's plain-text
//! rejections: ids in paths, JSON bodies, query strings, pagination, and the client's
//! address.

use std::net::{IpAddr, SocketAddr};

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, Uri};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::problem::Problem;
use crate::state::AppState;

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

/// A JSON body of type `T`; anything else is a 400 (or 413/415) problem naming the issue.
#[derive(Debug, Clone)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(JsonBody(value)),
            Err(rejection) => Err(json_problem(&rejection)),
        }
    }
}

fn json_problem(rejection: &JsonRejection) -> Problem {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the body as application/json.",
        ),
        JsonRejection::JsonDataError(error) => {
            Problem::bad_request("invalid_body", error.body_text())
        }
        JsonRejection::JsonSyntaxError(_) => {
            Problem::bad_request("invalid_json", "The body is not valid JSON.")
        }
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            "The request body is too large.",
        ),
        _ => Problem::bad_request("invalid_body", "The request body could not be read."),
    }
}

/// Query parameters of type `T`; a bad one is a 400 `invalid_query` problem.
#[derive(Debug, Clone)]
pub struct QueryParams<T>(pub T);

impl<T: DeserializeOwned> QueryParams<T> {
    /// The parameters of `uri`'s query, or the 400 that refuses them.
    pub fn from_uri(uri: &Uri) -> Result<Self, Problem> {
        Query::<T>::try_from_uri(uri)
            .map(|Query(value)| QueryParams(value))
            .map_err(|rejection: QueryRejection| {
                tracing::debug!(%rejection, "query refused");
                Problem::bad_request(
                    "invalid_query",
                    "A query parameter has a value this list does not accept.",
                )
            })
    }
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryParams<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Self::from_uri(&parts.uri)
    }
}

/// For PATCH fields where `null` means "clear it" and absence means "leave it": use with
/// `#[serde(default, deserialize_with = "nullable")]` on an `Option<Option<T>>`.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Largest page a list answers; larger requests are clamped, as the API contract says.
pub const MAX_PAGE_SIZE: i64 = 500;

/// `?page=1&pageSize=100`, clamped to sane bounds.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<u64>,
    pub page_size: Option<u64>,
}

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub page: i64,
    pub page_size: i64,
}

impl PageQuery {
    pub fn page(&self, default_size: i64) -> Page {
        let page_size = self
            .page_size
            .map_or(default_size, |size| {
                i64::try_from(size).unwrap_or(MAX_PAGE_SIZE)
            })
            .clamp(1, MAX_PAGE_SIZE);
        // Pages past this would skip more rows than any table here holds.
        let page = self
            .page
            .map_or(1, |page| i64::try_from(page).unwrap_or(1_000_000))
            .clamp(1, 1_000_000);
        Page { page, page_size }
    }
}

impl Page {
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.page_size
    }
}

/// The client's address: the connection's peer, or, when the peer is one of
/// `TRUSTED_PROXIES`, the address the proxies recorded in `X-Forwarded-For` (see
/// `TrustedProxies::client_address`). `None` when there is no socket (in-process tests).
/// Every per-client limit and log uses this, never the raw header.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            return Ok(ClientIp(None));
        };
        // A header that is not text cannot be read, so it is not believed either.
        let forwarded_for: Option<Vec<&str>> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .map(|value| value.to_str().ok())
            .collect();
        let proxies = &state.settings.trusted_proxies;
        if forwarded_for
            .as_ref()
            .is_some_and(|values| !values.is_empty())
            && !proxies.trusts(peer.ip())
        {
            warn_once_untrusted_forwarding(peer.ip());
        }
        let client = match forwarded_for {
            Some(values) => proxies.client_address(peer.ip(), values),
            None => peer.ip().to_canonical(),
        };
        Ok(ClientIp(Some(client)))
    }
}

/// Says once per process that a forwarded header was ignored: behind a proxy missing
/// from `TRUSTED_PROXIES`, every client would share the proxy's limits.
fn warn_once_untrusted_forwarding(peer: IpAddr) {
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        tracing::warn!(
            %peer,
            "X-Forwarded-For ignored: the peer is not in TRUSTED_PROXIES (name your proxy \
             there, or every client behind it shares one rate limit)"
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_clamped() {
        let huge = PageQuery {
            page: Some(0),
            page_size: Some(1_000_000),
        };
        assert_eq!(
            huge.page(100),
            Page {
                page: 1,
                page_size: 500
            }
        );
        let default = PageQuery {
            page: None,
            page_size: None,
        };
        assert_eq!(default.page(50).offset(), 0);
        let third = PageQuery {
            page: Some(3),
            page_size: Some(20),
        };
        assert_eq!(third.page(100).offset(), 40);
    }
}
