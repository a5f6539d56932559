//! Concordance lines (`--format kwic`, `--kwic`), collocates and key terms,
//! on the bundled corpus and on small corpora written here.

use crate::common::Fixture;

/// A small corpus whose words are counted by hand in the tests below.
const TREATIES: &str = "\
The treaty of Gulistan ended the war in 1813.\n\n\
Under the treaty Persia ceded Baku to Russia.\n\n\
Ahead of the treaty talks, the Shah's envoy left Tabriz.\n\n\
A second treaty, signed at Turkmenchay, followed the next war.\n\n\
Çelebi wrote that the treaty was a humiliation for Tehran.\n\n\
Khanates north of the Aras were lost under the treaty.\n\n\
The war began again in 1826.\n\n\
Russia annexed the khanates after the war.\n";

fn treaties() -> Fixture {
    let f = Fixture::empty();
    f.write("corpus/treaties.txt", TREATIES);
    f.annals(&["build"]).assert().success();
    f
}

fn stdout(f: &Fixture, args: &[&str]) -> String {
    let out = f.annals(args).output().expect("run annals");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The column (in characters) where `word` starts on a line.
fn column(line: &str, word: &str) -> Option<usize> {
    line.find(word).map(|i| line[..i].chars().count())
}

#[test]
fn kwic_lines_align_the_match_in_one_column_multibyte_text_included() {
    let f = treaties();
    for width in ["60", "100", "160"] {
        let text = stdout(
            &f,
            &["query", "treaty", "--format", "kwic", "--width", width],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 6, "{text}");
        let columns: Vec<Option<usize>> = lines.iter().map(|l| column(l, "treaty")).collect();
        assert!(
            columns.iter().all(|c| *c == columns[0] && c.is_some()),
            "{columns:?}\n{text}"
        );
        let width: usize = width.parse().unwrap();
        for line in &lines {
            assert!(line.chars().count() <= width, "{line:?} over {width}");
            assert!(line.contains(" corpus/treaties.txt:"), "{line:?}");
        }
        // The line with "Çelebi" is cut or padded by characters, not bytes.
        assert!(text.contains("Çelebi") || width < 100, "{text}");
    }
}

#[test]
fn kwic_contexts_are_cut_at_word_boundaries() {
    let f = treaties();
    let text = stdout(
        &f,
        &["query", "treaty", "--format", "kwic", "--width", "50"],
    );
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let words: std::collections::HashSet<String> = TREATIES.split_whitespace().map(bare).collect();
    assert!(text.lines().count() == 6, "{text}");
    for line in text.lines() {
        let location = line.rfind(" corpus/").unwrap();
        for word in line[..location].split_whitespace() {
            assert!(
                words.contains(&bare(word)),
                "{word:?} is a cut word in {line:?}"
            );
        }
    }
}

#[test]
fn kwic_sorts_by_the_words_left_or_right_of_the_match() {
    let f = treaties();
    let lines = |sort: &str| -> Vec<String> {
        stdout(
            &f,
            &[
                "query", "treaty", "--format", "kwic", "--width", "120", "--sort", sort,
            ],
        )
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
    };
    let right = lines("right");
    let after: Vec<&str> = right
        .iter()
        .map(|l| {
            let rest = &l[l.find("treaty").unwrap() + "treaty".len()..];
            rest.split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap()
        })
        .collect();
    // The line with nothing after the match first.
    assert_eq!(after, ["corpus", "of", "Persia", "signed", "talks", "was"]);
    let left = lines("left");
    let before: Vec<&str> = left
        .iter()
        .map(|l| {
            l[..l.find("treaty").unwrap()]
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .unwrap()
        })
        .collect();
    // Four lines have "the" before the match: they go by the word before it.
    assert_eq!(before[0], "second");
    assert!(
        before[1..].iter().all(|w| *w == "the" || *w == "The"),
        "{before:?}"
    );
    assert_eq!(before.len(), 6);
    let bad = f
        .annals(&["query", "treaty", "--sort", "left"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--format kwic"));
}

#[test]
fn json_hits_carry_kwic_only_when_asked() {
    let f = Fixture::built();
    let (plain, _) = f.query_json(&["Baku", "-n", "3"]);
    assert!(plain["hits"][0].get("kwic").is_none());
    let (asked, code) = f.query_json(&["Baku", "-n", "3", "--kwic"]);
    assert_eq!(code, 0);
    for hit in asked["hits"].as_array().unwrap() {
        let k = &hit["kwic"];
        assert_eq!(k["match"], "Baku", "{hit}");
        let text = hit["text"].as_str().unwrap();
        let (left, right) = (k["left"].as_str().unwrap(), k["right"].as_str().unwrap());
        assert!(text.contains(left) && text.contains(right), "{k} of {text}");
        assert!(text.find(left).unwrap() < text.find(right).unwrap());
    }
}

fn json(f: &Fixture, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&stdout(f, &all)).expect("JSON")
}

fn entry<'v>(list: &'v serde_json::Value, word: &str) -> Option<&'v serde_json::Value> {
    list.as_array()?.iter().find(|c| c["word"] == word)
}

