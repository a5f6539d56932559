//! The index: its schema (`schema`), its folder of atomically published
//! generations (`store`), the build that fills it (`writer`) and which of
//! its segments merge (`merges`), and the people named two ways across the
//! corpus (`aliases`).

pub mod aliases;
pub mod document;
pub mod merges;
pub mod schema;
mod stemmer;
pub mod store;
pub mod writer;

use std::path::Path;

use tantivy::Index;

pub use schema::Fields;
pub use store::{IndexDir, Lease};
pub use writer::{BuildOptions, BuildProgress, BuildStats, Manifest, Silent, build};

use crate::error::{Error, Result};

/// An opened index: tantivy's handle, the resolved fields and the manifest
/// of the build that made it.
pub struct OpenIndex {
    pub index: Index,
    pub fields: Fields,
    pub manifest: Manifest,
    pub path: std::path::PathBuf,
    /// Keeps the generation on disk while it is open.
    pub lease: Lease,
}

/// Opens the live generation of the index folder `root`, checking that this
/// annals can read it.
pub fn open(root: &Path) -> Result<OpenIndex> {
    let dir = IndexDir::new(root);
    let (live, lease) = dir.lease_live()?;
    let damaged = |message: String| Error::BadIndex {
        path: live.clone(),
        message,
    };
    let index = Index::open_in_dir(&live)
        .map_err(|e| damaged(format!("cannot be opened ({})", short(&e))))?;
    let metas = index
        .load_metas()
        .map_err(|e| damaged(format!("cannot be read ({})", short(&e))))?;
    let manifest: Manifest = metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .ok_or_else(|| damaged("was not written by annals".into()))?;
    if manifest.schema_version != schema::SCHEMA_VERSION {
        return Err(Error::BadIndex {
            path: root.to_path_buf(),
            message: format!(
                "was built by annals {} with schema version {}, this annals {} reads version {}",
                manifest.annals_version,
                manifest.schema_version,
                env!("CARGO_PKG_VERSION"),
                schema::SCHEMA_VERSION
            ),
        });
    }
    schema::register_analyzers(&index);
    let fields = Fields::from_schema(&index.schema())
        .map_err(|e| damaged(format!("has another schema ({e})")))?;
    Ok(OpenIndex {
        index,
        fields,
        manifest,
        path: live,
        lease,
    })
}

/// tantivy's message without the copy of the file it may append.
fn short(err: &tantivy::TantivyError) -> String {
    let message = err.to_string();
    let cut = message.find(" Content: ").unwrap_or(message.len());
    let mut short: String = message[..cut].chars().take(300).collect();
    if short.len() < message.len() {
        short.push('…');
    }
    short
}

/// A file of an index generation that fails its check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// The file, inside the generation's folder.
    pub path: std::path::PathBuf,
    /// What is wrong with it: missing, unreadable, or a checksum mismatch.
    pub problem: String,
}

/// Checks every file of the opened generation against the checksum its
/// footer holds, and that none is missing. Reads the whole index.
pub fn verify(open: &OpenIndex) -> Result<Vec<Damage>> {
    let metas = open.index.load_metas().map_err(|e| Error::BadIndex {
        path: open.path.clone(),
        message: format!("cannot be read ({e})"),
    })?;
    use tantivy::index::SegmentComponent as C;
    let mut files = Vec::new();
    for segment in &metas.segments {
        let mut components = vec![
            C::Postings,
            C::Positions,
            C::FastFields,
            C::FieldNorms,
            C::Terms,
            C::Store,
        ];
        if segment.has_deletes() {
            components.push(C::Delete);
        }
        files.extend(components.into_iter().map(|c| segment.relative_path(c)));
    }
    files.sort();
    let mut damaged = Vec::new();
    for file in files {
        let problem = if !open.path.join(&file).is_file() {
            Some("is missing".to_string())
        } else {
            match open.index.directory().validate_checksum(&file) {
                Ok(true) => None,
                Ok(false) => Some("fails its checksum".to_string()),
                Err(e) => Some(format!("cannot be read ({e})")),
            }
        };
        if let Some(problem) = problem {
            damaged.push(Damage {
                path: open.path.join(file),
                problem,
            });
        }
    }
    Ok(damaged)
}

/// The size of the opened generation's files, in bytes.
pub fn size(open: &OpenIndex) -> u64 {
    std::fs::read_dir(&open.path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// The error for an index with damaged files.
pub fn damaged_error(open: &OpenIndex, damage: &[Damage]) -> Error {
    let list: Vec<String> = damage
        .iter()
        .map(|d| {
            let name = d.path.file_name().unwrap_or_default().to_string_lossy();
            format!("{name} {}", d.problem)
        })
        .collect();
    Error::BadIndex {
        path: open.path.clone(),
        message: format!("is damaged ({})", list.join("; ")),
    }
}
