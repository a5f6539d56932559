//! End to end through the binary: build, query, extract, errors and exit
//! statuses, on the bundled corpus and on fixture corpora.

use crate::common::{Fixture, SEED, SEED_PATH, hit_lines};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn the_seed_splits_into_31_sentences_with_two_on_line_10() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    assert_eq!(sentences.len(), 31);
    let on_line_10: Vec<&Value> = sentences.iter().filter(|s| s["line"] == 10).collect();
    assert_eq!(on_line_10.len(), 2);
    let numbers: Vec<u64> = sentences
        .iter()
        .map(|s| s["sentence"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=31).collect::<Vec<_>>());
    // Every other line holds exactly one sentence.
    for line in 1..=30u64 {
        let n = sentences.iter().filter(|s| s["line"] == line).count();
        assert_eq!(n, if line == 10 { 2 } else { 1 }, "line {line}");
    }
}

#[test]
fn citation_markers_become_refs_of_the_right_sentence() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    let refs = |i: usize| -> Vec<u64> {
        sentences[i]["refs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect()
    };
    // Line 10: "…resources.”[20] In February 2012, …"
    assert_eq!(refs(9), vec![20]);
    assert!(
        sentences[9]["text"]
            .as_str()
            .unwrap()
            .ends_with("resources.”")
    );
    assert_eq!(refs(10), Vec::<u64>::new());
    assert!(
        sentences[10]["text"]
            .as_str()
            .unwrap()
            .starts_with("In February 2012")
    );
    // A marker that opens a line belongs to that line's sentence.
    assert_eq!(refs(1), vec![18]);
    assert_eq!(refs(8), vec![26, 27]);
    for s in &sentences {
        let text = s["text"].as_str().unwrap();
        assert!(
            !text.contains("[2") && !text.contains("[1") && !text.contains("[6"),
            "marker left in {text}"
        );
    }
    // Refs agree with the gold, line by line.
    for g in crate::common::gold() {
        let line = g["line"].as_u64().unwrap();
        let mut found: Vec<u64> = sentences
            .iter()
            .filter(|s| s["line"] == line)
            .flat_map(|s| {
                s["refs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap())
            })
            .collect();
        found.sort();
        let mut want: Vec<u64> = g["refs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        want.sort();
        assert_eq!(found, want, "refs of line {line}");
    }
}

#[test]
fn provenance_points_at_the_source_bytes() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    let bytes = SEED.as_bytes();
    for s in &sentences {
        assert_eq!(s["source"], SEED_PATH);
        assert_eq!(s["doc"], SEED_PATH);
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let line = s["line"].as_u64().unwrap() as usize;
        // The span starts on the line it names.
        assert_eq!(SEED[..start].matches('\n').count() + 1, line);
        let text = s["text"].as_str().unwrap();
        let original = std::str::from_utf8(&bytes[start..end]).unwrap();
        // Without the markers inside it, the span is the sentence.
        let squeeze = |s: &str| s.split(|c: char| c.is_whitespace()).collect::<String>();
        let stripped = original.replace("[82]", "");
        assert_eq!(squeeze(&stripped), squeeze(text));
    }
    // The contract's example: the second sentence of line 10.
    let s = &sentences[10];
    assert_eq!(
        (s["start"].as_u64(), s["end"].as_u64()),
        (Some(2147), Some(2317))
    );
}

#[test]
fn phrase_queries_rank_the_exact_sentence_first() {
    let f = Fixture::built();
    let (answer, code) = f.query_json(&["\"joint defense commission\""]);
    assert_eq!(code, 0);
    assert_eq!(hit_lines(&answer), vec![26]);
    let (answer, _) = f.query_json(&["joint commission"]);
    let lines = hit_lines(&answer);
    assert!(lines.len() >= 2, "{lines:?}");
    // Both words, close together, outrank either alone.
    assert!(lines[0] == 28 || lines[0] == 26, "{lines:?}");
}

#[test]
fn baku_is_named_in_eight_sentences() {
    let f = Fixture::built();
    let (answer, code) = f.query_json(&["Baku"]);
    assert_eq!(code, 0);
    assert_eq!(answer["total"], 8);
    let mut lines = hit_lines(&answer);
    lines.sort();
    assert_eq!(lines, vec![3, 5, 6, 7, 8, 15, 20, 22]);
}

#[test]
fn the_json_answer_has_the_contract_shape() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["defense deal", "--limit", "2"]);
    for key in [
        "query", "total", "offset", "limit", "took_ms", "hits", "facets",
    ] {
        assert!(answer.get(key).is_some(), "missing {key}");
    }
    assert_eq!(answer["query"], "defense deal");
    assert_eq!(answer["limit"], 2);
    assert!(answer["facets"].as_object().unwrap().is_empty());
    let hit = &answer["hits"][0];
    for key in [
        "rank",
        "score",
        "doc",
        "source",
        "line",
        "sentence",
        "text",
        "snippet",
        "refs",
        "dates",
        "years",
        "countries",
        "persons",
        "orgs",
        "places",
    ] {
        assert!(hit.get(key).is_some(), "hit lacks {key}");
    }
    assert_eq!(hit["rank"], 1);
    assert_eq!(hit["line"], 10);
    let fragment = hit["snippet"]["fragment"].as_str().unwrap();
    let highlights = hit["snippet"]["highlights"].as_array().unwrap();
    assert!(!highlights.is_empty());
    let words: Vec<&str> = highlights
        .iter()
        .map(|h| &fragment[h[0].as_u64().unwrap() as usize..h[1].as_u64().unwrap() as usize])
        .collect();
    assert!(
        words
            .iter()
            .all(|w| ["defense", "deal"].contains(&w.to_lowercase().as_str())),
        "{words:?}"
    );
}

