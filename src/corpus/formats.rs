//! The corpus formats annals reads: plain text and Markdown, JSON Lines, JSON
//! arrays of records, and WikiExtractor `<doc>` files. Each file becomes documents of sentences.

use std::io::{BufRead, Read};
use std::path::Path;

use serde_json::value::RawValue;

use super::clean::{CleanText, OffsetMap};
use super::segment::{Headings, LineIndex, segment_text};
use super::{Document, ReadOptions, Sentence, SourceFile, Warning};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown, sniffed for WikiExtractor `<doc>` tags.
    Text,
    /// One JSON object a line with a `text` key.
    Jsonl,
    /// A JSON array of such objects (what many exports write).
    Json,
}

impl Format {
    /// The format a file's name says it has, if annals reads it: `.txt`,
    /// `.md`, `.text`, no extension (WikiExtractor's `wiki_00`), `.jsonl`,
    /// `.ndjson`, `.json`.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            None => Some(Format::Text),
            Some(ext) => match ext.as_str() {
                "txt" | "md" | "markdown" | "text" => Some(Format::Text),
                "jsonl" | "ndjson" => Some(Format::Jsonl),
                "json" => Some(Format::Json),
                _ => None,
            },
        }
    }
}

/// How many leading bytes are checked for NUL to tell binary files.
const SNIFF_BYTES: usize = 8192;

/// Reads one corpus file and hands its documents, one at a time, to
/// `each`. Returns without error, after a warning, for files that are
/// binary; fails on I/O errors, on non-UTF-8 text under `strict` and on
/// malformed JSONL records unless `skip_bad`.
pub fn read_file(
    file: &SourceFile,
    options: ReadOptions,
    warnings: &mut Vec<Warning>,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<()> {
    match file.format {
        Format::Text => read_text_file(file, options, warnings, each),
        Format::Jsonl => read_jsonl_file(file, options, warnings, each),
        Format::Json => read_json_array_file(file, options, warnings, each),
    }
}

fn warn(warnings: &mut Vec<Warning>, path: &Path, message: impl Into<String>) {
    warnings.push(Warning {
        path: path.to_path_buf(),
        message: message.into(),
    });
}

fn read_text_file(
    file: &SourceFile,
    options: ReadOptions,
    warnings: &mut Vec<Warning>,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<()> {
    let mut bytes = Vec::new();
    std::fs::File::open(&file.path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| Error::io(&file.path, e))?;
    read_text(bytes, &file.path, options, warnings, each)
}

/// Reads text already in memory (a file's bytes, or standard input) named
/// `path`: plain text, or WikiExtractor `<doc>`s when it starts with one.
pub fn read_text(
    bytes: Vec<u8>,
    path: &Path,
    options: ReadOptions,
    warnings: &mut Vec<Warning>,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<()> {
    if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        warn(warnings, path, "binary file (contains NUL bytes): skipped");
        return Ok(());
    }
    let text = decode(bytes, path, options, warnings)?;
    if text.trim().is_empty() {
        warn(warnings, path, "empty file: nothing to index");
        return Ok(());
    }
    let lines = LineIndex::new(text.as_bytes());
    let source = path.to_string_lossy().into_owned();
    if text.trim_start().starts_with("<doc ") {
        return read_wikiextractor(&text, &source, &lines, options, each);
    }
    let mut number = 1;
    let sentences = segment_text(
        &text,
        &OffsetMap::default(),
        &lines,
        &mut number,
        Headings::Markdown,
    );
    each(document(
        source.clone(),
        source,
        None,
        None,
        sentences,
        options,
    ))
}

/// Decodes `bytes`: UTF-8 as it is; anything else (Latin-1, Windows-1252,
/// …) in the encoding chardetng guesses, with a warning saying which, or an
/// error under `strict`. Offsets then count bytes of the decoded text.
fn decode(
    bytes: Vec<u8>,
    path: &Path,
    options: ReadOptions,
    warnings: &mut Vec<Warning>,
) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            if options.strict {
                return Err(Error::NotUtf8 {
                    path: path.to_path_buf(),
                    line: LineIndex::new(err.as_bytes()).line_of(at),
                    offset: at,
                });
            }
            let bytes = err.into_bytes();
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, lossy) = encoding.decode(&bytes);
            let how = if lossy {
                " (some bytes did not decode and became replacement characters)"
            } else {
                ""
            };
            warn(
                warnings,
                path,
                format!(
                    "not valid UTF-8 (first bad byte at offset {at}): decoded as {}{how}",
                    encoding.name()
                ),
            );
            Ok(text.into_owned())
        }
    }
}

/// Builds a document; with `whole_documents` its sentences become one.
fn document(
    id: String,
    source: String,
    title: Option<String>,
    url: Option<String>,
    sentences: Vec<Sentence>,
    options: ReadOptions,
) -> Document {
    let sentences = if options.whole_documents {
        merge_sentences(sentences)
    } else {
        sentences
    };
    Document {
        id,
        source,
        title,
        url,
        date: None,
        meta: serde_json::Map::new(),
        meta_keys: Vec::new(),
        sentences,
    }
}

