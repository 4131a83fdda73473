//! `Prefer: wait=N` (RFC 7240): the client would rather wait up to N seconds (at most 10)
//! for the job it started or asks about than poll.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use crate::job_watch::MAX_WAIT;

pub struct Prefer;

impl Prefer {
    /// The wait the request asks for, capped; `None` without a `wait` preference.
    pub fn wait(headers: &HeaderMap) -> Option<Duration> {
        headers
            .get_all(header::HeaderName::from_static("prefer"))
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split([',', ';']))
            .filter_map(|preference| {
                let (name, value) = preference.split_once('=')?;
                (name.trim().eq_ignore_ascii_case("wait")).then(|| value.trim().trim_matches('"'))
            })
            .find_map(|seconds| seconds.parse::<u64>().ok())
            .map(|seconds| Duration::from_secs(seconds).min(MAX_WAIT))
    }

    /// Says in the answer that the wait was honoured.
    pub fn applied(response: &mut Response, wait: Duration) {
        if let Ok(value) = HeaderValue::from_str(&format!("wait={}", wait.as_secs())) {
            response.headers_mut().insert("preference-applied", value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_of(value: &str) -> Option<Duration> {
        let mut headers = HeaderMap::new();
        headers.insert("prefer", HeaderValue::from_str(value).unwrap());
        Prefer::wait(&headers)
    }

    #[test]
    fn the_wait_is_read_and_capped() {
        assert_eq!(wait_of("wait=5"), Some(Duration::from_secs(5)));
        assert_eq!(
            wait_of("respond-async, wait=3"),
            Some(Duration::from_secs(3))
        );
        assert_eq!(wait_of("Wait = \"2\""), Some(Duration::from_secs(2)));
        assert_eq!(wait_of("wait=600"), Some(MAX_WAIT));
        assert_eq!(wait_of("wait=soon"), None);
        assert_eq!(wait_of("return=minimal"), None);
        assert_eq!(Prefer::wait(&HeaderMap::new()), None);
    }
}
