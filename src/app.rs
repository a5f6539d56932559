//! The commands: one function each, between parsed arguments and the
//! library. They print results to stdout, warnings and summaries to stderr,
//! and say whether anything was found (grep's exit statuses).

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::annotate;
use crate::corpus::{self, ReadOptions, Warning};
use crate::engine;
use crate::error::{Error, Result};
use crate::index::{self, BuildOptions, BuildStats};
use crate::render::tables::{self, TableFormat};
use crate::render::{self, KwicLayout, Style};
use crate::search::{
    CollocatesRequest, ContextRequest, Engine, KeywordsRequest, RenderHit, SearchRequest,
    TrendRequest, each_rendered,
};
use crate::serve::{self, ServeOptions};
use crate::vocab::contract::{Context, SearchResult, Trend};

/// Whether a command found something: exit status 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NothingFound,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
}

/// How an export writes hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendFormat {
    Text,
    Json,
    Csv,
}

/// The default corpus and index folders, relative to where annals runs.
pub const DEFAULT_CORPUS: &str = "corpus";
pub const DEFAULT_INDEX: &str = "index";

pub fn print_warnings(warnings: &[Warning]) {
    let mut err = io::stderr().lock();
    for w in warnings {
        let _ = writeln!(err, "annals: warning: {w}");
    }
}

/// `annals build`: builds, then prints one summary line to stderr.
pub fn build(paths: &[PathBuf], options: &BuildOptions) -> Result<Outcome> {
    build_with_summary(paths, options).map(|_| Outcome::Found)
}

fn build_with_summary(paths: &[PathBuf], options: &BuildOptions) -> Result<BuildStats> {
    survive_file_size_limit();
    let progress = render::ProgressBar::for_stderr();
    let stats = index::build(paths, options, &progress)?;
    print_warnings(&stats.warnings);
    // The index's statistics, counted once now rather than at every
    // `annals stats` and page load; an index without them still answers.
    if let Err(e) = Engine::open(&options.index).and_then(|engine| engine.store_stats()) {
        eprintln!("annals: warning: the index's statistics were not stored: {e}");
    }
    let index = options.index.display();
    let n = |count: usize, noun: &str| render::plural(count as u64, noun);
    if said_up_to_date(&stats, &index) {
        // Nothing read, nothing more to say.
    } else if stats.incremental {
        eprintln!(
            "annals: updated {index}: read {} ({}), removed {}, kept {} unchanged, in {:.2}s",
            n(stats.files, "new or changed file"),
            render::plural(stats.sentences, "sentence"),
            stats.removed,
            stats.unchanged,
            stats.seconds
        );
    } else {
        eprintln!(
            "annals: indexed {} from {} ({}, {:.1} MB) into {index} in {:.2}s",
            render::plural(stats.sentences, "sentence"),
            n(stats.files, "file"),
            render::plural(stats.documents, "document"),
            stats.bytes as f64 / 1e6,
            stats.seconds
        );
    }
    if stats.sentences == 0 && !stats.incremental {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "annals: warning: found no sentences in {}: check the path, or that the files are .txt, .md, .jsonl, .json or WikiExtractor files",
            named.join(", ")
        );
    }
    Ok(stats)
}

/// Past the file-size limit (`ulimit -f`), a write raises SIGXFSZ, which
/// kills the process without a word; with a handler installed the write
/// fails instead (EFBIG), and the build reports which file and why.
fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
        else {
            return;
        };
        // tokio's handler stays installed for the life of the process,
        // after the runtime and the stream are gone.
        let _ = runtime.block_on(async { signal(SignalKind::from_raw(libc::SIGXFSZ)).map(drop) });
    }
}

/// When `index` is the default one, missing, and the default corpus is
/// there, builds it, saying so: the quick start needs no separate build.
pub fn build_default_index_if_missing(index: &Path) -> Result<()> {
    if index == Path::new(DEFAULT_INDEX)
        && !index::IndexDir::new(index).exists()
        && Path::new(DEFAULT_CORPUS).is_dir()
    {
        eprintln!("annals: no index at {DEFAULT_INDEX}/: building it from {DEFAULT_CORPUS}/ first");
        build_with_summary(&[PathBuf::from(DEFAULT_CORPUS)], &BuildOptions::new(index))?;
    }
    Ok(())
}

