//! A small blocking HTTP client for an OpenSearch or Elasticsearch cluster:
//! where the index lives (`http://user:secret@host:9200/annals`), JSON in
//! and out, retries with backoff on 429 and 5xx, and failures told as what
//! the user can do about them (host unreachable, login refused).

use std::time::Duration;

use serde_json::Value;

use crate::error::{Error, Result};

/// The environment variable that gives `user:secret` for basic auth
/// without writing it into the URL.
pub const AUTH_VARIABLE: &str = "ANNALS_ENGINE_AUTH";

/// How many times a request refused with 429 or 5xx is sent again.
const RETRIES: u32 = 6;
/// The first wait before a retry; each next one doubles it.
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
/// Answers larger than this are refused (a page of 10,000 hits with
/// their records stays well under it).
const MAX_ANSWER_BYTES: u64 = 512 << 20;

/// Where an engine index is: the cluster's base URL, the index name and
/// the login, parsed once from the URL the user gives.
#[derive(Clone)]
pub struct Target {
    /// `http://host:port`, without the login or the index.
    pub base: String,
    pub index: String,
    auth: Option<String>,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.base, self.index)
    }
}

impl Target {
    /// Parses `http://[user:secret@]host[:port]/index`; the login may
    /// instead come from [`AUTH_VARIABLE`].
    pub fn parse(url: &str) -> Result<Target> {
        let bad = |message: &str| Error::Engine {
            message: format!(
                "{url:?} is not an engine URL: {message} (expected http://host:9200/index)"
            ),
        };
        let rest = if let Some(rest) = url.strip_prefix("http://") {
            rest
        } else if url.starts_with("https://") {
            return Err(bad(
                "https is not built into annals; reach the cluster over http (a local TLS proxy, or an http port)",
            ));
        } else {
            return Err(bad("it must start with http://"));
        };
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (login, host) = match authority.rsplit_once('@') {
            Some((login, host)) => (Some(login.to_string()), host),
            None => (None, authority),
        };
        if host.is_empty() {
            return Err(bad("no host"));
        }
        let index = path.trim_matches('/');
        if index.is_empty() {
            return Err(bad("no index name after the host"));
        }
        let valid = index
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
            && !index.starts_with(['-', '_', '.']);
        if !valid {
            return Err(bad(
                "an index name is lowercase letters, digits, '-', '_' and '.', not starting with '-', '_' or '.'",
            ));
        }
        let login = login.or_else(|| std::env::var(AUTH_VARIABLE).ok().filter(|s| !s.is_empty()));
        let auth = login.map(|l| format!("Basic {}", base64(percent_decode(&l).as_bytes())));
        Ok(Target {
            base: format!("http://{host}"),
            index: index.to_string(),
            auth,
        })
    }

    /// `http://host:port/index` (no login): how messages name it.
    pub fn label(&self) -> String {
        format!("{}/{}", self.base, self.index)
    }
}

/// An answer: the HTTP status and the parsed body (`Null` when empty or
/// not JSON).
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The cluster's own reason for a failure.
    pub fn reason(&self) -> String {
        let error = &self.body["error"];
        let root = &error["root_cause"][0];
        let pick = |v: &Value| {
            v["reason"].as_str().map(|r| match v["type"].as_str() {
                Some(t) => format!("{t}: {r}"),
                None => r.to_string(),
            })
        };
        pick(root)
            .or_else(|| pick(error))
            .or_else(|| error.as_str().map(str::to_string))
            .unwrap_or_else(|| format!("HTTP {}", self.status))
    }

    pub fn error_type(&self) -> &str {
        self.body["error"]["type"].as_str().unwrap_or_default()
    }
}

/// What a client calls to say it retries a request.
pub type RetryNote = Box<dyn Fn(&str) + Send + Sync>;

/// The connection to one cluster.
pub struct Client {
    pub target: Target,
    agent: ureq::Agent,
    /// Called before each retry with what is retried and the wait.
    pub on_retry: Option<RetryNote>,
}

