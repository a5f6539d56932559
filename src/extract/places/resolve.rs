//! Which reading of an ambiguous name a hit takes: the place after a comma ("Paris, Texas"),
//! the countries its sentence names, then those its document names.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::scan::{Kept, Raw, lower, next_word, prev_word, sentence_initial};
use super::{DocRegions, Said};
use super::{PlaceHit, PlaceKind};
use crate::extract::dateline::dateline_end;
use crate::extract::gazetteer::{Candidate, NameEntry, NameKind, SMALL_TOWN, gazetteer};

/// Countries before places; among places population decides ("Sydney" is the Australian
/// city, not the Kiribati island).
pub(super) fn kind_rank(k: NameKind) -> u8 {
    match k {
        NameKind::Country => 0,
        NameKind::Demonym => 1,
        NameKind::Region | NameKind::City => 2,
    }
}

/// The best of `cands`: countries before places, then by population; a subdivision of no
/// known division that shares its name with a city of its country stands for that city
/// ("Geneva" the city, not the canton; "Cadiz"; but "Quebec", a province, stays one).
pub(super) fn best<'c>(cands: impl Iterator<Item = &'c Candidate>) -> Option<&'c Candidate> {
    let cands: Vec<&Candidate> = cands.collect();
    let top = ranked_first(cands.iter().copied())?;
    if top.kind != NameKind::Region || !top.region.is_empty() {
        return Some(top);
    }
    let city = cands
        .iter()
        .copied()
        .filter(|o| o.kind == NameKind::City && o.code == top.code && !small_town(o))
        .max_by_key(|o| o.population);
    Some(city.unwrap_or(top))
}

/// The first of `cands` by kind, then population, before any city stands for its namesake
/// subdivision: what a namesake elsewhere is measured against.
fn ranked_first<'c>(cands: impl Iterator<Item = &'c Candidate>) -> Option<&'c Candidate> {
    cands.min_by(|a, b| {
        kind_rank(a.kind)
            .cmp(&kind_rank(b.kind))
            .then(b.population.cmp(&a.population))
    })
}

/// A town named like a country ("Lebanon, Ohio", "Mexico, Missouri"): read only with a
/// qualifier, never by the document's countries or its size.
pub(super) fn qualifier_only(cands: &[Candidate], c: &Candidate) -> bool {
    c.kind == NameKind::City
        && cands
            .iter()
            .any(|o| o.kind == NameKind::Country && o.code != c.code)
}

pub(super) fn hit_of(orig: (usize, usize), c: &Candidate) -> PlaceHit {
    let kind = match c.kind {
        NameKind::Country => PlaceKind::Country,
        NameKind::Demonym => PlaceKind::Demonym,
        NameKind::City | NameKind::Region => PlaceKind::Place,
    };
    PlaceHit {
        start: orig.0,
        end: orig.1,
        kind,
        code: c.code,
        name: c.name.to_string(),
        region: gazetteer()
            .region_name(c.code, c.region)
            .map(|name| (format!("{}-{}", c.code, c.region), name)),
        geo: if kind == PlaceKind::Place {
            c.geonames()
        } else {
            None
        },
    }
}

/// The code a name stands for whatever its reading, if there is one.
pub(super) fn unambiguous(entry: Option<&NameEntry>) -> Option<&'static str> {
    // small towns are read only with support, so they make no name ambiguous
    let cands = gazetteer()
        .candidates(entry?)
        .iter()
        .filter(|c| !small_town(c));
    let all = gazetteer().candidates(entry?);
    let mut cands = cands.filter(|c| !qualifier_only(all, c));
    let first = cands.next()?.code;
    cands.all(|c| c.code == first).then_some(first)
}

/// The state, province or country an abbreviation right after "Town, " or "Town (" names:
/// "Bowling Green, Ky.", "Surrey, B.C.", "Austin, TX", "Charleston, W. Va.".
pub(super) fn qualifier_after(t: &[u8], end: usize) -> Option<(&'static str, &'static str)> {
    qualifier_span_after(t, end).map(|(_, code, region)| (code, region))
}

