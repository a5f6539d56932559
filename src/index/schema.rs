//! The index schema: the fields of the registry's dimensions
//! (`crate::vocab::facets`), derived from it, plus the few fields only the
//! index needs (the text, the stored record, corpus order, the earliest
//! day), and the text analyzer, which must be registered on
//! every open (tantivy does not save custom tokenizers in the index).

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::store::Compressor;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{Index, IndexSettings};

use super::stemmer::EnglishStemmer;
use crate::vocab::facets::{DIMENSIONS, Facet, Values};

/// Bumped whenever fields or analyzers change in a way an older index
/// cannot be read with.
pub const SCHEMA_VERSION: u32 = 3;

/// The English analyzer of the text field: words, lowercased, folded to
/// ASCII (Atatürk matches ataturk), stemmed.
pub const TEXT_ANALYZER: &str = "annals_en";

pub const TEXT: &str = "text";
pub const RECORD: &str = "record";
pub const ORDER: &str = "order";
pub const FIRST_DAY: &str = "first_day";

/// Every field of the schema, resolved once.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The sentence, analyzed for English, stored, with positions.
    pub text: Field,
    /// The sentence's provenance and annotations as JSON, stored only.
    pub record: Field,
    /// Corpus order: file rank and sentence number, for stable ties.
    pub order: Field,
    /// The earliest day any mention reaches, for sorting by date.
    pub first_day: Field,
    /// The field of each dimension, in registry order.
    dimensions: Vec<(Facet, Field)>,
}

impl Fields {
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let get = |name: &str| schema.get_field(name);
        Ok(Fields {
            text: get(TEXT)?,
            record: get(RECORD)?,
            order: get(ORDER)?,
            first_day: get(FIRST_DAY)?,
            dimensions: DIMENSIONS
                .iter()
                .map(|d| Ok((d.facet, get(d.field)?)))
                .collect::<tantivy::Result<_>>()?,
        })
    }

    /// The field that holds `facet`.
    pub fn of(&self, facet: Facet) -> Field {
        self.dimensions
            .iter()
            .find(|(f, _)| *f == facet)
            .map(|&(_, field)| field)
            // from_schema resolved every dimension
            .unwrap_or(self.text)
    }

    pub fn source(&self) -> Field {
        self.of(Facet::Source)
    }
}

pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    builder.add_text_field(TEXT, text);
    builder.add_bytes_field(RECORD, STORED);
    // Keys and paths are indexed and kept in columns exactly as written:
    // the writer folds keys (crate::vocab::fold) before they get here, so
    // the fast column that facets count and the terms that filters match
    // are the same strings.
    let exact = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        )
        .set_fast("raw");
    builder.add_u64_field(ORDER, FAST);
    builder.add_i64_field(FIRST_DAY, FAST);
    for dimension in DIMENSIONS {
        match dimension.values {
            Values::Years | Values::Decades | Values::Centuries | Values::Days => {
                builder.add_i64_field(dimension.field, INDEXED | FAST);
            }
            Values::Countries | Values::Names | Values::Paths | Values::Meta => {
                builder.add_text_field(dimension.field, exact.clone());
            }
        }
    }
    builder.build()
}

/// tantivy's defaults: lz4 in blocks of 16 KB. zstd (level 1, 32 KB
/// blocks) made the index about a quarter smaller (the UN corpus 229 MB
/// against 300 MB) but decompressing it was most of an export's time: an
/// export of 124,565 hits, which touches nearly every block, took twice as
/// long (BENCHMARKS.md, "Trends and exports"). Building takes the same time.
pub fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Lz4,
        docstore_blocksize: 16 * 1024,
        ..IndexSettings::default()
    }
}

/// Registers annals' analyzer on an index, created or opened.
pub fn register_analyzers(index: &Index) {
    index.tokenizers().register(
        TEXT_ANALYZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(EnglishStemmer)
            .build(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_resolves() {
        let fields = Fields::from_schema(&build_schema()).unwrap();
        for d in DIMENSIONS {
            assert_ne!(fields.of(d.facet), fields.text, "{}", d.name);
        }
    }
}
