//! Reading around a hit through an engine, as `annals show` reads the local
//! index: the source's sentences in corpus order (their lines and order
//! only), the one asked for found by the same rule, then the records of its
//! neighbours.

use serde_json::{Value, json};

use super::client::Client;
use super::query::read_record;
use crate::error::{Error, Result};
use crate::index::schema;
use crate::search::{ContextRequest, context_of, target_of};
use crate::vocab::contract::Context;
use crate::vocab::facets::Facet;

/// Sentences asked for in one page while listing a source.
const PAGE: usize = 5_000;

/// The sentence asked for (as `Engine::context` finds it) with up to
/// `around` sentences of its document on each side.
pub fn context(client: &Client, request: &ContextRequest) -> Result<Context> {
    request.check()?;
    let (source, line, around) = (request.source.as_str(), request.line, request.around);
    let in_source = json!({"term": {Facet::Source.field(): source}});
    // Every sentence's order and line, in corpus order, a page at a time.
    let mut listed: Vec<(u64, u64)> = Vec::new();
    loop {
        let mut body = json!({
            "query": in_source,
            "size": PAGE,
            "sort": [{schema::ORDER: {"order": "asc"}}],
            "_source": ["record.line"],
        });
        if let Some(&(last, _)) = listed.last() {
            body["search_after"] = json!([last]);
        }
        let hits = hits_of(client, &body)?;
        let page: Vec<(u64, u64)> = hits
            .iter()
            .filter_map(|h| {
                let order = h["sort"][0].as_u64()?;
                Some((order, h["_source"]["record"]["line"].as_u64().unwrap_or(0)))
            })
            .collect();
        let done = page.len() < PAGE;
        listed.extend(page);
        if done {
            break;
        }
    }
    if listed.is_empty() {
        return Err(Error::UnknownLocation {
            source_path: source.to_string(),
        });
    }
    let orders: Vec<u64> = listed.iter().map(|&(order, _)| order).collect();
    let target = target_of(&orders, request.sentence, line, |i| Ok(listed[i].1))?;
    let first = target.saturating_sub(around);
    let last = (target + around).min(listed.len() - 1);
    let body = json!({
        "query": {"bool": {"filter": [
            in_source,
            {"range": {schema::ORDER: {"gte": orders[first], "lte": orders[last]}}}
        ]}},
        "size": last - first + 1,
        "sort": [{schema::ORDER: {"order": "asc"}}],
        "_source": ["record"],
    });
    let records = hits_of(client, &body)?
        .iter()
        .filter_map(|h| {
            let order = h["sort"][0].as_u64()?;
            let i = orders.binary_search(&order).ok()?;
            Some(read_record(client, &h["_source"]["record"]).map(|r| (i, r)))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(context_of(source, line, target, records))
}

/// The hits of a search.
fn hits_of(client: &Client, body: &Value) -> Result<Vec<Value>> {
    let mut answer = client.search(body, "reading around a sentence")?;
    Ok(match answer["hits"]["hits"].take() {
        Value::Array(hits) => hits,
        _ => Vec::new(),
    })
}
