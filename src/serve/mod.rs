//! `annals serve`: the HTTP face of the library. This module owns the
//! router (a fixed set of routes: the embedded page and three JSON
//! endpoints), the translation of URL parameters into a `SearchRequest`,
//! the mapping of library errors to status codes, and the server's
//! guards: loopback by default, a deadline per search, panics caught,
//! CORS only for one origin asked for.
//!
//! Nothing is ever read from disk but the index: the page's files are
//! compiled into the binary, and any other path is a 404.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, RawQuery, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;

use crate::app;
use crate::error::{Error, Result};
use crate::search::{Engine, FacetKind, MAX_LIMIT, SearchRequest, SearchResult, Sort, Stats};

/// Longest `q` accepted, in bytes: far more than anyone types or pastes as
/// a question, far less than what would make parsing the expensive part.
pub const MAX_Q_BYTES: usize = 2_000;
/// Largest page (`limit`) and facet list (`facet_limit`) over HTTP. Lower
/// than the command line's: one request must not tie up the server
/// rendering ten thousand hits.
pub const MAX_PAGE: usize = 1_000;
/// Threads for index work. Searches past their deadline cannot be stopped
/// and keep theirs until they finish; the cap keeps them from piling up.
const MAX_BLOCKING_THREADS: usize = 64;

/// What `annals serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub index: PathBuf,
    /// `host:port`; port 0 lets the system pick one.
    pub addr: String,
    /// The one origin allowed to call the API from its pages.
    pub cors: Option<String>,
    /// Deadline of a search, in seconds.
    pub timeout_secs: f64,
}

struct AppState {
    engine: Engine,
    index_label: String,
    timeout: Duration,
    /// The index never changes under a running server (a rebuild writes a
    /// new generation, which the next start picks up), so stats are
    /// computed once.
    stats: OnceLock<Stats>,
    /// One search per core at a time: more would only share the cores and
    /// stretch every answer, while a queue in order of arrival keeps the
    /// slowest answers close to the average.
    permits: Arc<Semaphore>,
}

type Shared = Arc<AppState>;

/// Runs the server until Ctrl-C (or SIGTERM), then lets requests in
/// flight finish.
pub fn run(options: ServeOptions) -> Result<()> {
    let timeout = Duration::try_from_secs_f64(options.timeout_secs).map_err(|_| {
        Error::bad_argument(
            "--timeout",
            options.timeout_secs.to_string(),
            "expected a number of seconds, 0 or more",
        )
    })?;
    let cors = options
        .cors
        .as_deref()
        .map(|origin| {
            HeaderValue::from_str(origin)
                .ok()
                .filter(|_| origin.starts_with("http://") || origin.starts_with("https://"))
                .ok_or_else(|| {
                    Error::bad_argument(
                        "--cors",
                        origin,
                        "expected an origin such as http://localhost:3000",
                    )
                })
        })
        .transpose()?;

    // As `annals query` does: a first run on a fresh clone just works.
    let index = options.index.as_path();
    app::build_default_index_if_missing(index)?;
    let engine = Engine::open(index)?;
    let state = Arc::new(AppState {
        engine,
        index_label: format!("{}/", index.display().to_string().trim_end_matches('/')),
        timeout,
        stats: OnceLock::new(),
        permits: Arc::new(Semaphore::new(
            std::thread::available_parallelism().map_or(2, |n| n.get()),
        )),
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .build()
        .map_err(|e| Error::io("<tokio runtime>", e))?;
    runtime.block_on(serve(state, &options.addr, cors))
}

async fn serve(state: Shared, addr: &str, cors: Option<HeaderValue>) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Error::io(addr, e))?;
    let bound = listener.local_addr().map_err(|e| Error::io(addr, e))?;
    if !bound.ip().is_loopback() {
        eprintln!(
            "annals: warning: listening on {bound}, not on loopback: anyone who can reach this machine can search the index"
        );
    }
    eprintln!("annals: serving {} on http://{bound}", state.index_label);
    let app = router(state, cors);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| Error::io(bound.to_string(), e))?;
    eprintln!("annals: stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    eprintln!("annals: shutting down: finishing requests in flight");
}

