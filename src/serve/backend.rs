//! What a server answers from: the local index as builds leave it
//! (`Live`), or an annals index on an OpenSearch or Elasticsearch cluster.
//! Each request takes a `Reader` when it starts and answers from it to the
//! end. Searches, exports, trends, reading around a hit, statistics and
//! health are answered by both; the concordance tools (collocates, key
//! terms) read the local index's term statistics, and through an engine
//! they are a clear 501.

use std::sync::Arc;

use axum::http::StatusCode;

use super::errors::ApiError;
use super::live::{self, Live, Loaded};
use crate::engine::{self, Client};
use crate::error::Result;
use crate::search::{ContextRequest, RenderHit, SearchRequest, TrendRequest, each_rendered};
use crate::vocab::contract::{Context, Health, SearchResult, Stats, Trend};

/// The index a server answers from.
pub enum Backend {
    Local(Arc<Live>),
    Engine(Arc<Client>),
}

/// The index one request answers from.
pub enum Reader {
    Local(Arc<Loaded>),
    Engine(Arc<Client>),
}

impl Backend {
    /// The reader for a request arriving now.
    pub fn reader(&self) -> Reader {
        match self {
            Backend::Local(live) => Reader::Local(live.current()),
            Backend::Engine(client) => Reader::Engine(Arc::clone(client)),
        }
    }

    /// What the start-up line says is served: the generation, or `engine`.
    pub fn describe(&self) -> String {
        match self {
            Backend::Local(live) => live.current().generation.clone(),
            Backend::Engine(_) => "engine".to_string(),
        }
    }
}

impl Reader {
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResult> {
        match self {
            Reader::Local(loaded) => loaded.engine.search(request),
            Reader::Engine(client) => engine::search(client, request),
        }
    }

    pub fn trend(&self, request: &TrendRequest) -> Result<Trend> {
        match self {
            Reader::Local(loaded) => loaded.engine.trend(request),
            Reader::Engine(client) => engine::trend(client, request),
        }
    }

    pub fn context(&self, request: &ContextRequest) -> Result<Context> {
        match self {
            Reader::Local(loaded) => loaded.engine.context(request),
            Reader::Engine(client) => engine::context(client, request),
        }
    }

    /// Every hit of `request`, rendered by `render`, in rank order, to
    /// `each`; how many match.
    pub fn export(
        &self,
        request: &SearchRequest,
        render: &RenderHit,
        each: &mut dyn FnMut(&[u8]) -> Result<()>,
    ) -> Result<u64> {
        match self {
            Reader::Local(loaded) => loaded.engine.export(request, render, each),
            Reader::Engine(client) => {
                engine::export_hits(client, request, &mut each_rendered(render, each))
            }
        }
    }

    /// The index's statistics, named as clients know it (`label`). A local
    /// state's are computed once.
    pub fn stats(&self, label: &str) -> Result<Stats> {
        let named = |mut stats: Stats| {
            stats.index = label.to_string();
            stats
        };
        match self {
            Reader::Local(loaded) => {
                if let Some(stats) = loaded.stats.get() {
                    return Ok(stats.clone());
                }
                let stats = named(loaded.engine.stats()?);
                Ok(loaded.stats.get_or_init(|| stats).clone())
            }
            Reader::Engine(client) => engine::stats(client).map(named),
        }
    }

    pub fn health(&self, label: &str) -> Result<Health> {
        let (sentences, generation, built) = match self {
            Reader::Local(loaded) => (
                loaded.engine.searcher().num_docs(),
                loaded.generation.clone(),
                live::rfc3339(loaded.built),
            ),
            Reader::Engine(client) => {
                let (sentences, created) = engine::health(client)?;
                (sentences, "engine".to_string(), live::rfc3339(created))
            }
        };
        Ok(Health {
            status: "ok",
            index: label.to_string(),
            sentences,
            version: env!("CARGO_PKG_VERSION"),
            generation,
            built,
        })
    }

    /// The local index, for what only it can answer (`what`, as the page
    /// names it).
    pub fn local(self, what: &str) -> Result<Arc<Loaded>, ApiError> {
        match self {
            Reader::Local(loaded) => Ok(loaded),
            Reader::Engine(_) => Err(ApiError::new(
                StatusCode::NOT_IMPLEMENTED,
                format!(
                    "{what} read the local index's term statistics; this server answers through an engine, which gives searches, exports, trends, the sentences around a hit and statistics"
                ),
            )),
        }
    }
}