impl Client {
    pub fn new(target: Target) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(300)))
            .build()
            .into();
        Client {
            target,
            agent,
            on_retry: None,
        }
    }

    /// A search of the index: the answer's body, or the engine's error for
    /// what was being done (`doing`: "searching", "counting a trend").
    pub fn search(&self, body: &Value, doing: &str) -> Result<Value> {
        let answer = self.request("POST", "_search", Some(body))?;
        if !answer.ok() {
            return Err(super::bulk::engine_error(self, doing, &answer));
        }
        Ok(answer.body)
    }

    /// A request to a path under the index (`_search`) or, starting with
    /// `/`, under the cluster (`/_cluster/health`).
    pub fn request(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Answer> {
        let bytes = body.map(|b| b.to_string().into_bytes());
        self.send(method, path, bytes.as_deref(), "application/json")
    }

    /// A `_bulk` body (NDJSON).
    pub fn bulk(&self, ndjson: &[u8]) -> Result<Answer> {
        self.send("POST", "_bulk", Some(ndjson), "application/x-ndjson")
    }

    fn url(&self, path: &str) -> String {
        match path.strip_prefix('/') {
            Some(root) => format!("{}/{root}", self.target.base),
            None if path.is_empty() => format!("{}/{}", self.target.base, self.target.index),
            None => format!("{}/{}/{path}", self.target.base, self.target.index),
        }
    }

    fn send(&self, method: &str, path: &str, body: Option<&[u8]>, kind: &str) -> Result<Answer> {
        let url = self.url(path);
        let mut wait = FIRST_BACKOFF;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let answer = self.send_once(method, &url, body, kind);
            let retry = match &answer {
                Ok(a) => a.status == 429 || a.status >= 500,
                Err(Failure::Unreachable(_)) => false,
                Err(Failure::Broken(_)) => true,
            };
            if !retry || attempt > RETRIES {
                return match answer {
                    Ok(a) if a.status == 401 || a.status == 403 => Err(Error::Engine {
                        message: format!(
                            "{} refused the login ({}): give user:secret in the URL or in {AUTH_VARIABLE}",
                            self.target.base,
                            a.reason()
                        ),
                    }),
                    Ok(a) if retry => Err(Error::Engine {
                        message: format!(
                            "{method} {url} still failed after {RETRIES} retries: {}",
                            a.reason()
                        ),
                    }),
                    Ok(a) => Ok(a),
                    Err(Failure::Unreachable(e)) => Err(Error::Engine {
                        message: format!(
                            "cannot reach the engine at {} ({e}): is it running, and is the URL right?",
                            self.target.base
                        ),
                    }),
                    Err(Failure::Broken(e)) => Err(Error::Engine {
                        message: format!("{method} {url} failed after {RETRIES} retries: {e}"),
                    }),
                };
            }
            if let Some(note) = &self.on_retry {
                let why = match &answer {
                    Ok(a) => format!("HTTP {}", a.status),
                    Err(Failure::Broken(e) | Failure::Unreachable(e)) => e.clone(),
                };
                note(&format!(
                    "{method} {path}: {why}; retrying in {:.1}s",
                    wait.as_secs_f64()
                ));
            }
            std::thread::sleep(wait);
            wait *= 2;
        }
    }

    fn send_once(
        &self,
        method: &str,
        url: &str,
        body: Option<&[u8]>,
        kind: &str,
    ) -> Result<Answer, Failure> {
        let mut builder = ureq::http::Request::builder()
            .method(method)
            .uri(url)
            .header("Content-Type", kind)
            .header("Accept", "application/json");
        if let Some(auth) = &self.target.auth {
            builder = builder.header("Authorization", auth);
        }
        let request = builder
            .body(body.unwrap_or_default().to_vec())
            .map_err(|e| Failure::Unreachable(e.to_string()))?;
        let mut response = self.agent.run(request).map_err(|e| match e {
            ureq::Error::HostNotFound | ureq::Error::ConnectionFailed | ureq::Error::BadUri(_) => {
                Failure::Unreachable(e.to_string())
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                Failure::Unreachable(io.to_string())
            }
            other => Failure::Broken(other.to_string()),
        })?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_string()
            .map_err(|e| Failure::Broken(e.to_string()))?;
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Answer { status, body })
    }
}

/// Why a request got no answer.
enum Failure {
    /// Nothing listens there: retrying will not help.
    Unreachable(String),
    /// The connection broke: worth another try.
    Broken(String),
}

/// `%40` in a login written into a URL is `@`.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_the_host_the_index_and_the_login() {
        let t = Target::parse("http://elastic:s%40cret@10.0.0.5:9200/annals/").unwrap();
        assert_eq!(t.base, "http://10.0.0.5:9200");
        assert_eq!(t.index, "annals");
        assert_eq!(t.auth.as_deref(), Some("Basic ZWxhc3RpYzpzQGNyZXQ="));
        assert_eq!(t.label(), "http://10.0.0.5:9200/annals");
        for bad in [
            "10.0.0.5:9200/annals",
            "http://host:9200",
            "http://host:9200/Annals",
            "https://host/annals",
        ] {
            assert!(Target::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn base64_pads_like_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
    }
}
