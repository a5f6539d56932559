//! Building an index: corpus files in, annotated sentences through
//! tantivy's writer, a new generation published atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::document::{SENTENCE_BITS, to_document};
use super::schema::{self, Fields};
use super::store::{IndexDir, WriteLock};
use crate::annotate;
use crate::corpus::{self, DocRules, ReadOptions, SourceFile, Warning};
use crate::error::{Error, Result};
use crate::vocab::facets::Facet;

/// What a build reads and how hard it works.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub index: PathBuf,
    /// Threads that read, segment and extract; tantivy indexes on half as many.
    pub threads: usize,
    /// tantivy's indexing memory budget, in bytes, for all threads together.
    pub heap_bytes: usize,
    pub read: ReadOptions,
    /// Rebuild from scratch even when an incremental build is possible.
    pub full: bool,
    /// Document dates and metadata facets; `None` keeps what the index's
    /// last build declared.
    pub rules: Option<DocRules>,
}

/// tantivy's indexing memory by default, in MB. The build's peak is about
/// this plus what a merge of the largest segments takes (see `merges`):
/// 128 MB keeps a 5-million-sentence build near 500 MB, where 256 MB went
/// past 700 MB for a few percent of speed.
pub const DEFAULT_HEAP_MB: usize = 128;

impl BuildOptions {
    pub fn new(index: impl Into<PathBuf>) -> Self {
        BuildOptions {
            index: index.into(),
            threads: default_threads(),
            heap_bytes: DEFAULT_HEAP_MB << 20,
            read: ReadOptions::default(),
            full: false,
            rules: None,
        }
    }
}

pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(16)
}

/// Told of a build's progress; the binary shows it as a progress bar.
pub trait BuildProgress: Sync {
    fn started(&self, _files: usize, _bytes: u64) {}
    /// A file was read to its end (its documents may still be extracting).
    fn file_done(&self, _bytes: u64) {}
    /// Sentences of one document were added.
    fn sentences_done(&self, _sentences: u64) {}
    fn finished(&self) {}
}

/// Shows nothing.
pub struct Silent;
impl BuildProgress for Silent {}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    /// Files read this time (all of them for a full build, the new and
    /// changed ones for an incremental one).
    pub files: usize,
    /// Whether the live index was updated in place.
    pub incremental: bool,
    /// Files of the corpus left as they were, and files removed from the index.
    pub unchanged: usize,
    pub removed: usize,
    pub documents: u64,
    pub sentences: u64,
    pub bytes: u64,
    pub seconds: f64,
    pub warnings: Vec<Warning>,
}

/// Facts about an index kept in its commit, written atomically with it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub annals_version: String,
    pub schema_version: u32,
    /// `sentence` or `document`.
    pub unit: String,
    pub files: u64,
    pub documents: u64,
    pub sentences: u64,
    /// Every indexed file by its source path: what an incremental build
    /// compares the corpus with.
    #[serde(default)]
    pub sources: BTreeMap<String, IndexedFile>,
    /// Where documents' dates and metadata facets came from.
    #[serde(default)]
    pub rules: DocRules,
    /// Person names that stand for another across the corpus (a bare
    /// surname for the one full name it ends), folded: the person facet
    /// counts them as that name and its filter finds them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub person_aliases: super::aliases::Aliases,
}

/// One indexed file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct IndexedFile {
    /// xxh3 of the file's bytes, in hex.
    pub hash: String,
    /// Sort position among the corpus files, with gaps so that files added
    /// later slot in without renumbering the others.
    pub rank: u64,
    pub documents: u64,
    pub sentences: u64,
}

/// The gap between ranks of consecutive files in a full build.
const RANK_GAP: u64 = 1 << 16;

