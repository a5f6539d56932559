//! Export for other loaders: the index definition and the sentences as
//! NDJSON, for an OpenSearch or Elasticsearch `_bulk` load or for
//! `quickwit index ingest`. The fields are the engine mapping's: the text
//! with positions and fieldnorms, time values as i64 arrays, keys and paths
//! as raw-tokenized keyword arrays, the record stored.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::bulk::read_file;
use super::mapping;
use crate::corpus::{self, ReadOptions, Warning};
use crate::error::{Error, Result};
use crate::index::schema;
use crate::vocab::facets::DIMENSIONS;

/// Which loader the export is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    /// `index.json` (settings and mappings) and `bulk.ndjson` (action and
    /// document lines).
    OpenSearch,
    /// `index-config.yaml` and `docs.ndjson` (one document a line).
    Quickwit,
}

/// What an export wrote.
#[derive(Debug, Default)]
pub struct ExportStats {
    pub files: usize,
    pub documents: u64,
    pub sentences: u64,
    pub written: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
}

/// Reads `paths` and writes the export for `target` into `out`.
pub fn export(
    paths: &[PathBuf],
    read: ReadOptions,
    target: ExportTarget,
    index_id: &str,
    out: &Path,
) -> Result<ExportStats> {
    let mut stats = ExportStats::default();
    let files = corpus::collect_files(paths, &mut stats.warnings)?;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let (definition, definition_text, data) = match target {
        ExportTarget::OpenSearch => (
            "index.json",
            serde_json::to_string_pretty(&mapping::index_body()).unwrap_or_default() + "\n",
            "bulk.ndjson",
        ),
        ExportTarget::Quickwit => (
            "index-config.yaml",
            quickwit_config(index_id),
            "docs.ndjson",
        ),
    };
    let definition = out.join(definition);
    std::fs::write(&definition, definition_text).map_err(|e| Error::io(&definition, e))?;
    let data = out.join(data);
    let file = std::fs::File::create(&data).map_err(|e| Error::io(&data, e))?;
    let mut writer = BufWriter::new(file);
    for (rank, file) in files.iter().enumerate() {
        let bytes = std::fs::read(&file.path).map_err(|e| Error::io(&file.path, e))?;
        let stamp = mapping::file_stamp(&bytes);
        let done = read_file(file, rank as u64, &stamp, read, None)?;
        stats.files += 1;
        stats.documents += done.documents;
        stats.sentences += done.sentences;
        stats.warnings.extend(done.warnings);
        for (id, body) in done.sentences_json {
            let written = match target {
                ExportTarget::OpenSearch => writeln!(
                    writer,
                    "{}\n{body}",
                    serde_json::json!({"index": {"_id": id}})
                ),
                ExportTarget::Quickwit => writeln!(writer, "{body}"),
            };
            written.map_err(|e| Error::io(&data, e))?;
        }
    }
    writer.flush().map_err(|e| Error::io(&data, e))?;
    stats.written = vec![definition, data];
    Ok(stats)
}

/// Quickwit's index config: the same fields as the engine mapping, in
/// Quickwit's types (text with positions and fieldnorms, `array<i64>` fast
/// fields, raw-tokenized `array<text>` fast fields, the record as stored
/// JSON).
pub fn quickwit_config(index_id: &str) -> String {
    let mut yaml = format!(
        "# Quickwit index config written by annals {}: the fields of its engine mapping.\nversion: 0.8\nindex_id: {index_id}\ndoc_mapping:\n  mode: strict\n  field_mappings:\n",
        env!("CARGO_PKG_VERSION")
    );
    let mut field = |lines: &[&str]| {
        for (i, line) in lines.iter().enumerate() {
            let lead = if i == 0 { "    - " } else { "      " };
            yaml.push_str(lead);
            yaml.push_str(line);
            yaml.push('\n');
        }
    };
    field(&[
        &format!("name: {}", schema::TEXT),
        "type: text",
        "tokenizer: en_stem",
        "record: position",
        "fieldnorms: true",
        "stored: true",
    ]);
    field(&[
        &format!("name: {}", mapping::RECORD),
        "type: json",
        "indexed: false",
        "stored: true",
    ]);
    field(&[
        &format!("name: {}", schema::ORDER),
        "type: u64",
        "fast: true",
    ]);
    field(&[
        &format!("name: {}", schema::FIRST_DAY),
        "type: i64",
        "fast: true",
    ]);
    field(&[
        &format!("name: {}", mapping::FILE_STAMP),
        "type: text",
        "tokenizer: raw",
        "stored: false",
    ]);
    for d in DIMENSIONS {
        let name = format!("name: {}", d.field);
        if d.values.is_numeric() {
            field(&[&name, "type: array<i64>", "fast: true"]);
        } else {
            field(&[&name, "type: array<text>", "tokenizer: raw", "fast: true"]);
        }
    }
    yaml.push_str(&format!(
        "search_settings:\n  default_search_fields: [{}]\n",
        schema::TEXT
    ));
    yaml
}

