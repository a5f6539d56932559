//! The names extractor's word classes: given names and the names-and-places classes of
//! `data/lexicon.txt`, compiled once into one map from folded word to class bits, so that a
//! token is looked up once, whatever the rules later ask of it.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::extract::lexicon;

pub(super) const GIVEN_TXT: &str = include_str!("../../../data/given-names.txt");
/// Given names of many countries the US list lacks (`tools/names/build_world_given_names.py`).
pub(super) const GIVEN_WORLD_TXT: &str = include_str!("../../../data/given-names-world.txt");

/// FxHash: the keys are short words looked up many times a sentence, where
/// SipHash would cost more than the rest of the work.
pub(super) type Map = FxHashMap<&'static str, u32>;

/// Every word list in one map from folded key to a bit set of the lists it is
/// in: one lookup per token, done once in the tokenizer.
pub(super) struct WordClasses {
    pub(super) bits: Map,
}

// The classes a key can be in, as bits of a `WordClasses::bits` value.
/// A given name (`data/given-names.txt`): a run it opens is likely a person.
pub(super) const GIVEN_NAME: u32 = 1 << 0;
/// A country, region, sea or big city: never a person or an org alone.
pub(super) const PLACE_NAME: u32 = 1 << 1;
/// A demonym: never a person alone, may lead an org.
pub(super) const DEMONYM: u32 = 1 << 2;
/// A function word, month or day: stripped from the start of a run.
pub(super) const RUN_STOP: u32 = 1 << 3;
/// An ordinary content word, never part of a person's name.
pub(super) const COMMON_NOUN: u32 = 1 << 4;
/// Someone named by one word with no cue around (Ataturk).
pub(super) const ONE_WORD_PERSON: u32 = 1 << 5;
/// An organization named without a cue word (NATO).
pub(super) const CUELESS_ORG: u32 = 1 << 6;
/// Makes "X of Y (XY)" a document, not an org.
pub(super) const DOCUMENT_WORD: u32 = 1 << 7;
/// A capitalized word that makes its run an organization.
pub(super) const ORG_CUE: u32 = 1 << 8;
/// A lowercase word that makes the run before it an organization.
pub(super) const LOWER_ORG_CUE: u32 = 1 << 9;
/// A title before a name, inside the run.
pub(super) const TITLE: u32 = 1 << 10;
/// A title after a name that belongs to it ("Reza Shah").
pub(super) const TITLE_AFTER_NAME: u32 = 1 << 11;
/// A lowercase role right before a name ("poet Nizami").
pub(super) const ROLE: u32 = 1 << 12;
/// A verb that makes the run before it a speaker.
pub(super) const REPORTING_VERB: u32 = 1 << 13;
/// May stand between a speaker and the reporting verb.
pub(super) const REPORTING_ADVERB: u32 = 1 << 14;
/// Glue between the capitalized words of a name ("de", "bin").
pub(super) const PARTICLE: u32 = 1 << 15;
/// A particle found only in personal names: makes a person alone.
pub(super) const PERSON_ONLY_PARTICLE: u32 = 1 << 16;
/// Joins the capitalized segments of an org name ("of", "&").
pub(super) const ORG_CONNECTOR: u32 = 1 << 17;
/// A last word that makes a run a place, event or thing ("Sea", "War").
pub(super) const NON_PERSON_END: u32 = 1 << 18;
/// Its period does not end a run ("Dr.").
pub(super) const ABBREVIATION: u32 = 1 << 19;
/// After "X Y," makes X Y a person ("head", "former").
pub(super) const APPOSITION_CUE: u32 = 1 << 20;
/// After a possessive makes its owner a person ("remarks").
pub(super) const PERSONAL_NOUN: u32 = 1 << 21;
/// A regnal number after a ruler's name ("XIV").
pub(super) const REGNAL_NUMBER: u32 = 1 << 22;
/// Opens place names ("San", "Port"): no given name there.
pub(super) const PLACE_NAME_START: u32 = 1 << 23;
/// A lowercase preposition of place before a name ("in Columbia"): where, not who.
pub(super) const LOCATIVE: u32 = 1 << 24;
/// A lowercase word between such a preposition and the name ("in southern Alberta").
pub(super) const LOCATIVE_MODIFIER: u32 = 1 << 25;
/// A noun for a person of a nation ("Spaniard", "Croat"): before a name, it tells a name
/// follows, as a role does.
pub(super) const PERSON_DEMONYM: u32 = 1 << 26;
/// A team's nickname ("Orioles", "Yankees"): an org cue, and the team alone once named.
pub(super) const TEAM_NICKNAME: u32 = 1 << 27;
/// A word by which a country's name says it is a state ("Commonwealth", "Kingdom").
pub(super) const STATE_FORM: u32 = 1 << 28;
/// A word of a club's name that stands for the club alone ("City", "Villa", "Real").
pub(super) const TEAM_SHORT_NAME: u32 = 1 << 29;
/// The head noun of an apposition that makes the name before it a company, a party or a club
/// ("Banamex, the country's biggest bank").
pub(super) const FIRM_NOUN: u32 = 1 << 30;
/// A family name written before the given name ("Zhou Enlai", "Kim Il-sung", "Nguyen Van
/// Linh"): the name alone once the full one is named, given name or not.
pub(super) const SURNAME_FIRST: u32 = 1 << 31;
/// The classes that let a word alone be, or open, a name or a place.
pub(super) const MAY_NAME: u32 = GIVEN_NAME
    | PLACE_NAME
    | PLACE_NAME_START
    | DEMONYM
    | ONE_WORD_PERSON
    | CUELESS_ORG
    | ORG_CUE
    | TITLE
    | ABBREVIATION;

