//! Collocates: the words found within a window of the query's matched words
//! in the matching sentences, scored by an association measure against
//! their frequency in the whole index; and the measures themselves.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Instant;

use super::words::{self, QueryStems};
use super::{Engine, SearchRequest};
use crate::error::{Error, Result};
use crate::vocab::contract::{Collocate, Collocates};
use crate::vocab::filters::FilterError;

/// The widest window a request may ask for, in words on each side.
pub const MAX_WINDOW: usize = 50;
/// At most this many matching sentences are read for collocates and key
/// terms; `sentences` in the answer says how many were.
pub const MAX_SENTENCES: u64 = 1_000_000;

/// How strongly a word is associated with the query's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// 14 + log2(2·O / (f_node + f_word)): at most 14, independent of the
    /// corpus size (Rychlý 2008).
    #[default]
    LogDice,
    /// Mutual information, log2(O / E): favours rare words.
    Mi,
    /// The t-score, (O − E) / √O: favours frequent words.
    T,
    /// Log-likelihood (G²) of the 2×2 table, negative for words seen less
    /// often than expected.
    Llr,
}

impl Measure {
    pub fn name(self) -> &'static str {
        match self {
            Measure::LogDice => "logdice",
            Measure::Mi => "mi",
            Measure::T => "t",
            Measure::Llr => "llr",
        }
    }

    pub fn score(self, c: &Counts) -> f64 {
        let expected = c.window * c.word / c.corpus.max(1.0);
        match self {
            Measure::LogDice => 14.0 + (2.0 * c.pair / (c.node + c.word).max(1.0)).log2(),
            Measure::Mi => (c.pair / expected.max(f64::MIN_POSITIVE)).log2(),
            Measure::T => (c.pair - expected) / c.pair.max(1.0).sqrt(),
            Measure::Llr => {
                let g2 = log_likelihood(
                    c.pair,
                    c.window - c.pair,
                    c.word - c.pair,
                    c.corpus - c.window - c.word + c.pair,
                );
                if c.pair < expected { -g2 } else { g2 }
            }
        }
    }
}

impl FromStr for Measure {
    type Err = FilterError;

    fn from_str(value: &str) -> Result<Measure, FilterError> {
        match value.to_ascii_lowercase().as_str() {
            "logdice" => Ok(Measure::LogDice),
            "mi" => Ok(Measure::Mi),
            "t" | "t-score" => Ok(Measure::T),
            "llr" | "g2" => Ok(Measure::Llr),
            _ => Err(FilterError("expected logdice, mi, t or llr".into())),
        }
    }
}

/// What a collocate's score is computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counts {
    /// The word's occurrences within the windows (O).
    pub pair: f64,
    /// The query's matched words in the sentences read.
    pub node: f64,
    /// The word's frequency in the index.
    pub word: f64,
    /// Words within the windows, the matched ones left out.
    pub window: f64,
    /// Words in the index.
    pub corpus: f64,
}

