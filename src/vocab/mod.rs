//! The shared vocabulary: what every stage of annals speaks of, defined
//! once. Historical time (`time`), the one fold for names and keys
//! (`fold`), countries and their names (`countries`), the facet and filter
//! registry (`facets`), typed filter values (`filters`) and the JSON
//! contract (`contract`). Imports nothing else of the crate, so corpus,
//! extraction, index, search, render and serve can all depend on it and it
//! on none of them.

pub mod contract;
pub mod countries;
pub mod facets;
pub mod filters;
pub mod fold;
pub mod time;
