//! The library's error type: every failure a user can act on, with the file,
//! line or query position it concerns.

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

    #[error("{}:{line}: {message}", path.display())]
    BadRecord {
        path: PathBuf,
        line: u64,
        message: String,
    },

    #[error("no index at {}/: run annals build first", path.display().to_string().trim_end_matches('/'))]
    NoIndex { path: PathBuf },

    #[error("{}: {message}", path.display())]
    BadIndex { path: PathBuf, message: String },

    #[error(
        "another build is writing the index at {}: wait for it to finish (or remove {} if no build is running)",
        path.display(),
        lock.display()
    )]
    Locked { path: PathBuf, lock: PathBuf },

    #[error(
        "query syntax error at position {position}: {message}\n  {query}\n  {caret}\nhint: use --plain to search these words literally"
    )]
    QuerySyntax {
        query: String,
        position: usize,
        caret: String,
        message: String,
    },

    #[error("invalid query: {message}")]
    BadQuery { message: String },

    #[error("invalid {flag} value {value:?}: {message}")]
    BadArgument {
        flag: String,
        value: String,
        message: String,
    },

    #[error("search engine error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn bad_argument(
        flag: impl Into<String>,
        value: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::BadArgument {
            flag: flag.into(),
            value: value.into(),
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
