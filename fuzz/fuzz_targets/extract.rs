//! Arbitrary bytes through reading (plain text, WikiExtractor, JSONL),
//! segmentation and extraction, with the span invariants of `checks`.

#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

/// One JSONL file per process, rewritten for each input (on tmpfs when
/// there is one, so the write costs little).
static JSONL: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let path = dir.path().join("fuzz.jsonl");
    (dir, path)
});

fuzz_target!(|data: &[u8]| {
    annals_fuzz::checks::extract(data, Some(&JSONL.1));
});
