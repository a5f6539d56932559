//! What a build declares about its documents beyond their text: where a
//! document's own date comes from (a JSONL record's `date`, or a pattern
//! over the file's path) and which metadata keys become facets (JSONL keys,
//! or values a pattern takes from the path). A build stores the declaration
//! in its manifest, so that later incremental builds apply the same one.

use std::path::{Path, PathBuf};

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::{Document, Warning};
use crate::error::{Error, Result};
use crate::vocab::facets::meta_term;
use crate::vocab::fold::fold_name;
use crate::vocab::time::HistDate;

/// The declaration as written: what the manifest keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesSpec {
    /// A pattern over a file's path relative to the folder the build named;
    /// its first group is the document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_date: Option<String>,
    /// JSONL keys whose values become metadata facets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meta: Vec<String>,
    /// `KEY=PATTERN`: the pattern's first group over the relative path is
    /// the value of metadata facet KEY.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meta_from_path: Vec<String>,
}

/// The declaration compiled.
#[derive(Debug, Clone, Default)]
pub struct DocRules {
    spec: RulesSpec,
    doc_date: Option<Regex>,
    meta_from_path: Vec<(String, Regex)>,
    /// The folders and files the build named: paths are matched relative
    /// to them.
    roots: Vec<PathBuf>,
}

impl PartialEq for DocRules {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Serialize for DocRules {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.spec.serialize(s)
    }
}

impl<'de> Deserialize<'de> for DocRules {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let spec = RulesSpec::deserialize(d)?;
        DocRules::compile(spec).map_err(serde::de::Error::custom)
    }
}

pub use crate::vocab::facets::is_key as is_meta_key;

impl DocRules {
    /// Compiles a declaration; errors are `BadValue`s named after the
    /// setting that is wrong (`doc_date`, `meta`, `meta_from_path`).
    pub fn compile(spec: RulesSpec) -> Result<DocRules> {
        let pattern = |name: &str, raw: &str| -> Result<Regex> {
            let regex = Regex::new(raw).map_err(|e| Error::bad_value(name, raw, e))?;
            if regex.captures_len() < 2 {
                return Err(Error::bad_value(
                    name,
                    raw,
                    "the pattern needs a group in parentheses around the value, e.g. _(\\d{4})\\.txt$",
                ));
            }
            Ok(regex)
        };
        let doc_date = spec
            .doc_date
            .as_deref()
            .map(|raw| pattern("doc_date", raw))
            .transpose()?;
        for key in &spec.meta {
            if !is_meta_key(key) {
                return Err(Error::bad_value(
                    "meta",
                    key,
                    "a key is letters, digits, _ and -",
                ));
            }
        }
        let mut meta_from_path = Vec::new();
        for raw in &spec.meta_from_path {
            let Some((key, regex)) = raw.split_once('=').filter(|(k, _)| is_meta_key(k)) else {
                return Err(Error::bad_value(
                    "meta_from_path",
                    raw,
                    "expected KEY=PATTERN, e.g. speaker=([A-Z]{3})_[0-9]+_[0-9]{4}\\.txt$",
                ));
            };
            meta_from_path.push((key.to_string(), pattern("meta_from_path", regex)?));
        }
        Ok(DocRules {
            spec,
            doc_date,
            meta_from_path,
            roots: Vec::new(),
        })
    }

    pub fn spec(&self) -> &RulesSpec {
        &self.spec
    }

    /// The same rules, matching paths relative to `roots`.
    pub fn with_roots(mut self, roots: &[PathBuf]) -> DocRules {
        self.roots = roots.to_vec();
        self
    }

