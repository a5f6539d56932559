//! Every hit of a search, in the order asked, handed over one at a time:
//! what CSV and JSONL exports write. Beyond the ranking itself (an address
//! and a score per hit), memory holds two windows of records: a window's
//! records are read in index order, which reads each stored block once, on
//! every core, while the window before it is handed over in rank order.

use tantivy::collector::Count;
use tantivy::{DocAddress, DocId};

use super::{Engine, SearchRequest, deadline, query, ranked_collector};
use crate::error::{Error, Result};
use crate::vocab::contract::{ExportHit, SentenceRecord};

/// Records read and handed over together.
const WINDOW: usize = 32_768;
/// Fewer stored sentences than this are read on one thread.
const MIN_PER_THREAD: usize = 256;

impl Engine {
    /// Hands every hit of `request` from its offset, up to its limit
    /// (`usize::MAX` for all), to `each`, in rank order; returns how many
    /// sentences match in all.
    pub fn export(
        &self,
        request: &SearchRequest,
        each: &mut dyn FnMut(ExportHit) -> Result<()>,
    ) -> Result<u64> {
        request.check_exportable()?;
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
        // The next window is read while this one is handed over.
        std::thread::scope(|scope| -> Result<()> {
            let read = |chunk: &'_ [(f32, DocAddress)]| self.read_window(&searcher, chunk);
            let mut windows = ranked
                .chunks(WINDOW)
                .enumerate()
                .map(|(k, chunk)| (k * WINDOW, chunk));
            let mut next = windows
                .next()
                .map(|(start, chunk)| (start, chunk, scope.spawn(move || read(chunk))));
            while let Some((start, chunk, reading)) = next.take() {
                deadline::check(request.deadline)?;
                let records = reading.join().map_err(|_| thread_failed())??;
                next = windows
                    .next()
                    .map(|(start, chunk)| (start, chunk, scope.spawn(move || read(chunk))));
                for (i, (record, (score, _))) in records.into_iter().zip(chunk).enumerate() {
                    each(ExportHit {
                        rank: request.offset + start + i + 1,
                        score: *score,
                        record,
                    })?;
                }
            }
            Ok(())
        })?;
        Ok(total)
    }

    /// The records of a window of ranked hits, in rank order: read in index
    /// order, each segment's stored sentences on every core.
    fn read_window(
        &self,
        searcher: &tantivy::Searcher,
        chunk: &[(f32, DocAddress)],
    ) -> Result<Vec<SentenceRecord>> {
        let mut order: Vec<(DocAddress, usize)> = chunk
            .iter()
            .enumerate()
            .map(|(i, (_, address))| (*address, i))
            .collect();
        order.sort_unstable_by_key(|&(a, _)| (a.segment_ord, a.doc_id));
        let mut records = vec![None; chunk.len()];
        for run in order.chunk_by(|a, b| a.0.segment_ord == b.0.segment_ord) {
            let columns = self.record_columns(searcher, run[0].0.segment_ord)?;
            let docs: Vec<DocId> = run.iter().map(|(address, _)| address.doc_id).collect();
            columns.prefetch(&docs);
            let addresses: Vec<DocAddress> = run.iter().map(|&(address, _)| address).collect();
            let stored = self.read_stored(searcher, &addresses)?;
            for (&(address, i), (record, text)) in run.iter().zip(stored) {
                records[i] = Some(self.named_record(record, text, address.doc_id, &columns)?);
            }
        }
        Ok(records.into_iter().flatten().collect())
    }

    /// The stored records and texts at `addresses` (in index order), read
    /// on every core: each thread takes a contiguous run, so that each
    /// stored block is decompressed by one thread; decompressing and
    /// parsing them is most of an export's time.
    fn read_stored(
        &self,
        searcher: &tantivy::Searcher,
        addresses: &[DocAddress],
    ) -> Result<Vec<(SentenceRecord, String)>> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = cores.min(addresses.len() / MIN_PER_THREAD).max(1);
        let read = |part: &[DocAddress]| -> Result<Vec<(SentenceRecord, String)>> {
            part.iter()
                .map(|&address| self.stored_record(searcher.doc(address)?))
                .collect()
        };
        if threads == 1 {
            return read(addresses);
        }
        std::thread::scope(|scope| {
            let parts: Vec<_> = addresses
                .chunks(addresses.len().div_ceil(threads))
                .map(|part| scope.spawn(move || read(part)))
                .collect();
            let mut stored = Vec::with_capacity(addresses.len());
            for part in parts {
                stored.extend(part.join().map_err(|_| thread_failed())??);
            }
            Ok(stored)
        })
    }
}

fn thread_failed() -> Error {
    Error::Tantivy(tantivy::TantivyError::InternalError(
        "a thread reading stored sentences failed".into(),
    ))
}
