//! The index a server answers from, followed as builds change it: a new
//! generation published by a full build, or a new commit written in place
//! by an incremental one.
//!
//! A watcher thread looks at `CURRENT` and the live generation's
//! `meta.json` a few times a second; when either changed, it opens a new
//! `Engine` (which leases its generation, so no build removes it while it
//! is read), checks every file's checksum, and swaps it in. Each request
//! takes the engine live when it starts and keeps it to the end, so a
//! search in flight finishes on the generation it started on; the old
//! engine, and its lease, go when the last such request ends.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, SystemTime};

use crate::error::Result;
use crate::index::{self, IndexDir};
use crate::search::Engine;
use crate::vocab::contract::Stats;

/// How often the watcher looks for a new build.
pub const POLL: Duration = Duration::from_millis(250);

/// One opened state of the index.
pub struct Loaded {
    pub engine: Engine,
    /// The generation's folder name (`gen-000003`).
    pub generation: String,
    /// When its last commit was written.
    pub built: SystemTime,
    /// Computed on first request, for this state only.
    pub stats: OnceLock<Stats>,
    key: Option<Key>,
}

/// What changes when a build publishes or commits.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    generation: String,
    meta_modified: Option<SystemTime>,
    meta_len: u64,
}

fn key(root: &Path) -> Option<Key> {
    let generation = IndexDir::new(root).live_name()?;
    let meta = std::fs::metadata(root.join(&generation).join("meta.json")).ok()?;
    Some(Key {
        generation,
        meta_modified: meta.modified().ok(),
        meta_len: meta.len(),
    })
}

/// Opens the live state of the index at `root` and checks its files.
fn load(root: &Path) -> Result<Loaded> {
    // Taken before opening: a commit in between is seen again next time.
    let key = key(root);
    let engine = Engine::open(root)?;
    let open = engine.index();
    let damage = index::verify(open)?;
    if !damage.is_empty() {
        return Err(index::damaged_error(open, &damage));
    }
    let generation = open
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let built = std::fs::metadata(open.path.join("meta.json"))
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH);
    Ok(Loaded {
        engine,
        generation,
        built,
        stats: OnceLock::new(),
        key,
    })
}

/// The index as it is now, swapped as builds change it.
pub struct Live {
    root: PathBuf,
    current: RwLock<Arc<Loaded>>,
    /// The last state that could not be opened: not tried again (a whole
    /// checksum pass on a large index) until a build changes it.
    failed: std::sync::Mutex<Option<Key>>,
}

impl Live {
    pub fn open(root: &Path) -> Result<Live> {
        Ok(Live {
            root: root.to_path_buf(),
            current: RwLock::new(Arc::new(load(root)?)),
            failed: std::sync::Mutex::new(None),
        })
    }

    /// The state a request answers from, to the end.
    pub fn current(&self) -> Arc<Loaded> {
        Arc::clone(&self.current.read().unwrap_or_else(|p| p.into_inner()))
    }

    /// Opens the index again if a build changed it. `Ok(Some)` with the
    /// new state when it was swapped in; an error when the change cannot
    /// be opened (the old state keeps answering).
    fn refresh(&self) -> Result<Option<Arc<Loaded>>> {
        let now = key(&self.root);
        if now.is_none() || now == self.current().key {
            return Ok(None);
        }
        let mut failed = self.failed.lock().unwrap_or_else(|p| p.into_inner());
        if *failed == now {
            return Ok(None);
        }
        let loaded = match load(&self.root) {
            Ok(loaded) => Arc::new(loaded),
            Err(e) => {
                *failed = now;
                return Err(e);
            }
        };
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Arc::clone(&loaded);
        Ok(Some(loaded))
    }

    /// Follows the index on a thread of its own, saying on stderr when
    /// it changes (`label` names the index there).
    pub fn watch(self: &Arc<Self>, label: String) {
        let live = Arc::clone(self);
        std::thread::spawn(move || {
            let mut last_error = None;
            loop {
                std::thread::sleep(POLL);
                match live.refresh() {
                    Ok(Some(loaded)) => {
                        last_error = None;
                        eprintln!(
                            "annals: now serving {label} {} ({} sentences)",
                            loaded.generation,
                            loaded.engine.searcher().num_docs()
                        );
                    }
                    Ok(None) => {}
                    Err(e) => {
                        // Said once per change, not at every look.
                        let message = e.to_string();
                        if last_error.as_ref() != Some(&message) {
                            eprintln!(
                                "annals: warning: still serving {label} {}: the new build cannot be opened: {message}",
                                live.current().generation
                            );
                            last_error = Some(message);
                        }
                    }
                }
            }
        });
    }
}

/// `2026-11-29T07:30:00Z`.
pub fn rfc3339(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_as_rfc3339() {
        let at = |s| SystemTime::UNIX_EPOCH + Duration::from_secs(s);
        assert_eq!(rfc3339(at(0)), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(at(951_827_696)), "2000-02-29T12:34:56Z");
        assert_eq!(rfc3339(at(1_796_023_800)), "2026-11-30T07:30:00Z");
    }
}
