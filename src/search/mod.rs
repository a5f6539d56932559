//! Search: a request (query text, typed filters, facets, sort, page) in, a
//! contract `SearchResult` out. Nothing here prints; `render` and `serve` do.

mod collocates;
mod context;
mod deadline;
mod export;
mod facets;
mod groups;
mod keywords;
mod kwic;
mod query;
pub mod ranking;
mod stats;
mod trend;
mod words;

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;
use std::time::Instant;

use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::query::{EnableScoring, Weight};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, DocId, IndexReader, Score, SegmentOrdinal, SegmentReader, TantivyDocument,
};

use crate::error::{Error, Result};
use crate::index::{self, OpenIndex, schema};
use crate::vocab::contract::{
    Explain, FacetLists, FacetSummary, Hit, SearchResult, SentenceRecord, Snippet,
};
use crate::vocab::facets::Facet;
use crate::vocab::filters::{Filter, FilterError};
pub use collocates::{CollocatesRequest, MAX_WINDOW, Measure};
pub use context::{ContextRequest, MAX_CONTEXT, context_of, parse_location, target_of};
use deadline::WithDeadline;
pub use export::{RenderHit, each_rendered};
pub use facets::{FacetCollector, PersonLinks, top_counted};
pub use keywords::KeywordsRequest;
pub use kwic::{keep_end, keep_start};
pub use query::{MAX_QUERY_BYTES, parse_text};
use ranking::Ranking;
pub use trend::{Axis, BucketCount, BucketKey, Counted, MAX_SERIES, TrendRequest};

/// The largest page a request may ask for.
pub const MAX_LIMIT: usize = 10_000;
/// Pages starting beyond this many hits are answered with the count alone:
/// ranking that deep would hold every hit in memory.
pub const MAX_OFFSET: usize = 1_000_000;
/// How many characters of a sentence a snippet shows around its matches.
const SNIPPET_CHARS: usize = 400;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    /// Earliest date first; undated sentences last.
    Date,
    /// Latest earliest-date first; undated sentences last.
    DateDesc,
}

impl FromStr for Sort {
    type Err = FilterError;

    fn from_str(value: &str) -> Result<Sort, FilterError> {
        match value {
            "relevance" | "score" => Ok(Sort::Relevance),
            "date" => Ok(Sort::Date),
            "-date" => Ok(Sort::DateDesc),
            _ => Err(FilterError("expected relevance, date or -date".into())),
        }
    }
}

/// A search as a user asks for it.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    /// The query text is plain words: no operators, fields or quotes.
    pub plain: bool,
    /// Every word is required.
    pub all: bool,
    pub limit: usize,
    pub offset: usize,
    /// Values of one dimension OR, dimensions AND.
    pub filters: Vec<Filter>,
    pub facets: Vec<Facet>,
    /// Metadata keys counted as facets (`meta.speaker`), after `facets`.
    pub meta_facets: Vec<String>,
    pub facet_limit: usize,
    pub sort: Sort,
    /// At most one hit per document.
    pub group_by_doc: bool,
    /// When the answer stops being useful: past it the search stops
    /// working and fails with `Error::TimedOut`.
    pub deadline: Option<Instant>,
    /// Say how each hit's score is made.
    pub explain: bool,
    /// Add the words of the top hits to the query (pseudo-relevance
    /// feedback, RM3).
    pub expand: bool,
    /// Cut each hit as a concordance line (`Hit::kwic`).
    pub kwic: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            plain: false,
            all: false,
            limit: 10,
            offset: 0,
            filters: Vec::new(),
            facets: Vec::new(),
            meta_facets: Vec::new(),
            facet_limit: 10,
            sort: Sort::Relevance,
            group_by_doc: false,
            deadline: None,
            explain: false,
            expand: false,
            kwic: false,
        }
    }
}

impl SearchRequest {
    /// An export lists sentences: a request grouped by document cannot be
    /// one.
    pub fn check_exportable(&self) -> Result<()> {
        if self.group_by_doc {
            return Err(Error::bad_value(
                "group_by",
                Facet::Doc.name(),
                "an export lists sentences; leave out the grouping",
            ));
        }
        Ok(())
    }

