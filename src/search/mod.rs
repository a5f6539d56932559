//! Search: a request (query text, filters, facets, sort, page) in, a
//! `SearchResult` value out. Nothing here prints; `render` and `serve` do.

pub mod facets;
pub mod filters;
mod query;
mod stats;

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, DocId, IndexReader, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term,
};

use crate::error::{Error, Result};
use crate::extract::gazetteer;
use crate::extract::names::fold_name;
use crate::extract::{CountryRef, DateOut, SentenceRecord};
use crate::index::{self, OpenIndex, schema};
pub use facets::{FacetKind, FacetSummary, FacetValue};
pub use stats::Stats;

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

impl Sort {
    pub fn parse(value: &str) -> Result<Sort> {
        match value {
            "relevance" | "score" => Ok(Sort::Relevance),
            "date" => Ok(Sort::Date),
            "-date" => Ok(Sort::DateDesc),
            _ => Err(Error::bad_argument(
                "--sort",
                value,
                "expected relevance, date or -date",
            )),
        }
    }
}

/// A search as a user asks for it; filter values are as typed.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub plain: bool,
    pub all: bool,
    pub limit: usize,
    pub offset: usize,
    pub years: Vec<String>,
    pub dates: Vec<String>,
    pub countries: Vec<String>,
    pub persons: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    pub sources: Vec<String>,
    pub facets: Vec<FacetKind>,
    pub facet_limit: usize,
    pub sort: Sort,
    pub group_by_doc: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            plain: false,
            all: false,
            limit: 10,
            offset: 0,
            years: Vec::new(),
            dates: Vec::new(),
            countries: Vec::new(),
            persons: Vec::new(),
            orgs: Vec::new(),
            places: Vec::new(),
            sources: Vec::new(),
            facets: Vec::new(),
            facet_limit: 10,
            sort: Sort::Relevance,
            group_by_doc: false,
        }
    }
}

/// The part of a sentence shown for a hit, with the matched terms' byte
/// ranges inside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    pub fragment: String,
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub doc: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub line: u64,
    pub sentence: u64,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub snippet: Snippet,
    pub refs: Vec<u32>,
    pub dates: Vec<DateOut>,
    pub years: Vec<i32>,
    pub countries: Vec<CountryRef>,
    pub persons: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    /// With `--group-by doc`: how many sentences of this document match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_matches: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult {
    pub query: String,
    /// Matching sentences (documents, with `--group-by doc`).
    pub total: u64,
    pub offset: usize,
    pub limit: usize,
    pub took_ms: f64,
    pub hits: Vec<Hit>,
    pub facets: BTreeMap<String, Vec<FacetValue>>,
    /// For each facet: distinct values and what `--facet-limit` left out.
    pub facet_info: BTreeMap<String, FacetSummary>,
}

/// An index opened for searching; cheap to share between threads.
pub struct Engine {
    open: OpenIndex,
    reader: IndexReader,
}

impl Engine {
    pub fn open(root: &Path) -> Result<Engine> {
        let open = index::open(root)?;
        let reader = open.index.reader()?;
        Ok(Engine { open, reader })
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
            return Err(Error::bad_argument(
                "--limit",
                request.limit.to_string(),
                format!("at most {MAX_LIMIT}; page with --offset"),
            ));
        }
        let searcher = self.reader.searcher();
        let built = query::build(&self.open, &searcher, request)?;
        let facet_collector = facets::FacetCollector::new(request.facets.clone());
        let window = request.offset.saturating_add(request.limit);