#[test]
fn collocate_scores_match_hand_counts() {
    let f = treaties();
    // "treaty" 6 times; "war" 5 words after it once (in "The treaty of
    // Gulistan ended the war"), and in 4 sentences of the index; 42 words
    // lie within 5 of a "treaty"; the index holds 71.
    let expect = [
        ("logdice", 14.0 + (2.0f64 / (6.0 + 4.0)).log2()),
        ("mi", (1.0 / (42.0 * 4.0 / 71.0f64)).log2()),
        ("t", (1.0 - 42.0 * 4.0 / 71.0) / 1.0),
    ];
    for (measure, score) in expect {
        let answer = json(
            &f,
            &[
                "collocates",
                "treaty",
                "--measure",
                measure,
                "--min-count",
                "1",
                "-n",
                "100",
            ],
        );
        assert_eq!(answer["measure"], measure);
        assert_eq!(answer["window"], 5);
        assert_eq!(answer["total"], 6);
        let war = entry(&answer["collocates"], "war").expect("war is a collocate");
        assert_eq!(
            (war["count"].as_u64(), war["frequency"].as_u64()),
            (Some(1), Some(4))
        );
        let got = war["score"].as_f64().unwrap();
        assert!((got - score).abs() < 1e-9, "{measure}: {got} vs {score}");
        // Stop words are left out, the query's own word too.
        for word in ["the", "of", "treaty", "The"] {
            assert!(entry(&answer["collocates"], word).is_none(), "{word}");
        }
    }
    // Shown as written, counted with its other forms.
    let kept = json(
        &f,
        &[
            "collocates",
            "treaty",
            "--stop-words",
            "keep",
            "--min-count",
            "1",
            "-n",
            "100",
            "--window",
            "1",
        ],
    );
    let the = entry(&kept["collocates"], "the").expect("the, kept");
    // "the treaty" in five sentences, "treaty … the" in none within one word.
    assert_eq!(the["count"], 5);
    assert!(
        entry(&kept["collocates"], "war").is_none(),
        "war is 5 words away"
    );
}

