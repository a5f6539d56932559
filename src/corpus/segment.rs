//! Splitting text into sentences: lines into paragraphs (unwrapping
//! hard-wrapped text and stray line breaks), headings out of the text and
//! into the `section` of the sentences under them, paragraph numbers and
//! citation markers out of the text, paragraphs into sentences with
//! sentencex.

use std::sync::Arc;

use sentencex::languages::{English, Language};

use super::Sentence;
use super::clean::{CleanText, OffsetMap};

/// Sentences longer than this many bytes are cut at a word boundary, so one
/// enormous unpunctuated line cannot make one enormous document.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Paragraphs longer than this are segmented in chunks cut at a word
/// boundary, which bounds the segmenter's working set.
const MAX_PARAGRAPH_BYTES: usize = 64 * 1024;

/// Finds the 1-based line of a byte offset in a source file.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Set when every offset lies on one known line (a JSONL record).
    fixed: Option<u64>,
}

impl LineIndex {
    pub fn new(source: &[u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', source).map(|i| i + 1));
        LineIndex {
            starts,
            fixed: None,
        }
    }

    /// An index for text that lies wholly on line `line`.
    pub fn single(line: u64) -> Self {
        LineIndex {
            starts: Vec::new(),
            fixed: Some(line),
        }
    }

    pub fn line_of(&self, offset: usize) -> u64 {
        if let Some(line) = self.fixed {
            return line;
        }
        self.starts.partition_point(|&s| s <= offset) as u64
    }
}

/// Which lines are section headings rather than sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headings {
    /// Markdown headings (`## Early life`), in any plain text.
    Markdown,
    /// WikiExtractor's section titles too: a short line that ends with a
    /// full stop and reads as a title, not a sentence ("Early life.").
    Wiki,
}

/// Splits `text` into sentences. `map` takes offsets of `text` to the source
/// file, `lines` finds lines there, and `next_number` numbers the sentences
/// of the source.
pub fn segment_text(
    text: &str,
    map: &OffsetMap,
    lines: &LineIndex,
    next_number: &mut u64,
    headings: Headings,
) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut section: Option<Arc<str>> = None;
    let paragraphs = paragraphs(text);
    let last = paragraphs.len().saturating_sub(1);
    for (i, paragraph) in paragraphs.into_iter().enumerate() {
        // A WikiExtractor title never opens an article (its lead does) nor
        // ends one (empty sections are dropped): only Markdown's may.
        let mode = if i == 0 || i == last {
            Headings::Markdown
        } else {
            headings
        };
        if let [(s, e)] = paragraph[..]
            && let Some(title) = heading(&text[s..e], mode)
        {
            section = Some(Arc::from(title));
            continue;
        }
        let (clean, markers) = clean_paragraph(text, &paragraph);
        let to_source = map.compose(&clean.map);
        let spans = sentence_spans(&clean.text);
        let mut refs: Vec<Vec<u32>> = vec![Vec::new(); spans.len()];
        for (pos, number) in markers {
            // A marker belongs to the sentence it follows or sits in; one that
            // opens a paragraph belongs to its first sentence.
            let i = spans.partition_point(|&(s, _)| s <= pos).saturating_sub(1);
            if let Some(r) = refs.get_mut(i) {
                r.push(number);
            }
        }
        for ((start, end), refs) in spans.into_iter().zip(refs) {
            let source_start = to_source.to_source(start);
            let last_char = clean.text[start..end]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            let source_end = to_source.to_source(end - last_char) + last_char;
            sentences.push(Sentence {
                text: clean.text[start..end].to_string(),
                line: lines.line_of(source_start),
                number: *next_number,
                start: source_start,
                end: source_end,
                refs,
                offsets: to_source.slice(start, end),
                section: section.clone(),
            });
            *next_number += 1;
        }
    }
    sentences
}

