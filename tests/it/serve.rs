//! `annals serve` through HTTP: a real server on a loopback port, on a
//! fixture copy of the bundled corpus.

use serde_json::Value;

use crate::common::Fixture;
use crate::server::{Server, agent};

fn without_took_ms(mut v: Value) -> Value {
    v.as_object_mut().expect("object").remove("took_ms");
    v
}

#[test]
fn search_answers_exactly_what_query_json_prints() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let cases: &[(&[&str], &str)] = &[
        (&["Baku"], "q=Baku"),
        (
            &["Baku", "--facet", "year,country"],
            "q=Baku&facet=year,country",
        ),
        (
            &[
                "*",
                "--facet",
                "year",
                "--facet",
                "person",
                "--facet-limit",
                "3",
            ],
            "q=*&facet=year&facet=person&facet_limit=3",
        ),
        (
            &[
                "*",
                "--country",
                "IR",
                "--country",
                "IL",
                "--year",
                "2007..2012",
            ],
            "q=*&country=IR&country=IL&year=2007..2012",
        ),
        (
            &["*", "--year", "19th century", "--facet", "century"],
            "q=*&year=19th%20century&facet=century",
        ),
        (
            &["*", "--sort", "-date", "--limit", "5", "--offset", "3"],
            "q=*&sort=-date&limit=5&offset=3",
        ),
        (
            &["\"defense deal\" OR embassies", "--all"],
            "q=%22defense+deal%22+OR+embassies&all=true",
        ),
        (&["*", "--person", "Abbasov"], "q=*&person=Abbasov"),
        (
            &["*", "--org", "Human Rights Watch"],
            "q=*&org=Human+Rights+Watch",
        ),
        (
            &["*", "--place", "Tehran", "--source", "corpus/*.txt"],
            "q=*&place=Tehran&source=corpus%2F*.txt",
        ),
        (&["*", "--date", "2007-02"], "q=*&date=2007-02"),
        (
            &["Iran", "--group-by", "doc", "--plain"],
            "q=Iran&group_by=doc&plain=1",
        ),
    ];
    for (args, params) in cases {
        let (cli, _) = f.query_json(args);
        assert!(
            cli["total"].as_u64().unwrap() > 0,
            "{params} finds something"
        );
        let (status, api) = server.get_json(&format!("/api/search?{params}"));
        assert_eq!(status, 200, "{params}: {api}");
        assert!(api["took_ms"].is_number(), "{params}");
        assert!(api.get("notice").is_none(), "{params}: {api}");
        assert_eq!(without_took_ms(api), without_took_ms(cli), "{params}");
    }
}

#[test]
fn filters_and_facets_as_parameters() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let (_, all) = server.get_json("/api/search?q=*&facet=country,year&facet_limit=100");
    let (_, iran) = server.get_json("/api/search?q=*&country=Iran&limit=100");
    let iran_count = all["facets"]["country"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "IR")
        .expect("IR in the country facet")["count"]
        .clone();
    assert_eq!(iran["total"], iran_count);
    for hit in iran["hits"].as_array().unwrap() {
        assert!(
            hit["countries"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["code"] == "IR"),
            "{hit}"
        );
    }
    // AND across filters: never more than either alone.
    let (_, both) = server.get_json("/api/search?country=IR&year=2000s&facet=decade");
    let (_, decade) = server.get_json("/api/search?year=2000s");
    assert!(both["total"].as_u64().unwrap() <= decade["total"].as_u64().unwrap());
    assert!(both["total"].as_u64().unwrap() <= iran["total"].as_u64().unwrap());
    let decades = both["facets"]["decade"].as_array().unwrap();
    assert!(decades.iter().all(|d| d["label"] == "2000s"), "{decades:?}");
}

#[test]
fn a_query_that_does_not_parse_falls_back_to_plain_words_with_a_notice() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let (status, answer) = server.get_json("/api/search?q=Baku%20%22gas");
    assert_eq!(status, 200, "{answer}");
    let notice = answer["notice"].as_str().expect("a notice");
    assert!(notice.contains("plain"), "{notice}");
    assert_eq!(answer["query"], "Baku \"gas");
    let (cli, _) = f.query_json(&["Baku \"gas", "--plain"]);
    let mut answer = without_took_ms(answer);
    answer.as_object_mut().unwrap().remove("notice");
    assert_eq!(answer, without_took_ms(cli));

    // An unknown field is read as words too (people type "Note: …").
    let (status, answer) = server.get_json("/api/search?q=colour:red%20Baku");
    assert_eq!(status, 200, "{answer}");
    assert!(answer["notice"].as_str().unwrap().contains("colour"));
    assert!(answer["total"].as_u64().unwrap() > 0);
}

