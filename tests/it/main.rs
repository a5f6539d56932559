//! The integration tests, one crate: each module runs the real `annals`
//! binary (or the library, for the fuzz replays) on the bundled corpus and
//! on fixture corpora it writes into temporary folders. They read only
//! files in the repository (`corpus/`, `tests/data/`, `fuzz/seeds/`).

mod common;
mod server;

mod anchors;
mod browser;
mod cli;
mod concordance;
mod damage;
mod engine;
mod facets;
mod fuzz_regressions;
mod gold;
mod names;
mod ranking;
mod reading;
mod robustness;
mod serve;
mod team;
mod trend;