/// The title of a heading line, if `line` is one.
fn heading(line: &str, headings: Headings) -> Option<&str> {
    let line = line.trim();
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        let title = line[hashes..].trim().trim_end_matches('#').trim();
        return (!title.is_empty()).then_some(title);
    }
    if headings != Headings::Wiki {
        return None;
    }
    // WikiExtractor writes "== Early life ==" as a line "Early life.": a
    // title is short, has no other stop or comma, starts with a capital or
    // a number ("1860 election and secession") and has none of the words a
    // sentence of that length needs: a pronoun, an auxiliary, a verb in
    // the past ("The tally reached 62.").
    let title = line.strip_suffix('.')?;
    let words: Vec<&str> = title.split_whitespace().collect();
    let past_verb =
        |w: &&str| w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase());
    let title_like = !words.is_empty()
        && words.len() <= 8
        && title.len() <= 80
        && title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !title.contains(['.', '!', '?', ',', ';'])
        && !words.iter().skip(1).any(past_verb)
        && !words
            .iter()
            .any(|w| SENTENCE_WORDS.contains(&w.to_ascii_lowercase().as_str()));
    title_like.then_some(title)
}

/// Verbs and pronouns that make a short line a sentence, not a title.
const SENTENCE_WORDS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "has", "had", "have", "do", "does", "did",
    "will", "would", "can", "could", "may", "might", "must", "shall", "should", "he", "she", "it",
    "they", "we", "i", "you", "his", "her", "its", "their", "this", "these", "those", "there",
    "said", "says", "died", "born", "became", "remains", "lived", "took", "won", "lost", "made",
];

/// Byte ranges of the sentences of one cleaned paragraph, trimmed, without
/// pieces that hold no letter (a paragraph number, a stray "23."), none
/// longer than MAX_SENTENCE_BYTES.
fn sentence_spans(paragraph: &str) -> Vec<(usize, usize)> {
    let english = English {};
    let mut spans = Vec::new();
    for (chunk_start, chunk_end) in cut_at_words(paragraph, 0, paragraph.len(), MAX_PARAGRAPH_BYTES)
    {
        let chunk = &paragraph[chunk_start..chunk_end];
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for b in english.get_sentence_boundaries(chunk) {
            let (s, e) = trim_span(
                paragraph,
                chunk_start + b.start_byte,
                chunk_start + b.end_byte,
            );
            if s >= e {
                continue;
            }
            // A stop followed by a word in lower case ("a natural
            // consequence. of war", "will.' head") is a slip of the source,
            // not a sentence end: the piece goes on the sentence before.
            match pieces.last_mut() {
                Some(last) if paragraph[s..].starts_with(char::is_lowercase) => last.1 = e,
                _ => pieces.push((s, e)),
            }
        }
        for (s, e) in pieces {
            if paragraph[s..e].chars().any(char::is_alphabetic) {
                spans.extend(cut_at_words(paragraph, s, e, MAX_SENTENCE_BYTES));
            }
        }
    }
    spans
}

/// Cuts `text[start..end]` into pieces of at most `max` bytes, at whitespace
/// where there is some, else at a char boundary.
fn cut_at_words(text: &str, start: usize, end: usize, max: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut s = start;
    while end - s > max {
        let mut cut = s + max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(ws) = text[s..cut].rfind(char::is_whitespace)
            && ws > max / 2
        {
            cut = s + ws;
        }
        let (ps, pe) = trim_span(text, s, cut);
        if ps < pe {
            pieces.push((ps, pe));
        }
        s = cut;
    }
    let (ps, pe) = trim_span(text, s, end);
    if ps < pe {
        pieces.push((ps, pe));
    }
    pieces
}

fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let piece = &text[start..end];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed_end = piece.trim_end().len();
    if trimmed_start >= trimmed_end {
        return (start, start);
    }
    (start + trimmed_start, start + trimmed_end)
}