#[test]
fn bad_parameters_are_400_with_the_library_message() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let long_q = format!("/api/search?q={}", "word+".repeat(1000));
    let cases = [
        ("/api/search?year=2010..1990", "year"),
        ("/api/search?limit=100000", "limit"),
        ("/api/search?limit=ten", "limit"),
        ("/api/search?facet=colour", "valid facets"),
        ("/api/search?sort=sideways", "sort"),
        ("/api/search?date=2007-13", "date"),
        ("/api/search?country=Atlantis", "Atlantis"),
        ("/api/search?colour=red", "unknown parameter"),
        (long_q.as_str(), "at most"),
    ];
    for (path, says) in cases {
        let (status, answer) = server.get_json(path);
        assert_eq!(status, 400, "{path}: {answer}");
        let error = answer["error"].as_str().expect("an error message");
        assert!(error.contains(says), "{path}: {error}");
        assert!(!error.contains("--"), "{path}: a flag in {error}");
    }
}

#[test]
fn no_input_gets_a_500() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    for q in [
        "%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28a",
        "year:[x%20TO%20y]",
        "%22",
        "*:*",
        "AND%20OR%20NOT",
        "%F0%9F%8C%8D%E2%80%A6",
        "%FF%FE",
        "-",
        "country:",
    ] {
        let (status, answer) = server.get_json(&format!(
            "/api/search?q={q}&facet=year,country,person,org,place,source,decade,century"
        ));
        assert!(status == 200 || status == 400, "q={q}: {status} {answer}");
    }
    let (status, _) = server.get_json("/api/search?offset=18446744073709551615&limit=1000");
    assert!(status == 200 || status == 400);
}

#[test]
fn health_and_stats() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let (status, health) = server.get_json("/api/health");
    assert_eq!(status, 200);
    assert_eq!(health["status"], "ok");
    assert!(health["sentences"].as_u64().unwrap() > 0);

    let (status, stats) = server.get_json("/api/stats");
    assert_eq!(status, 200);
    let out = f
        .annals(&["stats", "--format", "json"])
        .output()
        .expect("annals stats");
    let mut cli: Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    // Over HTTP the index is named, not located on the server's disk.
    assert_eq!(stats["index"], "index/");
    cli["index"] = stats["index"].clone();
    assert_eq!(stats, cli);
    assert!(health["generation"].as_str().unwrap().starts_with("gen-"));
    assert!(health["built"].as_str().unwrap().ends_with('Z'));
    assert_eq!(stats["sentences"], health["sentences"]);
}

#[test]
fn the_page_and_its_files_are_served_and_nothing_else() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    for (path, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/style.css", "text/css"),
    ] {
        let mut r = agent().get(server.url(path)).call().unwrap();
        assert_eq!(r.status(), 200, "{path}");
        let ct = r.headers()["content-type"].to_str().unwrap().to_string();
        assert!(ct.starts_with(kind), "{path}: {ct}");
        assert!(!r.body_mut().read_to_string().unwrap().is_empty());
    }
    // A file that is in the fixture folder, where the server runs.
    f.write("secret.txt", "the secret");
    for target in [
        "/../Cargo.toml",
        "/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2E%2E/Cargo.toml",
        "/..%2fCargo.toml",
        "/%2e%2e%2fsecret.txt",
        "/assets/../../Cargo.toml",
        "/assets/../secret.txt",
        "/app.js/../secret.txt",
        "/secret.txt",
        "/corpus/azerbaijan-iran-relations.txt",
        "/index/CURRENT",
        "/src/serve/assets/app.js",
        "/assets/app.js",
        "/..%5c..%5cCargo.toml",
        "//etc/passwd",
        "/api/../secret.txt",
        "/api/search/../../secret.txt",
    ] {
        let (status, body) = server.raw_get(target);
        assert!(status == 404 || status == 400, "{target}: {status} {body}");
        assert!(!body.contains("the secret") && !body.contains("[package]"));
    }
}