/// [`qualifier_after`] with the abbreviation's byte span in `t` ("Ky." of "Bowling Green,
/// Ky."; a sentence's final period left out).
pub(super) fn qualifier_span_after(
    t: &[u8],
    end: usize,
) -> Option<((usize, usize), &'static str, &'static str)> {
    let rest = t.get(end..)?;
    let rest = rest
        .strip_prefix(b", ")
        .or_else(|| rest.strip_prefix(b" ("))?;
    let at = t.len() - rest.len();
    let g = gazetteer();
    // the abbreviation: up to the next comma, parenthesis or space (or the second space:
    // "W. Va."), with or without a sentence's final period
    let stop = |b: &u8| matches!(b, b',' | b'(' | b')' | b';' | b':' | b' ');
    let one = rest.iter().position(stop).unwrap_or(rest.len());
    let mut tries = vec![&rest[..one]];
    if rest.get(one) == Some(&b' ') {
        let two = rest[one + 1..]
            .iter()
            .position(stop)
            .map_or(rest.len(), |p| one + 1 + p);
        tries.insert(0, &rest[..two]);
    }
    tries.into_iter().find_map(|w| {
        let w = std::str::from_utf8(w).ok()?;
        if let Some((code, region)) = g.qualifier(w) {
            return Some(((at, at + w.len()), code, region));
        }
        let bare = w.strip_suffix('.')?;
        let (code, region) = g.qualifier(bare)?;
        Some(((at, at + bare.len()), code, region))
    })
}

/// Whether a hit stands with a qualifier that makes it a place whatever the names around
/// it say: an abbreviation after it ("Churchill, Man."), a state or country after its comma
/// ("Paris, Texas"), or it is itself that state or country after a place's comma ("AUSTIN,
/// Texas A white truck").
pub(super) fn qualified(t: &[u8], r: &Raw, raws: &[Raw]) -> bool {
    let g = gazetteer();
    let is_qualifier = |o: &Raw| {
        g.entry(o.entry).is_some_and(|e| {
            g.candidates(e)
                .iter()
                .any(|c| matches!(c.kind, NameKind::Region | NameKind::Country))
        })
    };
    let comma = |a: usize, b: usize| t.get(a..b).is_some_and(|gap| gap == b", " || gap == b" (");
    // a qualifier ends the name: "Edgware, North West London" is no province
    let ends_name = |o: &Raw| {
        next_word(t, o.end).is_none_or(|(s, e)| {
            !t[s].is_ascii_uppercase() || (e == s + 1 && matches!(t[s], b'A' | b'I'))
        })
    };
    // "Ukraine's Donetsk region", "France's Lyon": a country's possessive qualifies what follows
    let possessive = |a: usize, b: usize| {
        t.get(a..b)
            .is_some_and(|gap| gap == b"'s " || gap == "\u{2019}s ".as_bytes())
    };
    let is_country = |o: &Raw| {
        g.entry(o.entry).is_some_and(|e| {
            g.candidates(e)
                .iter()
                .any(|c| matches!(c.kind, NameKind::Country))
        })
    };
    qualifier_after(t, r.end).is_some()
        || raws
            .iter()
            .any(|o| o.end < r.start && possessive(o.end, r.start) && is_country(o))
        || raws
            .iter()
            .any(|o| o.start > r.end && comma(r.end, o.start) && is_qualifier(o) && ends_name(o))
        || (is_qualifier(r)
            && ends_name(r)
            && raws
                .iter()
                .any(|o| o.end < r.start && comma(o.end, r.start)))
}