#[test]
fn star_matches_every_sentence_in_corpus_order() {
    let f = Fixture::built();
    let (answer, code) = f.query_json(&["*", "--limit", "40"]);
    assert_eq!(code, 0);
    assert_eq!(answer["total"], 31);
    let numbers: Vec<u64> = answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["sentence"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=31).collect::<Vec<_>>());
}

#[test]
fn paging_with_limit_and_offset() {
    let f = Fixture::built();
    let (page, _) = f.query_json(&["*", "--limit", "5", "--offset", "10"]);
    let numbers: Vec<u64> = page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["sentence"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, vec![11, 12, 13, 14, 15]);
    assert_eq!(page["hits"][0]["rank"], 11);
    let (beyond, code) = f.query_json(&["*", "--offset", "100"]);
    assert_eq!(beyond["hits"].as_array().unwrap().len(), 0);
    assert_eq!(beyond["total"], 31);
    assert_eq!(code, 0);
}

#[test]
fn text_is_folded_and_stemmed() {
    let f = Fixture::built();
    // Atatürk without the umlaut.
    let (answer, _) = f.query_json(&["ataturk"]);
    assert_eq!(hit_lines(&answer), vec![11]);
    // "recognizing" finds "recognized" and "recognize".
    let (answer, _) = f.query_json(&["recognizing"]);
    let mut lines = hit_lines(&answer);
    lines.sort();
    assert_eq!(lines, vec![8, 9]);
}

#[test]
fn all_requires_every_word_and_plain_takes_operators_literally() {
    let f = Fixture::built();
    let (any, _) = f.query_json(&["Israel helicopter"]);
    let (all, _) = f.query_json(&["Israel helicopter", "--all"]);
    assert!(any["total"].as_u64().unwrap() > 1);
    assert_eq!(all["total"], 0);
    let (answer, code) = f.query_json(&["Azerbaijan (and Israel) signed?", "--plain", "--all"]);
    assert_eq!(code, 0);
    assert_eq!(hit_lines(&answer), vec![10]);
}

#[test]
fn an_excluded_phrase_removes_exactly_its_sentences() {
    let f = Fixture::built();
    let (with, _) = f.query_json(&["Azerbaijan", "--limit", "50"]);
    let (without, code) = f.query_json(&["Azerbaijan -\"joint defense\"", "--limit", "50"]);
    assert_eq!(code, 0);
    let mut expected = hit_lines(&with);
    expected.retain(|&l| l != 26);
    let mut lines = hit_lines(&without);
    expected.sort();
    lines.sort();
    assert_eq!(lines, expected);
}

