//! Every input the fuzz targets (`fuzz/`, see README "Fuzzing") ever
//! crashed on, replayed through the same checks the targets run, plus the
//! fuzz seeds. Crash inputs live in `tests/data/fuzz/<target>/`.

#[allow(dead_code)]
#[path = "../../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use annals::search::Engine;

fn files_in(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("read_dir entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// The extract target on one input, JSONL path included.
fn extract(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    checks::extract(bytes, Some(&dir.path().join("fuzz.jsonl")));
}

/// The query target on one input, against the target's index.
fn query(bytes: &[u8]) {
    static ENGINE: OnceLock<(tempfile::TempDir, Engine)> = OnceLock::new();
    let (_, engine) = ENGINE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let engine = checks::build_engine(dir.path());
        (dir, engine)
    });
    checks::query(engine, bytes);
}

#[test]
fn extract_seeds_and_saved_crashes_replay_cleanly() {
    let mut files = files_in("fuzz/seeds/extract");
    files.extend(files_in("tests/data/fuzz/extract"));
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).expect("read input");
        eprintln!("{}", file.display());
        extract(&bytes);
    }
}

#[test]
fn query_seeds_and_saved_crashes_replay_cleanly() {
    let mut files = files_in("fuzz/seeds/query");
    files.extend(files_in("tests/data/fuzz/query"));
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).expect("read input");
        eprintln!("{}", file.display());
        query(&bytes);
    }
}

/// Found by `extract`: "2007-02-29" is read as written (February may have a
/// 29th in any year: Julian dates), which the checks once took for a bad day.
#[test]
fn a_29th_of_february_in_a_common_year_is_read_as_written() {
    extract(include_bytes!(
        "../data/fuzz/extract/feb-29-in-a-common-year.txt"
    ));
    let time = annals::extract::dates::extract_dates("They met on 2007-02-29 in Baku.");
    for m in &time.mentions {
        assert!(m.from <= m.to || m.to.is_none(), "{m:?}");
    }
}

/// Found by `query`: a `--year` value with a multi-byte character in its
/// first four bytes panicked slicing "the " off it (src/vocab/time.rs,
/// `strip_the`).
#[test]
fn year_filters_with_multibyte_characters_are_errors_not_panics() {
    query(include_bytes!(
        "../data/fuzz/query/year-non-ascii-char-boundary.txt"
    ));
    query("*\nyear=099\u{FFFD}5s".as_bytes());
    for value in [
        "099\u{FFFD}5s",
        "é",
        "1é90s",
        "thé 1990s",
        "19\u{2019}s",
        "\u{1F600}th century",
        "théâtre..1990",
        "abcé",
        "xy\u{20AC}1990s",
    ] {
        assert!(
            value.parse::<annals::vocab::filters::YearFilter>().is_err(),
            "{value:?} parsed"
        );
        assert_eq!(annals::vocab::time::parse_century(value), None);
        assert_eq!(annals::vocab::time::parse_decade(value), None);
    }
}

/// Found by `query`: excluding a phrase (`d -"u a"`; the fuzzer's `u\u{FFFD}a`
/// tokenizes into the phrase "u a") trips a debug assertion in tantivy 0.27's
/// `PhraseScorer::seek_danger` ("target should be greater than or equal to
/// doc"): tantivy's `Exclude` asks the phrase scorer about a document before
/// the one it stands on. Release builds skip the assertion; debug builds
/// (tests, `cargo run`) panic. The input is kept
/// outside `tests/data/fuzz/query/` so the replay above stays green.
#[test]
fn excluding_a_phrase_does_not_panic() {
    query(include_bytes!(
        "../data/fuzz/tantivy/phrase-exclusion-seek-danger.txt"
    ));
    query(b"d -\"u a\"");
}