        let (total, ranked, counts) = if request.group_by_doc {
            let (groups, counts) = searcher.search(&built.full, &(DocGroups, facet_collector))?;
            let total = groups.len() as u64;
            let mut groups = groups;
            groups.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.order.cmp(&b.order)));
            let page = groups
                .into_iter()
                .skip(request.offset)
                .take(request.limit)
                .map(|g| (g.score, g.address, Some(g.matches)))
                .collect::<Vec<_>>();
            (total, page, counts)
        } else if window == 0 || request.offset >= MAX_OFFSET {
            let (total, counts) = searcher.search(&built.full, &(Count, facet_collector))?;
            (total as u64, Vec::new(), counts)
        } else {
            let top = ranked_collector(request.sort, window);
            let ((top, total), counts) =
                searcher.search(&built.full, &((top, Count), facet_collector))?;
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
        let mut hits = Vec::with_capacity(ranked.len());
        for (i, (score, address, doc_matches)) in ranked.into_iter().enumerate() {
            let record = self.read_record(&searcher, address)?;
            let text = record.text.clone();
            let snippet = make_snippet(&snippets, &text);
            hits.push(Hit {
                rank: request.offset + i + 1,
                score,
                doc: record.doc,
                source: record.source,
                title: record.title,
                line: record.line,
                sentence: record.sentence,
                start: record.start,
                end: record.end,
                text,
                snippet,
                refs: record.refs,
                dates: record.dates,
                years: record.years,
                countries: record.countries,
                persons: record.persons,
                orgs: record.orgs,
                places: record.places,
                doc_matches,
            });
        }

        let mut facet_values = BTreeMap::new();
        let mut facet_info = BTreeMap::new();
        for (kind, counts) in request.facets.iter().zip(counts) {
            let (mut values, summary) = facets::top_values(*kind, counts, request.facet_limit);
            self.name_values(&searcher, *kind, &mut values)?;
            facet_values.insert(kind.name().to_string(), values);
            facet_info.insert(kind.name().to_string(), summary);
        }

        Ok(SearchResult {
            query: request.query.clone(),
            total,
            offset: request.offset,
            limit: request.limit,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            hits,
            facets: facet_values,
            facet_info,
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
        let fields = &self.open.fields;
        let stored: TantivyDocument = searcher.doc(address)?;
        let damaged = || Error::BadIndex {
            path: self.open.path.clone(),
            message: "a stored sentence cannot be read: rebuild it with `annals build --full`"
                .into(),
        };
        let mut record: SentenceRecord = stored
            .get_first(fields.record)
            .and_then(|v| v.as_bytes())
            .and_then(|b| serde_json::from_slice(b).ok())
            .ok_or_else(damaged)?;
        let text = stored
            .get_first(fields.text)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let segment = searcher.segment_reader(address.segment_ord);
        let keyword = |name: &str| -> Result<String> {
            let column = segment.fast_fields().str(name)?.ok_or_else(damaged)?;
            let ord = column
                .term_ords(address.doc_id)
                .next()
                .ok_or_else(damaged)?;
            let mut value = String::new();
            column.ord_to_str(ord, &mut value).map_err(|_| damaged())?;
            Ok(value)
        };
        record.restore(keyword(schema::DOC)?, keyword(schema::SOURCE)?, text);
        Ok(record)
    }

    /// Gives facet values the names people read: countries by their code
    /// and name, names in the form a sentence wrote them.
    fn name_values(
        &self,
        searcher: &tantivy::Searcher,
        kind: FacetKind,
        values: &mut [FacetValue],
    ) -> Result<()> {
        let field = match kind {
            FacetKind::Country => {
                for v in values.iter_mut() {
                    v.value = v.value.to_uppercase();
                    v.name = gazetteer::country_name(&v.value).map(str::to_string);
                }
                return Ok(());
            }
            FacetKind::Person => self.open.fields.person,
            FacetKind::Org => self.open.fields.org,
            FacetKind::Place => self.open.fields.place,
            _ => return Ok(()),
        };
        for v in values.iter_mut() {
            let query = TermQuery::new(
                Term::from_field_text(field, &v.value),
                IndexRecordOption::Basic,
            );
            let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
            let Some((_, address)) = top.first() else {
                continue;
            };
            let record = self.read_record(searcher, *address).ok();
            let names = record.map(|r| match kind {
                FacetKind::Person => r.persons,
                FacetKind::Org => r.orgs,
                _ => r.places,
            });
            v.name = names
                .unwrap_or_default()
                .into_iter()
                .find(|n| schema::keyword(&fold_name(n)) == v.value);
        }
        Ok(())
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
pub struct ScoreOnly<C>(C);

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

/// One document's best sentence and how many of its sentences match.
struct DocGroup {
    score: Score,
    order: u64,
    address: DocAddress,
    matches: u64,
}

/// Groups matching sentences by document for `--group-by doc`.
struct DocGroups;

struct DocGroupsSegment {
    segment: SegmentOrdinal,
    doc_ords: Option<tantivy::columnar::StrColumn>,
    order: Option<tantivy::columnar::Column<u64>>,
    best: HashMap<u64, DocGroup>,
}

impl Collector for DocGroups {
    type Fruit = Vec<DocGroup>;
    type Child = DocGroupsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(DocGroupsSegment {
            segment,
            doc_ords: reader.fast_fields().str(schema::DOC)?,
            order: reader.fast_fields().u64(schema::ORDER).ok(),
            best: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        segments: Vec<Vec<(String, DocGroup)>>,
    ) -> tantivy::Result<Vec<DocGroup>> {
        let mut merged: HashMap<String, DocGroup> = HashMap::new();
        for (doc, group) in segments.into_iter().flatten() {
            match merged.get_mut(&doc) {
                Some(g) => {
                    g.matches += group.matches;
                    if (group.score, Reverse(group.order)) > (g.score, Reverse(g.order)) {
                        g.score = group.score;
                        g.order = group.order;
                        g.address = group.address;
                    }
                }
                None => {
                    merged.insert(doc, group);
                }
            }
        }
        Ok(merged.into_values().collect())
    }
}

impl SegmentCollector for DocGroupsSegment {
    type Fruit = Vec<(String, DocGroup)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let ord = self
            .doc_ords
            .as_ref()
            .and_then(|c| c.term_ords(doc).next())
            .unwrap_or(u64::MAX);
        let order = self
            .order
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(u64::MAX);
        let address = DocAddress::new(self.segment, doc);
        let group = self.best.entry(ord).or_insert(DocGroup {
            score,
            order,
            address,
            matches: 0,
        });
        group.matches += 1;
        if (score, Reverse(order)) > (group.score, Reverse(group.order)) {
            group.score = score;
            group.order = order;
            group.address = address;
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = Vec::with_capacity(self.best.len());
        let mut name = String::new();
        for (ord, group) in self.best {
            name.clear();
            if let Some(column) = &self.doc_ords {
                let _ = column.ord_to_str(ord, &mut name);
            }
            out.push((name.clone(), group));
        }
        out
    }
}
