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

/// The statistics a build stores beside the index it wrote, with the
/// commit they describe.
const STORED: &str = "annals-stats.json";

#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    opstamp: u64,
    stats: Stats,
}

impl Engine {
    /// What the index holds: the statistics its build stored when they
    /// describe this very commit (reading them costs nothing), else counted
    /// now over every sentence.
    pub fn stats(&self) -> Result<Stats> {
        let open = self.index();
        let stored = std::fs::read(open.path.join(STORED))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|s| Some(s.opstamp) == self.opstamp());
        match stored {
            Some(stored) => Ok(Stats {
                index: open.path.display().to_string(),
                ..stored.stats
            }),
            None => self.count_stats(),
        }
    }

    /// Counts the statistics and stores them beside the index, for the
    /// commit they describe: what a build does last, so that `annals stats`,
    /// `/api/stats` and the page's overview read them instead of counting.
    pub fn store_stats(&self) -> Result<()> {
        let Some(opstamp) = self.opstamp() else {
            return Ok(());
        };
        let path = self.index().path.join(STORED);
        let current = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .is_some_and(|s| s.opstamp == opstamp);
        if current {
            return Ok(());
        }
        let stats = self.count_stats()?;
        let tmp = path.with_extension("json.tmp");
        let bytes = serde_json::to_vec(&Stored { opstamp, stats })
            .map_err(|e| crate::error::Error::io(&tmp, e.into()))?;
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| crate::error::Error::io(&path, e))
    }

    fn opstamp(&self) -> Option<u64> {
        self.index().index.load_metas().ok().map(|m| m.opstamp)
    }

    fn count_stats(&self) -> Result<Stats> {
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
        let (total, counts) = searcher.search(
            &AllQuery,
            &(
                Count,
                FacetCollector::new(kinds.clone()).linking_people(&self.person_links),
            ),
        )?;
        let dated = searcher.search(
            &ExistsQuery::new(schema::FIRST_DAY.to_string(), false),
            &Count,
        )?;
        let with_country = searcher.search(
            &ExistsQuery::new(Facet::Country.field().to_string(), false),
            &Count,
        )?;
        let (dated_docs, doc_years) = searcher
            .search(
                &ExistsQuery::new(Facet::DocYear.field().to_string(), false),
                &FacetCollector::new(vec![Facet::Doc, Facet::DocYear]),
            )
            .map(|counts| {
                let mut counts = counts.into_iter();
                let docs = counts.next().map_or(0, |c| {
                    facets::top_values(Facet::Doc, c, 0).1.distinct as u64
                });
                let years = match counts.next() {
                    Some(Counts::Numeric(map)) => {
                        (map.keys().min().copied(), map.keys().max().copied())
                    }
                    _ => (None, None),
                };
                (docs, years)
            })?;
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
                    sources = facets::top_values(kind, counts, 0).1.distinct as u64;
                }
                _ => {
                    let (mut values, _) = facets::top_values(kind, counts, TOP);
                    self.name_values(&searcher, kind, &mut values, None)?;
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
            dated_documents: dated_docs,
            first_doc_year: doc_years.0,
            last_doc_year: doc_years.1,
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
