//! `--engine`: building into an OpenSearch-compatible server and querying
//! through it give the same answers as the local index. The server is
//! `osmem-server` (PyPI), whose binary ANNALS_TEST_OSMEM names; without it
//! these tests skip with a note, except under CI, where they fail.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

use crate::common::{Fixture, parse_jsonl};

/// A running osmem-server, stopped when dropped.
struct Osmem {
    child: Child,
    url: String,
}

impl Drop for Osmem {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts osmem-server, or says why not: `None` skips the test (never under CI).
fn osmem() -> Option<Osmem> {
    let Some(binary) = std::env::var_os("ANNALS_TEST_OSMEM").filter(|b| !b.is_empty()) else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "ANNALS_TEST_OSMEM is not set: under CI the engine tests must run (.ci/run installs osmem-server)"
            );
        }
        eprintln!(
            "note: engine test skipped: set ANNALS_TEST_OSMEM to the osmem-server binary (pip install osmem-server)"
        );
        return None;
    };
    let mut child = Command::new(&binary)
        .args(["-addr", "127.0.0.1:0", "-no-stdin-watch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.to_string_lossy()));
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("osmem-server's first line");
    let ready: Value = serde_json::from_str(&line).expect("osmem-server prints JSON");
    let url = ready["url"].as_str().expect("url").to_string();
    Some(Osmem { child, url })
}

/// A multi-document corpus beside the bundled one: records with ids, dates,
/// people, places and organizations, so that grouping, date sorting and the
/// name filters have more than one document to tell apart.
const RECORDS: &str = r#"{"id": "r1", "title": "Caspian talks", "date": "2001-05-04", "text": "President Heydar Aliyev received the Iranian foreign minister in Baku on 4 May 2001. They spoke about oil fields in the Caspian Sea. In July 2001 an Iranian gunboat forced a BP research vessel out of the Alov field."}
{"id": "r2", "title": "Pipeline", "date": "2006-07-13", "text": "The Baku-Tbilisi-Ceyhan pipeline opened in July 2006. Ilham Aliyev said the pipeline would carry Caspian oil to Turkey. Iran was not part of the project, and Tehran criticised it."}
{"id": "r3", "title": "Embassies", "date": "2012-03-01", "text": "In March 2012 Azerbaijan arrested suspects accused of planning attacks on the Israeli and American embassies in Baku. Iran denied any role. The Ministry of Foreign Affairs of Azerbaijan summoned the Iranian ambassador."}
{"id": "r4", "title": "Earlier history", "date": "1995", "text": "The Treaty of Turkmenchay of 1828 divided the Azerbaijani lands between Russia and Persia. In the 1990s trade between the two republics grew. Abulfaz Elchibey had called for the unity of Azerbaijanis in 1992."}
{"id": "r5", "title": "Gas", "text": "Azerbaijan and Iran signed a gas swap agreement. The gas pipeline through Astara supplies Nakhchivan. Nakhchivan depends on Iranian gas every winter."}
"#;

/// Queries that must give the same totals, hit sets, facet counts and
/// facet summaries locally and through the engine: words, phrases,
/// booleans, inline fields, every filter, every facet, date sorts,
/// grouping and paging.
const EQUAL: &[&[&str]] = &[
    &["Baku"],
    &["*", "--facet", "year,country"],
    &["Iran", "--facet", "country,person,org,place"],
    &["\"gas pipeline\""],
    &["Azerbaijan AND Iran", "--facet", "decade"],
    &["Iran -Azerbaijan"],
    &["* -Azerbaijan", "--facet", "country"],
    &["(-Azerbaijan) OR Baku"],
    &["Iran^2 Baku"],
    &["\"Iran Azerbaijan\"~3"],
    &["year:>2000", "--facet", "year"],
    &["the of and"],
    &["oil OR gas", "--facet", "doc,source"],
    &["pipeline", "--all"],
    &["Iranian gas", "--all", "--facet", "place"],
    &["embassies Baku", "--plain"],
    &["country:IR AND Baku"],
    &["year:[1990 TO 2010]", "--facet", "year"],
    &["person:aliyev OR Tehran"],
    &["*", "--year", "1990..2010", "--facet", "year"],
    &["*", "--year", "1990s"],
    &["*", "--year", "19th century", "--facet", "century"],
    &["*", "--year", "..1900"],
    &["*", "--country", "Iranian", "--facet", "country"],
    &["*", "--country", "AZ", "--country", "IR"],
    &["*", "--date", "2007..2012", "--facet", "year"],
    &["*", "--date", "2001-05..2006-07"],
    &["*", "--person", "Aliyev", "--facet", "person"],
    &["*", "--org", "BP"],
    &["*", "--place", "Baku", "--facet", "region"],
    &["*", "--source", "*.jsonl", "--facet", "section"],
    &["*", "--section", "caspian disputes", "--facet", "section"],
    &["*", "--facet", "section,region"],
    &["*", "--doc", "r3"],
    &["embassy", "--sort", "date"],
    &["oil", "--sort", "-date"],
    &["*", "--group-by", "doc"],
    &["Iran", "--group-by", "doc", "--facet", "doc"],
    &["*", "--facet", "source", "--facet-limit", "1"],
    &["*", "--facet", "person,year", "--facet-limit", "2"],
    &["*", "--limit", "7", "--offset", "7"],
    &["nothingmatchesthis"],
];

fn run(f: &Fixture, args: &[&str]) -> (i32, String, String) {
    let out = f.annals(args).output().expect("run annals");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `annals COMMAND ARGS… WHERE… --format json`, parsed (exit 0 or 1).
fn json_of(f: &Fixture, command: &str, args: &[&str], where_: &[&str]) -> Value {
    let mut all = vec![command];
    all.extend_from_slice(args);
    all.extend_from_slice(where_);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = run(f, &all);
    assert!(code == 0 || code == 1, "{all:?}: exit {code}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{all:?}: not JSON ({e}): {out}"))
}

fn answer(f: &Fixture, query: &[&str], where_: &[&str]) -> Value {
    json_of(f, "query", query, where_)
}

/// What must agree: the total, the set of hits, each facet's values with
/// their counts, and what the facet limit left out.
fn comparable(answer: &Value) -> Value {
    let mut hits: Vec<String> = answer["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            if h["doc_matches"].is_null() {
                format!("{} {} {}", h["source"], h["line"], h["sentence"])
            } else {
                // A document's hit is its best-scoring sentence, and the
                // engines score apart: the document and its count must agree.
                format!("{} {}", h["source"], h["doc_matches"])
            }
        })
        .collect();
    hits.sort();
    let facets: Vec<(String, Vec<(String, u64)>)> = answer["facets"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, vs)| {
                    let mut values: Vec<(String, u64)> = vs
                        .as_array()
                        .expect("values")
                        .iter()
                        .map(|v| (v["value"].to_string(), v["count"].as_u64().unwrap_or(0)))
                        .collect();
                    values.sort();
                    (k.clone(), values)
                })
                .collect()
        })
        .unwrap_or_default();
    json!({
        "total": answer["total"],
        "hits": hits,
        "facets": facets,
        "facet_info": answer["facet_info"],
    })
}