    /// The answer to this request: its page of hits among `total`, with
    /// its facets, timed from `started`; the one shape the local index and
    /// an engine both answer in.
    pub fn answer(
        &self,
        total: u64,
        hits: Vec<Hit>,
        (facets, facet_info): (FacetLists, BTreeMap<String, FacetSummary>),
        started: Instant,
    ) -> SearchResult {
        SearchResult {
            query: self.query.clone(),
            total,
            offset: self.offset,
            limit: self.limit,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            hits,
            facets,
            facet_info,
            notice: None,
        }
    }
}

/// An index opened for searching; cheap to share between threads.
pub struct Engine {
    open: OpenIndex,
    reader: IndexReader,
    ranking: Ranking,
    /// The manifest's person aliases as facet counting reads them.
    person_links: PersonLinks,
}

impl Engine {
    pub fn open(root: &Path) -> Result<Engine> {
        let open = index::open(root)?;
        // The reader keeps the commit it opened: a caller that wants newer
        // ones opens a new engine (the server does, when the index changes).
        let reader = open
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::BadIndex {
                path: open.path.clone(),
                message: format!("cannot be opened ({e})"),
            })?;
        let ranking = Ranking::for_unit(&open.manifest.unit);
        let person_links = PersonLinks::new(open.manifest.person_aliases.clone());
        Ok(Engine {
            open,
            reader,
            ranking,
            person_links,
        })
    }

    pub fn index(&self) -> &OpenIndex {
        &self.open
    }

    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResult> {
        let started = Instant::now();
        if request.limit > MAX_LIMIT {
            return Err(Error::bad_value(
                "limit",
                request.limit.to_string(),
                format!("at most {MAX_LIMIT}; page with an offset"),
            ));
        }
        let searcher = self.reader.searcher();
        let mut built = query::build(&self.open, &searcher, request, &self.ranking)?;
        let statistics = ranking::Statistics {
            searcher: &searcher,
            avgdl_factor: self.ranking.avgdl_factor,
        };
        if request.expand && !built.text.is::<tantivy::query::AllQuery>() {
            let expanded = self.expand(&searcher, &built, &statistics)?;
            let original = built.text;
            built = query::combine(&self.open, &searcher, request, &self.ranking, expanded)?;
            // Snippets highlight what was asked for.
            built.text = original;
        }
        let mut counted = request.facets.clone();
        if !request.meta_facets.is_empty() {
            counted.push(Facet::Meta);
        }
        let facet_collector = FacetCollector::new(counted).linking_people(&self.person_links);
        let window = request.offset.saturating_add(request.limit);

        let deadline = request.deadline;
        let timed_out = |e: tantivy::TantivyError| match e {
            tantivy::TantivyError::InternalError(m) if m == deadline::TIMED_OUT => Error::TimedOut,
            other => Error::Tantivy(other),
        };
        let (total, ranked, counts) = if request.group_by_doc {
            let (groups, counts) = searcher
                .search_with_statistics_provider(
                    &built.full,
                    &WithDeadline::new((groups::DocGroups, facet_collector), deadline),
                    &statistics,
                )
                .map_err(timed_out)?;
            let total = groups.len() as u64;
            let page = groups::page(groups, request.offset, request.limit);
            (total, page, counts)
        } else if window == 0 || request.offset >= MAX_OFFSET {
            let (total, counts) = searcher
                .search_with_statistics_provider(
                    &built.full,
                    &WithDeadline::new((Count, facet_collector), deadline),
                    &statistics,
                )
                .map_err(timed_out)?;
            (total as u64, Vec::new(), counts)
        } else {
            let top = ranked_collector(request.sort, window);
            let ((top, total), counts) = searcher
                .search_with_statistics_provider(
                    &built.full,
                    &WithDeadline::new(((top, Count), facet_collector), deadline),
                    &statistics,
                )
                .map_err(timed_out)?;
            let page = top
                .into_iter()
                .skip(request.offset)
                .map(|(score, address)| (score, address, None))
                .collect();
            (total as u64, page, counts)
        };

        let mut snippets =
            SnippetGenerator::create(&searcher, &*built.text, self.open.fields.text)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let explainer = if request.explain {
            Some(
                built
                    .full
                    .weight(EnableScoring::enabled_from_statistics_provider(
                        &statistics,
                        &searcher,
                    ))?,
            )
        } else {
            None
        };
        let mut concordance = if request.kwic {
            let stems = words::stems_of(&*built.text, self.open.fields.text);
            Some((self.text_analyzer()?, stems))
        } else {
            None
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (i, (score, address, doc_matches)) in ranked.into_iter().enumerate() {
            deadline::check(deadline)?;
            let record = self.read_record(&searcher, address)?;
            let snippet = make_snippet(&snippets, &record.text);
            let explain = match &explainer {
                Some(weight) => Some(self.explain(&searcher, &**weight, address)?),
                None => None,
            };
            let kwic = concordance.as_mut().map(|(analyzer, stems)| {
                kwic::cut(&record.text, &words::words(analyzer, &record.text), stems)
            });
            hits.push(Hit {
                rank: request.offset + i + 1,
                score,
                record,
                snippet,
                doc_matches,
                explain,
                kwic,
            });
        }

        let mut facet_values = FacetLists::default();
        let mut facet_info = BTreeMap::new();
        let mut counts = counts.into_iter();
        for (facet, counts) in request.facets.iter().zip(counts.by_ref()) {
            let (mut values, summary) = facets::top_values(*facet, counts, request.facet_limit);
            self.name_values(&searcher, *facet, &mut values, deadline)?;
            facet_values.insert(facet.name().to_string(), values);
            facet_info.insert(facet.name().to_string(), summary);
        }
        if let Some(meta) = counts.next() {
            for key in &request.meta_facets {
                let (values, summary) = facets::top_meta_values(&meta, key, request.facet_limit);
                let name = format!("{}{key}", crate::vocab::facets::META_PREFIX);
                facet_values.insert(name.clone(), values);
                facet_info.insert(name, summary);
            }
        }

        Ok(request.answer(total, hits, (facet_values, facet_info), started))
    }

    /// RM3: the query as typed, weighted `ORIGINAL_WEIGHT` per word, or
    /// the feedback words of its top hits, weighted by their share.
    fn expand(
        &self,
        searcher: &tantivy::Searcher,
        built: &query::BuiltQuery,
        statistics: &ranking::Statistics,
    ) -> Result<Box<dyn tantivy::query::Query>> {
        use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
        let top = searcher.search_with_statistics_provider(
            &built.full,
            &TopDocs::with_limit(ranking::FEEDBACK_DOCS).order_by_score(),
            statistics,
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            let text = stored
                .get_first(self.open.fields.text)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
            hits.push((score, text));
        }
        let mut analyzer = self.open.index.tokenizer_for_field(self.open.fields.text)?;
        let terms = ranking::feedback_terms(&hits, &mut analyzer);
        let mut words = 0usize;
        built.text.query_terms(&mut |_, _| words += 1);
        let original = ranking::ORIGINAL_WEIGHT / words.max(1) as f32;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Should,
            Box::new(BoostQuery::new(built.text.box_clone(), original)),
        )];
        for (term, weight) in terms {
            let term = tantivy::Term::from_field_text(self.open.fields.text, &term);
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(
                        term,
                        tantivy::schema::IndexRecordOption::WithFreqs,
                    )),
                    (1.0 - ranking::ORIGINAL_WEIGHT) * weight,
                )),
            ));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// The parts of one hit's score.
    fn explain(
        &self,
        searcher: &tantivy::Searcher,
        weight: &dyn Weight,
        address: DocAddress,
    ) -> Result<Explain> {
        let segment = searcher.segment_reader(address.segment_ord);
        let tree = weight.explain(segment, address.doc_id)?;
        let details = serde_json::to_value(&tree).unwrap_or_default();
        let words = segment
            .get_fieldnorms_reader(self.open.fields.text)?
            .fieldnorm(address.doc_id);
        let mut parts = Vec::new();
        ranking::score_parts(&details, 1.0, &self.open.index.schema(), &mut parts);
        let (k1, b) = self.ranking.k1_b();
        Ok(Explain {
            score: tree.value(),
            bm25: parts.iter().map(|p| p.score).sum(),
            length_prior: self.ranking.prior.map(|p| p.factor(words)),
            words,
            k1,
            b,
            parts,
            details,
        })
    }

    /// A hit's record, with what the index keeps elsewhere put back: the
    /// text from its stored field, the document and source from their fast
    /// fields.
    fn read_record(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
    ) -> Result<SentenceRecord> {
        let columns = self.record_columns(searcher, address.segment_ord)?;
        self.read_record_with(searcher, address, &columns)
    }

    /// The document and source columns of a segment, which `read_record_with`
    /// reads: opened once for many records of the segment.
    fn record_columns(
        &self,
        searcher: &tantivy::Searcher,
        segment_ord: SegmentOrdinal,
    ) -> Result<RecordColumns> {
        let segment = searcher.segment_reader(segment_ord);
        let column = |name: &str| -> Result<tantivy::columnar::StrColumn> {
            segment
                .fast_fields()
                .str(name)?
                .ok_or_else(|| self.damaged())
        };
        Ok(RecordColumns {
            doc: NamedColumn::new(column(Facet::Doc.field())?),
            source: NamedColumn::new(column(Facet::Source.field())?),
        })
    }

    fn damaged(&self) -> Error {
        Error::BadIndex {
            path: self.open.path.clone(),
            message: "a stored sentence cannot be read".into(),
        }
    }

    fn read_record_with(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        columns: &RecordColumns,
    ) -> Result<SentenceRecord> {
        let stored: TantivyDocument = searcher.doc(address)?;
        self.record_from(stored, address.doc_id, columns)
    }

    /// The record of a stored sentence, its document and source named from
    /// the segment's columns.
    fn record_from(
        &self,
        stored: TantivyDocument,
        doc_id: DocId,
        columns: &RecordColumns,
    ) -> Result<SentenceRecord> {
        let (record, text) = self.stored_record(stored)?;
        self.named_record(record, text, doc_id, columns)
    }

    /// A stored sentence's record and text, as stored: without the document
    /// and source, which the segment's columns name.
    fn stored_record(&self, stored: TantivyDocument) -> Result<(SentenceRecord, String)> {
        let fields = &self.open.fields;
        let record: SentenceRecord = stored
            .get_first(fields.record)
            .and_then(|v| v.as_bytes())
            .and_then(|b| serde_json::from_slice(b).ok())
            .ok_or_else(|| self.damaged())?;
        let text = stored
            .get_first(fields.text)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        Ok((record, text))
    }

    /// A stored record made whole: its text, document and source put back.
    fn named_record(
        &self,
        mut record: SentenceRecord,
        text: String,
        doc_id: DocId,
        columns: &RecordColumns,
    ) -> Result<SentenceRecord> {
        let doc = columns.doc.value(doc_id).ok_or_else(|| self.damaged())?;
        let source = columns.source.value(doc_id).ok_or_else(|| self.damaged())?;
        record.restore(doc, source, text);
        Ok(record)
    }
}

