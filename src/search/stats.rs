//! What an index holds: counts, size, time span, coverage of dates and
//! countries, and the commonest values of its facets.

use std::collections::BTreeMap;

use tantivy::collector::Count;
use tantivy::query::{AllQuery, ExistsQuery};

use super::Engine;
use super::facets::{self, Counts, FacetCollector};
use crate::error::Result;
use crate::index::schema;
use crate::vocab::contract::Stats;
use crate::vocab::facets::Facet;

/// How many values `stats` lists for each top list.
const TOP: usize = 10;

impl Engine {
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.searcher();
        let open = self.index();
        let kinds = vec![
            Facet::Year,
            Facet::Decade,
            Facet::Country,
            Facet::Person,
            Facet::Org,
            Facet::Source,
        ];
        let (total, counts) =
            searcher.search(&AllQuery, &(Count, FacetCollector::new(kinds.clone())))?;
        let dated = searcher.search(
            &ExistsQuery::new(schema::FIRST_DAY.to_string(), false),
            &Count,
        )?;
        let with_country = searcher.search(
            &ExistsQuery::new(Facet::Country.field().to_string(), false),
            &Count,
        )?;
        let share = |n: usize| {
            if total == 0 {
                0.0
            } else {
                n as f64 / total as f64
            }
        };

        let mut top = BTreeMap::new();
        let mut decades = Vec::new();
        let mut first_year = None;
        let mut last_year = None;
        let mut sources = 0;
        for (kind, counts) in kinds.into_iter().zip(counts) {
            match kind {
                Facet::Year => {
                    if let Counts::Numeric(map) = &counts {
                        first_year = map.keys().min().copied();
                        last_year = map.keys().max().copied();
                    }
                }
                Facet::Decade => {
                    let (mut values, _) = facets::top_values(kind, counts, usize::MAX);
                    values.sort_by_key(|v| v.key);
                    decades = values;
                }
                Facet::Source => {
                    if let Counts::Text(map) = &counts {
                        sources = map.len() as u64;
                    }
                }
                _ => {
                    let (mut values, _) = facets::top_values(kind, counts, TOP);
                    self.name_values(&searcher, kind, &mut values)?;
                    top.insert(kind.name().to_string(), values);
                }
            }
        }
        Ok(Stats {
            index: open.path.display().to_string(),
            annals_version: open.manifest.annals_version.clone(),
            unit: open.manifest.unit.clone(),
            files: open.manifest.files,
            documents: open.manifest.documents,
            sentences: total as u64,
            sources,
            segments: searcher.segment_readers().len(),
            size_bytes: folder_size(&open.path),
            first_year,
            last_year,
            dated_share: share(dated),
            country_share: share(with_country),
            top,
            decades,
        })
    }
}

fn folder_size(path: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
