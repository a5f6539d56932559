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
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;

mod api;
mod backend;
mod errors;
mod guard;
mod live;
mod page;
mod params;

pub use backend::Backend;
pub use live::Live;

use crate::error::{Error, Result};
use errors::{ApiError, panic_response};
use guard::Token;

/// Longest `q` accepted, in bytes: far more than anyone types or pastes as
/// a question, far less than what would make parsing the expensive part.
pub const MAX_Q_BYTES: usize = 2_000;
/// Largest page (`limit`) and facet list (`facet_limit`) over HTTP. Lower
/// than the command line's: one request must not tie up the server
/// rendering ten thousand hits.
pub const MAX_PAGE: usize = 1_000;
/// Deepest page over HTTP: `offset + limit` at most this. Ranking that deep
/// holds every hit before the page in memory; the command line pages
/// further, and exports.
pub const MAX_HTTP_OFFSET: usize = 100_000;
/// Threads for index work. A search past its deadline gives its thread back
/// within a block of documents or one hit or facet value; the cap bounds
/// what is left (statistics, context) from piling up.
const MAX_BLOCKING_THREADS: usize = 64;
/// Open connections at most; one more is answered 503 and closed.
pub const MAX_CONNECTIONS: usize = 256;
/// Time a client has to send a request's headers, from connecting or from
/// the previous answer on a kept-alive connection; then it is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request head (request line and headers) read, in bytes; more is
/// answered 431.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

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
    /// The index folder on the server: never shown to clients.
    pub index_root: PathBuf,
    /// The secret every request but `/api/health` must show.
    pub token: Option<String>,
    /// Serve on a non-loopback address without a token, on purpose.
    pub public: bool,
}

struct AppState {
    /// The local index as builds leave it, or an engine's: each request
    /// answers from the state live when it starts.
    backend: Backend,
    index_label: String,
    /// Spellings of the index folder that must not reach a client.
    index_paths: Vec<String>,
    timeout: Duration,
    /// One search per core at a time: more would only share the cores and
    /// stretch every answer, while a queue in order of arrival keeps the
    /// slowest answers close to the average.
    permits: Arc<Semaphore>,
}

impl AppState {
    /// A message with the server's index folder replaced by its label.
    fn redact(&self, message: String) -> String {
        let mut message = message;
        for path in &self.index_paths {
            message = message.replace(&format!("{path}/"), &self.index_label);
            message = message.replace(path.as_str(), self.index_label.trim_end_matches('/'));
        }
        message
    }
}

type Shared = Arc<AppState>;

