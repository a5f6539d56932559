//! The document-level pass: year-less and relative expressions resolved
//! against a reference date, as narrative temporal taggers do.
//!
//! While reading a document in order, the pass keeps a reference: the last
//! single date of year precision or finer (with its month and day when it has
//! them), from an explicit mention or from one this pass resolved. A
//! document's own date (`doc_date`) is the reference before any and the only
//! one for news-style words ("last year", "this month"). The reference is
//! dropped at a section whose heading names a date, after a range spanning
//! several years (which year would "the following year" follow?), and is
//! never taken from a date inside quotation marks.
//!
//! ```text
//! anchored  := day-month | month-day | day-alone | month-alone
//!            | relative-year | relative-month | relative-day | apostrophe-year
//! day-month := day ((conn | "and") day)? "of"? month ("of" "that" 'year')?
//! month-day := month day ((conn | "and") day)? ("of" "that" 'year')?
//! day-alone := ("on"|"by"|"until"|"till"|"from") "the" ordinal ("of" "that" "month")?
//!              (needs a reference month; then punctuation or the end)
//! month-alone := ("in"|"by"|"during"|"until"|"till"|"early"|"late"|"mid"
//!                 | ("end"|"beginning"|"middle"|"start") "of") "-"? month
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
//! Nothing is guessed without a reference: "On Saturday the coach resigned"
//! in a document without dates yields nothing.

use super::*;
use crate::vocab::time::days_in_month;

/// Where an anchored mention's reference came from: the sentence (its
/// index in the document) and the byte span of the date in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnchorRef {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// The part of the value the reference supplied: 1 the year, 2 the
    /// month and year, 3 everything (a relative expression).
    pub supplied: u8,
    /// The date is in the heading of the sentence's section, not in the
    /// sentence: the span is in the section's title.
    pub heading: bool,
}

impl AnchorRef {
    /// An explicit mention `x` of sentence `k`, as what others are resolved from.
    fn explicit(k: usize, x: &DateMention) -> Self {
        AnchorRef {
            sentence: k,
            start: x.start,
            end: x.end,
            supplied: 0,
            heading: false,
        }
    }
}

/// One sentence of a document as the pass reads it.
#[derive(Debug, Clone, Copy)]
pub struct DocSentence<'a> {
    pub text: &'a str,
    /// The title of the section the sentence is under.
    pub section: Option<&'a str>,
}

#[derive(Clone, Copy)]
struct Reference {
    date: HistDate,
    /// The end of a reference that is a range over several years, both ends
    /// with their month ("October 1899 – January 1900"): a month then
    /// resolves only to the one year in which the range holds it.
    until: Option<HistDate>,
    /// None for the document's own date (`supplied` unset until used).
    at: Option<AnchorRef>,
}

impl Reference {
    fn own(date: HistDate) -> Self {
        Reference {
            date,
            until: None,
            at: None,
        }
    }

    /// The year a year-less month `mo` falls in.
    fn year_of_month(&self, mo: u8) -> Option<i32> {
        let Some(until) = self.until else {
            // A narrative goes forward over the new year: "10 to 17 December"
            // 1899, then "on 10 January" is 1900's. Months before the
            // reference's by more than a season, and not a season after it
            // either, may be either year's ("December 13 … By May 3"): no guess.
            if self.at.is_some()
                && let Some(m) = self.date.month
                && mo + 3 < m
            {
                return (mo + 12 - m <= 3).then(|| add_years(self.date.year, 1));
            }
            return Some(self.date.year);
        };
        let key = |y: i32, m: u8| i64::from(y) * 12 + i64::from(m);
        let (lo, hi) = (
            key(self.date.year, self.date.month?),
            key(until.year, until.month?),
        );
        let mut fits = (self.date.year..=until.year).filter(|&y| (lo..=hi).contains(&key(y, mo)));
        let y = fits.next()?;
        fits.next().is_none().then_some(y)
    }

    /// The reference as a single date, for what counts from it ("the
    /// following year", "the 5th").
    fn single(&self) -> Option<HistDate> {
        self.until.is_none().then_some(self.date)
    }
}

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

fn is_quoted(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("");
    before
        .chars()
        .filter(|&c| c == '"' || c == '“' || c == '”')
        .count()
        % 2
        == 1
}

