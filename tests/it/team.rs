//! Serving for a team: the server follows new builds without a restart or
//! a failed request, admits only those with the token, refuses requests too
//! large or too slow, and tells clients no more than they need.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::Fixture;
use crate::server::{Server, agent, raw};

/// The number of sentences a query for everything finds, by the CLI.
fn count(f: &Fixture) -> u64 {
    let (answer, _) = f.query_json(&["*", "--limit", "0"]);
    answer["total"].as_u64().expect("total")
}

fn get_json(server: &Server, path: &str) -> (u16, Value) {
    let mut response = agent().get(server.url(path)).call().expect("request");
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().expect("body");
    let json = serde_json::from_str(&body).unwrap_or(Value::Null);
    (status, json)
}

fn get_with(addr: &str, target: &str, headers: &str) -> (u16, String, String) {
    raw(
        addr,
        format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\n{headers}Connection: close\r\n\r\n")
            .as_bytes(),
    )
}

/// Sentences of their own, so that each build has another count.
fn extra(n: usize, tag: &str) -> String {
    (0..n)
        .map(|i| {
            format!(
                "The {tag} envoy number {i} reached Tabriz in {}.\n",
                1800 + i
            )
        })
        .collect()
}

#[test]
fn the_server_follows_three_rebuilds_under_load_without_a_failed_request() {
    let f = Fixture::built();
    let first = count(&f);
    let server = Server::start(f.dir.path(), &[]);
    let (_, health) = get_json(&server, "/api/health");
    let first_generation = health["generation"].as_str().unwrap().to_string();

    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..16)
        .map(|_| {
            let stop = Arc::clone(&stop);
            let url = server.url("/api/search?q=*&limit=3&facet=year");
            thread::spawn(move || {
                let agent = agent();
                let mut answers = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    match agent.get(&url).call() {
                        Ok(mut r) => {
                            let status = r.status().as_u16();
                            let body = r.body_mut().read_to_string().unwrap_or_default();
                            let total = serde_json::from_str::<Value>(&body)
                                .ok()
                                .and_then(|v| v["total"].as_u64());
                            answers.push((status, total, body));
                        }
                        Err(e) => answers.push((0, None, e.to_string())),
                    }
                }
                answers
            })
        })
        .collect();

    let mut counts = vec![first];
    // A full build (a new generation), an incremental one (a commit in
    // place), and a full one again.
    for (i, full) in [(1, true), (2, false), (3, true)] {
        f.write(
            &format!("corpus/extra-{i}.txt"),
            extra(i * 2, &format!("b{i}")),
        );
        let mut args = vec!["build"];
        if full {
            args.push("--full");
        }
        f.annals(&args).assert().success();
        let built = Instant::now();
        let expected = count(&f);
        assert!(!counts.contains(&expected), "each build adds sentences");
        counts.push(expected);
        loop {
            let (status, answer) = get_json(&server, "/api/search?q=*&limit=0");
            assert_eq!(status, 200, "{answer}");
            if answer["total"].as_u64() == Some(expected) {
                break;
            }
            assert!(
                built.elapsed() < Duration::from_secs(2),
                "build {i}: the server still answers {} instead of {expected} after {:?}\n{}",
                answer["total"],
                built.elapsed(),
                server.log_lines().join("\n")
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
    stop.store(true, Ordering::Relaxed);
    let mut requests = 0;
    for client in clients {
        for (status, total, body) in client.join().unwrap() {
            requests += 1;
            assert_eq!(status, 200, "a request failed during the swaps: {body}");
            let total = total.expect("a total");
            assert!(
                counts.contains(&total),
                "{total} is no build's count ({counts:?})"
            );
        }
    }
    assert!(requests >= 16, "{requests} requests");
    let (_, health) = get_json(&server, "/api/health");
    assert_ne!(health["generation"], first_generation.as_str());
    assert_eq!(health["sentences"].as_u64(), counts.last().copied());
    // The generation the server left behind goes with the next build; the
    // one it answers from stays.
    f.annals(&["build", "--full"]).assert().success();
    let (status, answer) = get_json(&server, "/api/search?q=*&limit=0");
    assert_eq!(
        (status, answer["total"].as_u64()),
        (200, counts.last().copied())
    );
    let generations = std::fs::read_dir(f.path("index"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .count();
    assert!(generations <= 2, "{generations} generations kept");
}

#[test]
fn a_token_keeps_strangers_out_but_not_the_health_check() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &["--token", "s3cret-token"]);
    let addr = server.addr.as_str();

    for (what, headers) in [
        ("no token", ""),
        ("a wrong token", "Authorization: Bearer s3cret-tokeN\r\n"),
        ("a shorter token", "Authorization: Bearer s3cret\r\n"),
        ("a wrong cookie", "Cookie: annals_token=nope\r\n"),
    ] {
        for target in ["/api/search?q=Baku", "/api/stats", "/", "/app.js"] {
            let (status, _, body) = get_with(addr, target, headers);
            assert_eq!(status, 401, "{what} on {target}: {body}");
            let error: Value = serde_json::from_str(&body).expect("JSON error");
            assert!(error["error"].as_str().unwrap().contains("token"), "{body}");
        }
    }
    let (status, _, _) = get_with(addr, "/api/health", "");
    assert_eq!(status, 200, "the health check needs no token");

    let (status, _, body) = get_with(
        addr,
        "/api/search?q=Baku",
        "Authorization: Bearer s3cret-token\r\n",
    );
    assert_eq!(status, 200, "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(answer["total"], 8);

    // A browser: /?token= sets the cookie and sends it back without the
    // token in the address.
    let (status, _, _) = get_with(addr, "/?token=wrong", "");
    assert_eq!(status, 401);
    let (status, head, _) = get_with(addr, "/?token=s3cret-token&q=Baku", "");
    assert_eq!(status, 303, "{head}");
    let head = head.to_ascii_lowercase();
    let location = head
        .lines()
        .find_map(|l| l.strip_prefix("location: "))
        .expect("location");
    assert_eq!(location, "/?q=baku");
    let cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .expect("a cookie");
    assert!(cookie.contains("httponly"), "{cookie}");
    assert!(cookie.contains("samesite=strict"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let (status, _, body) = get_with(
        addr,
        "/api/stats",
        "Cookie: theme=dark; annals_token=s3cret-token\r\n",
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(pair, "annals_token=s3cret-token");
    let (status, _, body) = get_with(addr, "/", "Cookie: annals_token=s3cret-token\r\n");
    assert_eq!(status, 200);
    assert!(
        body.contains("<html") || body.contains("<!doctype"),
        "{body}"
    );
}

#[test]
fn a_cors_preflight_needs_no_token_but_the_request_it_clears_does() {
    let f = Fixture::built();
    let server = Server::start(
        f.dir.path(),
        &["--token", "t0ken", "--cors", "http://localhost:3000"],
    );
    let (status, head, _) = raw(
        &server.addr,
        format!(
            "OPTIONS /api/search?q=Baku HTTP/1.1\r\nHost: {}\r\nOrigin: http://localhost:3000\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: authorization\r\nConnection: close\r\n\r\n",
            server.addr
        )
        .as_bytes(),
    );
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("access-control-allow-origin: http://localhost:3000"),
        "{head}"
    );
    assert!(
        head.to_ascii_lowercase()
            .contains("access-control-allow-headers: authorization"),
        "{head}"
    );
    let (status, _, _) = get_with(
        &server.addr,
        "/api/search?q=Baku",
        "Origin: http://localhost:3000\r\n",
    );
    assert_eq!(status, 401);
}

#[test]
fn the_token_can_come_from_the_environment() {
    let f = Fixture::built();
    let server = Server::start_with_env(f.dir.path(), &[], &[("ANNALS_TOKEN", "from-env")]);
    let (status, _, _) = get_with(&server.addr, "/api/stats", "");
    assert_eq!(status, 401);
    let (status, _, _) = get_with(
        &server.addr,
        "/api/stats",
        "Authorization: Bearer from-env\r\n",
    );
    assert_eq!(status, 200);
}

#[test]
fn a_damaged_new_generation_is_not_served_and_the_old_one_answers_on() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let (_, before) = get_json(&server, "/api/search?q=Baku&limit=0");
    let (_, health) = get_json(&server, "/api/health");
    let live = health["generation"].as_str().unwrap().to_string();
    // A generation published with a damaged file, as a bad disk leaves it.
    let index = f.path("index");
    let next = index.join("gen-000099");
    std::fs::create_dir(&next).unwrap();
    for entry in std::fs::read_dir(index.join(&live)).unwrap().flatten() {
        std::fs::copy(entry.path(), next.join(entry.file_name())).unwrap();
    }
    let store = std::fs::read_dir(&next)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .unwrap();
    let mut bytes = std::fs::read(&store).unwrap();
    let i = bytes.len() / 2;
    bytes[i] ^= 0x55;
    std::fs::write(&store, bytes).unwrap();
    std::fs::write(index.join("CURRENT.tmp"), "gen-000099\n").unwrap();
    std::fs::rename(index.join("CURRENT.tmp"), index.join("CURRENT")).unwrap();

    let deadline = Instant::now() + Duration::from_secs(10);
    while !server
        .log_lines()
        .iter()
        .any(|l| l.contains("still serving") && l.contains("damaged"))
    {
        assert!(Instant::now() < deadline, "{:?}", server.log_lines());
        thread::sleep(Duration::from_millis(50));
    }
    let (status, after) = get_json(&server, "/api/search?q=Baku&limit=0");
    assert_eq!((status, &after["total"]), (200, &before["total"]));
    let (_, health) = get_json(&server, "/api/health");
    assert_eq!(health["generation"], live.as_str());

    // The way out: a full build, which the server then follows.
    f.annals(&["build", "--full"]).assert().success();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, health) = get_json(&server, "/api/health");
        let now = health["generation"].as_str().unwrap().to_string();
        if now != live && now != "gen-000099" {
            break;
        }
        assert!(Instant::now() < deadline, "{:?}", server.log_lines());
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_non_loopback_address_needs_a_token_or_public() {
    let f = Fixture::built();
    let out = f
        .annals(&["serve", "--addr", "0.0.0.0:0"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a loopback address"), "{stderr}");
    assert!(
        stderr.contains("--token") && stderr.contains("--public"),
        "{stderr}"
    );

    let public = Server::start(f.dir.path(), &["--addr", "0.0.0.0:0", "--public"]);
    assert!(
        public
            .log_lines()
            .iter()
            .any(|l| l.contains("without a token")),
        "{:?}",
        public.log_lines()
    );
    let port = public.addr.rsplit(':').next().unwrap();
    let (status, _, _) = get_with(&format!("127.0.0.1:{port}"), "/api/stats", "");
    assert_eq!(status, 200);

    let guarded = Server::start(f.dir.path(), &["--addr", "0.0.0.0:0", "--token", "t0ken"]);
    let port = guarded.addr.rsplit(':').next().unwrap();
    let (status, _, _) = get_with(&format!("127.0.0.1:{port}"), "/api/stats", "");
    assert_eq!(status, 401);
}

#[test]
fn requests_too_large_are_refused_with_their_status() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let addr = server.addr.as_str();
    let long = "a".repeat(20_000);
    let (status, _, _) = get_with(addr, &format!("/api/search?q={long}"), "");
    assert_eq!(status, 414);
    let huge = format!("X-Filler: {}\r\n", "b".repeat(100_000));
    let (status, _, _) = get_with(addr, "/api/health", &huge);
    assert_eq!(status, 431);
    let (status, _, _) = raw(
        addr,
        format!(
            "POST /api/search HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n"
        )
        .as_bytes(),
    );
    assert_eq!(status, 413);
    // The server still answers.
    let (status, _, _) = get_with(addr, "/api/health", "");
    assert_eq!(status, 200);
}

#[test]
fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    // Closed by the server (10 s), not by our 60 s read timeout.
    assert!(
        started.elapsed() < Duration::from_secs(45),
        "{:?}",
        started.elapsed()
    );
    let (status, _, _) = get_with(&server.addr, "/api/health", "");
    assert_eq!(status, 200);
}

#[test]
fn connections_past_the_cap_get_503() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    // Idle connections, each holding a place.
    let held: Vec<TcpStream> = (0..256)
        .map(|_| TcpStream::connect(&server.addr).unwrap())
        .collect();
    thread::sleep(Duration::from_millis(500));
    let (status, _, body) = get_with(&server.addr, "/api/health", "");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("too many"), "{body}");
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, _, _) = get_with(&server.addr, "/api/health", "");
        if status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "places are not given back");
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn no_answer_shows_where_the_index_is_on_the_server() {
    let f = Fixture::built();
    let index = f.path("index");
    let index_arg = index.to_str().unwrap();
    let server = Server::start(f.dir.path(), &["--index", index_arg]);
    let secret = f.dir.path().to_str().unwrap().to_string();
    for path in [
        "/api/stats",
        "/api/health",
        "/api/facets",
        "/api/search?q=Baku&facet=source,doc",
        "/api/search?q=year:[x%20TO%20y]",
        "/api/search?q=nosuchfield:x",
        "/api/search?year=abc",
        "/api/nothing",
    ] {
        let (_, _, body) = get_with(&server.addr, path, "");
        assert!(!body.contains(&secret), "{path} shows {secret}: {body}");
    }
    let (_, stats) = get_json(&server, "/api/stats");
    assert!(stats["index"].as_str().unwrap().ends_with("index/"));
}

#[test]
fn a_deep_page_is_answered_or_refused_never_empty() {
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let (status, answer) = get_json(&server, "/api/search?q=*&sort=date&offset=1000000");
    assert_eq!(status, 400, "{answer}");
    let error = answer["error"].as_str().unwrap();
    assert!(
        error.contains("offset") && error.contains("export"),
        "{error}"
    );
    let (status, answer) = get_json(&server, "/api/search?q=*&sort=date&offset=20&limit=5");
    assert_eq!(status, 200);
    assert_eq!(answer["hits"].as_array().unwrap().len(), 5);
    assert_eq!(answer["hits"][0]["rank"], 21);
}

/// The median of three answers' times to `path`, after one to warm up.
fn median_time(server: &Server, path: &str) -> Duration {
    let (status, _) = get_json(server, path);
    assert_eq!(status, 200, "{path}");
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let started = Instant::now();
            get_json(server, path);
            started.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

/// Sentences naming 1,200 people, 15 places and 220 years, in 30 files: a
/// search for everything with every facet at its longest list and a full
/// page is tens of times the work of a search for three hits.
fn many_names() -> Vec<(String, String)> {
    const FIRST: [&str; 30] = [
        "John", "Maria", "Ahmed", "Olga", "Pierre", "Chen", "Fatima", "Hans", "Kofi", "Ana",
        "Ivan", "Leila", "Peter", "Sofia", "Omar", "Elena", "David", "Amina", "Paul", "Irina",
        "George", "Laura", "Rashid", "Nina", "Carlos", "Yuki", "Samuel", "Hana", "Victor", "Eva",
    ];
    const LAST: [&str; 40] = [
        "Abbot",
        "Barlow",
        "Corwin",
        "Dalton",
        "Ellison",
        "Fenwick",
        "Garland",
        "Hollis",
        "Ingram",
        "Jessup",
        "Kimball",
        "Lowell",
        "Marlow",
        "Norcross",
        "Oakley",
        "Prentice",
        "Quimby",
        "Radcliffe",
        "Stanton",
        "Thorne",
        "Upton",
        "Vance",
        "Whitlock",
        "Yardley",
        "Zeller",
        "Ashby",
        "Brandt",
        "Crowley",
        "Dunmore",
        "Everett",
        "Fairfax",
        "Gilmore",
        "Holt",
        "Irving",
        "Jarvis",
        "Keller",
        "Lambert",
        "Mercer",
        "Nash",
        "Osborne",
    ];
    const PLACES: [&str; 15] = [
        "Paris", "Berlin", "Cairo", "Lagos", "Lima", "Tokyo", "Delhi", "Moscow", "Nairobi",
        "Madrid", "Tehran", "Baku", "Ankara", "Rome", "Vienna",
    ];
    let mut n = 0usize;
    (0..30)
        .map(|file| {
            let mut text = String::new();
            for _ in 0..1000 {
                text.push_str(&format!(
                    "Ambassador {} {} spoke in {} to the assembly in {} about item {n}.\n",
                    FIRST[(n * 7) % 30],
                    LAST[(n / 30) % 40],
                    PLACES[n % 15],
                    1800 + n % 220
                ));
                n += 1;
            }
            (format!("corpus/d{file:02}.txt"), text)
        })
        .collect()
}

#[test]
fn a_search_past_its_deadline_frees_its_worker_for_the_next_request() {
    let f = Fixture::empty();
    for (path, text) in many_names() {
        f.write(&path, text);
    }
    f.annals(&["build"]).assert().success();
    const SLOW: &str = "/api/search?q=*&limit=1000&facet_limit=1000\
                        &facet=person,place,year,decade,century,country";
    const CHEAP: &str = "/api/search?q=Ambassador&limit=3";
    // The deadline is set between what the two searches take on this
    // machine and build (a release build is many times faster than a test
    // build), so the check holds at any speed.
    let (slow_takes, cheap_takes) = {
        let probe = Server::start(f.dir.path(), &["--timeout", "600"]);
        (median_time(&probe, SLOW), median_time(&probe, CHEAP))
    };
    assert!(
        slow_takes > cheap_takes * 16,
        "the slow search ({slow_takes:?}) must take far longer than the cheap one ({cheap_takes:?})"
    );
    let deadline = (slow_takes.as_secs_f64() * cheap_takes.as_secs_f64()).sqrt();
    // Two slow searches take both turns (one per core on a two-core
    // machine; more cores only make the check easier).
    let server = Server::start(f.dir.path(), &["--timeout", &format!("{deadline:.4}")]);
    let slow = server.url(SLOW);
    let slow_answers: Vec<u16> = (0..2)
        .map(|_| {
            let url = slow.clone();
            thread::spawn(move || match agent().get(&url).call() {
                Ok(r) => r.status().as_u16(),
                Err(e) => panic!("slow search: {e}"),
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    assert_eq!(
        slow_answers,
        vec![503, 503],
        "the slow searches should run out of their {deadline:.4} s"
    );
    // Had the slow searches gone on working after their 503, this one
    // would wait for a turn and run out of its own time.
    let started = Instant::now();
    let (status, answer) = get_json(&server, CHEAP);
    assert_eq!(
        status,
        200,
        "a cheap search after two timed-out ones: {answer} after {:?}",
        started.elapsed()
    );
    assert_eq!(answer["hits"].as_array().map(Vec::len), Some(3));
}
