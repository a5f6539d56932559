//! Concordance lines for the terminal: one hit a line, the matched words
//! in one column, the contexts cut at word boundaries to fit the width,
//! `source:line` at the end; sorted by the words left or right of the match.

use std::cmp::Ordering;
use std::io::{self, Write};
use std::str::FromStr;

use super::Style;
use crate::search::{keep_end, keep_start};
use crate::vocab::contract::{Hit, Kwic, SearchResult};

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicSort {
    /// As the search ranked them.
    #[default]
    Rank,
    /// By the word just before the match, then the one before it, …
    Left,
    /// By the word just after the match, then the next, …
    Right,
}

impl FromStr for KwicSort {
    type Err = String;

    fn from_str(value: &str) -> Result<KwicSort, String> {
        match value {
            "left" => Ok(KwicSort::Left),
            "right" => Ok(KwicSort::Right),
            "rank" | "relevance" => Ok(KwicSort::Rank),
            _ => Err("expected left, right or rank".into()),
        }
    }
}

/// The shape of a concordance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KwicLayout {
    /// Characters per line, location included.
    pub width: usize,
    pub sort: KwicSort,
}

/// The narrowest line that still shows some context.
const MIN_WIDTH: usize = 40;

/// The words of a context, lowercased, nearest the match first.
fn sort_key(kwic: &Kwic, sort: KwicSort) -> Vec<String> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    match sort {
        KwicSort::Rank => Vec::new(),
        KwicSort::Left => {
            let mut w = words(&kwic.left);
            w.reverse();
            w
        }
        KwicSort::Right => words(&kwic.right),
    }
}

/// The hits in the order asked for, ties (and hits without a line) by rank.
pub fn sorted(hits: &[Hit], sort: KwicSort) -> Vec<&Hit> {
    let mut keyed: Vec<(Vec<String>, &Hit)> = hits
        .iter()
        .map(|h| {
            let key = h
                .kwic
                .as_ref()
                .map(|k| sort_key(k, sort))
                .unwrap_or_default();
            (key, h)
        })
        .collect();
    keyed.sort_by(|(a, ha), (b, hb)| match a.cmp(b) {
        Ordering::Equal => ha.rank.cmp(&hb.rank),
        other => other,
    });
    keyed.into_iter().map(|(_, h)| h).collect()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// One line: the left context right-aligned in `left_width` characters, a
/// space, the match, a space, the right context filling `right_width`
/// characters, a space, the location.
fn line(
    kwic: &Kwic,
    left_width: usize,
    right_width: usize,
    location: &str,
    style: Style,
) -> String {
    let left = keep_end(&kwic.left, left_width);
    let right = keep_start(&kwic.right, right_width);
    let pad_left = " ".repeat(left_width.saturating_sub(chars(&left)));
    // Punctuation stays against the match ("Baku, at"); the space it
    // would have taken goes to the padding, so locations still align.
    let joined = right.starts_with(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
    let space = if joined { "" } else { " " };
    let pad_right = " ".repeat(right_width.saturating_sub(chars(&right)) + 1 - space.len());
    format!(
        "{pad_left}{left} {}{space}{right}{pad_right} {}",
        style.highlight(&kwic.matched),
        style.paint("35", location)
    )
    .trim_end()
    .to_string()
}

pub fn kwic_text(
    result: &SearchResult,
    layout: KwicLayout,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if result.hits.is_empty() {
        return super::search_text(result, style, out);
    }
    let width = layout.width.max(MIN_WIDTH);
    let location = |h: &Hit| format!("{}:{}", h.record.source, h.record.line);
    let location_width = result
        .hits
        .iter()
        .map(|h| chars(&location(h)))
        .max()
        .unwrap_or(0);
    let match_width = result
        .hits
        .iter()
        .filter_map(|h| h.kwic.as_ref())
        .map(|k| chars(&k.matched))
        .max()
        .unwrap_or(0);
    // Left, match and right share what the location leaves, the two
    // contexts evenly; the three spaces separate the four columns.
    let text_width = width.saturating_sub(location_width + 3);
    let left_width = text_width.saturating_sub(match_width.min(text_width / 3)) / 2;
    for hit in sorted(&result.hits, layout.sort) {
        let Some(kwic) = &hit.kwic else { continue };
        let right_width = text_width.saturating_sub(left_width + chars(&kwic.matched));
        writeln!(
            out,
            "{}",
            line(kwic, left_width, right_width, &location(hit), style)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kwic(left: &str, matched: &str, right: &str) -> Kwic {
        Kwic {
            left: left.into(),
            matched: matched.into(),
            right: right.into(),
        }
    }

    #[test]
    fn lines_align_the_match_and_fit_the_width() {
        let plain = Style { color: false };
        let a = line(
            &kwic("the end of", "apartheid", "in 1994"),
            12,
            20,
            "a:1",
            plain,
        );
        let b = line(
            &kwic("a very long left context of many words", "apartheid", "x"),
            12,
            20,
            "b:22",
            plain,
        );
        let c = line(
            &kwic("Ümläuts ärë çounted", "apartheid", ""),
            12,
            20,
            "c:3",
            plain,
        );
        let column = |l: &str| {
            l.char_indices()
                .position(|(i, _)| l[i..].starts_with("apartheid"))
        };
        assert_eq!(column(&a), Some(13));
        assert_eq!(column(&b), Some(13));
        assert_eq!(column(&c), Some(13));
        assert!(b.starts_with("  many words "), "{b}");
        assert!(a.ends_with("in 1994              a:1"), "{a}");
        let d = line(&kwic("at", "Baku", ", at the behest"), 4, 20, "d:6", plain);
        assert_eq!(d, "  at Baku, at the behest       d:6");
    }

    #[test]
    fn sort_keys_read_outward_from_the_match() {
        let k = kwic("said that the", "x", "of the world");
        assert_eq!(sort_key(&k, KwicSort::Left), ["the", "that", "said"]);
        assert_eq!(sort_key(&k, KwicSort::Right), ["of", "the", "world"]);
        assert!(sort_key(&k, KwicSort::Rank).is_empty());
    }
}