/// How `annals query` prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryView {
    Text,
    Json,
    /// Concordance lines.
    Kwic(KwicLayout),
}

impl QueryView {
    /// The search this view needs: concordance lines need each hit's cut.
    fn request(self, request: &SearchRequest) -> SearchRequest {
        let mut request = request.clone();
        request.kwic |= matches!(self, QueryView::Kwic(_));
        request
    }
}

/// What `annals query` writes: a page of results, or every hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryOutput {
    Page(QueryView),
    Export(ExportFormat),
}

/// `annals query`, building the default index first if it is missing.
pub fn query(request: &SearchRequest, index: &Path, output: QueryOutput) -> Result<Outcome> {
    let view = match output {
        QueryOutput::Page(view) => view,
        QueryOutput::Export(format) => return export_hits(request, index, format),
    };
    build_default_index_if_missing(index)?;
    let engine = open_checked(index)?;
    let request = view.request(request);
    let result = reading(&engine, || engine.search(&request))?;
    print_page(&result, view)
}

/// Writes a page of results as `view` asks; found if anything matched.
fn print_page(result: &SearchResult, view: QueryView) -> Result<Outcome> {
    to_stdout(|out| match view {
        QueryView::Json => render::search_json(result, out),
        QueryView::Text => render::search_text(result, Style::for_stdout(), out),
        QueryView::Kwic(layout) => render::kwic_text(result, layout, Style::for_stdout(), out),
    })?;
    Ok(Outcome::found_if(result.total > 0))
}

/// `annals collocates`.
pub fn collocates(
    request: &CollocatesRequest,
    index: &Path,
    format: TableFormat,
) -> Result<Outcome> {
    build_default_index_if_missing(index)?;
    let engine = open_checked(index)?;
    let result = reading(&engine, || engine.collocates(request))?;
    to_stdout(|out| tables::collocates(&result, format, Style::for_stdout(), out))?;
    Ok(Outcome::found_if(!result.collocates.is_empty()))
}

/// `annals keywords`.
pub fn keywords(request: &KeywordsRequest, index: &Path, format: TableFormat) -> Result<Outcome> {
    build_default_index_if_missing(index)?;
    let engine = open_checked(index)?;
    let result = reading(&engine, || engine.keywords(request))?;
    to_stdout(|out| tables::keywords(&result, format, Style::for_stdout(), out))?;
    Ok(Outcome::found_if(!result.keywords.is_empty()))
}

/// `annals query --format csv|jsonl`: every hit up to the limit, each
/// written as soon as it is read.
fn export_hits(request: &SearchRequest, index: &Path, format: ExportFormat) -> Result<Outcome> {
    build_default_index_if_missing(index)?;
    let engine = open_checked(index)?;
    write_hits(format, |render, each| {
        reading(&engine, || engine.export(request, render, each))
    })
}

/// Writes the hits `export` hands over, rendered as `format`, to standard
/// output, until the reader closes it; found if anything matched.
fn write_hits(
    format: ExportFormat,
    export: impl FnOnce(&RenderHit, &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<u64>,
) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if format == ExportFormat::Csv {
        finish_output(render::csv_header(&render::hit_columns(), &mut out))?;
    }
    let render: &RenderHit = match format {
        ExportFormat::Csv => &render::hit_csv,
        ExportFormat::Jsonl => &render::hit_jsonl,
    };
    let exported = export(render, &mut |row| match out.write_all(row) {
        // The reader has what it wanted: stop reading hits.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Error::Stopped),
        written => finish_output(written),
    });
    let total = match exported {
        Ok(total) => total,
        // Rows were written, so something matched.
        Err(Error::Stopped) => return Ok(Outcome::found_if(true)),
        Err(e) => return Err(e),
    };
    finish_output(out.flush())?;
    Ok(Outcome::found_if(total > 0))
}

