//! Ranking: stop words that match but weigh nothing outside phrases, the
//! length prior of sentence indexes, `--explain`, and hit sets that ranking
//! must not change.

use serde_json::Value;

use crate::common::{Fixture, hit_lines};

const LINES: &[&str] = &[
    "The invasion at the Bay of Pigs failed in April 1961.",
    "Pigs were kept by the bay, on the far side of the old harbour.",
    "Hamlet asks whether to be or not to be.",
    "It was not to be, or so it seemed to be.",
    "Apartheid kills.",
    "Apartheid must go.",
    "The General Assembly condemned apartheid in South Africa as a crime against humanity and called for sanctions against the regime.",
    "The effects of solar flares on radio noise were measured in the ionosphere over many years.",
    "What are the effects of the war on the people of the region and of the world at the time?",
    "Solar power is cheap.",
    // Two long sentences, so that the average length is that of speeches.
    "Delegations from Asia, Africa, Europe and Latin America spoke at length about trade, debt, development, health, education, fisheries, shipping, tariffs, migration, water, forests, deserts, oceans, budgets, reform, peacekeeping, elections, courts, prisons and roads.",
    "Ministers listed bridges, harbours, railways, schools, clinics, dams, farms, factories, mines, wells, markets, ports, airports, roads, power lines, telephone lines, universities, hospitals, libraries, museums, theatres and stadiums built since independence.",
];

/// A sentence index of `LINES`, one sentence a line.
fn built() -> Fixture {
    let f = Fixture::empty();
    f.write("corpus/lines.txt", LINES.join("\n") + "\n");
    f.annals(&["build"]).assert().success();
    f
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort();
    v
}

fn hits(answer: &Value) -> &Vec<Value> {
    answer["hits"].as_array().expect("hits")
}

/// Each hit's line and score.
fn scores(answer: &Value) -> Vec<(u64, f64)> {
    hits(answer)
        .iter()
        .map(|h| (h["line"].as_u64().unwrap(), h["score"].as_f64().unwrap()))
        .collect()
}

#[test]
fn phrases_keep_their_stop_words_and_match_exactly() {
    let f = built();
    let (answer, code) = f.query_json(&["\"the Bay of Pigs\""]);
    assert_eq!(code, 0);
    assert_eq!(hit_lines(&answer), vec![1]);
    assert!(hits(&answer)[0]["score"].as_f64().unwrap() > 0.0);
    let (answer, code) = f.query_json(&["\"to be or not to be\""]);
    assert_eq!(code, 0);
    assert_eq!(hit_lines(&answer), vec![3]);
    assert!(hits(&answer)[0]["score"].as_f64().unwrap() > 0.0);
    // Words of a phrase in another order are not the phrase.
    let (answer, code) = f.query_json(&["\"be or not to be to\""]);
    assert_eq!((code, answer["total"].as_u64()), (1, Some(0)));
    // The phrase, with other words, ranks its sentence first.
    let (answer, _) = f.query_json(&["\"bay of pigs\" invasion harbour"]);
    assert_eq!(hit_lines(&answer)[0], 1);
}

#[test]
fn stop_words_match_but_add_nothing_to_scores() {
    let f = built();
    let wordy = "What are the effects of solar flares?";
    let (with, code) = f.query_json(&[wordy, "--plain", "--limit", "100"]);
    assert_eq!(code, 0);
    // Every sentence with any of the words matches, as before: the hit set
    // is what the words say.
    let (any, _) = f.query_json(&[
        "what OR are OR the OR effects OR of OR solar OR flares",
        "--limit",
        "100",
    ]);
    assert_eq!(sorted(hit_lines(&with)), sorted(hit_lines(&any)));
    assert_eq!(with["total"], 6);
    // But a sentence scores what its content words give it, exactly.
    let (content, _) = f.query_json(&["effects solar flares", "--plain", "--limit", "100"]);
    let content: Vec<(u64, f64)> = scores(&content);
    for (line, score) in scores(&with) {
        let expected = content
            .iter()
            .find(|(l, _)| *l == line)
            .map_or(0.0, |(_, s)| *s);
        assert!(
            (score - expected).abs() < 1e-5,
            "line {line}: {score} with stop words, {expected} without"
        );
    }
    assert_eq!(hit_lines(&with)[0], 8);
    // The sentence made of stop words and "effects" ranks below the one
    // about solar flares, and below "Solar power is cheap." (one content word each,
    // but "effects" is rarer).
    let lines = hit_lines(&with);
    let pos = |l: u64| lines.iter().position(|&x| x == l).unwrap();
    assert!(pos(8) < pos(9), "{lines:?}");
    // Sentences with stop words only (the Bay of Pigs) score nothing.
    let first = scores(&with).into_iter().find(|(l, _)| *l == 1).unwrap();
    assert_eq!(first.1, 0.0);
}

