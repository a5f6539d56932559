//! The command line: every command and flag, defined once with clap, and
//! how each command's arguments become the library's options. Filter flags
//! (`--year`, `--country`, …) are not written here: they derive from the
//! facet registry (`annals::vocab::facets`), as the HTTP parameters do.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::{ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use annals::app::{self, ExportFormat, OutputFormat, QueryOutput, QueryView, TrendFormat};
use annals::corpus::{DocRules, ReadOptions, RulesSpec};
use annals::error::Error;
use annals::index::BuildOptions;
use annals::index::writer::DEFAULT_HEAP_MB;
use annals::render::tables::TableFormat;
use annals::render::{KwicLayout, KwicSort};
use annals::search::{
    Axis, CollocatesRequest, KeywordsRequest, Measure, SearchRequest, Sort, TrendRequest,
};
use annals::serve::ServeOptions;
use annals::vocab::facets::Facet;
use annals::vocab::filters::Filter;

/// Sentence-level full-text search for people who study what happened, when
/// and where: ranked keyword search with dates, countries, people and
/// organizations as filters and facets.
#[derive(Parser)]
#[command(name = "annals", version, propagate_version = true)]
#[command(
    after_help = "Exit status: 0 results, 1 no results, 2 error.\n\nStart with:\n  annals build             index the files under corpus/ into index/\n  annals query Baku --facet year,country"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// Attention over time: matching sentences per year (or decade, document
    /// year, country, …) for up to 5 queries, next to all sentences of each
    /// bucket under the same filters.
    ///
    /// For each query and bucket: count (matching sentences), of (all
    /// sentences of the bucket: the denominator), per_million (count / of ×
    /// 10⁶) and docs (distinct documents). Time axes run without gaps.
    Trend(Box<TrendArgs>),
    /// Show what build would index: sentences, provenance, dates, entities.
    Extract(ExtractArgs),
    /// Show a sentence in its context: SOURCE:LINE as results show it.
    Show(ShowArgs),
    /// Show what an index holds: counts, size, years, top countries and names.
    Stats(StatsArgs),
    /// The words found near the query's words: collocates, scored by an
    /// association measure.
    ///
    /// Counts the words within --window words of each matched word in every
    /// matching sentence (filters apply), and scores each against its
    /// frequency in the whole index: logdice (default; at most 14, the
    /// higher the more exclusive the pair), mi (mutual information, favours
    /// rare words), t (t-score, favours frequent ones) or llr
    /// (log-likelihood). Stop words are left out unless --stop-words keep.
    Collocates(Box<CollocatesArgs>),
    /// The words over-represented in the matching sentences against the
    /// rest of the index (key terms, keyness).
    ///
    /// Each word with the matching sentences and the index's sentences that
    /// hold it, its log-likelihood (G²; above 10.83 significant at p <
    /// 0.001) and its log ratio (log2 of how many times more common it is
    /// in the matching sentences: 1 twice, 3 eight times).
    Keywords(Box<KeywordsArgs>),
    /// Serve a search page and a JSON API over HTTP (loopback by default).
    ///
    /// GET / is the search page; GET /api/search takes the query flags as
    /// parameters (q, limit, offset, facet, year, country, …) and answers
    /// the JSON of `annals query --format json`; GET /api/stats,
    /// GET /api/health and GET /api/facets. Stop with Ctrl-C.
    Serve(ServeArgs),
    /// Write the index definition and the sentences as NDJSON for another
    /// loader: an OpenSearch/Elasticsearch `_bulk` load, or Quickwit.
    Export(ExportArgs),
}

