//! The index folder on disk: generations, the `CURRENT` pointer that names
//! the live one, and the lock that admits one writer at a time.
//!
//! ```text
//! index/
//!   CURRENT       the name of the live generation, replaced atomically
//!   gen-000003/   a complete tantivy index
//!   gen-000003.lease  share-locked by every process reading gen-000003
//!   .lock         held by the one build that may write
//! ```
//! A build writes a new generation beside the live one and publishes it by
//! renaming a new `CURRENT` over the old: a build that fails or is killed at
//! any moment leaves the previous generation live and queryable, and its
//! leftovers are removed by the next build.
//!
//! A generation that is no longer live is removed only when nothing reads
//! it: every reader (a query, a server) holds a shared lock on the
//! generation's lease file for as long as it has the generation open, and a
//! build removes an old generation only when it can take that lock
//! exclusively. A server that has moved on to a newer generation releases
//! the lease of the old one, and the next build removes it.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const GENERATION_PREFIX: &str = "gen-";
const LEASE_SUFFIX: &str = ".lease";

/// An index folder, which may not exist yet.
#[derive(Debug, Clone)]
pub struct IndexDir {
    root: PathBuf,
}

/// Held while a build writes; released on drop.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

/// Held by a reader of a generation: while it lives, no build removes the
/// generation. `None` when the index folder is read-only (nothing can
/// remove it then either).
#[derive(Debug)]
pub struct Lease {
    _file: Option<File>,
}

impl IndexDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        IndexDir { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The live generation's folder, or a NoIndex error a user can act on.
    pub fn live(&self) -> Result<PathBuf> {
        if self.root.is_file() {
            return Err(Error::NotAnIndexFolder {
                path: self.root.clone(),
            });
        }
        let pointer = self.root.join(CURRENT);
        let name = match fs::read_to_string(&pointer) {
            Ok(name) => name,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let path = self.root.clone();
                return Err(if self.is_being_built() {
                    Error::NoIndexYet { path }
                } else {
                    Error::NoIndex { path }
                });
            }
            Err(e) => return Err(Error::io(&pointer, e)),
        };
        let name = name.trim();
        if !is_generation_name(name) {
            return Err(Error::BadIndex {
                path: pointer,
                message: format!("names {name:?}, not an index generation"),
            });
        }
        let live = self.root.join(name);
        if !live.is_dir() {
            return Err(Error::BadIndex {
                path: live,
                message: "is missing".into(),
            });
        }
        Ok(live)
    }

    /// Whether a build holds the write lock now.
    fn is_being_built(&self) -> bool {
        File::open(self.root.join(LOCK))
            .is_ok_and(|f| matches!(f.try_lock(), Err(fs::TryLockError::WouldBlock)))
    }

    /// The live generation, leased: it stays on disk, even when a build
    /// publishes another, until the lease is dropped.
    pub fn lease_live(&self) -> Result<(PathBuf, Lease)> {
        // A build may remove the generation between our reading `CURRENT`
        // and locking its lease; then `CURRENT` names a newer one.
        let mut attempts = 0;
        loop {
            let live = self.live()?;
            let path = lease_path(&live);
            let file = match File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
            {
                Ok(file) => file,
                // A read-only index: no build can remove anything from it.
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::PermissionDenied
                            | std::io::ErrorKind::ReadOnlyFilesystem
                    ) =>
                {
                    return Ok((live, Lease { _file: None }));
                }
                Err(e) => return Err(Error::io(&path, e)),
            };
            file.lock_shared().map_err(|e| Error::io(&path, e))?;
            // Still the lease on disk (not one a build removed while we
            // waited for it), and its generation still there.
            if same_file(&file, &path) && live.is_dir() {
                return Ok((live, Lease { _file: Some(file) }));
            }
            attempts += 1;
            if attempts >= 100 {
                return Err(Error::BadIndex {
                    path: live,
                    message: "keeps disappearing while it is opened".into(),
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// The name of the live generation (`gen-000003`), if there is one.
    pub fn live_name(&self) -> Option<String> {
        let name = fs::read_to_string(self.root.join(CURRENT)).ok()?;
        let name = name.trim();
        is_generation_name(name).then(|| name.to_string())
    }

    pub fn exists(&self) -> bool {
        self.root.join(CURRENT).is_file()
    }

    /// Takes the write lock, or fails at once if another build holds it.
    pub fn lock(&self) -> Result<WriteLock> {
        if self.root.is_file() {
            return Err(Error::NotAnIndexFolder {
                path: self.root.clone(),
            });
        }
        fs::create_dir_all(&self.root).map_err(|e| Error::io(&self.root, e))?;
        let path = self.root.join(LOCK);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(WriteLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(Error::Locked {
                path: self.root.clone(),
                lock: path,
            }),
            Err(fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// A fresh, empty folder for the next generation. Needs the lock.
    pub fn new_generation(&self, _lock: &WriteLock) -> Result<PathBuf> {
        let next = self
            .generations()?
            .into_iter()
            .map(|(n, _)| n)
            .max()
            .map_or(1, |n| n + 1);
        let path = self.root.join(format!("{GENERATION_PREFIX}{next:06}"));
        fs::create_dir(&path).map_err(|e| Error::io(&path, e))?;
        Ok(path)
    }

    /// Makes `generation` the live one, atomically and durably, then removes
    /// every other generation. Needs the lock.
    pub fn publish(&self, generation: &Path, lock: &WriteLock) -> Result<()> {
        let name = generation
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| is_generation_name(n))
            .ok_or_else(|| Error::BadIndex {
                path: generation.to_path_buf(),
                message: "is not a generation of this index".into(),
            })?;
        sync_dir(generation)?;
        let tmp = self.root.join(format!("{CURRENT}.tmp"));
        let mut file = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        file.write_all(format!("{name}\n").as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
        let pointer = self.root.join(CURRENT);
        fs::rename(&tmp, &pointer).map_err(|e| Error::io(&pointer, e))?;
        sync_dir(&self.root)?;
        self.remove_stale(lock)
    }

    /// Removes every generation but the live one and those still read (a
    /// server answering from it, a query in flight): the old ones and the
    /// leftovers of builds that failed or were killed. Needs the lock.
    pub fn remove_stale(&self, _lock: &WriteLock) -> Result<()> {
        let live = self.live().ok();
        for (_, path) in self.generations()? {
            if Some(&path) == live.as_ref() {
                continue;
            }
            let lease = lease_path(&path);
            let file = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lease)
                .map_err(|e| Error::io(&lease, e))?;
            match file.try_lock() {
                Ok(()) => {
                    fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
                    fs::remove_file(&lease).map_err(|e| Error::io(&lease, e))?;
                }
                // Still read: the next build tries again.
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(e)) => return Err(Error::io(&lease, e)),
            }
        }
        // Leases left by readers of generations already gone.
        for (path, generation) in self.orphan_leases()? {
            if Some(&generation) != live.as_ref()
                && let Ok(file) = File::options().write(true).open(&path)
                && file.try_lock().is_ok()
            {
                let _ = fs::remove_file(&path);
            }
        }
        let tmp = self.root.join(format!("{CURRENT}.tmp"));
        if tmp.exists() {
            fs::remove_file(&tmp).map_err(|e| Error::io(&tmp, e))?;
        }
        Ok(())
    }

    fn generations(&self) -> Result<Vec<(u64, PathBuf)>> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&self.root, e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&self.root, e))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(n) = generation_number(name) {
                out.push((n, entry.path()));
            }
        }
        out.sort();
        Ok(out)
    }
}

