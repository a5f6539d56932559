//! The search page in a real browser: headless Chromium driven through
//! chromedriver's WebDriver protocol (a few JSON calls, made here with the
//! same HTTP client as the API tests), against a real `annals serve`.
//!
//! Needs Debian's `chromium` and `chromium-driver`. Without them the test
//! says it is skipped, unless CI is set, where it fails.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::Fixture;
use crate::server::{Server, agent};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
const WAIT: Duration = Duration::from_secs(20);

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// chromedriver on a free loopback port; killed on drop.
struct Driver {
    child: Child,
    base: String,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Driver {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        wait_until("chromedriver to be ready", Duration::from_secs(30), || {
            let mut r = agent().get(format!("{}/status", driver.base)).call().ok()?;
            let v: Value = serde_json::from_str(&r.body_mut().read_to_string().ok()?).ok()?;
            v["value"]["ready"].as_bool().filter(|&ready| ready)
        });
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `probe` until it gives a value: an explicit wait for a state of
/// the page, never a fixed sleep.
fn wait_until<T>(what: &str, timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = probe() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One browser session.
struct Session {
    url: String,
    _profile: tempfile::TempDir,
}

impl Session {
    fn new(driver: &Driver, chromium: &Path) -> Session {
        let profile = tempfile::tempdir().expect("profile dir");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-quic", "--no-first-run", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            },
        }}});
        let answer = call("POST", &format!("{}/session", driver.base), Some(caps));
        let id = answer["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"));
        Session {
            url: format!("{}/session/{id}", driver.base),
            _profile: profile,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        call(method, &format!("{}{path}", self.url), body)
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn current_url(&self) -> String {
        self.cmd("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    fn find(&self, css: &str) -> Option<String> {
        let v = try_call(
            "POST",
            &format!("{}/element", self.url),
            Some(json!({"using": "css selector", "value": css})),
        )?;
        v[ELEMENT_KEY].as_str().map(str::to_string)
    }

    fn wait_for(&self, css: &str) -> String {
        wait_until(css, WAIT, || self.find(css))
    }

    fn click(&self, css: &str) {
        // The page re-renders: find afresh, retry if the node went stale.
        wait_until(&format!("a click on {css}"), WAIT, || {
            let id = self.find(css)?;
            try_call(
                "POST",
                &format!("{}/element/{id}/click", self.url),
                Some(json!({})),
            )
        });
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.wait_for(css);
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Waits until the page has answered a search whose URL passes `check`.
    fn wait_search(&self, what: &str, check: impl Fn(&str) -> bool) -> u64 {
        wait_until(what, WAIT, || {
            let v = self.js(
                "return [document.body.dataset.state || '', document.body.dataset.total || '', location.href];",
            );
            let url = v[2].as_str()?;
            (v[0] == "ready" && check(url)).then(|| v[1].as_str()?.parse().ok())?
        })
    }

    fn resize(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        );
    }

    fn screenshot(&self, width: u32, height: u32, to: &Path) {
        self.resize(width, height);
        let png = self.cmd("GET", "/screenshot", None);
        let bytes = decode_base64(png.as_str().expect("base64 PNG"));
        std::fs::write(to, bytes).expect("write screenshot");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = try_call("DELETE", &self.url, None);
    }
}

fn try_call(method: &str, url: &str, body: Option<Value>) -> Option<Value> {
    let agent = agent();
    let mut response = match (method, body) {
        ("POST", body) => agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body.unwrap_or(json!({})).to_string()),
        ("DELETE", _) => agent.delete(url).call(),
        (_, _) => agent.get(url).call(),
    }
    .ok()?;
    let ok = response.status().is_success();
    let v: Value = serde_json::from_str(&response.body_mut().read_to_string().ok()?).ok()?;
    ok.then(|| v["value"].clone())
}

