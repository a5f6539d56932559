//! What the fuzz targets run on each input, and the invariants they assert.
//!
//! Shared by the cargo-fuzz targets in `fuzz/fuzz_targets/` and by the
//! regression tests in `tests/fuzz_regressions.rs` (which include this file
//! with `#[path]`), so a saved crash replays through exactly the code path
//! that found it. Depends on nothing but `annals` and std.

use std::path::{Path, PathBuf};

use annals::annotate::annotate_document;
use annals::corpus::{Document, Format, ReadOptions, SourceFile, read_file, read_text};
use annals::extract::dates::{DateMention, extract_dates};
use annals::extract::names::find_names;
use annals::extract::places::find_places_in_document;
use annals::search::{Engine, SearchRequest};
use annals::vocab::facets::Facet;
use annals::vocab::filters::Filter;
use annals::vocab::time::{day_number, days_in_month};

/// The name plain-text input is read under.
pub const TEXT_NAME: &str = "fuzz.txt";

/// Extraction target: `bytes` as a plain-text (or WikiExtractor) file, as
/// whole documents too, and, when `jsonl_path` is given and the bytes hold a
/// `{`, as a JSONL file written there. Panics on any broken invariant.
pub fn extract(bytes: &[u8], jsonl_path: Option<&Path>) {
    for whole_documents in [false, true] {
        let options = ReadOptions {
            whole_documents,
            ..ReadOptions::default()
        };
        let mut warnings = Vec::new();
        let mut docs = 0usize;
        let result = read_text(
            bytes.to_vec(),
            Path::new(TEXT_NAME),
            options,
            &mut warnings,
            &mut |doc| {
                docs += 1;
                check_document(&doc, bytes);
                Ok(())
            },
        );
        // Without --strict a text file is always read (lossily if need be).
        assert!(result.is_ok(), "read_text failed: {result:?}");
        if whole_documents {
            assert!(docs <= 1 || bytes.windows(5).any(|w| w == b"<doc "));
        }
    }

    if let Some(path) = jsonl_path
        && bytes.contains(&b'{')
    {
        std::fs::write(path, bytes).expect("write the JSONL input");
        let file = SourceFile {
            path: path.to_path_buf(),
            format: Format::Jsonl,
        };
        for skip_bad in [false, true] {
            let options = ReadOptions {
                skip_bad,
                ..ReadOptions::default()
            };
            let mut warnings = Vec::new();
            // Malformed records are errors without skip_bad: fine, not a panic.
            let _ = read_file(&file, options, &mut warnings, &mut |doc| {
                check_document(&doc, bytes);
                Ok(())
            });
        }
    }

    // The extractors on their own, on the whole input as one "sentence".
    let text = String::from_utf8_lossy(bytes);
    check_sentence_extractors(&text);
}

/// Sentences lie in the source, spans lie in their sentences, dates are
/// non-empty intervals.
fn check_document(doc: &Document, source: &[u8]) {
    // Lossy decoding turns one bad byte into three (U+FFFD), so offsets are
    // bounded by the decoded text, which is never more than 3x the input.
    let limit = source.len().saturating_mul(3);
    let valid_utf8 = std::str::from_utf8(source).is_ok();
    let bound = if valid_utf8 { source.len() } else { limit };
    for s in &doc.sentences {
        assert!(
            s.start <= s.end && s.end <= bound,
            "sentence {}..{} outside the input of {} bytes: {:?}",
            s.start,
            s.end,
            source.len(),
            s.text
        );
        assert!(!s.text.is_empty(), "empty sentence at {}", s.start);
        for (i, _) in s.text.char_indices() {
            let at = s.source_offset(i);
            assert!(
                at >= s.start && at < s.end.max(s.start + 1),
                "offset {i} of {:?} maps to {at}, outside {}..{}",
                s.text,
                s.start,
                s.end
            );
        }
    }
    let records = annotate_document(doc);
    assert_eq!(records.len(), doc.sentences.len());
    for (a, s) in records.iter().zip(&doc.sentences) {
        let r = &a.record;
        assert_eq!((r.start, r.end), (s.start, s.end));
        for d in &r.dates {
            assert!(
                r.start <= d.start && d.start <= d.end && d.end <= r.end,
                "date {:?} at {}..{} outside its sentence {}..{}: {:?}",
                d.text,
                d.start,
                d.end,
                r.start,
                r.end,
                r.text
            );
        }
        for e in &r.entities {
            assert!(
                r.start <= e.start && e.start <= e.end && e.end <= r.end,
                "entity {:?} at {}..{} outside its sentence {}..{}: {:?}",
                e.text,
                e.start,
                e.end,
                r.start,
                r.end,
                r.text
            );
        }
        for m in &extract_dates(&s.text).mentions {
            check_mention(m, &s.text);
        }
    }
}

/// `extract_dates`, `find_names` and `find_places_in_document` on one text.
pub fn check_sentence_extractors(text: &str) {
    let time = extract_dates(text);
    for m in &time.mentions {
        check_mention(m, text);
    }
    for v in [&time.years, &time.decades, &time.centuries] {
        assert!(
            v.windows(2).all(|w| w[0] < w[1]),
            "not sorted/deduped: {v:?}"
        );
    }
    let names = find_names(text);
    let mut person_spans = Vec::new();
    for n in &names {
        check_span(n.start, n.end, text, "name");
        if n.kind == annals::extract::names::NameKind::Person {
            person_spans.push((n.start, n.end));
        }
    }
    let places = find_places_in_document(&[text], &[person_spans]);
    assert_eq!(places.len(), 1);
    for p in &places[0] {
        check_span(p.start, p.end, text, "place");
    }
}

