//! The JSON contract: every type annals writes for scripts, in one file,
//! documented where it is defined. `annals extract --format jsonl` writes a
//! [`SentenceRecord`] per line; `annals query --format json` and
//! `/api/search` a [`SearchResult`]; `annals stats --format json` and
//! `/api/stats` a [`Stats`]; `annals trend --format json` and `/api/trend`
//! a [`Trend`]; `annals query --format jsonl` an [`ExportHit`] per line;
//! `/api/health` a [`Health`]; `/api/facets` the
//! registry's dimensions; errors over HTTP an [`ErrorBody`]. The contract
//! may grow (new fields), never break (no field renamed, removed or retyped).
//!
//! Conventions: years use historical numbering (550 BC is `-550`, no year
//! 0); dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a leading `-` for BC;
//! countries are ISO 3166-1 alpha-2 codes (ISO 3166-3 for historical
//! states); `start`/`end` are byte offsets into the source file as read,
//! end exclusive.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::countries;
use super::facets::Facet;
use super::time::Precision;

/// One date mention of a sentence. A mention whose year (or month, or whole
/// value) was not written in it but taken from an earlier date of the
/// document ("On 7 August" after "In July 1914", "the following year")
/// carries `anchor`, that date; one with a modifier ("early January 1942",
/// "the summer of 1863") carries `mod`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The interval's first point; absent for an open start ("until 1918").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from: Option<String>,
    /// The interval's last point; absent for an open end ("since 2001").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to: Option<String>,
    pub precision: Precision,
    /// `hijri` for a mention in the Islamic calendar (`from`/`to` are then
    /// its Gregorian conversion).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub calendar: Option<String>,
    /// The date this mention was resolved from; absent when the mention is
    /// complete in itself.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub anchor: Option<DateAnchor>,
    /// The part of the interval a modifier points at, as TIMEX3's `mod`:
    /// `start`, `mid`, `end`, or a season (`spring`, `summer`, `autumn`,
    /// `winter`, `christmas`). The interval is the modified date's.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none", default)]
    pub modifier: Option<String>,
}

/// Where an anchored date mention took what it does not say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateAnchor {
    /// The reference date's text ("July 1914"), or the document's own date.
    pub text: String,
    /// The line where the reference date's sentence starts, 1-based (for a
    /// date in a section heading, the section's first sentence); absent when
    /// the reference is the document's own date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<u64>,
    /// The part of the value that was inferred, as a contract date ("1914"
    /// for "7 August", "1914-08" for "the 5th", the whole value for "the
    /// following year").
    pub inferred: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    Place,
    Person,
    Org,
}

/// One entity mention of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityOut {
    pub kind: EntityKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The country of a `country` mention.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub code: Option<String>,
    /// The country a `place` lies in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub country: Option<String>,
    /// The canonical name where it differs from the text: a country's or
    /// place's gazetteer name ("Iranian" → "Iran"), a name without its
    /// possessive or a line break.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
    /// The first-level division a `place` lies in, as country and postal code (`US-KY`),
    /// where the gazetteer knows it (US, Canada, Australia).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub region: Option<String>,
    /// The English name of `region` ("Kentucky").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub region_name: Option<String>,
    /// The GeoNames id of a `place` (<https://www.geonames.org/ID>), where the gazetteer
    /// has it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub geonames_id: Option<u64>,
    /// A `place`'s latitude and longitude in degrees (two decimals), where known: enough to
    /// put it on a map.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lat: Option<Degrees>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lon: Option<Degrees>,
}

/// A latitude or longitude in degrees, written as a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Degrees(pub f64);

// read from the gazetteer's decimals or a record annals wrote: never NaN
impl Eq for Degrees {}

/// A country a sentence speaks of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRef {
    pub code: String,
    /// Left out of the index's stored copy; restored from the code.
    #[serde(skip_serializing_if = "kept_elsewhere", default)]
    pub name: String,
}

impl CountryRef {
    pub fn from_code(code: &str) -> CountryRef {
        CountryRef {
            code: code.to_string(),
            name: countries::name(code).map_or_else(|| code.to_string(), str::to_string),
        }
    }
}

