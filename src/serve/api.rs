//! The JSON endpoints: `/api/search`, `/api/collocates`, `/api/keywords`,
//! `/api/context`, `/api/stats`, `/api/health` and `/api/facets`, each
//! answering a type of the contract.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::errors::{ApiError, json_response};
use super::{Shared, blocking, live, params};
use crate::error::Error;
use crate::search::{Engine, SearchRequest};
use crate::vocab::contract::{Health, SearchResult};
use crate::vocab::facets::DIMENSIONS;

pub async fn search(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let mut request = match params::parse_search(raw.as_deref().unwrap_or("")) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    // Past its deadline a search stops working, so that nobody's abandoned
    // search holds a worker the next request waits for.
    request.deadline = Some(std::time::Instant::now() + state.timeout);
    // The index as it is when the request arrives answers it whole, even
    // if a build publishes another meanwhile.
    let loaded = state.live.current();
    let answer = blocking(&state, move |_| {
        search_with_fallback(&loaded.engine, request)
    })
    .await;
    match answer {
        Ok(answer) => json_response(StatusCode::OK, &answer),
        Err(e) => e.into_response(),
    }
}

/// A query that does not parse is searched as plain words, and the answer's
/// `notice` says so: a page should show something for `Iran's "nuclear deal`.
fn search_with_fallback(
    engine: &Engine,
    mut request: SearchRequest,
) -> Result<SearchResult, ApiError> {
    match engine.search(&request) {
        Ok(result) => Ok(result),
        Err(err @ (Error::QuerySyntax { .. } | Error::BadQuery { .. })) if !request.plain => {
            let why = match &err {
                Error::QuerySyntax {
                    position, message, ..
                } => format!("query syntax error at position {position} ({message})"),
                other => other.to_string(),
            };
            request.plain = true;
            // Plain words fail only for reasons the original error states.
            let mut result = engine.search(&request).map_err(|_| ApiError::from(err))?;
            result.notice = Some(format!("{why}: searched for the words as plain text"));
            Ok(result)
        }
        Err(err) => Err(err.into()),
    }
}

/// `/api/collocates`: `annals collocates` over HTTP.
pub async fn collocates(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let mut request = match params::parse_collocates(raw.as_deref().unwrap_or("")) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    request.search.deadline = Some(std::time::Instant::now() + state.timeout);
    let loaded = state.live.current();
    let answer = blocking(&state, move |_| {
        loaded.engine.collocates(&request).map_err(ApiError::from)
    })
    .await;
    match answer {
        Ok(answer) => json_response(StatusCode::OK, &answer),
        Err(e) => e.into_response(),
    }
}

/// `/api/keywords`: `annals keywords` over HTTP.
pub async fn keywords(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let mut request = match params::parse_keywords(raw.as_deref().unwrap_or("")) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    request.search.deadline = Some(std::time::Instant::now() + state.timeout);
    let loaded = state.live.current();
    let answer = blocking(&state, move |_| {
        loaded.engine.keywords(&request).map_err(ApiError::from)
    })
    .await;
    match answer {
        Ok(answer) => json_response(StatusCode::OK, &answer),
        Err(e) => e.into_response(),
    }
}

/// `/api/context?source=…&line=…&context=N`: `annals show` over HTTP.
pub async fn context(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let asked = params::parse_context(raw.as_deref().unwrap_or(""));
    let (source, line, sentence, around) = match asked {
        Ok(asked) => asked,
        Err(e) => return e.into_response(),
    };
    let loaded = state.live.current();
    let answer = blocking(&state, move |_| {
        loaded
            .engine
            .context(&source, line, sentence, around)
            .map_err(ApiError::from)
    })
    .await;
    match answer {
        Ok(context) => json_response(StatusCode::OK, &context),
        Err(e) => e.into_response(),
    }
}

pub async fn stats(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    if raw.is_some_and(|r| !r.is_empty()) {
        return ApiError::bad_request("/api/stats takes no parameters").into_response();
    }
    let loaded = state.live.current();
    let answer = blocking(&state, move |s| {
        if let Some(stats) = loaded.stats.get() {
            return Ok(stats.clone());
        }
        let mut stats = loaded.engine.stats()?;
        // The index as clients know it, not where it is on the server.
        stats.index = s.index_label.clone();
        Ok(loaded.stats.get_or_init(|| stats).clone())
    })
    .await;
    match answer {
        Ok(stats) => json_response(StatusCode::OK, &stats),
        Err(e) => e.into_response(),
    }
}

pub async fn health(State(state): State<Shared>) -> Response {
    let loaded = state.live.current();
    json_response(
        StatusCode::OK,
        &Health {
            status: "ok",
            index: state.index_label.clone(),
            sentences: loaded.engine.searcher().num_docs(),
            version: env!("CARGO_PKG_VERSION"),
            generation: loaded.generation.clone(),
            built: live::rfc3339(loaded.built),
        },
    )
}

/// The registry, so the page builds its filters and facets from the same
/// definitions as everything else.
pub async fn facets() -> Response {
    json_response(StatusCode::OK, &DIMENSIONS)
}
