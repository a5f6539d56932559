//! Country names whose country depends on when the text speaks. "The Congo"
//! of the UN debates of 1960 is the former Belgian Congo (today CD), and so
//! it is until 1971, when that state took the name Zaire; from then on "the
//! Congo" is Congo-Brazzaville (CG), the reading without a time. "The
//! Republic of the Congo" was the name of both from 1960 to 1964; the
//! debates of those years mean Leopoldville's by it unless they say
//! Brazzaville. A qualifier in brackets, as the debates of the 1960s write it, says which
//! Congo whatever the time: "Congo (Brazzaville)", "Congo (Leopoldville)".

use super::{PlaceHit, PlaceKind};
use crate::vocab::countries;

/// The last year "the Congo" names the former Belgian Congo.
const BELGIAN_CONGO_UNTIL: i32 = 1971;
/// The last year both Congos were "the Republic of the Congo".
const TWO_REPUBLICS_UNTIL: i32 = 1964;

/// Reads the country names that changed hands again, in the year each
/// sentence speaks in (`years[i]` for sentence `i`, none when unknown).
pub fn read_in_time(sentences: &[&str], years: &[Option<i32>], hits: &mut [Vec<PlaceHit>]) {
    for ((sentence, year), hits) in sentences.iter().zip(years).zip(hits) {
        for hit in hits.iter_mut() {
            if hit.kind != PlaceKind::Country || hit.code != "CG" {
                continue;
            }
            let text = sentence.get(hit.start..hit.end).unwrap_or("");
            let until = if text.eq_ignore_ascii_case("congo") {
                BELGIAN_CONGO_UNTIL
            } else if text.eq_ignore_ascii_case("republic of the congo") {
                TWO_REPUBLICS_UNTIL
            } else {
                continue;
            };
            let former_belgian = match qualifier(sentence.get(hit.end..).unwrap_or("")) {
                Some(Congo::Brazzaville) => false,
                Some(Congo::Leopoldville) => true,
                None => year.is_some_and(|y| y <= until),
            };
            if former_belgian {
                hit.code = "CD";
                hit.name = countries::name("CD").unwrap_or("Congo").to_string();
            }
        }
    }
}

enum Congo {
    Brazzaville,
    Leopoldville,
}

/// The capital in brackets right after "Congo", if any.
fn qualifier(after: &str) -> Option<Congo> {
    let inside = after.trim_start().strip_prefix('(')?;
    let word: String = inside
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    match word.as_str() {
        "brazzaville" => Some(Congo::Brazzaville),
        "leopoldville" | "léopoldville" | "kinshasa" => Some(Congo::Leopoldville),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_places_in_document;
    use super::*;

    /// The countries of each sentence's country names, read in the years
    /// given (a capital in brackets is a place of its own).
    fn codes(sentences: &[&str], years: &[Option<i32>]) -> Vec<Vec<&'static str>> {
        let mut hits = find_places_in_document(sentences, &[]);
        read_in_time(sentences, years, &mut hits);
        hits.iter()
            .map(|h| {
                h.iter()
                    .filter(|h| h.kind == PlaceKind::Country)
                    .map(|h| h.code)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_congo_is_read_in_its_time() {
        let cases: &[(&str, Option<i32>, &[&str])] = &[
            ("The situation in the Congo is grave.", Some(1960), &["CD"]),
            (
                "Belgium must withdraw from the Congo.",
                Some(1961),
                &["BE", "CD"],
            ),
            ("The Congo joined the Organization.", Some(1971), &["CD"]),
            ("The Congo has sent its troops.", Some(1980), &["CG"]),
            ("The Congo has sent its troops.", None, &["CG"]),
            ("The Congo (Brazzaville) voted for it.", Some(1962), &["CG"]),
            (
                "The Congo (Leopoldville) voted for it.",
                Some(1962),
                &["CD"],
            ),
            (
                "the Congo (Léopoldville) and the Congo (Brazzaville)",
                Some(1963),
                &["CD", "CG"],
            ),
            (
                "The Democratic Republic of the Congo signed.",
                Some(1960),
                &["CD"],
            ),
            ("The Republic of the Congo signed.", Some(1985), &["CG"]),
            ("The Republic of the Congo signed.", Some(1960), &["CD"]),
            ("The Republic of the Congo signed.", Some(1968), &["CG"]),
            (
                "The Republic of the Congo (Brazzaville) signed.",
                Some(1961),
                &["CG"],
            ),
            ("Congo-Brazzaville signed.", Some(1962), &["CG"]),
        ];
        for &(sentence, year, want) in cases {
            assert_eq!(
                codes(&[sentence], &[year])[0],
                want,
                "{sentence} ({year:?})"
            );
        }
    }
}