/// One unit holding all the sentences of a document, for `--unit document`.
fn merge_sentences(sentences: Vec<Sentence>) -> Vec<Sentence> {
    let Some(first) = sentences.first() else {
        return sentences;
    };
    let mut merged = CleanText::with_capacity(sentences.iter().map(|s| s.text.len() + 1).sum());
    for s in &sentences {
        if !merged.text.is_empty() {
            merged.push(' ', s.start.saturating_sub(1));
        }
        let mut pos = 0;
        // Carry each sentence's own map into the merged one.
        for (i, c) in s.text.char_indices() {
            if i < pos {
                continue;
            }
            merged.push(c, s.source_offset(i));
            pos = i + c.len_utf8();
        }
    }
    let last = sentences.last().unwrap_or(first);
    vec![Sentence {
        text: merged.text,
        line: first.line,
        number: first.number,
        start: first.start,
        end: last.end,
        refs: sentences
            .iter()
            .flat_map(|s| s.refs.iter().copied())
            .collect(),
        offsets: merged.map,
        section: None,
    }]
}

/// WikiExtractor output: `<doc id="…" url="…" title="…">`, the title again
/// on the first line, the article, `</doc>`.
fn read_wikiextractor(
    text: &str,
    source: &str,
    lines: &LineIndex,
    options: ReadOptions,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<()> {
    let mut number = 1;
    let mut rest = 0;
    while let Some(open) = text[rest..].find("<doc ").map(|i| rest + i) {
        let Some(tag_end) = text[open..].find('>').map(|i| open + i) else {
            break;
        };
        let tag = &text[open..tag_end];
        let body_start = tag_end + 1;
        let body_end = text[body_start..]
            .find("</doc>")
            .map_or(text.len(), |i| body_start + i);
        rest = (body_end + "</doc>".len()).min(text.len());
        let title = attribute(tag, "title");
        let mut body = &text[body_start..body_end];
        let mut offset = body_start;
        // The first line repeats the title; it is not a sentence of the article.
        let trimmed = body.trim_start();
        if let Some(t) = &title
            && trimmed.starts_with(t.as_str())
            && trimmed[t.len()..].starts_with(['\n', '\r'])
        {
            let skip = body.len() - trimmed.len() + t.len();
            body = &body[skip..];
            offset += skip;
        }
        let sentences = segment_text(
            body,
            &OffsetMap::shifted(offset),
            lines,
            &mut number,
            Headings::Wiki,
        );
        let id = attribute(tag, "id").unwrap_or_else(|| source.to_string());
        each(document(
            id,
            source.to_string(),
            title,
            attribute(tag, "url"),
            sentences,
            options,
        ))?;
    }
    Ok(())
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape_html(&tag[start..end]))
}

