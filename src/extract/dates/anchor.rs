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
//! never taken from a date inside quotation marks. A document told as a
//! story (not in the first person, without a date of its own) may go back
//! in time and come back: its look backs are read as such; a speech talks
//! from its present.
//!
//! The expressions it reads and what they mean are in `anchored.rs`.
//!
//! Nothing is guessed without a reference: "On Saturday the coach resigned"
//! in a document without dates yields nothing.

use super::anchored::{Found, add_years};
use super::*;

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
pub(super) struct Reference {
    pub(super) date: HistDate,
    /// The end of a reference that is a range over several years, both ends
    /// with their month ("October 1899 – January 1900"): a month then
    /// resolves only to the one year in which the range holds it.
    pub(super) until: Option<HistDate>,
    /// None for the document's own date (`supplied` unset until used).
    pub(super) at: Option<AnchorRef>,
}

impl Reference {
    fn own(date: HistDate) -> Self {
        Reference {
            date,
            until: None,
            at: None,
        }
    }

    /// The year a year-less month `mo` of sentence `sentence` falls in, in
    /// a document told as a story (`narrative`) or from its present.
    pub(super) fn year_of_month(&self, mo: u8, sentence: usize, narrative: bool) -> Option<i32> {
        let Some(until) = self.until else {
            if let Some(at) = self.at
                && let Some(m) = self.date.month
            {
                // A narrative goes forward over the new year: "10 to 17
                // December" 1899, then "on 10 January" is 1900's. Months
                // before the reference's by more than a season, and not a
                // season after it either, may be either year's ("December
                // 13 … By May 3"): no guess.
                if mo + 3 < m {
                    return (mo + 12 - m <= 3).then(|| add_years(self.date.year, 1));
                }
                // A month most of a year after the reference's is as often
                // the one a season before it, told after a look ahead
                // ("late January 1940. … on 16 December", 1939's): no
                // guess, unless the reference's own sentence runs on to it
                // ("from January 1940 to December"). A speech's months
                // ahead are its own year's ("We will sign this treaty in
                // December").
                if narrative && mo > m + 8 && at.sentence != sentence {
                    return None;
                }
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
    pub(super) fn single(&self) -> Option<HistDate> {
        self.until.is_none().then_some(self.date)
    }
}

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
    // Where a story told in order comes back to after a look ahead; a
    // dated document or a speech is told from its own present instead.
    let narrative = doc_date.is_none() && !speaks_in_first_person(sentences);
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
                    update(&mut reference, x, (k, true, false), title, doc_date);
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
            narrative,
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
                let first = narrative && m == 0 && added.is_empty();
                update(&mut reference, x, (k, false, first), sent.text, doc_date);
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
            // "its 2010 merger …; approval was granted in October of that
            // year": a day's or month's "that year" is the year last named,
            // however it was used ("his 1862 defeat and his poor
            // performance earlier that year" is the narrative's).
            let anaphoric = found.is_some_and(|((e, ..), _)| p.ends_on_that_year(i, e));
            if anaphoric
                && let Some(x) = ann.mentions[..m].iter().rev().find(|x| {
                    x.anchor.is_none()
                        && x.calendar.is_none()
                        && x.precision <= Precision::Year
                        && x.from.zip(x.to).is_some_and(|(f, t)| f.year == t.year)
                })
                && let Some(from) = x.from
                && from.year != r.date.year
            {
                let named = Reference {
                    date: HistDate::y(from.year),
                    until: None,
                    at: Some(AnchorRef::explicit(k, x)),
                };
                found = p.anchored_at(i, named, doc_date, k).map(|f| (f, named));
            }
            // "a feast day of 26 October", "the average low in July": a
            // habit's days and months are any year's.
            if let Some(((_, _, _, _, supplied, _), _)) = found
                && supplied < 3
                && is_habitual(sent.text, pos)
            {
                found = None;
            }
            let listed = list_end.and_then(|x| {
                let own = Reference {
                    date: HistDate::y(x.from?.year),
                    until: None,
                    at: Some(AnchorRef::explicit(k, x)),
                };
                p.anchored_at(i, own, doc_date, k)
                    .filter(|f| f.4 == 1 && p.joins_list(f.0, x.start))
                    .map(|f| (f, own))
            });
            let in_list = listed.is_some();
            if in_list {
                found = listed;
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
                // A sentence that opens on its year ("In 1949, Israel
                // signed … on 24 February") frames its own days.
                && !(nearest.is_some_and(|h| h.at == r.at)
                    && r.at.is_some_and(|a| {
                        a.sentence == k && !a.heading && frames_sentence(sent.text, a.start)
                    }))
                && !news
                && !in_list
                && !p.is_apos(i)
                && !support.carries(from.year)
            {
                let far_or_bare = r.date.month.is_none()
                    || r.at
                        .is_none_or(|a| a.heading || k.saturating_sub(a.sentence) > 2);
                if far_or_bare || told_in_passing(sentences, k, r, carried) {
                    let narrative = carried
                        .filter(|c| c.date.year != from.year)
                        .and_then(|c| p.anchored_at(i, c, doc_date, k).map(|f| (f, c)))
                        .filter(|((_, f, ..), _)| support.carries(f.year));
                    // A comment's date leaves the narrative only for a day
                    // the narrative reaches sooner: "Koch suffered a heart
                    // attack on 9 April 1910. On 27 May, … Koch died" is
                    // 1910's after an 1866 narrative.
                    let sooner = |((_, n, ..), c): &(Found, Reference)| {
                        days_after(c.date, *n) < days_after(r.date, from)
                    };
                    if far_or_bare || narrative.as_ref().is_some_and(sooner) {
                        found = narrative;
                    }
                }
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
                        update(&mut reference, &dm, (k, false, false), sent.text, doc_date);
                    }
                    added.push(dm);
                    i = e;
                }
                None => i += 1,
            }
        }
        while m < ann.mentions.len() {
            let first = narrative && m == 0 && added.is_empty();
            update(
                &mut reference,
                &ann.mentions[m],
                (k, false, first),
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
/// or is its first date and has a month, moves it). `first`: no date came
/// before `x` in its sentence, in a document told as a story. A range over
/// several years becomes a range reference when both ends have their month,
/// is passed over when it only frames the reference ("the war of 1914–1918"
/// in 1916), and drops it otherwise.
fn update(
    reference: &mut Option<Reference>,
    x: &DateMention,
    (k, heading, first): (usize, bool, bool),
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
        // resolved or not, leaves the narrative where it was. The first
        // date of a sentence, to the month or the day, is where it comes
        // back after a look ahead ("came to terms in February 1715. …
        // captured Landau in August 1713"), unless told as what had been
        // ("the signals had failed in exercises in November 1943") or as
        // a name ("the 4 July 1972 joint statement"). A document with a
        // date of its own is told from that date: its step backs are in
        // passing, as is a speech's (`first` is false for both).
        let opens = opens_sentence(text, x.start)
            || (first
                && explicit
                && x.precision < Precision::Year
                && is_adverbial(text, x.start)
                && !told_as_background(text, x.start));
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

/// Is reference `r`, seen from sentence `k`, a comment from decades away
/// on the narrative `carried` left a few sentences before ("Putin said on
/// 14 March 2013 … On 30 November, Soviet forces invaded")? A date that
/// opens its sentence ("In April 1975, Saigon fell. Kim visited China in
/// April of that year") moves the narrative instead.
fn told_in_passing(
    sentences: &[DocSentence<'_>],
    k: usize,
    r: Reference,
    carried: Option<Reference>,
) -> bool {
    let (Some(at), Some(c)) = (r.at, carried) else {
        return false;
    };
    let recent =
        c.at.is_some_and(|a| k.saturating_sub(a.sentence) <= PASSING_COMMENT_REACH);
    at.sentence < k
        && !at.heading
        && recent
        && c.date.year.abs_diff(r.date.year) > 10
        && !sentences
            .get(at.sentence)
            .is_some_and(|s| frames_sentence(s.text, at.start))
}

/// Words that make a sentence tell of what happens again and again, not
/// once: "the average low temperature in July", "commemorated on 8
/// February", "usually announced in late January".
const HABIT_WORDS: &[&str] = &[
    "average",
    "averages",
    "annually",
    "celebrates",
    "commemorated",
    "commemorates",
    "feast",
];

/// Words that tell of a habit in a sentence in the present ("Amsterdam Gay
/// Pride is a yearly parade … in August", "Andorra's national holiday is
/// … 8 September") but of one time in the past ("his annual message to
/// Congress in December", "a climbing holiday … before returning to London
/// in December").
const PRESENT_HABIT_WORDS: &[&str] = &["annual", "yearly", "holiday"];

/// Verbs that put a sentence in the present.
const PRESENT_VERBS: &[&str] = &["is", "are", "takes", "falls", "occurs", "begins", "ends"];

/// Adverbs that make what follows them a habit ("the results were usually
/// announced in early February"), not what came before ("had been under
/// strain since 15 February; … they were usually unable to break through").
const HABIT_ADVERBS: &[&str] = &["usually", "typically", "normally", "traditionally"];

/// Does the sentence tell of a habit at byte `pos` (see HABIT_WORDS,
/// PRESENT_HABIT_WORDS and HABIT_ADVERBS)?
fn is_habitual(text: &str, pos: usize) -> bool {
    let is_one = |list: &[&str], w: &str| list.iter().any(|h| h.eq_ignore_ascii_case(w));
    let (mut present_habit, mut present) = (false, false);
    for w in words_before(text, text.len()) {
        let before_pos = (w.as_ptr() as usize - text.as_ptr() as usize) < pos;
        if is_one(HABIT_WORDS, w) || before_pos && is_one(HABIT_ADVERBS, w) {
            return true;
        }
        present_habit |= is_one(PRESENT_HABIT_WORDS, w);
        present |= is_one(PRESENT_VERBS, w);
    }
    present_habit && present
}

/// Roughly how many days `to` comes after `from` (negative before), by
/// their months and days where they have them.
fn days_after(from: HistDate, to: HistDate) -> i64 {
    let ordinal = |d: HistDate| {
        i64::from(d.year) * 372
            + i64::from(d.month.unwrap_or(1).saturating_sub(1)) * 31
            + i64::from(d.day.unwrap_or(1))
    };
    ordinal(to) - ordinal(from)
}

/// Does the document speak in the first person in one sentence in eight
/// or more, as speeches and letters do? Stories told in the third person
/// (encyclopedia articles on wars: under one in twelve) go back and forth
/// in time by what they narrate; a speaker's "we" talks from the present.
/// The first few hundred sentences tell.
fn speaks_in_first_person(sentences: &[DocSentence<'_>]) -> bool {
    const SAMPLE: usize = 400;
    let sample = &sentences[..sentences.len().min(SAMPLE)];
    let mut n = 0;
    for s in sample {
        if has_first_person_word(s.text) {
            n += 1;
            if n * 8 >= sample.len() {
                return true;
            }
        }
    }
    false
}

/// Is "I", "we", "us", "my" or "our" a word of `text`? A byte scan: this runs
/// on every sentence of a document.
fn has_first_person_word(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] >= 0x80) {
            i += 1;
        }
        let w = &b[start..i];
        let first_person = match w.len() {
            1 => w == b"I",
            2 => [b"we", b"us", b"my"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(*p)),
            3 => w.eq_ignore_ascii_case(b"our"),
            _ => false,
        };
        if first_person {
            return true;
        }
    }
    false
}

/// How many sentences back the narrative a comment interrupts is still
/// the one to come back to.
const PASSING_COMMENT_REACH: usize = 12;

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

/// Is the date at `start` the sentence's frame, its first words a time
/// adverbial ("In 1949,", "By 1863")? Not "A document declassified in 2005".
fn frames_sentence(text: &str, start: usize) -> bool {
    let words: Vec<&str> = words_before(text, start).collect();
    // Not "Since 2004, … in late January": a span's days are any year's.
    match words.as_slice() {
        [] => true,
        [.., last] if words.len() <= 2 => ["in", "on", "during", "by", "throughout"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(last)),
        _ => false,
    }
}

/// Is the date at `start` told in a clause under the sentence's own, a
/// step back from the narrative ("it was found that the signals had failed
/// in November 1943", "a process that started in August 1984"), or as the
/// start of a span ("killed during the conflict, from 1 January 1998 to
/// December 2000")? A flashback the narrative enters ("Talks had begun at
/// The Hague in March 1701.") is neither.
fn told_as_background(text: &str, start: usize) -> bool {
    let subordinate =
        words_before(text, start).any(|w| ["that", "which", "who", "whose", "whom"].contains(&w));
    subordinate
        || words_before(text, start)
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("from"))
}

/// The words of `text` before byte `start`, in order.
fn words_before(text: &str, start: usize) -> impl DoubleEndedIterator<Item = &str> {
    text.get(..start)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Does the date at `start` open its sentence, as a frame for what
/// follows ("In 1913,", "However, in late 1914")? At most four words
/// before it.
fn opens_sentence(text: &str, start: usize) -> bool {
    words_before(text, start).count() <= 4
}