thread_local! {
    /// Whether this thread is serializing a record for the index's store
    /// ([`SentenceRecord::stored_json`]): one set of serde attributes
    /// describes both the contract and the stored copy.
    static STORING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Set while a record is serialized for the store; unset on drop.
struct Storing;

impl Storing {
    fn begin() -> Storing {
        STORING.with(|s| s.set(true));
        Storing
    }
}

impl Drop for Storing {
    fn drop(&mut self) {
        STORING.with(|s| s.set(false));
    }
}

fn storing() -> bool {
    STORING.with(std::cell::Cell::get)
}

/// Left out when empty, and always from the stored copy: a value the
/// index keeps in a field of its own or restores.
fn kept_elsewhere(value: &str) -> bool {
    value.is_empty() || storing()
}

/// Written as `[]` in the contract, left out of the stored copy.
fn empty_in_store<T>(list: &[T]) -> bool {
    list.is_empty() && storing()
}

/// A sentence with its provenance and everything extraction found in it:
/// a line of `annals extract --format jsonl`, and the body of a search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// The record `id` for JSONL and WikiExtractor input, else the source
    /// path. `doc`, `source` and `text` are left out of the index's stored
    /// copy (they live in their own fields) and restored when a hit is read.
    #[serde(skip_serializing_if = "kept_elsewhere", default)]
    pub doc: String,
    #[serde(skip_serializing_if = "kept_elsewhere", default)]
    pub source: String,
    /// The document's title (WikiExtractor and JSONL `title`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    /// The document's address (WikiExtractor and JSONL `url`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// The document's own date, as its JSONL record's `date` gives it: when
    /// it was written, not what time it speaks of.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub doc_date: Option<String>,
    /// The title of the section the sentence is under (a Markdown heading,
    /// a WikiExtractor section title).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub section: Option<String>,
    /// The line where the sentence starts, 1-based.
    pub line: u64,
    /// The sentence's number in its source, from 1.
    pub sentence: u64,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "kept_elsewhere", default)]
    pub text: String,
    /// Citation markers (`[20]`) removed from `text`.
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub refs: Vec<u32>,
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub dates: Vec<DateOut>,
    /// The start and end years of every mention of year precision or finer.
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub years: Vec<i32>,
    /// Decades (first years) and centuries (1-based, BC negative) of all
    /// mentions.
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub decades: Vec<i32>,
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub centuries: Vec<i32>,
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub entities: Vec<EntityOut>,
    /// Every country the sentence names, reaches through a demonym, or
    /// through a place in it.
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub countries: Vec<CountryRef>,
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub persons: Vec<String>,
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub orgs: Vec<String>,
    #[serde(skip_serializing_if = "empty_in_store", default)]
    pub places: Vec<String>,
    /// The first-level divisions its places lie in, as `US-KY Kentucky`.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub regions: Vec<String>,
    /// Other keys of a JSONL record.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty", default)]
    pub meta: serde_json::Map<String, serde_json::Value>,
}

impl SentenceRecord {
    /// The copy the index stores, as JSON: without what other fields hold
    /// or the country table restores, and without empty lists, which are
    /// most of a sentence without annotations (the store is smaller, and
    /// an export, which decompresses nearly every stored block, faster).
    pub fn stored_json(&self) -> Vec<u8> {
        let _storing = Storing::begin();
        // Serializing a record cannot fail: its maps have string keys.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The names this record gives the values of a name dimension, as
    /// written: what a facet value's key is shown as.
    pub fn names_of(&self, facet: Facet) -> Vec<&str> {
        match facet {
            Facet::Person => self.persons.iter().map(String::as_str).collect(),
            Facet::Org => self.orgs.iter().map(String::as_str).collect(),
            Facet::Place => self.places.iter().map(String::as_str).collect(),
            Facet::Region => self.regions.iter().map(String::as_str).collect(),
            Facet::Section => self.section.as_deref().into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Restores what `stored_json` left out.
    pub fn restore(&mut self, doc: String, source: String, text: String) {
        self.doc = doc;
        self.source = source;
        self.text = text;
        for c in &mut self.countries {
            if c.name.is_empty() {
                c.name = CountryRef::from_code(&c.code).name;
            }
        }
    }
}

/// The part of a sentence shown for a hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    pub fragment: String,
    /// The matched terms: byte ranges within `fragment`.
    pub highlights: Vec<[usize; 2]>,
}

/// A hit as a concordance line (keyword in context): the first words the
/// query matched, and the text before and after them, each side cut at a
/// word boundary to at most 200 characters. With `--kwic` (`kwic=1` over
/// HTTP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kwic {
    pub left: String,
    /// Empty when the query names no words of the text (`*`).
    #[serde(rename = "match")]
    pub matched: String,
    pub right: String,
}

/// One search hit: the sentence's record with its rank, score and snippet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    #[serde(flatten)]
    pub record: SentenceRecord,
    pub snippet: Snippet,
    /// With `--group-by doc`: how many sentences of this document match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_matches: Option<u64>,
    /// With `--explain`: the parts of the score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
    /// With `--kwic` (and for `--format kwic`): the hit as a concordance line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kwic: Option<Kwic>,
}

