//! The words of a stored sentence as the index reads them (each with its
//! stem and where it stands in the text), which of them a query matched, and
//! the pass over every matching sentence that concordance lines, collocates
//! and key terms are counted from.

use std::collections::HashSet;

use tantivy::collector::DocSetCollector;
use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, TantivyDocument};

use super::deadline::{self, WithDeadline};
use super::{Engine, SearchRequest, query, ranking};
use crate::error::{Error, Result};

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As the index holds it: lowercased, folded, stemmed.
    pub stem: String,
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or_default()
    }
}

/// The words of `text`, in order, as `analyzer` (the text field's) makes them.
pub fn words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Word> {
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        words.push(Word {
            stem: token.text.clone(),
            start: token.offset_from,
            end: token.offset_to,
        });
    }
    words
}

/// Whether a word counts as a collocate or key term: not a stop word and
/// longer than one character.
pub fn is_content(surface: &str) -> bool {
    surface.chars().nth(1).is_some() && !ranking::is_stop_word(surface)
}

/// The stems a query's text part matches, as the index holds them.
pub type QueryStems = HashSet<String>;

/// The stems of the text field that `query` searches for.
pub fn stems_of(query: &dyn tantivy::query::Query, text: tantivy::schema::Field) -> QueryStems {
    let mut stems = QueryStems::new();
    query.query_terms(&mut |term, _| {
        if term.field() == text
            && let Some(stem) = term.value().as_str()
        {
            stems.insert(stem.to_string());
        }
    });
    stems
}

/// Threads that read stored sentences at most, and the fewest sentences
/// worth a thread of their own.
const MAX_THREADS: usize = 4;
const MIN_PER_THREAD: usize = 2_000;

/// What a pass over the matching sentences read.
pub struct Scan {
    /// Sentences the query and filters match.
    pub total: u64,
    /// Sentences read (at most the cap asked for).
    pub read: u64,
}

impl Engine {
    /// The stems of the request's query words; an error when it has none
    /// (`*` or filters alone), for what needs words to centre on.
    pub(super) fn query_stems(&self, request: &SearchRequest) -> Result<QueryStems> {
        let searcher = self.reader.searcher();
        let built = query::build(&self.open, &searcher, request, &self.ranking)?;
        let stems = stems_of(&*built.text, self.open.fields.text);
        if stems.is_empty() {
            return Err(Error::BadQuery {
                message: "this needs words to search for (a word or phrase of the text), not only * or filters".into(),
            });
        }
        Ok(stems)
    }

    pub(super) fn text_analyzer(&self) -> Result<TextAnalyzer> {
        Ok(self.open.index.tokenizer_for_field(self.open.fields.text)?)
    }

    /// Folds the text of every sentence the request matches (query and
    /// filters), reading at most `cap` of them, into one accumulator per
    /// thread (`init` makes one, `each` adds a sentence to it); the
    /// caller merges them. Reading stored sentences is most of the cost,
    /// so large scans share it between the cores, each thread taking a
    /// run of sentences in index order (the stored blocks are read once
    /// each).
    pub(super) fn fold_matching_texts<A: Send>(
        &self,
        request: &SearchRequest,
        cap: u64,
        init: &(dyn Fn() -> Result<A> + Sync),
        each: &(dyn Fn(&mut A, &str) + Sync),
    ) -> Result<(Scan, Vec<A>)> {
        let searcher = self.reader.searcher();
        let built = query::build(&self.open, &searcher, request, &self.ranking)?;
        let timed_out = |e: tantivy::TantivyError| match e {
            tantivy::TantivyError::InternalError(m) if m == deadline::TIMED_OUT => Error::TimedOut,
            other => Error::Tantivy(other),
        };
        let matching = searcher
            .search(
                &built.full,
                &WithDeadline::new(DocSetCollector, request.deadline),
            )
            .map_err(timed_out)?;
        let total = matching.len() as u64;
        let mut addresses: Vec<DocAddress> = matching.into_iter().collect();
        addresses.sort_unstable();
        addresses.truncate(usize::try_from(cap).unwrap_or(usize::MAX));
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, MAX_THREADS)
            .min(addresses.len().div_ceil(MIN_PER_THREAD).max(1));
        let chunk = addresses.len().div_ceil(threads).max(1);
        let text_field = self.open.fields.text;
        let read_run = |run: &[DocAddress]| -> Result<A> {
            let mut acc = init()?;
            for (i, address) in run.iter().enumerate() {
                if i % 1024 == 0 {
                    deadline::check(request.deadline)?;
                }
                let stored: TantivyDocument = searcher.doc(*address)?;
                let text = stored
                    .get_first(text_field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                each(&mut acc, text);
            }
            Ok(acc)
        };
        let folded: Vec<Result<A>> = if threads <= 1 {
            vec![read_run(&addresses)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = addresses
                    .chunks(chunk)
                    .map(|run| scope.spawn(|| read_run(run)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join().unwrap_or_else(|_| {
                            Err(Error::BadIndex {
                                path: self.open.path.clone(),
                                message: "is damaged (a stored sentence could not be decoded)"
                                    .into(),
                            })
                        })
                    })
                    .collect()
            })
        };
        let accumulators = folded.into_iter().collect::<Result<Vec<A>>>()?;
        Ok((
            Scan {
                total,
                read: addresses.len() as u64,
            },
            accumulators,
        ))
    }

    /// Sentences of the index that hold `stem`: a word's corpus frequency
    /// (a sentence seldom holds a content word twice, and the index keeps
    /// no count of occurrences).
    pub(super) fn sentence_frequency(&self, searcher: &tantivy::Searcher, stem: &str) -> u64 {
        let term = tantivy::Term::from_field_text(self.open.fields.text, stem);
        searcher.doc_freq(&term).unwrap_or(0)
    }

    /// Every word of the index, counted once per occurrence.
    pub(super) fn corpus_words(&self, searcher: &tantivy::Searcher) -> Result<u64> {
        let mut total = 0u64;
        for segment in searcher.segment_readers() {
            total += segment
                .inverted_index(self.open.fields.text)?
                .total_num_tokens();
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;

    #[test]
    fn words_keep_their_place_and_stem() {
        let index = tantivy::Index::create_in_ram(schema::build_schema());
        schema::register_analyzers(&index);
        let mut analyzer = index.tokenizers().get(schema::TEXT_ANALYZER).unwrap();
        let text = "Atatürk's reforms, in Ankara.";
        let w = words(&mut analyzer, text);
        let stems: Vec<&str> = w.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["ataturk", "s", "reform", "in", "ankara"]);
        assert_eq!(w[0].surface(text), "Atatürk");
        assert_eq!(w[2].surface(text), "reforms");
        assert!(is_content("reforms") && !is_content("in") && !is_content("s"));
    }
}