fn router(state: Shared, cors: Option<HeaderValue>) -> Router {
    let mut app = Router::new()
        .route("/", get(page_html))
        .route("/app.js", get(page_js))
        .route("/style.css", get(page_css))
        .route("/api/search", get(search))
        .route("/api/stats", get(stats))
        .route("/api/health", get(health))
        .fallback(not_found)
        .with_state(state)
        .layer(CatchPanicLayer::custom(panic_response));
    if let Some(origin) = cors {
        app = app.layer(
            CorsLayer::new()
                .allow_origin(origin)
                .allow_methods([Method::GET, Method::HEAD]),
        );
    }
    app.layer(middleware::from_fn(access_log))
}

/// One line per request on stderr: who, what, status, how long.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "-".into());
    let method = request.method().clone();
    let uri = request.uri().clone();
    let response = next.run(request).await;
    eprintln!(
        "annals: {peer} {method} {uri} {} {:.1}ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

// ---- the page ----

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const STYLE_CSS: &str = include_str!("assets/style.css");

/// The page loads nothing but its own two files and the API.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_SECURITY_POLICY, CSP),
        ],
        body,
    )
        .into_response()
}

async fn page_html() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

async fn page_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

async fn page_css() -> Response {
    asset("text/css; charset=utf-8", STYLE_CSS)
}

async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "no such page").into_response()
}

// ---- errors ----

/// An answer other than 200: a status and a `{"error": …}` body.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

/// Errors in what was asked are 400s; the index failing is 503 (the
/// server is up, the search is not). 500 is kept for panics.
impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        match err {
            Error::BadArgument {
                flag,
                value,
                message,
            } => ApiError::bad_request(format!(
                "invalid {} value {value:?}: {}",
                flag.trim_start_matches("--"),
                message.replace("--", "")
            )),
            Error::BadQuery { .. } => ApiError::bad_request(err.to_string()),
            Error::QuerySyntax {
                position, message, ..
            } => ApiError::bad_request(format!(
                "query syntax error at position {position}: {message}"
            )),
            other => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, other.to_string()),
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(
            self.status,
            &ErrorBody {
                error: &self.message,
            },
        )
    }
}

fn json_response(status: StatusCode, value: &impl Serialize) -> Response {
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

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error: the server failed on this request (please report it)",
    )
    .into_response()
}

/// Runs blocking index work off the async threads, within the deadline
/// (which counts the wait for a turn).
async fn blocking<T: Send + 'static>(
    state: &Shared,
    work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let deadline = tokio::time::Instant::now() + state.timeout;
    let shared = Arc::clone(state);
    let permits = Arc::clone(&state.permits);
    let task = async move {
        let permit = permits.acquire_owned().await;
        tokio::task::spawn_blocking(move || {
            // The permit goes with the work, so a search past its deadline
            // still holds its turn until it ends.
            let _permit = permit;
            // Under overload, requests that waited out their deadline in
            // the queue are not searched at all.
            if Instant::now() >= deadline.into_std() {
                return Err(timed_out(shared.timeout));
            }
            work(&shared)
        })
        .await
    };
    match tokio::time::timeout_at(deadline, task).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(join)) if join.is_panic() => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error: the search failed on this request (please report it)",
        )),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is shutting down",
        )),
        Err(_) => Err(timed_out(state.timeout)),
    }
}

fn timed_out(timeout: Duration) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the search took longer than {:.1} s: narrow it with filters or a smaller limit",
            timeout.as_secs_f64()
        ),
    )
}

// ---- the API ----

/// A search answer: exactly `annals query --format json`, plus a notice
/// when the query was read otherwise than as typed.
#[derive(Serialize)]
struct SearchAnswer {
    #[serde(flatten)]
    result: SearchResult,
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<String>,
}

