//! Extraction: what a sentence speaks of, from its text alone. Dates
//! (`dates`), countries and places (`gazetteer`, `places`), people and
//! organizations (`names`), over word classes kept as data (`lexicon`); a
//! wire story's dateline (`dateline`) is read by places and names alike.
//! Each extractor takes `&str` (a sentence, or a document's sentences for
//! the resolvers that need context) and returns findings with byte spans
//! in that text; `crate::annotate` turns them into records. Knows nothing of
//! files or of the index.

pub mod dateline;
pub mod dates;
#[cfg(test)]
mod fixture_markup;
pub mod gazetteer;
pub mod lexicon;
pub mod names;
pub mod places;