#[test]
fn cors_is_off_by_default_and_on_for_one_origin() {
    let f = Fixture::built();
    let origin = "http://localhost:3000";
    let cors_header = |server: &Server| {
        let r = agent()
            .get(server.url("/api/search?q=Baku"))
            .header("Origin", origin)
            .call()
            .unwrap();
        assert_eq!(r.status(), 200);
        r.headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let server = Server::start(f.dir.path(), &[]);
    assert_eq!(cors_header(&server), None);
    drop(server);
    let server = Server::start(f.dir.path(), &["--cors", origin]);
    assert_eq!(cors_header(&server).as_deref(), Some(origin));
}

#[test]
fn a_search_past_its_deadline_is_503() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &["--timeout", "0"]);
    let (status, answer) = server.get_json("/api/search?q=Baku");
    assert_eq!(status, 503, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("longer than"));
}

#[test]
fn one_access_log_line_per_request() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    server.get_json("/api/health");
    server.get_json("/api/search?q=Baku");
    server.get_json("/nothing-here");
    // The log is written once the answer is sent; give the reader thread a moment.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let lines = server.log_lines();
        let has = |s: &str| lines.iter().any(|l| l.contains(s));
        if has("GET /api/health 200")
            && has("GET /api/search?q=Baku 200")
            && has("GET /nothing-here 404")
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{lines:#?}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_busy_address_is_an_error() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let out = f
        .annals(&["serve", "--addr", &server.addr])
        .output()
        .expect("run annals");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&server.addr), "{stderr}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let f = Fixture::built();
    let mut server = Server::start(f.dir.path(), &[]);
    let (status, _) = server.get_json("/api/health");
    assert_eq!(status, 200);
    let exit = server.signal_and_wait("-INT");
    assert!(exit.success(), "{exit:?}");
    // The reader thread may still be taking the last lines.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !server.log_lines().iter().any(|l| l.contains("stopped")) {
        assert!(
            std::time::Instant::now() < deadline,
            "{:?}",
            server.log_lines()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The page builds its filters and facets from `/api/facets`: every
/// filter it lists is a parameter `/api/search` takes, every countable
/// facet one it counts, and the command line has a flag of the same name.
#[test]
fn the_registry_is_served_and_every_entry_works_as_parameter_and_flag() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let (status, dimensions) = server.get_json("/api/facets");
    assert_eq!(status, 200);
    let dimensions = dimensions.as_array().expect("a list");
    assert!(dimensions.len() >= 8, "{dimensions:?}");
    let help = f.annals(&["query", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for d in dimensions {
        let name = d["name"].as_str().expect("a name");
        assert!(d["label"].is_string() && d["values"].is_string(), "{d}");
        if d["filter"].is_string() {
            // Flags spell an underscore as a dash (`doc_year=` is `--doc-year`).
            let flag = name.replace('_', "-");
            assert!(help.contains(&format!("--{flag} <")), "no --{flag} in help");
            let (status, body) = server.get_json(&format!("/api/search?q=*&{name}="));
            assert_eq!(status, 200, "{name}: {body}");
        }
        if d["countable"] == true {
            let (status, body) = server.get_json(&format!("/api/search?q=*&facet={name}"));
            assert_eq!(status, 200, "{name}: {body}");
            assert!(body["facets"][name].is_array(), "{name}: {body}");
        }
    }
}

/// `/api/context` is `annals show --format json` over HTTP.
#[test]
fn context_answers_what_show_prints() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let (status, context) = server
        .get_json("/api/context?source=corpus/azerbaijan-iran-relations.txt&line=10&context=1");
    assert_eq!(status, 200);
    let out = f
        .annals(&[
            "show",
            "corpus/azerbaijan-iran-relations.txt:10",
            "-C",
            "1",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(context, shown);
    let hits: Vec<bool> = context["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["hit"].as_bool().unwrap())
        .collect();
    // Two sentences start on line 10: the first is the one asked for.
    assert_eq!(hits, vec![false, true, false]);
    assert!(
        context["sentences"][1]["text"]
            .as_str()
            .unwrap()
            .starts_with("In this joint front")
    );
    let (_, second) = server.get_json(
        "/api/context?source=corpus/azerbaijan-iran-relations.txt&line=10&sentence=11&context=0",
    );
    assert!(
        second["sentences"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("In February 2012")
    );
    let (status, _) = server.get_json("/api/context?source=nope.txt&line=1");
    assert_eq!(status, 404);
    let (status, body) = server.get_json("/api/context?line=1");
    assert_eq!(status, 400, "{body}");
}
