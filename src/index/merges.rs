//! Which segments a build merges: tantivy's log-size levels, with a cap on
//! the size of a merged segment, so that the memory a merge takes (and so
//! a build's peak) stays the same however large the corpus grows.
//!
//! tantivy's `LogMergePolicy` only stops merging segments that are already
//! large: eight segments just under its limit of ten million documents
//! still merge into one of eighty million, and a merge's memory grows with
//! the segments it writes. Here a merge never writes more than
//! `max_docs` documents; past that size segments stay as they are. The
//! price is more segments in a very large index (one per `max_docs`
//! sentences), which facet counting and search visit one by one.

use tantivy::index::SegmentMeta;
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Documents in a merged segment at most, by default. A merge maps the
/// segments it reads, and their pages count in the build's resident memory
/// until it ends: at 2 M a 10-million-sentence build peaked at 696 MB (448
/// MB of it those pages), at 1 M at 467 MB, with one merge at a time. A
/// 20-million-sentence index keeps about thirty segments.
pub const DEFAULT_MAX_MERGED_DOCS: u32 = 1_000_000;

/// tantivy's levels, cut into merges of at most `max_docs` documents.
#[derive(Debug)]
pub struct BoundedMerges {
    levels: LogMergePolicy,
    max_docs: u32,
}

impl BoundedMerges {
    pub fn new(max_docs: u32) -> BoundedMerges {
        let mut levels = LogMergePolicy::default();
        // Segments that could only merge with others into more than the cap
        // are left out before the levels are formed.
        levels.set_max_docs_before_merge((max_docs / 2) as usize);
        BoundedMerges { levels, max_docs }
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs = |id| {
            segments
                .iter()
                .find(|s| s.id() == id)
                .map_or(0, |s| s.max_doc())
        };
        let mut merges = Vec::new();
        for MergeCandidate(level) in self.levels.compute_merge_candidates(segments) {
            // Smallest first, packed greedily into merges under the cap; a
            // merge of one segment would only rewrite it.
            let mut level = level;
            level.sort_by_key(|id| docs(*id));
            let mut current = Vec::new();
            let mut size = 0u32;
            for id in level {
                let d = docs(id);
                if size.saturating_add(d) > self.max_docs && !current.is_empty() {
                    if current.len() > 1 {
                        merges.push(MergeCandidate(std::mem::take(&mut current)));
                    }
                    current.clear();
                    size = 0;
                }
                current.push(id);
                size = size.saturating_add(d);
            }
            if current.len() > 1 && size <= self.max_docs {
                merges.push(MergeCandidate(current));
            }
        }
        merges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::Index;
    use tantivy::index::SegmentId;

    fn segments(sizes: &[u32]) -> (Index, Vec<SegmentMeta>) {
        let index = Index::create_in_ram(tantivy::schema::Schema::builder().build());
        let metas = sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect();
        (index, metas)
    }

    fn merged_sizes(policy: &BoundedMerges, metas: &[SegmentMeta]) -> Vec<u32> {
        let mut sizes: Vec<u32> = policy
            .compute_merge_candidates(metas)
            .into_iter()
            .map(|MergeCandidate(ids)| {
                ids.iter()
                    .map(|id| metas.iter().find(|m| m.id() == *id).unwrap().max_doc())
                    .sum()
            })
            .collect();
        sizes.sort_unstable();
        sizes
    }

    #[test]
    fn no_merge_writes_more_than_the_cap() {
        // Eight flushed segments of 300,000 sentences: tantivy's own policy
        // merges them into one of 2.4 million.
        let (_inventory, metas) = segments(&[300_000; 8]);
        let unbounded: Vec<MergeCandidate> =
            LogMergePolicy::default().compute_merge_candidates(&metas);
        assert_eq!(unbounded.len(), 1);
        assert_eq!(unbounded[0].0.len(), 8);
        let sizes = merged_sizes(&BoundedMerges::new(1_000_000), &metas);
        assert!(!sizes.is_empty(), "small segments still merge");
        assert!(sizes.iter().all(|&s| s <= 1_000_000), "{sizes:?}");
    }

    #[test]
    fn segments_past_half_the_cap_are_left_alone() {
        let (_inventory, metas) = segments(&[1_500_000; 8]);
        assert!(merged_sizes(&BoundedMerges::new(2_000_000), &metas).is_empty());
    }

    #[test]
    fn under_the_cap_it_merges_as_tantivy_does() {
        let (_inventory, metas) = segments(&[10_000; 8]);
        assert_eq!(
            merged_sizes(&BoundedMerges::new(DEFAULT_MAX_MERGED_DOCS), &metas),
            vec![80_000]
        );
    }
}
