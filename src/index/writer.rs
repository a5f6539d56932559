//! Building an index: corpus files in, annotated sentences through
//! tantivy's writer, a new generation published atomically.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::schema::{self, Fields};
use super::store::IndexDir;
use crate::corpus::{self, ReadOptions, SourceFile, Warning};
use crate::error::{Error, Result};
use crate::extract::{self, Annotated, dates::Precision};

/// What a build reads and how hard it works.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub index: PathBuf,
    /// Threads that read, segment and extract; also tantivy's indexing threads.
    pub threads: usize,
    /// tantivy's indexing memory budget, in bytes, for all threads together.
    pub heap_bytes: usize,
    pub read: ReadOptions,
}

impl BuildOptions {
    pub fn new(index: impl Into<PathBuf>) -> Self {
        BuildOptions {
            index: index.into(),
            threads: default_threads(),
            heap_bytes: 256 << 20,
            read: ReadOptions::default(),
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
    fn file_done(&self, _bytes: u64, _sentences: u64) {}
    fn finished(&self) {}
}

/// Shows nothing.
pub struct Silent;
impl BuildProgress for Silent {}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    pub files: usize,
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
}

/// Builds an index of the corpus under `paths` into a new generation and
/// publishes it. On any error the previous index stays live.
pub fn build(
    paths: &[PathBuf],
    options: &BuildOptions,
    progress: &dyn BuildProgress,
) -> Result<BuildStats> {
    let started = Instant::now();
    let dir = IndexDir::new(&options.index);
    let mut warnings = Vec::new();
    let files = corpus::collect_files(paths, &mut warnings)?;
    let lock = dir.lock()?;
    // Leftovers of builds that were killed go before a new one starts.
    dir.remove_stale(&lock)?;
    let generation = dir.new_generation(&lock)?;
    let result = write_generation(&generation, &files, options, progress);
    progress.finished();
    let mut stats = match result {
        Ok(stats) => stats,
        Err(err) => {
            let _ = std::fs::remove_dir_all(&generation);
            return Err(err);
        }
    };
    dir.publish(&generation, &lock)?;
    warnings.append(&mut stats.warnings);
    stats.warnings = warnings;
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(stats)
}

/// Opens (or creates) the tantivy index in `path` with annals' analyzers.
pub fn create_index(path: &Path) -> Result<(Index, Fields)> {
    let index = Index::create_in_dir(path, schema::build_schema())?;
    schema::register_analyzers(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok((index, fields))
}

fn write_generation(
    path: &Path,
    files: &[SourceFile],
    options: &BuildOptions,
    progress: &dyn BuildProgress,
) -> Result<BuildStats> {
    let (index, fields) = create_index(path)?;
    let threads = options.threads.max(1);
    // tantivy wants at least 15 MB per indexing thread.
    let indexing_threads = threads.min((options.heap_bytes / (15 << 20)).max(1));
    let mut writer: IndexWriter =
        index.writer_with_num_threads(indexing_threads, options.heap_bytes.max(15 << 20))?;
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .collect();
    progress.started(files.len(), sizes.iter().sum());

    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    let totals = Mutex::new(BuildStats::default());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut local = BuildStats::default();
                while !failed.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let before = local.sentences;
                    let outcome = index_file(&writer, &fields, file, i, options.read, &mut local);
                    if let Err(err) = outcome {
                        failed.store(true, Ordering::Relaxed);
                        first_error
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .get_or_insert(err);
                        break;
                    }
                    local.files += 1;
                    local.bytes += sizes[i];
                    progress.file_done(sizes[i], local.sentences - before);
                }
                let mut totals = totals.lock().unwrap_or_else(|p| p.into_inner());
                totals.files += local.files;
                totals.documents += local.documents;
                totals.sentences += local.sentences;
                totals.bytes += local.bytes;
                totals.warnings.extend(local.warnings);
            });
        }
    });
    if let Some(err) = first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(err);
    }
    let mut stats = totals.into_inner().unwrap_or_else(|p| p.into_inner());
    stats.warnings.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest {
        annals_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: schema::SCHEMA_VERSION,
        unit: if options.read.whole_documents {
            "document"
        } else {
            "sentence"
        }
        .to_string(),
        files: stats.files as u64,
        documents: stats.documents,
        sentences: stats.sentences,
    };
    let payload = serde_json::to_string(&manifest).map_err(|e| Error::BadQuery {
        message: e.to_string(),
    })?;
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&payload);
    commit.commit()?;
    writer.wait_merging_threads()?;
    Ok(stats)
}

fn index_file(
    writer: &IndexWriter,
    fields: &Fields,
    file: &SourceFile,
    rank: usize,
    read: ReadOptions,
    stats: &mut BuildStats,
) -> Result<()> {
    let mut warnings = Vec::new();
    let mut each = |doc: corpus::Document| -> Result<()> {
        stats.documents += 1;
        for annotated in extract::annotate_document(&doc) {
            stats.sentences += 1;
            writer.add_document(to_document(fields, &annotated, rank))?;
        }
        Ok(())
    };
    let outcome = corpus::read_file(file, read, &mut warnings, &mut each);
    stats.warnings.append(&mut warnings);
    outcome
}

/// Longest run of days one mention adds to the day field: a month. Longer
/// spans are years or more and belong to the year field.
const MAX_DAYS_PER_MENTION: i64 = 31;

fn to_document(fields: &Fields, annotated: &Annotated, file_rank: usize) -> TantivyDocument {
    let record = &annotated.record;
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.text, &record.text);
    let stored = serde_json::to_vec(&extract::SentenceRecord {
        text: String::new(),
        ..record.clone()
    })
    .unwrap_or_default();
    doc.add_bytes(fields.record, &stored);
    doc.add_text(fields.source, &record.source);
    doc.add_text(fields.doc, &record.doc);
    doc.add_u64(
        fields.order,
        ((file_rank as u64) << 32) | (record.sentence & 0xFFFF_FFFF),
    );
    for &y in &record.years {
        doc.add_i64(fields.year, i64::from(y));
    }
    for &d in &record.decades {
        doc.add_i64(fields.decade, i64::from(d));
    }
    for &c in &record.centuries {
        doc.add_i64(fields.century, i64::from(c));
    }
    for mention in &annotated.mentions {
        if !matches!(mention.precision, Precision::Day | Precision::Month)
            || mention.calendar.is_some()
        {
            continue;
        }
        let (Some(from), Some(to)) = (mention.from, mention.to) else {
            continue;
        };
        let first = extract::day_number(from.year, from.month.unwrap_or(1), from.day.unwrap_or(1));
        let to_month = to.month.unwrap_or(12);
        let last_day = to
            .day
            .unwrap_or_else(|| extract::days_in_month(to.year, to_month));
        let last = extract::day_number(to.year, to_month, last_day);
        for day in first..=last.min(first + MAX_DAYS_PER_MENTION - 1) {
            doc.add_i64(fields.day, day);
        }
    }
    if let Some(first) = extract::earliest_day(&annotated.mentions) {
        doc.add_i64(fields.first_day, first);
    }
    for country in &record.countries {
        doc.add_text(fields.country, schema::keyword(&country.code));
    }
    for (field, keys) in [
        (fields.person, &annotated.person_keys),
        (fields.org, &annotated.org_keys),
        (fields.place, &annotated.place_keys),
    ] {
        for key in keys {
            doc.add_text(field, schema::keyword(key));
        }
    }
    doc
}