#[derive(Args)]
pub struct BuildArgs {
    /// Files and folders to index.
    #[arg(default_value = app::DEFAULT_CORPUS)]
    pub paths: Vec<PathBuf>,
    /// The index folder to write.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    pub index: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    /// Index each file or record whole instead of sentence by sentence.
    #[arg(long, value_enum, default_value_t = Unit::Sentence)]
    unit: Unit,
    /// Threads that read and extract (default: the number of cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Memory for tantivy's indexing buffers, in MB.
    #[arg(long, default_value_t = DEFAULT_HEAP_MB)]
    heap: usize,
    /// Rebuild from scratch instead of re-reading only new and changed files.
    #[arg(long)]
    full: bool,
    #[command(flatten)]
    pub engine: EngineArg,
    /// Take each file's document date from its path, relative to the folder
    /// named: the first group of this regular expression, a date YYYY,
    /// YYYY-MM or YYYY-MM-DD (`_(\d{4})\.txt$` for IRN_45_1990.txt). A
    /// JSONL record's own `date` comes first. Remembered by later builds.
    #[arg(long, value_name = "REGEX")]
    doc_date: Option<String>,
    /// Make this JSONL key a metadata facet (filter with --meta KEY=VALUE,
    /// count with --facet meta.KEY, trend with --by meta.KEY). Repeatable.
    #[arg(long, value_name = "KEY")]
    meta: Vec<String>,
    /// A metadata facet whose value is the first group of REGEX over each
    /// file's relative path: `speaker=([A-Z]{3})_[0-9]+_[0-9]{4}\.txt$`.
    /// Repeatable.
    #[arg(long, value_name = "KEY=REGEX")]
    meta_from_path: Vec<String>,
}

impl BuildArgs {
    pub fn options(&self) -> Result<BuildOptions> {
        let mut options = BuildOptions::new(&self.index);
        if let Some(threads) = self.threads {
            options.threads = threads.max(1);
        }
        options.heap_bytes = self.heap.max(16) << 20;
        options.read = self.read.options();
        options.read.whole_documents = matches!(self.unit, Unit::Document);
        options.full = self.full;
        if self.doc_date.is_some() || !self.meta.is_empty() || !self.meta_from_path.is_empty() {
            let spec = RulesSpec {
                doc_date: self.doc_date.clone(),
                meta: self.meta.clone(),
                meta_from_path: self.meta_from_path.clone(),
            };
            options.rules = Some(DocRules::compile(spec)?);
        }
        Ok(options)
    }
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

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            strict: self.strict,
            skip_bad: self.skip_bad,
            whole_documents: false,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Unit {
    Sentence,
    Document,
}

#[derive(Args)]
pub struct QueryArgs {
    /// What to search for; `*` or nothing matches every sentence.
    #[arg(default_value = "")]
    query: String,
    /// The index folder to search.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    pub index: PathBuf,
    /// How many hits to show; `all` writes every hit (with --format csv or
    /// jsonl), without the cap of 10,000 a page has.
    #[arg(long, short = 'n', default_value = "10", value_parser = parse_limit)]
    limit: usize,
    /// How many hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// text, json (a page of hits with facets), kwic (concordance lines,
    /// the matched words in one column, `source:line` at the end), or csv
    /// and jsonl (every hit up to --limit, one a row, written as it is read).
    #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
    pub format: QueryFormat,
    /// Characters per concordance line (default: the terminal's width, 120
    /// when piped).
    #[arg(long, value_name = "CHARS")]
    width: Option<usize>,
    /// Add each hit as a concordance line to the JSON (`kwic`: left,
    /// match, right).
    #[arg(long)]
    kwic: bool,
    #[command(flatten)]
    matching: MatchArgs,
    /// Count results by these facets (comma list or repeated): see
    /// `annals query --help` for their names.
    #[arg(long, help = facet_help())]
    facet: Vec<String>,
    /// How many values of each facet to list.
    #[arg(long, default_value_t = 10)]
    facet_limit: usize,
    /// Order: relevance, date (earliest first) or -date (latest first);
    /// with --format kwic also left or right (the shown lines by the words
    /// just before or after the match, ties by rank).
    #[arg(long, default_value = "relevance", allow_hyphen_values = true)]
    sort: String,
    /// Show at most one hit per document (its best sentence), with the
    /// number of its sentences that match.
    #[arg(long, value_enum)]
    group_by: Option<GroupBy>,
    /// Say how each hit's score is made: each word's and phrase's BM25
    /// contribution, boosts and the length prior (in the JSON as `explain`).
    #[arg(long)]
    explain: bool,
    /// Add the commonest words of the top hits to the query
    /// (pseudo-relevance feedback, RM3).
    #[arg(long)]
    expand: bool,
    #[command(flatten)]
    pub engine: EngineArg,
}

/// `all` or a number of hits.
fn parse_limit(value: &str) -> Result<usize, String> {
    if value.trim().eq_ignore_ascii_case("all") {
        return Ok(usize::MAX);
    }
    value
        .trim()
        .parse()
        .map_err(|_| "expected a number of hits or all".to_string())
}

#[derive(Args)]
pub struct TrendArgs {
    /// The queries to compare (1 to 5), each in the syntax of `annals query`.
    #[arg(required = true, num_args = 1..)]
    queries: Vec<String>,
    /// The index folder to search.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    pub index: PathBuf,
    /// The buckets: year, decade, century (dates sentences speak of),
    /// doc-year, doc-decade (documents' own dates), country or another
    /// facet, or meta.KEY [default: year].
    #[arg(long)]
    by: Option<String>,
    /// How many values a dimension that is no time axis shows.
    #[arg(long, default_value_t = 20)]
    top: usize,
    #[arg(long, value_enum, default_value_t = TrendFormatArg::Text)]
    format: TrendFormatArg,
    #[command(flatten)]
    matching: MatchArgs,
    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum TrendFormatArg {
    Text,
    Json,
    Csv,
}

impl TrendArgs {
    pub fn request(&self) -> Result<TrendRequest> {
        let by = match &self.by {
            Some(by) => Axis::parse(by).map_err(|e| Error::bad_value("by", by, e))?,
            None => Axis::default(),
        };
        if self.queries.len() > annals::search::MAX_SERIES {
            return Err(anyhow::anyhow!(
                "at most {} queries can be compared at once, {} were given",
                annals::search::MAX_SERIES,
                self.queries.len()
            ));
        }
        Ok(TrendRequest {
            queries: self.queries.clone(),
            base: self.matching.request(String::new())?,
            by,
            top: self.top,
        })
    }