/// Groups the lines of `text` into paragraphs, each a list of line ranges
/// (without their line breaks). A blank line always ends a paragraph, and a
/// Markdown heading is one of its own. In text that is not hard-wrapped
/// every line is a paragraph, unless it starts in lower case after a line
/// that stops mid-sentence (a stray line break); in wrapped text a line
/// break ends one only after a sentence end, before an indented line or
/// before a line that opens with a citation marker.
fn paragraphs(text: &str) -> Vec<Vec<(usize, usize)>> {
    let lines: Vec<(usize, usize)> = line_ranges(text).collect();
    let wrapped = is_hard_wrapped(text, &lines);
    let mut out = Vec::new();
    let mut current: Vec<(usize, usize)> = Vec::new();
    // A sentence cut by a blank line or a page number ("…are⏎⏎26⏎⏎startling.")
    // goes on in the next paragraph when it starts in lower case.
    let goes_on = |previous: &str, line: &str| {
        !ends_sentence(previous.trim_end())
            && line.starts_with(char::is_lowercase)
            && heading(previous, Headings::Markdown).is_none()
    };
    for &(s, e) in &lines {
        let line = &text[s..e];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        // A page number on a line of its own is no part of the text.
        if trimmed.len() <= 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if current.is_empty()
            && let Some(&(ps, pe)) = out.last().and_then(|p: &Vec<(usize, usize)>| p.last())
            && goes_on(&text[ps..pe], line)
        {
            current = out.pop().unwrap_or_default();
        }
        let is_heading = heading(line, Headings::Markdown).is_some();
        if let Some(&(ps, pe)) = current.last() {
            let previous = &text[ps..pe];
            let continues = if wrapped {
                !breaks_between(previous, line)
            } else {
                goes_on(previous, line)
            };
            if is_heading || !continues || heading(previous, Headings::Markdown).is_some() {
                out.push(std::mem::take(&mut current));
            }
        }
        current.push((s, e));
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn line_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let line = (start, end - usize::from(text[..end].ends_with('\r')));
        start = end + 1;
        Some(line)
    })
}

/// Hard-wrapped text has lines of a typical printed width, most of which
/// stop mid-sentence, and the sentence goes on in lower case on the next
/// line often enough. Newswire written a sentence a line has lines that
/// stop without a full stop too (headlines, datelines, results: "SOCCER -
/// NEWCASTLE SIGN SHEARER", "NEWCASTLE 1996-08-24", "Arsenal 2 West Ham
/// 0"), but the line after them opens with a capital or a digit.
fn is_hard_wrapped(text: &str, lines: &[(usize, usize)]) -> bool {
    let filled: Vec<&str> = lines
        .iter()
        .map(|&(s, e)| text[s..e].trim())
        .filter(|l| !l.is_empty())
        .collect();
    if filled.len() < 5 {
        return false;
    }
    let short = filled.iter().filter(|l| l.len() <= 100).count();
    let open = filled.iter().filter(|l| !ends_sentence(l)).count();
    let goes_on_small = filled
        .windows(2)
        .filter(|w| !ends_sentence(w[0]) && w[1].starts_with(char::is_lowercase))
        .count();
    short * 10 >= filled.len() * 8 && open * 2 >= filled.len() && goes_on_small * 4 >= open
}

fn breaks_between(previous: &str, next: &str) -> bool {
    ends_sentence(previous.trim_end())
        || next.starts_with(char::is_whitespace)
        || opens_with_marker(next)
}

/// Titles that end a line without ending a sentence ("Mr.\nSmith").
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Col.", "Sen.", "Rep.", "Gov.", "Lt.",
    "Sgt.", "Rev.", "Hon.", "H.E.", "No.", "Nos.", "Art.", "Vol.", "pp.", "p.",
];

fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(CLOSING);
    let ends = core.ends_with(['.', '!', '?', '…']);
    ends && !TITLES.iter().any(|t| {
        core.ends_with(t) && core[..core.len() - t.len()].ends_with(|c: char| !c.is_alphanumeric())
            || core == *t
    })
}

