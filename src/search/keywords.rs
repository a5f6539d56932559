//! Key terms: the words over-represented in the sentences a query matches
//! against the rest of the index, by log-likelihood (G²), with the log
//! ratio as effect size. Words are counted once per sentence, in the
//! matching sentences and in the index alike.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use super::collocates::{MAX_SENTENCES, Tally, check_limit, log_likelihood, merge};
use super::{Engine, SearchRequest, words};
use crate::error::Result;
use crate::vocab::contract::{Keyword, Keywords};

/// A key terms request.
#[derive(Debug, Clone)]
pub struct KeywordsRequest {
    pub search: SearchRequest,
    /// Words in fewer matching sentences are left out.
    pub min_count: u64,
    pub limit: usize,
}

impl Default for KeywordsRequest {
    fn default() -> Self {
        KeywordsRequest {
            search: SearchRequest::default(),
            min_count: 3,
            limit: 20,
        }
    }
}

/// One thread's share of a key terms count: each word once per sentence.
struct Sentences {
    analyzer: tantivy::tokenizer::TextAnalyzer,
    tallies: HashMap<String, Tally>,
    seen: HashSet<String>,
}

/// G² and log ratio of a word in `count` of `target` sentences and in
/// `frequency` of the index's `total`; `None` unless over-represented.
pub fn keyness(count: u64, target: u64, frequency: u64, total: u64) -> Option<(f64, f64)> {
    let rest = total.checked_sub(target)? as f64;
    let elsewhere = frequency.saturating_sub(count) as f64;
    let (count, target) = (count as f64, target as f64);
    if target <= 0.0 || count / target <= elsewhere / rest.max(1.0) {
        return None;
    }
    let g2 = log_likelihood(count, target - count, elsewhere, rest - elsewhere);
    // A word found nowhere else counts as half a sentence there (Hardie
    // 2014), so that its ratio stays finite.
    let log_ratio = ((count / target) / (elsewhere.max(0.5) / rest.max(1.0))).log2();
    Some((g2, log_ratio))
}

impl Engine {
    pub fn keywords(&self, request: &KeywordsRequest) -> Result<Keywords> {
        let started = Instant::now();
        check_limit(request.limit)?;
        let stems = self.query_stems(&request.search)?;
        let init = || -> Result<Sentences> {
            Ok(Sentences {
                analyzer: self.text_analyzer()?,
                tallies: HashMap::new(),
                seen: HashSet::new(),
            })
        };
        let each = |acc: &mut Sentences, text: &str| {
            acc.seen.clear();
            for word in words::words(&mut acc.analyzer, text) {
                let surface = word.surface(text);
                if stems.contains(&word.stem) || !words::is_content(surface) {
                    continue;
                }
                if acc.seen.insert(word.stem.clone()) {
                    acc.tallies.entry(word.stem).or_default().add(surface);
                }
            }
        };
        let (scan, parts) =
            self.fold_matching_texts(&request.search, MAX_SENTENCES, &init, &each)?;
        let mut tallies: HashMap<String, Tally> = HashMap::new();
        for part in parts {
            merge(&mut tallies, part.tallies);
        }
        let searcher = self.reader.searcher();
        let total = searcher.num_docs();
        let mut keywords: Vec<Keyword> = tallies
            .into_iter()
            .filter(|(_, t)| t.count >= request.min_count.max(1))
            .filter_map(|(stem, tally)| {
                let frequency = self.sentence_frequency(&searcher, &stem).max(tally.count);
                let (g2, log_ratio) = keyness(tally.count, scan.read, frequency, total)?;
                Some(Keyword {
                    word: tally.shown(),
                    count: tally.count,
                    frequency,
                    g2,
                    log_ratio,
                })
            })
            .collect();
        keywords.sort_by(|a, b| {
            b.g2.total_cmp(&a.g2)
                .then(b.count.cmp(&a.count))
                .then_with(|| a.word.cmp(&b.word))
        });
        keywords.truncate(request.limit);
        Ok(Keywords {
            query: request.search.query.clone(),
            total: scan.total,
            sentences: scan.read,
            index_sentences: total,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            keywords,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyness_by_hand() {
        // In 6 of 8 matching sentences, 1 of the other 92: the table
        // 6, 2, 1, 91; expected 0.56, 7.44, 6.44, 85.56.
        let (g2, log_ratio) = keyness(6, 8, 7, 100).unwrap();
        assert!((g2 - 30.697759).abs() < 1e-5, "{g2}");
        // log2((6/8) / (1/92))
        assert!((log_ratio - 6.108524).abs() < 1e-5, "{log_ratio}");
    }

    #[test]
    fn only_over_represented_words_are_key() {
        assert!(keyness(1, 10, 10, 100).is_none());
        assert!(keyness(0, 10, 10, 100).is_none());
        // Nowhere else: half a sentence stands in for the rest.
        let (_, log_ratio) = keyness(4, 8, 4, 100).unwrap();
        assert!((log_ratio - ((4.0 / 8.0) / (0.5 / 92.0f64)).log2()).abs() < 1e-9);
        assert!(keyness(1, 200, 1, 100).is_none());
    }
}
