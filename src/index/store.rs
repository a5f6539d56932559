//! The index folder on disk: generations, the `CURRENT` pointer that names
//! the live one, and the lock that admits one writer at a time.
//!
//! ```text
//! index/
//!   CURRENT       the name of the live generation, replaced atomically
//!   gen-000003/   a complete tantivy index
//!   .lock         held by the one build that may write
//! ```
//! A build writes a new generation beside the live one and publishes it by
//! renaming a new `CURRENT` over the old: a build that fails or is killed at
//! any moment leaves the previous generation live and queryable, and its
//! leftovers are removed by the next build.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const GENERATION_PREFIX: &str = "gen-";

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

    /// Removes every generation but the live one: the old ones and the
    /// leftovers of builds that failed or were killed. Needs the lock.
    pub fn remove_stale(&self, _lock: &WriteLock) -> Result<()> {
        let live = self.live().ok();
        for (_, path) in self.generations()? {
            if Some(&path) != live.as_ref() {
                // A reader may still have old files mapped; on Unix they live
                // on until it closes them.
                fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
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
    fn a_second_writer_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = IndexDir::new(tmp.path());
        let _held = dir.lock().unwrap();
        assert!(matches!(dir.lock(), Err(Error::Locked { .. })));
    }
}
