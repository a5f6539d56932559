//! One annotated sentence as a tantivy document: the text, the stored
//! record, the corpus order, and each dimension's field filled from what
//! `crate::annotate` says it holds.

use tantivy::TantivyDocument;

use super::schema::Fields;
use crate::annotate::{Annotated, FieldValues};
use crate::vocab::facets::DIMENSIONS;

/// Sentence numbers take the low bits of the `order` field, file ranks the rest.
pub const SENTENCE_BITS: u32 = 24;

pub fn to_document(fields: &Fields, annotated: &Annotated, file_rank: u64) -> TantivyDocument {
    let record = &annotated.record;
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.text, &record.text);
    doc.add_bytes(fields.record, &record.stored_json());
    let sentence = record.sentence.min((1 << SENTENCE_BITS) - 1);
    doc.add_u64(fields.order, (file_rank << SENTENCE_BITS) | sentence);
    if let Some(first) = annotated.first_day {
        doc.add_i64(fields.first_day, first);
    }
    for dimension in DIMENSIONS {
        let field = fields.of(dimension.facet);
        match annotated.field_values(dimension.facet) {
            FieldValues::Numbers(numbers) => {
                for n in numbers {
                    doc.add_i64(field, n);
                }
            }
            FieldValues::Keys(keys) => {
                for key in keys {
                    doc.add_text(field, key);
                }
            }
            FieldValues::Verbatim(value) => doc.add_text(field, value),
        }
    }
    doc
}
