//! Hits and trends as CSV (RFC 4180: a header, fields quoted when they
//! hold a comma, a quote or a line break, lists joined with `;`) and hits
//! as JSON Lines, written one row at a time.

use std::io::{self, Write};

use crate::vocab::contract::{ExportHit, Trend};
use crate::vocab::facets::Facet;

/// The columns of a hit's CSV row, named as the JSON names them.
pub fn hit_columns() -> [&'static str; 12] {
    [
        "rank",
        "score",
        Facet::Doc.name(),
        Facet::Source.name(),
        "line",
        "doc_date",
        "text",
        "years",
        "countries",
        "persons",
        "orgs",
        "places",
    ]
}

/// The columns of a trend's CSV: one row per query and bucket.
pub const TREND_COLUMNS: &[&str] = &[
    "query",
    "by",
    "key",
    "label",
    "count",
    "of",
    "per_million",
    "docs",
];

/// One CSV field, quoted when it must be.
fn field(out: &mut dyn Write, value: &str) -> io::Result<()> {
    if value.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", value.replace('"', "\"\""))
    } else {
        out.write_all(value.as_bytes())
    }
}

/// One CSV record, ended by CRLF (RFC 4180): the one CSV writer of every
/// table annals writes.
pub(super) fn row(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    for (i, value) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        field(out, value)?;
    }
    out.write_all(b"\r\n")
}

pub fn csv_header(columns: &[&str], out: &mut dyn Write) -> io::Result<()> {
    row(out, columns)
}

fn joined<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(";")
}

/// A hit as a CSV row of [`hit_columns`], added to `out`.
pub fn hit_csv(hit: &ExportHit, out: &mut Vec<u8>) {
    let r = &hit.record;
    let countries: Vec<&str> = r.countries.iter().map(|c| c.code.as_str()).collect();
    // Writing into memory cannot fail.
    let _ = row(
        out,
        &[
            &hit.rank.to_string(),
            &format!("{:.4}", hit.score),
            &r.doc,
            &r.source,
            &r.line.to_string(),
            r.doc_date.as_deref().unwrap_or(""),
            &r.text,
            &joined(&r.years),
            &countries.join(";"),
            &joined(&r.persons),
            &joined(&r.orgs),
            &joined(&r.places),
        ],
    );
}

/// A hit as a JSON line, added to `out`.
pub fn hit_jsonl(hit: &ExportHit, out: &mut Vec<u8>) {
    // Writing into memory cannot fail, nor can serializing a hit (its
    // maps have string keys).
    let _ = serde_json::to_writer(&mut *out, hit);
    out.push(b'\n');
}

/// A trend as CSV of [`TREND_COLUMNS`], long form, with its header.
pub fn trend_csv(trend: &Trend, out: &mut dyn Write) -> io::Result<()> {
    csv_header(TREND_COLUMNS, out)?;
    for series in &trend.series {
        for b in &series.buckets {
            row(
                out,
                &[
                    &series.query,
                    &trend.by,
                    &b.key,
                    &b.label,
                    &b.count.to_string(),
                    &b.of.to_string(),
                    &b.per_million.to_string(),
                    &b.docs.to_string(),
                ],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let mut out = Vec::new();
        row(&mut out, &["a", "b,c", "say \"hi\"", "x\ny"]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n"
        );
    }
}
