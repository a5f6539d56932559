//! `--group-by doc`: matching sentences grouped by document, each
//! document shown by its best sentence with how many of its sentences match.

use std::cmp::Reverse;
use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema;
use crate::vocab::facets::Facet;

/// One page of groups, best first (ties in corpus order): (score, the best
/// sentence, the number of matching sentences).
pub fn page(
    mut groups: Vec<DocGroup>,
    offset: usize,
    limit: usize,
) -> Vec<(Score, DocAddress, Option<u64>)> {
    groups.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.order.cmp(&b.order)));
    groups
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|g| (g.score, g.address, Some(g.matches)))
        .collect()
}

/// One document's best sentence and how many of its sentences match.
pub struct DocGroup {
    score: Score,
    order: u64,
    address: DocAddress,
    matches: u64,
}

/// Groups matching sentences by document for `--group-by doc`.
pub struct DocGroups;

pub struct DocGroupsSegment {
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
            doc_ords: reader.fast_fields().str(Facet::Doc.field())?,
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
        let mut names = match &self.doc_ords {
            Some(column) => super::names_of(column, self.best.keys().copied().collect()),
            None => Default::default(),
        };
        self.best
            .into_iter()
            .map(|(ord, group)| (names.remove(&ord).unwrap_or_default(), group))
            .collect()
    }
}
