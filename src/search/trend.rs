//! Attention over time: for each query and each value of a dimension, the
//! matching sentences, all sentences under the same filters (the
//! denominator), their ratio and the distinct documents. Counted in one
//! pass per query over fast columns, as facets are; the denominator is the
//! query `*` with the same filters.

use std::collections::{BTreeSet, HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};
use std::time::Instant;

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::{Engine, SearchRequest, deadline, query};
use crate::error::{Error, Result};
use crate::vocab::contract::{FacetValue, Trend, TrendBucket, TrendSeries};
use crate::vocab::facets::Facet;

/// The most queries one trend compares.
pub const MAX_SERIES: usize = 5;
/// A time axis longer than this many buckets lists only its non-empty ones.
const MAX_FILLED_BUCKETS: usize = 20_000;

/// What a trend's buckets are: the values of a dimension, or of one
/// metadata key (`meta.speaker`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    pub facet: Facet,
    /// For the metadata dimension: the key counted.
    pub meta_key: Option<String>,
}

/// Years sentences speak of, unless another axis is asked for.
impl Default for Axis {
    fn default() -> Axis {
        Axis {
            facet: Facet::Year,
            meta_key: None,
        }
    }
}

impl Axis {
    /// `year`, `doc-year`, `country`, `meta.speaker`: a countable dimension
    /// or a metadata key.
    pub fn parse(name: &str) -> std::result::Result<Axis, String> {
        let name = name.trim();
        if let Some(key) = name.strip_prefix(crate::vocab::facets::META_PREFIX) {
            if !crate::corpus::is_meta_key(key) {
                return Err("a metadata key is letters, digits, _ and -".into());
            }
            return Ok(Axis {
                facet: Facet::Meta,
                meta_key: Some(key.to_string()),
            });
        }
        match Facet::from_name(name) {
            Some(facet) if facet.dimension().countable => Ok(Axis {
                facet,
                meta_key: None,
            }),
            _ => Err(format!(
                "expected one of {}, or meta.KEY",
                Facet::countable_names()
            )),
        }
    }

    /// How results name it.
    pub fn name(&self) -> String {
        match &self.meta_key {
            Some(key) => format!("{}.{key}", self.facet.name()),
            None => self.facet.name().to_string(),
        }
    }
}

/// A trend as a user asks for it.
#[derive(Debug, Clone)]
pub struct TrendRequest {
    pub queries: Vec<String>,
    /// Filters, query syntax (`plain`, `all`) and deadline, shared by every
    /// query and the denominator.
    pub base: SearchRequest,
    pub by: Axis,
    /// How many values a dimension that is no time axis lists.
    pub top: usize,
}

/// A bucket's value while counting: a number on a time axis, else the
/// value as indexed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BucketKey {
    Number(i64),
    Text(String),
}

/// What one bucket counted: matching sentences and their documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BucketCount {
    pub count: u64,
    pub docs: u64,
}

/// One query's counts, however they were counted (here, or by an engine):
/// all matching sentences, and each bucket's.
#[derive(Debug, Default)]
pub struct Counted {
    pub total: u64,
    pub buckets: HashMap<BucketKey, BucketCount>,
}

/// Counts by bucket while collecting: sentences, and the documents they
/// come from.
#[derive(Default)]
struct Tally {
    count: u64,
    docs: HashSet<String>,
}

type Tallies = HashMap<BucketKey, Tally>;

impl TrendRequest {
    /// A trend compares one to `MAX_SERIES` queries.
    pub fn check(&self) -> Result<()> {
        if self.queries.is_empty() || self.queries.len() > MAX_SERIES {
            return Err(Error::bad_value(
                "q",
                self.queries.len().to_string(),
                format!("give 1 to {MAX_SERIES} queries"),
            ));
        }
        Ok(())
    }

