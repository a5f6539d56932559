//! The anchored productions: what a year-less or relative expression
//! starting at a token means, given the reference date `anchor.rs` keeps.
//!
//! ```text
//! anchored  := day-month | month-day | day-alone | month-alone
//!            | relative-year | relative-month | relative-day | apostrophe-year
//! day-month := day ((conn | "and") day)? "of"? month that-year?
//! month-day := month day ((conn | "and") day)? that-year?
//! that-year := "of"? ("that" | "the" "same") "same"? 'year'   (the year last named)
//! day-alone := ("on"|"by"|"until"|"till"|"from") "the" ordinal ("of" "that" "month")?
//!              (needs a reference month; then punctuation or the end)
//! month-alone := ("in"|"by"|"during"|"until"|"till"|"early"|"late"|"mid"
//!                 | ("end"|"beginning"|"middle"|"start") "of") "-"? month that-year?
//! relative-year := ("the"? ("following"|"next"|"subsequent"|"previous"|"preceding")
//!                  | "that" "same"? | "the" "same") ('year' | season)
//!            | ("a" | count) 'year'"s"? ("later"|"earlier")
//!            | ("last"|"this"|"next") 'year'   (a document's own date only)
//! relative-month := ("the" ("following"|"next"|"previous") | "that" "same"?) "month"
//!            | count "months" ("later"|"earlier")   (a reference month only)
//! relative-day := ("the" ("following"|"next"|"previous") | "that" "same"?) "day"
//!            | count "days" ("later"|"earlier")     (a reference day only)
//! apostrophe-year := "'" dd                         (the reference's century)
//! ```
//!
//! Each production returns `None` rather than guess: no reference of the
//! precision it needs, no date.

use super::anchor::Reference;
use super::*;
use crate::vocab::time::days_in_month;

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// The words a relative expression may start with, besides a count.
const RELATIVE_STARTS: &[&str] = &[
    "the",
    "that",
    "following",
    "next",
    "previous",
    "preceding",
    "subsequent",
    "succeeding",
    "same",
    "last",
    "this",
    "a",
    "an",
];
const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];
/// Words of a sentence about the speaker's present or future, where "by the
/// end of the year" is the year of speaking, not the narrative's: "Elections
/// will take place before the end of the year", "we have reached out since
/// the beginning of the year" (and "I").
const PRESENT_MARKERS: &[&str] = &[
    "will", "shall", "should", "must", "would", "might", "can", "is", "are", "am", "we", "our",
    "us", "hope", "hopes", "expect", "expects", "plan", "plans",
];
const COUNT_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Words that open a clause after a day alone ("on the 5th the army
/// retreated"): a determiner or a pronoun, never the noun of "the 5th floor".
const CLAUSE_OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "this",
    "these", "those", "both",
];

pub(super) type Found = (usize, HistDate, HistDate, Precision, u8, bool);

