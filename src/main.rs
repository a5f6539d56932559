//! The `annals` command: parses arguments and dispatches to the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use annals::app::{self, Outcome, OutputFormat};
use annals::corpus::ReadOptions;
use annals::index::BuildOptions;
use annals::search::{FacetKind, SearchRequest, Sort};
use annals::serve::ServeOptions;

// Building allocates many small strings on every thread; mimalloc keeps
// that cheaper than glibc's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sentence-level full-text search for people who study what happened, when
/// and where: ranked keyword search with dates, countries, people and
/// organizations as filters and facets.
#[derive(Parser)]
#[command(name = "annals", version, propagate_version = true)]
#[command(
    after_help = "Exit status: 0 results, 1 no results, 2 error.\n\nStart with:\n  annals build             index the files under corpus/ into index/\n  annals query Baku --facet year,country"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split files into sentences, extract dates and entities, write the index.
    ///
    /// Reads .txt, .md and extensionless files (plain text or WikiExtractor
    /// <doc> files) and .jsonl/.ndjson records ({"text": …, "id", "title",
    /// "date", other keys kept}), walking folders in sorted order. The new
    /// index replaces the old one only when complete.
    Build(BuildArgs),
    /// Search the index: ranked sentences, filters and facet counts.
    ///
    /// QUERY uses tantivy's syntax: words, "phrases", AND/OR/-word,
    /// field:value (country:IR, person:Aliyev, year:[1990 TO 2010]);
    /// `*` matches every sentence.
    Query(Box<QueryArgs>),
    /// Show what build would index: sentences, provenance, dates, entities.
    Extract(ExtractArgs),
    /// Show what an index holds: counts, size, years, top countries and names.
    Stats(StatsArgs),
    /// Serve a search page and a JSON API over HTTP (loopback by default).
    ///
    /// GET / is the search page; GET /api/search takes the query flags as
    /// parameters (q, limit, offset, facet, year, country, …) and answers
    /// the JSON of `annals query --format json`; GET /api/stats and
    /// GET /api/health. Stop with Ctrl-C.
    Serve(ServeArgs),
}

#[derive(Args)]
struct ServeArgs {
    /// The index folder to serve.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    index: PathBuf,
    /// Address to listen on; port 0 lets the system pick one. Anything but
    /// loopback exposes the index to the network.
    #[arg(long, default_value = "127.0.0.1:7700")]
    addr: String,
    /// Allow this origin (e.g. http://localhost:3000) to call the API from
    /// its pages (CORS); off by default.
    #[arg(long, value_name = "ORIGIN")]
    cors: Option<String>,
    /// Seconds a search may take before it is answered with 503.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    timeout: f64,
}