/// Whether a hit has the support a small town needs: a qualifier after it (a state,
/// province or country name, or an abbreviation) or a dateline it opens.
fn supported(k: usize, kept: &Kept, t: &[u8], code: &str) -> bool {
    let r = &kept[k].0;
    // a name that is also a word or a person's ("Mobile", "Jackson", "University") needs its
    // qualifier, and stands on its own: not "Vanderbilt University, United States", nor a
    // heading in capitals ("UNITED NATIONS REFORM")
    let weak = gazetteer().entry(r.entry).is_some_and(|e| e.person_prone);
    if weak {
        let glued = prev_word(t, r.start)
            .is_some_and(|(ws, _)| t[ws].is_ascii_uppercase() && !sentence_initial(t, ws));
        if glued {
            return false;
        }
    }
    if r.end <= dateline_end(t) && (!weak || qualifier_after(t, r.end).is_some()) {
        return true;
    }
    // "the coastal city of Santos", "the village of Cottonport"
    if let Some((ws, we)) = prev_word(t, r.start)
        && &t[ws..we] == b"of"
        && let Some((ps, pe)) = prev_word(t, ws)
        && matches!(
            &t[ps..pe],
            b"city" | b"town" | b"village" | b"port" | b"township" | b"hamlet" | b"suburb"
        )
    {
        return true;
    }
    if qualifier_after(t, r.end).is_some_and(|(c, _)| c == code) {
        return true;
    }
    kept.get(k + 1).is_some_and(|(next, _)| {
        let gap = &t[r.end..next.start];
        (gap == b", " || gap == b"," || gap == b" (")
            && gazetteer().entry(next.entry).is_some_and(|ne| {
                gazetteer().candidates(ne).iter().any(|n| {
                    n.code == code && matches!(n.kind, NameKind::Region | NameKind::Country)
                })
            })
    })
}

/// The reading of a hit, or none: a small town without support is dropped.
pub(super) fn resolve(
    entry: &NameEntry,
    k: usize,
    kept: &Kept,
    t: &[u8],
    sentence_codes: &[&'static str],
    doc_counts: &HashMap<&'static str, usize>,
    doc_regions: &DocRegions,
) -> Option<&'static Candidate> {
    let c = reading(entry, k, kept, t, sentence_codes, doc_counts, doc_regions)?;
    let all = gazetteer().candidates(entry);
    // "Workers from Tipton, Peru and Logansport" in a story datelined "KOKOMO, Ind.": a
    // country's name in a list of the state's towns is the state's town
    if c.kind == NameKind::Country
        && let Some(town) = all
            .iter()
            .filter(|o| o.kind == NameKind::City)
            .filter(|o| in_story_state(o, kept[k].0.entry, doc_regions))
            .find(|o| listed_with_towns_of(k, kept, t, o))
    {
        return Some(town);
    }
    if !small_town(c) || supported(k, kept, t, c.code) {
        return Some(c);
    }
    // read in the state the story is datelined in, against a famous namesake: a place's
    // name, whatever surname it is too ("Oxford" in a story from Tupelo, Miss.)
    if all.iter().any(|o| !small_town(o)) && in_datelined_state(c, kept[k].0.entry, doc_regions) {
        return Some(c);
    }
    // "near Breaux Bridge" in a story datelined "LAFAYETTE, La.": a town in the state where
    // the document's other places lie, if its name is nobody's
    let this = kept[k].0.entry;
    if let Some(c) = all
        .iter()
        .filter(|c| small_town(c) && !qualifier_only(all, c))
        .filter(|c| !entry.person_prone && in_document_state(c, this, doc_regions))
        .max_by_key(|c| c.population)
    {
        return Some(c);
    }
    // "a church in Tyrone", "Macon and Savannah schools", "a Yorktown man" in a story
    // datelined "ALTOONA, Pa." or "ALBANY, Ga.": a name that is a person's too, said to be
    // where something is, in the state the story gave
    if entry.person_prone
        && let Some(c) = all
            .iter()
            .filter(|c| small_town(c) && !qualifier_only(all, c))
            .filter(|c| in_story_state(c, this, doc_regions))
            .filter(|c| said_where(k, kept, t, c))
            .max_by_key(|c| c.population)
    {
        return Some(c);
    }
    // unsupported: the best reading that is no small town, if any
    best(
        all.iter()
            .filter(|c| !small_town(c) && !qualifier_only(all, c)),
    )
}

/// Words before a place that say something is there ("in Tyrone", "from Sylvester"): the
/// names extractor's locatives and a few more.
static LOCATED: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut words = super::guard::word_set("locative");
    words.extend(["at", "from", "around", "between", "outside"]);
    words
});

/// Nouns after a town's name that make it where people and bodies are from ("a Yorktown
/// man", "Savannah schools"), from `data/lexicon.txt`.
static TOWN_NOUNS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| super::guard::word_set("town-noun"));