/// `annals trend`.
pub fn trend(request: &TrendRequest, index: &Path, format: TrendFormat) -> Result<Outcome> {
    build_default_index_if_missing(index)?;
    let engine = open_checked(index)?;
    let trend = reading(&engine, || engine.trend(request))?;
    print_trend(&trend, format)
}

/// `annals trend --engine`: the same series and output over a cluster.
pub fn trend_engine(request: &TrendRequest, url: &str, format: TrendFormat) -> Result<Outcome> {
    let client = readable_engine(url)?;
    let trend = engine::trend(&client, request)?;
    print_trend(&trend, format)
}

fn print_trend(trend: &Trend, format: TrendFormat) -> Result<Outcome> {
    to_stdout(|out| match format {
        TrendFormat::Json => render::trend_json(trend, out),
        TrendFormat::Csv => render::trend_csv(trend, out),
        TrendFormat::Text => render::trend_text(trend, Style::for_stdout(), out),
    })?;
    let found = trend.series.iter().any(|s| s.total > 0);
    Ok(Outcome::found_if(found))
}

impl Outcome {
    fn found_if(found: bool) -> Outcome {
        if found {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }
}

/// Writes to standard output through a buffer.
fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    finish_output(write(&mut out).and_then(|()| out.flush()))
}

/// A closed pipe (`annals query … | head`) is not an error.
fn finish_output(result: io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("<stdout>", e)),
        Ok(()) => Ok(()),
    }
}

/// `annals extract`: what build would index, sentence by sentence, from
/// files and folders or, with no path, from standard input.
pub fn extract(paths: &[PathBuf], read: ReadOptions, format: OutputFormat) -> Result<Outcome> {
    let style = Style::for_stdout();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut warnings = Vec::new();
    let mut count = 0u64;
    let mut print = |doc: corpus::Document| -> Result<()> {
        for annotated in annotate::annotate_document(&doc) {
            count += 1;
            let written = match format {
                OutputFormat::Json => render::extract_jsonl(&annotated.record, &mut out),
                OutputFormat::Text => render::extract_text(&annotated.record, style, &mut out),
            };
            finish_output(written)?;
        }
        Ok(())
    };
    if paths.is_empty() {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        corpus::read_text(bytes, Path::new("<stdin>"), read, &mut warnings, &mut print)?;
    } else {
        let files = corpus::collect_files(paths, &mut warnings)?;
        for file in &files {
            corpus::read_file(file, read, &mut warnings, &mut print)?;
        }
    }
    finish_output(out.flush())?;
    print_warnings(&warnings);
    Ok(Outcome::found_if(count > 0))
}

/// `annals show`: a sentence with its neighbours.
pub fn show(index: &Path, location: &str, around: usize, format: OutputFormat) -> Result<Outcome> {
    build_default_index_if_missing(index)?;
    let request = context_request(location, around)?;
    let engine = open_checked(index)?;
    let context = reading(&engine, || engine.context(&request))?;
    print_context(&context, format)
}

/// `annals show --engine`: the same reading over a cluster.
pub fn show_engine(
    url: &str,
    location: &str,
    around: usize,
    format: OutputFormat,
) -> Result<Outcome> {
    let request = context_request(location, around)?;
    let client = readable_engine(url)?;
    let context = engine::context(&client, &request)?;
    print_context(&context, format)
}

/// `source:line` and the neighbours asked for, as a request.
fn context_request(location: &str, around: usize) -> Result<ContextRequest> {
    let (source, line) =
        crate::search::parse_location(location).map_err(|message| Error::BadLocation {
            location: location.to_string(),
            message,
        })?;
    Ok(ContextRequest {
        source: source.to_string(),
        line,
        sentence: None,
        around,
    })
}

