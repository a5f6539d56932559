//! Real corpora read right and shown right: paragraph numbers, stray line
//! breaks, headings as sections, encodings, `annals show`, the query forms,
//! source paths and the messages a user meets.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::Fixture;

/// A speech as the UN corpus has them: numbered paragraphs, a line broken
/// in mid-sentence.
const SPEECH: &str = "26.      On behalf of the Afghan delegation, I congratulate the President. We hope for peace.\n\n27.    We will take concrete and effective steps to abolish\napartheid. For its part, my country agrees.\n\n28.\n\nThe Assembly rose.\n";

/// A WikiExtractor file: the title line, the lead, section titles.
const WIKI: &str = "<doc id=\"7\" url=\"https://en.wikipedia.org/wiki?curid=7\" title=\"France\">\nFrance\n\nFrance is a country in Europe with a long history of revolutions.\nFrench Revolution.\nThe French Revolution began in 1789 and changed the country.\nIt ended the monarchy for a time.\nLater history.\nIn 1871 the Third Republic was proclaimed after the war.\n</doc>\n";

fn texts(sentences: &[Value]) -> Vec<&str> {
    sentences
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect()
}

#[test]
fn paragraph_numbers_and_stray_breaks_are_read_as_a_reader_would() {
    let f = Fixture::empty();
    f.write("c/SPEECH_26_1965.txt", SPEECH);
    let out = f.extract(&["c"]);
    assert_eq!(
        texts(&out),
        vec![
            "On behalf of the Afghan delegation, I congratulate the President.",
            "We hope for peace.",
            "We will take concrete and effective steps to abolish apartheid.",
            "For its part, my country agrees.",
            "The Assembly rose.",
        ]
    );
    for s in &out {
        let start = s["start"].as_u64().unwrap() as usize;
        assert!(!SPEECH[start..].starts_with(char::is_numeric), "{s}");
    }
}

