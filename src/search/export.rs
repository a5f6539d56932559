//! Every hit of a search, in the order asked, handed over one at a time:
//! what CSV and JSONL exports write. Beyond the ranking itself (an address
//! and a score per hit), memory holds one window of records: a window's
//! records are read in index order, which reads each stored block once,
//! and handed over in rank order.

use tantivy::collector::Count;
use tantivy::{DocAddress, DocId};

use super::{Engine, SearchRequest, deadline, query, ranked_collector};
use crate::error::{Error, Result};
use crate::vocab::contract::ExportHit;

/// Records read and handed over together.
const WINDOW: usize = 32_768;

impl Engine {
    /// Hands every hit of `request` from its offset, up to its limit
    /// (`usize::MAX` for all), to `each`, in rank order; returns how many
    /// sentences match in all.
    pub fn export(
        &self,
        request: &SearchRequest,
        each: &mut dyn FnMut(ExportHit) -> Result<()>,
    ) -> Result<u64> {
        if request.group_by_doc {
            return Err(Error::bad_value(
                "group_by",
                crate::vocab::facets::Facet::Doc.name(),
                "an export lists sentences; leave out the grouping",
            ));
        }
        let searcher = self.searcher();
        let built = query::build(self.index(), &searcher, request, &self.ranking)?;
        let statistics = super::ranking::Statistics {
            searcher: &searcher,
            avgdl_factor: self.ranking.avgdl_factor,
        };
        let total = searcher.search(&built.full, &Count)? as u64;
        let window = request
            .offset
            .saturating_add(request.limit)
            .min(total as usize);
        if window <= request.offset {
            return Ok(total);
        }
        let ranked = searcher.search_with_statistics_provider(
            &built.full,
            &ranked_collector(request.sort, window),
            &statistics,
        )?;
        let ranked = ranked.get(request.offset..).unwrap_or_default();
        for (chunk_index, chunk) in ranked.chunks(WINDOW).enumerate() {
            deadline::check(request.deadline)?;
            let mut order: Vec<(DocAddress, usize)> = chunk
                .iter()
                .enumerate()
                .map(|(i, (_, address))| (*address, i))
                .collect();
            order.sort_unstable_by_key(|&(a, _)| (a.segment_ord, a.doc_id));
            let mut records = vec![None; chunk.len()];
            for run in order.chunk_by(|a, b| a.0.segment_ord == b.0.segment_ord) {
                let columns = self.record_columns(&searcher, run[0].0.segment_ord)?;
                let docs: Vec<DocId> = run.iter().map(|(address, _)| address.doc_id).collect();
                columns.prefetch(&docs);
                for &(address, i) in run {
                    records[i] = Some(self.read_record_with(&searcher, address, &columns)?);
                }
            }
            for (i, (record, (score, _))) in records.into_iter().zip(chunk).enumerate() {
                let Some(record) = record else { continue };
                each(ExportHit {
                    rank: request.offset + chunk_index * WINDOW + i + 1,
                    score: *score,
                    record,
                })?;
            }
        }
        Ok(total)
    }
}
