//! The index schema, defined once: every field name, its options, and the
//! analyzers that must be registered on every open (tantivy does not save
//! custom tokenizers in the index).

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer,
};
use tantivy::{Index, IndexSettings};

/// Bumped whenever fields or analyzers change in a way an older index
/// cannot be read with.
pub const SCHEMA_VERSION: u32 = 1;

/// The English analyzer of the text field: words, lowercased, folded to
/// ASCII (Atatürk matches ataturk), stemmed.
pub const TEXT_ANALYZER: &str = "annals_en";
/// Keyword fields (countries, names, places): the whole value, lowercased
/// and folded, so `country:ir` and `person:"Ataturk"` match.
pub const KEYWORD_ANALYZER: &str = "annals_keyword";

pub const TEXT: &str = "text";
pub const RECORD: &str = "record";
pub const SOURCE: &str = "source";
pub const DOC: &str = "doc";
pub const ORDER: &str = "order";
pub const YEAR: &str = "year";
pub const DECADE: &str = "decade";
pub const CENTURY: &str = "century";
pub const DAY: &str = "day";
pub const FIRST_DAY: &str = "first_day";
pub const COUNTRY: &str = "country";
pub const PERSON: &str = "person";
pub const ORG: &str = "org";
pub const PLACE: &str = "place";

/// Every field of the schema, resolved once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The sentence, analyzed for English, stored, with positions.
    pub text: Field,
    /// The sentence's provenance and annotations as JSON, stored only.
    pub record: Field,
    /// The source path, as a keyword (exact, case kept), fast.
    pub source: Field,
    /// The document id (JSONL record id or source path), fast.
    pub doc: Field,
    /// Corpus order: file rank and sentence number, for stable ties.
    pub order: Field,
    /// Years spoken of (historical numbering, BC negative).
    pub year: Field,
    pub decade: Field,
    /// Centuries, 1-based, BC negative.
    pub century: Field,
    /// Days (since 1970-01-01, proleptic Gregorian) covered by mentions of
    /// day or month precision. An i64, not a DateTime: DateTime ends at 1677.
    pub day: Field,
    /// The earliest day any mention reaches, for `--sort date`.
    pub first_day: Field,
    /// ISO 3166 alpha-2 codes, lowercased.
    pub country: Field,
    /// Folding keys of names.
    pub person: Field,
    pub org: Field,
    pub place: Field,
}

impl Fields {
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let get = |name: &str| schema.get_field(name);
        Ok(Fields {
            text: get(TEXT)?,
            record: get(RECORD)?,
            source: get(SOURCE)?,
            doc: get(DOC)?,
            order: get(ORDER)?,
            year: get(YEAR)?,
            decade: get(DECADE)?,
            century: get(CENTURY)?,
            day: get(DAY)?,
            first_day: get(FIRST_DAY)?,
            country: get(COUNTRY)?,
            person: get(PERSON)?,
            org: get(ORG)?,
            place: get(PLACE)?,
        })
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
    let exact = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        )
        .set_fast("raw");
    builder.add_text_field(SOURCE, exact.clone());
    builder.add_text_field(DOC, exact);
    builder.add_u64_field(ORDER, FAST);
    for name in [YEAR, DECADE, CENTURY, DAY] {
        builder.add_i64_field(name, INDEXED | FAST);
    }
    builder.add_i64_field(FIRST_DAY, FAST);
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_ANALYZER)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        )
        .set_fast("raw");
    for name in [COUNTRY, PERSON, ORG, PLACE] {
        builder.add_text_field(name, keyword.clone());
    }
    builder.build()
}

/// The stored sentences and their annotations compress about a third
/// better with zstd than with tantivy's default lz4; level 1 costs little
/// more build time than lz4. Hits decompress one block each.
pub fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(1),
        }),
        docstore_blocksize: 32 * 1024,
        ..IndexSettings::default()
    }
}

/// Registers annals' analyzers on an index, created or opened.
pub fn register_analyzers(index: &Index) {
    index.tokenizers().register(
        TEXT_ANALYZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build(),
    );
    index
        .tokenizers()
        .register(KEYWORD_ANALYZER, keyword_analyzer());
}

fn keyword_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// A keyword value as the index holds it (what KEYWORD_ANALYZER makes of it),
/// for the fast-field copy that facets read.
pub fn keyword(value: &str) -> String {
    let mut analyzer = keyword_analyzer();
    let mut stream = analyzer.token_stream(value.trim());
    let mut out = String::new();
    while let Some(token) = stream.next() {
        out.push_str(&token.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_resolves() {
        assert!(Fields::from_schema(&build_schema()).is_ok());
    }

    #[test]
    fn keywords_fold_case_and_accents() {
        assert_eq!(keyword("Atatürk"), "ataturk");
        assert_eq!(keyword(" IR "), "ir");
    }
}