#[test]
fn headings_are_sections_not_hits() {
    let f = Fixture::empty();
    f.write("c/wiki_00", WIKI);
    f.annals(&["build", "c"]).assert().success();
    let (answer, _) = f.query_json(&["\"French Revolution\""]);
    assert_eq!(answer["total"], 1, "{answer}");
    let hit = &answer["hits"][0];
    assert_eq!(hit["section"], "French Revolution");
    assert_eq!(hit["title"], "France");
    let (answer, _) = f.query_json(&["*", "--section", "later history"]);
    assert_eq!(answer["total"], 1);
    assert_eq!(answer["hits"][0]["years"], serde_json::json!([1871]));
    let (answer, _) = f.query_json(&["*", "--facet", "section"]);
    let values: Vec<(&str, u64)> = answer["facets"]["section"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["name"].as_str().unwrap(), v["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(values, vec![("French Revolution", 2), ("Later history", 1)]);
    // The text output names the article and section, and where it is.
    f.annals(&["query", "monarchy"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "France › French Revolution c/wiki_00:7",
        ));
}

#[test]
fn windows_1252_files_are_decoded_and_said_so() {
    let f = Fixture::empty();
    let mut bytes = b"The caf".to_vec();
    bytes.push(0xE9); // é in Windows-1252
    bytes.extend_from_slice(b" in Paris opened in 1902. Its owner was na");
    bytes.push(0xEF); // ï
    bytes.extend_from_slice(b"ve.\n");
    f.write("c/old.txt", &bytes);
    let out = f
        .annals(&["extract", "c", "--format", "jsonl"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("decoded as windows-1252"), "{stderr}");
    let sentences = crate::common::parse_jsonl(&out.stdout);
    assert_eq!(
        texts(&sentences),
        vec!["The café in Paris opened in 1902.", "Its owner was naïve."]
    );
    f.annals(&["extract", "c", "--strict"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not valid UTF-8"))
        .stderr(predicate::str::contains("without --strict"));
}

#[test]
fn show_prints_a_sentence_with_its_neighbours() {
    let f = Fixture::empty();
    f.write("c/wiki_00", WIKI);
    f.annals(&["build", "c"]).assert().success();
    let out = f
        .annals(&["show", "c/wiki_00:7", "--context", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        vec![
            "France › French Revolution",
            "  c/wiki_00:6 The French Revolution began in 1789 and changed the country.",
            "> c/wiki_00:7 It ended the monarchy for a time.",
            "  c/wiki_00:9 In 1871 the Third Republic was proclaimed after the war.",
        ]
    );
    let out = f
        .annals(&["show", "c/wiki_00:4", "-C", "5", "--format", "json"])
        .output()
        .unwrap();
    let context: Value = serde_json::from_slice(&out.stdout).unwrap();
    let marked: Vec<bool> = context["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["hit"].as_bool().unwrap())
        .collect();
    assert_eq!(marked, vec![true, false, false, false]);
    f.annals(&["show", "c/nope:3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no indexed sentence comes from"));
    f.annals(&["show", "c/wiki_00"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SOURCE:LINE"));
}

#[test]
fn query_fields_take_the_values_filters_take() {
    let f = Fixture::built();
    for (query, flag) in [
        ("year:2010s", ["--year", "2010s"]),
        ("year:\"21st century\"", ["--year", "21st century"]),
        ("year:1990..2000", ["--year", "1990..2000"]),
        ("country:Iranian", ["--country", "Iranian"]),
    ] {
        let (by_field, _) = f.query_json(&[query, "--limit", "0"]);
        let (by_flag, _) = f.query_json(&["*", flag[0], flag[1], "--limit", "0"]);
        assert_eq!(by_field["total"], by_flag["total"], "{query}");
        assert!(by_field["total"].as_u64().unwrap() > 0, "{query}");
    }
    f.annals(&["query", "aparth*"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "word prefixes and wildcards are not supported",
        ));
    f.annals(&["query", "apartheid~1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fuzzy words are not supported"));
    f.annals(&["query", "*", "--year", "1990-2010"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1990..2010"));
}

#[test]
fn sources_match_by_file_name_and_by_absolute_path() {
    let f = Fixture::empty();
    f.write(
        "c/Session 45 - 1990/ZAF_45_1990.txt",
        "South Africa spoke in 1990.\n",
    );
    f.write(
        "c/Session 45 - 1990/USA_45_1990.txt",
        "The United States spoke.\n",
    );
    f.annals(&["build", "c"]).assert().success();
    let (answer, _) = f.query_json(&["*", "--source", "ZAF_*"]);
    assert_eq!(answer["total"], 1);
    let absolute = f.path("c/Session 45 - 1990/USA_45_1990.txt");
    let (answer, _) = f.query_json(&["*", "--source", absolute.to_str().unwrap()]);
    assert_eq!(answer["total"], 1);
    assert!(
        answer["hits"][0]["text"]
            .as_str()
            .unwrap()
            .contains("United States")
    );
}

#[test]
fn messages_say_what_happened() {
    let f = Fixture::built();
    f.annals(&["query", "Baku", "--limit", "0"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "8 sentences match \"Baku\"; none are shown",
        ));
    f.annals(&["query", "Zanzibar"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no results for \"Zanzibar\""));
    // Facets print in the order asked.
    let out = f
        .annals(&["query", "Baku", "--facet", "country,year"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let country = text.find("\ncountry (").expect("country facet");
    let year = text.find("\nyear (").expect("year facet");
    assert!(country < year, "{text}");
    // An empty folder builds, with a warning that nothing was found.
    let empty = Fixture::empty();
    std::fs::create_dir_all(empty.path("corpus")).unwrap();
    empty
        .annals(&["build"])
        .assert()
        .success()
        .stderr(predicate::str::contains("indexed 0 sentences from 0 files"))
        .stderr(predicate::str::contains(
            "warning: found no sentences in corpus",
        ));
    let one = Fixture::seed();
    one.annals(&["build"])
        .assert()
        .success()
        .stderr(predicate::str::contains("from 1 file (1 document"));
}

#[test]
fn a_query_during_the_first_build_says_a_build_is_running() {
    let f = Fixture::empty();
    std::fs::create_dir_all(f.path("index")).unwrap();
    let lock = std::fs::File::create(f.path("index/.lock")).unwrap();
    lock.lock().unwrap();
    f.annals(&["query", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a build is writing it"));
    lock.unlock().unwrap();
    f.annals(&["query", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("run annals build first"));
}

#[test]
fn long_sentences_are_cut_around_the_match_with_an_ellipsis() {
    let f = Fixture::empty();
    let long = format!(
        "{} the fall of the Berlin Wall signified the end of an era {}.\n",
        "Many words came before this point in a very long sentence, ".repeat(8),
        "and many more words followed it for a long while after that".repeat(8)
    );
    f.write("c/long.txt", &long);
    f.annals(&["build", "c"]).assert().success();
    let out = f.annals(&["query", "\"Berlin Wall\""]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .skip(1)
        .find(|l| l.contains("Berlin Wall"))
        .expect("the snippet");
    assert!(line.trim_start().starts_with("… "), "{line}");
    assert!(line.trim_end().ends_with(" …"), "{line}");
}

/// One large JSONL file feeds every build thread: its documents are
/// extracted on all of them, and the index is the one a single thread builds
/// (same sentences, same order, same counts per file and in all).
#[test]
fn one_large_file_builds_the_same_index_on_one_thread_as_on_four() {
    let f = Fixture::empty();
    let mut jsonl = String::new();
    for i in 0..400 {
        let year = 1900 + i % 120;
        jsonl.push_str(&format!(
            "{{\"id\":\"r{i}\",\"text\":\"Report {i} was filed in Tehran in {year}. Nelson Mandela spoke to delegate {i}. The vote ended.\"}}\n"
        ));
    }
    f.write("corpus/all.jsonl", &jsonl);
    f.write("corpus/small.txt", "Baku hosted the talks in 1994.\n");
    let build_and_read = |threads: &str, index: &str| -> (Value, Value) {
        f.annals(&["build", "corpus", "--index", index, "--threads", threads])
            .assert()
            .success();
        let hits = f
            .annals(&[
                "query", "*", "--index", index, "--limit", "2000", "--format", "json",
            ])
            .output()
            .unwrap();
        let stats = f
            .annals(&["stats", "--index", index, "--format", "json"])
            .output()
            .unwrap();
        let mut hits: Value = serde_json::from_slice(&hits.stdout).unwrap();
        hits.as_object_mut().unwrap().remove("took_ms");
        let mut stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
        // Where it lies, its size and how many segments the threads wrote
        // may differ; what it holds may not.
        for key in ["index", "size_bytes", "segments"] {
            stats.as_object_mut().unwrap().remove(key);
        }
        (hits, stats)
    };
    let (one_hits, one_stats) = build_and_read("1", "one");
    let (four_hits, four_stats) = build_and_read("4", "four");
    assert_eq!(one_stats["sentences"], 1201);
    assert_eq!(one_stats["documents"], 401);
    assert_eq!(one_stats, four_stats);
    assert_eq!(one_hits["hits"].as_array().unwrap().len(), 1201);
    assert_eq!(one_hits["hits"], four_hits["hits"]);
}

#[test]
fn the_congo_is_the_one_of_the_time_the_text_speaks_of() {
    let f = Fixture::empty();
    f.write(
        "c/speeches.jsonl",
        concat!(
            r#"{"id": "a", "date": "1960-09-20", "text": "The situation in the Congo is grave. The Congo (Brazzaville) agrees."}"#,
            "\n",
            r#"{"id": "b", "date": "1985-10-01", "text": "The Congo has sent its troops. In 1961 the Congo was torn apart."}"#,
            "\n",
        ),
    );
    f.write(
        "c/history.txt",
        "In June 1960 Belgium left. Soon the Congo was at war.\n\nBy 1985 the Congo was at peace.\n",
    );
    let out = f.extract(&["c"]);
    let countries: Vec<(&str, Vec<&str>)> = out
        .iter()
        .map(|s| {
            let codes = s["countries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["code"].as_str().unwrap())
                .collect();
            (s["text"].as_str().unwrap(), codes)
        })
        .collect();
    let want: Vec<(&str, Vec<&str>)> = vec![
        ("In June 1960 Belgium left.", vec!["BE"]),
        // the year the document gave before
        ("Soon the Congo was at war.", vec!["CD"]),
        ("By 1985 the Congo was at peace.", vec!["CG"]),
        // the document's own date
        ("The situation in the Congo is grave.", vec!["CD"]),
        ("The Congo (Brazzaville) agrees.", vec!["CG"]),
        ("The Congo has sent its troops.", vec!["CG"]),
        // the sentence's own year before the document's
        ("In 1961 the Congo was torn apart.", vec!["CD"]),
    ];
    assert_eq!(countries, want);
}