fn call(method: &str, url: &str, body: Option<Value>) -> Value {
    try_call(method, url, body.clone())
        .unwrap_or_else(|| panic!("WebDriver {method} {url} failed (body {body:?})"))
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text.bytes().filter(|c| !b"=\r\n".contains(c)).collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | u32::from(value(c)) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn search_filter_by_country_and_decade_in_a_browser() {
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let chromedriver = find_program(&["chromedriver"]);
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        let message = "chromium and chromedriver are needed for the browser test: apt-get install -y chromium chromium-driver";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        // Straight to stderr, past the test harness's capture: a skipped
        // browser test must not pass for a run one.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "browser::search_filter_by_country_and_decade_in_a_browser: SKIPPED: {message}"
        );
        return;
    };

    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let driver = Driver::start(&chromedriver);
    let browser = Session::new(&driver, &chromium);

    // The page opens on an overview of the index, not on a search.
    browser.goto(&server.url("/"));
    let everything = browser.wait_search("the overview", |_| true);
    assert_eq!(everything, 31, "the overview counts every sentence");
    assert_eq!(
        browser.js("return document.body.dataset.view;"),
        json!("overview")
    );
    browser.wait_for("#overview-time .bar");
    browser.wait_for("#overview-country .value");
    browser.wait_for("#overview-person .value");
    assert_eq!(
        browser.js("return document.querySelectorAll('#hits .hit').length;"),
        json!(0)
    );

    // A search typed and submitted with Enter.
    browser.type_into("#q", "Iran\u{E007}");
    let total = browser.wait_search("results for Iran", |url| url.contains("q=Iran"));
    assert!(total > 0 && total < everything, "{total} of {everything}");
    let marks = browser.js(
        "return Array.from(document.querySelectorAll('#hits .hit')).map(h => Array.from(h.querySelectorAll('mark')).map(m => m.textContent.toLowerCase()).join(' '));",
    );
    let marks = marks.as_array().expect("hits");
    assert!(!marks.is_empty());
    assert!(
        marks.iter().all(|m| m.as_str().unwrap().contains("iran")),
        "every hit highlights its match: {marks:?}"
    );

    // A country from the sidebar.
    let country = browser.js(
        "const b = document.querySelector('#facet-country .value:not(.active)'); return b && b.dataset.value;",
    );
    let country = country
        .as_str()
        .expect("a country in the sidebar")
        .to_string();
    browser.click(&format!("#facet-country .value[data-value='{country}']"));
    let param = format!("country={country}");
    let by_country = browser.wait_search("the country filter", |url| url.contains(&param));
    assert!(by_country > 0 && by_country <= total);
    browser.wait_for(&format!(
        "#chips [data-kind='country'][data-value='{country}']"
    ));
    let all_have_it = browser.js(&format!(
        "return Array.from(document.querySelectorAll('#hits .hit')).every(h => h.querySelector(\".tag[data-value='{country}']\"));"
    ));
    assert_eq!(all_have_it, json!(true), "every hit names {country}");

    // The decade scale, then a decade bar.
    browser.click("[data-time='decade']");
    browser.wait_search("the decade histogram", |url| url.contains("facet=decade"));
    let decade = browser
        .js("const b = document.querySelector('#histogram .bar'); return b && b.dataset.value;");
    let decade = decade.as_str().expect("a decade bar").to_string();
    assert!(decade.ends_with('s'), "{decade}");
    browser.click(&format!("#histogram .bar[data-value='{decade}']"));
    let param_decade = format!("year={}", decade.replace(' ', "+"));
    let by_decade = browser.wait_search("the decade filter", |url| {
        url.contains(&param_decade) && url.contains(&param)
    });
    assert!(by_decade > 0 && by_decade <= by_country);
    browser.wait_for(&format!("#histogram .bar.active[data-value='{decade}']"));
    let url = browser.current_url();
    assert!(url.contains("q=Iran"), "{url}");

    // The URL is the state: reloading it shows the same page.
    browser.goto(&url);
    let reloaded = browser.wait_search("the reloaded page", |u| u == url);
    assert_eq!(reloaded, by_decade);
    browser.wait_for(&format!("#chips [data-kind='year'][data-value='{decade}']"));

    // Back undoes the last filter.
    browser.cmd("POST", "/back", Some(json!({})));
    browser.wait_search("the page before the decade filter", |u| {
        u.contains(&param) && !u.contains("year=")
    });

    // Highlights are UTF-8 byte ranges: after a "ü" they must still fall
    // on the words.
    browser.goto(&server.url("/?q=Atat%C3%BCrk+downfall"));
    browser.wait_search("results for Atatürk", |u| u.contains("downfall"));
    let marks = browser
        .js("return Array.from(document.querySelectorAll('#hits mark')).map(m => m.textContent);");
    let marks: Vec<&str> = marks
        .as_array()
        .expect("marks")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        marks.contains(&"Atatürk") && marks.contains(&"downfall"),
        "{marks:?}"
    );
    assert!(
        marks.iter().all(|m| ["Atatürk", "downfall"].contains(m)),
        "{marks:?}"
    );

    // A hit's source:line opens its context, the hit marked among its
    // neighbours.
    let first = browser.js("return document.querySelector('#hits .hit .snippet').textContent;");
    browser.click("#hits .hit button.src");
    let marked = browser.wait_for("#context .context-hit");
    let marked_text =
        browser.js("return document.querySelector('#context .context-hit').textContent;");
    assert!(!marked.is_empty());
    assert!(
        marked_text
            .as_str()
            .unwrap()
            .contains(first.as_str().unwrap()),
        "{marked_text} / {first}"
    );
    let lines =
        browser.js("return document.querySelectorAll('#context .context-lines li').length;");
    assert!(lines.as_u64().unwrap() > 1, "neighbours shown: {lines}");
    browser.click("#context-close");

    // Pictures to look at, on a laptop and on a phone.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    browser.screenshot(1280, 900, &shots.join("annals-serve-desktop.png"));
    browser.resize(390, 844);
    browser.goto(&url);
    browser.wait_search("the page on a phone", |u| u == url);
    browser.screenshot(390, 844, &shots.join("annals-serve-phone.png"));
}

