//! Facet counts: one collector that counts, over every matching sentence,
//! the values of the requested fast fields, exact whatever the page size;
//! then the top values, with the names people read.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::Engine;
use crate::error::Result;
use crate::vocab::contract::{FacetSummary, FacetValue};
use crate::vocab::countries;
use crate::vocab::facets::{Facet, Values};
use crate::vocab::fold::fold_name;

/// Raw counts of one facet over all matching documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Counts {
    Numeric(HashMap<i64, u64>),
    Text(HashMap<String, u64>),
}

/// Counts the requested facets of every document collected.
pub struct FacetCollector {
    facets: Vec<Facet>,
}

impl FacetCollector {
    pub fn new(facets: Vec<Facet>) -> Self {
        FacetCollector { facets }
    }
}

enum SegmentCounts {
    Numeric(Option<Column<i64>>, HashMap<i64, u64>),
    Text(Option<StrColumn>, Vec<u32>),
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
                SegmentCounts::Text(column, vec![0; n])
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
                    Counts::Text(HashMap::new())
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
                    (Counts::Text(a), Counts::Text(b)) => {
                        for (k, v) in b {
                            *a.entry(k).or_default() += v;
                        }
                    }
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
                SegmentCounts::Text(Some(column), by_ord) => {
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
                SegmentCounts::Text(column, by_ord) => {
                    let mut map = HashMap::new();
                    if let Some(column) = column {
                        let mut term = String::new();
                        for (ord, &count) in by_ord.iter().enumerate() {
                            if count == 0 {
                                continue;
                            }
                            term.clear();
                            if column.ord_to_str(ord as u64, &mut term).unwrap_or(false) {
                                map.insert(term.clone(), u64::from(count));
                            }
                        }
                    }
                    Counts::Text(map)
                }
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
        Counts::Text(map) => {
            let mut pairs: Vec<(String, u64)> = map.into_iter().collect();
            pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            pairs
                .into_iter()
                .map(|(value, count)| FacetValue {
                    value,
                    name: None,
                    label: None,
                    key: None,
                    count,
                })
                .collect()
        }
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
    ) -> Result<()> {
        match facet.values() {
            Values::Countries => {
                for v in values.iter_mut() {
                    v.value = v.value.to_uppercase();
                    v.name = countries::name(&v.value).map(str::to_string);
                }
            }
            Values::Names => {
                let field = self.index().fields.of(facet);
                for v in values.iter_mut() {
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
}
