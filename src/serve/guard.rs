//! Who may ask, and how much: the access token, and the limits on what one
//! request may send.
//!
//! With a token, every route but `/api/health` needs it, either as
//! `Authorization: Bearer TOKEN` (scripts) or as the cookie that opening
//! `/?token=TOKEN` once sets (people, in a browser); the answer otherwise is
//! 401 with a JSON error. Tokens are compared in constant time.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::errors::ApiError;

/// The cookie `/?token=…` sets.
const COOKIE: &str = "annals_token";
/// Longest request target (path and query) accepted, in bytes; longer is
/// 414. Generous for a query of `MAX_Q_BYTES` escaped and its filters.
pub const MAX_URI_BYTES: usize = 16 * 1024;
/// Largest request body accepted (every route is a GET), in bytes; larger
/// is 413.
pub const MAX_BODY_BYTES: u64 = 16 * 1024;

/// The secret clients must show.
pub struct Token(String);

impl Token {
    pub fn new(secret: String) -> Token {
        Token(secret)
    }

    fn matches(&self, given: &str) -> bool {
        constant_time_eq(self.0.as_bytes(), given.as_bytes())
    }
}

/// Equal bytes, in a time that depends on the lengths only, not on where
/// the first difference is: every byte pair is XORed and the differences
/// ORed together, with no early exit, so timing tells an attacker nothing
/// about how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

fn unauthorized(message: &str) -> Response {
    let mut response = ApiError::new(StatusCode::UNAUTHORIZED, message).into_response();
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// Lets through requests that show the token (and `/api/health`).
pub async fn require_token(
    State(token): State<Arc<Token>>,
    request: Request,
    next: Next,
) -> Response {
    // The health check is for monitors; a CORS preflight carries no
    // credentials by design (the request it clears will).
    if request.uri().path() == "/api/health" || request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    // `/?token=…`: a browser's way in. The token goes into a cookie and out
    // of the address bar (and out of the history).
    if request.uri().path() == "/"
        && let Some(query) = request.uri().query()
    {
        let mut given = None;
        let mut rest = form_urlencoded::Serializer::new(String::new());
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            if name == "token" {
                given = Some(value.into_owned());
            } else {
                rest.append_pair(&name, &value);
            }
        }
        if let Some(given) = given {
            if !token.matches(&given) {
                return unauthorized("wrong token");
            }
            let rest = rest.finish();
            let location = if rest.is_empty() {
                "/".to_string()
            } else {
                format!("/?{rest}")
            };
            let cookie = format!("{COOKIE}={given}; Path=/; HttpOnly; SameSite=Strict");
            let (Ok(location), Ok(cookie)) = (
                HeaderValue::from_str(&location),
                HeaderValue::from_str(&cookie),
            ) else {
                return unauthorized("wrong token");
            };
            return (
                StatusCode::SEE_OTHER,
                [(header::LOCATION, location), (header::SET_COOKIE, cookie)],
            )
                .into_response();
        }
    }
    let headers = request.headers();
    let bearer = headers
        .get_all(header::AUTHORIZATION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .any(|t| token.matches(t));
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name == COOKIE && token.matches(value));
    if bearer || cookie {
        return next.run(request).await;
    }
    let shown = headers.contains_key(header::AUTHORIZATION)
        || headers
            .get_all(header::COOKIE)
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.contains(COOKIE)));
    unauthorized(if shown {
        "wrong token"
    } else {
        "this server needs a token: send the header Authorization: Bearer TOKEN, or open /?token=TOKEN in a browser"
    })
}

/// Refuses requests too large to be searches: a long target (414) or a
/// body (413). Headers too large are refused by the HTTP layer (431).
pub async fn limit_size(request: Request, next: Next) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if target > MAX_URI_BYTES {
        return ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the address is {target} bytes long, more than the {MAX_URI_BYTES} accepted"),
        )
        .into_response();
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let chunked = request.headers().contains_key(header::TRANSFER_ENCODING);
    if chunked || declared.is_some_and(|n| n > MAX_BODY_BYTES) {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("requests carry no body here (at most {MAX_BODY_BYTES} bytes)"),
        )
        .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secre"));
        assert!(!constant_time_eq(b"", b"x"));
    }
}