#[test]
fn concordance_lines_sort_and_the_map_filters_in_a_browser() {
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let chromedriver = find_program(&["chromedriver"]);
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        let message = "chromium and chromedriver are needed for the browser test: apt-get install -y chromium chromium-driver";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "browser::concordance_lines_sort_and_the_map_filters_in_a_browser: SKIPPED: {message}"
        );
        return;
    };
    let f = Fixture::built();
    let server = Server::start(f.dir.path(), &[]);
    let driver = Driver::start(&chromedriver);
    let browser = Session::new(&driver, &chromium);

    // Lines: one row per hit, the match in its own column.
    browser.goto(&server.url("/?q=Iran&view=lines"));
    let total = browser.wait_search("lines for Iran", |u| u.contains("view=lines"));
    assert!(total > 1);
    browser.wait_for("#lines .line .match mark");
    let rows = browser.js("return document.querySelectorAll('#lines .line').length;");
    assert!(rows.as_u64().unwrap() > 1, "{rows}");
    let matches = browser.js(
        "return Array.from(document.querySelectorAll('#lines .match')).map(m => m.textContent.toLowerCase());",
    );
    assert!(
        matches
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m.as_str().unwrap().starts_with("iran")),
        "{matches}"
    );

    // Sorted by the word before the match: the words read in order.
    let before = "return Array.from(document.querySelectorAll('#lines .line .left')).map(l => (l.textContent.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) || ['']).pop());";
    let by_rank = browser.js(before);
    browser.js(
        "const s = document.querySelector('#line-sort'); s.value = 'left'; s.dispatchEvent(new Event('change'));",
    );
    browser.wait_search("lines sorted left", |u| u.contains("lines=left"));
    let sorted = browser.js(before);
    let words: Vec<String> = sorted
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect();
    let mut expected = words.clone();
    expected.sort();
    assert_eq!(words, expected, "sorted by the word before the match");
    assert_ne!(sorted, by_rank, "sorting changed the order");

    // The map: a shaded country, clicked, filters by it.
    browser.wait_for("#map path.country.counted");
    let code =
        browser.js("return document.querySelector('#map path.country.counted').dataset.code;");
    let code = code.as_str().expect("a counted country").to_string();
    browser.js(&format!(
        "document.querySelector(\"#map path[data-code='{code}']\").dispatchEvent(new MouseEvent('click', {{bubbles: true}}));"
    ));
    let param = format!("country={code}");
    let filtered = browser.wait_search("the map's filter", |u| u.contains(&param));
    assert!(filtered > 0 && filtered <= total);
    browser.wait_for(&format!(
        "#chips [data-kind='country'][data-value='{code}']"
    ));
    browser.wait_for(&format!("#map path.country.active[data-code='{code}']"));
    // Still lines, still sorted.
    assert!(browser.current_url().contains("lines=left"));

    // The collocates panel of the query.
    browser.goto(&server.url("/?q=Azerbaijan"));
    browser.wait_search("results for Azerbaijan", |u| u.contains("q=Azerbaijan"));
    browser.wait_for("#collocates[data-state='ready']");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    browser.goto(&server.url("/?q=Iran&view=lines&lines=left"));
    browser.wait_search("lines again", |u| u.contains("lines=left"));
    browser.wait_for("#map path.country.counted");
    browser.screenshot(1280, 900, &shots.join("annals-serve-lines.png"));
}