/// Why a hit scores what it does: `score` is the sum of the `parts`' scores
/// times `length_prior` (sentence indexes only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explain {
    pub score: f32,
    /// The sum of the BM25 scores of the parts.
    pub bm25: f32,
    /// The multiplier for the unit's length in words: `words / (words +
    /// half)`; absent for document units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length_prior: Option<f32>,
    /// The unit's length in words as the index counts it (exact up to 40,
    /// approximate above).
    pub words: u32,
    /// The BM25 parameters of this index's unit.
    pub k1: f32,
    pub b: f32,
    /// Every clause that matched this hit and adds to its score: a word of
    /// the query, a phrase, or a filter's value.
    pub parts: Vec<ScorePart>,
    /// tantivy's own explanation tree (idf, term frequency, lengths), as it
    /// gives it; its k1, b and avgdl are tantivy's fixed parameters with the
    /// average length annals states, which together make `k1` and `b`.
    pub details: serde_json::Value,
}

/// One part of a hit's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorePart {
    /// `word` (one term of the text), `phrase`, or `filter` (a term of
    /// another field).
    pub kind: String,
    /// The field it matched in: `text`, or a dimension's field.
    pub field: String,
    /// The term as indexed (stemmed, folded); absent for phrases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Its contribution to `bm25`, boosts applied.
    pub score: f32,
    /// A boost other than 1 applied to it: 0 for a stop word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boost: Option<f32>,
}

/// One value of a facet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value as filters take it: a year, a country code, a folded name.
    pub value: String,
    /// A country's name, a name's display form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A time value as people write it ("1990s", "19th century", "550 BC").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A sortable number for time values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<i64>,
    pub count: u64,
}

impl FacetValue {
    /// A country value as facets show it: the code in capitals (the index
    /// holds it folded) and the country's name.
    pub fn name_country(&mut self) {
        self.value = self.value.to_uppercase();
        self.name = countries::name(&self.value).map(str::to_string);
    }
}

/// Facet lists by facet name, kept in the order they were asked for and
/// written as one JSON object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetLists(pub Vec<(String, Vec<FacetValue>)>);

impl FacetLists {
    pub fn get(&self, name: &str) -> Option<&Vec<FacetValue>> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<FacetValue>)> {
        self.0.iter().map(|(n, v)| (n, v))
    }

    pub fn insert(&mut self, name: String, values: Vec<FacetValue>) {
        self.0.push((name, values));
    }
}

impl Serialize for FacetLists {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, values) in &self.0 {
            map.serialize_entry(name, values)?;
        }
        map.end()
    }
}

/// What a facet's list left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetSummary {
    /// Distinct values among all matching sentences.
    pub distinct: usize,
    /// Values not listed because of the facet limit.
    pub remaining_values: usize,
    /// The sum of their counts.
    pub remaining_count: u64,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult {
    pub query: String,
    /// Matching sentences (documents, when grouped by document).
    pub total: u64,
    pub offset: usize,
    pub limit: usize,
    pub took_ms: f64,
    pub hits: Vec<Hit>,
    /// One key per requested facet, in the order asked, each a list sorted
    /// by count, then value.
    pub facets: FacetLists,
    /// For each facet: distinct values and what the facet limit left out.
    pub facet_info: BTreeMap<String, FacetSummary>,
    /// Set when the query was read otherwise than as typed (a query that
    /// does not parse, searched as plain words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
}

/// `annals collocates` and `/api/collocates`: the words found near the
/// query's matched words in the matching sentences, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collocates {
    pub query: String,
    /// Words on each side of a matched word.
    pub window: usize,
    /// The association measure: `logdice`, `mi`, `t` or `llr`.
    pub measure: String,
    /// Sentences the query and filters match, and how many were read (all
    /// of them up to a million).
    pub total: u64,
    pub sentences: u64,
    pub took_ms: f64,
    pub collocates: Vec<Collocate>,
}

/// One collocate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collocate {
    /// The word as it was written most often near the query's words (the
    /// index counts it with its other forms: "treaties" with "treaty").
    pub word: String,
    /// Its occurrences within the windows.
    pub count: u64,
    /// Sentences of the whole index that hold it.
    pub frequency: u64,
    /// Its association with the query's words by `measure`.
    pub score: f64,
}

