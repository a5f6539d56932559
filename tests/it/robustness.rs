//! Never lose an index, never panic: atomic and incremental builds, the
//! write lock, bad input and bad queries, through the binary.

use std::process::Stdio;
use std::time::Instant;

use crate::common::Fixture;
use predicates::prelude::*;
use serde_json::Value;

/// Generation folders in the index (a reader's lease file, `gen-N.lease`,
/// is no generation).
fn generations(f: &Fixture) -> usize {
    std::fs::read_dir(f.path("index"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-") && e.path().is_dir())
        .count()
}

/// Everything a build decides, without timings: every hit in corpus order
/// and every facet.
fn snapshot(f: &Fixture) -> Value {
    let (mut answer, _) = f.query_json(&[
        "*",
        "--limit",
        "10000",
        "--facet",
        "year,decade,century,country,person,org,place,source",
        "--facet-limit",
        "1000",
    ]);
    answer["took_ms"] = Value::Null;
    for hit in answer["hits"].as_array_mut().unwrap() {
        hit["score"] = Value::Null;
    }
    answer
}

fn write_corpus(f: &Fixture, files: usize) {
    for i in 0..files {
        f.write(
            &format!("corpus/part-{i:03}.txt"),
            format!("Delegates met in Baku in {} to talk of Iran.\nIn March 2012, Azerbaijan arrested {} people in Tehran.\n", 1900 + i, i + 2),
        );
    }
}

#[test]
fn an_incremental_build_gives_what_a_full_build_gives() {
    let f = Fixture::seed();
    write_corpus(&f, 6);
    f.annals(&["build"]).assert().success();
    // Change one file, add one in the middle of the sorted order and one at the end, delete one.
    f.write(
        "corpus/part-002.txt",
        "In 1999, the Shah of Iran spoke in Paris.\n",
    );
    f.write(
        "corpus/part-0025.txt",
        "A new file about Israel, written in 1956.\n",
    );
    f.write("corpus/zz-last.txt", "The last file speaks of Armenia.\n");
    std::fs::remove_file(f.path("corpus/part-004.txt")).unwrap();
    f.annals(&["build"])
        .assert()
        .success()
        .stderr(predicate::str::contains("read 3 new or changed files"))
        .stderr(predicate::str::contains("removed 1"));
    let incremental = snapshot(&f);
    f.annals(&["build", "--full"])
        .assert()
        .success()
        .stderr(predicate::str::contains("indexed"));
    assert_eq!(incremental, snapshot(&f));
    // Nothing changed: nothing is read.
    f.annals(&["build"])
        .assert()
        .success()
        .stderr(predicate::str::contains("up to date"));
}

#[test]
fn a_second_build_is_refused_while_one_holds_the_lock() {
    let f = Fixture::built();
    let lock = std::fs::File::options()
        .write(true)
        .open(f.path("index/.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    f.annals(&["build"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "another build is writing the index",
        ));
    // Queries still answer meanwhile.
    f.annals(&["query", "Baku"]).assert().success();
    lock.unlock().unwrap();
    f.annals(&["build", "--full"]).assert().success();
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_previous_index() {
    let f = Fixture::seed();
    f.annals(&["build"]).assert().success();
    // A corpus big enough that a build takes a while.
    let paragraph = "In March 2012, Azerbaijan arrested 22 people on suspicion of plotting attacks on the U.S. and Israeli embassies in Baku. ".repeat(20);
    for i in 0..60 {
        f.write(
            &format!("corpus/bulk-{i:03}.txt"),
            format!("{paragraph}\n").repeat(20),
        );
    }
    let binary = env!("CARGO_BIN_EXE_annals");
    let started = Instant::now();
    let mut full = std::process::Command::new(binary)
        .args(["build", "--full"])
        .current_dir(f.dir.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    full.wait().unwrap();
    let full_time = started.elapsed();
    let after_full = f.query_json(&["*", "--limit", "0"]).0["total"].clone();
    // Grow the corpus, then kill builds of it at points spread over a build's length.
    for i in 60..80 {
        f.write(
            &format!("corpus/bulk-{i:03}.txt"),
            format!("{paragraph}\n").repeat(20),
        );
    }
    for step in 0..8u32 {
        let delay = full_time.mul_f64(f64::from(step) / 8.0);
        let mut child = std::process::Command::new(binary)
            .args(["build", "--full"])
            .current_dir(f.dir.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // The live index answers while the build runs …
        let (answer, code) = f.query_json(&["*", "--limit", "0"]);
        let _ = child.kill();
        child.wait().unwrap();
        assert_eq!(code, 0);
        let total = answer["total"].clone();
        // … and after it is killed, with the old index or, if the build
        // finished first, the new one; never a broken one.
        let (after, code) = f.query_json(&["*", "--limit", "0"]);
        assert_eq!(code, 0, "query after kill at {delay:?}");
        assert!(
            after["total"] == after_full || after["total"].as_u64() > after_full.as_u64(),
            "{after}"
        );
        assert!(total == after_full || total.as_u64() > after_full.as_u64());
    }
    // The next build cleans up what killed builds left.
    f.annals(&["build", "--full"]).assert().success();
    assert_eq!(generations(&f), 1);
    assert!(f.query_json(&["*", "--limit", "0"]).0["total"].as_u64() > after_full.as_u64());
}

#[test]
fn non_utf8_text_is_decoded_with_a_warning_or_refused_under_strict() {
    let f = Fixture::empty();
    f.write(
        "c/latin1.txt",
        b"Caf\xe9 talks in Baku ended.\nThe second line.\n".as_slice(),
    );
    f.annals(&["build", "c"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "c/latin1.txt: not valid UTF-8 (first bad byte at offset 3)",
        ));
    let (answer, _) = f.query_json(&["Baku"]);
    assert_eq!(answer["total"], 1);
    f.annals(&["build", "c", "--strict", "--index", "strict"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("c/latin1.txt:1: not valid UTF-8"));
}

#[test]
fn binary_and_empty_files_are_skipped_with_a_warning() {
    let f = Fixture::empty();
    f.write("c/good.txt", "Tehran answered.\n");
    f.write("c/blob", [0u8, 159, 146, 150, 0, 1, 2].as_slice());
    f.write("c/empty.txt", "");
    f.annals(&["build", "c"])
        .assert()
        .success()
        .stderr(predicate::str::contains("c/blob: binary file"))
        .stderr(predicate::str::contains("c/empty.txt: empty file"));
    let (answer, _) = f.query_json(&["*"]);
    assert_eq!(answer["total"], 1);
}

#[test]
fn a_huge_line_without_sentence_ends_is_cut_into_bounded_sentences() {
    let f = Fixture::empty();
    let words = "word ".repeat(2 * 1024 * 1024); // 10 MB, no line break, no full stop
    f.write("c/huge.txt", &words);
    f.annals(&["build", "c"]).assert().success();
    let (answer, _) = f.query_json(&["word", "--limit", "1"]);
    let total = answer["total"].as_u64().unwrap();
    assert!(total >= 10 * 1024 * 1024 / 4096, "{total}");
    assert!(answer["hits"][0]["text"].as_str().unwrap().len() <= 4096);
}

#[test]
fn malformed_jsonl_names_the_line_and_skip_bad_counts_it() {
    let f = Fixture::empty();
    f.write("c/a.jsonl", "{\"text\": \"Baku is a city.\"}\n{\"text\": 42}\n{broken\n{\"id\": 7}\n{\"text\": \"Tehran too.\"}\n");
    f.annals(&["build", "c"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "c/a.jsonl:2: \"text\" is not a string",
        ))
        .stderr(predicate::str::contains("--skip-bad"));
    f.annals(&["build", "c", "--skip-bad"])
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped 3 malformed record(s)"));
    let (answer, _) = f.query_json(&["*"]);
    assert_eq!(answer["total"], 2);
}

#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let f = Fixture::empty();
    f.write("c/a.txt", "Baku.\n");
    std::os::unix::fs::symlink("..", f.path("c/loop")).unwrap();
    f.annals(&["build", "c"])
        .assert()
        .success()
        .stderr(predicate::str::contains("symbolic link loop"));
    let (answer, _) = f.query_json(&["*"]);
    assert_eq!(answer["total"], 1);
}

#[test]
fn an_index_path_that_is_a_file_or_damaged_is_an_error() {
    let f = Fixture::built();
    f.write("afile", "x");
    f.annals(&["build", "--index", "afile"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "afile: is a file, not an index folder",
        ));
    f.annals(&["query", "x", "--index", "afile"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a file"));
    // Damage the live generation's meta.json.
    let current = std::fs::read_to_string(f.path("index/CURRENT")).unwrap();
    f.write(&format!("index/{}/meta.json", current.trim()), "{ not json");
    f.annals(&["query", "Baku"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "rebuild it with `annals build --full`",
        ))
        .stderr(predicate::str::contains("panicked").not());
    // A rebuild repairs it.
    f.annals(&["build"]).assert().success();
    f.annals(&["query", "Baku"]).assert().success();
}

#[test]
fn an_index_of_another_schema_version_says_to_rebuild() {
    let f = Fixture::built();
    let current = std::fs::read_to_string(f.path("index/CURRENT")).unwrap();
    let meta_path = f.path(&format!("index/{}/meta.json", current.trim()));
    let meta: Value = serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    let mut payload: Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    payload["schema_version"] = Value::from(999);
    let mut meta = meta;
    meta["payload"] = Value::from(payload.to_string());
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    f.annals(&["query", "Baku"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("schema version 999"))
        .stderr(predicate::str::contains("rebuild"));
}

#[test]
fn bad_queries_are_clear_errors_or_empty_answers_never_panics() {
    let f = Fixture::built();
    let long = "peace ".repeat(20_000);
    let deep = format!("{}Baku{}", "(".repeat(5_000), ")".repeat(5_000));
    for (query, code) in [
        ("(Baku", 2),
        ("\"Baku", 2),
        ("Baku)", 2),
        (long.as_str(), 2),
        (deep.as_str(), 2),
        ("year:[1990 TO", 2),
        ("AND", 2),
    ] {
        let out = f.annals(&["query", query]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{:.40}: {stderr}", query);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.contains("annals: error:"), "{stderr}");
    }
    // A query with only operator characters, taken plainly, matches everything.
    f.annals(&["query", "((", "--plain"]).assert().code(0);
    // --limit 0 counts without listing; a huge offset lists nothing.
    let (answer, code) = f.query_json(&["Baku", "--limit", "0"]);
    assert_eq!(
        (
            answer["total"].as_u64(),
            answer["hits"].as_array().unwrap().len(),
            code
        ),
        (Some(8), 0, 0)
    );
    let (answer, _) = f.query_json(&["Baku", "--offset", "99999999999"]);
    assert_eq!(
        (
            answer["total"].as_u64(),
            answer["hits"].as_array().unwrap().len()
        ),
        (Some(8), 0)
    );
    f.annals(&["query", "Baku", "--limit", "100000"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 10000"));
    f.annals(&["query", "*", "--year", "..", "--limit", "1"])
        .assert()
        .code(2);
}

#[test]
fn extract_never_panics_on_odd_input() {
    let f = Fixture::empty();
    for input in [
        "",
        "\n\n\n",
        "[1][2][3]",
        "....",
        "\u{feff}Baku.",
        "\"[61]",
        "Mr.\nSmith",
        "(...)",
        "\r\n\r\n",
    ] {
        let out = f
            .annals(&["extract", "--format", "jsonl"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{input:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