fn check_span(start: usize, end: usize, text: &str, what: &str) {
    assert!(
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end),
        "{what} span {start}..{end} is not a span of {text:?}"
    );
}

fn check_mention(m: &DateMention, text: &str) {
    check_span(m.start, m.end, text, "date");
    assert!(
        m.from.is_some() || m.to.is_some(),
        "date {:?} has neither end",
        m.text(text)
    );
    if let (Some(from), Some(to)) = (m.from, m.to) {
        let first = day_number(from.year, from.month.unwrap_or(1), from.day.unwrap_or(1));
        let last_month = to.month.unwrap_or(12);
        let last = day_number(
            to.year,
            last_month,
            to.day.unwrap_or(days_in_month(to.year, last_month)),
        );
        assert!(
            first <= last,
            "date {:?} runs backwards: {from} to {to}",
            m.text(text)
        );
    }
    for d in [m.from, m.to].into_iter().flatten() {
        assert!(d.year != 0, "year 0 in {:?}", m.text(text));
        if let Some(month) = d.month {
            assert!(
                (1..=12).contains(&month),
                "month {month} in {:?}",
                m.text(text)
            );
            if let Some(day) = d.day {
                // February may have a 29th in any year: the extractor reads
                // dates as written, Julian ones included.
                assert!(
                    day >= 1 && day <= days_in_month(2000, month),
                    "day {day} of month {month} in {:?}",
                    m.text(text)
                );
            }
        } else {
            assert!(
                d.day.is_none(),
                "a day without a month in {:?}",
                m.text(text)
            );
        }
    }
}

/// Builds the query target's index in `dir`: the bundled corpus and a small
/// JSONL file, and opens it.
pub fn build_engine(dir: &Path) -> Engine {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir corpus");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("corpus/azerbaijan-iran-relations.txt");
    let seed = if seed.exists() {
        seed
    } else {
        // Included from tests/: CARGO_MANIFEST_DIR is the main crate.
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/azerbaijan-iran-relations.txt")
    };
    std::fs::copy(&seed, corpus.join("azerbaijan-iran-relations.txt")).expect("copy the corpus");
    std::fs::write(
        corpus.join("records.jsonl"),
        concat!(
            r#"{"id": "r1", "title": "Treaty", "date": "1828", "text": "The Treaty of Turkmenchay was signed on 21 February 1828 by Abbas Mirza and Ivan Paskevich."}"#,
            "\n",
            r#"{"id": "r2", "text": "In the 1990s, Heydar Aliyev visited Tehran; the United Nations and NATO took note in the 20th century."}"#,
            "\n",
        ),
    )
    .expect("write records.jsonl");
    let index = dir.join("index");
    let mut options = annals::index::BuildOptions::new(&index);
    options.threads = 1;
    options.heap_bytes = 50 << 20;
    annals::index::build(&[PathBuf::from(&corpus)], &options, &annals::index::Silent)
        .expect("build the fuzz index");
    Engine::open(&index).expect("open the fuzz index")
}

/// Turns fuzz input into a request: the first line is the query, each
/// further line `key=value` (year, date, country, person, org, place,
/// source, facet, sort, limit, offset, facet_limit) or a flag (plain, all,
/// group). Unknown lines are ignored.
pub fn parse_request(bytes: &[u8]) -> Option<SearchRequest> {
    let input = String::from_utf8_lossy(bytes);
    let mut lines = input.split('\n');
    let mut request = SearchRequest {
        query: lines.next().unwrap_or("").to_string(),
        ..SearchRequest::default()
    };
    let mut facets = Vec::new();
    for line in lines {
        let (key, value) = line.split_once('=').unwrap_or((line, ""));
        let value = value.to_string();
        let number = |v: &str| v.trim().parse::<usize>().ok();
        if let Some(facet) = Facet::filters().find(|d| d.name == key).map(|d| d.facet) {
            // A value that does not parse is an error answer, not a search.
            request.filters.push(Filter::parse(facet, &value).ok()?);
            continue;
        }
        match key {
            "facet" => facets.push(value),
            "sort" => request.sort = value.parse().ok()?,
            "limit" => request.limit = number(&value)?,
            "offset" => request.offset = number(&value)?,
            "facet_limit" => request.facet_limit = number(&value)?,
            "plain" => request.plain = true,
            "all" => request.all = true,
            "group" => request.group_by_doc = true,
            _ => {}
        }
    }
    request.facets = Facet::parse_list(&facets).ok()?;
    Some(request)
}

/// Query target: errors are answers, panics are bugs; an answer keeps its
/// own promises.
pub fn query(engine: &Engine, bytes: &[u8]) {
    let Some(request) = parse_request(bytes) else {
        return;
    };
    let Ok(result) = engine.search(&request) else {
        return;
    };
    assert!(result.hits.len() <= request.limit);
    assert!(result.hits.len() as u64 <= result.total);
    for (i, hit) in result.hits.iter().enumerate() {
        assert_eq!(hit.rank, request.offset + i + 1);
        let (start, end) = (hit.record.start, hit.record.end);
        assert!(start <= end, "hit {start}..{end}");
        let fragment = &hit.snippet.fragment;
        for &[s, e] in &hit.snippet.highlights {
            assert!(
                s <= e
                    && e <= fragment.len()
                    && fragment.is_char_boundary(s)
                    && fragment.is_char_boundary(e),
                "highlight {s}..{e} outside the fragment {fragment:?}"
            );
        }
    }
    for (name, values) in result.facets.iter() {
        assert!(
            values.len() <= request.facet_limit,
            "facet {name}: {} values over the limit {}",
            values.len(),
            request.facet_limit
        );
    }
}
