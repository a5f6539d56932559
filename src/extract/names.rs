//! PLACEHOLDER until the names extractor lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)] pub enum NameKind { Person, Org }
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit { pub start: usize, pub end: usize, pub kind: NameKind, pub text: String, pub key: String }
pub fn find_names(_sentence: &str) -> Vec<NameHit> { Vec::new() }
pub fn fold_name(s: &str) -> String { s.to_lowercase() }