impl WordClasses {
    #[inline]
    pub(super) fn bits(&self, k: &str) -> u32 {
        self.bits.get(k).copied().unwrap_or(0)
    }

    /// The classes of a word as written (`raw`, folded to `k`): a given name written with
    /// its umlaut spelled out, as wires do ("Juergen", "Goetz"), is found under the folded
    /// spelling the lists hold ("jurgen"). Only between consonants, in a word written in
    /// ASCII: not "Máel", "Toei".
    pub(super) fn bits_as_written(&self, k: &str, raw: &str) -> u32 {
        match self.bits.get(k) {
            Some(&b) => b,
            None if raw.is_ascii() && k.len() >= 4 => self.transliterated_given(k),
            None => 0,
        }
    }

    #[cold]
    fn transliterated_given(&self, k: &str) -> u32 {
        let b = k.as_bytes();
        let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
        let spelled_out = |i: usize| {
            // Not "ae", which Latin keeps ("Graeci").
            matches!(&b[i..i + 2], b"ue" | b"oe")
                && i >= 1
                && !vowel(b[i - 1])
                && b.get(i + 2)
                    .is_some_and(|&c| c.is_ascii_alphabetic() && !vowel(c))
        };
        if !(0..b.len() - 1).any(spelled_out) {
            return 0;
        }
        let mut plain = String::with_capacity(k.len());
        let mut i = 0;
        while i < b.len() {
            plain.push(b[i] as char);
            i += if i + 1 < b.len() && spelled_out(i) {
                2
            } else {
                1
            };
        }
        self.bits.get(plain.as_str()).copied().unwrap_or(0) & GIVEN_NAME
    }
    #[inline]
    pub(super) fn has(&self, bit: u32, k: &str) -> bool {
        self.bits(k) & bit != 0
    }
}

/// The `data/lexicon.txt` word classes behind each bit of `WordClasses::bits`.
pub(super) const CLASSES: &[(&str, u32)] = &[
    ("place", PLACE_NAME),
    ("demonym", DEMONYM),
    ("run-stop", RUN_STOP),
    ("common-noun", COMMON_NOUN),
    ("one-word-person", ONE_WORD_PERSON),
    ("surname-first", SURNAME_FIRST),
    ("cueless-org", CUELESS_ORG),
    ("document-word", DOCUMENT_WORD),
    ("org-cue", ORG_CUE),
    ("lowercase-org-cue", LOWER_ORG_CUE),
    ("title", TITLE),
    ("title-names-only", TITLE),
    ("title-after-name", TITLE_AFTER_NAME),
    ("role", ROLE),
    ("reporting-verb", REPORTING_VERB),
    ("reporting-adverb", REPORTING_ADVERB),
    ("particle", PARTICLE),
    ("particle-names-only", PARTICLE),
    ("particle-person-only", PERSON_ONLY_PARTICLE),
    ("org-connector", ORG_CONNECTOR),
    ("non-person-end", NON_PERSON_END),
    ("abbreviation", ABBREVIATION),
    ("apposition-cue", APPOSITION_CUE),
    ("personal-noun", PERSONAL_NOUN),
    ("regnal-number", REGNAL_NUMBER),
    ("place-name-start", PLACE_NAME_START),
    ("locative", LOCATIVE),
    ("locative-modifier", LOCATIVE_MODIFIER),
    ("demonym-person", PERSON_DEMONYM),
    ("team-nickname", ORG_CUE | TEAM_NICKNAME),
    ("state-form", STATE_FORM),
    ("team-short-name", TEAM_SHORT_NAME),
    ("firm-noun", FIRM_NOUN),
];

pub(super) static WORD_CLASSES: LazyLock<WordClasses> = LazyLock::new(|| {
    let mut bits = Map::default();
    let mut add = |k: &'static str, bit: u32| *bits.entry(k).or_insert(0) |= bit;
    for l in GIVEN_TXT.lines().chain(GIVEN_WORLD_TXT.lines()) {
        let l = l.trim();
        if !l.is_empty() && !l.starts_with('#') {
            add(l, GIVEN_NAME);
        }
    }
    for &(class, bit) in CLASSES {
        for w in lexicon::words(class) {
            add(w, bit);
        }
    }
    WordClasses { bits }
});

/// Surname endings (`surname-ending`): a weak cue, used only with context.
pub(super) static SURNAME_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::words("surname-ending").collect());

/// Prefixes of Arabic-style names written in lowercase before a capital
/// ("al-Assad"), in the lexicon's order (`lowercase-name-prefix`).
pub(super) static LOWER_PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::words("lowercase-name-prefix").collect());
