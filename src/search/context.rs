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
use crate::vocab::contract::{Context, ContextSentence};

/// The most neighbours asked for on each side.
pub const MAX_CONTEXT: usize = 100;

impl Engine {
    /// The sentence of `source` that starts on `line` (the first, when
    /// several do; the one that holds the line, when none starts on it) —
    /// or, given its number in the source, exactly that sentence — with up
    /// to `around` sentences of the same document on each side.
    pub fn context(
        &self,
        source: &str,
        line: u64,
        sentence: Option<u64>,
        around: usize,
    ) -> Result<Context> {
        if around > MAX_CONTEXT {
            return Err(Error::bad_value(
                "context",
                around.to_string(),
                format!("at most {MAX_CONTEXT} sentences on each side"),
            ));
        }
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
        let number_mask = (1u64 << SENTENCE_BITS) - 1;
        let numbered = sentence.and_then(|n| {
            sentences
                .iter()
                .position(|&(order, _)| order & number_mask == n)
        });
        let target = match numbered {
            Some(i) => i,
            None => {
                let line_at = |i: usize| -> Result<u64> {
                    Ok(self.read_record(&searcher, sentences[i].1)?.line)
                };
                // Lines never decrease along a file: find the first sentence
                // on or after the line.
                let (mut lo, mut hi) = (0, sentences.len());
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if line_at(mid)? < line {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                if lo < sentences.len() && line_at(lo)? == line {
                    lo
                } else {
                    lo.saturating_sub(1)
                }
            }
        };
        let first = target.saturating_sub(around);
        let last = (target + around).min(sentences.len() - 1);
        let hit = self.read_record(&searcher, sentences[target].1)?;
        let mut out = Vec::with_capacity(last - first + 1);
        for (i, &(_, address)) in sentences.iter().enumerate().take(last + 1).skip(first) {
            let record = if i == target {
                hit.clone()
            } else {
                self.read_record(&searcher, address)?
            };
            if record.doc == hit.doc {
                out.push(ContextSentence {
                    hit: i == target,
                    record,
                });
            }
        }
        Ok(Context {
            source: source.to_string(),
            line,
            doc: hit.doc.clone(),
            title: hit.title.clone(),
            sentences: out,
        })
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
