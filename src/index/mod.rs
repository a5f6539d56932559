//! The index: its schema (`schema`), its folder of atomically published
//! generations (`store`) and the build that fills it (`writer`).

pub mod document;
pub mod schema;
pub mod store;
pub mod writer;

use std::path::Path;

use tantivy::Index;

pub use schema::Fields;
pub use store::IndexDir;
pub use writer::{BuildOptions, BuildProgress, BuildStats, Manifest, Silent, build};

use crate::error::{Error, Result};

/// An opened index: tantivy's handle, the resolved fields and the manifest
/// of the build that made it.
pub struct OpenIndex {
    pub index: Index,
    pub fields: Fields,
    pub manifest: Manifest,
    pub path: std::path::PathBuf,
}

/// Opens the live generation of the index folder `root`, checking that this
/// annals can read it.
pub fn open(root: &Path) -> Result<OpenIndex> {
    let dir = IndexDir::new(root);
    let live = dir.live()?;
    let damaged = |message: String| Error::BadIndex {
        path: live.clone(),
        message,
    };
    let index =
        Index::open_in_dir(&live).map_err(|e| damaged(format!("cannot be opened ({e})")))?;
    let metas = index
        .load_metas()
        .map_err(|e| damaged(format!("cannot be read ({e})")))?;
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
    })
}
