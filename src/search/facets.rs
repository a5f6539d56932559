//! Facet counts: one collector that counts, over every matching sentence,
//! the values of the requested fast fields, exact whatever the page size;
//! then the top values, with the names people read.
//!
//! Keyword facets are counted by term ordinal in each segment, and only the
//! values shown are turned into strings. Segments' counts are merged by
//! reading their sorted dictionaries side by side when many values match
//! (a match-all query over millions of sentences), or by looking up the few
//! values that did when few match: never a string per value per segment.
//!
//! Person names that stand for another across the corpus (the index's
//! `person_aliases`) count as that name, once per sentence.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::Engine;
use crate::error::Result;
use crate::index::aliases::Aliases;
use crate::vocab::contract::{FacetSummary, FacetValue};
use crate::vocab::facets::{Facet, Values};
use crate::vocab::fold::fold_name;

/// Raw counts of one facet over all matching documents.
pub enum Counts {
    Numeric(HashMap<i64, u64>),
    /// Counts by term ordinal, one entry per segment with the column whose
    /// dictionary the ordinals index.
    Text(Vec<OrdinalCounts>),
}

/// One segment's counts of a keyword facet, by term ordinal.
pub struct OrdinalCounts {
    column: StrColumn,
    counts: Vec<u32>,
    /// How many ordinals have a count.
    nonzero: usize,
    /// Names counted that this segment's dictionary lacks: the full names
    /// some of its aliases stand for.
    absent: Vec<(String, u64)>,
}

/// An index's person aliases (`index::aliases`) as facet counting reads
/// them: with the names they stand for, sorted, made once per opened index
/// and shared by every query and segment.
#[derive(Clone, Default)]
pub struct PersonLinks {
    aliases: Arc<Aliases>,
    names: Arc<Vec<String>>,
}

impl PersonLinks {
    pub fn new(aliases: Aliases) -> PersonLinks {
        let mut names: Vec<String> = aliases.values().cloned().collect();
        names.sort_unstable();
        names.dedup();
        PersonLinks {
            aliases: Arc::new(aliases),
            names: Arc::new(names),
        }
    }
}

/// Counts the requested facets of every document collected.
pub struct FacetCollector {
    facets: Vec<Facet>,
    person_links: Option<PersonLinks>,
}

impl FacetCollector {
    pub fn new(facets: Vec<Facet>) -> Self {
        FacetCollector {
            facets,
            person_links: None,
        }
    }

    /// Counts a person named by an alias as the name it stands for.
    pub fn linking_people(mut self, links: &PersonLinks) -> Self {
        self.person_links = (!links.aliases.is_empty()).then(|| links.clone());
        self
    }
}

enum SegmentCounts {
    Numeric(Option<Column<i64>>, HashMap<i64, u64>),
    Text(Option<StrColumn>, Vec<u32>, Option<Redirects>),
}

/// Where a segment's ordinals of aliases count: at the ordinal of the name
/// they stand for, or, when the segment lacks that name, in `absent`.
/// Learned as ordinals are met, one dictionary lookup each, which is what a
/// query with few hits needs; past `LOOKUPS_PER_PASS` lookups, by one pass
/// over the whole dictionary beside the sorted aliases, which is what a
/// query over most of the corpus needs (a lookup for each of thousands of
/// aliases in each of thirty segments took seconds).
struct Redirects {
    links: PersonLinks,
    /// For each ordinal: `UNKNOWN`, `NOT_ALIAS`, the ordinal it counts at,
    /// or `terms + i` for the `i`th name of `absent`.
    to: Vec<u32>,
    terms: u32,
    lookups: usize,
    absent: Vec<(String, u64)>,
    /// The ordinals of one document, and where they counted: a sentence
    /// naming "Hammarskjold" and "Dag Hammarskjold" counts once.
    ords: Vec<u32>,
    counted: Vec<u32>,
}

const UNKNOWN: u32 = u32::MAX;
const NOT_ALIAS: u32 = u32::MAX - 1;

/// Ordinals looked up one by one in a segment before its whole dictionary
/// is read instead.
const LOOKUPS_PER_PASS: usize = 32;