    pub fn format(&self) -> TrendFormat {
        match self.format {
            TrendFormatArg::Text => TrendFormat::Text,
            TrendFormatArg::Json => TrendFormat::Json,
            TrendFormatArg::Csv => TrendFormat::Csv,
        }
    }
}

fn facet_help() -> String {
    format!(
        "Count results by {} (comma list or repeated)",
        Facet::countable_names()
    )
}

impl QueryArgs {
    pub fn request(&self) -> Result<SearchRequest> {
        let (facets, meta_facets) = Facet::parse_list_with_meta(&self.facet)
            .map_err(|(name, e)| Error::bad_value("facet", name, e))?;
        let sort = match self.kwic_sort()? {
            KwicSort::Rank => self
                .sort
                .parse::<Sort>()
                .map_err(|e| Error::bad_value("sort", &self.sort, e))?,
            _ => Sort::Relevance,
        };
        Ok(SearchRequest {
            limit: self.limit,
            offset: self.offset,
            facets,
            meta_facets,
            facet_limit: self.facet_limit,
            sort,
            group_by_doc: self.group_by.is_some(),
            deadline: None,
            explain: self.explain,
            expand: self.expand,
            kwic: self.kwic,
            ..self.matching.request(self.query.clone())?
        })
    }

    /// `--sort left|right` orders concordance lines; other orders are the
    /// search's.
    fn kwic_sort(&self) -> Result<KwicSort> {
        let Ok(sort) = self.sort.parse::<KwicSort>() else {
            return Ok(KwicSort::Rank);
        };
        if sort != KwicSort::Rank && !matches!(self.format, QueryFormat::Kwic) {
            anyhow::bail!(
                "--sort {} orders concordance lines: add --format kwic",
                self.sort
            );
        }
        Ok(sort)
    }