/// A field of a Quickwit config: its name, its type, its other options.
pub type QuickwitField = (String, String, Vec<(String, String)>);

/// The field mappings of a Quickwit config this module wrote, as (name,
/// type, options): what the tests check against Quickwit's documented types.
pub fn quickwit_fields(yaml: &str) -> Vec<QuickwitField> {
    let mut fields: Vec<QuickwitField> = Vec::new();
    for line in yaml.lines() {
        let (new, rest) = match line.strip_prefix("    - ") {
            Some(rest) => (true, rest),
            None => match line.strip_prefix("      ") {
                Some(rest) => (false, rest),
                None => continue,
            },
        };
        let Some((key, value)) = rest.split_once(": ") else {
            continue;
        };
        if new {
            fields.push((String::new(), String::new(), Vec::new()));
        }
        let Some(last) = fields.last_mut() else {
            continue;
        };
        match key {
            "name" => last.0 = value.to_string(),
            "type" => last.1 = value.to_string(),
            _ => last.2.push((key.to_string(), value.to_string())),
        }
    }
    fields
}

/// Whether a document's fields are those the config declares, each value
/// of the declared type.
pub fn matches_quickwit_types(doc: &Value, yaml: &str) -> std::result::Result<(), String> {
    let fields = quickwit_fields(yaml);
    let Some(object) = doc.as_object() else {
        return Err("not an object".into());
    };
    for (key, value) in object {
        let Some((_, kind, _)) = fields.iter().find(|(n, _, _)| n == key) else {
            return Err(format!("{key} is not declared"));
        };
        let ok = match kind.as_str() {
            "text" => value.is_string(),
            "json" => value.is_object(),
            "u64" => value.is_u64(),
            "i64" => value.is_i64(),
            "array<i64>" => {
                value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Value::is_i64))
                    || value.is_i64()
            }
            "array<text>" => {
                value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Value::is_string))
                    || value.is_string()
            }
            _ => false,
        };
        if !ok {
            return Err(format!("{key} is declared {kind} but holds {value}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quickwit's documented field types and the options each takes
    /// (quickwit.io/docs/configuration/index-config).
    const DOCUMENTED: &[(&str, &[&str])] = &[
        (
            "text",
            &[
                "tokenizer",
                "record",
                "fieldnorms",
                "stored",
                "indexed",
                "fast",
                "description",
            ],
        ),
        (
            "i64",
            &[
                "stored",
                "indexed",
                "fast",
                "coerce",
                "output_format",
                "description",
            ],
        ),
        (
            "u64",
            &[
                "stored",
                "indexed",
                "fast",
                "coerce",
                "output_format",
                "description",
            ],
        ),
        (
            "json",
            &[
                "stored",
                "indexed",
                "fast",
                "tokenizer",
                "record",
                "expand_dots",
                "description",
            ],
        ),
    ];

    #[test]
    fn the_quickwit_config_uses_documented_types_and_options() {
        let yaml = quickwit_config("annals");
        let fields = quickwit_fields(&yaml);
        assert_eq!(fields.len(), DIMENSIONS.len() + 5);
        for (name, kind, options) in &fields {
            let base = kind
                .strip_prefix("array<")
                .and_then(|k| k.strip_suffix('>'))
                .unwrap_or(kind);
            let allowed = DOCUMENTED
                .iter()
                .find(|(k, _)| *k == base)
                .map(|(_, o)| *o)
                .unwrap_or_else(|| panic!("{name}: undocumented type {kind}"));
            for (option, value) in options {
                assert!(allowed.contains(&option.as_str()), "{name}: {option}");
                if option == "tokenizer" {
                    assert!(
                        ["raw", "default", "en_stem"].contains(&value.as_str()),
                        "{name}"
                    );
                }
                if option == "record" {
                    assert!(
                        ["basic", "freq", "position"].contains(&value.as_str()),
                        "{name}"
                    );
                }
            }
        }
        let text = fields.iter().find(|f| f.0 == schema::TEXT).unwrap();
        assert!(text.2.contains(&("record".into(), "position".into())));
        assert!(text.2.contains(&("fieldnorms".into(), "true".into())));
    }
}