/// What every anchored expression holds: a month's name, a unit of
/// relative time, or else a digit (a day, an apostrophe year).
static ANCHOR_CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let mut cues: Vec<String> = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .map(|m| m.to_string())
    .collect();
    for unit in [
        crate::vocab::time::YEAR_WORD,
        "month",
        "day",
        "morning",
        "evening",
        "night",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ] {
        cues.push(unit.to_string());
        let mut cap = unit.to_string();
        cap[..1].make_ascii_uppercase();
        cues.push(cap);
    }
    aho_corasick::AhoCorasick::new(&cues).expect("fixed cue patterns build")
});

/// Words that open a clause after a day alone ("on the 5th the army
/// retreated"): a determiner or a pronoun, never the noun of "the 5th floor".
const CLAUSE_OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "this",
    "these", "those", "both",
];

/// May `text` hold an expression the pass resolves? A cheap test before
/// tokenizing: most sentences hold none.
fn may_anchor(text: &str) -> bool {
    has_ascii_digit(text.as_bytes()) || ANCHOR_CUES.is_match(text)
}

/// Resolves the year-less and relative expressions of a document's
/// sentences against the running reference and adds them to `found` (one
/// entry per sentence, as `extract_dates` returned them), with their year,
/// decade and century facets. Never panics; spans stay on char boundaries.
pub fn anchor_document(
    sentences: &[DocSentence<'_>],
    doc_date: Option<HistDate>,
    found: &mut [TimeAnnotations],
) {
    let mut reference: Option<Reference> = doc_date.map(Reference::own);
    let mut section: Option<&str> = None;
    let mut toks = Vec::new();
    let mut support = YearSupport::of(sentences, found);
    // The last reference in a year the document tells of: the narrative to
    // come back to after a digression.
    let mut carried: Option<Reference> = None;
    for (k, (sent, ann)) in sentences.iter().zip(found.iter_mut()).enumerate() {
        if (k == 0 || sent.section != section)
            && let Some(title) = sent.section
        {
            // A heading that names a date starts the narrative over at it:
            // "Battle of Inchon (September 1950)" dates the section's "On 6 July".
            let dated = extract_dates(title);
            if !dated.mentions.is_empty() {
                reference = doc_date.map(Reference::own);
                carried = None;
                for x in &dated.mentions {
                    update(&mut reference, x, (k, true), title, doc_date);
                }
            }
        }
        // The lead before a document's first heading sums up the whole
        // story, its end included: the body starts over.
        if k > 0 && section.is_none() && sent.section.is_some() {
            let dated = sent
                .section
                .is_some_and(|t| !extract_dates(t).mentions.is_empty());
            if !dated {
                reference = doc_date.map(Reference::own);
                carried = None;
            }
        }
        section = sent.section;
        if ann.mentions.is_empty() && (reference.is_none() || !may_anchor(sent.text)) {
            continue;
        }
        toks.clear();
        tokenize(sent.text, &mut toks);
        skip_style_notes(sent.text, &mut toks);
        let p = Parser {
            t: sent.text,
            k: &toks,
            out: Vec::new(),
            floor: 0,
            rej: Vec::new(),
            has_cent: false,
        };
        let mut added: Vec<DateMention> = Vec::new();
        // The last explicit date of this sentence so far: nearer than the
        // narrative's ("in 1461, and released him eight years later").
        let mut here: Option<Reference> = None;
        // What `here` was before its date, and where that date ends: "in May
        // 1863, one year earlier" says when May 1863 was, from before it.
        let (mut before_here, mut here_end) = (None, 0);
        let mut m = 0; // next explicit mention
        let mut i = 0;
        while i < toks.len() {
            let pos = toks[i].s as usize;
            // Explicit mentions before this token move the reference.
            while m < ann.mentions.len() && ann.mentions[m].start <= pos {
                let x = &ann.mentions[m];
                if x.end > pos {
                    break;
                }
                update(&mut reference, x, (k, false), sent.text, doc_date);
                if let Some(r) = same_sentence_reference(x, k, sent.text) {
                    (before_here, here_end) = (here, x.end);
                    here = Some(r);
                }
                m += 1;
            }
            if m < ann.mentions.len() && ann.mentions[m].start <= pos {
                // Inside an explicit mention: skip past it.
                let end = ann.mentions[m].end;
                while i < toks.len() && (toks[i].s as usize) < end {
                    i += 1;
                }
                continue;
            }
            if let Some(r) = reference
                && r.until.is_none()
                && r.at.is_some()
                && support.carries(r.date.year)
            {
                carried = Some(r);
            }
            // "in July and August, 1944", "12 and 14 March 1945": the year
            // the list ends with is the year of its first items.
            let list_end = ann.mentions.get(m).filter(|x| {
                x.precision <= Precision::Month
                    && x.anchor.is_none()
                    && x.calendar.is_none()
                    && x.from.is_some()
            });
            let appositive = here.is_some()
                && sent
                    .text
                    .get(here_end..pos)
                    .is_some_and(|between| between.trim() == ",");
            let nearest = if appositive { before_here } else { here };
            let Some(r) = nearest
                .or(reference)
                .or(list_end.and_then(|x| Some(Reference::own(HistDate::y(x.from?.year)))))
            else {
                i += 1;
                continue;
            };
            let mut found = p
                .anchored_at(i, r, doc_date, k)
                .filter(|f| !p.deictic_or_generic(i, f))
                .map(|f| (f, r));
            let mut in_list = false;
            if let (Some((f, _)), Some(x)) = (found, list_end)
                && f.4 == 1
                && p.joins_list(f.0, x.start)
                && let Some(from) = x.from
            {
                let own = Reference {
                    date: HistDate::y(from.year),
                    until: None,
                    at: Some(AnchorRef::explicit(k, x)),
                };
                found = p.anchored_at(i, own, doc_date, k).map(|f| (f, own));
                in_list = true;
            } else if nearest.is_none() && reference.is_none() {
                found = None;
            }
            // "Twelve years later, in 1842": the date that follows says it.
            if let Some(((e, _, _, _, 3, _), _)) = found
                && restated(sent.text, toks[e - 1].e as usize, &ann.mentions[m..])
            {
                found = None;
            }
            // A year the document hardly speaks of is a digression ("In
            // 2007, Sheldon wrote …", "In 1886 Jones returned to mark the
            // spot"): the narrative's days take the year it came from.
            if let Some(((_, from, _, _, supplied, news), r)) = found
                && supplied < 3
                // "On 8 May 1989 …, which was confirmed on 6 December": a
                // date the sentence itself gives is no digression (a bare
                // year may be: "declassified in 2005, revealed that there
                // was no attack on 4 August").
                // Nor is a day or month given a sentence or two before
                // ("11 October 1899. … From 10 to 17 December"): a war told
                // year by year names each year once.
                && (r.date.month.is_none()
                    || r.at.is_none_or(|a| a.heading || k.saturating_sub(a.sentence) > 2))
                && !news
                && !in_list
                && !p.is_apos(i)
                && !support.carries(from.year)
            {
                found = carried
                    .filter(|c| c.date.year != from.year)
                    .and_then(|c| p.anchored_at(i, c, doc_date, k).map(|f| (f, c)))
                    .filter(|((_, f, ..), _)| support.carries(f.year));
            }
            // "Monday, 18 September": the weekday must be the date's.
            if let Some(((_, from, to, Precision::Day, ..), _)) = found
                && from == to
                && !p.weekday_agrees(i, from)
            {
                found = None;
            }
            match found {
                Some(((e, from, to, prec, supplied, news), r)) => {
                    let base = if news {
                        doc_date.map(Reference::own).unwrap_or(r)
                    } else {
                        r
                    };
                    let dm = DateMention {
                        start: toks[i].s as usize,
                        end: toks[e - 1].e as usize,
                        from: Some(from),
                        to: Some(to),
                        precision: prec,
                        calendar: None,
                        anchor: Some(match base.at {
                            Some(at) => AnchorRef { supplied, ..at },
                            None => AnchorRef {
                                sentence: usize::MAX,
                                start: 0,
                                end: 0,
                                supplied,
                                heading: false,
                            },
                        }),
                        modifier: None,
                    };
                    if supplied == 3
                        && prec == Precision::Year
                        && opens_sentence(sent.text, dm.start)
                    {
                        support.reached.push(from.year);
                    }
                    // "The following year, …" moves the narrative; "postponed
                    // until the following year" is a plan told in passing.
                    if supplied < 3 || opens_sentence(sent.text, dm.start) {
                        update(&mut reference, &dm, (k, false), sent.text, doc_date);
                    }
                    added.push(dm);
                    i = e;
                }
                None => i += 1,
            }
        }
        while m < ann.mentions.len() {
            update(
                &mut reference,
                &ann.mentions[m],
                (k, false),
                sent.text,
                doc_date,
            );
            m += 1;
        }
        if !added.is_empty() {
            apply_modifiers(sent.text, &mut added);
            for a in &added {
                cover(
                    a.from,
                    a.to,
                    a.precision,
                    &mut ann.years,
                    &mut ann.decades,
                    &mut ann.centuries,
                );
            }
            for v in [&mut ann.years, &mut ann.decades, &mut ann.centuries] {
                v.sort_unstable();
                v.dedup();
            }
            ann.mentions.extend(added);
            ann.mentions.sort_by_key(|x| (x.start, x.end));
        }
    }
}

/// How often the document's explicit dates name each year: an anchored date
/// takes only a year the document tells of more than in passing.
struct YearSupport {
    /// (year, explicit mentions that name it), sorted by year.
    counts: Vec<(i32, u32)>,
    mentions: u32,
    /// How often the commonest year is named.
    most: u32,
    /// Years a relative expression moved the narrative to ("the following
    /// year").
    reached: Vec<i32>,
}

impl YearSupport {
    fn of(sentences: &[DocSentence<'_>], found: &[TimeAnnotations]) -> Self {
        let mut years: Vec<i32> = Vec::new();
        let mut mentions = 0;
        let mut count = |x: &DateMention| {
            if x.calendar.is_some() || x.precision > Precision::Year {
                return;
            }
            if let (Some(f), Some(t)) = (x.from, x.to)
                && t.year >= f.year
                && t.year - f.year <= 10
            {
                mentions += 1;
                years.extend((f.year..=t.year).filter(|&y| y != 0));
            }
        };
        found.iter().flat_map(|a| &a.mentions).for_each(&mut count);
        let mut last = None;
        for s in sentences {
            if s.section != last
                && let Some(title) = s.section
            {
                extract_dates(title).mentions.iter().for_each(&mut count);
            }
            last = s.section;
        }
        years.sort_unstable();
        let mut counts: Vec<(i32, u32)> = Vec::new();
        for y in years {
            match counts.last_mut() {
                Some((z, n)) if *z == y => *n += 1,
                _ => counts.push((y, 1)),
            }
        }
        let most = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
        YearSupport {
            counts,
            mentions,
            most,
            reached: Vec::new(),
        }
    }

    /// Is `year` named twice, in one explicit date in twenty and a third as
    /// often as the year named most (or once, in a document of three dates or
    /// fewer)?
    fn carries(&self, year: i32) -> bool {
        if self.reached.contains(&year) {
            return true;
        }
        let n = self
            .counts
            .binary_search_by_key(&year, |&(y, _)| y)
            .map_or(0, |i| self.counts[i].1);
        (n >= 2 || self.mentions <= 3) && n * 20 >= self.mentions && n * 3 >= self.most
    }
}

/// Moves the reference to mention `x` of sentence `k` (or of its section's
/// heading) when it is a Gregorian date of year precision or finer outside
/// quotation marks that carries the narrative: not a year used as an
/// adjective ("his 1862 defeat"), not an earlier year told in passing ("the
/// forts had been disarmed in 1914"; one that opens the sentence, "In 1913,",
/// moves it). A range over several years becomes a range reference when
/// both ends have their month, is passed over when it only frames the
/// reference ("the war of 1914–1918" in 1916), and drops it otherwise.
fn update(
    reference: &mut Option<Reference>,
    x: &DateMention,
    (k, heading): (usize, bool),
    text: &str,
    doc_date: Option<HistDate>,
) {
    if x.calendar.is_some() || x.precision > Precision::Year || is_quoted(text, x.start) {
        return;
    }
    // "until 1946, the same year": an open range's one end is a moment.
    let (Some(f), Some(t)) = (x.from.or(x.to), x.to.or(x.from)) else {
        return;
    };
    let explicit = x.anchor.is_none();
    if !heading {
        if explicit && x.precision == Precision::Year && !is_adverbial(text, x.start) {
            return;
        }
        // "… in May 1863, one year earlier": a step back told in passing,
        // resolved or not, leaves the narrative where it was.
        let opens = opens_sentence(text, x.start);
        if let Some(r) = reference.as_ref()
            && !opens
            && (t.year < r.date.year
                || (f.year != t.year && (f.year..=t.year).contains(&r.date.year)))
        {
            return;
        }
    }
    let at = match x.anchor {
        // A resolved mention points on to its own source, so a chain of
        // relative expressions names the explicit date it rests on.
        Some(a) if a.sentence == usize::MAX => None,
        _ => Some(AnchorRef {
            heading,
            ..AnchorRef::explicit(k, x)
        }),
    };
    if f.year != t.year {
        *reference = if f.month.is_some() && t.month.is_some() {
            Some(Reference {
                date: f.truncate(Precision::Month),
                until: Some(t.truncate(Precision::Month)),
                at,
            })
        } else {
            doc_date.map(Reference::own)
        };
        return;
    }
    *reference = Some(Reference {
        date: within_one_year(f, t),
        until: None,
        at,
    });
}

/// An explicit date of the sentence as the reference for what follows it
/// in the same sentence: a single Gregorian date of year precision or
/// finer, outside quotation marks, a bare year only as a time adverbial.
fn same_sentence_reference(x: &DateMention, k: usize, text: &str) -> Option<Reference> {
    if x.anchor.is_some()
        || x.calendar.is_some()
        || x.precision > Precision::Year
        || is_quoted(text, x.start)
        || (x.precision == Precision::Year && !is_adverbial(text, x.start))
    {
        return None;
    }
    let (f, t) = (x.from?, x.to?);
    if f.year != t.year {
        return None;
    }
    Some(Reference {
        date: within_one_year(f, t),
        until: None,
        at: Some(AnchorRef::explicit(k, x)),
    })
}

/// A span within one year as one date: the day, the month or the year both ends share.
fn within_one_year(f: HistDate, t: HistDate) -> HistDate {
    if f == t {
        f
    } else if f.month == t.month {
        f.truncate(Precision::Month)
    } else {
        HistDate::y(f.year)
    }
}

/// Does an explicit date follow at once, after a comma and "in" or "on"
/// ("Twelve years later, in 1842")?
fn restated(text: &str, end: usize, next: &[DateMention]) -> bool {
    let Some(x) = next
        .first()
        .filter(|x| x.anchor.is_none() && x.start >= end)
    else {
        return false;
    };
    let between = text.get(end..x.start).unwrap_or("x").trim();
    let between = between.strip_prefix(',').unwrap_or(between).trim();
    ["", "in", "on"]
        .iter()
        .any(|w| between.eq_ignore_ascii_case(w))
}

/// Words after which a year is a time adverbial: "in 1914", "by 1863",
/// "the year 1066".
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "by",
    "during",
    "until",
    "till",
    "from",
    "of",
    "after",
    "before",
    "since",
    "around",
    "about",
    "circa",
    "ca",
    "through",
    "throughout",
    "to",
    "between",
    "and",
    "or",
    "into",
    "at",
    crate::vocab::time::YEAR_WORD,
    "then",
];

/// Is the year at `start` a time adverbial, after a preposition, a comma or
/// a bracket or at the start of the sentence? Elsewhere it is an adjective
/// or a name ("Burnside's 1862 defeat", "the 1967 war", "their 2005 work")
/// and says nothing of when the narrative is.
fn is_adverbial(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    if "(,;:[–—-".contains(last) {
        return true;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    YEAR_PREPOSITIONS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Does the date at `start` open its sentence, as a frame for what
/// follows ("In 1913,", "However, in late 1914")? At most four words
/// before it.
fn opens_sentence(text: &str, start: usize) -> bool {
    text.get(..start)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .count()
        <= 4
}

type Found = (usize, HistDate, HistDate, Precision, u8, bool);

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

    /// The year-less or relative expression starting at token `i` of the
    /// document's sentence `sentence`, resolved against `r`: (end token, from,
    /// to, precision, part supplied, uses the document's date).
    fn anchored_at(
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
                let (mo, mut e) = self.month_name(j)?;
                if self.num(e).is_some() || self.is_p(e, '.') && self.num(e + 1).is_some() {
                    return None;
                }
                if self.wis(e, "of") && self.wis(e + 1, "that") && self.lexf(e + 2) & YEAR_WORD != 0
                {
                    e += 3;
                }
                self.day_span(e, r.year_of_month(mo)?, mo, d1, d2, 1)
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
                        let d = HistDate::ym(r.year_of_month(mo)?, mo);
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
                    if self.wis(e, "of")
                        && self.wis(e + 1, "that")
                        && self.lexf(e + 2) & YEAR_WORD != 0
                    {
                        e += 3;
                    }
                    return self.day_span(e, r.year_of_month(mo)?, mo, d1, d2, 1);
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
    fn joins_list(&self, e: usize, next: usize) -> bool {
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
    fn deictic_or_generic(&self, i: usize, f: &Found) -> bool {
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
    fn weekday_agrees(&self, i: usize, date: HistDate) -> bool {
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
                && matches!(w.as_str(), "year" | "month")
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

fn add_years(y: i32, n: i32) -> i32 {
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