impl IndexDir {
    /// Lease files whose generation folder is gone, with that folder's path.
    fn orphan_leases(&self) -> Result<Vec<(PathBuf, PathBuf)>> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&self.root, e)),
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(generation) = name.to_str().and_then(|n| n.strip_suffix(LEASE_SUFFIX)) else {
                continue;
            };
            let folder = self.root.join(generation);
            if is_generation_name(generation) && !folder.exists() {
                out.push((entry.path(), folder));
            }
        }
        Ok(out)
    }
}

fn lease_path(generation: &Path) -> PathBuf {
    let mut name = generation.file_name().unwrap_or_default().to_os_string();
    name.push(LEASE_SUFFIX);
    generation.with_file_name(name)
}

/// Whether `file` is the file at `path` now.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.is_file()
}

fn generation_number(name: &str) -> Option<u64> {
    name.strip_prefix(GENERATION_PREFIX)?.parse().ok()
}

fn is_generation_name(name: &str) -> bool {
    generation_number(name).is_some()
}

fn sync_dir(path: &Path) -> Result<()> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishing_replaces_the_live_generation_and_cleans_up() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = IndexDir::new(tmp.path().join("index"));
        assert!(matches!(dir.live(), Err(Error::NoIndex { .. })));
        let lock = dir.lock().unwrap();
        let first = dir.new_generation(&lock).unwrap();
        dir.publish(&first, &lock).unwrap();
        assert_eq!(dir.live().unwrap(), first);
        let abandoned = dir.new_generation(&lock).unwrap();
        let second = dir.new_generation(&lock).unwrap();
        dir.publish(&second, &lock).unwrap();
        assert_eq!(dir.live().unwrap(), second);
        assert!(!first.exists() && !abandoned.exists());
    }

    #[test]
    fn a_leased_generation_outlives_its_replacement() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = IndexDir::new(tmp.path().join("index"));
        let lock = dir.lock().unwrap();
        let first = dir.new_generation(&lock).unwrap();
        fs::write(first.join("meta.json"), "{}").unwrap();
        dir.publish(&first, &lock).unwrap();
        let (leased, lease) = dir.lease_live().unwrap();
        assert_eq!(leased, first);
        let second = dir.new_generation(&lock).unwrap();
        dir.publish(&second, &lock).unwrap();
        assert!(first.exists(), "a generation still read was removed");
        drop(lease);
        dir.remove_stale(&lock).unwrap();
        assert!(!first.exists() && !lease_path(&first).exists());
        assert!(second.exists());
    }

    #[test]
    fn a_second_writer_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = IndexDir::new(tmp.path());
        let _held = dir.lock().unwrap();
        assert!(matches!(dir.lock(), Err(Error::Locked { .. })));
    }
}
