//! What stops a number from being a year: the left context (money and
//! reference signs, reference words, amounts, "at" for a time of day, a
//! rejected list), the right context (count nouns, units, money, percentages,
//! digit groups, resolution sessions) and the phrase end that an approximated
//! year needs. The guards are where precision comes from: a bare number is a
//! year only when nothing around it says otherwise.

use super::range::YearPart;
use super::year::Qualifier;
use super::*;

/// The nouns that make a year of a number an amount word stands before:
/// "over 1990 levels", "above 1913 prices" (a narrower list than
/// [date-level-noun], which also rescues a year after "at").
const AMOUNT_LEVEL_NOUNS: [&str; 3] = ["levels", "level", "prices"];

/// What the tokens before a number say about it.
#[derive(Default, Clone, Copy)]
pub(super) struct LeftContext {
    /// Not a year: "$1990", "page 1990", "over 1990", "a total of 1990".
    pub(super) disq: bool,
    /// A year cue: "in 1500", "(1500": a round number may be a year.
    pub(super) admit: bool,
    /// A preposition that outvotes a count noun after the number.
    pub(super) strong: bool,
    /// "about", "around", "up to": a year only at a phrase end.
    pub(super) soft: bool,
    /// "between": "and" joins a range.
    pub(super) between: bool,
    /// A verb of change + "from": "rose from 1500 to 2000".
    pub(super) change: bool,
    /// 'year'/'years': "the year 800" admits three digits.
    pub(super) yearw: bool,
    /// "at": a time of day ("at 1230") unless a level noun follows.
    pub(super) at: bool,
    /// An amount word before it: "over 1990 levels" is still a year.
    pub(super) quant: bool,
}

