//! The JSON endpoints: `/api/search`, `/api/trend`, `/api/collocates`,
//! `/api/keywords`, `/api/context`, `/api/stats`, `/api/health` and
//! `/api/facets`, each answering a type of the contract, and
//! `/api/export`, every hit of a search streamed as CSV or JSON Lines.

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::backend::Reader;
use super::errors::{ApiError, json_response};
use super::params::ExportKind;
use super::{Shared, blocking, params};
use crate::error::Error;
use crate::render;
use crate::search::{RenderHit, SearchRequest};
use crate::vocab::contract::SearchResult;
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
    let reader = state.backend.reader();
    let answer = blocking(&state, move |_| search_with_fallback(&reader, request)).await;
    match answer {
        Ok(answer) => json_response(StatusCode::OK, &answer),
        Err(e) => e.into_response(),
    }
}

/// A query that does not parse is searched as plain words, and the answer's
/// `notice` says so: a page should show something for `Iran's "nuclear deal`.
fn search_with_fallback(
    reader: &Reader,
    mut request: SearchRequest,
) -> Result<SearchResult, ApiError> {
    match reader.search(&request) {
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
            let mut result = reader.search(&request).map_err(|_| ApiError::from(err))?;
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
    let reader = state.backend.reader();
    let answer = blocking(&state, move |_| {
        let loaded = reader.local("collocates")?;
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
    let reader = state.backend.reader();
    let answer = blocking(&state, move |_| {
        let loaded = reader.local("key terms")?;
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
    let request = match params::parse_context(raw.as_deref().unwrap_or("")) {
        Ok(request) => request,
        Err(e) => return e.into_response(),
    };
    let reader = state.backend.reader();
    let answer = blocking(&state, move |_| {
        reader.context(&request).map_err(ApiError::from)
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
    let reader = state.backend.reader();
    // The index as clients know it, not where it is on the server.
    let answer = blocking(&state, move |s| Ok(reader.stats(&s.index_label)?)).await;
    match answer {
        Ok(stats) => json_response(StatusCode::OK, &stats),
        Err(e) => e.into_response(),
    }
}

pub async fn health(State(state): State<Shared>) -> Response {
    let reader = state.backend.reader();
    let label = state.index_label.clone();
    // Not behind the searches' permits: a busy server is still alive.
    match tokio::task::spawn_blocking(move || reader.health(&label)).await {
        Ok(Ok(health)) => json_response(StatusCode::OK, &health),
        Ok(Err(e)) => ApiError::from(e).into_response(),
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is shutting down",
        )
        .into_response(),
    }
}

/// `/api/trend?q=…&q=…&by=…`: `annals trend --format json` over HTTP, or
/// with `format=csv` its CSV as a download.
pub async fn trend(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let (mut request, csv) = match params::parse_trend(raw.as_deref().unwrap_or("")) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    request.base.deadline = Some(std::time::Instant::now() + state.timeout);
    let reader = state.backend.reader();
    let answer = blocking(&state, move |_| {
        reader.trend(&request).map_err(ApiError::from)
    })
    .await;
    match answer {
        Ok(trend) if csv => {
            let mut body = Vec::new();
            let _ = render::trend_csv(&trend, &mut body);
            (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"annals-trend-by-{}.csv\"", trend.by),
                    ),
                ],
                body,
            )
                .into_response()
        }
        Ok(trend) => json_response(StatusCode::OK, &trend),
        Err(e) => e.into_response(),
    }
}

/// Rows of an export handed from the search thread to the response, a
/// bounded number at a time: a slow client slows the export, not memory.
const EXPORT_CHUNKS: usize = 16;
/// Bytes gathered before a chunk is sent.
const EXPORT_CHUNK_BYTES: usize = 64 * 1024;

/// `/api/export?q=…&format=csv|jsonl`: every hit (or up to `limit`) as a
/// download, streamed as it is read. A query that fails is an error
/// answer; one that fails midway ends the download early.
pub async fn export(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let (request, kind) = match params::parse_export(raw.as_deref().unwrap_or("")) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let name = export_name(&request.query, kind);
    let reader = state.backend.reader();
    let (sender, mut receiver) =
        tokio::sync::mpsc::channel::<Result<Vec<u8>, ApiError>>(EXPORT_CHUNKS);
    let permits = std::sync::Arc::clone(&state.permits);
    tokio::spawn(async move {
        let Ok(permit) = permits.acquire_owned().await else {
            return;
        };
        let _ = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut buffer = Vec::with_capacity(EXPORT_CHUNK_BYTES);
            if kind == ExportKind::Csv {
                let _ = render::csv_header(&render::hit_columns(), &mut buffer);
            }
            let gone = || Error::BadQuery {
                message: "the download was closed".into(),
            };
            let render: &RenderHit = match kind {
                ExportKind::Csv => &render::hit_csv,
                ExportKind::Jsonl => &render::hit_jsonl,
            };
            let outcome = reader.export(&request, render, &mut |row| {
                buffer.extend_from_slice(row);
                if buffer.len() >= EXPORT_CHUNK_BYTES {
                    let chunk =
                        std::mem::replace(&mut buffer, Vec::with_capacity(EXPORT_CHUNK_BYTES));
                    sender.blocking_send(Ok(chunk)).map_err(|_| gone())?;
                }
                Ok(())
            });
            let last = match outcome {
                Ok(_) => Ok(buffer),
                Err(e) => Err(ApiError::from(e)),
            };
            let _ = sender.blocking_send(last);
        })
        .await;
    });
    // The first chunk decides the status: an error before any row is an
    // error answer.
    let first = match receiver.recv().await {
        Some(Ok(chunk)) => chunk,
        Some(Err(e)) => return e.into_response(),
        None => {
            return ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the export did not start")
                .into_response();
        }
    };
    let rest = futures_util::stream::unfold(receiver, |mut receiver| async move {
        match receiver.recv().await {
            Some(Ok(chunk)) => Some((Ok(chunk), receiver)),
            Some(Err(e)) => Some((Err(std::io::Error::other(e.message)), receiver)),
            None => None,
        }
    });
    let body = futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) });
    let content_type = match kind {
        ExportKind::Csv => "text/csv; charset=utf-8",
        ExportKind::Jsonl => "application/x-ndjson",
    };
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        Body::from_stream(futures_util::StreamExt::chain(body, rest)),
    )
        .into_response()
}

/// `annals-apartheid.csv`: the query's words, for a file name.
fn export_name(query: &str, kind: ExportKind) -> String {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    let stem = if words.is_empty() {
        "all".to_string()
    } else {
        words.join("-")
    };
    let stem: String = stem.chars().filter(char::is_ascii).take(60).collect();
    let stem = if stem.is_empty() { "hits".into() } else { stem };
    let extension = match kind {
        ExportKind::Csv => "csv",
        ExportKind::Jsonl => "jsonl",
    };
    format!("annals-{stem}.{extension}")
}

/// The registry, so the page builds its filters and facets from the same
/// definitions as everything else.
pub async fn facets() -> Response {
    json_response(StatusCode::OK, &DIMENSIONS)
}