/// Dunning's log-likelihood (G²) of a 2×2 table of observed counts; cells
/// below zero (inconsistent counts) are taken as zero.
pub fn log_likelihood(o11: f64, o12: f64, o21: f64, o22: f64) -> f64 {
    let cells = [o11, o12, o21, o22].map(|o| o.max(0.0));
    let [a, b, c, d] = cells;
    let n = a + b + c + d;
    if n <= 0.0 {
        return 0.0;
    }
    let rows = [a + b, c + d];
    let columns = [a + c, b + d];
    let expected = [
        rows[0] * columns[0] / n,
        rows[0] * columns[1] / n,
        rows[1] * columns[0] / n,
        rows[1] * columns[1] / n,
    ];
    2.0 * cells
        .iter()
        .zip(expected)
        .filter(|(o, e)| **o > 0.0 && *e > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum::<f64>()
}

/// A collocates request: the sentences to read, and how to score.
#[derive(Debug, Clone)]
pub struct CollocatesRequest {
    pub search: SearchRequest,
    /// Words on each side of a matched word.
    pub window: usize,
    pub measure: Measure,
    /// Words seen fewer times in the windows are left out.
    pub min_count: u64,
    pub limit: usize,
    /// Count stop words too.
    pub keep_stop_words: bool,
}

impl Default for CollocatesRequest {
    fn default() -> Self {
        CollocatesRequest {
            search: SearchRequest::default(),
            window: 5,
            measure: Measure::LogDice,
            min_count: 3,
            limit: 20,
            keep_stop_words: false,
        }
    }
}

/// A word's tally: its count and the forms it was seen in.
#[derive(Default)]
pub(super) struct Tally {
    pub count: u64,
    pub forms: HashMap<String, u64>,
}

impl Tally {
    pub fn add(&mut self, form: &str) {
        self.count += 1;
        match self.forms.get_mut(form) {
            Some(n) => *n += 1,
            None => {
                self.forms.insert(form.to_string(), 1);
            }
        }
    }

    /// The form seen most often (ties: the first in alphabetical order).
    pub fn shown(&self) -> String {
        self.forms
            .iter()
            .max_by(|(fa, na), (fb, nb)| na.cmp(nb).then_with(|| fb.cmp(fa)))
            .map(|(f, _)| f.clone())
            .unwrap_or_default()
    }
}

/// One thread's share of a collocates count.
struct Windows {
    analyzer: tantivy::tokenizer::TextAnalyzer,
    tallies: HashMap<String, Tally>,
    nodes: u64,
    words: u64,
}

/// Adds the tallies of `other` to `into`.
pub(super) fn merge(into: &mut HashMap<String, Tally>, other: HashMap<String, Tally>) {
    for (stem, tally) in other {
        match into.get_mut(&stem) {
            Some(t) => {
                t.count += tally.count;
                for (form, n) in tally.forms {
                    *t.forms.entry(form).or_default() += n;
                }
            }
            None => {
                into.insert(stem, tally);
            }
        }
    }
}

pub(super) fn check_limit(limit: usize) -> Result<()> {
    if limit > super::MAX_LIMIT {
        return Err(Error::bad_value(
            "limit",
            limit.to_string(),
            format!("at most {}", super::MAX_LIMIT),
        ));
    }
    Ok(())
}

impl Engine {
    pub fn collocates(&self, request: &CollocatesRequest) -> Result<Collocates> {
        let started = Instant::now();
        if request.window == 0 || request.window > MAX_WINDOW {
            return Err(Error::bad_value(
                "window",
                request.window.to_string(),
                format!("expected 1 to {MAX_WINDOW} words on each side"),
            ));
        }
        check_limit(request.limit)?;
        let stems = self.query_stems(&request.search)?;
        let init = || -> Result<Windows> {
            Ok(Windows {
                analyzer: self.text_analyzer()?,
                tallies: HashMap::new(),
                nodes: 0,
                words: 0,
            })
        };
        let each = |w: &mut Windows, text: &str| {
            let words = words::words(&mut w.analyzer, text);
            let (nodes, in_windows) = window_tallies(text, &words, &stems, request, &mut w.tallies);
            w.nodes += nodes;
            w.words += in_windows;
        };
        let (scan, parts) =
            self.fold_matching_texts(&request.search, MAX_SENTENCES, &init, &each)?;
        let (mut nodes, mut window_words) = (0u64, 0u64);
        let mut tallies: HashMap<String, Tally> = HashMap::new();
        for part in parts {
            nodes += part.nodes;
            window_words += part.words;
            merge(&mut tallies, part.tallies);
        }
        let searcher = self.reader.searcher();
        let corpus = self.corpus_words(&searcher)? as f64;
        let mut collocates: Vec<Collocate> = tallies
            .into_iter()
            .filter(|(_, t)| t.count >= request.min_count.max(1))
            .map(|(stem, tally)| {
                let frequency = self.sentence_frequency(&searcher, &stem).max(tally.count);
                let counts = Counts {
                    pair: tally.count as f64,
                    node: nodes as f64,
                    word: frequency as f64,
                    window: window_words as f64,
                    corpus,
                };
                Collocate {
                    word: tally.shown(),
                    count: tally.count,
                    frequency,
                    score: request.measure.score(&counts),
                }
            })
            .collect();
        collocates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.count.cmp(&a.count))
                .then_with(|| a.word.cmp(&b.word))
        });
        collocates.truncate(request.limit);
        Ok(Collocates {
            query: request.search.query.clone(),
            window: request.window,
            measure: request.measure.name().to_string(),
            total: scan.total,
            sentences: scan.read,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            collocates,
        })
    }
}