/// Whether hit `k` is said to be where something is: after a preposition of place, beside
/// another place in a list ("Leesburg and Sylvester"), or before a noun of its people
/// ("a Yorktown man", "Savannah schools"). Never before a capitalized word, which would
/// make it a given name.
fn said_where(k: usize, kept: &Kept, t: &[u8], c: &Candidate) -> bool {
    let r = &kept[k].0;
    let text = t.get(r.start..r.end).unwrap_or_default();
    // "in August": a month is a town's name in some state, and no place here
    if crate::vocab::time::MONTH_WORDS
        .iter()
        .any(|(m, _)| m.as_bytes().eq_ignore_ascii_case(text))
    {
        return false;
    }
    let next = next_word(t, r.end);
    if next.is_some_and(|(ws, _)| t[ws].is_ascii_uppercase()) || t.get(r.end) == Some(&b'\'') {
        return false;
    }
    let prev = prev_word(t, r.start).map(|(ws, we)| lower(&t[ws..we]));
    if prev.as_deref().is_some_and(|w| LOCATED.contains(w)) {
        return true;
    }
    // beside a place of the same state that is nobody's name ("Leesburg and Sylvester"), not
    // in a list of presidents ("Washington, Lincoln, and Franklin")
    let g = gazetteer();
    let listed = |a: &Raw, b: &Raw, other: &Raw| {
        matches!(
            t.get(a.end..b.start),
            Some(b", " | b" and " | b", and " | b" or ")
        ) && g.entry(other.entry).is_some_and(|e| {
            !e.person_prone
                && g.candidates(e)
                    .iter()
                    .any(|o| o.code == c.code && o.region == c.region)
        })
    };
    if k > 0 && listed(&kept[k - 1].0, r, &kept[k - 1].0)
        || kept.get(k + 1).is_some_and(|(n, _)| listed(r, n, n))
    {
        return true;
    }
    // "a Yorktown man"
    prev.as_deref().is_some_and(|w| w == "a" || w == "an")
        && next.is_some_and(|(ws, we)| TOWN_NOUNS.contains(lower(&t[ws..we]).as_str()))
}

/// Whether hit `k` is listed between places that are only towns and regions, one of them in
/// the state `c` lies in: "Tipton, Peru and Logansport".
fn listed_with_towns_of(k: usize, kept: &Kept, t: &[u8], c: &Candidate) -> bool {
    let g = gazetteer();
    let gap_listed =
        |a: &Raw, b: &Raw| matches!(t.get(a.end..b.start), Some(b", " | b" and " | b", and "));
    let town_here = |o: &Raw| {
        g.entry(o.entry).is_some_and(|e| {
            let cands = g.candidates(e);
            cands
                .iter()
                .all(|n| matches!(n.kind, NameKind::City | NameKind::Region))
                && cands
                    .iter()
                    .any(|n| n.code == c.code && n.region == c.region)
        })
    };
    let r = &kept[k].0;
    let before = k > 0 && gap_listed(&kept[k - 1].0, r) && town_here(&kept[k - 1].0);
    let after = kept
        .get(k + 1)
        .is_some_and(|(n, _)| gap_listed(r, n) && town_here(n));
    before && after
}

/// What the names of a document gave one division in [`consensus_region`].
#[derive(Default)]
struct Votes {
    score: f64,
    /// The names that voted for it.
    names: Vec<usize>,
    /// How many of them have half their vote or more there.
    own: usize,
    /// One of those is a county or parish.
    county: bool,
}