/// The columns a record's document and source are read from, in one segment.
struct RecordColumns {
    doc: NamedColumn,
    source: NamedColumn,
}

impl RecordColumns {
    /// Names the documents and sources of these sentences of the segment.
    fn prefetch(&self, docs: &[DocId]) {
        self.doc.prefetch(docs.iter().copied());
        self.source.prefetch(docs.iter().copied());
    }
}

/// The values of these term ordinals of a keyword column, named in one pass
/// over its dictionary in term order: looked up one by one, each would
/// decompress a block of the dictionary (zstd) of its own.
pub(crate) fn names_of(
    column: &tantivy::columnar::StrColumn,
    mut ords: Vec<u64>,
) -> rustc_hash::FxHashMap<u64, String> {
    ords.sort_unstable();
    ords.dedup();
    let mut names = rustc_hash::FxHashMap::default();
    let mut next = ords.iter();
    let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        if let Some(&ord) = next.next() {
            names.insert(ord, String::from_utf8_lossy(bytes).into_owned());
        }
    });
    names
}

/// A keyword column that keeps the values it has named: naming one on its
/// own decompresses a block of the column's dictionary, so an export names
/// a window's values first, in one pass over the dictionary in term order.
struct NamedColumn {
    column: tantivy::columnar::StrColumn,
    names: std::sync::RwLock<rustc_hash::FxHashMap<u64, String>>,
}

