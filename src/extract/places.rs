//! PLACEHOLDER until the place matcher lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)] pub enum PlaceKind { Country, Demonym, Place }
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHit { pub start: usize, pub end: usize, pub kind: PlaceKind, pub code: &'static str, pub name: String }
pub fn find_places_in_document(sentences: &[&str], _person_spans: &[Vec<(usize, usize)>]) -> Vec<Vec<PlaceHit>> {
    sentences.iter().map(|s| s.match_indices("Iran").map(|(i, m)| PlaceHit { start: i, end: i + m.len(), kind: PlaceKind::Country, code: "IR", name: "Iran".into() }).collect()).collect()
}