/// Punctuation that closes a quotation or parenthesis.
const CLOSING: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];

fn opens_with_marker(line: &str) -> bool {
    marker_at(line.trim_start(), 0).is_some()
}

/// The citation marker (`[12]`, `[citation needed]`) at byte `i` of `s`:
/// its length and its number, if it has one.
fn marker_at(s: &str, i: usize) -> Option<(usize, Option<u32>)> {
    let rest = s.get(i..)?;
    if !rest.starts_with('[') {
        return None;
    }
    if rest.starts_with("[citation needed]") {
        return Some(("[citation needed]".len(), None));
    }
    let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
    if (1..=4).contains(&digits) && rest.as_bytes().get(1 + digits) == Some(&b']') {
        return Some((digits + 2, rest[1..1 + digits].parse().ok()));
    }
    None
}

/// The length of a paragraph number that opens `line` ("26.", "3)", with
/// the spaces after it), or 0.
fn paragraph_number_len(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) || !rest[digits..].starts_with(['.', ')']) {
        return 0;
    }
    let after = &rest[digits + 1..];
    let spaces = after.len() - after.trim_start().len();
    // "1990. The year…" would need a capital after; a bare "26." line is
    // all number. "1.5 million" has no space after the stop.
    if spaces == 0 && !after.is_empty() {
        return 0;
    }
    indent + digits + 1 + spaces
}

