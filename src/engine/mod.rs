//! annals on an OpenSearch or Elasticsearch cluster: the same sentences,
//! filters and facets, with the cluster holding the index. `mapping` derives
//! the index from the facet registry, `bulk` builds into it (idempotent and
//! incremental), `query` turns a search request into the cluster's query
//! language and its answer into annals' contract, `scan` hands over every
//! hit for exports, `trend` counts a trend's buckets with aggregations,
//! `context` reads around a hit, `export` writes
//! the mapping and the sentences for other loaders (`_bulk`, Quickwit), and
//! `client` speaks HTTP to the cluster.

pub mod bulk;
pub mod client;
pub mod context;
pub mod export;
pub mod mapping;
pub mod query;
pub mod scan;
pub mod trend;

use std::collections::BTreeMap;

use serde_json::{Value, json};

pub use bulk::{EngineBuild, build};
pub use client::{Client, Target};
pub use context::context;
pub use query::search;
pub use scan::export as export_hits;
pub use trend::trend;

use crate::error::Result;
use crate::index::schema;
use crate::vocab::contract::Stats;
use crate::vocab::facets::Facet;

/// The environment variable that names the engine when no option does.
pub const ENGINE_VARIABLE: &str = "ANNALS_ENGINE";

/// Connects to the index at `url` (nothing is sent yet).
pub fn connect(url: &str) -> Result<Client> {
    Ok(Client::new(Target::parse(url)?))
}

/// An index to read must exist and be annals' own, of this schema version.
pub fn check_readable(client: &Client) -> Result<()> {
    let answer = client.request("GET", "_mapping", None)?;
    if !answer.ok() {
        return Err(bulk::engine_error(client, "reading the mapping", &answer));
    }
    let mappings = answer
        .body
        .as_object()
        .and_then(|o| o.values().next())
        .map(|i| i["mappings"].clone())
        .unwrap_or(Value::Null);
    bulk::check_schema(&client.target.label(), &mappings)
}

/// What the engine's index holds, as `annals stats` shows a local one.
pub fn stats(client: &Client) -> Result<Stats> {
    check_readable(client)?;
    let keyword_tops = [Facet::Country, Facet::Person, Facet::Org];
    let mut aggs = query::facet_aggs(&keyword_tops, 10);
    aggs.insert(
        "decades".into(),
        json!({"terms": {"field": Facet::Decade.field(), "size": 10000, "order": {"_key": "asc"}}}),
    );
    aggs.insert(
        "first_year".into(),
        json!({"min": {"field": Facet::Year.field()}}),
    );
    aggs.insert(
        "last_year".into(),
        json!({"max": {"field": Facet::Year.field()}}),
    );
    aggs.insert(
        "sources".into(),
        json!({"cardinality": {"field": Facet::Source.field(), "precision_threshold": 40000}}),
    );
    aggs.insert(
        "documents".into(),
        json!({"cardinality": {"field": Facet::Doc.field(), "precision_threshold": 40000}}),
    );
    aggs.insert(
        "dated".into(),
        json!({"filter": {"exists": {"field": schema::FIRST_DAY}}}),
    );
    aggs.insert(
        "dated_documents".into(),
        json!({"filter": {"exists": {"field": Facet::DocYear.field()}},
               "aggs": {"documents": {"cardinality": {"field": Facet::Doc.field(), "precision_threshold": 40000}},
                        "first": {"min": {"field": Facet::DocYear.field()}},
                        "last": {"max": {"field": Facet::DocYear.field()}}}}),
    );
    aggs.insert(
        "with_country".into(),
        json!({"filter": {"exists": {"field": Facet::Country.field()}}}),
    );
    let body = json!({"size": 0, "track_total_hits": true, "aggs": aggs});
    let answer = client.search(&body, "counting")?;
    let a = &answer["aggregations"];
    let total = query::total_hits(&answer["hits"]);
    let share = |n: u64| {
        if total == 0 {
            0.0
        } else {
            n as f64 / total as f64
        }
    };
    let (lists, _) = query::read_facets(&keyword_tops, 10, a);
    let top: BTreeMap<String, _> = lists.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let (decades, _) = query::read_facets(
        &[Facet::Decade],
        usize::MAX,
        &json!({
            "top_decade": a["decades"],
        }),
    );
    let year = |name: &str| a[name]["value"].as_f64().map(|v| v as i64);
    let size_bytes = client
        .request("GET", "_stats/store", None)
        .ok()
        .and_then(|s| s.body["_all"]["primaries"]["store"]["size_in_bytes"].as_u64())
        .unwrap_or(0);
    let sources = a["sources"]["value"].as_u64().unwrap_or(0);
    Ok(Stats {
        index: client.target.label(),
        annals_version: env!("CARGO_PKG_VERSION").to_string(),
        unit: "sentence".into(),
        files: sources,
        documents: a["documents"]["value"].as_u64().unwrap_or(0),
        sentences: total,
        sources,
        segments: 0,
        size_bytes,
        first_year: year("first_year"),
        last_year: year("last_year"),
        dated_share: share(a["dated"]["doc_count"].as_u64().unwrap_or(0)),
        country_share: share(a["with_country"]["doc_count"].as_u64().unwrap_or(0)),
        top,
        decades: decades
            .get(Facet::Decade.name())
            .cloned()
            .unwrap_or_default(),
        dated_documents: a["dated_documents"]["documents"]["value"]
            .as_u64()
            .unwrap_or(0),
        first_doc_year: a["dated_documents"]["first"]["value"]
            .as_f64()
            .map(|v| v as i64),
        last_doc_year: a["dated_documents"]["last"]["value"]
            .as_f64()
            .map(|v| v as i64),
    })
}

/// How many sentences the engine's index holds, and when it was created
/// (the epoch when the engine does not say): what `/api/health` reports.
pub fn health(client: &Client) -> Result<(u64, std::time::SystemTime)> {
    let answer = client.request("GET", "_count", None)?;
    if !answer.ok() {
        return Err(bulk::engine_error(client, "counting", &answer));
    }
    let sentences = answer.body["count"].as_u64().unwrap_or(0);
    let created = client
        .request("GET", "_settings", None)
        .ok()
        .filter(|a| a.ok())
        .and_then(|a| {
            let settings = a.body.as_object()?.values().next()?["settings"]["index"].clone();
            let ms = &settings["creation_date"];
            ms.as_str()
                .and_then(|s| s.parse::<u64>().ok())
                .or_else(|| ms.as_u64())
        })
        .map_or(std::time::UNIX_EPOCH, |ms| {
            std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms)
        });
    Ok((sentences, created))
}

/// The engine URL a command was given, or else the environment's.
pub fn url_from(option: Option<&str>) -> Option<String> {
    option
        .map(str::to_string)
        .or_else(|| std::env::var(ENGINE_VARIABLE).ok())
        .filter(|u| !u.trim().is_empty())
}
