//! Temporal expressions in one English sentence: full dates, months, years,
//! decades and centuries, ranges and lists of them, open ranges, and Hijri
//! years, each normalized to an interval of historical years (BC negative, no
//! year 0) with a precision.
//!
//! Design: a cheap prefilter (a sentence with no ASCII digit and no
//! "centur"/"millenni" has nothing to find), then a hand-written tokenizer and
//! a small grammar anchored on numbers, ordinals and month names that looks a
//! few tokens either way; one pass, no backtracking, no regex. A bare number
//! is a year only when nothing around it says it is a count, a measure, money,
//! a time of day, a page, a resolution or a model number: precision beats
//! recall, because a wrong year facet misleads a historian more than a
//! missing one. Relative expressions ("last year") are never guessed.
//!
//! Hijri years ("AH 1400", or the first half of "1133–1342/1779–1924") are
//! converted with the tabular calendar and marked `calendar: Some("hijri")`;
//! when they only restate a Gregorian expression beside them they add nothing
//! to the year, decade and century lists, so a Hijri number is never counted
//! as a Gregorian year.
//!
//! # Grammar
//!
//! The productions below are what the rules recognize, written out; each
//! names the file and the rule that implement it. `conn` is a range connector
//! (a dash, or lower-case "to", "until", "till", "through", "thru"; also "and"
//! after "between"), `X?` is optional, `X*` repeats, quoted words match in any
//! case. Word classes in `[brackets]` are sections of `data/lexicon.txt`.
//!
//! ```text
//! mention      := numeric-date | date-range | day-list | date
//!               | decade-range | decade | century-range | century
//!               | year-expr | one-token                         (all anchored
//!                 on a number, an ordinal, a decade or a month name)
//!
//! # day.rs, month.rs
//! numeric-date := yyyy ("-"|"/") mm ("-"|"/") dd                 numeric_date
//!               | d ("/"|"-"|".") m ("/"|"-"|".") yyyy           numeric_day_month_year
//! date-range   := date ","? conn "the"? (date | present)         calendar_date
//! date         := day-first | month-first
//! day-first    := day "of"? (conn day "of"?)? month
//!                 (conn day "of"? month)? ","? date-year         day_first_date
//! month-first  := month day (conn day | "and" day "," | conn month day)? ","? date-year
//!               | month (conn month)? ","? "of"? date-year       month_first_date
//! day-list     := day ("," day)* ","? ("and"|"or"|"&") day-first day_list_month_year
//! date-year    := year-number with an era
//!               | year-number of 3–4 digits ≤ 2200, no count after it
//! day          := 1–31, digits or ordinal ("4", "4th")           day_number
//! month        := capitalized [MONTH_WORDS] "."?                 month_name
//!
//! # year.rs, range.rs
//! year-expr    := qualifier? year-range                          year_or_year_range
//! year-range   := year-number
//!               | year-number conn era? year-number              year_or_range_at
//!               | year-number conn "the"? [date-present-word] "day"?
//!               | "(" year-number "–" ")"
//!               | yyyy "-" mm                                    iso_year_month
//!               | year-range "/" year-range                      year_slash_year
//! year-list    := year-number ("," year-number)* ("and"|"or"|"&") year-number era?
//!                                                                year_list_tail
//! year-number  := era? number era?                               year_number
//! hijri        := year-range with "AH" on either end             hijri_year_or_range
//! one-token    := qualifier? "FY" yyyy                          fiscal_year_glued
//!                   ("FY2016", "Q3 FY2016": still the year)
//!               | number era, glued ("500BC")                  year_with_glued_era
//! era          := "BC" | "BCE" | "AD" | "CE" | "AH" | "B.C." | "A.D." | …
//!                                                                era_marker
//! qualifier    := "Q1"…"Q4" | "H1" | "H2"
//!               | "the"? ordinal [date-year-part] "of"
//!               | "FY" | "fiscal" | ("fiscal"|"financial") 'year' | "circa" | "c." | "ca"
//!               | ("mid"|"pre"|"post"|"early"|"late") "-"? | "r." | "b." | "d." | "fl."
//!                                                                year_qualifier
//!
//! # decade.rs
//! decade       := ([date-period-modifier] "-"? | ("pre"|"post") "-")? decade-number era?
//!                                                                decade_or_decade_range
//! decade-number:= "1990s" | "1990's" | "'60s" | "870s"           decade_number
//! decade-range := decade conn "the"? [date-period-modifier]? (decade | "90s")
//!
//! # century.rs
//! century      := [date-period-modifier]? century-ordinal "-"? [date-century-word] era?
//!                                                                ordinal_century
//! century-range:= century-ordinal (conn | "and" | "or") "the"? [date-period-modifier]?
//!                 century-ordinal [date-century-word] era?
//!               | century conn century
//! hijri-century:= century with era "AH"                          hijri_century
//! century-ordinal := "5th" | "fifth" | "twenty-first" | "XIX" | "XIXth"
//!               | 1–21 before 'century'/"millennium"            century_ordinal
//!
//! # every single expression (mod.rs, emit_with_open_ends)
//! open-range   := [date-open-end-cue] "the"? X | "up"? [date-open-start-cue] "the"? X
//!               | X [date-onwards-word] | "from" X "on"
//! ```
//!
//! The grammar says what may be a date; the guards (`guards.rs`, chiefly
//! `bare_year_guards`) say when a number that fits it is not one. A year-number is refused after a currency
//! or reference sign, a [date-reference-word] ("page 1920"), a
//! [date-quantity-cue] ("over 1500"), a [date-quantity-of] noun + "of", or "at"
//! (a time of day), and before a [date-count-noun], a [date-measure-unit], a
//! [date-duration-unit], a percentage or another digit group; a round number
//! ("1500") needs a [date-year-cue]. The cues and units are data: widening
//! them is a lexicon edit, and `cargo test --lib` runs the date table.