/// Serves the index until Ctrl-C (or SIGTERM), then lets requests in
/// flight finish. Follows new builds of a local index while it runs.
pub fn run(backend: Backend, options: ServeOptions) -> Result<()> {
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
    if options.token.as_deref() == Some("") {
        return Err(Error::bad_value("token", "", "the token must not be empty"));
    }
    let root = &options.index_root;
    let mut index_paths: Vec<String> = [
        Some(root.clone()),
        std::path::absolute(root).ok(),
        root.canonicalize().ok(),
    ]
    .into_iter()
    .flatten()
    .map(|p| p.display().to_string().trim_end_matches('/').to_string())
    .filter(|p| !p.is_empty() && p != ".")
    .collect();
    // Longest first, so that a path is replaced whole before its tail.
    index_paths.sort_by_key(|p| std::cmp::Reverse(p.len()));
    index_paths.dedup();
    if let Backend::Local(live) = &backend {
        live.watch(options.index_label.clone());
    }
    let state = Arc::new(AppState {
        backend,
        index_label: options.index_label.clone(),
        index_paths,
        timeout: options.timeout,
        permits: Arc::new(Semaphore::new(
            std::thread::available_parallelism().map_or(2, |n| n.get()),
        )),
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .build()
        .map_err(|e| Error::io("<tokio runtime>", e))?;
    let token = options.token.clone().map(|t| Arc::new(Token::new(t)));
    runtime.block_on(serve(state, &options, cors, token))
}

async fn serve(
    state: Shared,
    options: &ServeOptions,
    cors: Option<HeaderValue>,
    token: Option<Arc<Token>>,
) -> Result<()> {
    let addr = options.addr.as_str();
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Error::io(addr, e))?;
    let bound = listener.local_addr().map_err(|e| Error::io(addr, e))?;
    if !bound.ip().is_loopback() {
        match (&token, options.public) {
            (None, false) => {
                return Err(Error::Refused {
                    message: format!(
                        "{bound} is not a loopback address: anyone who can reach this machine could search the index. Set a token (--token, or the ANNALS_TOKEN variable) to admit only those who know it, or pass --public if the index is meant for everyone"
                    ),
                });
            }
            (None, true) => eprintln!(
                "annals: warning: listening on {bound} without a token (--public): anyone who can reach this machine can search the index"
            ),
            (Some(_), _) => eprintln!(
                "annals: listening on {bound}, not on loopback: every request but /api/health needs the token; put a TLS proxy in front so that it does not cross the network in clear"
            ),
        }
    }
    if token.is_some() {
        eprintln!("annals: a token is required (except for /api/health)");
    }
    eprintln!(
        "annals: serving {} ({}) on http://{bound}",
        state.index_label,
        state.backend.describe()
    );
    let app = router(state, cors, token);
    accept(listener, app).await;
    eprintln!("annals: stopped");
    Ok(())
}

/// Accepts connections until a shutdown signal, each served with the
/// header deadline and size limits, at most `MAX_CONNECTIONS` at once;
/// then waits for the requests in flight.
async fn accept(listener: tokio::net::TcpListener, app: Router) {
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_header_size(MAX_HEAD_BYTES)
        .max_buf_size(MAX_HEAD_BYTES);
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors, or a connection reset before it
                // was accepted: wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            tokio::spawn(too_many_connections(stream));
            continue;
        };
        let service =
            app.clone()
                .map_request(move |mut request: Request<hyper::body::Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    request
                });
        let service = hyper_util::service::TowerToHyperService::new(service);
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _permit = permit;
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(Duration::from_secs(30), graceful.shutdown()).await;
}

/// 503 to a connection over the cap, written without reading its request.
async fn too_many_connections(mut stream: tokio::net::TcpStream) {
    let body = r#"{"error":"too many open connections: try again in a moment"}"#;
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: {}\r\nretry-after: 1\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(5), async {
        let _ = stream.write_all(answer.as_bytes()).await;
        let _ = stream.shutdown().await;
    })
    .await;
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

fn router(state: Shared, cors: Option<HeaderValue>, token: Option<Arc<Token>>) -> Router {
    let mut app = Router::new()
        .route("/", get(page::page_html))
        .route("/app.js", get(page::page_js))
        .route("/trend.js", get(page::trend_js))
        .route("/style.css", get(page::page_css))
        .route("/api/search", get(api::search))
        .route("/api/trend", get(api::trend))
        .route("/api/export", get(api::export))
        .route("/api/stats", get(api::stats))
        .route("/api/health", get(api::health))
        .route("/api/facets", get(api::facets))
        .route("/api/context", get(api::context))
        .route("/api/collocates", get(api::collocates))
        .route("/api/keywords", get(api::keywords))
        .route("/world.json", get(page::world_json))
        .fallback(not_found)
        .with_state(state)
        .layer(CatchPanicLayer::custom(panic_response));
    if let Some(origin) = cors {
        app = app.layer(
            CorsLayer::new()
                .allow_origin(origin)
                .allow_methods([Method::GET, Method::HEAD])
                .allow_headers([axum::http::header::AUTHORIZATION]),
        );
    }
    if let Some(token) = token {
        app = app.layer(middleware::from_fn_with_state(token, guard::require_token));
    }
    app.layer(middleware::from_fn(guard::limit_size))
        .layer(middleware::from_fn(access_log))
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
    let answer = match tokio::time::timeout_at(deadline, task).await {
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
    };
    answer.map_err(|mut e| {
        e.message = state.redact(e.message);
        e
    })
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
