//! Every hit of a search, in the order asked, as the caller's rows: what
//! CSV and JSONL exports write. Beyond the ranking itself (an address and a
//! score per hit), memory holds two windows of rendered rows: a window's
//! stored sentences are read in index order, which decompresses each stored
//! block once per window, and read, named and rendered on every core, while
//! the window before it is handed over in rank order.

use std::sync::atomic::{AtomicBool, Ordering};

use tantivy::collector::Count;
use tantivy::{DocAddress, DocId};

use super::{Engine, SearchRequest, deadline, query, ranked_collector};
use crate::error::{Error, Result};
use crate::vocab::contract::ExportHit;

/// Writes one hit as one row of an export's format; run on every core.
pub type RenderHit = dyn Fn(&ExportHit, &mut Vec<u8>) + Sync;

/// A hit of a window: its address and its place in the window's rank order.
type WindowHit = (DocAddress, usize);

/// Reads, names and renders one hit of a window.
type RenderWindowHit<'a> = dyn Fn(&WindowHit, &mut Vec<u8>) -> Result<()> + Sync + 'a;

/// Hits in the first window: small, so that the first rows come soon
/// (and a later window takes the rest of a 100,000-hit query whole).
const FIRST_WINDOW: usize = 8_192;
/// The rendered rows a later window aims at: the fewer the windows, the
/// fewer times a stored block is decompressed (a window of a frequent
/// word's hits touches nearly every block).
const WINDOW_BYTES: usize = 48 << 20;
/// Bounds on a later window's hits, whatever its rows weigh.
const MIN_WINDOW: usize = 32_768;
const MAX_WINDOW: usize = 1 << 20;
/// Fewer stored sentences than this are read on one thread.
const MIN_PER_THREAD: usize = 256;

/// A window's rows in one buffer per reading thread, and where each row
/// is, in rank order.
struct Rows {
    parts: Vec<Vec<u8>>,
    /// Per hit in rank order: its part, start and end.
    spans: Vec<(usize, usize, usize)>,
}

impl Rows {
    fn bytes(&self) -> usize {
        self.parts.iter().map(Vec::len).sum()
    }
}

/// The adapter for hits that come one by one (through an engine): each
/// rendered and handed over as it comes.
pub fn each_rendered<'a>(
    render: &'a RenderHit,
    each: &'a mut dyn FnMut(&[u8]) -> Result<()>,
) -> impl FnMut(ExportHit) -> Result<()> + 'a {
    let mut row = Vec::new();
    move |hit| {
        row.clear();
        render(&hit, &mut row);
        each(&row)
    }
}

impl Engine {
    /// Hands every hit of `request` from its offset, up to its limit
    /// (`usize::MAX` for all), rendered by `render`, to `each`, in rank
    /// order; returns how many sentences match in all.
    pub fn export(
        &self,
        request: &SearchRequest,
        render: &RenderHit,
        each: &mut dyn FnMut(&[u8]) -> Result<()>,
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
        // Set when the hand-over stops (the reader left, the deadline
        // passed): the window being read is given up.
        let stop = AtomicBool::new(false);
        // The next window is read while this one is handed over.
        std::thread::scope(|scope| -> Result<()> {
            let read = |start: usize, chunk: &'_ [(f32, DocAddress)]| {
                self.read_window(&searcher, request.offset + start, chunk, render, &stop)
            };
            let mut start = 0;
            let mut next_window = |size: usize| {
                let chunk = &ranked[start..(start + size).min(ranked.len())];
                let at = start;
                start += chunk.len();
                (!chunk.is_empty()).then(|| scope.spawn(move || read(at, chunk)))
            };
            let mut next = next_window(FIRST_WINDOW);
            while let Some(reading) = next.take() {
                let rows = reading.join().map_err(|_| thread_failed())??;
                let per_row = rows.bytes() / rows.spans.len().max(1);
                let size = (WINDOW_BYTES / per_row.max(1)).clamp(MIN_WINDOW, MAX_WINDOW);
                next = next_window(size);
                let handed = deadline::check(request.deadline).and_then(|()| {
                    rows.spans
                        .iter()
                        .try_for_each(|&(part, from, to)| each(&rows.parts[part][from..to]))
                });
                if handed.is_err() {
                    stop.store(true, Ordering::Relaxed);
                    return handed;
                }
            }
            Ok(())
        })?;
        Ok(total)
    }

    /// The rows of a window of ranked hits, `skipped` hits ranked before
    /// it, in rank order: read in index order, each segment's stored
    /// sentences on every core.
    fn read_window(
        &self,
        searcher: &tantivy::Searcher,
        skipped: usize,
        chunk: &[(f32, DocAddress)],
        render: &RenderHit,
        stop: &AtomicBool,
    ) -> Result<Rows> {
        let mut order: Vec<WindowHit> = chunk
            .iter()
            .enumerate()
            .map(|(i, (_, address))| (*address, i))
            .collect();
        order.sort_unstable_by_key(|&(a, _)| (a.segment_ord, a.doc_id));
        let mut rows = Rows {
            parts: Vec::new(),
            spans: vec![(0, 0, 0); chunk.len()],
        };
        for run in order.chunk_by(|a, b| a.0.segment_ord == b.0.segment_ord) {
            let columns = self.record_columns(searcher, run[0].0.segment_ord)?;
            let docs: Vec<DocId> = run.iter().map(|(address, _)| address.doc_id).collect();
            columns.prefetch(&docs);
            let row = |&(address, i): &WindowHit, out: &mut Vec<u8>| -> Result<()> {
                if stop.load(Ordering::Relaxed) {
                    return Err(Error::Stopped);
                }
                let record = self.record_from(searcher.doc(address)?, address.doc_id, &columns)?;
                let hit = ExportHit {
                    rank: skipped + i + 1,
                    score: chunk[i].0,
                    record,
                };
                render(&hit, out);
                Ok(())
            };
            self.render_run(run, &row, &mut rows)?;
        }
        Ok(rows)
    }

    /// Renders the hits of `run` (in index order) on every core: each
    /// thread takes a contiguous part, so that each stored block is
    /// decompressed by one thread; decompressing, parsing and rendering
    /// them is most of an export's time.
    fn render_run(&self, run: &[WindowHit], row: &RenderWindowHit, rows: &mut Rows) -> Result<()> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = cores.min(run.len() / MIN_PER_THREAD).max(1);
        let render_part = |part: &[WindowHit]| -> Result<(Vec<u8>, Vec<usize>)> {
            let mut out = Vec::new();
            let mut ends = Vec::with_capacity(part.len());
            for hit in part {
                row(hit, &mut out)?;
                ends.push(out.len());
            }
            Ok((out, ends))
        };
        let parts: Vec<&[WindowHit]> = run.chunks(run.len().div_ceil(threads)).collect();
        let rendered = if threads == 1 {
            vec![render_part(run)?]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = parts
                    .iter()
                    .map(|&part| scope.spawn(move || render_part(part)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().map_err(|_| thread_failed())?)
                    .collect::<Result<Vec<_>>>()
            })?
        };
        for (part, (out, ends)) in parts.iter().zip(rendered) {
            let index = rows.parts.len();
            let mut from = 0;
            for (&(_, i), to) in part.iter().zip(ends) {
                rows.spans[i] = (index, from, to);
                from = to;
            }
            rows.parts.push(out);
        }
        Ok(())
    }
}

fn thread_failed() -> Error {
    Error::Tantivy(tantivy::TantivyError::InternalError(
        "a thread reading stored sentences failed".into(),
    ))
}