use std::sync::LazyLock;

pub use crate::vocab::time::{HistDate, Precision};
use crate::vocab::time::{century_of, decade_of, hijri_years_to_gregorian, max_days_in_month};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the input text, end exclusive, on char boundaries.
    pub start: usize,
    pub end: usize,
    /// Inclusive interval start; None only for open starts ("until 1918").
    pub from: Option<HistDate>,
    /// Inclusive interval end; None only for open ends ("since 2001").
    pub to: Option<HistDate>,
    pub precision: Precision,
    /// Some("hijri") when the text is in another calendar; from/to then hold
    /// the Gregorian conversion.
    pub calendar: Option<&'static str>,
    /// Set when the document-level pass resolved the mention against an
    /// earlier date (`anchor_document`).
    pub anchor: Option<AnchorRef>,
    /// The part of the interval a modifier in the span points at, as TIMEX3
    /// `mod` does: "start" ("early", "the beginning of"), "mid", "end"
    /// ("late", "the end of"), or a season ("the summer of 1863"); the
    /// interval and precision stay those of the date modified.
    pub modifier: Option<&'static str>,
}

impl DateMention {
    /// The mention's text in the sentence it was extracted from.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        sentence.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeAnnotations {
    /// In text order.
    pub mentions: Vec<DateMention>,
    /// Sorted, deduped start and end years of every mention of Year precision
    /// or finer. A Hijri mention that restates a Gregorian one beside it adds
    /// nothing.
    pub years: Vec<i32>,
    /// Sorted, deduped decades covered by mentions of Decade precision or finer.
    pub decades: Vec<i32>,
    /// Sorted, deduped centuries (1-based, BC negative) covered by every mention.
    pub centuries: Vec<i32>,
}

mod anchor;
mod anchored;
mod atoms;
mod century;
mod classes;
mod day;
mod decade;
mod guards;
mod month;
mod range;
mod tokens;
mod year;

pub use anchor::{AnchorRef, DocSentence, anchor_document};
use atoms::*;
use classes::*;
use day::*;
use guards::*;
use tokens::*;

/// A mention as the rules emit it: token span resolved to bytes, not yet sorted.
#[derive(Clone, Copy, Debug)]
struct Raw {
    s: usize,
    e: usize,
    from: Option<HistDate>,
    to: Option<HistDate>,
    prec: Precision,
    cal: Option<&'static str>,
    restate: bool,
}

/// The one-pass cursor shared by every rule: the tokens, the mentions so far,
/// and `floor`, the first token no emitted mention covers, so that no rule
/// reaches back into one.
struct Parser<'a> {
    t: &'a str,
    k: &'a [Tok],
    out: Vec<Raw>,
    floor: usize,
    /// Number tokens rejected by their left context, for list propagation.
    rej: Vec<usize>,
    has_cent: bool,
    /// For the document-level pass: the document is told as a story, so a
    /// year-less month far ahead of the reference's may be a look back.
    narrative: bool,
}