#[test]
fn collocates_refuse_bad_measures_windows_and_queries() {
    let f = treaties();
    for (args, needle) in [
        (
            vec!["--measure", "dice"],
            "invalid --measure value \"dice\": expected logdice, mi, t or llr",
        ),
        (
            vec!["--window", "0"],
            "invalid --window value \"0\": expected 1 to 50",
        ),
        (vec!["--window", "51"], "invalid --window value \"51\""),
    ] {
        let mut all = vec!["collocates", "treaty"];
        all.extend(args);
        let out = f.annals(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err}");
    }
    let out = f.annals(&["collocates", "*"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs words"));
    let out = f
        .annals(&["keywords", "", "--year", "1813"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn key_terms_are_the_words_of_the_matching_sentences_only() {
    let f = treaties();
    let answer = json(&f, &["keywords", "treaty", "--min-count", "1", "-n", "100"]);
    assert_eq!(
        (answer["total"].as_u64(), answer["index_sentences"].as_u64()),
        (Some(6), Some(8))
    );
    let keywords = &answer["keywords"];
    // In 1 of the 6 matching sentences and none of the 2 others: the table
    // 1, 5, 0, 2 against expected 0.75, 5.25, 0.25, 1.75.
    let gulistan = entry(keywords, "Gulistan").expect("Gulistan");
    assert_eq!(
        (gulistan["count"].as_u64(), gulistan["frequency"].as_u64()),
        (Some(1), Some(1))
    );
    let g2 = 2.0 * ((1.0f64 / 0.75).ln() + 5.0 * (5.0f64 / 5.25).ln() + 2.0 * (2.0f64 / 1.75).ln());
    assert!((gulistan["g2"].as_f64().unwrap() - g2).abs() < 1e-9);
    // Words as common or commoner in the other sentences are not key.
    for word in ["war", "Russia", "khanates", "treaty"] {
        assert!(entry(keywords, word).is_none(), "{word}");
    }
    let text = stdout(
        &f,
        &["keywords", "treaty", "--min-count", "1", "--format", "csv"],
    );
    assert!(
        text.starts_with("word,count,frequency,g2,log_ratio\r\n"),
        "{text}"
    );
}

#[test]
fn collocates_and_key_terms_of_the_seed_corpus() {
    let f = Fixture::built();
    let answer = json(&f, &["collocates", "Iran", "--min-count", "2"]);
    let words: Vec<&str> = answer["collocates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["word"].as_str().unwrap())
        .collect();
    assert!(words.contains(&"Azerbaijan"), "{words:?}");
    let text = stdout(&f, &["collocates", "Iran", "--min-count", "2"]);
    assert!(text.lines().nth(1).unwrap().starts_with("word"), "{text}");
    let kw = json(&f, &["keywords", "Baku", "--min-count", "1"]);
    assert!(!kw["keywords"].as_array().unwrap().is_empty());
}

#[test]
fn the_api_answers_what_the_commands_print() {
    let f = treaties();
    let server = crate::server::Server::start(f.dir.path(), &[]);
    let strip = |mut v: serde_json::Value| {
        v.as_object_mut().unwrap().remove("took_ms");
        v
    };
    let (status, served) =
        server.get_json("/api/collocates?q=treaty&min_count=1&window=3&measure=t");
    assert_eq!(status, 200, "{served}");
    let printed = json(
        &f,
        &[
            "collocates",
            "treaty",
            "--min-count",
            "1",
            "--window",
            "3",
            "--measure",
            "t",
        ],
    );
    assert_eq!(strip(served), strip(printed));
    let (status, served) = server.get_json("/api/keywords?q=treaty&min_count=1&limit=5");
    assert_eq!(status, 200);
    let printed = json(&f, &["keywords", "treaty", "--min-count", "1", "-n", "5"]);
    assert_eq!(strip(served), strip(printed));
    let (status, search) = server.get_json("/api/search?q=treaty&kwic=1&limit=2");
    assert_eq!(status, 200);
    assert_eq!(search["hits"][0]["kwic"]["match"], "treaty");
    for bad in [
        "/api/collocates?q=treaty&measure=dice",
        "/api/collocates?q=treaty&window=0",
        "/api/collocates?q=*",
        "/api/keywords?q=treaty&window=2",
    ] {
        let (status, body) = server.get_json(bad);
        assert_eq!(status, 400, "{bad}: {body}");
        assert!(!body["error"].as_str().unwrap().is_empty());
    }
    // The map's outlines are served from the binary, keyed by ISO code.
    let (status, world) = server.get_json("/world.json");
    assert_eq!(status, 200);
    let countries = world["countries"].as_array().unwrap();
    assert!(countries.len() > 150);
    for code in ["RU", "IR", "AZ", "ZA", "US"] {
        assert!(
            countries
                .iter()
                .any(|c| c["code"] == code && c["d"].as_str().unwrap().starts_with('M')),
            "{code}"
        );
    }
}
