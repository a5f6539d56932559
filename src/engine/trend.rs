//! `annals trend --engine`: each query's sentences by bucket as a terms
//! aggregation on the axis's field, its documents as a cardinality
//! sub-aggregation on the document field, and the denominator as the same
//! aggregation over `*` under the same filters. The series are then put
//! together as the local trend puts them (`TrendRequest::assemble`), so the
//! buckets, gaps, labels and rates are the same.

use std::time::Instant;

use serde_json::{Value, json};

use super::bulk::engine_error;
use super::client::Client;
use super::query::{MAX_BUCKETS, spelling, spellings_agg, text_and_filters};
use crate::corpus::META_SEPARATOR;
use crate::error::Result;
use crate::search::{BucketCount, BucketKey, Counted, SearchRequest, TrendRequest};
use crate::vocab::contract::{FacetValue, Trend};
use crate::vocab::countries;
use crate::vocab::facets::{Facet, Values};

/// Distinct documents are counted exactly up to this many per bucket (the
/// engines' largest `precision_threshold`), approximately beyond.
const EXACT_DOCUMENTS: u64 = 40_000;

/// Runs `request` on the client's index.
pub fn trend(client: &Client, request: &TrendRequest) -> Result<Trend> {
    let started = Instant::now();
    request.check()?;
    let counted = request
        .queries
        .iter()
        .map(|q| count(client, request, q, true))
        .collect::<Result<Vec<_>>>()?;
    let all = count(client, request, "*", false)?;
    let name = |values: &mut [FacetValue]| name_values(client, request.by.facet, values);
    request.assemble(&counted, &all, name, started)
}

/// One query's total and counts by bucket, under the request's filters.
fn count(client: &Client, request: &TrendRequest, query: &str, docs: bool) -> Result<Counted> {
    let asked = SearchRequest {
        query: query.to_string(),
        ..request.base.clone()
    };
    let (text, filter) = text_and_filters(client, &asked)?;
    let mut buckets = json!({"terms": {"field": request.by.facet.field(), "size": MAX_BUCKETS}});
    if docs {
        buckets["aggs"] = json!({"docs": {"cardinality": {
            "field": Facet::Doc.field(),
            "precision_threshold": EXACT_DOCUMENTS
        }}});
    }
    let body = json!({
        "size": 0,
        "track_total_hits": true,
        "query": {"bool": {"must": [text], "filter": filter}},
        "aggs": {"buckets": buckets},
    });
    let answer = client.request("POST", "_search", Some(&body))?;
    if !answer.ok() {
        return Err(engine_error(client, "counting a trend", &answer));
    }
    let reply = &answer.body;
    let total = reply["hits"]["total"]["value"]
        .as_u64()
        .or_else(|| reply["hits"]["total"].as_u64())
        .unwrap_or(0);
    // The metadata field holds `key=value` for every key: keep this key's.
    let prefix = request
        .by
        .meta_key
        .as_ref()
        .map(|k| format!("{k}{META_SEPARATOR}"));
    let mut counted = Counted {
        total,
        ..Counted::default()
    };
    for bucket in reply["aggregations"]["buckets"]["buckets"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let Some(key) = bucket_key(request.by.facet, &bucket["key"], prefix.as_deref()) else {
            continue;
        };
        counted.buckets.insert(
            key,
            BucketCount {
                count: bucket["doc_count"].as_u64().unwrap_or(0),
                docs: bucket["docs"]["value"].as_u64().unwrap_or(0),
            },
        );
    }
    Ok(counted)
}

/// A bucket's key as the local trend counts it: a number on a time axis,
/// else the indexed value (without the metadata key's prefix).
fn bucket_key(facet: Facet, key: &Value, prefix: Option<&str>) -> Option<BucketKey> {
    if facet.is_time() {
        // Engines may send a long's key as a float.
        let number = key.as_i64().or_else(|| key.as_f64().map(|f| f as i64))?;
        return Some(BucketKey::Number(number));
    }
    let text = key.as_str()?;
    match prefix {
        Some(prefix) => text
            .strip_prefix(prefix)
            .map(|v| BucketKey::Text(v.to_string())),
        None => Some(BucketKey::Text(text.to_string())),
    }
}

/// Readable names for a trend's values, as the local index gives them:
/// countries by name, people and the like in their commonest spelling.
fn name_values(client: &Client, facet: Facet, values: &mut [FacetValue]) -> Result<()> {
    match facet.values() {
        Values::Countries => {
            for v in values.iter_mut() {
                v.value = v.value.to_uppercase();
                v.name = countries::name(&v.value).map(str::to_string);
            }
        }
        Values::Names if !values.is_empty() => {
            let field = facet.field();
            let aggs: serde_json::Map<String, Value> = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let agg = json!({
                        "filter": {"term": {field: v.value}},
                        "aggs": {"spellings": spellings_agg()}
                    });
                    (format!("v{i}"), agg)
                })
                .collect();
            let body = json!({"size": 0, "aggs": aggs});
            let answer = client.request("POST", "_search", Some(&body))?;
            if !answer.ok() {
                return Err(engine_error(client, "naming a trend's values", &answer));
            }
            let found = &answer.body["aggregations"];
            for (i, v) in values.iter_mut().enumerate() {
                let sample = &found[format!("v{i}")]["spellings"]["hits"]["hits"];
                v.name = spelling(facet, &v.value, sample);
            }
        }
        _ => {}
    }
    Ok(())
}