impl Redirects {
    fn new(column: &StrColumn, links: &PersonLinks) -> Option<Redirects> {
        let terms = u32::try_from(column.num_terms()).ok()?;
        (terms < NOT_ALIAS / 2).then(|| Redirects {
            links: links.clone(),
            to: vec![UNKNOWN; terms as usize],
            terms,
            lookups: 0,
            absent: Vec::new(),
            ords: Vec::new(),
            counted: Vec::new(),
        })
    }

    /// Where ordinal `ord` counts.
    fn target(&mut self, column: &StrColumn, ord: u32) -> u32 {
        let known = self.to.get(ord as usize).copied().unwrap_or(NOT_ALIAS);
        if known != UNKNOWN {
            return if known == NOT_ALIAS { ord } else { known };
        }
        if self.lookups >= LOOKUPS_PER_PASS {
            self.read_dictionary(column);
            return self.target(column, ord);
        }
        self.lookups += 1;
        let mut text = String::new();
        let found = column
            .ord_to_str(u64::from(ord), &mut text)
            .unwrap_or(false);
        let aliases = Arc::clone(&self.links.aliases);
        let to = match aliases.get(&text).filter(|_| found) {
            Some(name) => {
                let at = column.dictionary().term_ord(name).ok().flatten();
                self.place(name, at.map(|o| o as u32))
            }
            None => NOT_ALIAS,
        };
        self.to[ord as usize] = to;
        if to == NOT_ALIAS { ord } else { to }
    }

    /// The ordinal a name counts at, or its place in `absent`.
    fn place(&mut self, name: &str, ord: Option<u32>) -> u32 {
        if let Some(ord) = ord {
            return ord;
        }
        let i = match self.absent.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.absent.push((name.to_string(), 0));
                self.absent.len() - 1
            }
        };
        self.terms + i as u32
    }

    /// Fills every ordinal not yet known from one pass over the dictionary.
    fn read_dictionary(&mut self, column: &StrColumn) {
        let PersonLinks { aliases, names } = self.links.clone();
        let mut alias_ords: Vec<(u32, &str)> = Vec::new();
        let mut name_ords: HashMap<&str, u32> = HashMap::new();
        if let Ok(mut stream) = column.dictionary().stream() {
            let (mut next_alias, mut next_name) =
                (aliases.iter().peekable(), names.iter().peekable());
            while stream.advance() {
                let key = stream.key();
                let ord = stream.term_ord() as u32;
                while next_alias.peek().is_some_and(|(a, _)| a.as_bytes() < key) {
                    next_alias.next();
                }
                if let Some((alias, name)) = next_alias.peek()
                    && alias.as_bytes() == key
                {
                    alias_ords.push((ord, name.as_str()));
                }
                while next_name.peek().is_some_and(|n| n.as_bytes() < key) {
                    next_name.next();
                }
                if let Some(name) = next_name.peek()
                    && name.as_bytes() == key
                {
                    name_ords.insert(name.as_str(), ord);
                }
            }
        }
        for slot in self.to.iter_mut().filter(|t| **t == UNKNOWN) {
            *slot = NOT_ALIAS;
        }
        for (ord, name) in alias_ords {
            let to = self.place(name, name_ords.get(name).copied());
            self.to[ord as usize] = to;
        }
    }

    fn collect(&mut self, column: &StrColumn, doc: DocId, by_ord: &mut [u32]) {
        let mut ords = column.term_ords(doc);
        let (Some(first), None) = (ords.next(), ords.next()) else {
            return self.collect_several(column, doc, by_ord);
        };
        // One name, the common case: nothing to count twice.
        let target = self.target(column, first as u32);
        self.count(target, by_ord);
    }

    fn count(&mut self, target: u32, by_ord: &mut [u32]) {
        if target < self.terms {
            if let Some(c) = by_ord.get_mut(target as usize) {
                *c += 1;
            }
        } else if let Some((_, c)) = self.absent.get_mut((target - self.terms) as usize) {
            *c += 1;
        }
    }

    fn collect_several(&mut self, column: &StrColumn, doc: DocId, by_ord: &mut [u32]) {
        self.ords.clear();
        self.ords.extend(column.term_ords(doc).map(|o| o as u32));
        self.counted.clear();
        for k in 0..self.ords.len() {
            let ord = self.ords[k];
            let target = self.target(column, ord);
            if self.counted.contains(&target) {
                continue;
            }
            self.counted.push(target);
            self.count(target, by_ord);
        }
    }
}