async fn search(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let request = match parse_search(raw.as_deref().unwrap_or("")) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let answer = blocking(&state, move |s| search_with_fallback(&s.engine, request)).await;
    match answer {
        Ok(answer) => json_response(StatusCode::OK, &answer),
        Err(e) => e.into_response(),
    }
}

/// A query that does not parse is searched as plain words, and the answer
/// says so: a page should show something for `Iran's "nuclear deal`.
fn search_with_fallback(
    engine: &Engine,
    mut request: SearchRequest,
) -> Result<SearchAnswer, ApiError> {
    match engine.search(&request) {
        Ok(result) => Ok(SearchAnswer {
            result,
            notice: None,
        }),
        Err(err @ (Error::QuerySyntax { .. } | Error::BadQuery { .. })) if !request.plain => {
            let why = match &err {
                Error::QuerySyntax {
                    position, message, ..
                } => format!("query syntax error at position {position} ({message})"),
                other => other.to_string(),
            };
            request.plain = true;
            // Plain words fail only for reasons the original error states.
            let result = engine.search(&request).map_err(|_| ApiError::from(err))?;
            Ok(SearchAnswer {
                result,
                notice: Some(format!("{why}: searched for the words as plain text")),
            })
        }
        Err(err) => Err(err.into()),
    }
}

/// The parameters `/api/search` knows, as the query flags are named.
const SEARCH_PARAMS: &[&str] = &[
    "q",
    "limit",
    "offset",
    "facet",
    "facet_limit",
    "year",
    "date",
    "country",
    "person",
    "org",
    "place",
    "source",
    "sort",
    "plain",
    "all",
    "group_by",
];

/// URL parameters → a request, with the command line's rules: filters
/// repeat (OR within one, AND across), facets repeat or take commas.
fn parse_search(raw: &str) -> Result<SearchRequest, ApiError> {
    let mut request = SearchRequest::default();
    let mut facets = Vec::new();
    let mut seen_q = false;
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        let value = value.into_owned();
        let filter = match key.as_ref() {
            "q" => {
                if seen_q {
                    return Err(ApiError::bad_request("q given more than once"));
                }
                seen_q = true;
                if value.len() > MAX_Q_BYTES {
                    return Err(ApiError::bad_request(format!(
                        "invalid query: q is {} bytes long; at most {MAX_Q_BYTES} are accepted",
                        value.len()
                    )));
                }
                request.query = value;
                continue;
            }
            "limit" => {
                request.limit = page_size("limit", &value)?;
                continue;
            }
            "facet_limit" => {
                request.facet_limit = page_size("facet_limit", &value)?;
                continue;
            }
            "offset" => {
                request.offset = number("offset", &value)?;
                continue;
            }
            "facet" => {
                facets.push(value);
                continue;
            }
            "sort" => {
                request.sort = Sort::parse(&value).map_err(ApiError::from)?;
                continue;
            }
            "plain" => {
                request.plain = flag("plain", &value)?;
                continue;
            }
            "all" => {
                request.all = flag("all", &value)?;
                continue;
            }
            "group_by" => {
                request.group_by_doc = match value.as_str() {
                    "doc" => true,
                    "" | "none" => false,
                    _ => {
                        return Err(ApiError::bad_request(format!(
                            "invalid group_by value {value:?}: expected doc"
                        )));
                    }
                };
                continue;
            }
            "year" => &mut request.years,
            "date" => &mut request.dates,
            "country" => &mut request.countries,
            "person" => &mut request.persons,
            "org" => &mut request.orgs,
            "place" => &mut request.places,
            "source" => &mut request.sources,
            other => {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {other:?}; parameters: {}",
                    SEARCH_PARAMS.join(", ")
                )));
            }
        };
        // An empty form field is no filter, not an empty one.
        if !value.trim().is_empty() {
            filter.push(value);
        }
    }
    request.facets = FacetKind::parse_list(&facets).map_err(ApiError::from)?;
    Ok(request)
}

