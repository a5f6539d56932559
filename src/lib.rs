//! annals: a sentence-level full-text search engine for people who study
//! what happened, when and where.
//!
//! Data flows one way through the modules:
//! `corpus` (files → sentences) → `extract` (dates, places, names) →
//! `index` (schema, writer) → `search` (queries, filters, facets) →
//! `render` (text, JSON).

pub mod annotate;
pub mod app;
pub mod corpus;
pub mod engine;
pub mod error;
pub mod extract;
pub mod index;
pub mod render;
pub mod search;
#[cfg(test)]
mod seed_gold;
pub mod serve;
pub mod vocab;

pub use error::{Error, Result};
