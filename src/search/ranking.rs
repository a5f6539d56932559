//! How hits are scored: BM25 with annals' parameters, English stop words
//! that match but weigh nothing, and, for sentence indexes, a mild prior
//! against one-line sentences.
//!
//! tantivy's BM25 fixes k1 = 1.2 and b = 0.75; what it lets a caller set is
//! the statistics, among them the average length. Stating the average as
//! `f` times the real one gives the scores of k1' = 1.2 (0.25 + 0.75 / f)
//! and b' = 0.9 / (f k1') up to a constant factor (tantivy's k1 + 1), which
//! does not change the order: that is how annals chooses its parameters.

use std::fmt;

use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, Schema};

use crate::vocab::contract::ScorePart;
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term};

/// English function words (articles, pronouns, prepositions,
/// conjunctions, auxiliaries, question words) and the discourse words of
/// questions ("please", "also", "particularly", "e.g."). A query's words
/// that are among them still match (hit sets do not change) but add nothing
/// to a score, unless the query has no other word; inside a quoted phrase
/// they count as they are. Sorted, for binary search.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "both", "but", "by", "can", "concerning",
    "could", "did", "do", "does", "doing", "done", "e", "each", "eg", "especially", "etc", "for",
    "from", "further", "g", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "ie", "if", "in", "into", "is", "it", "its", "itself",
    "just", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
    "particularly", "please", "regard", "regarding", "same", "shall", "she", "should", "so",
    "some", "specifically", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
    "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "would", "you", "your", "yours", "yourself",
    "yourselves",
];

/// Whether a query word (as typed) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    STOP_WORDS.binary_search(&lower.as_str()).is_ok()
}

/// tantivy's fixed BM25 parameters.
const TANTIVY_K1: f32 = 1.2;
const TANTIVY_B: f32 = 0.75;

/// How an index's units are scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranking {
    /// The stated average length over the real one (see the module's doc).
    pub avgdl_factor: f32,
    /// The sentence length prior; `None` for document units.
    pub prior: Option<LengthPrior>,
}

impl Ranking {
    /// The ranking of an index of `unit`s (`sentence` or `document`).
    ///
    /// Documents: an average stated 1.5 times the real one, which is k1 =
    /// 0.9 and b = 0.67, chosen on the NPL and MED collections
    /// (`bench/ir.py`), the best value for both together (NPL wants weaker
    /// length normalization, MED stronger). Sentences: tantivy's k1 = 1.2,
    /// b = 0.75, and the length prior, with `half` = 3 words, chosen on the
    /// UN General Debate corpus (`bench/toplen.py`): one-word queries then
    /// rank sentences of 20 to 30 words first instead of two-word ones,
    /// while a sentence that repeats the word still ranks high.
    pub fn for_unit(unit: &str) -> Ranking {
        if unit == "document" {
            Ranking {
                avgdl_factor: 1.5,
                prior: None,
            }
        } else {
            Ranking {
                avgdl_factor: 1.0,
                prior: Some(LengthPrior { half: 3.0 }),
            }
        }
    }

    /// The BM25 parameters these scores correspond to.
    pub fn k1_b(&self) -> (f32, f32) {
        let k1 = TANTIVY_K1 * (1.0 - TANTIVY_B + TANTIVY_B / self.avgdl_factor);
        let b = TANTIVY_K1 * TANTIVY_B / self.avgdl_factor / k1;
        (k1, b)
    }
}

/// A multiplier that grows with a sentence's length in words `n`:
/// `n / (n + half)`, one half at `half` words, near 1 for long sentences.
/// BM25 alone ranks "Apartheid must go." above every sentence that says
/// something about apartheid; this gives sentences that carry content their
/// due without letting long ones win on length alone (BM25's length
/// normalization still weighs against them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthPrior {
    pub half: f32,
}

impl LengthPrior {
    pub fn factor(&self, words: u32) -> Score {
        let n = words as f32;
        if n <= 0.0 { 1.0 } else { n / (n + self.half) }
    }
}