fn print_context(context: &Context, format: OutputFormat) -> Result<Outcome> {
    to_stdout(|out| match format {
        OutputFormat::Json => render::context_json(context, out),
        OutputFormat::Text => render::context_text(context, Style::for_stdout(), out),
    })?;
    Ok(Outcome::found_if(!context.sentences.is_empty()))
}

/// Indexes up to this size are checked against their checksums whenever a
/// query or `stats` opens them (a few milliseconds): a damaged byte is then
/// reported, not searched. Larger ones are checked by `stats --verify` and
/// by the server, which checks every generation it opens.
pub const VERIFY_ON_OPEN_BYTES: u64 = 64 << 20;

/// Opens the index for reading, checking small ones whole.
fn open_checked(index: &Path) -> Result<Engine> {
    let engine = Engine::open(index)?;
    let open = engine.index();
    if index::size(open) <= VERIFY_ON_OPEN_BYTES {
        let damage = index::verify(open)?;
        if !damage.is_empty() {
            return Err(index::damaged_error(open, &damage));
        }
    }
    Ok(engine)
}

/// Runs `read` on an opened index, taking what only damage explains (a
/// file tantivy finds corrupt or cannot read, a panic in its decoding) as
/// a damaged index.
fn reading<T>(engine: &Engine, read: impl FnOnce() -> Result<T>) -> Result<T> {
    use tantivy::TantivyError as T;
    let path = &engine.index().path;
    let damaged = |message: String| Error::BadIndex {
        path: path.clone(),
        message,
    };
    // tantivy's decoders may panic on bytes they never wrote; the panic
    // message would only confuse, the error below says what to do.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    match outcome {
        Ok(Err(Error::Tantivy(
            e @ (T::DataCorruption(_)
            | T::IoError(_)
            | T::OpenReadError(_)
            | T::OpenDirectoryError(_)
            | T::IncompatibleIndex(_)
            | T::InternalError(_)),
        ))) => Err(damaged(format!("is damaged ({e})"))),
        Ok(answer) => answer,
        Err(_) => Err(damaged("is damaged (it could not be decoded)".into())),
    }
}

/// `annals stats`; with `verify`, every file's checksum is checked first,
/// and any damage listed and reported as an error.
pub fn stats(index: &Path, format: OutputFormat, verify: bool) -> Result<Outcome> {
    let engine = Engine::open(index)?;
    if verify {
        let open = engine.index();
        let damage = index::verify(open)?;
        for d in &damage {
            eprintln!("annals: damaged: {}: {}", d.path.display(), d.problem);
        }
        if !damage.is_empty() {
            return Err(index::damaged_error(open, &damage));
        }
        eprintln!(
            "annals: {}: every file passed its checksum",
            open.path.display()
        );
    } else if index::size(engine.index()) <= VERIFY_ON_OPEN_BYTES {
        let open = engine.index();
        let damage = index::verify(open)?;
        if !damage.is_empty() {
            return Err(index::damaged_error(open, &damage));
        }
    }
    let stats = reading(&engine, || engine.stats())?;
    to_stdout(|out| match format {
        OutputFormat::Json => render::stats_json(&stats, out),
        OutputFormat::Text => render::stats_text(&stats, Style::for_stdout(), out),
    })?;
    Ok(Outcome::found_if(stats.sentences > 0))
}

/// `annals serve`, building the default index first if it is missing.
pub fn serve(index: &Path, options: ServeOptions) -> Result<Outcome> {
    build_default_index_if_missing(index)?;
    let live = serve::Live::open(index)?;
    serve::run(serve::Backend::Local(Arc::new(live)), options)?;
    Ok(Outcome::Found)
}

/// `annals serve --engine`: the same page and API over a cluster's index.
pub fn serve_engine(url: &str, mut options: ServeOptions) -> Result<Outcome> {
    let client = readable_engine(url)?;
    options.index_label = client.target.label();
    // No folder of this machine is served, so none is redacted.
    options.index_root = PathBuf::new();
    serve::run(serve::Backend::Engine(Arc::new(client)), options)?;
    Ok(Outcome::Found)
}

