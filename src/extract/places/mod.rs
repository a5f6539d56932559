//! Finds countries, demonyms and places in sentences with the gazetteer of `super::gazetteer`:
//! one anchored leftmost-longest automaton probe per capitalized word, kept only on token
//! boundaries and with the capitalization the gazetteer gives; person contexts dropped; an
//! ambiguous place resolved by the countries named in its sentence and its document. `scan`
//! folds and probes, `guard` drops person contexts, `resolve` picks a reading; this module
//! runs them over a document.

mod guard;
mod resolve;
mod scan;

#[cfg(test)]
mod places_tests;

#[cfg(test)]
mod geo_tests;

use std::collections::HashMap;

use super::gazetteer::{NameKind, gazetteer};
use guard::{Guard, looks_like_person, small_place, title_after};
use resolve::{hit_of, resolve, unambiguous};
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
    for (si, s) in sentences.iter().enumerate() {
        let folded = Folded::new(s);
        let t = folded.text.as_bytes();
        let raws = scan(t);
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
            // a place before a title is no part of the person after it: "Montreal Mayor
            // Valerie Plante", "Florida Governor Ron DeSantis" split into place and person
            let before_title = title_after(t, r.end);
            let overlapping = excl
                .iter()
                .find(|&&(ps, pe)| ps < orig.1 && orig.0 < pe && !before_title);
            let given = overlapping.is_some();
            // only a name that ends the person's name (a surname: "Hayao Miyazaki") is that
            // person elsewhere in the document; "Georgia" of "Georgia O'Keeffe" is not
            let given_surname = overlapping.is_some_and(|&(_, pe)| orig.1 >= pe);
            let guard = if given {
                Guard::SurelyPerson
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
        for (_, kept) in &mut per_sentence {
            kept.retain(|(r, _)| !person_names.contains(&r.entry));
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
    // pass 2: resolve
    per_sentence
        .iter()
        .map(|(folded, kept)| {
            let t = folded.text.as_bytes();
            let sentence_codes: Vec<&'static str> = kept
                .iter()
                .filter_map(|(r, _)| unambiguous(g.entry(r.entry)))
                .collect();
            let mut hits = Vec::with_capacity(kept.len());
            for (k, (r, orig)) in kept.iter().enumerate() {
                let Some(entry) = g.entry(r.entry) else {
                    continue;
                };
                let chosen = resolve(entry, k, kept, t, &sentence_codes, &doc_counts);
                if let Some(c) = chosen {
                    hits.push(hit_of(*orig, c));
                }
            }
            hits
        })
        .collect()
}

/// Convenience for one sentence on its own.
pub fn find_places(sentence: &str, person_spans: &[(usize, usize)]) -> Vec<PlaceHit> {
    find_places_in_document(&[sentence], &[person_spans.to_vec()])
        .pop()
        .unwrap_or_default()
}