/// The state or province most of a document's names lie in, when they agree: each name
/// votes for the divisions it has a town or region in, one vote shared among them by the
/// square root of their people (a Springfield counts little, Lisbon is Portugal's), names
/// that are also countries not at all. "Branson",
/// "Hollister", "Taney County", "Forsyth", "West Plains" agree on Missouri whatever the first
/// reading of each was; the document's places are then read in the fewest states. The
/// winner needs two votes from three names or more, three of them nearly its own (two, if
/// one is a county or parish: "Goshen" and "Mount Sinai" are no story set in New York), and
/// twice the votes of the next.
pub(super) fn consensus_region(
    entries: impl Iterator<Item = usize>,
) -> Option<((&'static str, &'static str), Vec<usize>)> {
    let g = gazetteer();
    let mut seen = FxHashSet::default();
    let mut votes: HashMap<(&'static str, &'static str), Votes> = HashMap::new();
    for entry in entries {
        if !seen.insert(entry) {
            continue;
        }
        // a word or a person's name ("Alliance", "August") votes for nothing
        let Some(e) = g.entry(entry).filter(|e| !e.person_prone) else {
            continue;
        };
        let cands = g.candidates(e);
        if cands
            .iter()
            .any(|c| !matches!(c.kind, NameKind::City | NameKind::Region))
        {
            continue;
        }
        // the vote is shared by population: Lisbon votes for Portugal, hardly for Ohio
        let mut regions: Vec<((&'static str, &'static str), f64)> = Vec::new();
        // (a place whose division the gazetteer lacks still takes its share: Tavistock is
        // Devon's more than Ontario's)
        for c in cands {
            let weight = (c.population.max(1) as f64).sqrt();
            match regions.iter_mut().find(|(r, _)| *r == (c.code, c.region)) {
                Some(r) => r.1 += weight,
                None => regions.push(((c.code, c.region), weight)),
            }
        }
        let total: f64 = regions.iter().map(|r| r.1).sum();
        if regions.is_empty() || total <= 0.0 {
            continue;
        }
        let county = g
            .surfaces(e)
            .iter()
            .any(|n| n.ends_with(" County") || n.ends_with(" Parish"));
        for (region, weight) in regions.into_iter().filter(|(r, _)| !r.1.is_empty()) {
            let share = weight / total;
            let v = votes.entry(region).or_default();
            v.score += share;
            v.names.push(entry);
            if share >= 0.5 {
                v.own += 1;
                v.county |= county;
            }
        }
    }
    let mut ranked: Vec<_> = votes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
    let mut ranked = ranked.into_iter();
    let (
        region,
        Votes {
            score,
            names,
            own,
            county,
        },
    ) = ranked.next()?;
    let runner_up = ranked.next().map_or(0.0, |r| r.1.score);
    (names.len() >= 3
        && (own >= 3 || own >= 2 && county)
        && score >= 2.0
        && score >= 2.0 * runner_up)
        .then_some((region, names))
}

/// The document's other names read in the state or province `c` lies in (besides `this`):
/// the most a document said of one of them, and how many there are.
fn others_in_state(c: &Candidate, this: usize, doc_regions: &DocRegions) -> (Said, usize) {
    if c.region.is_empty() {
        return (Said::Inferred, 0);
    }
    doc_regions
        .get(&(c.code, c.region))
        .map_or((Said::Inferred, 0), |names| {
            names
                .iter()
                .filter(|&&(n, _)| n != this)
                .fold((Said::Inferred, 0), |(x, k), &(_, said)| {
                    (x.max(said), k + 1)
                })
        })
}

/// Whether the document has read other places in the state or province `c` lies in: one
/// with a qualifier or a dateline ("LAFAYETTE, La."), or two.
fn in_document_state(c: &Candidate, this: usize, doc_regions: &DocRegions) -> bool {
    let (said, count) = others_in_state(c, this, doc_regions);
    said > Said::Inferred || count >= 2
}

/// Whether the document is surely about the state or province `c` lies in: a name there
/// with its qualifier or dateline, and another ("TUPELO, Miss. … in Oxford" is
/// Mississippi's Oxford; the state's abbreviation counts).
fn in_datelined_state(c: &Candidate, this: usize, doc_regions: &DocRegions) -> bool {
    let (said, count) = others_in_state(c, this, doc_regions);
    said > Said::Inferred && count >= 2
}

/// Whether the story is datelined in the state or province `c` lies in, with another of its
/// places besides: what a town named like a person needs ("LEBANON, Ohio — … firefighters
/// from Mason"). An encyclopedia's "Houston, Texas" is not enough for "in Earth orbit".
fn in_story_state(c: &Candidate, this: usize, doc_regions: &DocRegions) -> bool {
    let (said, count) = others_in_state(c, this, doc_regions);
    said == Said::Datelined && count >= 2
}

