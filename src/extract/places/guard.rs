//! The person guard: whether a place name stands for a person in its context ("Georgia
//! O'Keeffe", "President Jackson", "George Washington"), from the words around it.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::scan::{Raw, ascii_str, lower, next_word, prev_word, sentence_initial};
use crate::extract::gazetteer::{NameEntry, NameKind, acronym, gazetteer};
use crate::extract::lexicon;

/// A word class of `data/lexicon.txt` as a set: the person guard asks it of single words.
pub(super) fn word_set(class: &str) -> FxHashSet<&'static str> {
    lexicon::words(class).collect()
}

/// Capitalized words after a place name that make it part of a longer name, not a given name
/// ("Paris Peace Conference", "Tehran Times").
pub(super) static PLACE_CUES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set("place-cue-after"));

/// Titles before a place name that make it a person's name ("President Jackson"): the titles
/// names reads too, and those only places reads.
pub(super) static TITLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut titles = word_set("title");
    titles.extend(lexicon::words("title-places-only"));
    titles
});

/// Words before a person-prone place name that still leave it a place ("Northern Georgia").
pub(super) static BEFORE_PLACE: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set("before-place"));

/// Name particles between a given name and a surname ("Machado de Assis").
pub(super) static PARTICLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut particles = word_set("particle");
    particles.extend(lexicon::words("particle-places-only"));
    particles
});

/// Cities this big are known well enough to skip the following-surname guard, unless their
/// name is also a given name.
pub(super) const BIG_CITY: u64 = 1_000_000;

pub(super) fn is_cue(w: &str) -> bool {
    PLACE_CUES.contains(w)
}

/// What the person guard makes of a name in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Guard {
    Place,
    /// Part of a name here ("Chad Smith", "Manchester Ship Canal" too: dropped here only).
    Person,
    /// A person for sure (after a title or a given name): the name is no place anywhere in
    /// the document.
    SurelyPerson,
}

/// A lesser place: no country or demonym reading, and no reading as a big city. Such names
/// are often surnames too ("Duarte", "Machado"), so the person guard watches them.
pub(super) fn small_place(entry: &NameEntry) -> bool {
    let cands = gazetteer().candidates(entry);
    !cands.is_empty()
        && cands
            .iter()
            .all(|c| matches!(c.kind, NameKind::City | NameKind::Region) && c.population < BIG_CITY)
}

/// Whether a raw hit is good evidence of a place on its own (not itself a likely name part).
pub(super) fn strong_hit(r: &Raw) -> bool {
    gazetteer()
        .entry(r.entry)
        .is_some_and(|e| !e.person_prone && !small_place(e))
}

