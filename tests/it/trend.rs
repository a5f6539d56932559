//! Attention over time: document dates (JSONL `date`, `build --doc-date`),
//! metadata facets, `annals trend` and its agreement with query totals,
//! and exports of every hit as CSV and JSON Lines.

use std::collections::BTreeMap;

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{Fixture, parse_jsonl};

/// Speeches in folders named as the UN General Debate corpus names them,
/// one session a year with 1991 missing, so that a time axis has a gap.
fn speeches() -> Fixture {
    let f = Fixture::empty();
    let files = [
        (
            "ungdc/Session 45 - 1990/MOZ_45_1990.txt",
            "Mozambique has known war for too long. The people of Mozambique want peace. \
             We welcome the release of Nelson Mandela and the end of apartheid is near. \
             Peace in southern Africa needs the end of apartheid.",
        ),
        (
            "ungdc/Session 45 - 1990/SWE_45_1990.txt",
            "Sweden believes that the United Nations can keep the peace. \
             The Gulf crisis threatens the region. We ask every member to respect the Charter.",
        ),
        (
            "ungdc/Session 47 - 1992/MOZ_47_1992.txt",
            "This year Mozambique signed the General Peace Agreement in Rome. \
             A lasting peace is now within reach. The drought has struck our farmers hard.",
        ),
        (
            "ungdc/Session 48 - 1993/ZAF_48_1993.txt",
            "South Africa stands at the threshold of democracy. \
             The last laws of apartheid have been repealed. \
             Our first free elections will be held next year.",
        ),
    ];
    for (path, text) in files {
        f.write(path, text);
    }
    f
}

fn run_json(f: &Fixture, args: &[&str]) -> Value {
    let out = f.annals(args).output().expect("run annals");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn total(f: &Fixture, args: &[&str]) -> u64 {
    let (answer, _) = f.query_json(args);
    answer["total"].as_u64().expect("total")
}

pub(crate) fn build_speeches() -> Fixture {
    let f = speeches();
    f.annals(&[
        "build",
        "ungdc",
        "--doc-date",
        r"_(\d{4})\.txt$",
        "--meta-from-path",
        r"speaker=([A-Z]{3})_[0-9]+_[0-9]{4}\.txt$",
    ])
    .assert()
    .success();
    f
}

/// Reads CSV as RFC 4180 writes it: quoted fields with doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn document_dates_come_from_the_path_and_trend_counts_agree_with_queries() {
    let f = build_speeches();
    let trend = run_json(
        &f,
        &[
            "trend",
            "peace",
            "apartheid",
            "--by",
            "doc-year",
            "--format",
            "json",
        ],
    );
    assert_eq!(trend["by"], "doc_year");
    let series = trend["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    for s in series {
        let query = s["query"].as_str().unwrap();
        let buckets = s["buckets"].as_array().unwrap();
        let keys: Vec<&str> = buckets.iter().map(|b| b["key"].as_str().unwrap()).collect();
        // 1991 has no speech: the axis shows it empty rather than skip it.
        assert_eq!(keys, ["1990", "1991", "1992", "1993"], "{query}");
        let mut sum = 0;
        for b in buckets {
            let key = b["key"].as_str().unwrap();
            let count = b["count"].as_u64().unwrap();
            let of = b["of"].as_u64().unwrap();
            assert_eq!(
                count,
                total(&f, &[query, "--doc-year", key]),
                "{query} {key}"
            );
            assert_eq!(of, total(&f, &["*", "--doc-year", key]), "{key}");
            let rate = b["per_million"].as_f64().unwrap();
            if of > 0 {
                assert!((rate - count as f64 / of as f64 * 1e6).abs() < 0.01, "{b}");
            } else {
                assert_eq!((count, rate), (0, 0.0));
            }
            sum += count;
        }
        assert_eq!(sum, s["total"].as_u64().unwrap());
        assert_eq!(sum, total(&f, &[query]));
    }
    let peace_1990 = &series[0]["buckets"][0];
    assert_eq!(peace_1990["count"], 3);
    assert_eq!(peace_1990["docs"], 2, "both 1990 speeches speak of peace");
    assert_eq!(series[0]["buckets"][1]["of"], 0);

    // by decade, the same sentences in one bucket
    let decades = run_json(
        &f,
        &["trend", "peace", "--by", "doc-decade", "--format", "json"],
    );
    let b = &decades["series"][0]["buckets"];
    assert_eq!(b.as_array().unwrap().len(), 1);
    assert_eq!(
        (b[0]["key"].as_str(), b[0]["label"].as_str()),
        (Some("1990"), Some("1990s"))
    );
    assert_eq!(b[0]["count"].as_u64(), Some(total(&f, &["peace"])));
    assert_eq!(
        total(&f, &["peace", "--doc-year", "1990s"]),
        total(&f, &["peace"])
    );
    assert_eq!(total(&f, &["doc_year:1992"]), 3);
}

