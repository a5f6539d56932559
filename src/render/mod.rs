//! Rendering: search results, extractions, stats and build summaries as
//! text for people (colour and bars on a terminal, plain when piped) and as
//! JSON for scripts. Nothing here searches or reads an index.

mod export;
mod kwic;
mod progress;
pub mod tables;
mod trend;

use std::io::{self, Write};

use crate::vocab::contract::{
    Context, CountryRef, DateOut, Explain, Hit, SearchResult, SentenceRecord, Stats,
};
use crate::vocab::facets::{Facet, Values};
pub use export::{csv_header, hit_columns, hit_csv, hit_jsonl, trend_csv};
pub use kwic::{KwicLayout, KwicSort, kwic_text};
pub use progress::ProgressBar;
pub use trend::{trend_json, trend_text};

/// How text output may decorate itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// Colour on a terminal unless NO_COLOR is set (https://no-color.org).
    pub fn for_stdout() -> Style {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: io::stdout().is_terminal() && !no_color,
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }

    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }

    fn highlight(&self, s: &str) -> String {
        self.paint("1;31", s)
    }
}

pub fn search_json(result: &SearchResult, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, result)?;
    writeln!(out)
}

pub fn search_text(result: &SearchResult, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let shown = result.hits.len();
    let first = result.offset + 1;
    if result.total == 0 {
        writeln!(out, "no results for {:?}", result.query)?;
    } else if shown == 0 {
        let verb = if result.total == 1 {
            "matches"
        } else {
            "match"
        };
        writeln!(
            out,
            "{} {verb} {:?}; none are shown on this page",
            plural(result.total, "sentence"),
            result.query
        )?;
    } else {
        writeln!(
            out,
            "{}",
            style.dim(&format!(
                "{}–{} of {} for {:?} in {:.1} ms",
                first,
                result.offset + shown,
                result.total,
                result.query,
                result.took_ms
            ))
        )?;
    }
    for hit in &result.hits {
        write_hit(hit, style, out)?;
    }
    for (name, values) in result.facets.iter() {
        let facet = Facet::from_name(name);
        let info = result.facet_info.get(name);
        writeln!(out)?;
        let distinct = info.map_or(values.len(), |i| i.distinct);
        writeln!(
            out,
            "{}",
            style.bold(&format!("{name} ({distinct} values)"))
        )?;
        let mut rows: Vec<(String, u64)> = Vec::new();
        let mut values = values.clone();
        if facet.is_some_and(Facet::is_time) {
            values.sort_by_key(|v| v.key);
        }
        for v in &values {
            let label = match (&v.label, &v.name) {
                (Some(label), _) => label.clone(),
                (None, Some(name)) if facet.is_some_and(|f| f.values() == Values::Countries) => {
                    format!("{} {}", v.value, name)
                }
                (None, Some(name)) => name.clone(),
                (None, None) => v.value.clone(),
            };
            rows.push((label, v.count));
        }
        write_bars(&rows, style, out)?;
        if let Some(info) = info
            && info.remaining_values > 0
        {
            writeln!(
                out,
                "  {}",
                style.dim(&format!(
                    "… {} more values ({} sentences); raise --facet-limit to see them",
                    info.remaining_values, info.remaining_count
                ))
            )?;
        }
    }
    Ok(())
}

/// Aligned labels and proportional bars.
fn write_bars(rows: &[(String, u64)], style: Style, out: &mut dyn Write) -> io::Result<()> {
    const WIDTH: u64 = 40;
    let label_width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let count_width = rows
        .iter()
        .map(|(_, c)| c.to_string().len())
        .max()
        .unwrap_or(0);
    let max = rows.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
    for (label, count) in rows {
        let len = (count * WIDTH).div_ceil(max) as usize;
        writeln!(
            out,
            "  {label:<label_width$}  {count:>count_width$}  {}",
            style.paint("36", &"█".repeat(len))
        )?;
    }
    Ok(())
}

