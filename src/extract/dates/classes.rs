//! Word classes: each word of `data/lexicon.txt`'s date classes, and of
//! the month, ordinal and tens lists of `vocab::time`, maps to a bit set of
//! the classes it belongs to. One hash lookup per word answers every class
//! test the rules make about it, which is what keeps the guards cheap.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::extract::lexicon;
use crate::vocab::time::{MONTH_WORDS, ORDINAL_WORDS, TENS_WORDS};

/// Month names and abbreviations (`vocab::time::MONTH_WORDS`); the value is the month.
pub(super) const MONTH_NAME: u32 = 1 << 0;
/// "first" … "twentieth" (`vocab::time::ORDINAL_WORDS`); the value is the number.
pub(super) const ORDINAL_WORD: u32 = 1 << 1;
/// "twenty" … "ninety" (`vocab::time::TENS_WORDS`), for "twenty-first".
pub(super) const TENS_WORD: u32 = 1 << 2;
/// The nouns of a century or millennium production: "the 5th century", "the first millennia".
pub(super) const CENTURY_WORD: u32 = 1 << 3;
/// Modifiers that belong to a decade or century span: "the early 1990s", "mid-19th century".
pub(super) const PERIOD_MODIFIER: u32 = 1 << 4;
/// Words after which a bare number may be a year: "in 1920", "summer 1944", "fiscal 2016". A cue lets a round or early number through ("in 1500").
pub(super) const YEAR_CUE: u32 = 1 << 5;
/// Prepositions that vouch for the year even against a count noun after it: "in 2004 56 per cent of people", "since at least 1967".
pub(super) const STRONG_YEAR_CUE: u32 = 1 << 6;
/// Opens a range to the right: "since 2001" runs to no end.
pub(super) const OPEN_END_CUE: u32 = 1 << 7;
/// Opens a range to the left: "until 1918" has no start.
pub(super) const OPEN_START_CUE: u32 = 1 << 8;
/// After a date, opens it to the right: "1990 onwards".
pub(super) const ONWARDS_WORD: u32 = 1 << 9;
/// Lower-case words that join the two ends of a range ("1914 to 1918"); a dash does too, and "and" after "between".
pub(super) const RANGE_CONNECTOR: u32 = 1 << 10;
/// The open end of a range: "1991–present", "from 1999 to today".
pub(super) const PRESENT_WORD: u32 = 1 << 11;
/// "the year 800": the word that lets a three-digit number be a year.
pub(super) const YEAR_WORD: u32 = 1 << 12;
/// Parts of a year: "the first quarter of 2016", "the second half of 1990".
pub(super) const YEAR_PART: u32 = 1 << 13;
/// Words before a number that make it an amount, not a year: "over 1500", "killed 2000", "than 1900".
pub(super) const QUANTITY_CUE: u32 = 1 << 14;
/// "about 1500", "around 1900": a year only when the number ends a phrase (see date-clause-follower).
pub(super) const APPROXIMATOR: u32 = 1 << 15;
/// Determiners after "marks": "2015 marks the anniversary" is a year followed by a verb, not "marks" the currency.
pub(super) const DETERMINER: u32 = 1 << 16;
/// Words that may follow an approximated year and show that the number ended a phrase: "about 1500 and", "around 1816 when".
pub(super) const CLAUSE_FOLLOWER: u32 = 1 << 17;
/// Words whose number is a reference, a label, a code or an amount of money, never a year: "page 1920", "resolution 1441", "flight 1549", "Boeing 747", "USD 1500".
pub(super) const REFERENCE_WORD: u32 = 1 << 18;
/// Reference words whose number stays theirs even inside brackets: "resolution [1011 (XI)]", "resolutions (1652 and 1665)".
pub(super) const BRACKETED_REFERENCE: u32 = 1 << 19;
/// Nouns that make the number before them a count: "1500 soldiers", "2000 votes". A strong year cue before the number can outvote them unless the number is round.
pub(super) const COUNT_NOUN: u32 = 1 << 20;
/// Units of time and multipliers after a number: "1500 years", "1000 times", "2000-fold".
pub(super) const DURATION_UNIT: u32 = 1 << 21;
/// Units of measure and money after a number, and the words of large numbers: "1500 km", "2000 dollars", "1990 million".
pub(super) const MEASURE_UNIT: u32 = 1 << 22;
/// Adjectives skipped between a number and its count noun: "2000 US troops", "1500 armed men", "1800 French soldiers".
pub(super) const COUNT_MODIFIER: u32 = 1 << 23;
/// Verbs of change before "from": "rose from 1500 to 2000" is an amount, when both ends are round.
pub(super) const CHANGE_VERB: u32 = 1 << 24;
/// Nouns of amount before "of": "a total of 1500", "a force of 2000", "a budget of 1990".
pub(super) const QUANTITY_OF: u32 = 1 << 25;
/// Units joined to a number by a hyphen: "a 1500-year history", "a 2000-strong force", "a 1200-page book".
pub(super) const HYPHEN_UNIT: u32 = 1 << 26;
/// Nouns after a year that make it a point of comparison ("below 1990 levels", "at 1990 prices", "the pre-1967 borders"): they keep a year after "at" or an amount word.
pub(super) const LEVEL_NOUN: u32 = 1 << 27;
/// Currencies and prices after "in YEAR": "in 2013 dollars" are prices of that year, not 2013 dollars.
pub(super) const CONSTANT_CURRENCY: u32 = 1 << 28;
/// Comparatives before "than" that make a year of what follows: "no later than 1992", "earlier than 1800".
pub(super) const COMPARATIVE: u32 = 1 << 29;