#[derive(Args)]
struct StatsArgs {
    /// The index folder.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    index: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args)]
struct BuildArgs {
    /// Files and folders to index.
    #[arg(default_value = app::DEFAULT_CORPUS)]
    paths: Vec<PathBuf>,
    /// The index folder to write.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    index: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    /// Index each file or record whole instead of sentence by sentence.
    #[arg(long, value_enum, default_value_t = Unit::Sentence)]
    unit: Unit,
    /// Threads that read and extract (default: the number of cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Memory for tantivy's indexing buffers, in MB.
    #[arg(long, default_value_t = 256)]
    heap: usize,
    /// Rebuild from scratch instead of re-reading only new and changed files.
    #[arg(long)]
    full: bool,
}

#[derive(Args)]
struct ReadArgs {
    /// Refuse files that are not valid UTF-8 instead of decoding them lossily.
    #[arg(long)]
    strict: bool,
    /// Pass over malformed JSONL records (and count them) instead of stopping.
    #[arg(long)]
    skip_bad: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Unit {
    Sentence,
    Document,
}

#[derive(Args)]
struct QueryArgs {
    /// What to search for; `*` or nothing matches every sentence.
    #[arg(default_value = "")]
    query: String,
    /// The index folder to search.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    index: PathBuf,
    /// How many hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// How many hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Require every word (default: any word, ranked).
    #[arg(long)]
    all: bool,
    /// Take the query as plain words: no operators, fields or quotes.
    #[arg(long)]
    plain: bool,
    /// Years A..B (open ends ..B, A..; BC negative), a decade (1990s) or a
    /// century ("19th century", "5th century BC"). Repeat to OR.
    #[arg(long, value_name = "RANGE")]
    year: Vec<String>,
    /// Days A..B of dated mentions: YYYY, YYYY-MM or YYYY-MM-DD ends.
    #[arg(long, value_name = "RANGE")]
    date: Vec<String>,
    /// A country: name, ISO code (IR, IRN) or demonym (Iranian). Repeat to OR.
    #[arg(long)]
    country: Vec<String>,
    /// A person named in the sentence (any part of the name).
    #[arg(long)]
    person: Vec<String>,
    /// An organization named in the sentence.
    #[arg(long)]
    org: Vec<String>,
    /// A place (city, region) named in the sentence.
    #[arg(long)]
    place: Vec<String>,
    /// Source files: a glob (corpus/*.txt) or a file or folder path.
    #[arg(long, value_name = "GLOB")]
    source: Vec<String>,
    /// Count results by year, decade, century, country, person, org, place,
    /// source (comma list or repeated).
    #[arg(long)]
    facet: Vec<String>,
    /// How many values of each facet to list.
    #[arg(long, default_value_t = 10)]
    facet_limit: usize,
    /// Order: relevance, date (earliest first) or -date (latest first).
    #[arg(long, default_value = "relevance", allow_hyphen_values = true)]
    sort: String,
    /// Show at most one hit per document (its best sentence), with the
    /// number of its sentences that match.
    #[arg(long, value_enum)]
    group_by: Option<GroupBy>,
}

#[derive(Clone, Copy, ValueEnum)]
enum GroupBy {
    Doc,
}

#[derive(Args)]
struct ExtractArgs {
    /// Files and folders (standard input when none).
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Err(err) => {
            eprintln!("annals: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Build(args) => {
            let mut options = BuildOptions::new(&args.index);
            if let Some(threads) = args.threads {
                options.threads = threads.max(1);
            }
            options.heap_bytes = args.heap.max(16) << 20;
            options.read = read_options(&args.read);
            options.read.whole_documents = matches!(args.unit, Unit::Document);
            options.full = args.full;
            app::build(&args.paths, &options)?;
            Ok(Outcome::Found)
        }
        Command::Query(args) => {
            let args = *args;
            let request = SearchRequest {
                query: args.query,
                plain: args.plain,
                all: args.all,
                limit: args.limit,
                offset: args.offset,
                years: args.year,
                dates: args.date,
                countries: args.country,
                persons: args.person,
                orgs: args.org,
                places: args.place,
                sources: args.source,
                facets: FacetKind::parse_list(&args.facet)?,
                facet_limit: args.facet_limit,
                sort: Sort::parse(&args.sort)?,
                group_by_doc: args.group_by.is_some(),
            };
            Ok(app::query(
                &request,
                &args.index,
                output_format(args.format),
            )?)
        }
        Command::Extract(args) => {
            let format = match args.format {
                ExtractFormat::Text => OutputFormat::Text,
                ExtractFormat::Jsonl => OutputFormat::Json,
            };
            Ok(app::extract(&args.paths, read_options(&args.read), format)?)
        }
        Command::Stats(args) => Ok(app::stats(&args.index, output_format(args.format))?),
        Command::Serve(args) => {
            annals::serve::run(ServeOptions {
                index: args.index,
                addr: args.addr,
                cors: args.cors,
                timeout_secs: args.timeout,
            })?;
            Ok(Outcome::Found)
        }
    }
}

fn output_format(format: Format) -> OutputFormat {
    match format {
        Format::Text => OutputFormat::Text,
        Format::Json => OutputFormat::Json,
    }
}

fn read_options(args: &ReadArgs) -> ReadOptions {
    ReadOptions {
        strict: args.strict,
        skip_bad: args.skip_bad,
        whole_documents: false,
    }
}
