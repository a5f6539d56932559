//! Reading a corpus: which files a set of paths names, what format each file
//! is in, and the documents and sentences inside it, each with provenance
//! (source path, line, byte range, sentence number, record id).

mod clean;
mod formats;
mod rules;
mod segment;

use std::path::{Path, PathBuf};

pub use clean::{CleanText, OffsetMap};
pub use formats::{Format, read_file, read_text};
pub use rules::{DocRules, RulesSpec, is_meta_key};
pub use segment::{Headings, MAX_SENTENCE_BYTES, segment_text};

use crate::error::{Error, Result};

/// A file of the corpus, in the order builds read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as the user gave it, joined with the path below it: what
    /// results show as `source`.
    pub path: PathBuf,
    pub format: Format,
}

impl SourceFile {
    pub fn display(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

/// One sentence (or, with `--unit document`, one whole document) ready for
/// extraction and indexing.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The text with citation markers removed and line breaks folded.
    pub text: String,
    /// 1-based line of the source where the sentence starts.
    pub line: u64,
    /// 1-based number of the sentence in its source file.
    pub number: u64,
    /// Byte range in the source file, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Citation markers (`[20]`) that belonged to this sentence.
    pub refs: Vec<u32>,
    /// Maps byte offsets in `text` back to the source file.
    pub offsets: OffsetMap,
    /// The title of the section the sentence is under, if the text has
    /// headings.
    pub section: Option<std::sync::Arc<str>>,
}

impl Sentence {
    /// The source byte offset of a byte offset in `text`.
    pub fn source_offset(&self, text_offset: usize) -> usize {
        self.offsets.to_source(text_offset)
    }
}

/// A document: a plain-text file, a JSONL record or a WikiExtractor `<doc>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The record `id` for JSONL and WikiExtractor input, else the source path.
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// Other keys of a JSONL record, kept as stored metadata.
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// The metadata facets' terms (`speaker=moz`: key, separator, folded
    /// value) for the keys a build declared; empty unless rules were applied.
    pub meta_keys: Vec<String>,
    pub sentences: Vec<Sentence>,
}

/// Something a build or an extraction passed over or repaired, worth telling
/// the user about without stopping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Options that change how files are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Refuse non-UTF-8 text instead of decoding it lossily.
    pub strict: bool,
    /// Skip malformed JSONL records instead of failing on the first one.
    pub skip_bad: bool,
    /// Index each document whole instead of sentence by sentence.
    pub whole_documents: bool,
}

/// Lists the corpus files that `paths` name: files as given, folders walked
/// recursively in sorted order (so two builds of one corpus read the same
/// files in the same order). Hidden files and folders and files of other
/// formats are passed over, with a warning for the latter.
pub fn collect_files(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::MissingPath { path: root.clone() },
            _ => Error::io(root, e),
        })?;
        if meta.is_file() {
            files.push(SourceFile {
                path: root.clone(),
                format: Format::from_path(root).unwrap_or(Format::Text),
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let message = if err.loop_ancestor().is_some() {
                        "symbolic link loop, not followed".to_string()
                    } else {
                        err.io_error()
                            .map_or_else(|| err.to_string(), |e| e.to_string())
                    };
                    warnings.push(Warning { path, message });
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            match Format::from_path(entry.path()) {
                Some(format) => files.push(SourceFile {
                    path: entry.into_path(),
                    format,
                }),
                None => warnings.push(Warning {
                    path: entry.into_path(),
                    message: "not a text, Markdown, JSONL or WikiExtractor file: skipped".into(),
                }),
            }
        }
    }
    // The same file named twice (a folder and a file in it) is read once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.path.clone()));
    Ok(files)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}