impl<'a> Parser<'a> {
    /// Emits a mention covering tokens `s..e` and moves the floor past it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        s: usize,
        e: usize,
        from: Option<HistDate>,
        to: Option<HistDate>,
        prec: Precision,
        cal: Option<&'static str>,
        restate: bool,
    ) {
        if s >= e || e > self.k.len() {
            return;
        }
        self.out.push(Raw {
            s: self.k[s].s as usize,
            e: self.k[e - 1].e as usize,
            from,
            to,
            prec,
            cal,
            restate,
        });
        self.floor = self.floor.max(e);
    }

    /// Emits a single (non-range) expression, turning it into an open range
    /// when "since"/"until" stand before it or "onwards" after it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_with_open_ends(
        &mut self,
        s: usize,
        e: usize,
        from: HistDate,
        to: HistDate,
        prec: Precision,
        cal: Option<&'static str>,
        restate: bool,
    ) -> usize {
        // The cue words set the meaning but stay out of the span's text.
        let (span_s, mut span_e) = (s, e);
        let (mut s, mut e) = (s, e);
        let (mut f, mut t) = (Some(from), Some(to));
        // "since the 1990s", "until the 19th century" — but "since the 1967
        // war" is about the war, not an open range from 1967.
        let w = if prec >= Precision::Decade && s > self.floor + 1 && self.wis(s - 1, "the") {
            s - 1
        } else {
            s
        };
        if w > self.floor {
            let x = self.lexf(w - 1);
            if x & OPEN_END_CUE != 0 {
                t = None;
                s = w - 1;
            } else if x & OPEN_START_CUE != 0
                && !self.wis(w.saturating_sub(2), "from")
                // "it was not until 1862 that": the moment, not a range up to it
                && !self.wis(w.saturating_sub(2), "not")
            {
                f = None;
                s = w - 1;
                if s > self.floor && self.wis(s - 1, "up") {
                    s -= 1;
                }
            }
        }
        if t.is_some() && f.is_some() {
            // "from 1999 on," but not "from 1999 on the coast"
            let on = self.wis(e, "on")
                && s > 0
                && self.wis(s - 1, "from")
                && !matches!(self.kind(e + 1), Some(Kind::Word | Kind::Num | Kind::Mixed));
            if self.lexf(e) & ONWARDS_WORD != 0 || on {
                t = None;
                span_e = e;
                e += 1;
            }
        }
        let _ = s;
        self.push(span_s, span_e, f, t, prec, cal, restate);
        self.floor = self.floor.max(e);
        e
    }

    /// The driver: each token kind tries the productions that can start with it,
    /// longest first; a rule returns the token to resume at.
    pub(super) fn run(&mut self) {
        let n = self.k.len();
        let mut i = 0;
        while i < n {
            let t = self.k[i];
            let next = match t.k {
                Kind::Word => {
                    let mut r = None;
                    // Month names start with one of these capitals; checking
                    // it first spares a lexicon lookup for most capitalized words.
                    let first = self.t.as_bytes().get(t.s as usize).copied().unwrap_or(0);
                    if t.f & T_CAP != 0
                        && t.e - t.s >= 3
                        && t.e - t.s <= 9
                        && b"JFMASOND".contains(&first)
                        && self.lexf(i) & MONTH_NAME != 0
                    {
                        r = self.calendar_date(i);
                    }
                    if r.is_none() && self.has_cent {
                        r = self.ordinal_century(i);
                    }
                    r
                }
                Kind::Num => self
                    .numeric_date(i)
                    .or_else(|| self.calendar_date(i))
                    .or_else(|| self.decade_or_decade_range(i))
                    .or_else(|| {
                        if self.has_cent {
                            self.ordinal_century(i)
                        } else {
                            None
                        }
                    })
                    .or_else(|| self.year_or_year_range(i)),
                Kind::Ord => self.calendar_date(i).or_else(|| self.ordinal_century(i)),
                Kind::Dec => self.decade_or_decade_range(i),
                Kind::Mixed => self.year_in_one_token(i),
                Kind::Punct => None,
            };
            i = match next {
                Some(x) if x > i => x,
                _ => i + 1,
            };
        }
    }
}

static CENT_FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new(b"entur"),
        memchr::memmem::Finder::new(b"ENTUR"),
        memchr::memmem::Finder::new(b"illenni"),
    ]
});

