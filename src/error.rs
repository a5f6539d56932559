//! The library's error type: every failure a user can act on, with the file,
//! line or query position it concerns. Messages name no command-line flag
//! or HTTP parameter: each front end says how to fix a failure in its own
//! terms (the CLI's hints are in `src/main.rs`).

use std::path::PathBuf;

/// Errors of the annals library. The binary adds context and maps them to
/// exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file or directory", path.display())]
    MissingPath { path: PathBuf },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A malformed JSONL record.
    #[error("{}:{line}: {message}", path.display())]
    BadRecord {
        path: PathBuf,
        line: u64,
        message: String,
    },

    /// Text that is not UTF-8, refused because strict reading was asked for.
    #[error("{}:{line}: not valid UTF-8 (first bad byte at offset {offset})", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: u64,
        offset: usize,
    },

    #[error("no index at {}/: run annals build first", path.display().to_string().trim_end_matches('/'))]
    NoIndex { path: PathBuf },

    #[error("no index at {}/ yet: a build is writing it; try again when it has finished", path.display().to_string().trim_end_matches('/'))]
    NoIndexYet { path: PathBuf },

    #[error("{}: is a file, not an index folder", path.display())]
    NotAnIndexFolder { path: PathBuf },

    /// An index that exists but cannot be used as it is.
    #[error("{}: {message}: rebuild it with `annals build --full`", path.display())]
    BadIndex { path: PathBuf, message: String },

    #[error(
        "another build is writing the index at {}: wait for it to finish (or remove {} if no build is running)",
        path.display(),
        lock.display()
    )]
    Locked { path: PathBuf, lock: PathBuf },

    #[error("query syntax error at position {position}: {message}\n  {query}\n  {caret}")]
    QuerySyntax {
        query: String,
        position: usize,
        caret: String,
        message: String,
    },

    #[error("invalid query: {message}")]
    BadQuery { message: String },

    /// A value of a named request setting (a filter, a facet list, a page
    /// size) that does not parse or is out of bounds. `name` is the
    /// setting's registry or request name (`year`, `facet`, `limit`); each
    /// front end shows it as it spells it (`--year`, `year=`).
    #[error("invalid {name} value {value:?}: {message}")]
    BadValue {
        name: String,
        value: String,
        message: String,
    },

    /// A sentence location (`source:line`) that does not parse.
    #[error("{location:?} is not a sentence location: {message}")]
    BadLocation { location: String, message: String },

    /// A sentence location whose source the index does not hold.
    #[error("no indexed sentence comes from {source_path:?}: give the source as results show it")]
    UnknownLocation { source_path: String },

    /// A build that could not write its index (no space left, the file-size
    /// limit, a read-only folder): the index that was live stays live.
    #[error("{}: the build could not write the index: {cause}; the index in use is unchanged", path.display())]
    BuildFailed { path: PathBuf, cause: String },

    /// A front end refusing to do something unsafe that was not asked for
    /// explicitly; the message says what and how to ask.
    #[error("{message}")]
    Refused { message: String },

    /// A search that ran past its deadline and was stopped.
    #[error("the search ran past its deadline and was stopped")]
    TimedOut,

    /// Work given up on purpose: another thread of the same build failed
    /// (the build reports that thread's error), or the reader of an export
    /// closed it (`annals query … | head`). Never shown to a user.
    #[error("stopped because another part of the work failed or its reader left")]
    Stopped,

    /// An OpenSearch or Elasticsearch cluster that cannot be reached, that
    /// refuses the login, or whose index annals cannot use; the message says
    /// which and what to do.
    #[error("{message}")]
    Engine { message: String },

    #[error("search engine error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl Error {
    /// A build's error, told as a failure to write into `path` when
    /// tantivy's writing is what failed.
    pub(crate) fn writing(path: &std::path::Path, err: Error) -> Error {
        use tantivy::TantivyError as T;
        let cause = match &err {
            Error::Tantivy(T::IoError(io)) => io.to_string(),
            Error::Tantivy(T::OpenWriteError(
                tantivy::directory::error::OpenWriteError::IoError { io_error, filepath },
            )) => format!("{}: {io_error}", filepath.display()),
            Error::Tantivy(T::ErrorInThread(e)) => e.clone(),
            Error::Tantivy(other) => other.to_string(),
            Error::Io { path: p, source } if p.starts_with(path) => {
                format!("{}: {source}", p.display())
            }
            _ => return err,
        };
        Error::BuildFailed {
            path: path.to_path_buf(),
            cause,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn bad_value(
        name: impl Into<String>,
        value: impl Into<String>,
        message: impl std::fmt::Display,
    ) -> Self {
        Error::BadValue {
            name: name.into(),
            value: value.into(),
            message: message.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
