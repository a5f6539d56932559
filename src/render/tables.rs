//! Collocates and key terms as aligned text tables, CSV and JSON.

use std::io::{self, Write};

use super::Style;
use crate::vocab::contract::{Collocates, Keywords};

/// How a table of words is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Text,
    Json,
    Csv,
}

/// A CSV field, quoted when it must be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Rows of cells under a header, the first column left-aligned, the
/// others right-aligned.
fn write_table(
    header: &[&str],
    rows: &[Vec<String>],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                let pad = " ".repeat(w.saturating_sub(c.chars().count()));
                if i == 0 {
                    format!("{c}{pad}")
                } else {
                    format!("{pad}{c}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", style.bold(line(&head).trim_end()))?;
    for row in rows {
        writeln!(out, "{}", line(row).trim_end())?;
    }
    Ok(())
}

fn write_csv(header: &[&str], rows: &[Vec<String>], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", header.join(","))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

pub fn collocates(
    result: &Collocates,
    format: TableFormat,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let header = ["word", "count", "frequency", result.measure.as_str()];
    let rows: Vec<Vec<String>> = result
        .collocates
        .iter()
        .map(|c| {
            vec![
                c.word.clone(),
                c.count.to_string(),
                c.frequency.to_string(),
                format!("{:.3}", c.score),
            ]
        })
        .collect();
    match format {
        TableFormat::Json => {
            serde_json::to_writer(&mut *out, result)?;
            writeln!(out)
        }
        TableFormat::Csv => write_csv(&header, &rows, out),
        TableFormat::Text => {
            writeln!(
                out,
                "{}",
                style.dim(&format!(
                    "collocates of {:?} within {} words, by {}, in {} of {} matching sentences, {:.1} ms",
                    result.query,
                    result.window,
                    result.measure,
                    result.sentences,
                    result.total,
                    result.took_ms
                ))
            )?;
            if rows.is_empty() {
                writeln!(out, "no collocates; try a lower --min-count")?;
                return Ok(());
            }
            write_table(&header, &rows, style, out)
        }
    }
}

pub fn keywords(
    result: &Keywords,
    format: TableFormat,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let header = ["word", "count", "frequency", "g2", "log_ratio"];
    let rows: Vec<Vec<String>> = result
        .keywords
        .iter()
        .map(|k| {
            vec![
                k.word.clone(),
                k.count.to_string(),
                k.frequency.to_string(),
                format!("{:.2}", k.g2),
                format!("{:.2}", k.log_ratio),
            ]
        })
        .collect();
    match format {
        TableFormat::Json => {
            serde_json::to_writer(&mut *out, result)?;
            writeln!(out)
        }
        TableFormat::Csv => write_csv(&header, &rows, out),
        TableFormat::Text => {
            writeln!(
                out,
                "{}",
                style.dim(&format!(
                    "key terms of {:?}: {} matching sentences against the other {} of the index, {:.1} ms",
                    result.query,
                    result.sentences,
                    result.index_sentences.saturating_sub(result.sentences),
                    result.took_ms
                ))
            )?;
            if rows.is_empty() {
                writeln!(out, "no key terms; try a lower --min-count")?;
                return Ok(());
            }
            write_table(&header, &rows, style, out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_it_must() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    }
}