    /// The trend of `counted` (one per query, in order) against `all` (the
    /// query `*` under the same filters). `name` gives values of a
    /// dimension that is no time axis their readable names.
    pub fn assemble(
        &self,
        counted: &[Counted],
        all: &Counted,
        name: impl FnOnce(&mut [FacetValue]) -> Result<()>,
        started: Instant,
    ) -> Result<Trend> {
        let keys = self.bucket_keys(counted, name)?;
        let series = self
            .queries
            .iter()
            .zip(counted)
            .map(|(q, counted)| TrendSeries {
                query: q.clone(),
                total: counted.total,
                buckets: keys
                    .iter()
                    .map(|(key, value, label)| {
                        let bucket = counted.buckets.get(key).copied().unwrap_or_default();
                        let of = all.buckets.get(key).map_or(0, |b| b.count);
                        TrendBucket {
                            key: value.clone(),
                            label: label.clone(),
                            count: bucket.count,
                            of,
                            per_million: per_million(bucket.count, of),
                            docs: bucket.docs,
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(Trend {
            by: self.by.name(),
            series,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }

    /// The buckets, each as counted, as filters take it, and as people read
    /// it: a time axis without gaps from the first to the last value any
    /// query matches; another dimension's values by their summed counts.
    fn bucket_keys(
        &self,
        counted: &[Counted],
        name: impl FnOnce(&mut [FacetValue]) -> Result<()>,
    ) -> Result<Vec<(BucketKey, String, String)>> {
        let facet = self.by.facet;
        let matched = counted
            .iter()
            .flat_map(|c| c.buckets.iter())
            .filter(|(_, b)| b.count > 0);
        if facet.is_time() {
            let numbers: BTreeSet<i64> = matched
                .filter_map(|(k, _)| match k {
                    BucketKey::Number(n) => Some(*n),
                    BucketKey::Text(_) => None,
                })
                .collect();
            let (Some(&first), Some(&last)) = (numbers.first(), numbers.last()) else {
                return Ok(Vec::new());
            };
            let mut keys = Vec::new();
            let mut key = Some(first);
            while let Some(k) = key.filter(|&k| k <= last) {
                keys.push(k);
                if keys.len() > MAX_FILLED_BUCKETS {
                    keys = numbers.iter().copied().collect();
                    break;
                }
                key = facet.next_key(k);
            }
            return Ok(keys
                .into_iter()
                .map(|k| (BucketKey::Number(k), k.to_string(), facet.label(k)))
                .collect());
        }
        let mut sums: HashMap<&BucketKey, u64> = HashMap::new();
        for (key, bucket) in matched {
            *sums.entry(key).or_default() += bucket.count;
        }
        let mut ranked: Vec<(&BucketKey, u64)> = sums.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        ranked.truncate(self.top);
        let mut values: Vec<FacetValue> = ranked
            .iter()
            .map(|(key, count)| FacetValue {
                value: match key {
                    BucketKey::Text(s) => s.clone(),
                    BucketKey::Number(n) => n.to_string(),
                },
                name: None,
                label: None,
                key: None,
                count: *count,
            })
            .collect();
        if self.by.meta_key.is_none() {
            name(&mut values)?;
        }
        Ok(ranked
            .into_iter()
            .zip(values)
            .map(|((key, _), v)| {
                let label = v.name.unwrap_or_else(|| v.value.clone());
                (key.clone(), v.value, label)
            })
            .collect())
    }
}

impl Engine {
    pub fn trend(&self, request: &TrendRequest) -> Result<Trend> {
        let started = Instant::now();
        request.check()?;
        let searcher = self.searcher();
        let count = |q: &str, docs: bool| -> Result<Counted> {
            deadline::check(request.base.deadline)?;
            let asked = SearchRequest {
                query: q.to_string(),
                ..request.base.clone()
            };
            let built = query::build(self.index(), &searcher, &asked, &self.ranking)?;
            let collector = TrendCollector {
                axis: request.by.clone(),
                docs,
            };
            let (total, tallies) = searcher.search(&built.full, &(Count, collector))?;
            Ok(Counted {
                total: total as u64,
                buckets: tallies
                    .into_iter()
                    .map(|(key, t)| {
                        let docs = t.docs.len() as u64;
                        (
                            key,
                            BucketCount {
                                count: t.count,
                                docs,
                            },
                        )
                    })
                    .collect(),
            })
        };
        let counted = request
            .queries
            .iter()
            .map(|q| count(q, true))
            .collect::<Result<Vec<_>>>()?;
        let all = count("*", false)?;
        let name = |values: &mut [FacetValue]| {
            self.name_values(&searcher, request.by.facet, values, request.base.deadline)
        };
        request.assemble(&counted, &all, name, started)
    }
}

fn per_million(count: u64, of: u64) -> f64 {
    if of == 0 {
        return 0.0;
    }
    (count as f64 / of as f64 * 1e6 * 1000.0).round() / 1000.0
}

/// Counts matching sentences (and, with `docs`, their documents) by the
/// values of an axis.
struct TrendCollector {
    axis: Axis,
    docs: bool,
}

enum Values {
    Numbers(Option<Column<i64>>),
    Ords(Option<StrColumn>),
}

struct TrendSegment {
    values: Values,
    /// Keeps only the metadata terms of this key (`speaker`).
    meta_key: Option<String>,
    doc_column: Option<StrColumn>,
    counts: FxHashMap<u64, u64>,
    doc_pairs: FxHashSet<(u64, u64)>,
    scratch: Vec<u64>,
}

impl Collector for TrendCollector {
    type Fruit = Tallies;
    type Child = TrendSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<TrendSegment> {
        let fast = segment.fast_fields();
        let field = self.axis.facet.field();
        let values = if self.axis.facet.is_time() {
            Values::Numbers(fast.column_opt::<i64>(field)?)
        } else {
            Values::Ords(fast.str(field)?)
        };
        let doc_column = if self.docs {
            fast.str(Facet::Doc.field())?
        } else {
            None
        };
        Ok(TrendSegment {
            values,
            meta_key: self.axis.meta_key.clone(),
            doc_column,
            counts: FxHashMap::default(),
            doc_pairs: FxHashSet::default(),
            scratch: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Tallies>) -> tantivy::Result<Tallies> {
        let mut merged = Tallies::new();
        for segment in segments {
            for (key, tally) in segment {
                let into = merged.entry(key).or_default();
                into.count += tally.count;
                into.docs.extend(tally.docs);
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for TrendSegment {
    type Fruit = Tallies;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.scratch.clear();
        match &self.values {
            // i64 keys are kept as their bits until harvest
            Values::Numbers(Some(column)) => self
                .scratch
                .extend(column.values_for_doc(doc).map(|v| v as u64)),
            Values::Ords(Some(column)) => self.scratch.extend(column.term_ords(doc)),
            _ => return,
        }
        if self.scratch.len() > 1 {
            self.scratch.sort_unstable();
            self.scratch.dedup();
        }
        let doc_ord = self
            .doc_column
            .as_ref()
            .and_then(|c| c.term_ords(doc).next());
        for &value in &self.scratch {
            *self.counts.entry(value).or_default() += 1;
            if let Some(ord) = doc_ord {
                self.doc_pairs.insert((value, ord));
            }
        }
    }

    fn harvest(self) -> Tallies {
        let mut names: FxHashMap<u64, Option<BucketKey>> = FxHashMap::default();
        let mut name = |raw: u64| -> Option<BucketKey> {
            names
                .entry(raw)
                .or_insert_with(|| match &self.values {
                    Values::Numbers(_) => Some(BucketKey::Number(raw as i64)),
                    Values::Ords(Some(column)) => {
                        let mut text = String::new();
                        column.ord_to_str(raw, &mut text).ok()?;
                        match &self.meta_key {
                            Some(key) => crate::vocab::facets::meta_value(&text, key)
                                .map(|v| BucketKey::Text(v.to_string())),
                            None => Some(BucketKey::Text(text)),
                        }
                    }
                    Values::Ords(None) => None,
                })
                .clone()
        };
        let mut tallies = Tallies::new();
        for (&raw, &count) in &self.counts {
            if let Some(key) = name(raw) {
                tallies.entry(key).or_default().count += count;
            }
        }
        if let Some(column) = &self.doc_column {
            let doc_names =
                super::names_of(column, self.doc_pairs.iter().map(|&(_, ord)| ord).collect());
            for &(raw, ord) in &self.doc_pairs {
                let Some(key) = name(raw) else { continue };
                if let Some(doc) = doc_names.get(&ord) {
                    tallies.entry(key).or_default().docs.insert(doc.clone());
                }
            }
        }
        tallies
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_are_dimensions_or_metadata_keys() {
        assert_eq!(Axis::parse("doc-year").unwrap().facet, Facet::DocYear);
        let meta = Axis::parse("meta.speaker").unwrap();
        assert_eq!(meta.name(), "meta.speaker");
        assert!(Axis::parse("date").is_err());
        assert!(Axis::parse("meta.").is_err());
        assert!(
            Axis::parse("colour")
                .unwrap_err()
                .contains(Facet::DocDecade.name())
        );
    }

    #[test]
    fn rates_are_per_million_to_three_decimals() {
        assert_eq!(per_million(1, 3), 333_333.333);
        assert_eq!(per_million(5, 0), 0.0);
    }
}