/// Eight bytes at a time: most sentences have no digit, and a byte loop
/// would be the largest cost of rejecting them.
fn has_ascii_digit(b: &[u8]) -> bool {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        // Bytes strictly between '/' (0x2F) and ':' (0x3A), without carries
        // across bytes (the "hasbetween" bit trick).
        let t = x & (L * 127);
        if (L * (127 + 0x3A) - t) & !x & (t + L * (127 - 0x2F)) & H != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// (has an ASCII digit, may speak of centuries or millennia)
fn has_candidate(text: &str) -> (bool, bool) {
    let b = text.as_bytes();
    let digit = has_ascii_digit(b);
    let cent = CENT_FINDERS.iter().any(|f| f.find(b).is_some());
    (digit, cent)
}

/// Every date, year, decade and century `text` (one sentence) speaks of.
/// Never panics.
pub fn extract_dates(text: &str) -> TimeAnnotations {
    let (digit, cent) = has_candidate(text);
    if !digit && !cent {
        return TimeAnnotations::default();
    }
    let mut toks = Vec::with_capacity(text.len() / 5 + 4);
    tokenize(text, &mut toks);
    skip_style_notes(text, &mut toks);
    let mut p = Parser {
        t: text,
        k: &toks,
        out: Vec::new(),
        floor: 0,
        rej: Vec::new(),
        has_cent: cent,
        narrative: false,
    };
    p.run();
    let raws = p.out;
    let mut a = build(raws);
    apply_modifiers(text, &mut a.mentions);
    a
}

/// Tokens of a note in brackets that gives the same day in the other
/// calendar, as English texts on Russia, Sweden or Britain before the
/// change write it: "9 June [O.S. 30 May] 1672", "8 February 1725 (O.S. 28
/// January)", "11 January 1700 (N.S.)". The note is no date of its own (its
/// day is the one beside it), and the date around it reads as if it were
/// not there. A New Style note with a day ("25 October [N.S. 7 November]
/// 1917") is left as it is: the Gregorian day is the note's, not the one
/// beside it.
fn skip_style_notes(text: &str, toks: &mut Vec<Tok>) {
    let view = Parser {
        t: text,
        k: toks,
        out: Vec::new(),
        floor: 0,
        rej: Vec::new(),
        has_cent: false,
        narrative: false,
    };
    let mut notes = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match view.style_note_end(i) {
            Some(end) => {
                notes.push(i..=end);
                i = end + 1;
            }
            None => i += 1,
        }
    }
    if notes.is_empty() {
        return;
    }
    let mut at = 0;
    toks.retain(|_| {
        let kept = !notes.iter().any(|note| note.contains(&at));
        at += 1;
        kept
    });
}

impl Parser<'_> {
    /// The closing bracket's token of a calendar-style note opening at `i`.
    fn style_note_end(&self, i: usize) -> Option<usize> {
        /// A note is short: "(Old Style: 28 January 1725)".
        const MAX_NOTE: usize = 12;
        let close = if self.is_p(i, '(') {
            ')'
        } else if self.is_p(i, '[') {
            ']'
        } else {
            return None;
        };
        // "O.S." / "N.S." (also "O. S."), or "Old Style" / "New Style"
        let initial = |w: &str| self.wis(i + 1, w) && self.is_p(i + 2, '.') && self.wis(i + 3, "s");
        let spelled = |w: &str| self.wis(i + 1, w) && self.wis(i + 2, "style");
        let old_style = initial("o") || spelled("old");
        let new_style = initial("n") || spelled("new");
        if !(old_style || new_style) {
            return None;
        }
        let end = (i + 1..self.k.len().min(i + 2 + MAX_NOTE)).find(|&j| self.is_p(j, close))?;
        // A New Style note with a day in it gives the Gregorian day of an Old
        // Style date before it: not a note to read past.
        let gives_a_day = (i..end).any(|j| self.kind(j) == Some(Kind::Num));
        (old_style || !gives_a_day).then_some(end)
    }
}

/// Modifiers written before a date ("early", "the end of", "the summer of")
/// or at the start of its span: recorded as the mention's `modifier` and
/// taken into the span.
const MODIFIERS: &[(&str, &str, bool)] = &[
    ("the end of ", "end", false),
    ("the beginning of ", "start", false),
    ("the start of ", "start", false),
    ("the middle of ", "mid", false),
    ("the spring of ", "spring", true),
    ("the summer of ", "summer", true),
    ("the autumn of ", "autumn", true),
    ("the winter of ", "winter", true),
    ("early ", "start", false),
    ("early-", "start", false),
    ("late ", "end", false),
    ("late-", "end", false),
    ("mid-", "mid", false),
    ("mid ", "mid", false),
    ("spring ", "spring", true),
    ("summer ", "summer", true),
    ("autumn ", "autumn", true),
    ("winter ", "winter", true),
    ("christmas ", "christmas", true),
];