/// Joins the lines of one paragraph into one text, removing citation markers
/// and folding line breaks, and returns the markers' numbers with the
/// positions in the new text where they stood.
fn clean_paragraph(text: &str, lines: &[(usize, usize)]) -> (CleanText, Vec<(usize, u32)>) {
    let total: usize = lines.iter().map(|(s, e)| e - s + 1).sum();
    let mut clean = CleanText::with_capacity(total);
    let mut markers = Vec::new();
    for (n, &(s, e)) in lines.iter().enumerate() {
        let line = &text[s..e];
        // A number that opens a paragraph ("114.   The Assembly…") numbers
        // it: it is neither a sentence nor part of the first one.
        let skip = if n == 0 {
            paragraph_number_len(line)
        } else {
            0
        };
        if n > 0 {
            // A hyphen that ends a wrapped line joins the words around it.
            if !clean.text.ends_with('-') && !clean.ends_with_whitespace() {
                clean.push(' ', s - 1);
            }
        }
        let mut i = skip;
        let mut run_start = skip;
        let mut skip_space = false;
        while i < line.len() {
            let b = line.as_bytes()[i];
            if b == b'[' {
                if let Some((len, number)) = marker_at(line, i) {
                    clean.push_str(&line[run_start..i], s + run_start);
                    // Quotes before a marker that opens a paragraph close the
                    // previous one's quotation: `"[61] Iranian-Azeri …`.
                    if clean
                        .text
                        .chars()
                        .all(|c| c.is_whitespace() || CLOSING.contains(&c))
                    {
                        clean = CleanText::with_capacity(total);
                    }
                    if let Some(number) = number {
                        markers.push((clean.text.trim_end().len(), number));
                    }
                    i += len;
                    run_start = i;
                    // "word [3] next" keeps one space, not two.
                    skip_space = clean.ends_with_whitespace();
                    continue;
                }
            } else if skip_space && (b == b' ' || b == b'\t') {
                i += 1;
                run_start = i;
                continue;
            }
            skip_space = false;
            i += 1;
        }
        clean.push_str(&line[run_start..], s + run_start);
    }
    (clean, markers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<Sentence> {
        let lines = LineIndex::new(text.as_bytes());
        let mut n = 1;
        segment_text(
            text,
            &OffsetMap::default(),
            &lines,
            &mut n,
            Headings::Markdown,
        )
    }

    #[test]
    fn markers_after_punctuation_belong_to_the_sentence_before() {
        let text = "It ended.”[20] In February 2012, it began.";
        let s = split(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "It ended.”");
        assert_eq!(s[0].refs, vec![20]);
        assert_eq!(s[1].text, "In February 2012, it began.");
        assert!(s[1].refs.is_empty());
        assert_eq!(&text[s[1].start..s[1].end], "In February 2012, it began.");
    }

    #[test]
    fn markers_opening_a_line_belong_to_its_first_sentence() {
        let s = split("First line.\n[26][27] Tehran was quick. Then more.");
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].text, "Tehran was quick.");
        assert_eq!(s[1].refs, vec![26, 27]);
        assert_eq!(s[1].line, 2);
        assert!(s[2].refs.is_empty());
    }

    #[test]
    fn markers_inside_a_sentence_leave_one_space() {
        let s = split("Aliyev said that:[82] “These relations [5] are good.”");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "Aliyev said that: “These relations are good.”");
        assert_eq!(s[0].refs, vec![82, 5]);
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let text = "Intro.\n[18] According to him, in 1919 it ended.";
        let s = split(text);
        let t = &s[1];
        let at = t.text.find("1919").unwrap();
        let src = t.source_offset(at);
        assert_eq!(&text[src..src + 4], "1919");
        assert_eq!(&text[t.start..t.end], "According to him, in 1919 it ended.");
    }

    #[test]
    fn newswire_a_sentence_a_line_keeps_its_lines() {
        // Headlines, datelines and results stop without a full stop, as wrapped lines do,
        // but no sentence goes on in lower case on the next line.
        let text = "TENNIS - SAMPRAS BEATS HENMAN\nNEW YORK 1996-08-24\nPete Sampras beat Tim Henman 6-3 6-4 on Saturday.\nGOLF - NORMAN LEADS BY TWO\nAKRON , Ohio 1996-08-24\nArsenal 2 West Ham 0\nGreg Norman fired a 64.\n";
        let texts: Vec<String> = split(text).into_iter().map(|s| s.text).collect();
        assert_eq!(
            texts,
            vec![
                "TENNIS - SAMPRAS BEATS HENMAN",
                "NEW YORK 1996-08-24",
                "Pete Sampras beat Tim Henman 6-3 6-4 on Saturday.",
                "GOLF - NORMAN LEADS BY TWO",
                "AKRON , Ohio 1996-08-24",
                "Arsenal 2 West Ham 0",
                "Greg Norman fired a 64.",
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_is_unwrapped() {
        let text = "I should like\nat the outset to congratulate you on your\nelection as President of the General Assembly at its\nsixty-third session. I wish you every success in your\nmission.\n I should also thank the Secretary-\nGeneral, Mr.\nBan Ki-moon, for his\nefforts to promote peace.\n";
        let s = split(text);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "I should like at the outset to congratulate you on your election as President of the General Assembly at its sixty-third session.",
                "I wish you every success in your mission.",
                "I should also thank the Secretary-General, Mr. Ban Ki-moon, for his efforts to promote peace.",
            ]
        );
        assert_eq!(s[2].line, 6);
        let at = s[2].text.find("Ban").unwrap();
        assert_eq!(
            &text[s[2].source_offset(at)..s[2].source_offset(at) + 3],
            "Ban"
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = split("Alex Vatanka works in Washington, D.C., on the U.S. economy. It grew.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn over_long_sentences_are_cut() {
        let text = "word ".repeat(3000);
        let s = split(&text);
        assert!(s.len() >= 3);
        assert!(s.iter().all(|s| s.text.len() <= MAX_SENTENCE_BYTES));
    }
}

#[cfg(test)]
mod reading_rules {
    use super::*;

    fn split(text: &str, headings: Headings) -> Vec<Sentence> {
        let lines = LineIndex::new(text.as_bytes());
        let mut n = 1;
        segment_text(text, &OffsetMap::default(), &lines, &mut n, headings)
    }

    fn texts(sentences: &[Sentence]) -> Vec<&str> {
        sentences.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn paragraph_numbers_are_neither_sentences_nor_part_of_one() {
        let text = "26.      On behalf of my delegation, I congratulate you. It is an honour.\n\n27.    Among the tributes paid to him, one stood out.\n\n28.\n\n3) A list item follows.\n";
        let s = split(text, Headings::Markdown);
        assert_eq!(
            texts(&s),
            vec![
                "On behalf of my delegation, I congratulate you.",
                "It is an honour.",
                "Among the tributes paid to him, one stood out.",
                "A list item follows.",
            ]
        );
        assert_eq!(&text[s[0].start..s[0].start + 9], "On behalf");
    }

    #[test]
    fn numbers_that_belong_to_the_sentence_stay() {
        let s = split(
            "1.5 million people fled.\n1990 was the year it ended.\n",
            Headings::Markdown,
        );
        assert_eq!(
            texts(&s),
            vec!["1.5 million people fled.", "1990 was the year it ended."]
        );
    }

    #[test]
    fn a_stray_line_break_does_not_cut_a_sentence() {
        let text = "We will take concrete steps to abolish\napartheid. For its part, Norway agrees.\nA new line starts here.\n";
        let s = split(text, Headings::Markdown);
        assert_eq!(
            texts(&s),
            vec![
                "We will take concrete steps to abolish apartheid.",
                "For its part, Norway agrees.",
                "A new line starts here.",
            ]
        );
    }

    #[test]
    fn page_numbers_and_blank_lines_inside_a_sentence_do_not_cut_it() {
        let text = "The sums spent on arms are\n\n26\n\nstartling. Roughly $1 trillion is spent.\n\nA new paragraph starts.\n\nand a lower-case one after a full stop.\n";
        let s = split(text, Headings::Markdown);
        assert_eq!(
            texts(&s),
            vec![
                "The sums spent on arms are startling.",
                "Roughly $1 trillion is spent.",
                "A new paragraph starts.",
                "and a lower-case one after a full stop.",
            ]
        );
        let at = s[0].text.find("startling").unwrap();
        let src = s[0].source_offset(at);
        assert_eq!(&text[src..src + 9], "startling");
    }

    #[test]
    fn headings_become_the_section_of_the_sentences_under_them() {
        let text = "Intro sentence here.\nEarly life.\nHe was born in 1900.\nPolitical career and exile.\nShe said so.\nThe tally reached 62.\nHe died in 1920.\n1860 election and secession.\nGettysburg Address (1863).\n1970–1985: Later life.\nAnd more.\n";
        let s = split(text, Headings::Wiki);
        assert_eq!(
            texts(&s),
            vec![
                "Intro sentence here.",
                "He was born in 1900.",
                "She said so.",
                "The tally reached 62.",
                "He died in 1920.",
                "And more."
            ]
        );
        let sections: Vec<Option<&str>> = s.iter().map(|s| s.section.as_deref()).collect();
        assert_eq!(
            sections,
            vec![
                None,
                Some("Early life"),
                Some("Political career and exile"),
                Some("Political career and exile"),
                Some("Political career and exile"),
                Some("1970–1985: Later life"),
            ]
        );
    }

    #[test]
    fn markdown_headings_are_sections_in_any_text() {
        let s = split(
            "# Relations\n\nBaku and Tehran talked.\n## Trade\nOil was sold.\nEarly life.\n",
            Headings::Markdown,
        );
        assert_eq!(
            texts(&s),
            vec!["Baku and Tehran talked.", "Oil was sold.", "Early life."]
        );
        assert_eq!(s[0].section.as_deref(), Some("Relations"));
        assert_eq!(s[1].section.as_deref(), Some("Trade"));
    }
}
