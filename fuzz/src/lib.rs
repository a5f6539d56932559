//! The fuzz targets' shared code; see `checks.rs`.

pub mod checks;
