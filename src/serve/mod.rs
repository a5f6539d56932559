//! `annals serve`: the HTTP face of the library. This module owns the
//! router (a fixed set of routes: the embedded page and four JSON
//! endpoints), the translation of URL parameters into a `SearchRequest`,
//! the mapping of library errors to status codes, and the server's
//! guards: loopback by default, a deadline per search, panics caught,
//! CORS only for one origin asked for.
//!
//! Nothing is ever read from disk but the index: the page's files are
//! compiled into the binary, and any other path is a 404.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;

mod api;
mod errors;
mod page;
mod params;

use crate::error::{Error, Result};
use crate::search::Engine;
use crate::vocab::contract::Stats;
use errors::{ApiError, panic_response};

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

/// How to serve an index.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// `host:port`; port 0 lets the system pick one.
    pub addr: String,
    /// The one origin allowed to call the API from its pages.
    pub cors: Option<String>,
    /// Deadline of a search, the wait for a turn included.
    pub timeout: Duration,
    /// How the index is named to clients and in the log (not a path of the
    /// server's file system).
    pub index_label: String,
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

/// Serves `engine` until Ctrl-C (or SIGTERM), then lets requests in
/// flight finish.
pub fn run(engine: Engine, options: ServeOptions) -> Result<()> {
    let cors = options
        .cors
        .as_deref()
        .map(|origin| {
            HeaderValue::from_str(origin)
                .ok()
                .filter(|_| origin.starts_with("http://") || origin.starts_with("https://"))
                .ok_or_else(|| {
                    Error::bad_value(
                        "cors",
                        origin,
                        "expected an origin such as http://localhost:3000",
                    )
                })
        })
        .transpose()?;
    let state = Arc::new(AppState {
        engine,
        index_label: options.index_label,
        timeout: options.timeout,
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
        .route("/", get(page::page_html))
        .route("/app.js", get(page::page_js))
        .route("/style.css", get(page::page_css))
        .route("/api/search", get(api::search))
        .route("/api/stats", get(api::stats))
        .route("/api/health", get(api::health))
        .route("/api/facets", get(api::facets))
        .route("/api/context", get(api::context))
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

async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "no such page").into_response()
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
