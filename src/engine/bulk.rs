//! Building into an engine index: the index created with annals' mapping
//! (or an existing one checked against it), files read and annotated on
//! several threads as a local build does, sentences loaded through `_bulk`
//! in batches bounded by count and bytes. Ids and file stamps make it
//! idempotent and incremental: unchanged files are not read again, a changed
//! file's sentences are overwritten and its leftovers deleted, and files no
//! longer in the corpus are removed.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use serde_json::{Value, json};

use super::client::Client;
use super::mapping::{self, ENGINE_SCHEMA_VERSION, FILE_STAMP};
use crate::annotate;
use crate::corpus::DocRules;
use crate::corpus::{self, ReadOptions, SourceFile, Warning};
use crate::error::{Error, Result};
use crate::index::document::SENTENCE_BITS;
use crate::index::{BuildProgress, BuildStats};
use crate::vocab::facets::Facet;

/// A `_bulk` request holds at most this many sentences…
pub const BATCH_DOCS: usize = 2_000;
/// …and at most about this many bytes.
pub const BATCH_BYTES: usize = 8 << 20;

/// How a build into an engine reads its files.
#[derive(Debug, Clone)]
pub struct EngineBuild {
    pub read: ReadOptions,
    pub threads: usize,
    /// Batch bounds; the defaults are [`BATCH_DOCS`] and [`BATCH_BYTES`].
    pub batch_docs: usize,
    pub batch_bytes: usize,
    /// Start from an empty index: an existing one built by annals (of any
    /// schema version) is deleted first.
    pub full: bool,
    /// Document dates and metadata facets, as a local build declares them;
    /// applied to every build (the engine's index does not remember them).
    pub rules: Option<DocRules>,
}

impl Default for EngineBuild {
    fn default() -> Self {
        EngineBuild {
            read: ReadOptions::default(),
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            batch_docs: BATCH_DOCS,
            batch_bytes: BATCH_BYTES,
            full: false,
            rules: None,
        }
    }
}

/// Builds `paths` into the client's index.
pub fn build(
    client: &Client,
    paths: &[PathBuf],
    options: &EngineBuild,
    progress: &dyn BuildProgress,
) -> Result<BuildStats> {
    let started = Instant::now();
    if options.full {
        delete_annals_index(client)?;
    }
    let created = ensure_index(client)?;
    let mut stats = BuildStats {
        incremental: !created,
        ..BuildStats::default()
    };
    let files = corpus::collect_files(paths, &mut stats.warnings)?;
    let indexed = if created {
        BTreeMap::new()
    } else {
        indexed_stamps(client)?
    };

    // Which files to read: those whose bytes differ from what the index holds.
    let mut work = Vec::new();
    for (rank, file) in files.iter().enumerate() {
        let bytes = std::fs::read(&file.path).map_err(|e| Error::io(&file.path, e))?;
        let stamp = format!(
            "{}{}",
            mapping::file_stamp(&bytes),
            if options.read.whole_documents {
                "d"
            } else {
                "s"
            }
        );
        let source = file.display();
        if indexed
            .get(&source)
            .is_some_and(|s| s.len() == 1 && s[0] == stamp)
        {
            stats.unchanged += 1;
            continue;
        }
        work.push((rank as u64, file.clone(), stamp, bytes.len() as u64));
    }
    progress.started(work.len(), work.iter().map(|w| w.3).sum());

    let mut loader = Loader::new(client, options);
    let mut changed: Vec<(String, String)> = Vec::new();
    let next = AtomicUsize::new(0);
    let failure: Mutex<Option<Error>> = Mutex::new(None);
    let (send, receive) = mpsc::sync_channel::<FileDone>(options.threads.max(1) * 2);
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..options.threads.max(1) {
            let send = send.clone();
            let (work, next, failure) = (&work, &next, &failure);
            let (read, rules) = (options.read, options.rules.as_ref());
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((rank, file, stamp, bytes)) = work.get(i) else {
                        return;
                    };
                    match read_file(file, *rank, stamp, read, rules) {
                        Ok(mut done) => {
                            done.bytes = *bytes;
                            if send.send(done).is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            if let Ok(mut f) = failure.lock() {
                                f.get_or_insert(e);
                            }
                            next.store(usize::MAX / 2, Ordering::Relaxed);
                            return;
                        }
                    }
                }
            });
        }
        drop(send);
        for done in receive {
            stats.files += 1;
            stats.documents += done.documents;
            stats.sentences += done.sentences;
            stats.bytes += done.bytes;
            stats.warnings.extend(done.warnings);
            for (id, body) in done.sentences_json {
                loader.add(format!("{}\n{body}\n", json!({"index": {"_id": id}})))?;
            }
            if indexed.contains_key(&done.source) {
                changed.push((done.source, done.stamp));
            }
            progress.sentences_done(done.sentences);
            progress.file_done(done.bytes);
        }
        Ok(())
    })?;
    if let Some(e) = failure.into_inner().ok().flatten() {
        return Err(e);
    }
    loader.flush()?;

    // Sentences changed files no longer have: those with another stamp,
    // once the new ones are all written.
    for chunk in changed.chunks(100) {
        let stale: Vec<Value> = chunk
            .iter()
            .map(|(source, stamp)| {
                json!({"bool": {
                    "filter": [{"term": {Facet::Source.field(): source}}],
                    "must_not": [{"term": {FILE_STAMP: stamp}}]
                }})
            })
            .collect();
        delete_where(
            client,
            json!({"bool": {"should": stale, "minimum_should_match": 1}}),
        )?;
    }

    // Files the corpus no longer has.
    let current: HashSet<String> = files.iter().map(SourceFile::display).collect();
    let gone: Vec<&String> = indexed.keys().filter(|s| !current.contains(*s)).collect();
    for chunk in gone.chunks(500) {
        delete_where(client, json!({"terms": {Facet::Source.field(): chunk}}))?;
    }
    stats.removed = gone.len();
    let refreshed = client.request("POST", "_refresh", None)?;
    if !refreshed.ok() {
        return Err(engine_error(client, "refreshing the index", &refreshed));
    }
    progress.finished();
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(stats)
}

