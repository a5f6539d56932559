//! A real `annals serve` on a loopback port, for the HTTP tests: started in
//! a fixture folder, its port read from the line it prints, killed on drop.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// `127.0.0.1:PORT`
    pub addr: String,
    /// Every line the server wrote to stderr so far.
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `annals serve EXTRA…` in `dir` (on `--addr 127.0.0.1:0`
    /// unless EXTRA says otherwise) and waits for the line that names its
    /// address.
    pub fn start(dir: &Path, extra: &[&str]) -> Server {
        Server::start_with_env(dir, extra, &[])
    }

    /// As `start`, with environment variables set for the server.
    pub fn start_with_env(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut extra = extra.to_vec();
        if !extra.contains(&"--addr") {
            extra.extend(["--addr", "127.0.0.1:0"]);
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
            .current_dir(dir)
            .arg("serve")
            .args(extra)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start annals serve");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let lines = Arc::clone(&log);
        // Keeps reading after the first line: a full pipe would block the
        // server's access log.
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if line.starts_with("annals: serving ")
                    && let Some(i) = line.find(" on http://")
                {
                    let _ = tx.send(line[i + 4..].trim().to_string());
                }
                lines.lock().unwrap().push(line);
            }
        });
        let base = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(base) => base,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "annals serve did not say where it listens; stderr:\n{}",
                    log.lock().unwrap().join("\n")
                );
            }
        };
        let addr = base.trim_start_matches("http://").to_string();
        Server {
            child,
            base,
            addr,
            log,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GET a path; the status and the body as JSON.
    pub fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let mut response = agent().get(self.url(path)).call().expect("request");
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().expect("body");
        let json = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}"));
        (status, json)
    }

    pub fn log_lines(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// Sends `GET target` exactly as written (no client normalizes `..`
    /// or percent-escapes away) and returns the status and the body.
    pub fn raw_get(&self, target: &str) -> (u16, String) {
        let request = format!(
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        );
        let (status, head, body) = raw(&self.addr, request.as_bytes());
        assert!(status != 0, "no HTTP status in {head:?}");
        (status, body)
    }
}

impl Server {
    /// Sends a signal (`-INT` for Ctrl-C) and waits for the server to exit.
    #[cfg(unix)]
    pub fn signal_and_wait(&mut self, signal: &str) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args([signal, &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill {signal} {pid}");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(std::time::Instant::now() < deadline, "still running");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A blocking HTTP client that returns 4xx and 5xx answers instead of
/// failing on them.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// Sends `request` as it is and returns the status line's code (0 when the
/// answer has none, as when the server closed the connection), the head and
/// the body of the answer.
pub fn raw(addr: &str, request: &[u8]) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (status, head.to_string(), body.to_string())
}
