//! Reading around a hit: the sentence at `source:line` with its neighbours
//! in the same document, in corpus order.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::Engine;
use crate::error::{Error, Result};
use crate::index::document::SENTENCE_BITS;
use crate::index::schema;
use crate::vocab::contract::{Context, ContextSentence, SentenceRecord};

/// The most neighbours asked for on each side.
pub const MAX_CONTEXT: usize = 100;

/// A sentence to read around, as a user names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextRequest {
    /// The source as results name it.
    pub source: String,
    /// The line the sentence starts on (or, when none does, holds it).
    pub line: u64,
    /// Its number in the source, when known: then exactly that sentence.
    pub sentence: Option<u64>,
    /// How many sentences of its document on each side.
    pub around: usize,
}

impl ContextRequest {
    /// At most `MAX_CONTEXT` neighbours on each side.
    pub fn check(&self) -> Result<()> {
        if self.around > MAX_CONTEXT {
            return Err(Error::bad_value(
                "context",
                self.around.to_string(),
                format!("at most {MAX_CONTEXT} sentences on each side"),
            ));
        }
        Ok(())
    }
}

impl Engine {
    /// The sentence of the source that starts on the line (the first, when
    /// several do; the one that holds the line, when none starts on it) —
    /// or, given its number in the source, exactly that sentence — with up
    /// to `around` sentences of the same document on each side.
    pub fn context(&self, request: &ContextRequest) -> Result<Context> {
        request.check()?;
        let (source, line, around) = (request.source.as_str(), request.line, request.around);
        let searcher = self.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.index().fields.source(), source),
            IndexRecordOption::Basic,
        );
        let mut sentences = searcher.search(&query, &InOrder)?;
        sentences.sort_unstable();
        if sentences.is_empty() {
            return Err(Error::UnknownLocation {
                source_path: source.to_string(),
            });
        }
        let orders: Vec<u64> = sentences.iter().map(|&(order, _)| order).collect();
        let target = target_of(&orders, request.sentence, line, |i| {
            Ok(self.read_record(&searcher, sentences[i].1)?.line)
        })?;
        let first = target.saturating_sub(around);
        let last = (target + around).min(sentences.len() - 1);
        let records = (first..=last)
            .map(|i| Ok((i, self.read_record(&searcher, sentences[i].1)?)))
            .collect::<Result<Vec<_>>>()?;
        Ok(context_of(source, line, target, records))
    }
}

/// Which of a source's sentences, in corpus order (`orders`), is asked for:
/// the one numbered `sentence`, else the first that starts on `line` (or,
/// when none does, the one that holds it). `line_at` reads a sentence's
/// line, as few times as a binary search needs.
pub fn target_of(
    orders: &[u64],
    sentence: Option<u64>,
    line: u64,
    mut line_at: impl FnMut(usize) -> Result<u64>,
) -> Result<usize> {
    let number_mask = (1u64 << SENTENCE_BITS) - 1;
    if let Some(i) = sentence.and_then(|n| orders.iter().position(|&o| o & number_mask == n)) {
        return Ok(i);
    }
    // Lines never decrease along a file: find the first sentence on or
    // after the line.
    let (mut lo, mut hi) = (0, orders.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if line_at(mid)? < line {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(if lo < orders.len() && line_at(lo)? == line {
        lo
    } else {
        lo.saturating_sub(1)
    })
}

/// The context of the sentence at position `target`, from the records
/// around it (each with its position): those of the same document.
pub fn context_of(
    source: &str,
    line: u64,
    target: usize,
    records: Vec<(usize, SentenceRecord)>,
) -> Context {
    let (doc, title) = records
        .iter()
        .find(|(i, _)| *i == target)
        .map(|(_, hit)| (hit.doc.clone(), hit.title.clone()))
        .unwrap_or_default();
    let sentences = records
        .into_iter()
        .filter(|(_, record)| record.doc == doc)
        .map(|(i, record)| ContextSentence {
            hit: i == target,
            record,
        })
        .collect();
    Context {
        source: source.to_string(),
        line,
        doc,
        title,
        sentences,
    }
}

/// Every matching sentence's corpus order and address.
struct InOrder;

struct InOrderSegment {
    segment: SegmentOrdinal,
    order: Option<tantivy::columnar::Column<u64>>,
    found: Vec<(u64, DocAddress)>,
}

impl Collector for InOrder {
    type Fruit = Vec<(u64, DocAddress)>;
    type Child = InOrderSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<InOrderSegment> {
        Ok(InOrderSegment {
            segment,
            order: reader.fast_fields().u64(schema::ORDER).ok(),
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Vec<(u64, DocAddress)>>,
    ) -> tantivy::Result<Vec<(u64, DocAddress)>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for InOrderSegment {
    type Fruit = Vec<(u64, DocAddress)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let order = self
            .order
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(u64::MAX);
        self.found.push((order, DocAddress::new(self.segment, doc)));
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

/// `source:line` as results show it: the line after the last colon.
pub fn parse_location(location: &str) -> std::result::Result<(&str, u64), String> {
    let (source, line) = location
        .rsplit_once(':')
        .ok_or_else(|| "expected SOURCE:LINE, as results show it (corpus/a.txt:12)".to_string())?;
    let line: u64 = line
        .trim()
        .parse()
        .map_err(|_| format!("{line:?} is not a line number; expected SOURCE:LINE"))?;
    if source.is_empty() {
        return Err("the source is missing; expected SOURCE:LINE".into());
    }
    Ok((source, line))
}
