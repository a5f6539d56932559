//! The search page, compiled into the binary: its HTML, script, style and
//! world map outlines, served with a content security policy that lets it load nothing else.

use axum::http::header;
use axum::response::{IntoResponse, Response};

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const TREND_JS: &str = include_str!("assets/trend.js");
const STYLE_CSS: &str = include_str!("assets/style.css");
/// The world map's country outlines: Natural Earth 1:110m (public domain),
/// made by `tools/world/make-world.py`.
const WORLD_JSON: &str = include_str!("assets/world.json");

/// The page loads nothing but its own files and the API.
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

pub async fn page_html() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

pub async fn page_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

pub async fn trend_js() -> Response {
    asset("text/javascript; charset=utf-8", TREND_JS)
}

pub async fn page_css() -> Response {
    asset("text/css; charset=utf-8", STYLE_CSS)
}

pub async fn world_json() -> Response {
    asset("application/json", WORLD_JSON)
}