fn write_hit(hit: &Hit, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let record = &hit.record;
    let mut fragment = String::new();
    let mut at = 0;
    for &[s, e] in &hit.snippet.highlights {
        if s < at || e > hit.snippet.fragment.len() {
            continue;
        }
        fragment.push_str(&hit.snippet.fragment[at..s]);
        fragment.push_str(&style.highlight(&hit.snippet.fragment[s..e]));
        at = e;
    }
    fragment.push_str(&hit.snippet.fragment[at..]);
    // Text left out of a long sentence is marked, so what is shown never
    // passes for the whole sentence.
    let shown = hit.snippet.fragment.trim();
    let before = if record.text.trim_start().starts_with(shown) {
        ""
    } else {
        "… "
    };
    let after = if record.text.trim_end().ends_with(shown) {
        ""
    } else {
        " …"
    };
    // Where it is: the document's title (and section) when it has one, and
    // always the `source:line` that `annals show` takes.
    let mut location = String::new();
    if let Some(title) = &record.title {
        location.push_str(title);
        if let Some(section) = &record.section {
            location.push_str(&format!(" › {section}"));
        }
        location.push(' ');
    } else if let Some(section) = &record.section {
        location.push_str(&format!("{section} "));
    }
    location.push_str(&format!("{}:{}", record.source, record.line));
    if record.title.is_none() && record.doc != record.source {
        location.push_str(&format!(" [{}]", record.doc));
    }
    if let Some(n) = hit.doc_matches {
        location.push_str(&format!(" ({})", plural(n, "matching sentence")));
    }
    writeln!(
        out,
        "\n{} {} {}",
        style.bold(&format!("{:>3}.", hit.rank)),
        style.dim(&format!("{:.2}", hit.score)),
        style.paint("35", &location)
    )?;
    writeln!(out, "     {before}{fragment}{after}")?;
    let annotations = annotation_line(record);
    if !annotations.is_empty() {
        writeln!(out, "     {}", style.dim(&annotations))?;
    }
    if let Some(explain) = &hit.explain {
        writeln!(out, "     {}", style.dim(&explain_line(explain)))?;
    }
    Ok(())
}

/// "1 file", "2 files": a count with its noun in agreement.
pub fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else if noun.ends_with('s') || noun.ends_with("ch") {
        format!("{n} {noun}es")
    } else {
        format!("{n} {noun}s")
    }
}

/// `score 2.43 = bm25 3.24 (relat 1.77 + baku 1.47 + the 0) × length prior 0.75 (24 words)`
fn explain_line(explain: &Explain) -> String {
    let parts: Vec<String> = explain
        .parts
        .iter()
        .map(|p| {
            let name = p.term.as_deref().unwrap_or(&p.kind);
            let name = if p.field.is_empty() || p.field == "text" {
                name.to_string()
            } else {
                format!("{}:{name}", p.field)
            };
            format!("{name} {:.2}", p.score)
        })
        .collect();
    let mut line = format!(
        "score {:.2} = bm25 {:.2} ({})",
        explain.score,
        explain.bm25,
        parts.join(" + ")
    );
    if let Some(prior) = explain.length_prior {
        line.push_str(&format!(" × length prior {prior:.2}"));
    }
    line.push_str(&format!(
        " ({} words; k1 {:.2}, b {:.2})",
        explain.words, explain.k1, explain.b
    ));
    line
}