/// Does the state or province written after a town lie in a country none of its readings is
/// in? "Palm Beach, Florida" where the gazetteer knows only the Australian Palm Beach is no
/// place it knows: better nothing than Australia.
fn contradicted(cands: &[Candidate], k: usize, kept: &Kept, t: &[u8]) -> bool {
    if cands.is_empty() || !cands.iter().all(|c| c.kind == NameKind::City) {
        return false;
    }
    let g = gazetteer();
    if let Some((code, _)) = qualifier_after(t, kept[k].0.end) {
        return cands.iter().all(|c| c.code != code);
    }
    let Some((next, _)) = kept.get(k + 1) else {
        return false;
    };
    let gap = t.get(kept[k].0.end..next.start).unwrap_or_default();
    if gap != b", " && gap != b" (" {
        return false;
    }
    // a state or province, and no country or city of note by that name ("Florida", not
    // "Georgia", nor "Tokyo" in "Heathrow, Tokyo and Paris")
    let Some(ncands) = g.entry(next.entry).map(|e| g.candidates(e)) else {
        return false;
    };
    if ncands.iter().any(|n| {
        n.kind == NameKind::Country
            || (n.kind == NameKind::City && n.population >= super::guard::BIG_CITY / 10)
    }) {
        return false;
    }
    let mut states = ncands
        .iter()
        .filter(|n| n.kind == NameKind::Region)
        .peekable();
    states.peek().is_some() && states.all(|n| cands.iter().all(|c| c.code != n.code))
}

/// A town read only with support (see [`SMALL_TOWN`]).
pub(super) fn small_town(c: &Candidate) -> bool {
    c.kind == NameKind::City && c.population < SMALL_TOWN
}