impl Parser<'_> {
    fn count_at(&self, i: usize) -> Option<u32> {
        // "forty-five years earlier" is not five.
        if i > 0 && self.is_dash(i - 1) && self.adj(i - 1, i) {
            return None;
        }
        if let Some((v, nd)) = self.num(i) {
            return (nd <= 2 && v >= 1).then_some(v);
        }
        let w = self.txt(i).to_ascii_lowercase();
        if w == "a" || w == "an" {
            return Some(1);
        }
        COUNT_WORDS
            .iter()
            .position(|c| *c == w)
            .map(|n| n as u32 + 1)
    }

    /// The year of a day in month `mo` whose words end at token `e`, and where its mention
    /// ends: counted from the reference ("3 May of the previous year"), the reference's own
    /// ("July 25 of that year"), or the one the month falls in from the reference.
    fn year_of_day(&self, e: usize, r: Reference, mo: u8, sentence: usize) -> Option<(usize, i32)> {
        if let Some((end, year)) = self.year_counted_after(e, r) {
            return Some((end, year?));
        }
        if let Some(end) = self.that_year_after(e) {
            return Some((end, r.date.year));
        }
        Some((e, r.year_of_month(mo, sentence, self.narrative)?))
    }

    /// Is token `i` a year an OCR misread ("l993", "I993", "199O": the speeches' page
    /// headers, "8 October l993")? The day before it has its year, unreadable: no other.
    fn ocr_year(&self, i: usize) -> bool {
        let w = self.txt(i).as_bytes();
        w.len() == 4
            && w.iter().filter(|b| b.is_ascii_digit()).count() == 3
            && w.iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b'l' | b'I' | b'O' | b'o'))
    }

    /// Does the mention on tokens `i..e`, a day's or a month's written from a digit or a
    /// capital ("July 25 of that year", "April of that year"), end on a `that-year`?
    pub(super) fn ends_on_that_year(&self, i: usize, e: usize) -> bool {
        self.txt(i)
            .starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
            && (i + 1..e).any(|j| self.that_year_after(j) == Some(e))
    }

    /// Where "of that year", "of that same year", "of the same year" or
    /// "the same year" after a day or month at token `e` ends: the year is
    /// the one last named.
    fn that_year_after(&self, e: usize) -> Option<usize> {
        let j = if self.wis(e, "of") { e + 1 } else { e };
        let k = if self.wis(j, "that") || (self.wis(j, "the") && self.wis(j + 1, "same")) {
            j + 1
        } else {
            return None;
        };
        let k = if self.wis(k, "same") { k + 1 } else { k };
        (self.lexf(k) & YEAR_WORD != 0 && !self.txt(k).ends_with('s')).then_some(k + 1)
    }

    /// The year said after a day or month at token `e` by counting from the reference, as
    /// "the following year" alone is: "of the following year", "of the previous year". The
    /// end token and the year, `None` when the reference is a span of years to count from
    /// (the day or month then has no year either). "Of that year" is read by the callers as
    /// the reference's own year.
    fn year_counted_after(&self, e: usize, r: Reference) -> Option<(usize, Option<i32>)> {
        if !(self.wis(e, "of") && self.wis(e + 1, "the")) {
            return None;
        }
        let delta = match self.txt(e + 2).to_ascii_lowercase().as_str() {
            "following" | "next" | "subsequent" | "succeeding" => 1,
            "previous" | "preceding" | "prior" => -1,
            _ => return None,
        };
        let unit = e + 3;
        if self.lexf(unit) & YEAR_WORD == 0 || self.txt(unit).ends_with('s') {
            return None;
        }
        Some((unit + 1, r.single().map(|d| add_years(d.year, delta))))
    }

    /// The year-less or relative expression starting at token `i` of the
    /// document's sentence `sentence`, resolved against `r`: (end token, from,
    /// to, precision, part supplied, uses the document's date).
    pub(super) fn anchored_at(
        &self,
        i: usize,
        r: Reference,
        doc_date: Option<HistDate>,
        sentence: usize,
    ) -> Option<Found> {
        let t = *self.tok(i)?;
        let year = r.date.year;
        match t.k {
            Kind::Num | Kind::Ord => {
                // day-month: "7 August", "12th–14 July", "4 and 5 May"
                let (d1, mut j) = self.day_number(i)?;
                if i > 0 && (self.is_p(i - 1, '$') || self.is_p(i - 1, '£')) {
                    return None;
                }
                let mut d2 = d1;
                if (self.is_dash(j) || self.wis(j, "and") || self.wis(j, "to"))
                    && self.day_number(j + 1).is_some()
                {
                    d2 = self.day_number(j + 1)?.0;
                    j += 2;
                }
                if self.wis(j, "of") {
                    j += 1;
                }
                let (mo, e) = self.month_name(j)?;
                if self.num(e).is_some()
                    || self.is_p(e, '.') && self.num(e + 1).is_some()
                    || self.ocr_year(e)
                {
                    return None;
                }
                let (e, year) = self.year_of_day(e, r, mo, sentence)?;
                self.day_span(e, year, mo, d1, d2, 1)
            }
            Kind::Word => {
                let w = self.txt(i);
                // Month names are capitalized and start with one of these; the
                // check spares most words a lexicon lookup.
                let may_be_month = t.f & T_CAP != 0
                    && (3..=9).contains(&w.len())
                    && w.as_bytes()
                        .first()
                        .is_some_and(|b| b"JFMASOND".contains(b));
                let month = if may_be_month {
                    self.month_name(i)
                } else {
                    None
                };
                if month.is_none()
                    && !RELATIVE_STARTS
                        .iter()
                        .chain(COUNT_WORDS)
                        .any(|x| x.eq_ignore_ascii_case(w))
                {
                    return None;
                }
                if let Some((mo, j)) = month {
                    // month-day: "June 2", "May 4 and 5", "July 25 of that year"
                    // — but in "By 8 August 18 coal ships" the day came first.
                    if i > 0 && self.day_number(i - 1).is_some() {
                        return None;
                    }
                    let Some((d1, mut e)) = self.day_number(j) else {
                        // month-alone: "in August", "early June"
                        let prep = i > 0
                            && [
                                "in", "by", "during", "until", "till", "early", "late", "mid",
                                "since",
                            ]
                            .iter()
                            .any(|w| self.wis(i - 1, w))
                            // "by the end of April", "the beginning of May"
                            || i > 1
                                && self.wis(i - 1, "of")
                                && ["end", "beginning", "middle", "start"]
                                    .iter()
                                    .any(|w| self.wis(i - 2, w));
                        if !prep || self.num(j).is_some() {
                            return None;
                        }
                        let j = if self.is_p(j - 1, '.')
                            && matches!(self.txt(i), "May" | "June" | "July")
                        {
                            j - 1
                        } else {
                            j
                        };
                        // "In May this year", "in March last year": the
                        // document's own year, counted back.
                        if let Some(dd) = doc_date
                            && self.lexf(j + 1) & YEAR_WORD != 0
                            && !self.txt(j + 1).ends_with('s')
                        {
                            let delta = if self.wis(j, "this") {
                                Some(0)
                            } else if self.wis(j, "last") {
                                Some(-1)
                            } else {
                                None
                            };
                            if let Some(delta) = delta {
                                let d = HistDate::ym(add_years(dd.year, delta), mo);
                                return Some((j + 2, d, d, Precision::Month, 1, true));
                            }
                        }
                        // "from 1994 until January": the end of a span that opened in a
                        // year of the sentence falls after it, in a year not said.
                        if i > 0
                            && (self.wis(i - 1, "until") || self.wis(i - 1, "till"))
                            && r.date.month.is_none()
                            && r.at.is_some_and(|at| at.sentence == sentence)
                        {
                            return None;
                        }
                        // "February of the following year"
                        if let Some((end, y)) = self.year_counted_after(j, r) {
                            let d = HistDate::ym(y?, mo);
                            return Some((end, d, d, Precision::Month, 1, false));
                        }
                        // "in April of that year", "in November the same year"
                        if let Some(end) = self.that_year_after(j) {
                            let d = HistDate::ym(r.date.year, mo);
                            return Some((end, d, d, Precision::Month, 1, false));
                        }
                        let d = HistDate::ym(r.year_of_month(mo, sentence, self.narrative)?, mo);
                        return Some((j, d, d, Precision::Month, 1, false));
                    };
                    if self.kind(j) == Some(Kind::Num) && self.tok(j)?.nd > 2 {
                        return None;
                    }
                    let mut d2 = d1;
                    if (self.is_dash(e) || self.wis(e, "and"))
                        && self.day_number(e + 1).is_some()
                        && self.num(e + 2).is_none()
                    {
                        d2 = self.day_number(e + 1)?.0;
                        e += 2;
                    }
                    if self.num(e).is_some() || self.is_p(e, '%') {
                        return None;
                    }
                    let (e, year) = self.year_of_day(e, r, mo, sentence)?;
                    return self.day_span(e, year, mo, d1, d2, 1);
                }
                let lw = w.to_ascii_lowercase();
                match lw.as_str() {
                    "the"
                        if i > 0
                            && ["on", "by", "until", "till", "from", "of"]
                                .iter()
                                .any(|w| self.wis(i - 1, w))
                            && self.kind(i + 1) == Some(Kind::Ord) =>
                    {
                        // day-alone: "on the 5th", "the 28th of that month"
                        let (d, mut e) = self.day_number(i + 1)?;
                        let mo = r.single()?.month?;
                        if self.wis(e, "of") && self.wis(e + 1, "that") && self.wis(e + 2, "month")
                        {
                            e += 3;
                        } else if !(e >= self.k.len()
                            || self.kind(e) == Some(Kind::Punct)
                            // "and on the 5th the army retreated": a clause, where "the
                            // 5th floor", "the 5th Army" go on with a noun.
                            || CLAUSE_OPENERS.iter().any(|w| self.wis(e, w)))
                        {
                            return None;
                        }
                        // "of the 5th, 21st and 26th Armies": units, not days.
                        let next = if self.is_p(e, ',') { e + 1 } else { e };
                        if self.kind(next) == Some(Kind::Ord)
                            || (self.is_and_or(next) && self.kind(next + 1) == Some(Kind::Ord))
                        {
                            return None;
                        }
                        self.day_span(e, year, mo, d, d, 2)
                    }
                    "that" | "the" | "following" | "next" | "previous" | "preceding"
                    | "subsequent" | "succeeding" | "same" => self.relative(i, r, sentence),
                    "last" | "this" => {
                        let dd = doc_date?;
                        let (delta, unit) = (if lw == "last" { -1 } else { 0 }, i + 1);
                        if self.lexf(unit) & YEAR_WORD != 0 && !self.txt(unit).ends_with('s') {
                            let y = dd.year + delta;
                            let d = HistDate::y(y);
                            return Some((unit + 1, d, d, Precision::Year, 3, true));
                        }
                        if self.wis(unit, "month") {
                            let mo = dd.month?;
                            let (y, m) = shift_month(dd.year, mo, delta);
                            let d = HistDate::ym(y, m);
                            return Some((unit + 1, d, d, Precision::Month, 3, true));
                        }
                        None
                    }
                    _ => {
                        // "a year later", "two years earlier"
                        r.single()?;
                        // "ten, fifteen, and twenty years earlier": a list of
                        // spans from something unsaid.
                        if i > 0
                            && (self.is_and_or(i - 1)
                                || (self.is_p(i - 1, ',')
                                    && i > 1
                                    && self.count_at(i - 2).is_some()))
                        {
                            return None;
                        }
                        let n = self.count_at(i)? as i32;
                        let u = i + 1;
                        let ut = self.txt(u).to_ascii_lowercase();
                        let later = self.wis(u + 1, "later") || self.wis(u + 1, "after");
                        let earlier = self.wis(u + 1, "earlier") || self.wis(u + 1, "before");
                        if !(later || earlier) {
                            return None;
                        }
                        // "two years after the war" is not relative to the reference.
                        if !(self.wis(u + 1, "later")
                            || self.wis(u + 1, "earlier")
                            || u + 2 >= self.k.len()
                            || self.kind(u + 2) == Some(Kind::Punct))
                        {
                            return None;
                        }
                        let sign = if later { 1 } else { -1 };
                        if ut.strip_suffix('s').unwrap_or(&ut) == crate::vocab::time::YEAR_WORD {
                            let y = add_years(year, sign * n);
                            let d = HistDate::y(y);
                            return Some((u + 2, d, d, Precision::Year, 3, false));
                        }
                        if ut == "day" || ut == "days" {
                            let day = r.date.day?;
                            let d = shift_days(r.date.year, r.date.month?, day, sign * n)?;
                            return Some((u + 2, d, d, Precision::Day, 3, false));
                        }
                        // "two months later": from a reference month only
                        if ut == "month" || ut == "months" {
                            let (y, m) = shift_month(r.date.year, r.date.month?, sign * n);
                            let d = HistDate::ym(y, m);
                            return Some((u + 2, d, d, Precision::Month, 3, false));
                        }
                        None
                    }
                }
            }
            Kind::Punct if self.is_apos(i) => {
                // apostrophe-year: "the spring of '18"
                let tk = self.tok(i + 1)?;
                if tk.k != Kind::Num || tk.nd != 2 || !self.adj(i, i + 1) {
                    return None;
                }
                if i > 0 && self.adj(i - 1, i) && self.kind(i - 1) != Some(Kind::Punct) {
                    return None;
                }
                if year <= 0 {
                    return None;
                }
                let y = year - year.rem_euclid(100) + tk.v as i32;
                let d = HistDate::y(y);
                Some((i + 2, d, d, Precision::Year, 1, false))
            }
            _ => None,
        }
    }

    /// Do only list or range words stand between token `e` and byte `next`
    /// ("July and August, 1944", "from early April until mid-June 1945")?
    pub(super) fn joins_list(&self, e: usize, next: usize) -> bool {
        let mut j = e;
        let mut n = 0;
        while let Some(t) = self.tok(j) {
            if t.s as usize >= next {
                return n > 0;
            }
            let joins = self.is_p(j, ',')
                || self.is_dash(j)
                || self.is_p(j, '&')
                || ["and", "or", "to", "until", "till", "through"]
                    .iter()
                    .any(|w| self.wis(j, w));
            if !joins || n >= 3 {
                return false;
            }
            j += 1;
            n += 1;
        }
        false
    }

    /// Is the expression found at token `i` a day of every year ("every 8
    /// January") or one whose year is counted from the moment of writing
    /// ("in July last year", "on 28 September of last year", "16 September
    /// last"), which the narrative's reference does not give?
    pub(super) fn deictic_or_generic(&self, i: usize, f: &Found) -> bool {
        if f.5 {
            return false;
        }
        if i > 0 && (self.wis(i - 1, "every") || self.wis(i - 1, "each")) {
            return true;
        }
        let j = if self.wis(f.0, "of") { f.0 + 1 } else { f.0 };
        ["this", "last", "next", "past", "current"]
            .iter()
            .any(|w| self.wis(j, w))
    }

    /// Does the weekday written before the day at token `i` ("Friday, July
    /// 3", "on Wednesday 20 September"), if any, fall on `date`? Only
    /// checked in the Gregorian calendar's years.
    pub(super) fn weekday_agrees(&self, i: usize, date: HistDate) -> bool {
        let w = if i > 1 && self.is_p(i - 1, ',') {
            i - 2
        } else if i > 0 {
            i - 1
        } else {
            return true;
        };
        let Some(named) = WEEKDAYS.iter().position(|d| self.wis(w, d)) else {
            return true;
        };
        let (Some(m), Some(d)) = (date.month, date.day) else {
            return true;
        };
        if date.year < 1583 {
            return true;
        }
        // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
        let actual = (crate::vocab::time::day_number(date.year, m, d) + 3).rem_euclid(7);
        actual == named as i64
    }

    fn day_span(&self, e: usize, year: i32, mo: u8, d1: u8, d2: u8, sup: u8) -> Option<Found> {
        // "on 11 May." ends the sentence: the stop is not an abbreviation's.
        let e =
            if e > 1 && self.is_p(e - 1, '.') && matches!(self.txt(e - 2), "May" | "June" | "July")
            {
                e - 1
            } else {
                e
            };
        let last = days_in_month(year, mo);
        if d1 > last || d2 > last || d2 < d1 {
            return None;
        }
        Some((
            e,
            HistDate::ymd(year, mo, d1),
            HistDate::ymd(year, mo, d2),
            Precision::Day,
            sup,
            false,
        ))
    }

    /// "the following year", "that year", "the next spring", "the same month",
    /// "the next day"; in sentence `sentence`.
    fn relative(&self, i: usize, r: Reference, sentence: usize) -> Option<Found> {
        r.single()?;
        // "By the end of the year", "that July" speak of the narrative's year only
        // right after a date with its month ("In late October … By the end of the
        // year"); in a speech they are the year of speaking, which a text without
        // a date of its own does not give.
        let just_dated = r.date.month.is_some()
            && r.at
                .is_some_and(|a| !a.heading && sentence.saturating_sub(a.sentence) <= 1);
        let mut j = i;
        let first = self.txt(i).to_ascii_lowercase();
        let delta: i32 = if first == "that" {
            j += 1;
            // "that same day"
            if self.txt(j).eq_ignore_ascii_case("same") {
                j += 1;
            }
            0
        } else {
            if first == "the" {
                j += 1;
            }
            let w = self.txt(j).to_ascii_lowercase();
            // "by the end of the year", "the rest of the month": the
            // reference's own, the part said before it.
            let part_of = first == "the"
                && (w == crate::vocab::time::YEAR_WORD || w == crate::vocab::time::MONTH_WORD)
                && i >= 2
                && self.txt(i - 1).eq_ignore_ascii_case("of")
                && matches!(
                    self.txt(i - 2).to_ascii_lowercase().as_str(),
                    "end" | "beginning" | "start" | "middle" | "rest" | "remainder" | "close"
                )
                && just_dated
                && !self.t.split(|c: char| !c.is_alphanumeric()).any(|w| {
                    w == "I" || PRESENT_MARKERS.contains(&w.to_ascii_lowercase().as_str())
                });
            let d = match w.as_str() {
                "following" | "next" | "subsequent" | "succeeding" => 1,
                "previous" | "preceding" => -1,
                "same" => 0,
                _ if part_of => 0,
                _ => return None,
            };
            // "the next year" but not "next year" (news-style, needs a doc date).
            if first != "the" {
                return None;
            }
            if !part_of {
                j += 1;
            }
            d
        };
        // "that July": the reference's year.
        if first == "that"
            && just_dated
            && let Some((mo, end)) = self.month_name(j)
            && self.kind(end) != Some(Kind::Num)
        {
            let d = HistDate::ym(r.date.year, mo);
            return Some((end, d, d, Precision::Month, 3, false));
        }
        let unit = self.txt(j).to_ascii_lowercase();
        // "that year's harvest" is still that year; "the following years" is not one.
        let end = j + 1;
        if self.kind(end) == Some(Kind::Num) {
            return None;
        }
        match unit.as_str() {
            crate::vocab::time::YEAR_WORD => {
                let d = HistDate::y(add_years(r.date.year, delta));
                Some((end, d, d, Precision::Year, 3, false))
            }
            // "the next spring"; "that summer" is the reference's own
            // ("that fall" may be a fall from power).
            s if SEASONS.contains(&s) && (delta != 0 || (first == "that" && s != "fall")) => {
                let d = HistDate::y(add_years(r.date.year, delta));
                Some((end, d, d, Precision::Year, 3, false))
            }
            "month" => {
                let mo = r.date.month?;
                let (y, m) = shift_month(r.date.year, mo, delta);
                let d = HistDate::ym(y, m);
                Some((end, d, d, Precision::Month, 3, false))
            }
            "day" | "morning" | "evening" | "night" => {
                let day = r.date.day?;
                let d = shift_days(r.date.year, r.date.month?, day, delta)?;
                Some((end, d, d, Precision::Day, 3, false))
            }
            _ => None,
        }
    }
}

pub(super) fn add_years(y: i32, n: i32) -> i32 {
    let z = y + n;
    // No year 0: 1 BC is followed by AD 1.
    if y < 0 && z >= 0 {
        z + 1
    } else if y > 0 && z <= 0 {
        z - 1
    } else {
        z
    }
}

fn shift_month(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let idx = i32::from(m) - 1 + delta;
    let (dy, m0) = (idx.div_euclid(12), idx.rem_euclid(12));
    (add_years(y, dy), (m0 + 1) as u8)
}

fn shift_days(y: i32, m: u8, d: u8, delta: i32) -> Option<HistDate> {
    if delta.abs() > 366 {
        return None;
    }
    let (mut y, mut m, mut d) = (y, m, i32::from(d) + delta);
    while d < 1 {
        let (py, pm) = shift_month(y, m, -1);
        y = py;
        m = pm;
        d += i32::from(days_in_month(y, m));
    }
    while d > i32::from(days_in_month(y, m)) {
        d -= i32::from(days_in_month(y, m));
        let (ny, nm) = shift_month(y, m, 1);
        y = ny;
        m = nm;
    }
    Some(HistDate::ymd(y, m, d as u8))
}