impl<'a> Parser<'a> {
    /// Reads the token before a number: "$1990" and "page 1990" are no years,
    /// "in 1990" is, "over 1990" is an amount, "at 1230" a time of day.
    pub(super) fn left_context(&self, s: usize) -> LeftContext {
        let mut l = LeftContext::default();
        if s == 0 {
            return l;
        }
        let p = s - 1;
        let Some(t) = self.tok(p) else { return l };
        match t.k {
            Kind::Punct => match t.c {
                '$' | '€' | '£' | '¥' | '₹' | '#' | '§' | '№' | '+' | '±' | '=' | '×' | '*'
                | '^' | '<' | '>' | '~' | '≈' | '@' | '¢' | '₽' | '₩' | '₺' | '₪' => {
                    l.disq = true
                }
                '/' | ':' | '\\' | '.' | ',' if self.adj(p, s) && p > 0 && self.adj(p - 1, p) => {
                    l.disq = true
                }
                '.' if p > 0 && self.lexf(p - 1) & REFERENCE_WORD != 0 && self.adj(p - 1, p) => {
                    l.disq = true;
                }
                c if is_hyphen_char(c) && self.adj(p, s) && p > 0 && self.adj(p - 1, p) => {
                    l.disq = true;
                }
                '(' | '[' => {
                    // "resolution [1011 (XI)]", "resolutions (1652 and 1665)"
                    if p > 0 && self.lexf(p - 1) & BRACKETED_REFERENCE != 0 {
                        l.disq = true;
                    } else if t.c == '(' {
                        l.admit = true;
                    }
                }
                _ => {}
            },
            Kind::Num | Kind::Mixed => l.disq = true,
            Kind::Ord | Kind::Dec => {}
            Kind::Word => {
                let w = self.txt(p);
                let x = self.lexf(p);
                if x & REFERENCE_WORD != 0 {
                    // "no" is a determiner in lower case ("no 1992 budget"), a
                    // numero sign as "No"/"NO"/"No.".
                    let numero = w.eq_ignore_ascii_case("no");
                    if !numero || w != "no" {
                        l.disq = true;
                    }
                    // "the line 1992"? never mind: page words win.
                }
                if x & QUANTITY_CUE != 0 {
                    l.disq = true;
                    l.quant = true;
                    // "no later than 1992", "earlier than 1800"
                    if w.eq_ignore_ascii_case("than")
                        && p > 0
                        && self.lexf(p - 1) & COMPARATIVE != 0
                    {
                        l.disq = false;
                        l.quant = false;
                        l.admit = true;
                        l.strong = true;
                    }
                }
                if x & APPROXIMATOR != 0 {
                    l.soft = true;
                }
                if x & YEAR_CUE != 0 {
                    l.admit = true;
                }
                if x & STRONG_YEAR_CUE != 0 {
                    l.strong = true;
                }
                if x & YEAR_WORD != 0 {
                    // "Last year 167 Member States", "In May this year 180
                    // countries": a count after a year named by its distance.
                    if p > 0
                        && ["this", "last", "next", "that", "each", "every", "per"]
                            .iter()
                            .any(|d| self.wis(p - 1, d))
                    {
                        l.disq = true;
                    } else {
                        l.yearw = true;
                    }
                }
                if w.eq_ignore_ascii_case("between") {
                    l.between = true;
                }
                if w.eq_ignore_ascii_case("from") && p > 0 && self.lexf(p - 1) & CHANGE_VERB != 0 {
                    l.change = true;
                }
                // "a total of 1500", "the purchase of 1803 shares"; not a name's "the
                // Louisiana Purchase of 1803" nor "the value of 1913" (as it was that year).
                if w.eq_ignore_ascii_case("of")
                    && p > 0
                    && self.lexf(p - 1) & QUANTITY_OF != 0
                    && self.tok(p - 1).is_none_or(|t| t.f & T_CAP == 0)
                    // "on the order of 1019 states" is a count
                    && !(p > 1 && self.wis(p - 2, "the") && !self.wis(p - 1, "order"))
                {
                    l.disq = true;
                }
                // "a further 1500", "up to 2000 more"
                if w.eq_ignore_ascii_case("to") && p > 0 && self.wis(p - 1, "up") {
                    l.soft = true;
                }
                if (w.eq_ignore_ascii_case("least") || w.eq_ignore_ascii_case("most"))
                    && p > 0
                    && self.wis(p - 1, "at")
                {
                    // "since at least 1967" is a year; "at least 2000" a count.
                    if p > 1 && self.lexf(p - 2) & STRONG_YEAR_CUE != 0 {
                        l.disq = false;
                        l.quant = false;
                        l.strong = true;
                        l.admit = true;
                    } else {
                        l.disq = true;
                    }
                }
                // "at 1230" is a time of day; "at 1990 levels" is a year.
                if w.eq_ignore_ascii_case("at") {
                    l.at = true;
                }
            }
        }
        l
    }

