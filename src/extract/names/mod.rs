//! People and organizations named in one sentence, found by rules alone.
//!
//! This module owns the person/org facet: it chunks capitalized runs of a
//! sentence and classifies each as a person, an organization or neither, from
//! titles and roles around it, given names, name particles, surname endings,
//! organization cue words and acronyms in parentheses. No statistical model is
//! used. `words` compiles the word classes (`data/given-names.txt`, built from
//! the public-domain SSA baby names by `tools/names/build_given_names.py`, and
//! the names-and-places classes of `data/lexicon.txt`), `tokens` reads a
//! sentence into tokens, `rules` judges them, `context` reads clubs and companies from the words around them,
//! `link` resolves short forms across a document
//! (`find_names_in_document`). `fold_name` gives the key that
//! groups spellings of one name (case and diacritics folded).

mod context;
mod link;
mod orgs;
mod rules;
mod tokens;
mod words;

#[cfg(test)]
mod names_tests;
#[cfg(test)]
mod news_tests;
#[cfg(test)]
mod people_tests;

pub use crate::vocab::fold::fold_name;
pub use link::find_names_in_document;
use std::cell::RefCell;

use rules::NameRules;
use tokens::{Tok, tokenize};
use words::WORD_CLASSES;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Person,
    Org,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    /// Byte span in the sentence, end exclusive, on char boundaries.
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
    /// Surface form, without a possessive 's.
    pub text: String,
    /// `fold_name` of the canonical name: `name` when set, else `text`.
    pub key: String,
    /// The full name a short form stands for, where it differs from `text`: "Brian Lara"
    /// for "Lara", "World Health Organization" for "WHO" (set by `find_names_in_document`).
    pub name: Option<String>,
}

impl NameHit {
    /// The name to show and count: the canonical name, or the text.
    pub fn canonical(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.text)
    }
}

/// Whether a folded word is one of the given names the extractor knows: a
/// bare given name ("Nelson") stands for too many people to link to one.
pub fn is_given_name(folded: &str) -> bool {
    WORD_CLASSES
        .bits
        .get(folded)
        .is_some_and(|bits| bits & words::GIVEN_NAME != 0)
}

/// People and organizations named in `sentence`, in order of appearance.
pub fn find_names(sentence: &str) -> Vec<NameHit> {
    // Without a capital letter there is no name to find.
    let has_upper = if sentence.is_ascii() {
        sentence.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        sentence.chars().any(char::is_uppercase)
    };
    if !has_upper || opens_with_the_only_capital(sentence) {
        return Vec::new();
    }
    // Token and key buffers are reused across calls on a thread: per-sentence
    // allocations were a visible share of the time.
    let (mut t, mut keys) = BUFFERS.with(|b| {
        b.try_borrow_mut()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default()
    });
    t.clear();
    keys.clear();
    let mut rules = NameRules {
        s: sentence,
        t,
        keys,
        lex: &WORD_CLASSES,
        out: Vec::new(),
        scratch: RefCell::new(String::new()),
        and_license: false,
        last_licensed_person: false,
        results: false,
        unnamed: Vec::new(),
    };
    tokenize(sentence, rules.lex, &mut rules.t, &mut rules.keys);
    rules.run();
    let NameRules {
        t, keys, mut out, ..
    } = rules;
    for hit in &mut out {
        cut_participle(sentence, hit);
    }
    if let Some((start, end)) = byline(sentence)
        && !out.iter().any(|h| h.start < end && start < h.end)
    {
        let text = &sentence[start..end];
        out.insert(
            0,
            NameHit {
                start,
                end,
                kind: NameKind::Person,
                text: text.to_string(),
                key: fold_name(text),
                name: None,
            },
        );
    }
    // A freak sentence must not pin megabytes to the thread.
    if t.capacity() < 1 << 16 && keys.capacity() < 1 << 20 {
        BUFFERS.with(|b| {
            if let Ok(mut b) = b.try_borrow_mut() {
                *b = (t, keys);
            }
        });
    }
    out
}

/// Participles a name takes after a hyphen ("United Nations-led", "Geneva-based",
/// "NATO-backed"): the name is what comes before them.
const HYPHENED_PARTICIPLES: &[&str] = &[
    "-led",
    "-based",
    "-backed",
    "-sponsored",
    "-brokered",
    "-funded",
    "-run",
    "-owned",
    "-supported",
    "-mandated",
    "-authorized",
    "-controlled",
    "-dominated",
];

/// Cuts a hyphened participle off the end of a name ("United Nations-led" → "United
/// Nations").
fn cut_participle(sentence: &str, hit: &mut NameHit) {
    let Some(p) = HYPHENED_PARTICIPLES.iter().find(|p| {
        hit.text.len() > p.len()
            && hit
                .text
                .get(hit.text.len() - p.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(p))
    }) else {
        return;
    };
    let end = hit.end - p.len();
    let Some(text) = sentence.get(hit.start..end) else {
        return;
    };
    hit.end = end;
    hit.text = text.to_string();
    hit.key = fold_name(text);
}

/// The writer's name of a byline in capitals, "By JOHN SMITH" or "BY JANE DOE, Associated
/// Press Writer": two to four words in capitals after "By", up to a comma or the end. The
/// rules take no run in capitals for a name (a headline's "EASTERN CONFERENCE"), but a
/// byline says whose it is.
fn byline(sentence: &str) -> Option<(usize, usize)> {
    let rest = sentence
        .strip_prefix("By ")
        .or_else(|| sentence.strip_prefix("BY "))?;
    let start = sentence.len() - rest.len();
    let name = rest.split(',').next()?.trim_end();
    let words: Vec<&str> = name.split(' ').collect();
    let in_capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    // "BY THE WAY", "BY AIR MAIL": words of a headline, not a name.
    let word_of_text = |w: &str| {
        let bits = WORD_CLASSES.bits.get(w.to_lowercase().as_str()).copied();
        bits.is_some_and(|b| b & (words::RUN_STOP | words::COMMON_NOUN | words::ORG_CUE) != 0)
    };
    ((2..=4).contains(&words.len()) && words.iter().all(|w| in_capitals(w) && !word_of_text(w)))
        .then_some((start, start + name.len()))
}

/// Whether the one capitalized word of `sentence` is its first and a function word ("We
/// believe that…", "It is…"): a third of the sentences of speeches, with no name in them.
fn opens_with_the_only_capital(sentence: &str) -> bool {
    let text = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (first, rest) = text.split_at(end);
    // A period, hyphen or apostrophe may join the word to more ("U.S.", "Al-Qaeda").
    if first.is_empty() || rest.starts_with(['.', '-', '\'', '’']) {
        return false;
    }
    let capital_after = if rest.is_ascii() {
        rest.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        rest.chars().any(char::is_uppercase)
    };
    if capital_after {
        return false;
    }
    // Lowercased on the stack: this runs on every sentence.
    let mut buf = [0u8; 24];
    let Some(key) = buf.get_mut(..first.len()) else {
        return false;
    };
    key.copy_from_slice(first.as_bytes());
    key.make_ascii_lowercase();
    let key = std::str::from_utf8(key).unwrap_or_default();
    let bits = WORD_CLASSES.bits.get(key).copied().unwrap_or(0);
    bits & words::RUN_STOP != 0 && bits & words::MAY_NAME == 0
}

thread_local! {
    static BUFFERS: RefCell<(Vec<Tok>, String)> =
        const { RefCell::new((Vec::new(), String::new())) };
}
