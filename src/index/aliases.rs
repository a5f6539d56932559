//! People named two ways across a corpus: a bare surname ("Hammarskjold")
//! that stands for one full name ("Dag Hammarskjold") everywhere it occurs,
//! and spellings of one full name that differ by a letter ("Frederick de
//! Klerk", "Frederik de Klerk"). Computed once per commit from the person
//! field's dictionaries and kept in the manifest, so that the person facet
//! counts one person once and a filter on the full name finds the bare one.
//!
//! Extraction already links a surname to the full name met earlier in the
//! same document; this is for the document that never gives the full name
//! (a speech that says only "Hammarskjold"). Only what is unambiguous links:
//! the full names ending in the surname must be, for at least
//! `DOMINANT_SHARE` of their sentences, one person.

use std::collections::{BTreeMap, HashMap};

use tantivy::Searcher;
use tantivy::schema::Field;
use tantivy::termdict::{TermMerger, TermStreamer};

use crate::error::{Error, Result};

/// Names in fewer sentences are left as they are: too rare to judge.
const MIN_SENTENCES: u64 = 3;

/// The share of the candidate full names' sentences that one person must
/// hold for a bare surname to link to it: "Mandela" is Nelson Mandela when
/// "Winnie Mandela" is rare, "Bush" links to no one.
const DOMINANT_SHARE: f64 = 0.8;

/// A surname shared by more full names than this is left alone: linking
/// compares every pair in it, and so common a name is never unambiguous.
const MAX_NAMES_PER_SURNAME: usize = 2_000;

/// Folded person names (as the person field indexes them) to the folded
/// full name each stands for.
pub type Aliases = BTreeMap<String, String>;

/// The aliases of the person field `field`, from the dictionaries of every
/// segment of `searcher`: each name with the number of sentences naming it.
pub fn person_aliases(searcher: &Searcher, field: Field) -> Result<Aliases> {
    let mut dictionaries = Vec::new();
    for segment in searcher.segment_readers() {
        dictionaries.push(segment.inverted_index(field)?);
    }
    let mut streams: Vec<TermStreamer> = Vec::with_capacity(dictionaries.len());
    for d in &dictionaries {
        streams.push(d.terms().stream().map_err(|e| Error::Tantivy(e.into()))?);
    }
    // The segments' sorted dictionaries read side by side, as tantivy's
    // merges read them: one entry per name, with its sentences summed, and
    // only names frequent enough to judge kept, so memory follows the
    // corpus's frequent names, not all of them.
    let mut merged = TermMerger::new(streams);
    let mut names: Vec<(String, u64)> = Vec::new();
    while merged.advance() {
        let sentences: u64 = merged
            .current_segment_ords_and_term_infos()
            .map(|(_, info)| u64::from(info.doc_freq))
            .sum();
        if sentences >= MIN_SENTENCES
            && let Ok(name) = std::str::from_utf8(merged.key())
        {
            names.push((name.to_string(), sentences));
        }
    }
    Ok(link(&names, &crate::extract::names::is_given_name))
}

/// The aliases among `names` (folded names with their sentence counts):
/// first spellings of one full name that differ by one letter in one word,
/// then bare and shorter names that end a dominant full name.
pub fn link(names: &[(String, u64)], is_given_name: &dyn Fn(&str) -> bool) -> Aliases {
    let words: Vec<Vec<&str>> = names.iter().map(|(n, _)| n.split(' ').collect()).collect();
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if let Some(last) = w.last() {
            by_surname.entry(last).or_default().push(i);
        }
    }
    let mut aliases = Aliases::new();
    // Where each name's sentences count: itself, or the name it links to.
    let mut owner: Vec<usize> = (0..names.len()).collect();
    let mut surnames: Vec<(&&str, &Vec<usize>)> = by_surname.iter().collect();
    surnames.sort();
    for (_, members) in surnames {
        if members.len() > MAX_NAMES_PER_SURNAME {
            continue;
        }
        // Spelling variants of full names: the one in more sentences wins.
        let mut full: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| words[i].len() >= 2)
            .collect();
        full.sort_by(|&a, &b| {
            names[b]
                .1
                .cmp(&names[a].1)
                .then(names[a].0.cmp(&names[b].0))
        });
        for (k, &variant) in full.iter().enumerate() {
            if let Some(&main) = full[..k]
                .iter()
                .find(|&&main| owner[main] == main && spelled_alike(&words[main], &words[variant]))
            {
                owner[variant] = main;
            }
        }
        // Shorter names, longest first, so that "de klerk" has linked
        // before "klerk" weighs the names it ends.
        let mut short: Vec<usize> = members.clone();
        short.sort_by(|&a, &b| {
            words[b]
                .len()
                .cmp(&words[a].len())
                .then(names[a].0.cmp(&names[b].0))
        });
        for &bare in &short {
            if owner[bare] != bare || (words[bare].len() == 1 && is_given_name(&names[bare].0)) {
                continue;
            }
            let mut candidates: HashMap<usize, u64> = HashMap::new();
            for &longer in members {
                if words[longer].len() > words[bare].len() && words[longer].ends_with(&words[bare])
                {
                    *candidates.entry(owner[longer]).or_default() += names[longer].1;
                }
            }
            let total: u64 = candidates.values().sum();
            let best = candidates
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(names[*b.0].0.cmp(&names[*a.0].0)));
            let Some((&person, &sentences)) = best else {
                continue;
            };
            if (sentences as f64) < DOMINANT_SHARE * total as f64 || person == bare {
                continue;
            }
            if words[bare].len() >= 2
                && names[bare].1 >= sentences
                && !is_given_name(words[person][0])
            {
                // A full name in more sentences than a longer form that opens with no
                // given name: the longer one carries an honorific ("Taoiseach Bertie
                // Ahern", "Daw Aung San Suu Kyi"), and the name people write is this
                // one. "De Michelis", however common, stands for Gianni De Michelis.
                for &m in members.iter() {
                    if owner[m] == person {
                        owner[m] = bare;
                    }
                }
            } else {
                owner[bare] = person;
            }
        }
    }
    for (i, &o) in owner.iter().enumerate() {
        // One hop is enough: a name links only to a name that links to no other.
        if o != i {
            aliases.insert(names[i].0.clone(), names[o].0.clone());
        }
    }
    aliases
}

