//! The refresh-token cookie of cookie mode: `HttpOnly` (scripts never see it), `Secure`
//! except in plain-http development, `SameSite=Lax`, and sent only to `/api/token`.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header};

pub const REFRESH_COOKIE: &str = "wt_refresh";
const COOKIE_PATH: &str = "/api/token";

fn attributes(debug: bool) -> String {
    let secure = if debug { "" } else { "; Secure" };
    format!("; Path={COOKIE_PATH}; HttpOnly; SameSite=Lax{secure}")
}

/// `Set-Cookie` carrying `token`, kept for `max_age` (the session's idle limit).
pub fn set(token: &str, max_age: Duration, debug: bool) -> HeaderValue {
    let value = format!(
        "{REFRESH_COOKIE}={token}; Max-Age={}{}",
        max_age.as_secs(),
        attributes(debug)
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| clear(debug))
}

/// `Set-Cookie` that removes the cookie.
pub fn clear(debug: bool) -> HeaderValue {
    let value = format!("{REFRESH_COOKIE}=; Max-Age=0{}", attributes(debug));
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

/// The refresh token from the request's cookies, if any.
pub fn read(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == REFRESH_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_flags_follow_the_mode() {
        let production = set("abc", Duration::from_secs(60), false);
        assert_eq!(
            production.to_str().unwrap(),
            "wt_refresh=abc; Max-Age=60; Path=/api/token; HttpOnly; SameSite=Lax; Secure"
        );
        let development = set("abc", Duration::from_secs(60), true);
        assert!(!development.to_str().unwrap().contains("Secure"));
    }

    #[test]
    fn the_refresh_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; wt_refresh=tok; b=2"),
        );
        assert_eq!(read(&headers).as_deref(), Some("tok"));
        headers.insert(header::COOKIE, HeaderValue::from_static("wt_refresh="));
        assert_eq!(read(&headers), None);
    }
}
