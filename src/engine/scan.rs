//! Every hit of a search through an engine, in rank order, for exports:
//! pages of hits one after another with `search_after` on the sort's values
//! (score or date, then corpus order, which no two sentences share), so
//! that no depth limit applies and memory holds one page.

use serde_json::{Value, json};

use super::client::Client;
use super::query::{read_record, sort, text_and_filters, total_hits};
use crate::error::Result;
use crate::search::SearchRequest;
use crate::vocab::contract::ExportHit;

/// Hits asked for in one page.
const PAGE: usize = 2_000;

/// Hands every hit of `request` from its offset, up to its limit
/// (`usize::MAX` for all), to `each`, in rank order; returns how many
/// sentences match in all.
pub fn export(
    client: &Client,
    request: &SearchRequest,
    each: &mut dyn FnMut(ExportHit) -> Result<()>,
) -> Result<u64> {
    request.check_exportable()?;
    let (text, filter) = text_and_filters(client, request)?;
    let mut total = None;
    let mut after: Option<Value> = None;
    let mut rank = 0;
    let end = request.offset.saturating_add(request.limit);
    while rank < end {
        let mut body = json!({
            "query": {"bool": {"must": [text], "filter": filter}},
            "size": PAGE,
            "sort": sort(request.sort),
            "track_scores": true,
            "track_total_hits": total.is_none(),
            "_source": ["record"],
        });
        if let Some(after) = &after {
            body["search_after"] = after.clone();
        }
        let reply = &client.search(&body, "exporting hits")?;
        if total.is_none() {
            total = Some(total_hits(&reply["hits"]));
        }
        let hits = reply["hits"]["hits"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for hit in &hits {
            rank += 1;
            if rank > request.offset && rank <= end {
                each(ExportHit {
                    rank,
                    score: hit["_score"].as_f64().unwrap_or(0.0) as f32,
                    record: read_record(client, &hit["_source"]["record"])?,
                })?;
            }
        }
        match hits.last() {
            Some(last) if hits.len() == PAGE => after = Some(last["sort"].clone()),
            _ => break,
        }
    }
    Ok(total.unwrap_or(0))
}