impl NamedColumn {
    fn new(column: tantivy::columnar::StrColumn) -> NamedColumn {
        NamedColumn {
            column,
            names: Default::default(),
        }
    }

    /// Names the values of these sentences, forgetting those named before.
    fn prefetch(&self, docs: impl Iterator<Item = DocId>) {
        let ords = docs
            .filter_map(|doc| self.column.term_ords(doc).next())
            .collect();
        if let Ok(mut names) = self.names.write() {
            *names = names_of(&self.column, ords);
        }
    }

    /// The first value of a sentence, if it has one and it can be read.
    fn value(&self, doc: DocId) -> Option<String> {
        let ord = self.column.term_ords(doc).next()?;
        if let Some(value) = self.names.read().ok()?.get(&ord) {
            return Some(value.clone());
        }
        let mut value = String::new();
        self.column
            .ord_to_str(ord, &mut value)
            .ok()?
            .then_some(())?;
        if let Ok(mut names) = self.names.write() {
            names.insert(ord, value.clone());
        }
        Some(value)
    }
}

/// Top hits by relevance or date, ties broken by corpus order so that
/// results are the same from one build to the next.
fn ranked_collector(sort: Sort, window: usize) -> impl Collector<Fruit = Vec<(Score, DocAddress)>> {
    ScoreOnly(
        TopDocs::with_limit(window).tweak_score(move |segment: &SegmentReader| {
            let order = segment.fast_fields().u64(schema::ORDER).ok();
            let first_day = segment
                .fast_fields()
                .column_opt::<i64>(schema::FIRST_DAY)
                .ok()
                .flatten();
            move |doc: DocId, score: Score| {
                let order = order
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .unwrap_or(u64::MAX);
                let day = first_day.as_ref().and_then(|c| c.first(doc));
                let primary = match sort {
                    Sort::Relevance => i64::MIN,
                    Sort::Date => day.map_or(i64::MIN, |d| -d),
                    Sort::DateDesc => day.unwrap_or(i64::MIN),
                };
                (primary, score, Reverse(order))
            }
        }),
    )
}