#[test]
fn exit_status_is_0_for_hits_1_for_none_2_for_errors() {
    let f = Fixture::built();
    f.annals(&["query", "Tehran"]).assert().code(0);
    f.annals(&["query", "zanzibar"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no results"));
    f.annals(&["query", "Tehran", "--index", "nowhere"])
        .assert()
        .code(2);
}

#[test]
fn text_output_is_plain_when_piped_and_shows_provenance() {
    let f = Fixture::built();
    f.annals(&["query", "helicopters"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "corpus/azerbaijan-iran-relations.txt:14",
        ))
        .stdout(predicate::str::contains("Iranian helicopters had violated"))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn query_builds_the_default_index_when_there_is_none() {
    let f = Fixture::seed();
    f.annals(&["query", "Tehran"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "no index at index/: building it from corpus/",
        ));
    assert!(f.path("index/CURRENT").exists());
}

#[test]
fn missing_paths_and_indexes_are_errors_that_say_what_to_do() {
    let f = Fixture::empty();
    f.annals(&["build", "no-such-corpus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no-such-corpus: no such file or directory",
        ));
    f.annals(&["query", "Baku", "--index", "idx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no index at idx/: run annals build first",
        ));
}

#[test]
fn query_syntax_errors_give_the_position_and_suggest_plain() {
    let f = Fixture::built();
    f.annals(&["query", "Iran AND (Baku"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("query syntax error at position"))
        .stderr(predicate::str::contains("--plain"));
    f.annals(&["query", "colour:red"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field \"colour\""));
}

#[test]
fn folders_are_read_recursively_in_sorted_order_with_spaces_in_names() {
    let f = Fixture::empty();
    f.write(
        "c/b dir/second file.txt",
        "The second file speaks of Baku.\n",
    );
    f.write(
        "c/a.md",
        "The first file speaks of Tehran. It has two sentences.\n",
    );
    f.write("c/b dir/deeper/third.txt", "The third one is deeper.\n");
    f.write("c/image.png", "not text");
    let out = f.extract(&["c"]);
    let sources: Vec<&str> = out.iter().map(|s| s["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        vec![
            "c/a.md",
            "c/a.md",
            "c/b dir/deeper/third.txt",
            "c/b dir/second file.txt"
        ]
    );
    f.annals(&["build", "c"])
        .assert()
        .success()
        .stderr(predicate::str::contains("image.png"));
    let (answer, _) = f.query_json(&["*"]);
    assert_eq!(answer["total"], 4);
}

#[test]
fn jsonl_records_keep_their_id_title_and_metadata() {
    let f = Fixture::empty();
    f.write(
        "c/news.jsonl",
        concat!(
            "{\"id\": \"a1\", \"title\": \"Talks\", \"date\": \"2012-03-01\", \"url\": \"https://example.org/a1\", \"text\": \"Talks were held in Baku. They ended \\\"well\\\".\", \"author\": \"R. Staff\"}\n",
            "\n",
            "{\"id\": \"a2\", \"text\": \"Tehran answered.\"}\n",
        ),
    );
    let out = f.extract(&["c/news.jsonl"]);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["doc"], "a1");
    assert_eq!(out[0]["title"], "Talks");
    assert_eq!(out[0]["meta"]["author"], "R. Staff");
    // The document's own date and address are kept, not dropped.
    assert_eq!(out[0]["doc_date"], "2012-03-01");
    assert_eq!(out[0]["url"], "https://example.org/a1");
    assert!(out[2].get("doc_date").is_none());
    assert_eq!(out[1]["text"], "They ended \"well\".");
    assert_eq!(out[2]["line"], 3);
    assert_eq!(out[2]["doc"], "a2");
    // Offsets point into the file, through the JSON escapes.
    let file = std::fs::read_to_string(f.path("c/news.jsonl")).unwrap();
    let s = &out[1];
    let span = &file[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize];
    assert_eq!(span, "They ended \\\"well\\\".");
    f.annals(&["build", "c"]).assert().success();
    let (answer, _) = f.query_json(&["Tehran"]);
    assert_eq!(answer["hits"][0]["doc"], "a2");
    let (answer, _) = f.query_json(&["Baku"]);
    assert_eq!(answer["hits"][0]["doc_date"], "2012-03-01");
}

#[test]
fn extract_reads_standard_input() {
    let f = Fixture::empty();
    let out = f
        .annals(&["extract", "--format", "jsonl"])
        .write_stdin("Washington, D.C. is a city. The U.S. Army marched.[3] Then it stopped.")
        .output()
        .unwrap();
    let sentences = crate::common::parse_jsonl(&out.stdout);
    assert_eq!(sentences.len(), 3);
    assert_eq!(sentences[0]["source"], "<stdin>");
    assert_eq!(sentences[1]["refs"], serde_json::json!([3]));
}

#[test]
fn a_build_that_fails_midway_leaves_the_previous_index() {
    let f = Fixture::built();
    f.write("corpus/zz-bad.jsonl", "{\"text\": \"fine\"}\n{not json\n");
    f.annals(&["build"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("corpus/zz-bad.jsonl:2"));
    let (answer, code) = f.query_json(&["Baku"]);
    assert_eq!(code, 0);
    assert_eq!(answer["total"], 8);
    // Nothing of the failed build is left beside the live index (a
    // reader's lease file, `gen-N.lease`, is no generation).
    let generations = std::fs::read_dir(f.path("index"))
        .unwrap()
        .filter(|e| {
            let e = e.as_ref().unwrap();
            e.file_name().to_string_lossy().starts_with("gen-") && e.path().is_dir()
        })
        .count();
    assert_eq!(generations, 1);
}

#[test]
fn two_builds_of_one_corpus_answer_alike() {
    let f = Fixture::built();
    let (first, _) = f.query_json(&["Iran", "--limit", "40"]);
    f.annals(&["build"]).assert().success();
    let (second, _) = f.query_json(&["Iran", "--limit", "40"]);
    let strip = |v: &Value| {
        let mut v = v.clone();
        v["took_ms"] = Value::Null;
        v
    };
    assert_eq!(strip(&first), strip(&second));
}

/// A `.json` file holding an array of records is read like JSONL: each
/// record a document with its id and title, sentences on the line where
/// the record starts, offsets into the file as written.
#[test]
fn json_arrays_of_records_are_read_like_jsonl() {
    let f = Fixture::empty();
    let file = "[\n  {\"id\": \"a\", \"title\": \"First\", \"text\": \"Baku grew in 1901. It grew more.\"},\n  {\"id\": \"b\", \"text\": \"Tehran answered.\"}\n]\n";
    f.write("corpus/export.json", file);
    let out = f
        .annals(&["extract", "corpus/export.json", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sentences = crate::common::parse_jsonl(&out.stdout);
    let summary: Vec<(String, u64, String)> = sentences
        .iter()
        .map(|s| {
            (
                s["doc"].as_str().unwrap().to_string(),
                s["line"].as_u64().unwrap(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("a".into(), 2, "Baku grew in 1901.".into()),
            ("a".into(), 2, "It grew more.".into()),
            ("b".into(), 3, "Tehran answered.".into()),
        ]
    );
    for s in &sentences {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(
            &file[start as usize..end as usize],
            s["text"].as_str().unwrap()
        );
    }
    assert_eq!(sentences[0]["title"], "First");
    f.write("corpus/bad.json", "{\"text\": \"not an array\"}");
    f.annals(&["extract", "corpus/bad.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "bad.json:1: not a JSON array of records",
        ));
}

/// A build stores the index's statistics; `annals stats` reads them, and
/// they follow an incremental build.
#[test]
fn builds_store_the_statistics_that_stats_reads() {
    let f = Fixture::built();
    let stored = std::fs::read_dir(f.path("index"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("annals-stats.json"))
        .find(|p| p.is_file())
        .expect("statistics stored in the live generation");
    let read = |f: &Fixture| -> Value {
        let out = f.annals(&["stats", "--format", "json"]).output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let from_store = read(&f);
    std::fs::remove_file(&stored).unwrap();
    let counted = read(&f);
    let without_size = |mut v: Value| {
        v.as_object_mut().unwrap().remove("size_bytes");
        v
    };
    assert_eq!(without_size(from_store.clone()), without_size(counted));
    assert_eq!(from_store["sentences"], 31);
    f.write("corpus/more.txt", "Delegates met in Tehran in 1955.\n");
    f.annals(&["build"]).assert().success();
    let after = read(&f);
    assert_eq!(after["sentences"], 32);
    assert!(stored.is_file(), "stored again after the incremental build");
}
