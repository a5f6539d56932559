//! Hermetic fixtures for the CLI tests: each test works in its own temp
//! folder holding a copy of the bundled corpus, and runs the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub const SEED: &str = include_str!("../../corpus/azerbaijan-iran-relations.txt");
pub const SEED_PATH: &str = "corpus/azerbaijan-iran-relations.txt";

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// An empty working folder.
    pub fn empty() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A working folder with the bundled corpus in `corpus/`.
    pub fn seed() -> Fixture {
        let f = Fixture::empty();
        f.write(SEED_PATH, SEED);
        f
    }

    /// A working folder with the bundled corpus, already built into `index/`.
    pub fn built() -> Fixture {
        let f = Fixture::seed();
        f.annals(&["build"]).assert().success();
        f
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, contents).expect("write fixture");
    }

    /// The annals binary, run in this folder, with colour off.
    pub fn annals(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_annals"));
        cmd.current_dir(self.dir.path())
            .env_remove("NO_COLOR")
            .args(args);
        cmd
    }

    /// Runs a query with `--format json` and returns the answer and the exit code.
    pub fn query_json(&self, args: &[&str]) -> (Value, i32) {
        let mut all = vec!["query"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = self.annals(&all).output().expect("run annals");
        let code = out.status.code().unwrap_or(-1);
        let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}\nstderr: {}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (json, code)
    }

    /// `annals extract --format jsonl` of some paths, one value per sentence.
    pub fn extract(&self, paths: &[&str]) -> Vec<Value> {
        let mut all = vec!["extract", "--format", "jsonl"];
        all.extend_from_slice(paths);
        let out = self.annals(&all).output().expect("run annals");
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        parse_jsonl(&out.stdout)
    }
}

pub fn parse_jsonl(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("JSONL line"))
        .collect()
}

/// The line numbers of a query answer's hits.
pub fn hit_lines(answer: &Value) -> Vec<u64> {
    answer["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["line"].as_u64().expect("line"))
        .collect()
}

/// The gold annotations of the bundled corpus, one value per line.
pub fn gold() -> Vec<Value> {
    parse_jsonl(include_bytes!("../data/seed-gold.jsonl"))
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}