/// One file read and annotated: its sentences as ids and documents.
pub(super) struct FileDone {
    pub source: String,
    stamp: String,
    pub sentences_json: Vec<(String, String)>,
    pub documents: u64,
    pub sentences: u64,
    bytes: u64,
    pub warnings: Vec<Warning>,
}

pub(super) fn read_file(
    file: &SourceFile,
    rank: u64,
    stamp: &str,
    read: ReadOptions,
    rules: Option<&DocRules>,
) -> Result<FileDone> {
    let mut done = FileDone {
        source: file.display(),
        stamp: stamp.to_string(),
        sentences_json: Vec::new(),
        documents: 0,
        sentences: 0,
        bytes: 0,
        warnings: Vec::new(),
    };
    let mut rule_warnings = Vec::new();
    let mut each = |mut doc: corpus::Document| -> Result<()> {
        done.documents += 1;
        if let Some(warning) = rules.and_then(|r| r.apply(&file.path, &mut doc)) {
            rule_warnings.push(warning);
        }
        for annotated in annotate::annotate_document(&doc) {
            let record = &annotated.record;
            let sentence = record.sentence.min((1 << SENTENCE_BITS) - 1);
            let order = (rank << SENTENCE_BITS) | sentence;
            let id =
                mapping::sentence_id(&record.source, &record.doc, record.line, record.sentence);
            let body = mapping::to_document(&annotated, order, stamp);
            done.sentences_json.push((id, body.to_string()));
            done.sentences += 1;
        }
        Ok(())
    };
    let mut warnings = Vec::new();
    corpus::read_file(file, read, &mut warnings, &mut each)?;
    warnings.append(&mut rule_warnings);
    done.warnings = warnings;
    Ok(done)
}

/// Batches `_bulk` lines and sends them.
struct Loader<'a> {
    client: &'a Client,
    batch: String,
    docs: usize,
    max_docs: usize,
    max_bytes: usize,
}