    /// A number in a list whose earlier member was rejected by its left
    /// context ("resolutions 1267 (1999), 1333 (2000) and 1390") is rejected too.
    pub(super) fn list_prev_rejected(&self, s: usize) -> bool {
        let mut p = s;
        let mut steps = 0;
        let mut saw_sep = false;
        while p > 0 && steps < 14 {
            p -= 1;
            steps += 1;
            let Some(t) = self.tok(p) else { return false };
            match t.k {
                Kind::Punct if matches!(t.c, ',' | '&' | ';') => saw_sep = true,
                Kind::Punct if t.c == ')' => {
                    let mut q = p;
                    let mut found = false;
                    while q > 0 && p - q < 8 {
                        q -= 1;
                        if self.is_p(q, '(') {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        return false;
                    }
                    p = q;
                }
                Kind::Word if self.is_and_or(p) => saw_sep = true,
                // `rej` grows in text order, so only its tail can hold `p`.
                Kind::Num => {
                    return saw_sep
                        && self
                            .rej
                            .iter()
                            .rev()
                            .take_while(|&&x| x >= p)
                            .any(|&x| x == p);
                }
                _ => return false,
            }
        }
        false
    }

    /// "in 1295 and 1300": a round number after a list member that was a year.
    pub(super) fn list_prev_accepted(&self, s: usize) -> bool {
        let mut p = s;
        let mut sep = false;
        while p > 0 && s - p < 4 {
            p -= 1;
            if self.is_p(p, ',') || self.is_and_or(p) {
                sep = true;
                continue;
            }
            if !sep || self.kind(p) != Some(Kind::Num) {
                return false;
            }
            let end = self.k[p].e as usize;
            return self
                .out
                .last()
                .is_some_and(|m| m.e == end && m.prec == Precision::Year);
        }
        false
    }

    /// "[21]", "text[1999]": a bracketed number glued to what precedes it, or
    /// opening the sentence. "4 February [1982]" is an editor's year.
    pub(super) fn is_citation(&self, s: usize, e: usize) -> bool {
        s > 0 && self.is_p(s - 1, '[') && self.is_p(e, ']') && (s == 1 || self.adj(s - 2, s - 1))
    }

    /// Is the number followed by a count noun, a unit, money or a percentage?
    pub(super) fn right_rules_out_year(&self, e: usize, strong: bool, round: bool) -> bool {
        let Some(t) = self.tok(e) else { return false };
        match t.k {
            Kind::Punct => match t.c {
                '%' | '‰' | '°' | '×' | '′' | '″' => true,
                // UN resolution numbers carry their session in Roman numerals:
                // "1514 (XV)", "1237 (ES-III)".
                '(' => {
                    let w = self.txt(e + 1);
                    let roman =
                        !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b"IVXLC".contains(&b));
                    (roman && (self.is_p(e + 2, ')') || self.is_dash(e + 2))) || w == "ES"
                }
                ':' | '.' | ',' | '/' | '\\' if self.adj(e - 1, e) && self.adj(e, e + 1) => {
                    match self.kind(e + 1) {
                        Some(Kind::Num) => true,
                        Some(Kind::Word | Kind::Mixed) => matches!(t.c, '/' | '\\'),
                        _ => false,
                    }
                }
                c if is_dash_char(c) && self.adj(e - 1, e) && self.adj(e, e + 1) => {
                    match self.kind(e + 1) {
                        Some(Kind::Num | Kind::Mixed | Kind::Dec | Kind::Ord) => true,
                        Some(Kind::Word) => {
                            let x = self.lexf(e + 1);
                            x & (HYPHEN_UNIT | MEASURE_UNIT | DURATION_UNIT) != 0
                        }
                        _ => false,
                    }
                }
                _ => false,
            },
            // Spaced digit groups ("1234 5678"), unless a preposition vouches
            // for the year: "in 2004 56 per cent of its people".
            Kind::Num => t.f & (T_COMMA | T_DEC) == 0 && (!strong || round),
            Kind::Mixed => self.adj(e - 1, e),
            Kind::Word => self.unit_follows(e, strong, round),
            _ => false,
        }
    }