/// Builds an index of the corpus under `paths`. When the live index was
/// built from the same kind of units by this schema, only new and changed
/// files are read and deleted files removed, in place, in one atomic tantivy
/// commit; otherwise (or with `full`) a new generation is written and
/// published. On any error the previous index stays live.
pub fn build(
    paths: &[PathBuf],
    options: &BuildOptions,
    progress: &dyn BuildProgress,
) -> Result<BuildStats> {
    let started = Instant::now();
    // The gazetteer's automaton and the word lists load while the corpus is
    // listed and hashed; the first document waits for them only if this
    // has not finished.
    std::thread::spawn(annotate::prepare);
    let dir = IndexDir::new(&options.index);
    let mut warnings = Vec::new();
    let files = corpus::collect_files(paths, &mut warnings)?;
    let lock = dir.lock()?;
    // Leftovers of builds that were killed go before a new one starts.
    dir.remove_stale(&lock)?;
    let hashes = hash_files(&files)?;
    let unit = if options.read.whole_documents {
        "document"
    } else {
        "sentence"
    };
    let existing = if dir.exists() {
        super::open(&options.index).ok()
    } else {
        None
    };
    // The rules a build declares, else those of the build before it; other
    // rules than the index was built with mean a full build.
    let rules = options
        .rules
        .clone()
        .or_else(|| existing.as_ref().map(|o| o.manifest.rules.clone()))
        .unwrap_or_default()
        .with_roots(paths);
    let options = &BuildOptions {
        rules: Some(rules.clone()),
        ..options.clone()
    };
    let live = existing.filter(|o| !options.full && o.manifest.rules == rules);
    let mut stats = match live {
        Some(open) if open.manifest.unit == unit && !open.manifest.sources.is_empty() => {
            let live = open.path.clone();
            let updated = update_in_place(open, &files, &hashes, options, progress)
                .map_err(|e| Error::writing(&live, e))?;
            match updated {
                Some(stats) => stats,
                None => build_generation(&dir, &lock, &files, &hashes, options, progress)?,
            }
        }
        _ => build_generation(&dir, &lock, &files, &hashes, options, progress)?,
    };
    progress.finished();
    warnings.append(&mut stats.warnings);
    stats.warnings = warnings;
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(stats)
}

/// Content hashes of the corpus files, in their order, each read in
/// pieces so that a huge file costs no more memory than a small one.
fn hash_files(files: &[SourceFile]) -> Result<Vec<String>> {
    use std::io::Read;
    let mut buffer = vec![0u8; 1 << 20];
    files
        .iter()
        .map(|f| {
            let mut file = std::fs::File::open(&f.path).map_err(|e| Error::io(&f.path, e))?;
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            loop {
                let n = file.read(&mut buffer).map_err(|e| Error::io(&f.path, e))?;
                if n == 0 {
                    break;
                }
                hasher.update(&buffer[..n]);
            }
            Ok(format!("{:016x}", hasher.digest()))
        })
        .collect()
}

/// A full build into a new generation, published when complete.
fn build_generation(
    dir: &IndexDir,
    lock: &WriteLock,
    files: &[SourceFile],
    hashes: &[String],
    options: &BuildOptions,
    progress: &dyn BuildProgress,
) -> Result<BuildStats> {
    let generation = dir.new_generation(lock)?;
    let written = (|| {
        let (index, fields) = create_index(&generation)?;
        let ranks: Vec<u64> = (1..=files.len() as u64).map(|i| i * RANK_GAP).collect();
        let todo: Vec<usize> = (0..files.len()).collect();
        let mut writer = new_writer(&index, options)?;
        let (stats, per_file) =
            index_files(&writer, &fields, files, &todo, &ranks, options, progress)
                .map_err(|e| worker_error(&mut writer, e))?;
        let sources = files
            .iter()
            .zip(hashes)
            .zip(&ranks)
            .zip(per_file)
            .map(|(((f, hash), &rank), (documents, sentences))| {
                (
                    f.display(),
                    IndexedFile {
                        hash: hash.clone(),
                        rank,
                        documents,
                        sentences,
                    },
                )
            })
            .collect();
        commit(&mut writer, &fields, options, sources)?;
        Ok(stats)
    })();
    match written {
        Ok(stats) => {
            dir.publish(&generation, lock)?;
            Ok(stats)
        }
        Err(err) => {
            let _ = std::fs::remove_dir_all(&generation);
            Err(Error::writing(&generation, err))
        }
    }
}