#[test]
fn filters_narrow_the_denominator_too() {
    let f = build_speeches();
    let trend = run_json(
        &f,
        &[
            "trend",
            "peace",
            "--by",
            "doc-year",
            "--meta",
            "speaker=MOZ",
            "--format",
            "json",
        ],
    );
    for b in trend["series"][0]["buckets"].as_array().unwrap() {
        let key = b["key"].as_str().unwrap();
        let of = total(&f, &["*", "--doc-year", key, "--meta", "speaker=moz"]);
        assert_eq!(b["of"].as_u64(), Some(of), "{key}");
    }
    assert_eq!(
        trend["series"][0]["buckets"][0]["of"], 4,
        "Mozambique 1990 has 4 sentences"
    );
}

#[test]
fn hits_carry_their_document_date_and_stats_count_dated_documents() {
    let f = build_speeches();
    let (answer, _) = f.query_json(&["drought"]);
    assert_eq!(answer["hits"][0]["doc_date"], "1992");
    let stats = run_json(&f, &["stats", "--format", "json"]);
    assert_eq!(stats["dated_documents"], 4);
    assert_eq!(stats["first_doc_year"], 1990);
    assert_eq!(stats["last_doc_year"], 1993);
    f.annals(&["stats"])
        .assert()
        .stdout(predicate::str::contains(
            "4 of 4 documents have a date of their own, 1990 to 1993",
        ));
}