/// Tallies the words within `request.window` of each matched word of one
/// sentence; returns the matched words and the words in their windows.
fn window_tallies(
    text: &str,
    words: &[words::Word],
    stems: &QueryStems,
    request: &CollocatesRequest,
    tallies: &mut HashMap<String, Tally>,
) -> (u64, u64) {
    let is_node: Vec<bool> = words.iter().map(|w| stems.contains(&w.stem)).collect();
    let mut in_window = vec![false; words.len()];
    let mut nodes = 0u64;
    for (i, _) in is_node.iter().enumerate().filter(|(_, n)| **n) {
        nodes += 1;
        let from = i.saturating_sub(request.window);
        let to = (i + request.window).min(words.len().saturating_sub(1));
        for slot in in_window.iter_mut().take(to + 1).skip(from) {
            *slot = true;
        }
    }
    let mut window_words = 0u64;
    for (i, word) in words.iter().enumerate() {
        if !in_window[i] || is_node[i] {
            continue;
        }
        window_words += 1;
        let surface = word.surface(text);
        if request.keep_stop_words || words::is_content(surface) {
            tallies.entry(word.stem.clone()).or_default().add(surface);
        }
    }
    (nodes, window_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    /// O = 10, f_node = 20, f_word = 50, 200 words in the windows, 10,000
    /// in the corpus: E = 200 · 50 / 10,000 = 1.
    const COUNTS: Counts = Counts {
        pair: 10.0,
        node: 20.0,
        word: 50.0,
        window: 200.0,
        corpus: 10_000.0,
    };

    #[test]
    fn log_dice_by_hand() {
        // 14 + log2(20 / 70) = 14 − 1.807355
        assert!(close(Measure::LogDice.score(&COUNTS), 12.192645));
        // Always together, never apart: the maximum, 14.
        let perfect = Counts {
            pair: 5.0,
            node: 5.0,
            word: 5.0,
            ..COUNTS
        };
        assert!(close(Measure::LogDice.score(&perfect), 14.0));
    }

    #[test]
    fn mutual_information_by_hand() {
        // log2(10 / 1)
        assert!(close(Measure::Mi.score(&COUNTS), std::f64::consts::LOG2_10));
    }

    #[test]
    fn t_score_by_hand() {
        // (10 − 1) / √10
        assert!(close(Measure::T.score(&COUNTS), 2.846050));
    }

    #[test]
    fn log_likelihood_by_hand() {
        // Observed 10, 190, 40, 9760 against expected 1, 199, 49, 9751:
        // 2 · (10 ln 10 + 190 ln(190/199) + 40 ln(40/49) + 9760 ln(9760/9751))
        assert!(close(Measure::Llr.score(&COUNTS), 30.238053));
        // Seen less often than expected: negative.
        let repelled = Counts {
            pair: 1.0,
            word: 500.0,
            ..COUNTS
        };
        assert!(Measure::Llr.score(&repelled) < 0.0);
        assert_eq!(log_likelihood(0.0, 0.0, 0.0, 0.0), 0.0);
        assert!(close(log_likelihood(5.0, 5.0, 5.0, 5.0), 0.0));
    }

    #[test]
    fn measures_parse_and_refuse_others() {
        assert_eq!("logDice".parse::<Measure>().unwrap(), Measure::LogDice);
        assert_eq!("llr".parse::<Measure>().unwrap(), Measure::Llr);
        assert!(
            "dice"
                .parse::<Measure>()
                .unwrap_err()
                .0
                .contains("logdice, mi, t or llr")
        );
    }

    #[test]
    fn threads_tallies_merge_into_one() {
        let tally = |forms: &[&str]| {
            let mut t = Tally::default();
            forms.iter().for_each(|f| t.add(f));
            t
        };
        let mut one = HashMap::from([("south".to_string(), tally(&["south", "South"]))]);
        let two = HashMap::from([
            ("south".to_string(), tally(&["South"])),
            ("regim".to_string(), tally(&["regime"])),
        ]);
        merge(&mut one, two);
        assert_eq!(
            (one["south"].count, one["south"].shown().as_str()),
            (3, "South")
        );
        assert_eq!(one["regim"].count, 1);
    }

    #[test]
    fn the_commonest_form_is_shown() {
        let mut t = Tally::default();
        for form in ["South", "south", "South"] {
            t.add(form);
        }
        assert_eq!((t.shown().as_str(), t.count), ("South", 3));
    }
}
