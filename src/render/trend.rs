//! A trend as text: one row per bucket, one column group per query (a bar
//! scaled to the largest rate of all, the raw count and the rate per
//! million sentences side by side), and the totals.

use std::io::{self, Write};

use super::Style;
use crate::vocab::contract::Trend;

/// The width of all of a row's bars together.
const BARS_WIDTH: usize = 40;
/// Colours of the series, in order.
const COLOURS: &[&str] = &["36", "33", "35", "32", "34"];

pub fn trend_json(trend: &Trend, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, trend)?;
    writeln!(out)
}

pub fn trend_text(trend: &Trend, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let Some(first) = trend.series.first() else {
        return Ok(());
    };
    if first.buckets.is_empty() {
        let queries: Vec<String> = trend
            .series
            .iter()
            .map(|s| format!("{:?}", s.query))
            .collect();
        return writeln!(
            out,
            "no sentence matching {} has a {} value",
            queries.join(" or "),
            trend.by
        );
    }
    let n = trend.series.len();
    let bar_width = (BARS_WIDTH / n).max(6);
    let label_width = first
        .buckets
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0)
        .max(trend.by.len());
    let count_width = |i: usize| {
        trend.series[i]
            .buckets
            .iter()
            .map(|b| b.count.to_string().len())
            .max()
            .unwrap_or(1)
    };
    let rate = |r: f64| format!("{r:.1}");
    let rate_width = |i: usize| {
        trend.series[i]
            .buckets
            .iter()
            .map(|b| rate(b.per_million).len())
            .max()
            .unwrap_or(1)
    };
    let widths: Vec<(usize, usize)> = (0..n).map(|i| (count_width(i), rate_width(i))).collect();
    let group_width = |i: usize| bar_width + 1 + widths[i].0 + 1 + widths[i].1;
    let max_rate = trend
        .series
        .iter()
        .flat_map(|s| s.buckets.iter().map(|b| b.per_million))
        .fold(0.0_f64, f64::max);

    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "sentences by {}: bar and rate per million sentences of the bucket, count",
            trend.by
        ))
    )?;
    let mut header = format!("{:<label_width$}", trend.by);
    for (i, series) in trend.series.iter().enumerate() {
        let title: String = series.query.chars().take(group_width(i)).collect();
        header.push_str(&format!("  {title:<width$}", width = group_width(i)));
    }
    writeln!(out, "{}", style.bold(header.trim_end()))?;
    for (row, bucket) in first.buckets.iter().enumerate() {
        let mut line = format!("{:<label_width$}", bucket.label);
        for (i, series) in trend.series.iter().enumerate() {
            let Some(b) = series.buckets.get(row) else {
                continue;
            };
            let len = if max_rate > 0.0 {
                ((b.per_million / max_rate) * bar_width as f64).ceil() as usize
            } else {
                0
            };
            let bar = "█".repeat(len.min(bar_width));
            let pad = " ".repeat(bar_width - len.min(bar_width));
            let colour = COLOURS[i % COLOURS.len()];
            line.push_str(&format!(
                "  {}{pad} {:>cw$} {:>rw$}",
                style.paint(colour, &bar),
                b.count,
                rate(b.per_million),
                cw = widths[i].0,
                rw = widths[i].1,
            ));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    let totals: Vec<String> = trend
        .series
        .iter()
        .map(|s| {
            let in_buckets: u64 = s.buckets.iter().map(|b| b.count).sum();
            format!(
                "{:?}: {} in all, {in_buckets} in these buckets",
                s.query,
                super::plural(s.total, "sentence")
            )
        })
        .collect();
    writeln!(out, "{}", style.dim(&totals.join("; ")))
}