/// The searcher's statistics, with the average length stated as the
/// ranking says.
pub struct Statistics<'a> {
    pub searcher: &'a tantivy::Searcher,
    pub avgdl_factor: f32,
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let real = self.searcher.total_num_tokens(field)?;
        Ok((real as f64 * f64::from(self.avgdl_factor)).round() as u64)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}

/// A query whose scores are multiplied by the length prior of each unit's
/// text field.
pub struct WithPrior {
    pub inner: Box<dyn Query>,
    pub field: Field,
    pub prior: LengthPrior,
}

impl Clone for WithPrior {
    fn clone(&self) -> Self {
        WithPrior {
            inner: self.inner.box_clone(),
            field: self.field,
            prior: self.prior,
        }
    }
}

impl fmt::Debug for WithPrior {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WithPrior({:?}, half={})", self.inner, self.prior.half)
    }
}

impl Query for WithPrior {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let scoring = enable_scoring.is_scoring_enabled();
        let inner = self.inner.weight(enable_scoring)?;
        Ok(Box::new(PriorWeight {
            inner,
            field: self.field,
            prior: self.prior,
            scoring,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct PriorWeight {
    inner: Box<dyn Weight>,
    field: Field,
    prior: LengthPrior,
    scoring: bool,
}

impl Weight for PriorWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, boost)?;
        if !self.scoring {
            return Ok(inner);
        }
        let norms = reader.get_fieldnorms_reader(self.field)?;
        Ok(Box::new(PriorScorer {
            inner,
            norms,
            prior: self.prior,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let words = reader.get_fieldnorms_reader(self.field)?.fieldnorm(doc);
        let factor = self.prior.factor(words);
        let mut explanation = Explanation::new("length prior, product of", inner.value() * factor);
        explanation.add_detail(inner);
        explanation.add_const("length prior: words / (words + half)", factor);
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }

    // The three loops below hand the inner weight's own (block-wise) loops
    // a callback that applies the prior, instead of driving a wrapped
    // scorer one document at a time: as fast as the query without a prior.
    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        if !self.scoring {
            return self.inner.for_each(reader, callback);
        }
        let norms = reader.get_fieldnorms_reader(self.field)?;
        self.inner.for_each(reader, &mut |doc, score| {
            callback(doc, score * self.prior.factor(norms.fieldnorm(doc)))
        })
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.inner.for_each_no_score(reader, callback)
    }

    /// The prior is at most 1, so a document whose score without it is
    /// below the threshold is below it with it too: the inner weight may
    /// prune with the same threshold.
    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let norms = reader.get_fieldnorms_reader(self.field)?;
        let mut current = threshold;
        self.inner
            .for_each_pruning(threshold, reader, &mut |doc, score| {
                let score = score * self.prior.factor(norms.fieldnorm(doc));
                if score > current {
                    current = callback(doc, score);
                }
                current
            })
    }
}

struct PriorScorer {
    inner: Box<dyn Scorer>,
    norms: tantivy::fieldnorm::FieldNormReader,
    prior: LengthPrior,
}

impl DocSet for PriorScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        self.inner.seek_danger(target)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for PriorScorer {
    fn score(&mut self) -> Score {
        let words = self.norms.fieldnorm(self.inner.doc());
        self.inner.score() * self.prior.factor(words)
    }
}

/// Pseudo-relevance feedback (RM3, `--expand`): how many top hits feed it,
/// how many words it adds, and the weight kept by the query as typed.
/// Chosen on NPL and MED (`bench/ir.py -- --expand`) among 5 or 10 hits,
/// 10 or 20 words, 0.5 to 0.7: the best for NPL, the harder of the two,
/// while MED gains 15%.
pub const FEEDBACK_DOCS: usize = 5;
pub const FEEDBACK_TERMS: usize = 20;
pub const ORIGINAL_WEIGHT: f32 = 0.6;

/// The feedback words of RM3: the top hits' words (not stop words, not
/// numbers), each weighed by its share of every hit's length times the
/// hit's share of the scores, best first, as indexed terms with weights
/// summing to 1.
pub fn feedback_terms(
    hits: &[(Score, String)],
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
) -> Vec<(String, f32)> {
    use std::collections::HashMap;
    use tantivy::tokenizer::TokenStream;
    let total: f32 = hits.iter().map(|(s, _)| s.max(0.0)).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut weights: HashMap<String, f32> = HashMap::new();
    for (score, text) in hits {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        let share = score.max(0.0) / total / words.len() as f32;
        for word in words {
            if is_stop_word(word) || word.chars().all(|c| c.is_numeric()) || word.len() < 2 {
                continue;
            }
            let mut stream = analyzer.token_stream(word);
            if stream.advance() {
                *weights.entry(stream.token().text.clone()).or_default() += share;
            }
        }
    }
    let mut terms: Vec<(String, f32)> = weights.into_iter().collect();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.truncate(FEEDBACK_TERMS);
    let sum: f32 = terms.iter().map(|(_, w)| w).sum();
    for (_, w) in &mut terms {
        *w /= sum;
    }
    terms
}

/// The parts of a score, from tantivy's explanation tree as JSON: each
/// matching term or phrase with its contribution, boosts applied.
pub fn score_parts(
    node: &serde_json::Value,
    boost: f32,
    schema: &Schema,
    out: &mut Vec<ScorePart>,
) {
    let value = node["value"].as_f64().unwrap_or(0.0) as f32;
    let description = node["description"].as_str().unwrap_or_default();
    let details = node["details"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let term = node["context"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str()?.strip_prefix("Term="))
        .next();
    let part = |kind: &str, field: String, term: Option<String>| ScorePart {
        kind: kind.to_string(),
        field,
        term,
        score: value * boost,
        boost: (boost != 1.0).then_some(boost),
    };
    if let Some(term) = term {
        let (field, text) = parse_term(term, schema);
        let kind = if field == TEXT_FIELD {
            "word"
        } else {
            "filter"
        };
        out.push(part(kind, field, Some(text)));
    } else if description == "Phrase Scorer" {
        out.push(part("phrase", TEXT_FIELD.to_string(), None));
    } else if let Some(rest) = description.strip_prefix("Boost x") {
        let factor: f32 = rest.trim_end_matches(" of ...").parse().unwrap_or(1.0);
        for d in details {
            score_parts(d, boost * factor, schema, out);
        }
    } else if description.starts_with("length prior") {
        if let Some(inner) = details.first() {
            score_parts(inner, boost, schema, out);
        }
    } else if description.starts_with("BooleanClause") {
        for d in details {
            score_parts(d, boost, schema, out);
        }
    } else if value != 0.0 {
        out.push(part("filter", String::new(), Some(description.to_string())));
    }
}

const TEXT_FIELD: &str = crate::index::schema::TEXT;

/// A term's field name and value from tantivy's debug form,
/// `Term(field=0, type=Str, "apartheid")`.
fn parse_term(debug: &str, schema: &Schema) -> (String, String) {
    let inner = debug
        .strip_prefix("Term(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(debug);
    let mut pieces = inner.splitn(3, ", ");
    let field = pieces
        .next()
        .and_then(|f| f.strip_prefix("field="))
        .and_then(|n| n.parse::<u32>().ok())
        .map(|n| schema.get_field_name(Field::from_field_id(n)).to_string())
        .unwrap_or_default();
    let _type = pieces.next();
    let value = pieces.next().unwrap_or_default();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    (field, value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("The") && is_stop_word("of") && !is_stop_word("pigs"));
    }

    #[test]
    fn the_average_factor_maps_to_k1_and_b() {
        let (k1, b) = Ranking {
            avgdl_factor: 1.0,
            prior: None,
        }
        .k1_b();
        assert!((k1 - 1.2).abs() < 1e-6 && (b - 0.75).abs() < 1e-6);
        let (k1, b) = Ranking {
            avgdl_factor: 2.0,
            prior: None,
        }
        .k1_b();
        assert!((k1 - 0.75).abs() < 1e-6 && (b - 0.6).abs() < 1e-6);
    }

    #[test]
    fn the_prior_grows_with_length_and_stays_below_one() {
        let p = LengthPrior { half: 3.0 };
        assert!(p.factor(2) < p.factor(12) && p.factor(12) < p.factor(40));
        assert!((p.factor(3) - 0.5).abs() < 1e-6 && p.factor(400) < 1.0);
    }
}