/// Modifiers of a decade or century, written before its "the": "the end
/// of the 19th century", "the beginning of the 1960s".
const PERIOD_MODIFIERS: &[(&str, &str)] = &[
    ("the end of the ", "end"),
    ("the beginning of the ", "start"),
    ("the start of the ", "start"),
    ("the middle of the ", "mid"),
];

/// Finds each mention's modifier, before it or at the start of its span,
/// and widens the span over one written before it. Spans stay on char
/// boundaries (every pattern is ASCII).
pub(crate) fn apply_modifiers(text: &str, mentions: &mut [DateMention]) {
    let b = text.as_bytes();
    let mut prev_end = 0;
    for m in mentions.iter_mut() {
        let span = &b[m.start..m.end];
        for &(pat, name, seasonal) in MODIFIERS {
            let p = pat.as_bytes();
            if seasonal && m.precision != Precision::Year {
                continue;
            }
            if span.len() > p.len() && span[..p.len()].eq_ignore_ascii_case(p) {
                m.modifier = Some(name);
                break;
            }
            if m.start >= p.len() + prev_end
                && b[m.start - p.len()..m.start].eq_ignore_ascii_case(p)
                && (m.start == p.len() || !b[m.start - p.len() - 1].is_ascii_alphanumeric())
                && m.precision <= Precision::Year
            {
                m.start -= p.len();
                m.modifier = Some(name);
                break;
            }
        }
        if m.modifier.is_none() && m.precision > Precision::Year {
            for &(pat, name) in PERIOD_MODIFIERS {
                let p = pat.as_bytes();
                if m.start >= p.len() + prev_end
                    && b[m.start - p.len()..m.start].eq_ignore_ascii_case(p)
                    && (m.start == p.len() || !b[m.start - p.len() - 1].is_ascii_alphanumeric())
                {
                    m.start -= p.len();
                    m.modifier = Some(name);
                    break;
                }
            }
        }
        prev_end = m.end;
    }
}

/// Sorts the mentions and derives the year, decade and century facets.
fn build(mut raws: Vec<Raw>) -> TimeAnnotations {
    raws.sort_by_key(|r| (r.s, r.e));
    let mut years = Vec::new();
    let mut decades = Vec::new();
    let mut centuries = Vec::new();
    for r in &raws {
        if r.restate {
            continue;
        }
        cover(
            r.from,
            r.to,
            r.prec,
            &mut years,
            &mut decades,
            &mut centuries,
        );
    }
    for v in [&mut years, &mut decades, &mut centuries] {
        v.sort_unstable();
        v.dedup();
    }
    let mentions = raws
        .into_iter()
        .map(|r| DateMention {
            start: r.s,
            end: r.e,
            from: r.from,
            to: r.to,
            precision: r.prec,
            calendar: r.cal,
            anchor: None,
            modifier: None,
        })
        .collect();
    TimeAnnotations {
        mentions,
        years,
        decades,
        centuries,
    }
}

/// Adds the years, decades and centuries a mention from..to of precision
/// `prec` covers (unsorted).
fn cover(
    from: Option<HistDate>,
    to: Option<HistDate>,
    prec: Precision,
    years: &mut Vec<i32>,
    decades: &mut Vec<i32>,
    centuries: &mut Vec<i32>,
) {
    let (f, t) = (from.map(|d| d.year), to.map(|d| d.year));
    if prec <= Precision::Year {
        years.extend(f);
        years.extend(t);
    }
    let (lo, hi) = match (f, t) {
        (Some(a), Some(b)) => (a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => (a, a),
        (None, None) => return,
    };
    if prec <= Precision::Decade {
        let (d1, d2) = (decade_of(lo), decade_of(hi));
        if (d2 as i64 - d1 as i64) / 10 + 1 > 30 {
            decades.push(d1);
            decades.push(d2);
        } else {
            let mut d = d1;
            while d <= d2 {
                decades.push(d);
                d += 10;
            }
        }
    }
    if prec > Precision::Century {
        return;
    }
    let (c1, c2) = (century_of(lo), century_of(hi));
    let span = (c2 as i64 - c1 as i64) + 1 - i64::from(c1 < 0 && c2 > 0);
    if span > 30 {
        centuries.push(c1);
        centuries.push(c2);
    } else {
        for c in c1..=c2 {
            if c != 0 {
                centuries.push(c);
            }
        }
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod anchor_tests;

#[cfg(test)]
#[path = "values_tests.rs"]
mod values_tests;