fn number(name: &str, value: &str) -> Result<usize, ApiError> {
    value.trim().parse().map_err(|_| {
        ApiError::bad_request(format!(
            "invalid {name} value {value:?}: expected a whole number, 0 or more"
        ))
    })
}

fn page_size(name: &str, value: &str) -> Result<usize, ApiError> {
    let n = number(name, value)?;
    if n > MAX_PAGE.min(MAX_LIMIT) {
        return Err(ApiError::bad_request(format!(
            "invalid {name} value {value:?}: at most {} here; page with offset",
            MAX_PAGE.min(MAX_LIMIT)
        )));
    }
    Ok(n)
}

/// `plain`, `plain=1`, `plain=true` turn a switch on, as a checkbox does.
fn flag(name: &str, value: &str) -> Result<bool, ApiError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "on" | "yes" => Ok(true),
        "0" | "false" | "off" | "no" => Ok(false),
        _ => Err(ApiError::bad_request(format!(
            "invalid {name} value {value:?}: expected true or false"
        ))),
    }
}

async fn stats(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    if raw.is_some_and(|r| !r.is_empty()) {
        return ApiError::bad_request("/api/stats takes no parameters").into_response();
    }
    let answer = blocking(&state, |s| {
        if let Some(stats) = s.stats.get() {
            return Ok(stats.clone());
        }
        let stats = s.engine.stats()?;
        Ok(s.stats.get_or_init(|| stats).clone())
    })
    .await;
    match answer {
        Ok(stats) => json_response(StatusCode::OK, &stats),
        Err(e) => e.into_response(),
    }
}

#[derive(Serialize)]
struct Health<'a> {
    status: &'a str,
    index: &'a str,
    sentences: u64,
    version: &'a str,
}

async fn health(State(state): State<Shared>) -> Response {
    json_response(
        StatusCode::OK,
        &Health {
            status: "ok",
            index: &state.index_label,
            sentences: state.engine.searcher().num_docs(),
            version: env!("CARGO_PKG_VERSION"),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_map_to_the_request() {
        let r = parse_search(
            "q=Baku&limit=5&offset=10&facet=year,country&facet=person&year=1990s&year=2001..&country=IR&sort=-date&plain&group_by=doc",
        )
        .unwrap();
        assert_eq!(r.query, "Baku");
        assert_eq!((r.limit, r.offset), (5, 10));
        assert_eq!(
            r.facets,
            vec![FacetKind::Year, FacetKind::Country, FacetKind::Person]
        );
        assert_eq!(r.years, vec!["1990s", "2001.."]);
        assert_eq!(r.countries, vec!["IR"]);
        assert_eq!(r.sort, Sort::DateDesc);
        assert!(r.plain && r.group_by_doc && !r.all);
    }

    #[test]
    fn encoded_values_and_empty_filters() {
        let r = parse_search("q=%22nuclear+deal%22&year=19th%20century&country=").unwrap();
        assert_eq!(r.query, "\"nuclear deal\"");
        assert_eq!(r.years, vec!["19th century"]);
        assert!(r.countries.is_empty());
    }

    #[test]
    fn bad_parameters_are_400s_with_a_message() {
        for raw in [
            "limit=100000",
            "limit=-1",
            "offset=x",
            "facet=colour",
            "sort=up",
            "plain=maybe",
            "group_by=year",
            "colour=red",
            "q=a&q=b",
        ] {
            let err = parse_search(raw).unwrap_err();
            assert_eq!(err.status, StatusCode::BAD_REQUEST, "{raw}");
            assert!(!err.message.is_empty());
        }
        let long = format!("q={}", "a".repeat(MAX_Q_BYTES + 1));
        assert_eq!(
            parse_search(&long).unwrap_err().status,
            StatusCode::BAD_REQUEST
        );
        let msg = parse_search("facet=colour").unwrap_err().message;
        assert!(msg.contains("valid facets"), "{msg}");
    }
}