/// A text file with headings, whose sentences have sections.
const NOTES: &str = "# Caspian disputes\n\nThe legal status of the Caspian Sea divided the littoral states for years.\n\n# Trade\n\nTrade across the Astara crossing grew after 1991.\n";

/// The queries of `table` whose answers differ locally and through `engine` (each asked for
/// `page` hits unless it pages itself), and how many of them find something.
fn compare_table(f: &Fixture, engine: &str, table: &[&[&str]], page: &str) -> (Vec<String>, usize) {
    let mut differ = Vec::new();
    let mut found = 0;
    for query in table {
        let page: &[&str] = if query.contains(&"--limit") {
            &[]
        } else {
            &["--limit", page]
        };
        let local = answer(f, query, page);
        let remote = answer(f, query, &[page, &["--engine", engine]].concat());
        if local["total"].as_u64().unwrap_or(0) > 0 {
            found += 1;
        }
        if comparable(&local) != comparable(&remote) {
            differ.push(format!(
                "{query:?}:\n  local  {}\n  engine {}",
                comparable(&local),
                comparable(&remote)
            ));
        }
    }
    (differ, found)
}

fn fixture() -> Fixture {
    let f = Fixture::seed();
    f.write("corpus/records.jsonl", RECORDS);
    f.write("corpus/notes.txt", NOTES);
    f
}