    /// How the hits are written: a page (text, JSON, concordance lines) or
    /// an export of every hit (CSV, JSON Lines).
    pub fn output(&self) -> Result<QueryOutput> {
        let page = match self.format {
            QueryFormat::Csv => return Ok(QueryOutput::Export(ExportFormat::Csv)),
            QueryFormat::Jsonl => return Ok(QueryOutput::Export(ExportFormat::Jsonl)),
            _ if self.limit == usize::MAX => {
                return Err(Error::bad_value(
                    "limit",
                    "all",
                    "every hit is written as CSV or JSON Lines: add --format csv or --format jsonl",
                )
                .into());
            }
            QueryFormat::Text => QueryView::Text,
            QueryFormat::Json => QueryView::Json,
            QueryFormat::Kwic => QueryView::Kwic(KwicLayout {
                width: self.width.unwrap_or_else(terminal_width),
                sort: self.kwic_sort()?,
            }),
        };
        Ok(QueryOutput::Page(page))
    }
}

/// The terminal's width, or 120 when standard output is not a terminal.
fn terminal_width() -> usize {
    terminal_size::terminal_size_of(std::io::stdout())
        .map_or(120, |(terminal_size::Width(w), _)| usize::from(w))
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Text,
    Json,
    Kwic,
    Csv,
    Jsonl,
}

/// The filter flags, one per filterable dimension of the registry, each
/// repeatable; values are parsed after clap, so that a bad one gets the
/// same message as over HTTP.
struct FilterArgs {
    values: Vec<(Facet, String)>,
}

impl FilterArgs {
    fn parse(&self) -> Result<Vec<Filter>> {
        let mut filters = Vec::new();
        for (facet, raw) in &self.values {
            for value in spellings(*facet, raw) {
                filters.push(
                    Filter::parse(*facet, &value)
                        .map_err(|e| Error::bad_value(facet.name(), raw, e))?,
                );
            }
        }
        Ok(filters)
    }
}

/// The spellings of a filter value to try: a source path is stored as the
/// build was given it, so `--source` tries the absolute and the relative
/// spelling of a path under the current folder.
fn spellings(facet: Facet, raw: &str) -> Vec<String> {
    let mut all = vec![raw.to_string()];
    if facet != Facet::Source {
        return all;
    }
    let Ok(here) = std::env::current_dir() else {
        return all;
    };
    let path = std::path::Path::new(raw);
    let other = if path.is_absolute() {
        path.strip_prefix(&here).ok().map(|p| p.to_path_buf())
    } else if path.exists() {
        Some(here.join(path))
    } else {
        None
    };
    all.extend(other.and_then(|p| p.to_str().map(str::to_string)));
    all
}

impl FromArgMatches for FilterArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut values = Vec::new();
        for dimension in Facet::filters() {
            if let Some(given) = matches.get_many::<String>(dimension.name) {
                values.extend(given.map(|v| (dimension.facet, v.clone())));
            }
        }
        Ok(FilterArgs { values })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = FilterArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for FilterArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        Facet::filters().fold(cmd, |cmd, dimension| {
            // Flags are spelled with dashes (`--doc-year`); names stay as
            // the registry has them.
            let flag: &'static str = if dimension.name.contains('_') {
                Box::leak(dimension.name.replace('_', "-").into_boxed_str())
            } else {
                dimension.name
            };
            cmd.arg(
                clap::Arg::new(dimension.name)
                    .long(flag)
                    .value_name(dimension.value_name)
                    .action(ArgAction::Append)
                    .allow_hyphen_values(true)
                    .help(dimension.filter.unwrap_or_default()),
            )
        })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// The sentences collocates and key terms are counted in.
#[derive(Args)]
pub struct Selection {
    /// The query whose matching sentences are read (words of the text;
    /// tantivy's syntax as for `annals query`).
    query: String,
    /// The index folder.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    pub index: PathBuf,
    #[command(flatten)]
    matching: MatchArgs,
}

impl Selection {
    fn request(&self) -> Result<SearchRequest> {
        self.matching.request(self.query.clone())
    }
}

/// How a query's words match and which sentences it may match: the same
/// flags for every command that searches.
#[derive(Args)]
struct MatchArgs {
    /// Require every word of the query (default: any word, ranked).
    #[arg(long)]
    all: bool,
    /// Take the query as plain words: no operators, fields or quotes.
    #[arg(long)]
    plain: bool,
    #[command(flatten)]
    filters: FilterArgs,
}

impl MatchArgs {
    /// A search for `query` with these flags, the rest left at their defaults.
    fn request(&self, query: String) -> Result<SearchRequest> {
        Ok(SearchRequest {
            query,
            plain: self.plain,
            all: self.all,
            filters: self.filters.parse()?,
            ..SearchRequest::default()
        })
    }
}

#[derive(Args)]
pub struct CollocatesArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Words on each side of a matched word.
    #[arg(long, default_value_t = 5)]
    window: usize,
    /// logdice, mi, t or llr.
    #[arg(long, default_value = "logdice")]
    measure: String,
    /// Leave out words seen fewer times near the query's words.
    #[arg(long, default_value_t = 3)]
    min_count: u64,
    /// How many collocates to list.
    #[arg(long, short = 'n', default_value_t = 20)]
    limit: usize,
    /// Stop words (the, of, …): drop or keep.
    #[arg(long, value_enum, default_value_t = StopWords::Drop)]
    stop_words: StopWords,
    #[arg(long, value_enum, default_value_t = TableFormatArg::Text)]
    pub format: TableFormatArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum StopWords {
    Drop,
    Keep,
}

impl CollocatesArgs {
    pub fn request(&self) -> Result<CollocatesRequest> {
        let measure = self
            .measure
            .parse::<Measure>()
            .map_err(|e| Error::bad_value("measure", &self.measure, e))?;
        Ok(CollocatesRequest {
            search: self.selection.request()?,
            window: self.window,
            measure,
            min_count: self.min_count,
            limit: self.limit,
            keep_stop_words: matches!(self.stop_words, StopWords::Keep),
        })
    }
}

#[derive(Args)]
pub struct KeywordsArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Leave out words in fewer matching sentences.
    #[arg(long, default_value_t = 3)]
    min_count: u64,
    /// How many key terms to list.
    #[arg(long, short = 'n', default_value_t = 20)]
    limit: usize,
    #[arg(long, value_enum, default_value_t = TableFormatArg::Text)]
    pub format: TableFormatArg,
}