/// `annals keywords` and `/api/keywords`: the words over-represented in the
/// matching sentences against the rest of the index, by G², largest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keywords {
    pub query: String,
    /// Sentences matched, and how many were read (all of them up to a
    /// million).
    pub total: u64,
    pub sentences: u64,
    /// Sentences in the whole index.
    pub index_sentences: u64,
    pub took_ms: f64,
    pub keywords: Vec<Keyword>,
}

/// One key term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    /// The word as it was written most often in the matching sentences.
    pub word: String,
    /// Matching sentences that hold it.
    pub count: u64,
    /// Sentences of the whole index that hold it (`count` included).
    pub frequency: u64,
    /// Log-likelihood of the difference: above 3.84, 6.63 and 10.83 it is
    /// significant at p < 0.05, 0.01 and 0.001.
    pub g2: f64,
    /// log2 of its share of the matching sentences over its share of the
    /// others: 1 is twice as common, 3 eight times.
    pub log_ratio: f64,
}

/// One hit as `annals query --format jsonl` (and `/api/export`) writes it:
/// the sentence's record with its rank and score, without a snippet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportHit {
    pub rank: usize,
    pub score: f32,
    #[serde(flatten)]
    pub record: SentenceRecord,
}

/// `annals trend` and `/api/trend`: how many sentences match each query in
/// each bucket of a dimension, next to how many sentences the bucket holds
/// under the same filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// The dimension the buckets are values of (`year`, `doc_year`,
    /// `country`, `meta.speaker`).
    pub by: String,
    /// One series per query, in the order asked, all over the same buckets.
    pub series: Vec<TrendSeries>,
    pub took_ms: f64,
}

/// One query's counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendSeries {
    pub query: String,
    /// Matching sentences, whether or not they fall in a bucket (a sentence
    /// without a date falls in no year).
    pub total: u64,
    /// For a time dimension, every bucket from the first to the last one any
    /// query matches, empty ones included, in time order; for another, the
    /// values the queries match most, by their summed counts.
    pub buckets: Vec<TrendBucket>,
}

/// One bucket of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendBucket {
    /// The value as filters take it: `1990` (a year, or a decade's first
    /// year), `IR`, a folded name.
    pub key: String,
    /// As people read it: `1990s`, `Iran`.
    pub label: String,
    /// Matching sentences in the bucket: what the query with a filter on
    /// this value counts.
    pub count: u64,
    /// All sentences in the bucket under the same filters: the denominator.
    pub of: u64,
    /// `count / of × 10⁶` (0 when `of` is 0), to three decimals.
    pub per_million: f64,
    /// Distinct documents among the matching sentences.
    pub docs: u64,
}

/// `annals show` and `/api/context`: a sentence with its neighbours in its
/// document, in corpus order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Context {
    /// The source and line asked for.
    pub source: String,
    pub line: u64,
    /// The document the sentence belongs to, and its title if it has one.
    pub doc: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub sentences: Vec<ContextSentence>,
}

/// One sentence of a context: its record, and whether it is the one asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContextSentence {
    pub hit: bool,
    #[serde(flatten)]
    pub record: SentenceRecord,
}

/// What an index holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// The index as the user named it: its generation's folder for the
    /// command line, the server's label for it (`index/`) over HTTP.
    pub index: String,
    pub annals_version: String,
    /// `sentence` or `document`: what one indexed unit is.
    pub unit: String,
    pub files: u64,
    pub documents: u64,
    /// Indexed units (sentences, or documents with `--unit document`).
    pub sentences: u64,
    pub sources: u64,
    pub segments: usize,
    pub size_bytes: u64,
    pub first_year: Option<i64>,
    pub last_year: Option<i64>,
    /// Share of units with at least one date, and with at least one country.
    pub dated_share: f64,
    pub country_share: f64,
    /// Documents with a date of their own (a JSONL `date`, or one a build
    /// took from the path), and the first and last of their years.
    #[serde(default)]
    pub dated_documents: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_doc_year: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_doc_year: Option<i64>,
    /// The commonest values of the name and country facets.
    pub top: BTreeMap<String, Vec<FacetValue>>,
    /// Every decade, in time order.
    pub decades: Vec<FacetValue>,
}

/// `/api/health`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Health {
    pub status: &'static str,
    pub index: String,
    pub sentences: u64,
    pub version: &'static str,
    /// The generation answering now (`gen-000003`): it changes when a full
    /// build is published.
    pub generation: String,
    /// When the index answering now was last written (by a full build or an
    /// incremental one), as RFC 3339 UTC.
    pub built: String,
}

/// The body of every HTTP answer other than 200.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorBody {
    pub error: String,
}

#[cfg(test)]
#[path = "contract_tests.rs"]
mod tests;
