//! `annals trend --engine`: each query's sentences by bucket as a terms
//! aggregation on the axis's field, its documents as a cardinality
//! sub-aggregation on the document field, and the denominator as the same
//! aggregation over `*` under the same filters. The series are then put
//! together as the local trend puts them (`TrendRequest::assemble`), so the
//! buckets, gaps, labels and rates are the same.

use std::time::Instant;

use serde_json::{Value, json};

use super::client::Client;
use super::query::{MAX_BUCKETS, spelling, spellings_agg, text_and_filters, total_hits};
use crate::error::Result;
use crate::search::{BucketCount, BucketKey, Counted, SearchRequest, TrendRequest};
use crate::vocab::contract::{FacetValue, Trend};
use crate::vocab::facets::{Facet, Values, meta_value};

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
    let reply = &client.search(&body, "counting a trend")?;
    let total = total_hits(&reply["hits"]);
    let mut counted = Counted {
        total,
        ..Counted::default()
    };
    for bucket in reply["aggregations"]["buckets"]["buckets"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let meta_key = request.by.meta_key.as_deref();
        let Some(key) = bucket_key(request.by.facet, &bucket["key"], meta_key) else {
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
/// else the indexed value (for a metadata key, its value: the field holds
/// `key=value` for every key).
fn bucket_key(facet: Facet, key: &Value, meta_key: Option<&str>) -> Option<BucketKey> {
    if facet.is_time() {
        // Engines may send a long's key as a float.
        let number = key.as_i64().or_else(|| key.as_f64().map(|f| f as i64))?;
        return Some(BucketKey::Number(number));
    }
    let text = key.as_str()?;
    let value = match meta_key {
        Some(meta_key) => meta_value(text, meta_key)?,
        None => text,
    };
    Some(BucketKey::Text(value.to_string()))
}

/// Readable names for a trend's values, as the local index gives them:
/// countries by name, people and the like in their commonest spelling.
fn name_values(client: &Client, facet: Facet, values: &mut [FacetValue]) -> Result<()> {
    match facet.values() {
        Values::Countries => {
            values.iter_mut().for_each(FacetValue::name_country);
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
            let answer = client.search(&body, "naming a trend's values")?;
            let found = &answer["aggregations"];
            for (i, v) in values.iter_mut().enumerate() {
                let sample = &found[format!("v{i}")]["spellings"]["hits"]["hits"];
                v.name = spelling(facet, &v.value, sample);
            }
        }
        _ => {}
    }
    Ok(())
}
