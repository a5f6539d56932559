//! Query text and filter values, split from one input (see
//! `checks::parse_request`), searched in a small index built once per
//! process: errors are fine, panics are not.

#![no_main]

use std::sync::LazyLock;

use annals::search::Engine;
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<(tempfile::TempDir, Engine)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let engine = annals_fuzz::checks::build_engine(dir.path());
    (dir, engine)
});

fuzz_target!(|data: &[u8]| {
    annals_fuzz::checks::query(&ENGINE.1, data);
});
