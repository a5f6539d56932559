//! Facet counts: one collector that counts, over every matching sentence,
//! the values of the requested fast fields. Exact, whatever the page size.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::error::{Error, Result};
use crate::index::schema;
use crate::vocab::time;

/// What results can be counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetKind {
    Year,
    Decade,
    Century,
    Country,
    Person,
    Org,
    Place,
    Source,
}

impl FacetKind {
    pub const ALL: [FacetKind; 8] = [
        FacetKind::Year,
        FacetKind::Decade,
        FacetKind::Century,
        FacetKind::Country,
        FacetKind::Person,
        FacetKind::Org,
        FacetKind::Place,
        FacetKind::Source,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Year => "year",
            FacetKind::Decade => "decade",
            FacetKind::Century => "century",
            FacetKind::Country => "country",
            FacetKind::Person => "person",
            FacetKind::Org => "org",
            FacetKind::Place => "place",
            FacetKind::Source => "source",
        }
    }

    fn field(self) -> &'static str {
        match self {
            FacetKind::Year => schema::YEAR,
            FacetKind::Decade => schema::DECADE,
            FacetKind::Century => schema::CENTURY,
            FacetKind::Country => schema::COUNTRY,
            FacetKind::Person => schema::PERSON,
            FacetKind::Org => schema::ORG,
            FacetKind::Place => schema::PLACE,
            FacetKind::Source => schema::SOURCE,
        }
    }

    /// Time facets read as time: sorted and drawn in time order.
    pub fn is_time(self) -> bool {
        matches!(
            self,
            FacetKind::Year | FacetKind::Decade | FacetKind::Century
        )
    }

    /// Parses a comma-separated list such as `year,country`; an unknown name
    /// is an error that lists the valid ones.
    pub fn parse_list(values: &[String]) -> Result<Vec<FacetKind>> {
        let mut kinds = Vec::new();
        for value in values {
            for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let kind = FacetKind::ALL
                    .into_iter()
                    .find(|k| k.name().eq_ignore_ascii_case(name))
                    .ok_or_else(|| {
                        Error::bad_argument(
                            "--facet",
                            name,
                            format!("unknown facet; valid facets: {}", Self::valid_names()),
                        )
                    })?;
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        Ok(kinds)
    }

    pub fn valid_names() -> String {
        FacetKind::ALL.map(FacetKind::name).join(", ")
    }

    /// How people write a value of this facet: "1990s", "19th century", "550 BC".
    pub fn label(self, key: i64) -> String {
        match self {
            FacetKind::Year => time::year_label(key),
            FacetKind::Decade => time::decade_label(key),
            FacetKind::Century => time::century_label(key),
            _ => key.to_string(),
        }
    }
}

/// Raw counts of one facet over all matching documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Counts {
    Numeric(HashMap<i64, u64>),
    Text(HashMap<String, u64>),
}

/// Counts the requested facets of every document collected.
pub struct FacetCollector {
    kinds: Vec<FacetKind>,
}

impl FacetCollector {
    pub fn new(kinds: Vec<FacetKind>) -> Self {
        FacetCollector { kinds }
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
        let mut counts = Vec::with_capacity(self.kinds.len());
        for kind in &self.kinds {
            counts.push(if kind.is_time() {
                SegmentCounts::Numeric(fast.column_opt::<i64>(kind.field())?, HashMap::new())
            } else {
                let column = fast.str(kind.field())?;
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
            .kinds
            .iter()
            .map(|k| {
                if k.is_time() {
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

/// One value of a facet, as the JSON contract shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetValue {
    pub value: String,
    /// A country's name, a person's or place's display form.
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

/// What a facet's list left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetSummary {
    /// Distinct values among all matching sentences.
    pub distinct: usize,
    /// Values not listed because of `--facet-limit`.
    pub remaining_values: usize,
    /// The sum of their counts.
    pub remaining_count: u64,
}

/// The top `limit` values of one facet's counts, by count then value, and
/// what was left out.
pub fn top_values(
    kind: FacetKind,
    counts: Counts,
    limit: usize,
) -> (Vec<FacetValue>, FacetSummary) {
    let mut values: Vec<FacetValue> = match counts {
        Counts::Numeric(map) => {
            let mut pairs: Vec<(i64, u64)> = map.into_iter().collect();
            pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            pairs
                .into_iter()
                .map(|(key, count)| FacetValue {
                    value: key.to_string(),
                    name: None,
                    label: Some(kind.label(key)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_facets_list_the_valid_ones() {
        let err = FacetKind::parse_list(&["year,colour".into()])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("colour") && err.contains("year, decade, century, country"),
            "{err}"
        );
    }

    #[test]
    fn top_values_sort_by_count_then_value_and_report_the_rest() {
        let counts = Counts::Numeric(HashMap::from([(1992, 2), (2012, 2), (1919, 1), (2001, 3)]));
        let (values, summary) = top_values(FacetKind::Year, counts, 3);
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