/// Two full names of the same length that differ in one word, by one letter
/// added, dropped or changed, in words of five letters or more
/// ("frederick"/"frederik"): one person spelled two ways. Shorter words
/// differ by a letter too often between two people ("joan"/"john").
fn spelled_alike(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut differing = a.iter().zip(b).filter(|(x, y)| x != y);
    match (differing.next(), differing.next()) {
        (Some((x, y)), None) => x.len().min(y.len()) >= 5 && one_edit_apart(x, y),
        _ => false,
    }
}

/// Whether `b` is `a` with one character added, dropped or changed.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(w: &str) -> bool {
        ["nelson", "john", "dag"].contains(&w)
    }

    fn linked(names: &[(&str, u64)]) -> Vec<(String, String)> {
        let names: Vec<(String, u64)> = names.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        link(&names, &given).into_iter().collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_bare_surname_links_to_the_one_full_name_it_ends() {
        assert_eq!(
            linked(&[("hammarskjold", 168), ("dag hammarskjold", 295), ("dag", 4)]),
            pairs(&[("hammarskjold", "dag hammarskjold")])
        );
    }

    #[test]
    fn a_surname_links_to_a_dominant_person_and_not_to_a_shared_one() {
        assert_eq!(
            linked(&[
                ("mandela", 90),
                ("nelson mandela", 300),
                ("winnie mandela", 12)
            ]),
            pairs(&[("mandela", "nelson mandela")])
        );
        // Two presidents: "Bush" is neither.
        assert_eq!(
            linked(&[("bush", 200), ("george bush", 150), ("george w bush", 120)]),
            vec![]
        );
    }

    #[test]
    fn spellings_a_letter_apart_are_one_person_and_the_surname_follows() {
        assert_eq!(
            linked(&[
                ("de klerk", 40),
                ("frederik de klerk", 30),
                ("frederick de klerk", 12),
                ("klerk", 3),
            ]),
            pairs(&[
                ("de klerk", "frederik de klerk"),
                ("frederick de klerk", "frederik de klerk"),
                ("klerk", "frederik de klerk"),
            ])
        );
    }

    #[test]
    fn a_longer_form_in_fewer_sentences_links_to_the_name_people_write() {
        assert_eq!(
            linked(&[
                ("bertie ahern", 40),
                ("taoiseach bertie ahern", 6),
                ("ahern", 10),
            ]),
            pairs(&[
                ("ahern", "bertie ahern"),
                ("taoiseach bertie ahern", "bertie ahern"),
            ])
        );
        // a longer form that opens with a given name is the full name, however rare
        assert_eq!(
            linked(&[("de michelis", 40), ("john de michelis", 12)]),
            pairs(&[("de michelis", "john de michelis")])
        );
        // a bare surname always links to the full name, whatever its count
        assert_eq!(
            linked(&[("arafat", 400), ("yasser arafat", 90)]),
            pairs(&[("arafat", "yasser arafat")])
        );
    }

    #[test]
    fn given_names_short_words_and_other_people_do_not_link() {
        // A bare given name is anybody.
        assert_eq!(linked(&[("nelson", 50), ("horatio nelson", 20)]), vec![]);
        // "joan"/"john": short words a letter apart are two people.
        assert_eq!(
            linked(&[("john kennedy", 50), ("joan kennedy", 20)]),
            vec![]
        );
        // Two letters apart, or two words differing, is not a spelling.
        assert_eq!(
            linked(&[("daniel ortega", 50), ("danielle ortega", 20)]),
            vec![]
        );
        assert_eq!(
            linked(&[("george h w bush", 50), ("george w bush", 20)]),
            vec![]
        );
        // A name that is not the end of another links to nothing.
        assert_eq!(
            linked(&[("annan", 50), ("kofi annan", 200), ("annan plan", 9)]).len(),
            1
        );
        assert_eq!(linked(&[("kofi", 50), ("kofi annan", 200)]), vec![]);
    }

    #[test]
    fn one_edit_apart_counts_one_insertion_deletion_or_change() {
        assert!(one_edit_apart("frederick", "frederik"));
        assert!(one_edit_apart("frederik", "frederick"));
        assert!(one_edit_apart("mohammed", "mohammad"));
        assert!(!one_edit_apart("mohammed", "muhammad"));
        assert!(!one_edit_apart("abc", "abcde"));
        assert!(one_edit_apart("é", "e"));
    }
}
