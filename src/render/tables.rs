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
    super::export::row(out, header)?;
    for cells in rows {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        super::export::row(out, &cells)?;
    }
    Ok(())
}

/// A word table in the format asked: JSON is the result itself; text opens with a dimmed
/// line saying what was counted and, for no rows, says what to try.
#[allow(clippy::too_many_arguments)]
fn word_table<T: serde::Serialize>(
    result: &T,
    header: &[&str],
    rows: &[Vec<String>],
    summary: String,
    nothing: &str,
    format: TableFormat,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        TableFormat::Json => {
            serde_json::to_writer(&mut *out, result)?;
            writeln!(out)
        }
        TableFormat::Csv => write_csv(header, rows, out),
        TableFormat::Text => {
            writeln!(out, "{}", style.dim(&summary))?;
            if rows.is_empty() {
                writeln!(out, "no {nothing}; try a lower --min-count")?;
                return Ok(());
            }
            write_table(header, rows, style, out)
        }
    }
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
    let summary = format!(
        "collocates of {:?} within {} words, by {}, in {} of {} matching sentences, {:.1} ms",
        result.query, result.window, result.measure, result.sentences, result.total, result.took_ms
    );
    word_table(
        result,
        &header,
        &rows,
        summary,
        "collocates",
        format,
        style,
        out,
    )
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
    let summary = format!(
        "key terms of {:?}: {} matching sentences against the other {} of the index, {:.1} ms",
        result.query,
        result.sentences,
        result.index_sentences.saturating_sub(result.sentences),
        result.took_ms
    );
    word_table(
        result,
        &header,
        &rows,
        summary,
        "key terms",
        format,
        style,
        out,
    )
}