/// Each class read from `data/lexicon.txt`, with its bit.
const LEXICON_CLASSES: [(&str, u32); 27] = [
    ("date-century-word", CENTURY_WORD),
    ("date-period-modifier", PERIOD_MODIFIER),
    ("date-year-cue", YEAR_CUE),
    ("date-strong-year-cue", STRONG_YEAR_CUE),
    ("date-open-end-cue", OPEN_END_CUE),
    ("date-open-start-cue", OPEN_START_CUE),
    ("date-onwards-word", ONWARDS_WORD),
    ("date-range-connector", RANGE_CONNECTOR),
    ("date-present-word", PRESENT_WORD),
    ("date-year-word", YEAR_WORD),
    ("date-year-part", YEAR_PART),
    ("date-quantity-cue", QUANTITY_CUE),
    ("date-approximator", APPROXIMATOR),
    ("date-determiner", DETERMINER),
    ("date-clause-follower", CLAUSE_FOLLOWER),
    ("date-reference-word", REFERENCE_WORD),
    ("date-bracketed-reference", BRACKETED_REFERENCE),
    ("date-count-noun", COUNT_NOUN),
    ("date-duration-unit", DURATION_UNIT),
    ("date-measure-unit", MEASURE_UNIT),
    ("date-count-modifier", COUNT_MODIFIER),
    ("date-change-verb", CHANGE_VERB),
    ("date-quantity-of", QUANTITY_OF),
    ("date-hyphen-unit", HYPHEN_UNIT),
    ("date-level-noun", LEVEL_NOUN),
    ("date-constant-currency", CONSTANT_CURRENCY),
    ("date-comparative", COMPARATIVE),
];

/// The classes of one word, and the number it names (a month, an ordinal, a
/// tens word), or 0.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Lex {
    pub(super) f: u32,
    pub(super) n: u8,
}

/// FxHash: the lexicon is looked up for most words next to a number, and its
/// keys are short ASCII words, where SipHash costs more than the rest.
type LexMap = FxHashMap<&'static [u8], Lex>;

static LEX: LazyLock<LexMap> = LazyLock::new(build_lex);

/// One map for every class: a word in several classes costs one lookup.
fn build_lex() -> LexMap {
    let mut m = LexMap::with_capacity_and_hasher(1024, Default::default());
    for (class, f) in LEXICON_CLASSES {
        for w in lexicon::words(class) {
            m.entry(w.as_bytes()).or_default().f |= f;
        }
    }
    let numbered = [
        (MONTH_WORDS, MONTH_NAME),
        (ORDINAL_WORDS, ORDINAL_WORD),
        (TENS_WORDS, TENS_WORD),
    ];
    for (words, f) in numbered {
        for &(w, n) in words {
            let e = m.entry(w.as_bytes()).or_default();
            e.f |= f;
            e.n = n;
        }
    }
    m
}

/// The classes of `word`, case-folded (ASCII only: every entry is ASCII).
pub(super) fn lex_of(word: &str) -> Lex {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 24 || !word.is_ascii() {
        return Lex::default();
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    LEX.get(&buf[..b.len()]).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A misspelt class name would silently match no word.
    #[test]
    fn every_class_has_words_of_one_token() {
        for (class, _) in LEXICON_CLASSES {
            assert!(lexicon::words(class).count() > 0, "[{class}] is empty");
            for w in lexicon::words(class) {
                assert!(w.len() <= 24 && w.is_ascii() && !w.contains(' '), "{w:?}");
                assert_eq!(w, w.to_ascii_lowercase(), "{w:?}");
            }
        }
    }
}