#[test]
fn metadata_from_the_path_filters_counts_and_trends() {
    let f = build_speeches();
    assert_eq!(total(&f, &["*", "--meta", "speaker=MOZ"]), 7);
    assert_eq!(total(&f, &["meta:speaker=moz"]), 7);
    let (answer, _) = f.query_json(&["peace", "--facet", "meta.speaker"]);
    let speakers: BTreeMap<String, u64> = answer["facets"]["meta.speaker"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        BTreeMap::from([("moz".into(), 4), ("swe".into(), 1)])
    );
    let trend = run_json(
        &f,
        &[
            "trend",
            "apartheid",
            "--by",
            "meta.speaker",
            "--format",
            "json",
        ],
    );
    let buckets = trend["series"][0]["buckets"].as_array().unwrap();
    let keys: Vec<(&str, u64)> = buckets
        .iter()
        .map(|b| (b["key"].as_str().unwrap(), b["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(keys, [("moz", 2), ("zaf", 1)]);
    assert_eq!(buckets[1]["of"], 3);
}

#[test]
fn incremental_builds_remember_the_document_date_pattern() {
    let f = build_speeches();
    f.write(
        "ungdc/Session 49 - 1994/ZAF_49_1994.txt",
        "South Africa returns to the General Assembly as a democracy at peace.",
    );
    f.annals(&["build", "ungdc"])
        .assert()
        .success()
        .stderr(predicate::str::contains("updated"));
    let (answer, _) = f.query_json(&["democracy", "--doc-year", "1994"]);
    assert_eq!(answer["total"], 1);
    assert_eq!(answer["hits"][0]["doc_date"], "1994");
    assert_eq!(total(&f, &["*", "--meta", "speaker=zaf"]), 4);
    // Another pattern is another index: a full build applies it everywhere.
    f.annals(&["build", "ungdc", "--doc-date", r"Session (\d\d)"])
        .assert()
        .success()
        .stderr(predicate::str::contains("indexed"));
    assert_eq!(total(&f, &["*", "--doc-year", "45"]), 7);
}

#[test]
fn jsonl_records_give_dates_and_declared_metadata() {
    let f = Fixture::empty();
    f.write(
        "news.jsonl",
        concat!(
            r#"{"id": "a", "date": "1994-05-10", "desk": "Africa", "text": "Nelson Mandela was sworn in as president. Crowds filled the streets of Pretoria."}"#,
            "\n",
            r#"{"id": "b", "date": "1995-06", "desk": ["Africa", "Sport"], "text": "South Africa won the Rugby World Cup."}"#,
            "\n",
            r#"{"id": "c", "desk": "Europe", "text": "The Channel Tunnel opened to trains."}"#,
            "\n",
        ),
    );
    f.annals(&["build", "news.jsonl", "--meta", "desk"])
        .assert()
        .success();
    assert_eq!(total(&f, &["*", "--doc-year", "1994..1995"]), 3);
    assert_eq!(total(&f, &["*", "--doc-year", "1995"]), 1);
    assert_eq!(total(&f, &["*", "--meta", "desk=sport"]), 1);
    assert_eq!(
        total(&f, &["*", "--meta", "desk=africa", "--meta", "desk=europe"]),
        4
    );
    let trend = run_json(&f, &["trend", "*", "--by", "doc-year", "--format", "json"]);
    let s = &trend["series"][0];
    assert_eq!(
        s["total"], 4,
        "the undated record matches but falls in no year"
    );
    let counts: Vec<u64> = s["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [2, 1]);
}

#[test]
fn bad_patterns_and_dates_name_their_flag() {
    let f = speeches();
    f.annals(&["build", "ungdc", "--doc-date", r"_(\d{4}\.txt$"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid --doc-date value"));
    f.annals(&["build", "ungdc", "--doc-date", r"\d{4}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--doc-date").and(predicate::str::contains("group")));
    f.annals(&["build", "ungdc", "--meta-from-path", "([A-Z]{3})"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid --meta-from-path value"));
    // A group that takes something other than a date leaves the document undated, with a warning.
    f.annals(&["build", "ungdc", "--doc-date", r"Session (\d\d - \d{4})"])
        .assert()
        .success()
        .stderr(predicate::str::contains("not a date"));
    f.annals(&["query", "peace", "--doc-year", "199x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid --doc-year value"));
    f.annals(&["trend", "peace", "--by", "colour"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid --by value"));
    f.annals(&["query", "peace", "--limit", "all"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format csv"));
}

#[test]
fn the_text_table_has_a_row_per_bucket_and_a_column_group_per_query() {
    let f = build_speeches();
    let out = f
        .annals(&["trend", "peace", "apartheid", "--by", "doc-year"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "{text}");
    let header = text.lines().nth(1).unwrap();
    assert!(
        header.starts_with("doc_year") && header.contains("peace") && header.contains("apartheid"),
        "{text}"
    );
    let row_1991 = text
        .lines()
        .find(|l| l.starts_with("1991"))
        .expect("an empty 1991 row");
    assert!(!row_1991.contains('█'), "{row_1991}");
    let row_1990 = text.lines().find(|l| l.starts_with("1990")).unwrap();
    // peace: 3 of 7 sentences; apartheid: 2 of 7
    assert!(
        row_1990.contains(" 3 428571.4") && row_1990.contains(" 2 285714.3"),
        "{row_1990}"
    );
    f.annals(&["trend", "nothingmatches"]).assert().code(1);
}

#[test]
fn trend_csv_has_the_rows_of_the_json() {
    let f = build_speeches();
    let args = ["trend", "peace", "apartheid", "--by", "doc-year"];
    let json = run_json(&f, &[&args[..], &["--format", "json"]].concat());
    let out = f
        .annals(&[&args[..], &["--format", "csv"]].concat())
        .output()
        .unwrap();
    let rows = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(
        rows[0],
        [
            "query",
            "by",
            "key",
            "label",
            "count",
            "of",
            "per_million",
            "docs"
        ]
    );
    let mut want = Vec::new();
    for s in json["series"].as_array().unwrap() {
        for b in s["buckets"].as_array().unwrap() {
            want.push(vec![
                s["query"].as_str().unwrap().to_string(),
                "doc_year".to_string(),
                b["key"].as_str().unwrap().to_string(),
                b["label"].as_str().unwrap().to_string(),
                b["count"].to_string(),
                b["of"].to_string(),
                b["per_million"].as_f64().unwrap().to_string(),
                b["docs"].to_string(),
            ]);
        }
    }
    assert_eq!(rows[1..], want[..]);
}

#[test]
fn limit_all_exports_every_hit_past_the_page_cap() {
    let f = Fixture::empty();
    // 10,400 sentences in 400 records, all matching "harvest".
    let mut jsonl = String::new();
    for record in 0..400 {
        let mut text = String::new();
        for s in 0..26 {
            text.push_str(&format!(
                "The harvest of field {s} in village {record} was \"good\", said the farmers. "
            ));
        }
        jsonl.push_str(&format!(
            "{{\"id\": \"r{record}\", \"text\": {}}}\n",
            serde_json::to_string(&text).unwrap()
        ));
    }
    f.write("harvests.jsonl", jsonl);
    f.annals(&["build", "harvests.jsonl"]).assert().success();
    let total = total(&f, &["harvest"]);
    assert_eq!(total, 10_400);
    let out = f
        .annals(&["query", "harvest", "--limit", "all", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.len() as u64, total + 1);
    assert_eq!(
        rows[0][..7],
        ["rank", "score", "doc", "source", "line", "doc_date", "text"]
    );
    let ranks: Vec<usize> = rows[1..].iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(ranks, (1..=total as usize).collect::<Vec<_>>());
    assert!(
        rows[1][6].contains("\"good\""),
        "quotes survive: {:?}",
        rows[1]
    );

    let out = f
        .annals(&["query", "harvest", "--limit", "all", "--format", "jsonl"])
        .output()
        .unwrap();
    let lines = parse_jsonl(&out.stdout);
    assert_eq!(lines.len() as u64, total);
    let csv_docs: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    let jsonl_docs: Vec<&str> = lines.iter().map(|l| l["doc"].as_str().unwrap()).collect();
    assert_eq!(
        csv_docs, jsonl_docs,
        "both exports list the hits in one order"
    );

    // The export reads its hits in windows (the first of 8,192), each in
    // index order on every core: put back in rank order, they are the
    // ranked page's hits.
    let (page, _) = f.query_json(&["harvest", "--limit", "10000"]);
    let page_hits: Vec<(&str, u64)> = page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["doc"].as_str().unwrap(), h["line"].as_u64().unwrap()))
        .collect();
    let exported: Vec<(&str, u64)> = rows[1..=10_000]
        .iter()
        .map(|r| (r[2].as_str(), r[4].parse().unwrap()))
        .collect();
    assert_eq!(exported, page_hits, "the export keeps the rank order");

    let out = f
        .annals(&[
            "query", "harvest", "--limit", "5", "--offset", "10", "--format", "jsonl",
        ])
        .output()
        .unwrap();
    let lines = parse_jsonl(&out.stdout);
    let ranks: Vec<u64> = lines.iter().map(|l| l["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, [11, 12, 13, 14, 15]);
}

#[test]
fn an_export_whose_reader_leaves_stops_quietly() {
    use std::io::Read;
    let f = Fixture::empty();
    let mut jsonl = String::new();
    for record in 0..200 {
        let text = "The harvest was good, said the farmers of the valley. ".repeat(30);
        jsonl.push_str(&format!(
            "{{\"id\": \"r{record}\", \"text\": {}}}\n",
            serde_json::to_string(&text).unwrap()
        ));
    }
    f.write("harvests.jsonl", jsonl);
    f.annals(&["build", "harvests.jsonl"]).assert().success();
    // `annals query harvest --limit all --format csv | head -c 100`
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .current_dir(f.dir.path())
        .args(["query", "harvest", "--limit", "all", "--format", "csv"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with(b"rank,score,doc"));
    assert_eq!(out.status.code(), Some(0), "a closed pipe is no error");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn the_api_answers_trends_and_streams_exports_as_the_command_line_does() {
    use crate::server::{Server, agent};
    let f = build_speeches();
    let server = Server::start(f.dir.path(), &[]);
    let get = |path: &str| {
        let mut response = agent().get(server.url(path)).call().expect("request");
        let status = response.status().as_u16();
        let disposition = response
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = response.body_mut().read_to_string().expect("body");
        (status, disposition, body)
    };
    let without_took_ms = |mut v: Value| {
        v.as_object_mut().unwrap().remove("took_ms");
        v
    };

    let (status, _, body) = get("/api/trend?q=peace&q=apartheid&by=doc_year&meta=speaker%3DMOZ");
    assert_eq!(status, 200, "{body}");
    let cli = run_json(
        &f,
        &[
            "trend",
            "peace",
            "apartheid",
            "--by",
            "doc-year",
            "--meta",
            "speaker=MOZ",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        without_took_ms(serde_json::from_str(&body).unwrap()),
        without_took_ms(cli)
    );

    let (status, disposition, body) = get("/api/export?q=peace&format=csv&doc_year=1990..1992");
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        disposition.as_deref(),
        Some("attachment; filename=\"annals-peace.csv\"")
    );
    let cli = f
        .annals(&[
            "query",
            "peace",
            "--doc-year",
            "1990..1992",
            "--limit",
            "all",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(body, String::from_utf8(cli.stdout).unwrap());
    assert_eq!(parse_csv(&body).len(), 1 + 5);

    let (status, disposition, body) = get("/api/export?q=apartheid&format=jsonl&limit=2");
    assert_eq!(status, 200);
    assert!(disposition.unwrap().contains("annals-apartheid.jsonl"));
    assert_eq!(parse_jsonl(body.as_bytes()).len(), 2);

    let (status, body) = server.raw_get("/api/trend?q=peace&by=colour");
    assert_eq!(status, 400, "{body}");
    let (status, body) = server.raw_get("/api/export?q=peace&format=xml");
    assert_eq!(status, 400, "{body}");
}