/// Keeps the score of a compound sort key.
struct ScoreOnly<C>(C);

impl<C> Collector for ScoreOnly<C>
where
    C: Collector<Fruit = Vec<((i64, Score, Reverse<u64>), DocAddress)>>,
{
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = C::Child;

    fn for_segment(
        &self,
        id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        self.0.for_segment(id, segment)
    }

    fn requires_scoring(&self) -> bool {
        self.0.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        Ok(self
            .0
            .merge_fruits(fruits)?
            .into_iter()
            .map(|((_, score, _), a)| (score, a))
            .collect())
    }
}

/// The snippet of a hit: the whole sentence when it is short enough (tantivy
/// cuts a fragment at its last word, dropping closing punctuation), else
/// tantivy's best fragment; highlights are byte ranges in the fragment.
fn make_snippet(generator: &SnippetGenerator, text: &str) -> Snippet {
    let snippet = generator.snippet(text);
    let highlights = snippet.highlighted().iter().map(|r| [r.start, r.end]);
    let whole = text.chars().count() <= SNIPPET_CHARS;
    if whole || snippet.fragment().is_empty() {
        let shift = if snippet.fragment().is_empty() {
            0
        } else {
            snippet.fragment_range().start
        };
        let end = text
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map_or(text.len(), |(i, _)| i);
        return Snippet {
            fragment: text[..end].to_string(),
            highlights: highlights
                .map(|[s, e]| [s + shift, e + shift])
                .filter(|&[_, e]| e <= end)
                .collect(),
        };
    }
    Snippet {
        fragment: snippet.fragment().to_string(),
        highlights: highlights.collect(),
    }
}