fn unescape_html(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn read_jsonl_file(
    file: &SourceFile,
    options: ReadOptions,
    warnings: &mut Vec<Warning>,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<()> {
    let path = &file.path;
    let source = file.display();
    let reader = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, reader);
    let mut line_start = 0usize;
    let mut line_no = 0u64;
    let mut number = 1u64;
    let mut skipped = 0u64;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let this_start = line_start;
        line_start += n;
        let bad = |message: String| Error::BadRecord {
            path: path.clone(),
            line: line_no,
            message,
        };
        let line = match std::str::from_utf8(&buf) {
            Ok(line) => line,
            Err(e) => {
                let err = bad(format!("not valid UTF-8 at column {}", e.valid_up_to() + 1));
                if options.skip_bad {
                    skipped += 1;
                    continue;
                }
                return Err(err);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match parse_record(line, this_start, line_no, &source, &mut number, options) {
            Ok(Some(doc)) => each(doc)?,
            Ok(None) => {}
            Err(message) => {
                if options.skip_bad {
                    skipped += 1;
                    continue;
                }
                return Err(bad(message));
            }
        }
    }
    warn_skipped(warnings, path, skipped);
    Ok(())
}

fn warn_skipped(warnings: &mut Vec<Warning>, path: &Path, skipped: u64) {
    if skipped > 0 {
        warn(
            warnings,
            path,
            format!("skipped {skipped} malformed record(s)"),
        );
    }
}

/// A JSON array of records, each read as a JSONL record is; a record's
/// sentences are on the line where the record starts.
fn read_json_array_file(
    file: &SourceFile,
    options: ReadOptions,
    warnings: &mut Vec<Warning>,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<()> {
    let path = &file.path;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = decode(bytes, path, options, warnings)?;
    let source = file.display();
    let records: Vec<&RawValue> = serde_json::from_str(&text).map_err(|e| Error::BadRecord {
        path: path.clone(),
        line: e.line() as u64,
        message: format!("not a JSON array of records: {e}"),
    })?;
    let lines = LineIndex::new(text.as_bytes());
    let mut number = 1u64;
    let mut skipped = 0u64;
    for record in records {
        // RawValue borrows from `text`, so its address gives its offset.
        let offset = record.get().as_ptr() as usize - text.as_ptr() as usize;
        let line_no = lines.line_of(offset);
        match parse_record(record.get(), offset, line_no, &source, &mut number, options) {
            Ok(Some(doc)) => each(doc)?,
            Ok(None) => {}
            Err(_) if options.skip_bad => skipped += 1,
            Err(message) => {
                return Err(Error::BadRecord {
                    path: path.clone(),
                    line: line_no,
                    message,
                });
            }
        }
    }
    warn_skipped(warnings, path, skipped);
    Ok(())
}

/// Parses one JSONL record. The text's offsets map through its JSON escapes
/// to the file, so spans point at the record as written.
fn parse_record(
    line: &str,
    line_start: usize,
    line_no: u64,
    source: &str,
    number: &mut u64,
    options: ReadOptions,
) -> std::result::Result<Option<Document>, String> {
    let record: std::collections::BTreeMap<String, &RawValue> =
        serde_json::from_str(line.trim_end()).map_err(|e| format!("not a JSON object: {e}"))?;
    let raw_text = record.get("text").ok_or("record has no \"text\" key")?;
    let raw = raw_text.get();
    if !raw.starts_with('"') {
        return Err("\"text\" is not a string".into());
    }
    // RawValue borrows from `line`, so its address gives its column.
    let column = raw.as_ptr() as usize - line.as_ptr() as usize;
    let text = decode_json_string(raw, line_start + column)
        .ok_or("\"text\" is not a valid JSON string")?;
    let mut id = None;
    let mut title = None;
    let mut url = None;
    let mut date = None;
    let mut meta = serde_json::Map::new();
    for (key, value) in &record {
        let value: serde_json::Value =
            serde_json::from_str(value.get()).map_err(|e| format!("bad value of {key:?}: {e}"))?;
        let as_string = || match &value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match key.as_str() {
            "text" => {}
            "id" => id = Some(as_string()),
            "title" => title = Some(as_string()),
            "url" => url = Some(as_string()),
            "date" => date = Some(as_string()),
            _ => {
                meta.insert(key.clone(), value);
            }
        }
    }
    let sentences = segment_text(
        &text.text,
        &text.map,
        &LineIndex::single(line_no),
        number,
        Headings::Markdown,
    );
    let id = id.unwrap_or_else(|| format!("{source}:{line_no}"));
    let mut doc = document(id, source.to_string(), title, url, sentences, options);
    doc.date = date;
    doc.meta = meta;
    Ok(Some(doc))
}

/// Decodes the JSON string literal `raw` (with its quotes), which starts at
/// `source_offset` in the file, keeping each character's source offset.
fn decode_json_string(raw: &str, source_offset: usize) -> Option<CleanText> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let base = source_offset + 1;
    let mut out = CleanText::with_capacity(inner.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c, base + i);
            continue;
        }
        let (_, e) = chars.next()?;
        let decoded = match e {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let hex = |chars: &mut std::iter::Peekable<std::str::CharIndices>| -> Option<u32> {
                    let mut v = 0;
                    for _ in 0..4 {
                        v = v * 16 + chars.next()?.1.to_digit(16)?;
                    }
                    Some(v)
                };
                let hi = hex(&mut chars)?;
                if (0xD800..0xDC00).contains(&hi) {
                    // A surrogate pair: \uD83D\uDE00.
                    if chars.next()?.1 != '\\' || chars.next()?.1 != 'u' {
                        return None;
                    }
                    let lo = hex(&mut chars)?;
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo.checked_sub(0xDC00)?))?
                } else {
                    char::from_u32(hi).unwrap_or('\u{FFFD}')
                }
            }
            _ => return None,
        };
        out.push(decoded, base + i);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_decode_with_offsets_into_the_line() {
        let line = r#"{"text": "a \"b\" c"}"#;
        let start = line.find("\"a").unwrap();
        let decoded = decode_json_string(&line[start..line.len() - 1], start).unwrap();
        assert_eq!(decoded.text, "a \"b\" c");
        let b = decoded.text.find('b').unwrap();
        assert_eq!(
            &line[decoded.map.to_source(b)..decoded.map.to_source(b) + 1],
            "b"
        );
        let c = decoded.text.find('c').unwrap();
        assert_eq!(
            &line[decoded.map.to_source(c)..decoded.map.to_source(c) + 1],
            "c"
        );
    }

    #[test]
    fn record_sentences_map_into_the_file() {
        let line = r#"{"id": "x", "text": "First one. They ended \"well\"."}"#;
        let mut n = 1;
        let doc = parse_record(line, 100, 3, "f.jsonl", &mut n, ReadOptions::default())
            .unwrap()
            .unwrap();
        let s = &doc.sentences[1];
        assert_eq!(s.text, "They ended \"well\".");
        assert_eq!(&line[s.start - 100..s.end - 100], r#"They ended \"well\"."#);
        let w = s.text.find("well").unwrap();
        assert_eq!(
            &line[s.source_offset(w) - 100..s.source_offset(w) - 100 + 4],
            "well"
        );
    }
}