fn reading(
    entry: &NameEntry,
    k: usize,
    kept: &Kept,
    t: &[u8],
    sentence_codes: &[&'static str],
    doc_counts: &HashMap<&'static str, usize>,
    doc_regions: &DocRegions,
) -> Option<&'static Candidate> {
    let g = gazetteer();
    let cands = g.candidates(entry);
    if contradicted(cands, k, kept, t) {
        return None;
    }
    if cands.len() <= 1 {
        return cands.first();
    }
    // "Bowling Green, Ky.", "Surrey, B.C.": an abbreviation after a comma says where, down
    // to the state when the gazetteer knows it ("Charleston, W.Va." is not South Carolina's)
    if let Some((code, region)) = qualifier_after(t, kept[k].0.end) {
        let in_region = best(
            cands
                .iter()
                .filter(|c| c.code == code && g.region_name(c.code, c.region) == Some(region)),
        );
        // a town named like a country needs its own state ("Lebanon, Pa.")
        let within = in_region.or_else(|| {
            best(
                cands
                    .iter()
                    .filter(|c| c.code == code && !qualifier_only(cands, c)),
            )
        });
        if within.is_some() {
            return within;
        }
    }
    // "Paris, Texas", "London, Ontario", "Lewisburg, West Virginia": the next name, after a
    // comma, is where it lies (its state first, then its country)
    if let Some((next, _)) = kept.get(k + 1) {
        let gap = &t[kept[k].0.end..next.start];
        if (gap == b", " || gap == b"," || gap == b" (")
            && let Some(ne) = gazetteer().entry(next.entry)
        {
            let ncands = g.candidates(ne);
            let in_region = best(cands.iter().filter(|c| {
                !c.region.is_empty()
                    && ncands.iter().any(|n| {
                        n.kind == NameKind::Region && n.code == c.code && n.region == c.region
                    })
            }));
            // a town named like a country needs its own state: "Bulgaria, Poland, Georgia"
            // is a list of countries
            let within = in_region.or_else(|| {
                best(cands.iter().filter(|c| {
                    !qualifier_only(cands, c)
                        && ncands.iter().any(|n| {
                            n.code == c.code
                                && matches!(n.kind, NameKind::Region | NameKind::Country)
                        })
                }))
            });
            if within.is_some() {
                return within;
            }
        }
    }
    // how many of the document's names lie in a reading's state or province (see below)
    let this = kept[k].0.entry;
    let support = |c: &Candidate| {
        doc_regions.get(&(c.code, c.region)).map_or(0, |names| {
            // the name itself read there beside another (with its qualifier: "Athens,
            // Georgia") counts as two more: one sense per document
            let others = names.iter().filter(|&&(n, _)| n != this).count();
            match others {
                0 => 0,
                _ if names
                    .iter()
                    .any(|&(n, said)| n == this && said > Said::Inferred) =>
                {
                    others + 2
                }
                _ => others,
            }
        })
    };
    // past the qualifiers, a town named like a country is no reading
    let usable = |c: &&Candidate| !qualifier_only(cands, c);
    if let Some(first) = cands.iter().find(usable)
        && cands.iter().filter(usable).all(|c| c.code == first.code)
    {
        // namesakes in one country: the one in the document's state ("Columbia" in a story
        // on Missouri), else the biggest
        let in_state = cands
            .iter()
            .filter(usable)
            // (a small one when three of the document's names are there and the name's best
            // known place is a town too: "Hollister" beside Branson, Forsyth and Taney County
            // is Missouri's, not California's; "Philadelphia" stays Pennsylvania's)
            .filter(|c| {
                !small_town(c) && support(c) >= 2
                    || support(c) >= 3
                        && cands
                            .iter()
                            .filter(usable)
                            .all(|o| o.kind == NameKind::City && o.population < SMALL_TOWN * 4)
            })
            .max_by_key(|c| (support(c), c.population));
        return in_state.or_else(|| best(cands.iter().filter(usable)));
    }
    // the qualifier itself: "Athens, Georgia" is the US state, "Tbilisi, Georgia" the
    // country; the reading that shares a country with the place before the comma wins
    if k > 0 {
        let (prev, _) = &kept[k - 1];
        let gap = &t[prev.end..kept[k].0.start];
        if (gap == b", " || gap == b",")
            && let Some(pe) = g.entry(prev.entry)
        {
            let pc = g.candidates(pe);
            let within = best(cands.iter().filter(|c| {
                matches!(c.kind, NameKind::Region | NameKind::Country)
                    && pc
                        .iter()
                        .any(|p| p.code == c.code && p.kind == NameKind::City)
            }));
            if within.is_some() && pc.iter().all(|p| p.kind == NameKind::City) {
                return within;
            }
        }
    }
    // the countries the sentence names
    // the countries the sentence names, the most named first ("the air space of Azerbaijan
    // ... the town of Astara" after one "Iranian" is the Azerbaijani Astara)
    let count = |code: &str| sentence_codes.iter().filter(|&&c| c == code).count();
    let top = best(cands.iter().filter(usable))?;
    // a namesake elsewhere is measured against the subdivision a city stands for ("Venice"
    // the city and its province against Venice, California)
    let rank = ranked_first(cands.iter().filter(usable)).unwrap_or(top);
    // ... unless the namesake there is far smaller: "the United States delegation in Vienna"
    // is still Austria's Vienna
    // and a province is not read as a namesake town ("Texas and Ontario")
    let plausible = |c: &Candidate| match rank.kind {
        NameKind::Country => true,
        NameKind::Region => {
            c.kind != NameKind::City && c.population.saturating_mul(5) >= rank.population
        }
        _ => c.population.saturating_mul(5) >= rank.population,
    };
    // A document datelined in the state reads a namesake there even against a far bigger
    // one abroad ("Oxford" in a story from Tupelo, Miss., whatever country the name alone
    // would name), up to fifty times smaller (a Dallas story's "Paris" stays France's), and
    // against a region, whose size says nothing ("Rutland" in a story from Burlington, Vt.).
    let datelined = |c: &Candidate| {
        in_datelined_state(c, this, doc_regions)
            && (rank.kind == NameKind::Region || c.population.saturating_mul(50) >= rank.population)
    };
    if top.kind != NameKind::Country
        && let Some(c) = cands
            .iter()
            .filter(usable)
            .filter(|c| datelined(c))
            .max_by_key(|c| c.population)
    {
        return Some(c);
    }
    let in_sentence = cands
        .iter()
        .filter(usable)
        .filter(|c| count(c.code) > 0 && plausible(c))
        .min_by(|a, b| {
            count(b.code)
                .cmp(&count(a.code))
                .then(kind_rank(a.kind).cmp(&kind_rank(b.kind)))
                .then(support(b).cmp(&support(a)))
                .then(b.population.cmp(&a.population))
        });
    if in_sentence.is_some() {
        return in_sentence;
    }
    // other ambiguous names in the sentence that share a country with this one, or a state
    // or province with this town, where that town is a plausible reading of its own name
    // ("from Victoria to Vancouver": British Columbia's two, not Hong Kong's Victoria; but
    // London, Ontario is no reading of "London" beside Weston)
    let same_division = |c: &Candidate, x: &Candidate, others: &[Candidate]| {
        x.kind == NameKind::City
            && !c.region.is_empty()
            && x.region == c.region
            && !small_town(c)
            && !small_town(x)
            && ranked_first(others.iter())
                .is_some_and(|r| x.population.saturating_mul(5) >= r.population)
    };
    let shared = best(
        cands
            .iter()
            .filter(usable)
            .filter(|c| plausible(c))
            .filter(|c| {
                kept.iter().enumerate().any(|(j, (o, _))| {
                    j != k
                        && g.entry(o.entry).is_some_and(|oe| {
                            let others = g.candidates(oe);
                            others.iter().any(|x| {
                                x.code == c.code
                                    && (x.kind != NameKind::City || same_division(c, x, others))
                            })
                        })
                })
            }),
    );
    if shared.is_some() {
        return shared;
    }
    // the document's states and provinces: a namesake in the state where two other names of
    // the document lie ("Athens" in a story on Atlanta and Macon), or where the name was
    // read with its qualifier ("Athens, Georgia" earlier), unless the best reading lies in
    // one too or is a country the document names
    // Other names in the state are enough only when the document names the namesake's
    // country more than the best reading's and the namesake is not far smaller: an article
    // on Art Deco that names Dallas and Houston still means France by "Paris", London by
    // "London"; the name itself read with its qualifier is enough.
    let named_here = |c: &Candidate| {
        doc_regions.get(&(c.code, c.region)).is_some_and(|names| {
            names
                .iter()
                .any(|&(n, said)| n == this && said > Said::Inferred)
        })
    };
    let doc_count = |code: &str| doc_counts.get(code).copied().unwrap_or(0);
    let comparable = |c: &Candidate| {
        c.population.saturating_mul(10) >= rank.population
            && doc_count(c.code) > doc_count(top.code)
    };
    if support(top) == 0
        && (top.kind != NameKind::Country || !doc_counts.contains_key(top.code))
        && let Some(c) = cands
            .iter()
            .filter(usable)
            .filter(|c| !c.region.is_empty() && (!small_town(c) || datelined(c)) && support(c) >= 2)
            .filter(|c| named_here(c) || comparable(c) || datelined(c))
            .max_by_key(|c| (support(c), c.population))
    {
        return Some(c);
    }
    // the document's countries, the most named first, unless the namesake there is far
    // smaller than the best known reading (a US document still means France by "Paris")
    let top_count = doc_counts.get(top.code).copied().unwrap_or(0);
    let Some(c) = cands
        .iter()
        .filter(usable)
        .filter(|c| doc_counts.contains_key(c.code))
        .max_by(|a, b| {
            doc_counts[a.code]
                .cmp(&doc_counts[b.code])
                .then(a.population.cmp(&b.population))
        })
    else {
        return Some(top);
    };
    let count = doc_counts[c.code];
    if c.code == top.code || count <= top_count {
        return Some(top);
    }
    if top.kind == NameKind::Country {
        // a country's name is a namesake region's only when the document is about that
        // region's country and not the namesake country ("Georgia" in a US document), and
        // the sentence does not list other countries ("Ukraine, Georgia, Azerbaijan")
        let other_countries = sentence_codes.iter().filter(|&&s| s != c.code).count();
        return Some(
            if c.kind == NameKind::Region && count >= 3 && top_count == 0 && other_countries < 2 {
                c
            } else {
                top
            },
        );
    }
    // a document much about one country reads a smaller namesake there ("Newport" in an
    // article on Rhode Island); a province still beats a town
    let much =
        count >= 5 && count >= 3 * top_count && c.population.saturating_mul(20) >= rank.population;
    if plausible(c) || (much && (rank.kind != NameKind::Region || c.kind != NameKind::City)) {
        Some(c)
    } else {
        Some(top)
    }
}