#[test]
fn a_trend_of_two_queries_is_drawn_filtered_and_downloaded_in_a_browser() {
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let chromedriver = find_program(&["chromedriver"]);
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        let message = "chromium and chromedriver are needed for the browser test: apt-get install -y chromium chromium-driver";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "browser::a_trend_of_two_queries_is_drawn_filtered_and_downloaded_in_a_browser: SKIPPED: {message}"
        );
        return;
    };
    let f = crate::trend::build_speeches();
    let server = Server::start(f.dir.path(), &[]);
    let driver = Driver::start(&chromedriver);
    let browser = Session::new(&driver, &chromium);
    let trend_ready = |what: &str| {
        wait_until(what, WAIT, || {
            let v = browser.js(
                "const t = document.querySelector('#trend'); return [t.dataset.state || '', location.href];",
            );
            (v[0] == "ready").then(|| v[1].as_str().map(str::to_string))?
        })
    };

    // The query and one compared with it, over the documents' years.
    browser.goto(&server.url("/?q=peace&trend_by=doc_year"));
    browser.wait_search("results for peace", |u| u.contains("q=peace"));
    trend_ready("the trend of peace");
    browser.type_into("#vs", "apartheid\u{E007}");
    browser.wait_search("the comparison", |u| u.contains("vs=apartheid"));
    wait_until("two lines", WAIT, || {
        let n =
            browser.js("return document.querySelectorAll('#trend-chart polyline.series').length;");
        (n == json!(2)).then_some(())
    });
    trend_ready("the trend of two queries");
    let points = browser.js(
        "return Array.from(document.querySelectorAll('#trend-chart .point')).map(p => p.dataset.query + ' ' + p.dataset.key);",
    );
    let points: Vec<&str> = points
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        points,
        [
            "peace 1990",
            "peace 1991",
            "peace 1992",
            "peace 1993",
            "apartheid 1990",
            "apartheid 1991",
            "apartheid 1992",
            "apartheid 1993"
        ],
        "one point per year, the empty 1991 included"
    );
    let tip = browser.js("return document.querySelector(\"#trend-chart .point[data-query='peace'][data-key='1990'] title\").textContent;");
    assert!(tip.as_str().unwrap().contains("3 of 7 sentences"), "{tip}");

    // Both downloads, from the addresses their links give.
    let fetch = |link: &str| -> String {
        let script = format!(
            "const done = arguments[arguments.length - 1]; fetch(document.querySelector('{link}').href).then(r => r.text()).then(done, e => done('failed: ' + e));"
        );
        browser
            .cmd(
                "POST",
                "/execute/async",
                Some(json!({ "script": script, "args": [] })),
            )
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let href = browser.js("return document.querySelector('#download-hits').href;");
    let mut response = agent()
        .get(href.as_str().expect("a link to the hits"))
        .call()
        .expect("the hits download");
    let hits = response.body_mut().read_to_string().expect("CSV");
    assert!(
        hits.starts_with("rank,score,doc,source,line,doc_date,text"),
        "{hits}"
    );
    assert_eq!(
        hits.lines().count(),
        1 + 5,
        "every sentence about peace: {hits}"
    );
    let series = fetch("#download-series");
    assert!(
        series.starts_with("query,by,key,label,count,of,per_million,docs"),
        "{series}"
    );
    assert_eq!(series.lines().count(), 1 + 8);
    assert!(
        series.contains("apartheid,doc_year,1990,1990,2,7,"),
        "{series}"
    );

    // Raw counts, then a click on a point filters the results to its year.
    browser.click("#trend [data-scale='raw']");
    browser.wait_search("raw counts", |u| u.contains("trend_scale=raw"));
    browser.click("#trend-chart .point[data-query='peace'][data-key='1992']");
    let in_1992 = browser.wait_search("the 1992 filter", |u| u.contains("doc_year=1992"));
    assert_eq!(in_1992, 2);
    let url = trend_ready("the filtered trend");
    assert!(
        url.contains("vs=apartheid") && url.contains("trend_by=doc_year"),
        "{url}"
    );
}