fn annotation_line(record: &SentenceRecord) -> String {
    let SentenceRecord {
        dates,
        years,
        countries,
        persons,
        orgs,
        places,
        ..
    } = record;
    let mut parts = Vec::new();
    if !dates.is_empty() {
        let shown: Vec<String> = dates.iter().map(date_range).collect();
        parts.push(format!("dates: {}", shown.join(", ")));
    } else if !years.is_empty() {
        parts.push(format!(
            "years: {}",
            years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !countries.is_empty() {
        let shown: Vec<String> = countries
            .iter()
            .map(|c: &CountryRef| format!("{} ({})", c.name, c.code))
            .collect();
        parts.push(format!("countries: {}", shown.join(", ")));
    }
    if !persons.is_empty() {
        parts.push(format!("people: {}", persons.join(", ")));
    }
    if !orgs.is_empty() {
        parts.push(format!("orgs: {}", orgs.join(", ")));
    }
    if !places.is_empty() {
        parts.push(format!("places: {}", places.join(", ")));
    }
    parts.join(" · ")
}

/// A mention's interval as `from`, `from..to`, `from..` or `..to`.
fn date_range(d: &DateOut) -> String {
    match (&d.from, &d.to) {
        (Some(f), Some(t)) if f == t => f.clone(),
        (Some(f), Some(t)) => format!("{f}..{t}"),
        (Some(f), None) => format!("{f}.."),
        (None, Some(t)) => format!("..{t}"),
        (None, None) => d.text.clone(),
    }
}

pub fn extract_jsonl(record: &SentenceRecord, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    writeln!(out)
}

pub fn extract_text(record: &SentenceRecord, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let refs = if record.refs.is_empty() {
        String::new()
    } else {
        format!(" refs {:?}", record.refs)
    };
    writeln!(
        out,
        "{} {}",
        style.paint(
            "35",
            &format!("{}:{} #{}", record.source, record.line, record.sentence)
        ),
        style.dim(&format!("[{}..{}]{refs}", record.start, record.end))
    )?;
    writeln!(out, "  {}", record.text)?;
    for d in &record.dates {
        let range = date_range(d);
        let calendar = d
            .calendar
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        // The inferred part in brackets: "14 April [1807]".
        let (inferred, from) = match &d.anchor {
            Some(a) => (
                format!(" [{}]", a.inferred),
                match a.line {
                    Some(line) => format!(" (from {:?}, line {line})", a.text),
                    None => format!(" (from the document's date {})", a.text),
                },
            ),
            None => (String::new(), String::new()),
        };
        let modifier = d
            .modifier
            .as_deref()
            .map(|m| format!(" mod {m}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {} {:?}{inferred} → {range} {}{calendar}{modifier}{from}",
            style.bold("date"),
            d.text,
            d.precision.as_str()
        )?;
    }
    for e in &record.entities {
        let what = match (&e.code, &e.country) {
            (Some(code), _) => format!(" → {code}"),
            (None, Some(country)) => format!(" (in {country})"),
            _ => String::new(),
        };
        // The kind as the contract spells it.
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(out, "  {} {:?}{what}", style.bold(&kind), e.text)?;
    }
    Ok(())
}

pub fn context_json(context: &Context, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, context)?;
    writeln!(out)
}

/// The sentences of a context, one a line with its line number, the one
/// asked for marked with `>` and in bold.
pub fn context_text(context: &Context, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let mut heading = context.title.clone().unwrap_or_else(|| context.doc.clone());
    if let Some(section) = context
        .sentences
        .iter()
        .find(|s| s.hit)
        .and_then(|s| s.record.section.as_ref())
    {
        heading.push_str(&format!(" › {section}"));
    }
    writeln!(out, "{}", style.bold(&heading))?;
    for s in &context.sentences {
        let location = format!("{}:{}", s.record.source, s.record.line);
        if s.hit {
            writeln!(
                out,
                "> {} {}",
                style.paint("35", &location),
                style.bold(&s.record.text)
            )?;
        } else {
            writeln!(out, "  {} {}", style.dim(&location), s.record.text)?;
        }
    }
    Ok(())
}

pub fn stats_json(stats: &Stats, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, stats)?;
    writeln!(out)
}

pub fn stats_text(stats: &Stats, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let year = |y: Option<i64>| y.map_or_else(|| "-".to_string(), |y| Facet::Year.label(y));
    writeln!(out, "{}", style.bold(&format!("index {}", stats.index)))?;
    writeln!(
        out,
        "  built by annals {}, one unit per {}",
        stats.annals_version, stats.unit
    )?;
    writeln!(
        out,
        "  {} {}s from {} documents in {} files ({} sources), {} segments, {:.1} MB on disk",
        stats.sentences,
        stats.unit,
        stats.documents,
        stats.files,
        stats.sources,
        stats.segments,
        stats.size_bytes as f64 / 1e6
    )?;
    writeln!(
        out,
        "  years {} to {}",
        year(stats.first_year),
        year(stats.last_year)
    )?;
    writeln!(
        out,
        "  {:.1}% carry a date, {:.1}% a country",
        stats.dated_share * 100.0,
        stats.country_share * 100.0
    )?;
    if stats.dated_documents > 0 {
        writeln!(
            out,
            "  {} of {} documents have a date of their own, {} to {}",
            stats.dated_documents,
            stats.documents,
            year(stats.first_doc_year),
            year(stats.last_doc_year)
        )?;
    } else {
        writeln!(out, "  no document has a date of its own")?;
    }
    for (name, values) in &stats.top {
        writeln!(out, "\n{}", style.bold(&format!("top {name}")))?;
        let rows: Vec<(String, u64)> = values
            .iter()
            .map(|v| match &v.name {
                Some(n)
                    if Facet::from_name(name).is_some_and(|f| f.values() == Values::Countries) =>
                {
                    (format!("{} {n}", v.value), v.count)
                }
                Some(n) => (n.clone(), v.count),
                None => (v.value.clone(), v.count),
            })
            .collect();
        write_bars(&rows, style, out)?;
    }
    writeln!(out, "\n{}", style.bold("decades"))?;
    let rows: Vec<(String, u64)> = stats
        .decades
        .iter()
        .map(|v| (v.label.clone().unwrap_or_default(), v.count))
        .collect();
    write_bars(&rows, style, out)
}