/// Updates the live index in place: deletes the sentences of changed and
/// removed files, adds those of changed and new files, commits once.
/// Returns `None` when the new files cannot be ranked between the old ones
/// (no gap left), and a full build is needed.
fn update_in_place(
    open: super::OpenIndex,
    files: &[SourceFile],
    hashes: &[String],
    options: &BuildOptions,
    progress: &dyn BuildProgress,
) -> Result<Option<BuildStats>> {
    let old = &open.manifest.sources;
    let names: Vec<String> = files.iter().map(SourceFile::display).collect();
    let Some(ranks) = assign_ranks(&names, old) else {
        return Ok(None);
    };
    let todo: Vec<usize> = (0..files.len())
        .filter(|&i| old.get(&names[i]).is_none_or(|f| f.hash != hashes[i]))
        .collect();
    let kept: std::collections::HashSet<&str> = names.iter().map(String::as_str).collect();
    let removed: Vec<&String> = old.keys().filter(|k| !kept.contains(k.as_str())).collect();
    let unchanged = files.len() - todo.len();
    if todo.is_empty() && removed.is_empty() {
        return Ok(Some(BuildStats {
            incremental: true,
            unchanged,
            ..BuildStats::default()
        }));
    }
    let mut writer = new_writer(&open.index, options)?;
    for &i in &todo {
        writer.delete_term(tantivy::Term::from_field_text(
            open.fields.source(),
            &names[i],
        ));
    }
    for name in &removed {
        writer.delete_term(tantivy::Term::from_field_text(open.fields.source(), name));
    }
    let (mut stats, per_file) = index_files(
        &writer,
        &open.fields,
        files,
        &todo,
        &ranks,
        options,
        progress,
    )
    .map_err(|e| worker_error(&mut writer, e))?;
    let mut sources = old.clone();
    for name in &removed {
        sources.remove(*name);
    }
    for (&i, (documents, sentences)) in todo.iter().zip(per_file) {
        sources.insert(
            names[i].clone(),
            IndexedFile {
                hash: hashes[i].clone(),
                rank: ranks[i],
                documents,
                sentences,
            },
        );
    }
    commit(&mut writer, &open.fields, options, sources)?;
    stats.incremental = true;
    stats.unchanged = unchanged;
    stats.removed = removed.len();
    Ok(Some(stats))
}

/// Ranks for the corpus files in sorted order: kept files keep theirs, new
/// ones take the middle of the gap between their neighbours. `None` when a
/// gap is used up or kept ranks are out of order.
fn assign_ranks(names: &[String], old: &BTreeMap<String, IndexedFile>) -> Option<Vec<u64>> {
    let mut ranks: Vec<Option<u64>> = names.iter().map(|n| old.get(n).map(|f| f.rank)).collect();
    let mut i = 0;
    while i < ranks.len() {
        if ranks[i].is_some() {
            i += 1;
            continue;
        }
        let run_end = (i..ranks.len())
            .find(|&j| ranks[j].is_some())
            .unwrap_or(ranks.len());
        let low = if i == 0 { 0 } else { ranks[i - 1]? };
        let high = ranks
            .get(run_end)
            .copied()
            .flatten()
            .unwrap_or(low + RANK_GAP * (run_end - i + 1) as u64);
        let count = (run_end - i) as u64;
        let step = high.checked_sub(low)? / (count + 1);
        if step == 0 {
            return None;
        }
        for (k, slot) in ranks[i..run_end].iter_mut().enumerate() {
            *slot = Some(low + step * (k as u64 + 1));
        }
        i = run_end;
    }
    let ranks: Vec<u64> = ranks.into_iter().collect::<Option<_>>()?;
    let ordered = ranks.windows(2).all(|w| w[0] < w[1]);
    let fits = ranks
        .last()
        .is_none_or(|&r| r < (1 << (64 - SENTENCE_BITS)));
    (ordered && fits).then_some(ranks)
}

/// When adding a document failed because one of tantivy's indexing threads
/// did ("an index writer was killed"), that thread's own error (a full
/// disk, the file-size limit), which joining the threads gives. Nothing is
/// committed either way.
fn worker_error(writer: &mut IndexWriter, err: Error) -> Error {
    if !matches!(err, Error::Tantivy(tantivy::TantivyError::ErrorInThread(_))) {
        return err;
    }
    match writer.prepare_commit() {
        Err(cause) => Error::Tantivy(cause),
        Ok(prepared) => {
            let _ = prepared.abort();
            err
        }
    }
}

fn new_writer(index: &Index, options: &BuildOptions) -> Result<IndexWriter> {
    // Two indexing threads, or half as many as extracting ones if that is
    // more. tantivy's share of a build's CPU (indexing, stemming,
    // compressing) is under half, but one indexing thread is the build's
    // critical path on 2 cores: sharing them with two extracting threads it
    // gets about 0.7 of a core, and while it writes a segment nothing else
    // moves. Two write their (half-sized) segments side by side. On the UN
    // corpus, 2 cores: 8.6 s against 9.3–10.3 s (medians of 3), peak RSS
    // 350 MB against 320. The price is on long documents: the Wikipedia
    // sample (400 files) builds in 39–40 s against 38 s, with a peak of
    // 531–538 MB against 306 MB, both segments' buffers full at once; under
    // the 600 MB bound. tantivy wants at least 15 MB per indexing thread.
    let threads = options.threads.max(1);
    let indexing_threads = threads
        .div_ceil(2)
        .max(2)
        .min(threads)
        .min((options.heap_bytes / (15 << 20)).max(1));
    // One merge at a time (tantivy runs up to four at once): a merge's memory,
    // its own and the pages of the segments it reads, is then the most a build
    // adds to its indexing budget, however many segments wait to merge.
    let writer: IndexWriter = index.writer_with_options(
        tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(indexing_threads)
            .memory_budget_per_thread(options.heap_bytes.max(15 << 20) / indexing_threads)
            .num_merge_threads(1)
            .build(),
    )?;
    writer.set_merge_policy(Box::new(super::merges::BoundedMerges::new(
        super::merges::DEFAULT_MAX_MERGED_DOCS,
    )));
    Ok(writer)
}