pub struct FacetSegmentCollector {
    counts: Vec<SegmentCounts>,
}

impl Collector for FacetCollector {
    type Fruit = Vec<Counts>;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let fast = segment.fast_fields();
        let mut counts = Vec::with_capacity(self.facets.len());
        for facet in &self.facets {
            counts.push(if facet.is_time() {
                SegmentCounts::Numeric(fast.column_opt::<i64>(facet.field())?, HashMap::new())
            } else {
                let column = fast.str(facet.field())?;
                let n = column.as_ref().map_or(0, |c| c.num_terms());
                let redirects = match (&column, &self.person_links) {
                    (Some(column), Some(links)) if *facet == Facet::Person => {
                        Redirects::new(column, links)
                    }
                    _ => None,
                };
                SegmentCounts::Text(column, vec![0; n], redirects)
            });
        }
        Ok(FacetSegmentCollector { counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Vec<Counts>>) -> tantivy::Result<Vec<Counts>> {
        let mut merged: Vec<Counts> = self
            .facets
            .iter()
            .map(|f| {
                if f.is_time() {
                    Counts::Numeric(HashMap::new())
                } else {
                    Counts::Text(Vec::new())
                }
            })
            .collect();
        for segment in segments {
            for (into, from) in merged.iter_mut().zip(segment) {
                match (into, from) {
                    (Counts::Numeric(a), Counts::Numeric(b)) => {
                        for (k, v) in b {
                            *a.entry(k).or_default() += v;
                        }
                    }
                    (Counts::Text(a), Counts::Text(b)) => a.extend(b),
                    _ => {}
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = Vec<Counts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for counts in &mut self.counts {
            match counts {
                SegmentCounts::Numeric(Some(column), map) => {
                    for value in column.values_for_doc(doc) {
                        *map.entry(value).or_default() += 1;
                    }
                }
                SegmentCounts::Text(Some(column), by_ord, Some(redirects)) => {
                    redirects.collect(column, doc, by_ord);
                }
                SegmentCounts::Text(Some(column), by_ord, None) => {
                    for ord in column.term_ords(doc) {
                        if let Some(c) = by_ord.get_mut(ord as usize) {
                            *c += 1;
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn harvest(self) -> Vec<Counts> {
        self.counts
            .into_iter()
            .map(|counts| match counts {
                SegmentCounts::Numeric(_, map) => Counts::Numeric(map),
                SegmentCounts::Text(column, counts, redirects) => Counts::Text(
                    column
                        .map(|column| OrdinalCounts {
                            nonzero: counts.iter().filter(|&&c| c > 0).count(),
                            column,
                            counts,
                            absent: redirects
                                .map(|r| r.absent.into_iter().filter(|(_, c)| *c > 0).collect())
                                .unwrap_or_default(),
                        })
                        .into_iter()
                        .collect(),
                ),
            })
            .collect()
    }
}

/// The top `limit` values of one facet's counts, by count then value, and
/// what was left out.
pub fn top_values(facet: Facet, counts: Counts, limit: usize) -> (Vec<FacetValue>, FacetSummary) {
    let mut values: Vec<FacetValue> = match counts {
        Counts::Numeric(map) => {
            let mut pairs: Vec<(i64, u64)> = map.into_iter().collect();
            pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            pairs
                .into_iter()
                .map(|(key, count)| FacetValue {
                    value: key.to_string(),
                    name: None,
                    label: Some(facet.label(key)),
                    key: Some(key),
                    count,
                })
                .collect()
        }
        Counts::Text(segments) => return top_keywords(&segments, limit),
    };
    let distinct = values.len();
    let rest = values.split_off(limit.min(distinct));
    let summary = FacetSummary {
        distinct,
        remaining_values: rest.len(),
        remaining_count: rest.iter().map(|v| v.count).sum(),
    };
    (values, summary)
}

/// The top `limit` keyword values over all segments, by count then value,
/// exact, with what was left out.
fn top_keywords(segments: &[OrdinalCounts], limit: usize) -> (Vec<FacetValue>, FacetSummary) {
    let mut top = TopK::new(limit);
    // Names counted only where a segment lacked them: added to their count
    // where they are met, offered on their own if never met.
    let mut absent: HashMap<&str, u64> = HashMap::new();
    for s in segments {
        for (name, count) in &s.absent {
            *absent.entry(name.as_str()).or_default() += count;
        }
    }
    if let [s] = segments {
        // One dictionary: its ordinals are the values, so only those that
        // may enter the list are looked up.
        let mut value = String::new();
        for (ord, &count) in s.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            if top.would_take(count) {
                value.clear();
                if s.column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    top.offer(value.as_bytes(), u64::from(count));
                    continue;
                }
            }
            top.tally(u64::from(count));
        }
    } else if segments
        .iter()
        .any(|s| s.nonzero.saturating_mul(16) >= s.counts.len())
    {
        merge_dictionaries(segments, &mut |value, count| {
            let more = match absent.is_empty() {
                true => 0,
                false => std::str::from_utf8(value)
                    .ok()
                    .and_then(|v| absent.remove(v))
                    .unwrap_or(0),
            };
            top.offer(value, count + more)
        });
    } else {
        let mut merged: HashMap<String, u64> = HashMap::new();
        for_each_counted(segments, &mut |value, count| {
            *merged.entry(value.to_string()).or_default() += count;
        });
        for (name, count) in absent.drain() {
            *merged.entry(name.to_string()).or_default() += count;
        }
        for (value, count) in &merged {
            top.offer(value.as_bytes(), *count);
        }
    }
    for (name, count) in absent {
        top.offer(name.as_bytes(), count);
    }
    top.finish()
}

/// The top `limit` values of one metadata key (`speaker`) among the
/// counts of the metadata field, whose terms are `key=value`.
pub fn top_meta_values(
    counts: &Counts,
    key: &str,
    limit: usize,
) -> (Vec<FacetValue>, FacetSummary) {
    let mut merged: HashMap<String, u64> = HashMap::new();
    if let Counts::Text(segments) = counts {
        for_each_counted(segments, &mut |value, count| {
            if let Some(v) = crate::vocab::facets::meta_value(value, key) {
                *merged.entry(v.to_string()).or_default() += count;
            }
        });
    }
    top_counted(&merged, limit)
}

/// The top `limit` of values counted elsewhere (a metadata key's, or an
/// engine's), by count then value, with what was left out.
pub fn top_counted(counts: &HashMap<String, u64>, limit: usize) -> (Vec<FacetValue>, FacetSummary) {
    let mut top = TopK::new(limit);
    for (value, count) in counts {
        top.offer(value.as_bytes(), *count);
    }
    top.finish()
}

/// Hands every value counted in a segment to `add`, segment by segment (a
/// value counted in two segments comes twice), reading each value's text
/// from its segment's dictionary.
fn for_each_counted(segments: &[OrdinalCounts], add: &mut dyn FnMut(&str, u64)) {
    let mut value = String::new();
    for s in segments {
        for (ord, &count) in s.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            value.clear();
            if s.column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                add(&value, u64::from(count));
            }
        }
    }
}

/// Reads the segments' sorted dictionaries side by side, handing each value
/// with a count to `add` once, with its count summed over the segments.
fn merge_dictionaries(segments: &[OrdinalCounts], add: &mut dyn FnMut(&[u8], u64)) {
    let mut streams: Vec<_> = segments
        .iter()
        .filter_map(|s| s.column.dictionary().stream().ok().map(|st| (s, st)))
        .collect();
    let mut live: Vec<bool> = streams.iter_mut().map(|(_, st)| st.advance()).collect();
    let mut key: Vec<u8> = Vec::new();
    loop {
        // The smallest current key among the streams still going.
        let mut smallest: Option<usize> = None;
        for (i, (_, st)) in streams.iter().enumerate() {
            if live[i] && smallest.is_none_or(|j| st.key() < streams[j].1.key()) {
                smallest = Some(i);
            }
        }
        let Some(first) = smallest else { break };
        key.clear();
        key.extend_from_slice(streams[first].1.key());
        let mut count = 0u64;
        for (i, (segment, st)) in streams.iter_mut().enumerate() {
            if live[i] && st.key() == key.as_slice() {
                let ord = st.term_ord() as usize;
                count += u64::from(segment.counts.get(ord).copied().unwrap_or(0));
                live[i] = st.advance();
            }
        }
        if count > 0 {
            add(&key, count);
        }
    }
}

/// The best `k` values seen, by count then value (the worst kept on top),
/// and how many values and matches were seen in all.
struct TopK {
    k: usize,
    heap: BinaryHeap<Ranked>,
    distinct: usize,
    total: u64,
}

/// A value ranked for a facet list: more first, then alphabetical; as a heap
/// entry, "greater" means worse, so the heap's top is the one to drop.
#[derive(PartialEq, Eq)]
struct Ranked {
    count: u64,
    value: String,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .count
            .cmp(&self.count)
            .then_with(|| self.value.cmp(&other.value))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k.min(1 << 16) + 1),
            distinct: 0,
            total: 0,
        }
    }

    /// Whether a value with this count could enter the list (ties may).
    fn would_take(&self, count: u32) -> bool {
        self.heap.len() < self.k
            || self
                .heap
                .peek()
                .is_some_and(|w| u64::from(count) >= w.count)
    }

    /// A value that cannot enter the list: counted, not kept.
    fn tally(&mut self, count: u64) {
        self.distinct += 1;
        self.total += count;
    }

    fn offer(&mut self, value: &[u8], count: u64) {
        self.tally(count);
        if self.k == 0 {
            return;
        }
        if self.heap.len() == self.k {
            let Some(worst) = self.heap.peek() else {
                return;
            };
            let worse_than_all =
                count < worst.count || (count == worst.count && value >= worst.value.as_bytes());
            if worse_than_all {
                return;
            }
            self.heap.pop();
        }
        self.heap.push(Ranked {
            count,
            value: String::from_utf8_lossy(value).into_owned(),
        });
    }

    fn finish(self) -> (Vec<FacetValue>, FacetSummary) {
        let (distinct, total) = (self.distinct, self.total);
        let values: Vec<FacetValue> = self
            .heap
            .into_sorted_vec()
            .into_iter()
            .map(|r| FacetValue {
                value: r.value,
                name: None,
                label: None,
                key: None,
                count: r.count,
            })
            .collect();
        let shown: u64 = values.iter().map(|v| v.count).sum();
        let summary = FacetSummary {
            distinct,
            remaining_values: distinct - values.len(),
            remaining_count: total - shown,
        };
        (values, summary)
    }
}

/// How many sentences naming a value are read to choose its spelling.
const SPELLING_SAMPLE: usize = 16;

impl Engine {
    /// Gives facet values the names people read: countries by their code
    /// and name, names in the form a sentence wrote them.
    pub(super) fn name_values(
        &self,
        searcher: &tantivy::Searcher,
        facet: Facet,
        values: &mut [FacetValue],
        deadline: Option<std::time::Instant>,
    ) -> Result<()> {
        match facet.values() {
            Values::Countries => {
                values.iter_mut().for_each(FacetValue::name_country);
            }
            Values::Names => {
                let field = self.index().fields.of(facet);
                for v in values.iter_mut() {
                    super::deadline::check(deadline)?;
                    let query = TermQuery::new(
                        Term::from_field_text(field, &v.value),
                        IndexRecordOption::Basic,
                    );
                    // The commonest spelling among a few sentences that name it; on a tie the
                    // one with more letters beyond ASCII ("Pérez de Cuéllar" over "Perez de
                    // Cuellar": folding only ever loses accents).
                    let top = searcher.search(
                        &query,
                        &TopDocs::with_limit(SPELLING_SAMPLE).order_by_score(),
                    )?;
                    let mut spellings: Vec<(String, usize)> = Vec::new();
                    for (_, address) in &top {
                        let Ok(record) = self.read_record(searcher, *address) else {
                            continue;
                        };
                        for n in record.names_of(facet) {
                            if fold_name(n) != v.value {
                                continue;
                            }
                            match spellings.iter_mut().find(|(s, _)| s == n) {
                                Some((_, c)) => *c += 1,
                                None => spellings.push((n.to_string(), 1)),
                            }
                        }
                    }
                    let non_ascii = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
                    v.name = spellings
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then(non_ascii(&a.0).cmp(&non_ascii(&b.0))))
                        .map(|(s, _)| s);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_values_sort_by_count_then_value_and_report_the_rest() {
        let counts = Counts::Numeric(HashMap::from([(1992, 2), (2012, 2), (1919, 1), (2001, 3)]));
        let (values, summary) = top_values(Facet::Year, counts, 3);
        let keys: Vec<i64> = values.iter().filter_map(|v| v.key).collect();
        assert_eq!(keys, vec![2001, 1992, 2012]);
        assert_eq!(
            summary,
            FacetSummary {
                distinct: 4,
                remaining_values: 1,
                remaining_count: 1
            }
        );
    }

    /// Person counts over a small index of three segments, some of which
    /// lack the full name their aliases stand for.
    fn person_counts(segments: &[&[&[&str]]], aliases: &Aliases) -> Vec<(String, u64)> {
        let links = PersonLinks::new(aliases.clone());
        use tantivy::schema::{FAST, STRING, Schema};
        let mut schema = Schema::builder();
        let person = schema.add_text_field(Facet::Person.field(), STRING | FAST);
        let index = tantivy::Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15 << 20).unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for docs in segments {
            for names in *docs {
                let mut doc = tantivy::TantivyDocument::default();
                for n in *names {
                    doc.add_text(person, n);
                }
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        let collector = FacetCollector::new(vec![Facet::Person]).linking_people(&links);
        let counts = searcher
            .search(&tantivy::query::AllQuery, &collector)
            .unwrap();
        let counts = counts.into_iter().next().unwrap();
        let (values, _) = top_values(Facet::Person, counts, 10);
        values.into_iter().map(|v| (v.value, v.count)).collect()
    }

    #[test]
    fn an_alias_counts_as_its_full_name_once_per_sentence_in_every_segment() {
        let aliases = Aliases::from([("hammarskjold".to_string(), "dag hammarskjold".to_string())]);
        let counts = person_counts(
            &[
                &[
                    &["dag hammarskjold"],
                    &["hammarskjold", "dag hammarskjold"],
                    &["bush"],
                ],
                // no "dag hammarskjold" in this segment's dictionary
                &[&["hammarskjold"], &["hammarskjold", "bush"]],
                &[&["bush"]],
            ],
            &aliases,
        );
        assert_eq!(
            counts,
            vec![("dag hammarskjold".into(), 4), ("bush".into(), 3)]
        );
        // One segment: the full name is in its dictionary.
        let counts = person_counts(
            &[&[&["hammarskjold"], &["hammarskjold", "dag hammarskjold"]]],
            &aliases,
        );
        assert_eq!(counts, vec![("dag hammarskjold".into(), 2)]);
        // Past LOOKUPS_PER_PASS names met, the segment's whole dictionary is read instead.
        let fillers: Vec<String> = (0..2 * LOOKUPS_PER_PASS)
            .map(|i| format!("filler {i:03}"))
            .collect();
        let mut docs: Vec<Vec<&str>> = fillers.iter().map(|f| vec![f.as_str()]).collect();
        docs.extend([
            vec!["hammarskjold"],
            vec!["hammarskjold", "dag hammarskjold"],
            vec!["dag hammarskjold"],
        ]);
        let docs: Vec<&[&str]> = docs.iter().map(Vec::as_slice).collect();
        let counts = person_counts(&[&docs, &[&["hammarskjold"]]], &aliases);
        assert_eq!(counts[0], ("dag hammarskjold".into(), 4), "{counts:?}");
        assert!(
            !counts.iter().any(|(v, _)| v == "hammarskjold"),
            "{counts:?}"
        );
        // Without links each name counts apart.
        let counts = person_counts(
            &[&[&["hammarskjold"], &["hammarskjold", "dag hammarskjold"]]],
            &Aliases::new(),
        );
        assert_eq!(
            counts,
            vec![("hammarskjold".into(), 2), ("dag hammarskjold".into(), 1)]
        );
    }

    #[test]
    fn the_top_keeps_the_most_counted_then_the_first_in_order() {
        let mut top = TopK::new(3);
        for (value, count) in [("b", 5), ("a", 5), ("c", 9), ("d", 1), ("e", 5), ("f", 2)] {
            top.offer(value.as_bytes(), count);
        }
        let (values, summary) = top.finish();
        let shown: Vec<(&str, u64)> = values.iter().map(|v| (v.value.as_str(), v.count)).collect();
        assert_eq!(shown, vec![("c", 9), ("a", 5), ("b", 5)]);
        assert_eq!(
            summary,
            FacetSummary {
                distinct: 6,
                remaining_values: 3,
                remaining_count: 8
            }
        );
        let (values, summary) = TopK::new(0).finish();
        assert!(values.is_empty() && summary.distinct == 0);
    }
}