impl KeywordsArgs {
    pub fn request(&self) -> Result<KeywordsRequest> {
        Ok(KeywordsRequest {
            search: self.selection.request()?,
            min_count: self.min_count,
            limit: self.limit,
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TableFormatArg {
    Text,
    Json,
    Csv,
}

impl From<TableFormatArg> for TableFormat {
    fn from(format: TableFormatArg) -> TableFormat {
        match format {
            TableFormatArg::Text => TableFormat::Text,
            TableFormatArg::Json => TableFormat::Json,
            TableFormatArg::Csv => TableFormat::Csv,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum GroupBy {
    Doc,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// Files and folders (standard input when none).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
    #[command(flatten)]
    read: ReadArgs,
}

impl ExtractArgs {
    pub fn read_options(&self) -> ReadOptions {
        self.read.options()
    }

    pub fn format(&self) -> OutputFormat {
        match self.format {
            ExtractFormat::Text => OutputFormat::Text,
            ExtractFormat::Jsonl => OutputFormat::Json,
        }
    }
}

#[derive(Args)]
pub struct ShowArgs {
    /// The sentence, as `source:line` (what results print after the score).
    pub location: String,
    /// The index folder.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    pub index: PathBuf,
    /// How many sentences of the document to show before and after it.
    #[arg(long, short = 'C', default_value_t = 2)]
    pub context: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Args)]
pub struct StatsArgs {
    /// The index folder.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    pub index: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Check every file of the index against its checksum (reads the
    /// whole index) and list what is damaged.
    #[arg(long)]
    pub verify: bool,
    #[command(flatten)]
    pub engine: EngineArg,
}

/// `--engine URL`: an OpenSearch or Elasticsearch index instead of the
/// local folder.
#[derive(Args)]
pub struct EngineArg {
    /// Use this OpenSearch or Elasticsearch index instead of the local one
    /// (http://[user:secret@]host:9200/INDEX; ANNALS_ENGINE sets it, and
    /// ANNALS_ENGINE_AUTH=user:secret the login).
    #[arg(long = "engine", value_name = "URL")]
    url: Option<String>,
}

impl EngineArg {
    /// The engine asked for, by option or by ANNALS_ENGINE.
    pub fn url(&self) -> Option<String> {
        annals::engine::url_from(self.url.as_deref())
    }
}

#[derive(Args)]
pub struct ExportArgs {
    /// Files and folders to export.
    #[arg(default_value = app::DEFAULT_CORPUS)]
    pub paths: Vec<PathBuf>,
    /// The loader the export is for.
    #[arg(long = "to", value_enum)]
    to: ExportTo,
    /// The folder to write the index definition and the NDJSON into.
    #[arg(long)]
    pub out: PathBuf,
    /// The index name written into Quickwit's index config.
    #[arg(long, default_value = "annals")]
    pub index_id: String,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportTo {
    Opensearch,
    Quickwit,
}

impl ExportArgs {
    pub fn read_options(&self) -> ReadOptions {
        self.read.options()
    }

    pub fn target(&self) -> annals::engine::export::ExportTarget {
        use annals::engine::export::ExportTarget;
        match self.to {
            ExportTo::Opensearch => ExportTarget::OpenSearch,
            ExportTo::Quickwit => ExportTarget::Quickwit,
        }
    }
}

#[derive(Args)]
pub struct ServeArgs {
    /// The index folder to serve.
    #[arg(long, default_value = app::DEFAULT_INDEX)]
    pub index: PathBuf,
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
    /// Admit only requests that show this secret (as `Authorization: Bearer
    /// SECRET`, or by opening /?token=SECRET once in a browser);
    /// /api/health stays open. The ANNALS_TOKEN variable sets it without
    /// showing it in the process list.
    #[arg(long, value_name = "SECRET")]
    token: Option<String>,
    /// Serve on a non-loopback address without a token: the index is meant
    /// for everyone who can reach the machine.
    #[arg(long)]
    public: bool,
    #[command(flatten)]
    pub engine: EngineArg,
}

impl ServeArgs {
    pub fn options(&self) -> Result<ServeOptions> {
        let timeout = Duration::try_from_secs_f64(self.timeout)
            .ok()
            .with_context(|| {
                format!(
                    "invalid --timeout value {}: expected a number of seconds, 0 or more",
                    self.timeout
                )
            })?;
        Ok(ServeOptions {
            addr: self.addr.clone(),
            cors: self.cors.clone(),
            timeout,
            // Clients see the folder's name, not where it is on the server.
            index_label: app::index_label(
                self.index
                    .file_name()
                    .map_or(self.index.as_path(), std::path::Path::new),
            ),
            index_root: self.index.clone(),
            token: self
                .token
                .clone()
                .or_else(|| std::env::var("ANNALS_TOKEN").ok()),
            public: self.public,
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

impl From<Format> for OutputFormat {
    fn from(format: Format) -> OutputFormat {
        match format {
            Format::Text => OutputFormat::Text,
            Format::Json => OutputFormat::Json,
        }
    }
}