    /// Is a count noun or unit within three words after the number, across
    /// modifiers? "1500 soldiers", "2000 US troops", "1990 km".
    pub(super) fn unit_follows(&self, e: usize, strong: bool, round: bool) -> bool {
        let mut j = e;
        for step in 0..3 {
            let Some(t) = self.tok(j) else { return false };
            if t.k != Kind::Word {
                return false;
            }
            let x = self.lexf(j);
            let w = self.txt(j);
            // "2015 marks the anniversary": a verb before a determiner.
            if w == "marks" && self.lexf(j + 1) & DETERMINER != 0 {
                return false;
            }
            if x & MEASURE_UNIT != 0 && !(w == "to" || w == "x" || w == "times") {
                // "per" + "cent" and units; skip words that are also plain English
                return !(w == "m" && step > 0);
            }
            if w.eq_ignore_ascii_case("per") && self.wis(j + 1, "cent") {
                return true;
            }
            if self.lower(j) || t.f & T_UPPER != 0 {
                if x & DURATION_UNIT != 0 && self.lower(j) {
                    return true;
                }
                if x & COUNT_NOUN != 0 && self.lower(j) {
                    return !strong || round;
                }
            }
            if step == 0 && (w == "x" || w == "times") {
                return true;
            }
            // Skip "US", "U.S.", "more", "armed" …
            if w == "U" && self.is_p(j + 1, '.') && self.wis(j + 2, "S") {
                j += if self.is_p(j + 3, '.') { 4 } else { 3 };
                continue;
            }
            if x & COUNT_MODIFIER != 0 {
                j += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// Words that keep "about 1500" a year: the number must end a phrase.
    pub(super) fn ends_phrase(&self, e: usize) -> bool {
        match self.tok(e) {
            None => true,
            Some(t) => match t.k {
                Kind::Punct => matches!(
                    t.c,
                    ',' | '.' | ';' | '(' | ')' | ':' | '?' | '!' | '–' | '—'
                ),
                // "Around 1816 Michel Chevreul started…": a new clause.
                Kind::Word => self.lexf(e) & CLAUSE_FOLLOWER != 0 || t.f & T_CAP != 0,
                _ => false,
            },
        }
    }

    /// The guards of a year without an era, where a count, an amount or a
    /// time of day is told from a year: Ok when `p` (qualified from `qs`,
    /// followed by `right_idx`) stands as a year, Err(resume) when it does
    /// not: "1500 soldiers", "over 1990", "at 1230", "rose from 1500 to 2000",
    /// a round "1500" with no cue.
    pub(super) fn bare_year_guards(
        &mut self,
        i: usize,
        p: &YearPart,
        l: &LeftContext,
        qual: Qualifier,
        qs: usize,
        right_idx: usize,
    ) -> Result<(), Option<usize>> {
        let ranged = p.b.is_some() || p.open_end;
        let last_e = p.e;
        let bv_ok = p.b.is_none() || Self::in_year_window(p.bv);
        let yearword_ok = l.yearw && p.a.nd >= 3 && p.a.v <= 2200 && p.b.is_none();
        // "from c. 800 to 1864": an early start is fine when the end is a year.
        let early_start = p.b.is_some()
            && p.a.nd >= 3
            && Self::in_year_window(p.bv)
            && (l.strong || qual != Qualifier::None);
        let plain = Self::in_year_window(p.a.v) && bv_ok;
        if !(plain || yearword_ok || early_start) {
            return Err(if ranged { Some(last_e) } else { None });
        }
        let quant_levels = l.quant
            && !ranged
            && AMOUNT_LEVEL_NOUNS
                .iter()
                .any(|w| self.txt(right_idx).eq_ignore_ascii_case(w))
            && self.lower(right_idx);
        if (l.disq && !quant_levels) || self.is_citation(qs, last_e) || self.list_prev_rejected(qs)
        {
            self.rej.push(i);
            return Err(Some(last_e));
        }
        // "rose from 1500 to 2000": round numbers after a verb of change are amounts.
        if ranged && l.change && p.a.v.is_multiple_of(50) && p.bv.is_multiple_of(50) {
            return Err(Some(last_e));
        }
        if l.soft && !ranged && !self.ends_phrase(right_idx) {
            return Err(Some(last_e));
        }
        // "below 1990 levels", "at 1990 prices", "the pre-1967 borders"
        let levels = self.lexf(right_idx) & LEVEL_NOUN != 0 && self.lower(right_idx);
        if l.at && !ranged && !levels {
            return Err(Some(last_e));
        }
        let round = p.a.v.is_multiple_of(100) && p.a.v < 1900;
        // "in 2013 dollars", "in 2012 USD": prices of that year.
        let constant = !round
            && !ranged
            && self.wis(qs.wrapping_sub(1), "in")
            && self.lexf(right_idx) & CONSTANT_CURRENCY != 0;
        if !p.open_end && !constant && self.right_rules_out_year(right_idx, l.strong, round) {
            return Err(Some(last_e));
        }
        let ctx = l.admit
            || l.strong
            || l.soft
            || qual != Qualifier::None
            || l.yearw
            || ranged
            || self.list_prev_accepted(qs);
        if round && !ctx {
            return Err(None);
        }
        Ok(())
    }
}