/// The local person guard: drops "Georgia O'Keeffe", "Chad Smith", "President Jackson",
/// "George Washington", "Ali Abbasov", "Jose Napoleon Duarte", "Angie Brooks-Randolph" while
/// keeping "Paris Peace Conference", "Tehran Times", "Baku Mayor".
pub(super) fn looks_like_person(t: &[u8], r: &Raw, entry: &NameEntry, raws: &[Raw]) -> Guard {
    let small = small_place(entry);
    if !entry.person_prone && !small {
        return Guard::Place;
    }
    if title_after(t, r.end) {
        return Guard::Place; // "Florida Governor", "Baku Mayor"
    }
    if let Some((ws, we)) = next_word(t, r.end) {
        let w = &t[ws..we];
        let next_is_place = raws.iter().any(|o| o.start == ws && strong_hit(o));
        if w[0].is_ascii_uppercase() && is_cue(&lower(w)) {
            // "Claiborne Pell Newport Bridge": a place in a longer name, whatever precedes it
            return Guard::Place;
        }
        if w[0].is_ascii_uppercase() && !next_is_place {
            // "Georgia O'Keeffe", "Jordan Peterson"; an acronym after it is more often an
            // organization ("Baku TV")
            if !acronym(ascii_str(w)) {
                return Guard::Person;
            }
        }
    }
    // "Brooks-Randolph", "Al-Dura": the second half of a hyphenated name
    if small && r.start >= 2 && t[r.start - 1] == b'-' {
        let mut s = r.start - 1;
        while s > 0 && t[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        if s < r.start - 1
            && t[s].is_ascii_uppercase()
            && !raws.iter().any(|o| o.end == r.start - 1 && strong_hit(o))
        {
            return Guard::Person;
        }
    }
    if let Some((ws, we)) = prev_word(t, r.start)
        && &t[ws..we] == b"of"
        && let Some((ts, te)) = prev_word(t, ws)
        && NOBLE_TITLES.contains(lower(&t[ts..te]).as_str())
    {
        return Guard::Person; // "the Duke of Wellington"
    }
    if let Some((ws, we)) = prev_word(t, r.start) {
        if t[we..r.start].contains(&b'.') && !TITLES.contains(lower(&t[ws..we]).as_str()) {
            return Guard::Place; // "... in 1995. Baku" is a new sentence, not a first name
        }
        let w = lower(&t[ws..we]);
        if TITLES.contains(w.as_str()) || gazetteer().is_given_name(ascii_str(&t[ws..we])) {
            return Guard::SurelyPerson; // "President Jackson", "George Washington"
        }
        // a capitalized word that does not open the sentence and is no place word itself
        // ("Carlos Andrés Pérez"); a particle after one ("Machado de Assis")
        let prev_is_place = raws
            .iter()
            .any(|o| (o.end == we || o.end == we + 1) && strong_hit(o));
        if t[ws].is_ascii_uppercase()
            && !sentence_initial(t, ws)
            && !prev_is_place
            && !BEFORE_PLACE.contains(w.as_str())
            && !is_cue(&w)
            && !acronym(ascii_str(&t[ws..we]))
        {
            // a lesser place after a first name is a surname for the whole document
            return if small {
                Guard::SurelyPerson
            } else {
                Guard::Person
            };
        }
        if small
            && PARTICLES.contains(w.as_str())
            && t[ws].is_ascii_lowercase()
            && let Some((ps, _)) = prev_word(t, ws)
            && t[ps].is_ascii_uppercase()
            && !sentence_initial(t, ps)
        {
            return Guard::Person;
        }
    }
    Guard::Place
}

/// Words before "America" that make it the continent (`before-continent` in the lexicon).
static BEFORE_CONTINENT: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set("before-continent"));

/// Whether a hit is "America" the continent, not the United States: "Columbus discovered
/// America", "the discovery of America".
pub(super) fn names_the_continent(t: &[u8], r: &Raw) -> bool {
    if t.get(r.start..r.end) != Some(b"America".as_slice()) {
        return false;
    }
    let Some((mut ws, mut we)) = prev_word(t, r.start) else {
        return false;
    };
    if &t[ws..we] == b"of" {
        let Some(w) = prev_word(t, ws) else {
            return false;
        };
        (ws, we) = w;
    }
    BEFORE_CONTINENT.contains(lower(&t[ws..we]).as_str())
}

/// Whether a capitalized title follows the name at `end`: the name is then a place that
/// qualifies the title ("Florida Governor Ron DeSantis", "Montreal Mayor Valerie Plante").
pub(super) fn title_after(t: &[u8], end: usize) -> bool {
    next_word(t, end).is_some_and(|(ws, we)| {
        t[ws].is_ascii_uppercase() && PLACE_TITLES.contains(lower(&t[ws..we]).as_str())
    })
}

/// Titles of office a place name qualifies ("Governor", "Mayor"), from `data/lexicon.txt`.
pub(super) static PLACE_TITLES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set("title-after-place"));

/// Noble titles whose "of" and a place make a title, not a place ("the Duke of Wellington").
pub(super) static NOBLE_TITLES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set("title-of-place"));