fn commit(
    writer: &mut IndexWriter,
    fields: &Fields,
    options: &BuildOptions,
    sources: BTreeMap<String, IndexedFile>,
) -> Result<()> {
    let manifest = Manifest {
        annals_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: schema::SCHEMA_VERSION,
        unit: if options.read.whole_documents {
            "document"
        } else {
            "sentence"
        }
        .to_string(),
        files: sources.len() as u64,
        documents: sources.values().map(|f| f.documents).sum(),
        sentences: sources.values().map(|f| f.sentences).sum(),
        sources,
        rules: options.rules.clone().unwrap_or_default(),
        person_aliases: Default::default(),
    };
    commit_with(writer, &manifest)?;
    // The aliases are read from the committed index's dictionaries, then
    // committed with the same manifest: until then (or if that second
    // commit fails) the index is whole, and its person facet only counts
    // bare surnames apart.
    let reader = writer
        .index()
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let person_aliases = super::aliases::person_aliases(&searcher, fields.of(Facet::Person))?;
    if !person_aliases.is_empty() {
        commit_with(
            writer,
            &Manifest {
                person_aliases,
                ..manifest
            },
        )?;
    }
    Ok(())
}

fn commit_with(writer: &mut IndexWriter, manifest: &Manifest) -> Result<()> {
    let payload = serde_json::to_string(manifest).map_err(|e| Error::BadQuery {
        message: e.to_string(),
    })?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

/// Opens (or creates) the tantivy index in `path` with annals' analyzers.
pub fn create_index(path: &Path) -> Result<(Index, Fields)> {
    let index = Index::builder()
        .schema(schema::build_schema())
        .settings(schema::index_settings())
        .create_in_dir(path)?;
    schema::register_analyzers(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok((index, fields))
}

/// Documents read ahead of the threads that extract them, per thread: enough
/// to keep every thread busy when one file (a large JSONL export) feeds them
/// all, few enough that memory does not grow with the corpus.
const QUEUED_DOCUMENTS_PER_THREAD: usize = 4;

/// Sentences extracted and waiting for tantivy's indexing threads. While
/// they write their segments (most of a second on a million sentences) they
/// take none; without this queue the extracting threads would wait with
/// them. About a kilobyte each: 16 MB at most.
const READY_SENTENCES: usize = 16 * 1024;

/// A document read from the `k`th file of `todo`, on its way to extraction.
struct Queued {
    k: usize,
    rank: u64,
    document: corpus::Document,
}

/// Reads, extracts and adds the files `todo` (indexes into `files`) on
/// `options.threads` threads. Returns the totals and, for each file of
/// `todo`, its documents and sentences.
///
/// Every thread reads the next unread file and hands its documents to a
/// short queue that all threads drain: with many files each thread mostly
/// extracts what it read, and with one large file the others extract
/// documents of it, so no core waits on one reader. A reader that finds the
/// queue full extracts the document itself, which bounds the queue without
/// ever blocking. Extracted sentences go through a second queue
/// (`READY_SENTENCES`) to one thread that hands them to tantivy.
fn index_files(
    writer: &IndexWriter,
    fields: &Fields,
    files: &[SourceFile],
    todo: &[usize],
    ranks: &[u64],
    options: &BuildOptions,
    progress: &dyn BuildProgress,
) -> Result<(BuildStats, Vec<(u64, u64)>)> {
    let sizes: Vec<u64> = todo
        .iter()
        .map(|&i| std::fs::metadata(&files[i].path).map_or(0, |m| m.len()))
        .collect();
    progress.started(todo.len(), sizes.iter().sum());
    let threads = options.threads.max(1);
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    let totals = Mutex::new(BuildStats::default());
    let per_file: Vec<(AtomicU64, AtomicU64)> = (0..todo.len())
        .map(|_| (AtomicU64::new(0), AtomicU64::new(0)))
        .collect();
    let fail = |err: Error| {
        failed.store(true, Ordering::Relaxed);
        first_error
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert(err);
    };
    let (ready, to_index) = crossbeam_channel::bounded::<TantivyDocument>(READY_SENTENCES);
    let (sender, receiver) =
        crossbeam_channel::bounded::<Queued>(threads * QUEUED_DOCUMENTS_PER_THREAD);
    std::thread::scope(|outer| {
        let ready = ready;
        // Hands the extracted sentences to tantivy. It drains the queue to the
        // end, failed or not, so that no extracting thread waits on it forever.
        outer.spawn(|| {
            for document in to_index.iter() {
                if failed.load(Ordering::Relaxed) {
                    continue;
                }
                if let Err(err) = writer.add_document(document) {
                    fail(err.into());
                }
            }
        });
        // Extracts one document into sentences ready to index, counting it for its file.
        let add = |queued: Queued| -> Result<()> {
            let mut sentences = 0u64;
            for annotated in annotate::annotate_document(&queued.document) {
                sentences += 1;
                // Its reader drains the queue until every sender is gone, so a
                // send fails only if that thread died, which stops the build.
                ready
                    .send(to_document(fields, &annotated, queued.rank))
                    .map_err(|_| Error::Stopped)?;
            }
            let (documents, file_sentences) = &per_file[queued.k];
            documents.fetch_add(1, Ordering::Relaxed);
            file_sentences.fetch_add(sentences, Ordering::Relaxed);
            progress.sentences_done(sentences);
            Ok(())
        };
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let sender = sender.clone();
                let receiver = receiver.clone();
                let (add, fail) = (&add, &fail);
                let (next, failed, totals) = (&next, &failed, &totals);
                let sizes = &sizes;
                scope.spawn(move || {
                    let mut local = BuildStats::default();
                    while !failed.load(Ordering::Relaxed) {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&i) = todo.get(k) else { break };
                        let mut rule_warnings = Vec::new();
                        let mut each = |mut document: corpus::Document| -> Result<()> {
                            if failed.load(Ordering::Relaxed) {
                                return Err(Error::Stopped);
                            }
                            let rules = options.rules.as_ref();
                            if let Some(warning) =
                                rules.and_then(|r| r.apply(&files[i].path, &mut document))
                            {
                                rule_warnings.push(warning);
                            }
                            let queued = Queued {
                                k,
                                rank: ranks[i],
                                document,
                            };
                            match sender.try_send(queued) {
                                Ok(()) => Ok(()),
                                Err(crossbeam_channel::TrySendError::Full(queued))
                                | Err(crossbeam_channel::TrySendError::Disconnected(queued)) => {
                                    add(queued)
                                }
                            }
                        };
                        let mut warnings = Vec::new();
                        let outcome =
                            corpus::read_file(&files[i], options.read, &mut warnings, &mut each);
                        local.warnings.append(&mut warnings);
                        local.warnings.append(&mut rule_warnings);
                        match outcome {
                            Ok(()) => {
                                local.files += 1;
                                local.bytes += sizes[k];
                                progress.file_done(sizes[k]);
                            }
                            Err(Error::Stopped) => break,
                            Err(err) => {
                                fail(err);
                                break;
                            }
                        }
                    }
                    // No file left to read: help extract what others read, until
                    // every reader is done and the queue is empty.
                    drop(sender);
                    for queued in receiver.iter() {
                        if failed.load(Ordering::Relaxed) {
                            continue;
                        }
                        if let Err(err) = add(queued) {
                            fail(err);
                        }
                    }
                    let mut totals = totals.lock().unwrap_or_else(|p| p.into_inner());
                    totals.files += local.files;
                    totals.bytes += local.bytes;
                    totals.warnings.extend(local.warnings);
                });
            }
            drop(sender);
        });
        // Every extracting thread is done: the indexer finishes the queue and stops.
        drop(ready);
    });
    if let Some(err) = first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(err);
    }
    let mut stats = totals.into_inner().unwrap_or_else(|p| p.into_inner());
    let per_file: Vec<(u64, u64)> = per_file
        .into_iter()
        .map(|(d, s)| (d.into_inner(), s.into_inner()))
        .collect();
    stats.documents = per_file.iter().map(|(d, _)| d).sum();
    stats.sentences = per_file.iter().map(|(_, s)| s).sum();
    stats.warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((stats, per_file))
}