    /// A path relative to the folder the build named that holds it (the
    /// file's name, for a file named itself), with `/` separators.
    pub fn relative_path(&self, path: &Path) -> String {
        let relative = self
            .roots
            .iter()
            .filter(|root| root.as_path() != path)
            .find_map(|root| path.strip_prefix(root).ok())
            .or_else(|| path.file_name().map(Path::new))
            .unwrap_or(path);
        relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Gives a document read from `path` what the rules declare: its date
    /// from the path (a record's own `date` comes first), its metadata
    /// taken from the path, and the metadata facets' keys. A date the
    /// pattern takes that is none is passed over with a warning.
    pub fn apply(&self, path: &Path, doc: &mut Document) -> Option<Warning> {
        let needs_path =
            (self.doc_date.is_some() && doc.date.is_none()) || !self.meta_from_path.is_empty();
        let relative = if needs_path {
            self.relative_path(path)
        } else {
            String::new()
        };
        let mut warning = None;
        if doc.date.is_none()
            && let Some(regex) = &self.doc_date
            && let Some(value) = first_group(regex, &relative)
        {
            if HistDate::parse_contract(value).is_ok() {
                doc.date = Some(value.to_string());
            } else {
                warning = Some(Warning {
                    path: path.to_path_buf(),
                    message: format!(
                        "the document date pattern took {value:?} from the path, which is not a date (YYYY, YYYY-MM or YYYY-MM-DD): no document date"
                    ),
                });
            }
        }
        for (key, regex) in &self.meta_from_path {
            if let Some(value) = first_group(regex, &relative) {
                doc.meta
                    .insert(key.clone(), serde_json::Value::String(value.to_string()));
            }
        }
        doc.meta_keys.clear();
        let declared = self
            .spec
            .meta
            .iter()
            .chain(self.meta_from_path.iter().map(|(k, _)| k));
        for key in declared {
            let values: Vec<String> = match doc.meta.get(key) {
                Some(serde_json::Value::Array(items)) => items.iter().map(value_text).collect(),
                Some(serde_json::Value::Null) | None => Vec::new(),
                Some(value) => vec![value_text(value)],
            };
            for value in values {
                let term = meta_term(key, &fold_name(&value));
                if !value.trim().is_empty() && !doc.meta_keys.contains(&term) {
                    doc.meta_keys.push(term);
                }
            }
        }
        warning
    }
}

fn first_group<'a>(regex: &Regex, text: &'a str) -> Option<&'a str> {
    regex
        .captures(text)?
        .iter()
        .skip(1)
        .flatten()
        .next()
        .map(|m| m.as_str())
}

fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        Document {
            id: "x".into(),
            source: "x".into(),
            title: None,
            url: None,
            date: None,
            meta: serde_json::Map::new(),
            meta_keys: Vec::new(),
            sentences: Vec::new(),
        }
    }

    #[test]
    fn dates_and_metadata_come_from_the_relative_path() {
        let spec = RulesSpec {
            doc_date: Some(r"_(\d{4})\.txt$".into()),
            meta: vec![],
            meta_from_path: vec![r"speaker=([A-Z]{3})_[0-9]+_[0-9]{4}\.txt$".into()],
        };
        let rules = DocRules::compile(spec)
            .unwrap()
            .with_roots(&[PathBuf::from("/data/ungdc")]);
        let path = Path::new("/data/ungdc/Session 45 - 1990/MOZ_45_1990.txt");
        assert_eq!(
            rules.relative_path(path),
            "Session 45 - 1990/MOZ_45_1990.txt"
        );
        let mut d = doc();
        assert!(rules.apply(path, &mut d).is_none());
        assert_eq!(d.date.as_deref(), Some("1990"));
        assert_eq!(d.meta_keys, vec!["speaker=moz".to_string()]);
    }

    #[test]
    fn a_record_date_wins_and_a_bad_one_warns() {
        let spec = RulesSpec {
            doc_date: Some(r"_(\d{4}-\d\d)\.txt$".into()),
            ..RulesSpec::default()
        };
        let rules = DocRules::compile(spec).unwrap();
        let mut d = doc();
        d.date = Some("2001-02-03".into());
        assert!(rules.apply(Path::new("a_1990-01.txt"), &mut d).is_none());
        assert_eq!(d.date.as_deref(), Some("2001-02-03"));
        let mut d = doc();
        let warning = rules.apply(Path::new("a_1990-13.txt"), &mut d).unwrap();
        assert!(warning.message.contains("1990-13"), "{}", warning.message);
        assert!(d.date.is_none());
    }

    #[test]
    fn bad_patterns_name_their_setting() {
        for (spec, name) in [
            (
                RulesSpec {
                    doc_date: Some("(".into()),
                    ..RulesSpec::default()
                },
                "doc_date",
            ),
            (
                RulesSpec {
                    doc_date: Some(r"\d{4}".into()),
                    ..RulesSpec::default()
                },
                "doc_date",
            ),
            (
                RulesSpec {
                    meta_from_path: vec!["([A-Z]+)".into()],
                    ..RulesSpec::default()
                },
                "meta_from_path",
            ),
        ] {
            match DocRules::compile(spec) {
                Err(Error::BadValue { name: n, .. }) => assert_eq!(n, name),
                other => panic!("{other:?}"),
            }
        }
    }
}