impl<'a> Loader<'a> {
    fn new(client: &'a Client, options: &EngineBuild) -> Loader<'a> {
        Loader {
            client,
            batch: String::new(),
            docs: 0,
            max_docs: options.batch_docs.max(1),
            max_bytes: options.batch_bytes.max(1024),
        }
    }

    fn add(&mut self, lines: String) -> Result<()> {
        if self.docs > 0 && self.batch.len() + lines.len() > self.max_bytes {
            self.flush()?;
        }
        self.batch.push_str(&lines);
        self.docs += 1;
        if self.docs >= self.max_docs || self.batch.len() >= self.max_bytes {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.docs == 0 {
            return Ok(());
        }
        send_bulk(self.client, self.batch.as_bytes())?;
        self.batch.clear();
        self.docs = 0;
        Ok(())
    }
}

/// Sends one batch; items refused with 429 (the cluster's queues are full)
/// are sent again after a wait, any other refused item is an error.
fn send_bulk(client: &Client, body: &[u8]) -> Result<()> {
    let mut wait = std::time::Duration::from_millis(200);
    for _ in 0..6 {
        let answer = client.bulk(body)?;
        if !answer.ok() {
            return Err(engine_error(client, "loading sentences", &answer));
        }
        if answer.body["errors"].as_bool() != Some(true) {
            return Ok(());
        }
        let items = answer.body["items"].as_array().cloned().unwrap_or_default();
        let refused: Vec<&Value> = items
            .iter()
            .filter_map(|i| i.as_object().and_then(|o| o.values().next()))
            .filter(|r| r["status"].as_u64().is_some_and(|s| s >= 300))
            .collect();
        if refused.iter().any(|r| r["status"].as_u64() != Some(429)) {
            let first = refused
                .iter()
                .find(|r| r["status"].as_u64() != Some(429))
                .map(|r| {
                    let e = &r["error"];
                    format!(
                        "{}: {}",
                        e["type"].as_str().unwrap_or("error"),
                        e["reason"].as_str().unwrap_or("refused")
                    )
                })
                .unwrap_or_default();
            return Err(Error::Engine {
                message: format!(
                    "{} refused {} of the batch's sentences ({first}): the index's mapping conflicts with annals'; build into a new index or delete this one",
                    client.target.label(),
                    refused.len()
                ),
            });
        }
        if let Some(note) = &client.on_retry {
            note(&format!(
                "_bulk: {} sentences refused with 429; retrying in {:.1}s",
                refused.len(),
                wait.as_secs_f64()
            ));
        }
        std::thread::sleep(wait);
        wait *= 2;
    }
    Err(Error::Engine {
        message: format!(
            "{} kept refusing sentences with 429 (too many requests): try again later or with a smaller batch",
            client.target.label()
        ),
    })
}

fn delete_where(client: &Client, query: Value) -> Result<()> {
    let answer = client.request(
        "POST",
        "_delete_by_query?refresh=true&conflicts=proceed",
        Some(&json!({"query": query})),
    )?;
    if answer.ok() {
        Ok(())
    } else {
        Err(engine_error(client, "removing old sentences", &answer))
    }
}

/// Creates the index with annals' mapping; an existing one must have been
/// built by this schema version and map every field the same way. Says
/// whether it was created.
pub fn ensure_index(client: &Client) -> Result<bool> {
    let label = client.target.label();
    let existing = client.request("GET", "_mapping", None)?;
    if existing.status == 404 {
        let created = client.request("PUT", "", Some(&mapping::index_body()))?;
        if created.ok() {
            return Ok(true);
        }
        if created.error_type() != "resource_already_exists_exception" {
            return Err(engine_error(client, "creating the index", &created));
        }
        return ensure_index(client);
    }
    if !existing.ok() {
        return Err(engine_error(
            client,
            "reading the index's mapping",
            &existing,
        ));
    }
    let mappings = existing
        .body
        .as_object()
        .and_then(|o| o.values().next())
        .map(|i| i["mappings"].clone())
        .unwrap_or(Value::Null);
    check_schema(&label, &mappings)?;
    Ok(false)
}

/// Deletes the index if annals built it (whatever its schema version);
/// an index annals did not build is left alone, with an error.
fn delete_annals_index(client: &Client) -> Result<()> {
    let existing = client.request("GET", "_mapping", None)?;
    if existing.status == 404 {
        return Ok(());
    }
    if !existing.ok() {
        return Err(engine_error(
            client,
            "reading the index's mapping",
            &existing,
        ));
    }
    let ours = existing
        .body
        .as_object()
        .and_then(|o| o.values().next())
        .is_some_and(|i| i["mappings"]["_meta"]["annals_schema"].is_u64());
    if !ours {
        return Err(Error::Engine {
            message: format!(
                "{} exists but was not built by annals: it is not deleted; choose another index name",
                client.target.label()
            ),
        });
    }
    let deleted = client.request("DELETE", "", None)?;
    if deleted.ok() {
        Ok(())
    } else {
        Err(engine_error(client, "deleting the index", &deleted))
    }
}

/// Whether an existing index's mappings are annals' own, of this version.
pub fn check_schema(label: &str, mappings: &Value) -> Result<()> {
    match mappings["_meta"]["annals_schema"].as_u64() {
        Some(ENGINE_SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(Error::Engine {
                message: format!(
                    "{label} was built by another annals (engine schema {other}, this one reads {ENGINE_SCHEMA_VERSION}): rebuild it from scratch, or build into a new index"
                ),
            });
        }
        None => {
            return Err(Error::Engine {
                message: format!(
                    "{label} exists but was not built by annals (its mapping has no annals schema): choose another index name, or delete it"
                ),
            });
        }
    }
    let ours = mapping::field_types(&mapping::mappings());
    let theirs = mapping::field_types(mappings);
    let conflicts: Vec<String> = ours
        .iter()
        .filter_map(|(name, kind)| {
            let found = theirs.iter().find(|(n, _)| n == name).map(|(_, k)| k);
            (found != Some(kind)).then(|| {
                format!(
                    "{name} is {} where annals needs {kind}",
                    found.map_or("missing", String::as_str)
                )
            })
        })
        .collect();
    if conflicts.is_empty() {
        Ok(())
    } else {
        Err(Error::Engine {
            message: format!(
                "{label}: mapping conflict: {}: delete the index or build into a new one",
                conflicts.join("; ")
            ),
        })
    }
}

/// Every source the index holds, with the file stamps of its sentences.
fn indexed_stamps(client: &Client) -> Result<BTreeMap<String, Vec<String>>> {
    let mut stamps = BTreeMap::new();
    let mut after: Option<Value> = None;
    loop {
        let mut composite = json!({
            "size": 1000,
            "sources": [{"file": {"terms": {"field": Facet::Source.field()}}}]
        });
        if let Some(after) = &after {
            composite["after"] = after.clone();
        }
        let body = json!({
            "size": 0,
            "aggs": {"files": {
                "composite": composite,
                "aggs": {"stamps": {"terms": {"field": FILE_STAMP, "size": 2}}}
            }}
        });
        let answer = client.search(&body, "listing indexed files")?;
        let files = &answer["aggregations"]["files"];
        let buckets = files["buckets"].as_array().cloned().unwrap_or_default();
        for bucket in &buckets {
            let Some(source) = bucket["key"]["file"].as_str() else {
                continue;
            };
            let list = bucket["stamps"]["buckets"]
                .as_array()
                .map(|b| {
                    b.iter()
                        .filter_map(|s| s["key"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            stamps.insert(source.to_string(), list);
        }
        match files.get("after_key") {
            Some(key) if !buckets.is_empty() && !key.is_null() => after = Some(key.clone()),
            _ => return Ok(stamps),
        }
    }
}

/// A request the cluster refused, told with its reason.
pub fn engine_error(client: &Client, doing: &str, answer: &super::client::Answer) -> Error {
    let label = client.target.label();
    let message = match answer.status {
        404 => {
            format!("{label}: no such index: build it first (annals build with this engine URL)")
        }
        _ => format!("{label}: {doing} failed: {}", answer.reason()),
    };
    Error::Engine { message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_annals_own_mapping_of_this_version_is_written_into() {
        let ours = mapping::mappings();
        assert!(check_schema("x", &ours).is_ok());

        let mut older = ours.clone();
        older["_meta"]["annals_schema"] = json!(ENGINE_SCHEMA_VERSION + 1);
        let err = check_schema("x", &older).unwrap_err().to_string();
        assert!(err.contains("another annals"), "{err}");

        let foreign = json!({"properties": {"text": {"type": "text"}}});
        let err = check_schema("x", &foreign).unwrap_err().to_string();
        assert!(err.contains("not built by annals"), "{err}");

        let mut conflict = ours.clone();
        conflict["properties"][Facet::Year.field()] = json!({"type": "keyword"});
        conflict["properties"]
            .as_object_mut()
            .unwrap()
            .remove(Facet::Doc.field());
        let err = check_schema("x", &conflict).unwrap_err().to_string();
        assert!(err.contains("mapping conflict"), "{err}");
        assert!(err.contains("is keyword where annals needs long"), "{err}");
        assert!(
            err.contains("is missing where annals needs keyword"),
            "{err}"
        );
    }
}
