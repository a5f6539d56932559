//! The bundled corpus and its gold annotations, for the unit tests: read
//! from `corpus/` and `tests/data/seed-gold.jsonl`, the one copy of the gold
//! in the repository, which the integration tests read too.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::corpus::{self, ReadOptions};

const SEED_TEXT: &str = include_str!("../corpus/azerbaijan-iran-relations.txt");
const GOLD_JSONL: &str = include_str!("../tests/data/seed-gold.jsonl");

/// One line of the seed corpus with what a careful reader finds in it.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldLine {
    pub line: u64,
    /// The line's sentences as the corpus reader gives them (citation
    /// markers out), joined by a space.
    #[serde(skip)]
    pub text: String,
    pub years: Vec<i32>,
    pub dates: Vec<String>,
    pub century_mentions: Vec<i32>,
    pub countries: Vec<String>,
    pub countries_optional: Vec<String>,
    pub persons: Vec<String>,
    pub orgs: Vec<String>,
}

static GOLD: LazyLock<Vec<GoldLine>> = LazyLock::new(|| {
    let mut by_line: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    let mut warnings = Vec::new();
    corpus::read_text(
        SEED_TEXT.as_bytes().to_vec(),
        Path::new("corpus/azerbaijan-iran-relations.txt"),
        ReadOptions::default(),
        &mut warnings,
        &mut |doc| {
            for s in doc.sentences {
                by_line.entry(s.line).or_default().push(s.text);
            }
            Ok(())
        },
    )
    .expect("the seed corpus reads");
    GOLD_JSONL
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut g: GoldLine = serde_json::from_str(l).expect("a gold line");
            g.text = by_line
                .get(&g.line)
                .map(|s| s.join(" "))
                .unwrap_or_default();
            g
        })
        .collect()
});

/// Every gold line, in order.
pub fn gold() -> &'static [GoldLine] {
    &GOLD
}

#[test]
fn every_gold_line_has_its_text() {
    assert_eq!(gold().len(), 30);
    assert!(gold().iter().all(|g| !g.text.is_empty()), "{:?}", gold());
    assert!(gold()[0].text.starts_with("According to Pierre Thorez"));
}
