//! HTTP errors: a status and a contract `ErrorBody`, from the library's
//! errors (what was asked is wrong: 400; the index fails: 503; a panic:
//! 500), and the JSON answer helper.

use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::Error;
use crate::vocab::contract::ErrorBody;

/// An answer other than 200: a status and a `{"error": …}` body.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

/// Errors in what was asked are 400s; the index failing is 503 (the
/// server is up, the search is not). 500 is kept for panics.
impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        match err {
            Error::BadValue { .. } | Error::BadQuery { .. } | Error::BadLocation { .. } => {
                ApiError::bad_request(err.to_string())
            }
            Error::UnknownLocation { .. } => ApiError::new(StatusCode::NOT_FOUND, err.to_string()),
            Error::QuerySyntax {
                position, message, ..
            } => ApiError::bad_request(format!(
                "query syntax error at position {position}: {message}"
            )),
            other => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(
            self.status,
            &ErrorBody {
                error: self.message,
            },
        )
    }
}

pub fn json_response(status: StatusCode, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            Body::from(body),
        )
            .into_response(),
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error: the server failed on this request (please report it)",
    )
    .into_response()
}
