//! The engine index's shape, derived from the facet registry: an English
//! analyzer that reads words as annals' own does, `long` arrays for years,
//! decades, centuries and days (never the engine's date type, which cannot
//! hold years BC), keyword arrays for the folded keys and paths, the stored
//! record; and each sentence as the JSON document the engine holds, under an
//! id that depends only on where the sentence comes from.

use serde_json::{Map, Value, json};

use crate::annotate::{Annotated, FieldValues};
use crate::index::schema;
use crate::vocab::facets::{DIMENSIONS, Values};

/// Bumped whenever the mapping or the documents change in a way an index
/// built by an older annals cannot be searched with.
pub const ENGINE_SCHEMA_VERSION: u64 = 1;

/// The stored record (provenance and annotations), kept but not indexed.
pub const RECORD: &str = "record";
/// A fingerprint of the file a sentence was read from: what an incremental
/// build compares to know whether the file changed.
pub const FILE_STAMP: &str = "file_stamp";

/// The analyzer's name in the index settings.
const ANALYZER: &str = schema::TEXT_ANALYZER;

/// The settings and mappings an index is created with.
pub fn index_body() -> Value {
    json!({
        "settings": {
            "analysis": {
                "char_filter": {
                    // Every character but letters and digits becomes a space, so
                    // that the standard tokenizer reads words as tantivy's
                    // SimpleTokenizer does ("Iran's" is iran and s, "U.S." u and s).
                    // A pattern tokenizer would say this more directly, but not
                    // every OpenSearch-compatible server implements it.
                    "annals_separators": {
                        "type": "pattern_replace",
                        "pattern": "[^\\p{L}\\p{N}]",
                        "replacement": " "
                    }
                },
                "filter": {
                    // tantivy's RemoveLongFilter::limit(40) drops tokens of 40 bytes and more.
                    "annals_long": {"type": "length", "max": 39},
                    // Snowball's English (Porter2), as tantivy's Stemmer.
                    "annals_stem": {"type": "snowball", "language": "English"}
                },
                "analyzer": {
                    ANALYZER: {
                        "type": "custom",
                        "char_filter": ["annals_separators"],
                        "tokenizer": "standard",
                        "filter": ["annals_long", "lowercase", "asciifolding", "annals_stem"]
                    }
                }
            }
        },
        "mappings": mappings()
    })
}

/// The mappings alone: what `export` writes and what a build checks an
/// existing index against.
pub fn mappings() -> Value {
    let mut properties = Map::new();
    properties.insert(
        schema::TEXT.into(),
        json!({"type": "text", "analyzer": ANALYZER, "index_options": "positions"}),
    );
    properties.insert(RECORD.into(), json!({"type": "object", "enabled": false}));
    properties.insert(schema::ORDER.into(), json!({"type": "long"}));
    properties.insert(schema::FIRST_DAY.into(), json!({"type": "long"}));
    properties.insert(FILE_STAMP.into(), json!({"type": "keyword"}));
    for dimension in DIMENSIONS {
        let kind = if dimension.values.is_numeric() {
            "long"
        } else {
            "keyword"
        };
        properties.insert(dimension.field.into(), json!({"type": kind}));
    }
    json!({
        "dynamic": "strict",
        "_meta": {
            "annals_schema": ENGINE_SCHEMA_VERSION,
            "annals_version": env!("CARGO_PKG_VERSION")
        },
        "properties": properties
    })
}

/// The field types a mapping gives, by field name: how a build tells an
/// index it can write into from one it would conflict with.
pub fn field_types(mappings: &Value) -> Vec<(String, String)> {
    let mut types: Vec<(String, String)> = mappings["properties"]
        .as_object()
        .map(|p| {
            p.iter()
                .map(|(name, field)| {
                    let kind = field["type"].as_str().unwrap_or("object");
                    (name.clone(), kind.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    types.sort();
    types
}

/// A sentence's id: the same whenever the same sentence of the same file is
/// indexed again, so a repeated build overwrites rather than duplicates.
pub fn sentence_id(record_source: &str, doc: &str, line: u64, sentence: u64) -> String {
    let key = format!("{record_source}\u{0}{doc}\u{0}{line}\u{0}{sentence}");
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(key.as_bytes()))
}

/// A file's fingerprint: its bytes' hash.
pub fn file_stamp(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// One sentence as the engine's document.
pub fn to_document(annotated: &Annotated, order: u64, stamp: &str) -> Value {
    let record = &annotated.record;
    let mut doc = Map::new();
    doc.insert(schema::TEXT.into(), Value::from(record.text.as_str()));
    doc.insert(
        RECORD.into(),
        serde_json::to_value(record).unwrap_or(Value::Null),
    );
    doc.insert(schema::ORDER.into(), Value::from(order));
    if let Some(first) = annotated.first_day {
        doc.insert(schema::FIRST_DAY.into(), Value::from(first));
    }
    doc.insert(FILE_STAMP.into(), Value::from(stamp));
    for dimension in DIMENSIONS {
        let values = match annotated.field_values(dimension.facet) {
            FieldValues::Numbers(numbers) => Value::from(numbers),
            FieldValues::Keys(keys) => Value::from(keys),
            FieldValues::Verbatim(value) => Value::from(value),
        };
        let empty = values.as_array().is_some_and(Vec::is_empty);
        if !empty {
            doc.insert(dimension.field.into(), values);
        }
    }
    Value::Object(doc)
}

/// Whether a dimension's values are folded keys (names, countries) rather
/// than numbers or paths.
pub fn is_key(values: Values) -> bool {
    matches!(values, Values::Countries | Values::Names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_has_a_field_and_time_is_never_a_date() {
        let types = field_types(&mappings());
        for d in DIMENSIONS {
            let kind = types
                .iter()
                .find(|(n, _)| n == d.field)
                .map(|(_, k)| k.as_str());
            let expected = if d.values.is_numeric() {
                "long"
            } else {
                "keyword"
            };
            assert_eq!(kind, Some(expected), "{}", d.name);
        }
        assert!(types.iter().all(|(_, k)| k != "date"));
    }

    #[test]
    fn ids_depend_only_on_where_a_sentence_comes_from() {
        let a = sentence_id("corpus/a.txt", "corpus/a.txt", 3, 7);
        assert_eq!(a, sentence_id("corpus/a.txt", "corpus/a.txt", 3, 7));
        assert_ne!(a, sentence_id("corpus/a.txt", "corpus/a.txt", 3, 8));
        assert_ne!(a, sentence_id("corpus/b.txt", "corpus/a.txt", 3, 7));
        assert_eq!(a.len(), 32);
    }
}