#[test]
fn a_query_of_stop_words_alone_keeps_their_weight() {
    let f = built();
    let (answer, code) = f.query_json(&["to be or not to be"]);
    assert_eq!(code, 0);
    let top = &hits(&answer)[0];
    assert!(top["score"].as_f64().unwrap() > 0.0);
    assert!([3, 4].contains(&top["line"].as_u64().unwrap()), "{answer}");
}

#[test]
fn one_line_sentences_do_not_outrank_sentences_with_content() {
    let f = built();
    let (answer, code) = f.query_json(&["apartheid", "--explain"]);
    assert_eq!(code, 0);
    let lines = hit_lines(&answer);
    assert_eq!(lines[0], 7);
    assert_eq!(sorted(lines), vec![5, 6, 7]);
    let prior = |i: usize| {
        hits(&answer)[i]["explain"]["length_prior"]
            .as_f64()
            .unwrap()
    };
    assert!(prior(0) > prior(1) && prior(2) < prior(1) && prior(1) < 1.0);
}

#[test]
fn explain_gives_the_parts_of_each_score() {
    let f = built();
    let (answer, _) = f.query_json(&["solar flares"]);
    assert!(hits(&answer)[0].get("explain").is_none());
    let (answer, code) = f.query_json(&["the solar flares", "--explain"]);
    assert_eq!(code, 0);
    let hit = &hits(&answer)[0];
    assert_eq!(hit["line"], 8);
    let explain = &hit["explain"];
    let parts = explain["parts"].as_array().unwrap();
    let part = |term: &str| {
        parts
            .iter()
            .find(|p| p["term"] == term)
            .unwrap_or_else(|| panic!("no part for {term}: {explain}"))
    };
    assert_eq!(part("the")["score"], 0.0);
    assert_eq!(part("the")["boost"], 0.0);
    assert_eq!(part("solar")["kind"], "word");
    assert_eq!(part("solar")["field"], "text");
    assert!(part("flare")["score"].as_f64().unwrap() > 0.0);
    let sum: f64 = parts.iter().map(|p| p["score"].as_f64().unwrap()).sum();
    let bm25 = explain["bm25"].as_f64().unwrap();
    assert!((sum - bm25).abs() < 1e-4);
    let prior = explain["length_prior"].as_f64().unwrap();
    let score = hit["score"].as_f64().unwrap();
    assert!((bm25 * prior - score).abs() < 1e-4, "{explain}");
    assert!((explain["score"].as_f64().unwrap() - score).abs() < 1e-4);
    assert_eq!(explain["words"], 16);
    assert!(explain["k1"].as_f64().unwrap() > 0.0 && explain["b"].as_f64().is_some());
    assert!(explain["details"].is_object());
    // A phrase is one part; a filter's value another.
    let (answer, _) = f.query_json(&["\"bay of pigs\"", "--explain", "--year", "1961"]);
    let parts = hits(&answer)[0]["explain"]["parts"]
        .as_array()
        .unwrap()
        .clone();
    assert!(parts.iter().any(|p| p["kind"] == "phrase"), "{parts:?}");
    // The text output says it in a line under each hit.
    let out = f
        .annals(&["query", "the solar flares", "--explain", "--limit", "1"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("= bm25 ") && text.contains("solar ") && text.contains("× length prior"),
        "{text}"
    );
    let out = f
        .annals(&["query", "the solar flares", "--limit", "1"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("bm25"));
}

#[test]
fn document_units_have_no_length_prior() {
    let f = Fixture::empty();
    f.write(
        "docs.jsonl",
        "{\"id\": \"a\", \"text\": \"Apartheid kills.\"}\n{\"id\": \"b\", \"text\": \"The Assembly condemned apartheid. It called for sanctions.\"}\n",
    );
    f.annals(&["build", "docs.jsonl", "--unit", "document"])
        .assert()
        .success();
    let (answer, code) = f.query_json(&["apartheid", "--explain"]);
    assert_eq!(code, 0);
    // Plain BM25: the shorter document first.
    assert_eq!(hits(&answer)[0]["doc"], "a");
    let explain = &hits(&answer)[0]["explain"];
    assert!(explain.get("length_prior").is_none(), "{explain}");
    assert!(
        (explain["bm25"].as_f64().unwrap() - hits(&answer)[0]["score"].as_f64().unwrap()).abs()
            < 1e-4
    );
}

/// Phrase, boolean and field queries on the bundled corpus: the sentences
/// they match, as annals matched them before ranking changed (pinned).
#[test]
fn phrase_boolean_and_field_queries_match_the_same_sentences() {
    let f = Fixture::built();
    for (query, expected) in SEED_HIT_SETS {
        let (answer, _) = f.query_json(&[query, "--limit", "100"]);
        let got: Vec<u64> = sorted(
            hits(&answer)
                .iter()
                .map(|h| h["sentence"].as_u64().unwrap())
                .collect(),
        );
        assert_eq!(&got, expected, "{query}");
    }
}

const SEED_HIT_SETS: &[(&str, &[u64])] = &[
    ("\"joint defense commission\"", &[27]),
    ("\"the Republic of Azerbaijan\"", &[2]),
    ("\"of the\"", &[1, 4, 6, 12, 14, 17, 26, 28]),
    ("Baku AND Tehran", &[3, 7]),
    ("the AND oil", &[21]),
    (
        "+the pipeline",
        &[
            1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 16, 17, 18, 20, 21, 22, 23, 24, 26, 27, 28, 29,
            30, 31,
        ],
    ),
    (
        "country:IR AND -Baku",
        &[
            1, 2, 4, 9, 10, 12, 13, 14, 15, 17, 18, 20, 22, 24, 25, 26, 27, 28, 30, 31,
        ],
    ),
    ("person:Aliyev", &[21, 29]),
    ("year:[1990 TO 2000]", &[8, 12, 24]),
    (
        "the OR of",
        &[
            1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 28,
            29, 30, 31,
        ],
    ),
    (
        "(Iran OR Persia) AND -\"South Azerbaijan\"",
        &[
            2, 4, 8, 10, 12, 13, 14, 16, 18, 20, 22, 23, 24, 25, 26, 27, 28,
        ],
    ),
    ("decade:1990 AND relations", &[8]),
];

#[test]
fn expand_adds_the_words_of_the_top_hits() {
    let f = built();
    let (plain, code) = f.query_json(&["flares"]);
    assert_eq!(code, 0);
    assert_eq!(hit_lines(&plain), vec![8]);
    // The top hit speaks of solar flares: "solar" joins the query, and the
    // sentence about solar power now matches, below the one asked for.
    let (expanded, code) = f.query_json(&["flares", "--expand", "--explain"]);
    assert_eq!(code, 0);
    let lines = hit_lines(&expanded);
    assert_eq!(lines[0], 8);
    assert!(lines.contains(&10), "{lines:?}");
    let parts = hits(&expanded)[0]["explain"]["parts"]
        .as_array()
        .unwrap()
        .clone();
    assert!(parts.iter().any(|p| p["term"] == "solar"), "{parts:?}");
    // Without --expand nothing is added.
    assert_eq!(plain["total"], 1);
}
