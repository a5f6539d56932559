//! The shared vocabulary: what every stage of annals speaks of, defined
//! once. Historical time (`time`), the one fold for names and keys
//! (`fold`). Imports nothing else of the crate, so corpus, extraction,
//! index, search, render and serve can all depend on it and it on none
//! of them.

pub mod fold;
pub mod time;