#[test]
fn the_engine_answers_as_the_local_index_does() {
    let Some(server) = osmem() else { return };
    let engine = format!("{}/annals", server.url);
    let f = fixture();
    let (code, _, err) = run(&f, &["build", "corpus"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&f, &["build", "corpus", "--engine", &engine]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("loaded"), "{err}");
    let (differ, found) = compare_table(&f, &engine, EQUAL, "100");
    assert!(
        differ.is_empty(),
        "{} of {} queries differ:\n{}",
        differ.len(),
        EQUAL.len(),
        differ.join("\n")
    );
    // The table is not vacuous: most queries find something.
    assert!(found >= EQUAL.len() - 3, "{found}");
}

#[test]
fn hits_keep_the_contract_and_the_environment_names_the_engine() {
    let Some(server) = osmem() else { return };
    let engine = format!("{}/annals", server.url);
    let f = fixture();
    assert_eq!(run(&f, &["build", "corpus", "--engine", &engine]).0, 0);
    let mut cmd = f.annals(&["query", "gunboat", "--format", "json"]);
    let out = cmd.env("ANNALS_ENGINE", &engine).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let hit = &answer["hits"][0];
    assert_eq!(hit["doc"], "r1");
    assert_eq!(hit["source"], "corpus/records.jsonl");
    assert_eq!(hit["rank"], 1);
    let fragment = hit["snippet"]["fragment"].as_str().expect("fragment");
    let [start, end] =
        [0, 1].map(|i| hit["snippet"]["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(&fragment[start..end], "gunboat");
    assert!(
        hit["dates"].as_array().is_some_and(|d| !d.is_empty()),
        "{hit}"
    );
    assert_eq!(hit["countries"][0]["name"], "Iran", "{hit}");

    // What the engine cannot express, or what makes no query, is an error.
    let (code, _, err) = run(&f, &["query", "--engine", &engine, "--", "-Azerbaijan"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("only excluding terms"), "{err}");
    let (code, _, err) = run(&f, &["query", "Baku", "--explain", "--engine", &engine]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not available through an engine"), "{err}");
    for kwic in [
        &["--format", "kwic"][..],
        &["--kwic", "--format", "json"][..],
    ] {
        let mut args = vec!["query", "Baku", "--engine", &engine];
        args.extend_from_slice(kwic);
        let (code, out, err) = run(&f, &args);
        assert_eq!(code, 2, "{kwic:?}: {err}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("concordance lines"), "{err}");
    }

    let (code, out, err) = run(&f, &["stats", "--engine", &engine, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let stats: Value = serde_json::from_str(&out).expect("JSON");
    let local: Value = {
        assert_eq!(run(&f, &["build", "corpus"]).0, 0);
        let (_, out, _) = run(&f, &["stats", "--format", "json"]);
        serde_json::from_str(&out).expect("JSON")
    };
    for key in [
        "sentences",
        "documents",
        "sources",
        "first_year",
        "last_year",
        "decades",
    ] {
        assert_eq!(stats[key], local[key], "{key}");
    }
    assert_eq!(stats["top"], local["top"]);
}

#[test]
fn building_again_is_idempotent_and_follows_the_files() {
    let Some(server) = osmem() else { return };
    let engine = format!("{}/annals", server.url);
    let f = fixture();
    let count = |f: &Fixture| -> u64 {
        let (code, out, err) = run(f, &["stats", "--engine", &engine, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<Value>(&out).expect("JSON")["sentences"]
            .as_u64()
            .expect("sentences")
    };
    assert_eq!(run(&f, &["build", "corpus", "--engine", &engine]).0, 0);
    let first = count(&f);
    let (code, _, err) = run(&f, &["build", "corpus", "--engine", &engine]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("up to date"), "{err}");
    assert_eq!(count(&f), first);

    assert_eq!(
        answer(&f, &["Turkmenchay"], &["--engine", &engine])["total"],
        json!(1)
    );

    // A changed file: its sentences replaced, none left over.
    f.write(
        "corpus/records.jsonl",
        RECORDS.lines().take(2).collect::<Vec<_>>().join("\n"),
    );
    assert_eq!(run(&f, &["build", "corpus", "--engine", &engine]).0, 0);
    assert_eq!(run(&f, &["build", "corpus"]).0, 0);
    let local = |q: &[&str]| answer(&f, q, &[])["total"].clone();
    let remote = |q: &[&str]| answer(&f, q, &["--engine", &engine])["total"].clone();
    assert_eq!(remote(&["*"]), local(&["*"]));
    assert_eq!(remote(&["embassies"]), local(&["embassies"]));
    assert_eq!(remote(&["gunboat"]), json!(1), "the sentences kept");
    assert_eq!(remote(&["Turkmenchay"]), json!(0), "the sentences gone");

    // A deleted file: its sentences removed.
    std::fs::remove_file(f.path("corpus/records.jsonl")).expect("remove");
    assert_eq!(run(&f, &["build", "corpus", "--engine", &engine]).0, 0);
    assert_eq!(run(&f, &["build", "corpus"]).0, 0);
    assert_eq!(remote(&["*"]), local(&["*"]));
    assert!(count(&f) < first);
    assert_eq!(remote(&["gunboat"]), json!(0));
}

#[test]
fn an_engine_that_is_down_is_a_clear_error() {
    // A port nothing listens on: bound, then released.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let engine = format!("http://127.0.0.1:{port}/annals");
    let f = fixture();
    for args in [
        vec!["build", "corpus", "--engine", &engine],
        vec!["query", "Baku", "--engine", &engine],
        vec!["stats", "--engine", &engine],
    ] {
        let (code, out, err) = run(&f, &args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("cannot reach the engine"), "{err}");
        assert!(!err.contains("loaded"), "{err}");
        assert!(out.is_empty(), "{out}");
    }
    let (code, _, err) = run(
        &f,
        &["query", "Baku", "--engine", "https://example.org/annals"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("https"), "{err}");
}

#[test]
fn indexes_annals_cannot_use_are_refused() {
    let Some(server) = osmem() else { return };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let create = |name: &str, body: Value| {
        let status = agent
            .put(format!("{}/{name}", server.url))
            .header("Content-Type", "application/json")
            .send(body.to_string())
            .expect("create")
            .status();
        assert_eq!(status.as_u16(), 200, "{name}");
    };
    create(
        "foreign",
        json!({"mappings": {"properties": {"year": {"type": "keyword"}}}}),
    );
    create(
        "older",
        json!({"mappings": {"_meta": {"annals_schema": 999}, "properties": {"text": {"type": "text"}}}}),
    );
    let mut ours = annals::engine::mapping::index_body();
    ours["mappings"]["properties"]["year"] = json!({"type": "keyword"});
    create("conflict", ours);
    let f = fixture();
    for (index, says) in [
        ("foreign", "not built by annals"),
        ("older", "another annals"),
        ("conflict", "mapping conflict"),
    ] {
        let engine = format!("{}/{index}", server.url);
        for command in ["build", "query"] {
            let args: Vec<&str> = if command == "build" {
                vec!["build", "corpus", "--engine", &engine]
            } else {
                vec!["query", "Baku", "--engine", &engine]
            };
            let (code, _, err) = run(&f, &args);
            assert_eq!(code, 2, "{index} {command}");
            assert!(err.contains(says), "{index} {command}: {err}");
            assert!(!err.contains("loaded"), "{err}");
        }
    }
    // From scratch: an older annals index is replaced, a foreign one kept.
    let older = format!("{}/older", server.url);
    let (code, _, err) = run(&f, &["build", "corpus", "--full", "--engine", &older]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(run(&f, &["build", "corpus"]).0, 0);
    assert_eq!(
        answer(&f, &["Baku"], &["--engine", &older])["total"],
        answer(&f, &["Baku"], &[])["total"]
    );
    let foreign = format!("{}/foreign", server.url);
    let (code, _, err) = run(&f, &["build", "corpus", "--full", "--engine", &foreign]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not deleted"), "{err}");
}

/// A stand-in cluster that refuses the first `_bulk` with 429 and takes
/// the next; every request it saw is returned when it stops.
fn flaky_cluster() -> (String, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut bulks = 0;
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut length = 0;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
                let lower = header.to_ascii_lowercase();
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let line = request_line.trim().to_string();
            let (status, answer) = if line.starts_with("GET /annals/_mapping") {
                (
                    404,
                    json!({"error": {"type": "index_not_found_exception", "reason": "no such index"}, "status": 404}),
                )
            } else if line.contains("_bulk") {
                bulks += 1;
                if bulks == 1 {
                    (
                        429,
                        json!({"error": {"type": "es_rejected_execution_exception", "reason": "queue full"}, "status": 429}),
                    )
                } else {
                    (200, json!({"errors": false, "items": []}))
                }
            } else {
                (200, json!({"acknowledged": true}))
            };
            let body = answer.to_string();
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let stop = line.contains("_refresh");
            seen.push(line);
            if stop {
                break;
            }
        }
        seen
    });
    (url, handle)
}

#[test]
fn a_cluster_that_answers_429_is_retried() {
    let (url, cluster) = flaky_cluster();
    let f = fixture();
    let (code, _, err) = run(
        &f,
        &["build", "corpus", "--engine", &format!("{url}/annals")],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("retrying"), "{err}");
    let seen = cluster.join().expect("cluster");
    // One batch (the corpus is small), sent twice.
    let bulks = seen.iter().filter(|l| l.contains("_bulk")).count();
    assert_eq!(bulks, 2, "{seen:?}");
    assert!(
        seen.iter().any(|l| l.starts_with("PUT /annals")),
        "{seen:?}"
    );
}

#[test]
fn exports_load_into_a_cluster_and_match_quickwits_field_types() {
    let f = fixture();
    let (code, _, err) = run(&f, &["export", "corpus", "--to", "quickwit", "--out", "qw"]);
    assert_eq!(code, 0, "{err}");
    let config = std::fs::read_to_string(f.path("qw/index-config.yaml")).expect("config");
    let docs = parse_jsonl(&std::fs::read(f.path("qw/docs.ndjson")).expect("docs"));
    let extracted = f.extract(&["corpus"]);
    assert_eq!(docs.len(), extracted.len());
    for doc in &docs {
        annals::engine::export::matches_quickwit_types(doc, &config)
            .unwrap_or_else(|e| panic!("{e}\n{config}"));
    }

    let (code, _, err) = run(
        &f,
        &["export", "corpus", "--to", "opensearch", "--out", "os"],
    );
    assert_eq!(code, 0, "{err}");
    let Some(server) = osmem() else { return };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let index = std::fs::read_to_string(f.path("os/index.json")).expect("index.json");
    let created = agent
        .put(format!("{}/exported", server.url))
        .header("Content-Type", "application/json")
        .send(index)
        .expect("create");
    assert_eq!(created.status().as_u16(), 200);
    let bulk = std::fs::read(f.path("os/bulk.ndjson")).expect("bulk");
    let mut loaded = agent
        .post(format!("{}/exported/_bulk?refresh=true", server.url))
        .header("Content-Type", "application/x-ndjson")
        .send(&bulk[..])
        .expect("bulk");
    let loaded: Value =
        serde_json::from_str(&loaded.body_mut().read_to_string().expect("body")).expect("JSON");
    assert_eq!(loaded["errors"], false, "{loaded}");
    assert_eq!(run(&f, &["build", "corpus"]).0, 0);
    let engine = format!("{}/exported", server.url);
    for query in [&["*"][..], &["Baku", "--facet", "country"]] {
        let local = answer(&f, query, &["--limit", "100"]);
        let remote = answer(&f, query, &["--limit", "100", "--engine", &engine]);
        assert_eq!(comparable(&local), comparable(&remote), "{query:?}");
    }
}

#[test]
fn a_refused_login_is_a_clear_error() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let cluster = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().expect("accept");
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut authorization = String::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                break;
            }
            if header.to_ascii_lowercase().starts_with("authorization:") {
                authorization = header.trim().to_ascii_lowercase();
            }
        }
        let body = r#"{"error":{"type":"security_exception","reason":"unable to authenticate user [annals]"},"status":401}"#;
        let _ = write!(
            stream,
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        authorization
    });
    let f = fixture();
    let mut cmd = f.annals(&["build", "corpus", "--engine", &format!("{url}/annals")]);
    let out = cmd
        .env("ANNALS_ENGINE_AUTH", "annals:wrong")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("refused the login"), "{err}");
    assert!(err.contains("unable to authenticate"), "{err}");
    assert!(!err.contains("wrong"), "the secret is not shown: {err}");
    // The login went as basic auth: base64 of "annals:wrong".
    assert_eq!(
        cluster.join().expect("cluster"),
        "authorization: basic yw5uywxzondyb25n"
    );
}

/// A 10,000-sentence slice of the UN General Debate Corpus (CC0; see
/// tests/data/ungdc-slice/README.md), built with document dates and the
/// speaker's country as a metadata facet.
fn speeches(engine: Option<&str>) -> Fixture {
    let f = Fixture::empty();
    let slice = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ungdc-slice");
    for session in std::fs::read_dir(&slice).expect("the slice") {
        let session = session.expect("entry").path();
        if !session.is_dir() {
            continue;
        }
        for speech in std::fs::read_dir(&session).expect("a session") {
            let speech = speech.expect("entry").path();
            let rel = format!(
                "ungdc/{}/{}",
                session.file_name().unwrap().to_string_lossy(),
                speech.file_name().unwrap().to_string_lossy()
            );
            f.write(&rel, std::fs::read(&speech).expect("a speech"));
        }
    }
    let rules = [
        "--doc-date",
        r"_(\d{4})\.txt$",
        "--meta-from-path",
        r"speaker=([A-Z]{3})_[0-9]+_[0-9]{4}\.txt$",
    ];
    let mut args = vec!["build", "ungdc"];
    args.extend_from_slice(&rules);
    let (code, _, err) = run(&f, &args);
    assert_eq!(code, 0, "{err}");
    if let Some(engine) = engine {
        args.extend_from_slice(&["--engine", engine]);
        let (code, _, err) = run(&f, &args);
        assert_eq!(code, 0, "{err}");
    }
    f
}

/// Queries over the speeches: the same totals, hit sets and facet counts
/// locally and through the engine. Their words stem alike under Porter and
/// Porter2: osmem-server stems with Porter whatever the mapping asks
/// (OpenSearch and Elasticsearch honour its snowball English, which is
/// tantivy's Porter2), so "peace" there misses "peacefully".
const SPEECHES_EQUAL: &[&[&str]] = &[
    &["security"],
    &["\"nuclear weapons\"", "--facet", "decade,country"],
    &["apartheid OR \"South Africa\"", "--facet", "year"],
    &["disarmament AND nuclear", "--facet", "person"],
    &["development -economic", "--facet", "org"],
    &["\"human rights\"~2", "--facet", "place,region"],
    &["terrorism", "--all"],
    &["Palestine Israel", "--all", "--facet", "country"],
    &["economic^2 social", "--facet", "century"],
    &["year:[1960 TO 1970] AND independence", "--facet", "year"],
    &["country:za OR apartheid"],
    &["climate change", "--plain", "--facet", "doc_decade"],
    &["*", "--doc-year", "1990..1999", "--facet", "doc_year"],
    &["*", "--doc-year", "1960s", "--facet", "meta.speaker"],
    &["*", "--meta", "speaker=IND", "--facet", "doc_year"],
    &["war", "--meta", "speaker=USA", "--meta", "speaker=GBR"],
    &["*", "--year", "1939..1945", "--facet", "year"],
    &["*", "--year", "1940s", "--facet", "decade"],
    &["*", "--year", "20th century", "--facet", "century"],
    &["war", "--country", "VN", "--facet", "country"],
    &["*", "--person", "Hammarskjold", "--facet", "person"],
    &["*", "--org", "United Nations", "--facet", "org"],
    &["*", "--place", "Geneva", "--facet", "place"],
    &["*", "--region", "California", "--facet", "place,region"],
    &[
        "*",
        "--doc",
        "ungdc/Session 45 - 1990/VCT_45_1990.txt",
        "--facet",
        "year",
    ],
    &["*", "--date", "1945-06..1945-12", "--facet", "year"],
    &["refugees", "--sort", "date", "--limit", "20"],
    &["refugees", "--sort", "-date", "--limit", "20"],
    &["Africa", "--group-by", "doc", "--facet", "doc"],
    &["*", "--source", "*1990*", "--facet", "source"],
    // Over every sentence the local person facet counts bare surnames as the full
    // name they stand for across the corpus (`index::aliases`), which an engine's
    // index does not know; the person facet is compared above on queries whose
    // top names are no such links.
    &["*", "--facet", "org,country", "--facet-limit", "5"],
];

/// Trends over the speeches: the same series, buckets, denominators and
/// labels locally and through the engine.
const SPEECHES_TRENDS: &[&[&str]] = &[
    &["security", "war", "--by", "decade"],
    &["apartheid", "\"nuclear weapons\"", "--by", "doc-year"],
    &["terrorism", "--by", "doc-decade", "--country", "US"],
    &["independence", "colonial", "--by", "country", "--top", "10"],
    &["\"human rights\"", "--by", "person", "--top", "10"],
    &["development", "--by", "meta.speaker", "--top", "15"],
    &["security", "--by", "century", "--doc-year", "1946..1980"],
    &["Africa", "Asia", "Europe", "--by", "year", "--all"],
];

/// A trend's JSON without its time.
fn trend(f: &Fixture, args: &[&str], where_: &[&str]) -> Value {
    let mut trend = json_of(f, "trend", args, where_);
    trend.as_object_mut().expect("object").remove("took_ms");
    trend
}

#[test]
fn the_engine_answers_on_ten_thousand_un_sentences_as_the_local_index_does() {
    let Some(server) = osmem() else { return };
    let engine = format!("{}/speeches", server.url);
    let f = speeches(Some(&engine));
    let local_stats = run(&f, &["stats", "--format", "json"]).1;
    let sentences = serde_json::from_str::<Value>(&local_stats).expect("JSON")["sentences"]
        .as_u64()
        .expect("sentences");
    assert!(sentences >= 10_000, "{sentences}");

    // Every hit, so that the sets compare whatever the ranks.
    let (mut differ, found) = compare_table(&f, &engine, SPEECHES_EQUAL, "10000");
    assert_eq!(
        found,
        SPEECHES_EQUAL.len(),
        "a query finds nothing: the table would test nothing"
    );
    // Paging: the engine's pages, one after another, hold every hit once
    // (which hits fall on which page follows each engine's ranking).
    let query = ["disarmament"];
    let all = comparable(&answer(&f, &query, &["--limit", "10000"]))["hits"].clone();
    let mut paged = Vec::new();
    for offset in (0..).step_by(25) {
        let offset = offset.to_string();
        let page = answer(
            &f,
            &query,
            &["--limit", "25", "--offset", &offset, "--engine", &engine],
        );
        let hits = comparable(&page)["hits"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if hits.is_empty() {
            break;
        }
        paged.extend(hits);
    }
    paged.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    assert!(all.as_array().is_some_and(|a| a.len() > 50), "{all}");
    assert_eq!(Value::Array(paged), all, "pages through the engine");

    // Exports of every hit: the same rows, past the engine's paging window.
    for (query, format) in [(&["security"][..], "jsonl"), (&["*"][..], "csv")] {
        let rows = |engine: &[&str]| {
            let mut args = vec!["query"];
            args.extend_from_slice(query);
            args.extend_from_slice(&["--limit", "all", "--format", format]);
            args.extend_from_slice(engine);
            let (code, out, err) = run(&f, &args);
            assert_eq!(code, 0, "{args:?}: {err}");
            let mut lines: Vec<String> = out.lines().skip(1).map(str::to_string).collect();
            if format == "jsonl" {
                // Scores differ between engines; the sentences must not.
                lines = parse_jsonl(out.as_bytes())
                    .iter()
                    .map(|h| format!("{} {}", h["source"], h["sentence"]))
                    .collect();
            } else {
                lines = lines
                    .iter()
                    .map(|l| l.split(',').skip(2).collect::<Vec<_>>().join(","))
                    .collect();
            }
            lines.sort();
            lines
        };
        let here = rows(&[]);
        assert!(here.len() > 500, "{query:?}: {}", here.len());
        assert_eq!(rows(&["--engine", &engine]), here, "{query:?} as {format}");
    }
    assert!(sentences > 10_000, "the export of * went past 10,000 rows");

    // Reading around a sentence: the same neighbours, from the same document.
    for location in [
        "ungdc/Session 01 - 1946/BEL_01_1946.txt:1",
        "ungdc/Session 24 - 1969/CUB_24_1969.txt:491",
        "ungdc/Session 45 - 1990/VCT_45_1990.txt:13",
        "ungdc/Session 45 - 1990/VCT_45_1990.txt:9999",
    ] {
        let show = |engine: &[&str]| {
            let mut args = vec!["show", location, "-C", "3", "--format", "json"];
            args.extend_from_slice(engine);
            let (code, out, err) = run(&f, &args);
            assert_eq!(code, 0, "{args:?}: {err}");
            serde_json::from_str::<Value>(&out).expect("JSON")
        };
        let here = show(&[]);
        assert!(
            here["sentences"].as_array().is_some_and(|s| s.len() >= 4),
            "{here}"
        );
        assert_eq!(show(&["--engine", &engine]), here, "{location}");
    }

    for query in SPEECHES_TRENDS {
        let local = trend(&f, query, &[]);
        let remote = trend(&f, query, &["--engine", &engine]);
        let buckets = local["series"][0]["buckets"].as_array().map_or(0, Vec::len);
        assert!(buckets > 1, "{query:?}: {local}");
        if local != remote {
            differ.push(format!(
                "trend {query:?}:\n  local  {local}\n  engine {remote}"
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} differ:\n{}",
        differ.len(),
        SPEECHES_EQUAL.len() + SPEECHES_TRENDS.len(),
        differ.join("\n")
    );
}

#[test]
fn a_server_over_the_engine_answers_as_one_over_the_local_index() {
    let Some(osmem) = osmem() else { return };
    let engine = format!("{}/annals", osmem.url);
    let f = fixture();
    assert_eq!(run(&f, &["build", "corpus"]).0, 0);
    assert_eq!(run(&f, &["build", "corpus", "--engine", &engine]).0, 0);
    let local = crate::server::Server::start(f.path(".").as_path(), &[]);
    let remote = crate::server::Server::start(f.path(".").as_path(), &["--engine", &engine]);

    for path in [
        "/api/search?q=Iran&facet=country&facet=person&limit=100",
        "/api/search?q=*&year=1990..2010&facet=year&limit=100",
        "/api/search?q=pipeline&group_by=doc&limit=100",
    ] {
        let (status, here) = local.get_json(path);
        assert_eq!(status, 200, "{path}: {here}");
        let (status, there) = remote.get_json(path);
        assert_eq!(status, 200, "{path}: {there}");
        assert!(here["total"].as_u64().unwrap_or(0) > 0, "{path}: {here}");
        assert_eq!(comparable(&there), comparable(&here), "{path}");
    }
    // A query that does not parse falls back to plain words through the
    // engine too.
    let (status, there) = remote.get_json("/api/search?q=Iran%27s%20%22gas");
    assert_eq!(status, 200, "{there}");
    assert!(
        there["notice"]
            .as_str()
            .is_some_and(|n| n.contains("plain")),
        "{there}"
    );

    let trend = "/api/trend?q=Iran&q=Baku&by=decade";
    let (status, mut here) = local.get_json(trend);
    assert_eq!(status, 200, "{here}");
    let (status, mut there) = remote.get_json(trend);
    assert_eq!(status, 200, "{there}");
    for t in [&mut here, &mut there] {
        t.as_object_mut().expect("object").remove("took_ms");
    }
    assert_eq!(there, here);

    let (status, health) = remote.get_json("/api/health");
    assert_eq!(status, 200, "{health}");
    assert_eq!(health["index"], engine.as_str());
    assert_eq!(
        health["sentences"],
        local.get_json("/api/health").1["sentences"]
    );
    let (status, stats) = remote.get_json("/api/stats");
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["sentences"], health["sentences"]);

    let context = "/api/context?source=corpus/records.jsonl&line=3&context=1";
    let (status, here) = local.get_json(context);
    assert_eq!(status, 200, "{here}");
    assert_eq!(remote.get_json(context), (200, here));

    // Every hit, as a download: the same rows (in each engine's rank order).
    let export = |server: &crate::server::Server| {
        let mut response = crate::server::agent()
            .get(server.url("/api/export?q=Iran&format=jsonl"))
            .call()
            .expect("export");
        assert_eq!(response.status().as_u16(), 200);
        let body = response.body_mut().read_to_string().expect("body");
        let mut rows: Vec<String> = parse_jsonl(body.as_bytes())
            .iter()
            .map(|h| format!("{} {}", h["source"], h["sentence"]))
            .collect();
        rows.sort();
        rows
    };
    let rows = export(&local);
    assert!(rows.len() > 5, "{rows:?}");
    assert_eq!(export(&remote), rows);

    // What reads the local index's term statistics says so, as 501.
    for path in ["/api/collocates?q=Iran", "/api/keywords?q=Iran"] {
        let (status, body) = remote.get_json(path);
        assert_eq!(status, 501, "{path}: {body}");
        assert!(
            body["error"].as_str().is_some_and(|e| e.contains("engine")),
            "{path}: {body}"
        );
    }
    // The page is the same page.
    let (status, page) = remote.raw_get("/");
    assert_eq!(status, 200);
    assert!(page.contains("annals"), "{page}");
}
