//! Finds countries, demonyms and places in sentences with the gazetteer of `super::gazetteer`:
//! one anchored leftmost-longest automaton probe per capitalized word, kept only on token
//! boundaries and with the capitalization the gazetteer gives; person contexts dropped; an
//! ambiguous place resolved by the countries named in its sentence and its document. `scan`
//! folds and probes, `guard` drops person contexts, `resolve` picks a reading; this module
//! runs them over a document.

mod eras;
mod guard;
mod resolve;
mod scan;

#[cfg(test)]
mod places_tests;

#[cfg(test)]
mod geo_tests;

#[cfg(test)]
mod news_tests;

use std::collections::HashMap;

use super::gazetteer::{Candidate, GeoRef, NameKind, gazetteer};
use crate::extract::dateline::dateline_end;
pub use eras::read_in_time;
use guard::{Guard, looks_like_person, names_the_continent, small_place, title_after};
use resolve::{hit_of, qualified, qualifier_span_after, resolve, unambiguous};
use scan::{Folded, Kept, scan};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Demonym,
    Place,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHit {
    /// Byte span in the sentence, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: PlaceKind,
    /// The country code.
    pub code: &'static str,
    /// Canonical name: the country's name, or the place's name ("Baku").
    pub name: String,
    /// The first-level division a place lies in, as `US-KY`, and its name ("Kentucky"),
    /// where the gazetteer knows it.
    pub region: Option<(String, &'static str)>,
    /// The place's GeoNames id and position, where the gazetteer has them (places only).
    pub geo: Option<GeoRef>,
}

/// Annotates the sentences of one document together, so ambiguous places can use the countries
/// named elsewhere in the document. `person_spans[i]` are byte spans of people in sentence `i`
/// (missing entries mean none); hits overlapping them are dropped.
pub fn find_places_in_document(
    sentences: &[&str],
    person_spans: &[Vec<(usize, usize)>],
) -> Vec<Vec<PlaceHit>> {
    let g = gazetteer();
    let none: Vec<(usize, usize)> = Vec::new();
    // pass 1: raw hits, and the countries each sentence names unambiguously
    let mut per_sentence: Vec<(Folded, Kept)> = Vec::with_capacity(sentences.len());
    let mut doc_counts: HashMap<&'static str, usize> = HashMap::new();
    // names seen as a person somewhere in the document: one sense per document, so "Miyazaki
    // said" in an article about Hayao Miyazaki is no town either
    let mut person_names: std::collections::HashSet<usize> = std::collections::HashSet::new();
    // places that say they are places (a dateline, a qualifier): a person of the same name
    // elsewhere in the document does not take them ("FLORENCE, S.C." beside "Florence Gaskins")
    let mut sure_places: std::collections::HashSet<(usize, usize)> =
        std::collections::HashSet::new();
    for (si, s) in sentences.iter().enumerate() {
        let folded = Folded::new(s);
        let t = folded.text.as_bytes();
        let raws = scan(t);
        let dateline = dateline_end(t);
        let excl = person_spans.get(si).unwrap_or(&none);
        let mut kept = Vec::with_capacity(raws.len());
        for r in &raws {
            let Some(entry) = g.entry(r.entry) else {
                continue;
            };
            // a combining form's span leaves its hyphen out ("Russo" of "Russo-Turkish")
            let end = if r.end > r.start + 1 && t[r.end - 1] == b'-' {
                r.end - 1
            } else {
                r.end
            };
            let orig = folded.orig_span(r.start, end);
            if names_the_continent(t, r) {
                continue; // "Columbus discovered America", "the conquest of America"
            }
            // a place before a title is no part of the person after it: "Montreal Mayor
            // Valerie Plante", "Florida Governor Ron DeSantis" split into place and person;
            // nor is a dateline's place ("WASHINGTON Barack Obama said"), a place with its
            // qualifier ("Churchill, Man.", "AUSTIN, Texas A white truck"), or a big place's
            // whole name read as a person's ("Addis Abeba")
            // … or holding one ("Saint Vincent and the Grenadines" is no "Vincent")
            let whole_name = excl.iter().any(|&(ps, pe)| orig.0 <= ps && pe <= orig.1)
                && big_place(entry, &t[r.start..r.end]);
            let sure_place = r.end <= dateline || qualified(t, r, &raws) || whole_name;
            let before_title = title_after(t, r.end) || sure_place;
            let overlapping = excl
                .iter()
                .find(|&&(ps, pe)| ps < orig.1 && orig.0 < pe && !before_title);
            let given = overlapping.is_some();
            // only a name that ends the person's name (a surname: "Hayao Miyazaki") is that
            // person elsewhere in the document; "Georgia" of "Georgia O'Keeffe" is not
            let given_surname = overlapping.is_some_and(|&(_, pe)| orig.1 >= pe);
            let guard = if given {
                Guard::SurelyPerson
            } else if sure_place {
                Guard::Place
            } else {
                looks_like_person(t, r, entry, &raws)
            };
            // the caller's person spans are trusted for any name; the local guard's verdict
            // spreads only for names that are no country ("Bank of America" is no person)
            let place_only = g
                .candidates(entry)
                .iter()
                .all(|c| matches!(c.kind, NameKind::City | NameKind::Region));
            if guard == Guard::SurelyPerson
                && (entry.person_prone || small_place(entry))
                && (given_surname || (!given && place_only))
            {
                person_names.insert(r.entry);
            }
            if guard != Guard::Place {
                continue;
            }
            if sure_place {
                sure_places.insert((si, r.start));
            }
            kept.push((r.clone(), orig));
        }
        for (r, _) in &kept {
            if let Some(code) = unambiguous(g.entry(r.entry)) {
                *doc_counts.entry(code).or_default() += 1;
            }
        }
        per_sentence.push((folded, kept));
    }
    if !person_names.is_empty() {
        for (si, (_, kept)) in per_sentence.iter_mut().enumerate() {
            kept.retain(|(r, _)| {
                !person_names.contains(&r.entry) || sure_places.contains(&(si, r.start))
            });
        }
        doc_counts.clear();
        for (_, kept) in &per_sentence {
            for (r, _) in kept {
                if let Some(code) = unambiguous(g.entry(r.entry)) {
                    *doc_counts.entry(code).or_default() += 1;
                }
            }
        }
    }
    // a name that is itself a state or province ("Texas" after "Austin, ")
    let state_name = |entry: usize| {
        g.entry(entry).is_some_and(|e| {
            g.candidates(e)
                .iter()
                .any(|c| matches!(c.kind, NameKind::Region | NameKind::Country))
        })
    };
    type Resolved = (&'static Candidate, (usize, usize), usize, Said);
    // the name a state's abbreviation counts as among the document's names ("Ky.", "B.C.")
    const QUALIFIER: usize = usize::MAX;
    // pass 2: resolve, once to learn the states and provinces the document's places lie in,
    // then again with them: "Athens" in a story that said "Athens, Georgia" or "Atlanta" and
    // "Savannah" is Athens, Georgia
    let resolve_all = |doc_regions: &DocRegions| -> Vec<Vec<Resolved>> {
        per_sentence
            .iter()
            .map(|(folded, kept)| {
                let t = folded.text.as_bytes();
                let sentence_codes: Vec<&'static str> = kept
                    .iter()
                    .filter_map(|(r, _)| unambiguous(g.entry(r.entry)))
                    .collect();
                let raws: Vec<scan::Raw> = kept.iter().map(|(r, _)| r.clone()).collect();
                let dateline = dateline_end(t);
                let mut hits = Vec::with_capacity(kept.len());
                for (k, (r, orig)) in kept.iter().enumerate() {
                    let Some(entry) = g.entry(r.entry) else {
                        continue;
                    };
                    let chosen =
                        resolve(entry, k, kept, t, &sentence_codes, &doc_counts, doc_regions);
                    if let Some(c) = chosen {
                        let said = if r.end <= dateline {
                            Said::Datelined
                        } else if qualified(t, r, &raws) {
                            Said::Qualified
                        } else {
                            Said::Inferred
                        };
                        hits.push((c, *orig, r.entry, said));
                        // "Bowling Green, Ky.": the abbreviation names the state, a place too
                        if let Some((span, code, region)) = qualifier_span_after(t, r.end)
                            && code == c.code
                            && !kept
                                .iter()
                                .any(|(o, _)| (o.start, o.end) == span && state_name(o.entry))
                            && let Some(state) = g.division(code, region)
                        {
                            let said = if span.1 <= dateline {
                                Said::Datelined
                            } else {
                                Said::Qualified
                            };
                            hits.push((state, folded.orig_span(span.0, span.1), QUALIFIER, said));
                        }
                    }
                }
                // what the abbreviation's letters might name besides ("Ala", a town) is
                // not read
                let qualifiers: Vec<(usize, usize)> = hits
                    .iter()
                    .filter(|h| h.2 == QUALIFIER)
                    .map(|h| h.1)
                    .collect();
                if !qualifiers.is_empty() {
                    hits.retain(|h| {
                        h.2 == QUALIFIER || !qualifiers.iter().any(|q| q.0 < h.1.1 && h.1.0 < q.1)
                    });
                }
                hits
            })
            .collect()
    };
    let first = resolve_all(&DocRegions::new());
    let mut doc_regions = DocRegions::new();
    for &(c, _, entry, said) in first.iter().flatten() {
        if !c.region.is_empty() {
            let names = doc_regions.entry((c.code, c.region)).or_default();
            match names.iter_mut().find(|(n, _)| *n == entry) {
                Some(named) => named.1 = named.1.max(said),
                None => names.push((entry, said)),
            }
        }
    }
    // the state most names agree on, whatever each was read as alone
    if let Some((region, names)) = resolve::consensus_region(
        per_sentence
            .iter()
            .flat_map(|(_, kept)| kept.iter().map(|(r, _)| r.entry)),
    ) {
        let known = doc_regions.entry(region).or_default();
        for entry in names {
            if !known.iter().any(|&(n, _)| n == entry) {
                known.push((entry, Said::Inferred));
            }
        }
    }
    let resolved = if doc_regions.is_empty() {
        first
    } else {
        resolve_all(&doc_regions)
    };
    resolved
        .into_iter()
        .map(|hits| {
            hits.into_iter()
                .map(|(c, orig, _, _)| hit_of(orig, c))
                .collect()
        })
        .collect()
}

/// The first-level divisions (country, postal code) a document's places were read in, with
/// the names read there and whether with a qualifier or a dateline: several names in one
/// state are context for the rest.
pub(super) type DocRegions = HashMap<(&'static str, &'static str), Vec<(usize, Said)>>;

/// How a document said a place lies in its state: only by agreeing with the others, with a
/// qualifier ("Paris, Texas"), or in a dateline ("LEBANON, Ohio —"), the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Said {
    Inferred,
    Qualified,
    Datelined,
}

/// A name of several words no person has, for a country or a city of half a million people:
/// a person span that is exactly this name was misread ("Addis Abeba", "Al-Quds Al-Sharif").
fn big_place(entry: &super::gazetteer::NameEntry, text: &[u8]) -> bool {
    !entry.person_prone
        && text.iter().any(|&b| b == b' ' || b == b'-')
        && gazetteer()
            .candidates(entry)
            .iter()
            .any(|c| c.kind == NameKind::Country || c.population >= guard::BIG_CITY / 2)
}

/// What is left of a person's span `(start, end)` in `sentence` once a place that opens it
/// is taken out, with the titles after the place: "Montreal Mayor Valerie Plante" → "Valerie
/// Plante", "WASHINGTON Barack Obama" → "Barack Obama". `None` when no name is left ("Texas
/// A" of "AUSTIN, Texas A white truck", "Addis Abeba"); the span unchanged when no place
/// opens it.
pub fn person_without_place(
    sentence: &str,
    person: (usize, usize),
    places: &[PlaceHit],
) -> Option<(usize, usize)> {
    let (start, end) = person;
    // a person inside a longer place that was kept: "Vincent" of "Saint Vincent and the
    // Grenadines"
    if places
        .iter()
        .any(|p| p.start <= start && end <= p.end && p.end - p.start > end - start)
    {
        return None;
    }
    let Some(place) = places.iter().find(|p| p.start == start && p.end <= end) else {
        return Some(person);
    };
    let rest = sentence.get(place.end..end)?;
    let mut at = place.end;
    for word in rest.split_inclusive([' ', ',']) {
        let w = word.trim_end_matches([' ', ',']);
        let low = w.to_ascii_lowercase();
        if w.is_empty()
            || guard::PLACE_TITLES.contains(low.as_str())
            || guard::TITLES.contains(low.as_str())
        {
            at += word.len();
        } else {
            break;
        }
    }
    let left = sentence.get(at..end)?;
    let letters = left.chars().filter(|c| c.is_alphabetic()).count();
    let capital = left.chars().next().is_some_and(char::is_uppercase);
    (capital && letters >= 2 && at < end).then_some((at, end))
}

/// Convenience for one sentence on its own.
pub fn find_places(sentence: &str, person_spans: &[(usize, usize)]) -> Vec<PlaceHit> {
    find_places_in_document(&[sentence], &[person_spans.to_vec()])
        .pop()
        .unwrap_or_default()
}