/// `annals build --engine`: builds into an OpenSearch or Elasticsearch
/// index, then prints one summary line to stderr.
pub fn build_into_engine(paths: &[PathBuf], options: &BuildOptions, url: &str) -> Result<Outcome> {
    let client = engine_client(url)?;
    let build = engine::EngineBuild {
        read: options.read,
        threads: options.threads,
        full: options.full,
        rules: options.rules.clone(),
        ..engine::EngineBuild::default()
    };
    let progress = render::ProgressBar::for_stderr();
    let stats = engine::build(&client, paths, &build, &progress)?;
    print_warnings(&stats.warnings);
    let label = client.target.label();
    let n = |count: usize, noun: &str| render::plural(count as u64, noun);
    if !said_up_to_date(&stats, &label) {
        eprintln!(
            "annals: loaded {} from {} ({}) into {label} in {:.2}s ({:.0} sentences/s); removed {}, kept {} unchanged",
            render::plural(stats.sentences, "sentence"),
            n(stats.files, "new or changed file"),
            render::plural(stats.documents, "document"),
            stats.seconds,
            stats.sentences as f64 / stats.seconds.max(1e-9),
            n(stats.removed, "file"),
            stats.unchanged
        );
    }
    Ok(Outcome::Found)
}

/// Says on stderr that a build found nothing to do, if it did: an
/// incremental build that read and removed no file.
fn said_up_to_date(stats: &BuildStats, target: &dyn std::fmt::Display) -> bool {
    let nothing = stats.incremental && stats.files == 0 && stats.removed == 0;
    if nothing {
        eprintln!(
            "annals: {target} is up to date ({} unchanged)",
            render::plural(stats.unchanged as u64, "file")
        );
    }
    nothing
}

/// A client for `url` that tells retries on stderr.
fn engine_client(url: &str) -> Result<engine::Client> {
    let mut client = engine::connect(url)?;
    client.on_retry = Some(Box::new(|note| eprintln!("annals: engine: {note}")));
    Ok(client)
}

/// The engine at `url`, its index checked to be annals' own, for reading.
fn readable_engine(url: &str) -> Result<engine::Client> {
    let client = engine_client(url)?;
    engine::check_readable(&client)?;
    Ok(client)
}

/// `annals query --engine`: the same search and output over a cluster.
pub fn query_engine(request: &SearchRequest, url: &str, output: QueryOutput) -> Result<Outcome> {
    let client = readable_engine(url)?;
    let view = match output {
        QueryOutput::Page(view) => view,
        QueryOutput::Export(format) => {
            return write_hits(format, |render, each| {
                engine::export_hits(&client, request, &mut each_rendered(render, each))
            });
        }
    };
    let result = engine::search(&client, &view.request(request))?;
    print_page(&result, view)
}

/// `annals stats --engine`.
pub fn stats_engine(url: &str, format: OutputFormat) -> Result<Outcome> {
    let client = engine_client(url)?;
    let stats = engine::stats(&client)?;
    to_stdout(|out| match format {
        OutputFormat::Json => render::stats_json(&stats, out),
        OutputFormat::Text => render::stats_text(&stats, Style::for_stdout(), out),
    })?;
    Ok(Outcome::found_if(stats.sentences > 0))
}

/// `annals export`: the index definition and NDJSON for another loader.
pub fn export(
    paths: &[PathBuf],
    read: ReadOptions,
    target: engine::export::ExportTarget,
    index_id: &str,
    out: &Path,
) -> Result<Outcome> {
    let stats = engine::export::export(paths, read, target, index_id, out)?;
    print_warnings(&stats.warnings);
    let written: Vec<String> = stats
        .written
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    eprintln!(
        "annals: exported {} from {} into {}",
        render::plural(stats.sentences, "sentence"),
        render::plural(stats.files as u64, "file"),
        written.join(" and ")
    );
    Ok(Outcome::found_if(stats.sentences > 0))
}

/// How an index folder is named to people: `index/`.
pub fn index_label(index: &Path) -> String {
    format!("{}/", index.display().to_string().trim_end_matches('/'))
}
