//! Years: a bare year with its guards, a year qualified by a quarter, a half,
//! "circa" or "fiscal", Hijri years, ISO year-months ("2012-02"), and the glued
//! forms "FY2016" and "500BC". `year_or_year_range` is the densest rule: every
//! bare number in a sentence reaches it, so it holds the decisions between a
//! year and a count.

use super::range::YearPart;
use super::*;

/// Abbreviations of a life or reign whose year follows, case as written:
/// "(r. 1447–1492)", "(b. 1650)", "fl. 1200". They mark the year without
/// joining its span.
const LIFE_EVENT_MARKS: [&str; 6] = ["r", "b", "d", "fl", "born", "died"];

/// Prefixes hyphenated to a year that join its span: "mid-1850", "pre-1967",
/// "post-1945".
const HYPHEN_PREFIXES: [&str; 5] = ["mid", "pre", "post", "early", "late"];

/// A qualifier before a year that narrows or marks it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Qualifier {
    None,
    Quarter(u8),
    Half(u8),
    Other,
}

impl<'a> Parser<'a> {
    /// Qualifiers standing before a year that belong to its span.
    pub(super) fn year_qualifier(&self, s: usize) -> (usize, Qualifier) {
        let fl = self.floor;
        let ok = |n: usize| s >= n && s - n >= fl;
        if ok(1) {
            let p = s - 1;
            if self.kind(p) == Some(Kind::Mixed) {
                let w = self.txt(p).as_bytes();
                if w.len() == 2 && (w[0] == b'Q' || w[0] == b'q') && (b'1'..=b'4').contains(&w[1]) {
                    return (p, Qualifier::Quarter(w[1] - b'0'));
                }
                if w.len() == 2 && (w[0] == b'H') && (b'1'..=b'2').contains(&w[1]) {
                    return (p, Qualifier::Half(w[1] - b'0'));
                }
            }
            if self.wis(p, "of") && ok(3) && self.lexf(p - 1) & YEAR_PART != 0 {
                let n = if self.tok(p - 2).is_some_and(|t| t.k == Kind::Ord) {
                    self.tok(p - 2).map(|t| t.v).unwrap_or(0)
                } else {
                    let x = self.lex(p - 2);
                    if x.f & ORDINAL_WORD != 0 {
                        x.n as u32
                    } else {
                        0
                    }
                };
                let half = self.wis(p - 1, "half");
                let st = if ok(4) && self.wis(p - 3, "the") {
                    p - 3
                } else {
                    p - 2
                };
                if half && (1..=2).contains(&n) {
                    return (st, Qualifier::Half(n as u8));
                }
                if !half && (1..=4).contains(&n) {
                    return (st, Qualifier::Quarter(n as u8));
                }
            }
            if self.txt(p) == "FY" {
                return (p, Qualifier::Other);
            }
            if self.wis(p, crate::vocab::time::YEAR_WORD)
                && ok(2)
                && (self.wis(p - 1, "fiscal") || self.wis(p - 1, "financial"))
            {
                return (p - 1, Qualifier::Other);
            }
            if self.wis(p, "fiscal") || self.wis(p, "circa") {
                return (p, Qualifier::Other);
            }
            // "c. 1650", not "1.5C. 2020"
            if self.is_p(p, '.')
                && ok(2)
                && (self.txt(p - 1) == "c" || self.txt(p - 1) == "ca" || self.txt(p - 1) == "C")
                && !(p >= 2 && self.adj(p - 2, p - 1))
            {
                return (p - 1, Qualifier::Other);
            }
            if self.txt(p) == "c" || self.txt(p) == "ca" {
                return (p, Qualifier::Other);
            }
            // "(r. 1447–1492)", "(b. 1650)", "(d. 1700)", "fl. 1200"
            if self.is_p(p, '.') && ok(2) && LIFE_EVENT_MARKS.contains(&self.txt(p - 1)) {
                return (s, Qualifier::Other);
            }
            if self.is_hyphen(p) && self.adj(p, s) && ok(2) && self.adj(p - 1, p) {
                let w = self.txt(p - 1);
                if HYPHEN_PREFIXES.iter().any(|x| w.eq_ignore_ascii_case(x)) {
                    return (p - 1, Qualifier::Other);
                }
            }
            if self.wis(p, "mid") || self.wis(p, "early") || self.wis(p, "late") {
                return (p, Qualifier::Other);
            }
        }
        (s, Qualifier::None)
    }

    /// A bare four-digit number is read as a year only from 1000 to 2099; older
    /// years need an era or a cue.
    pub(super) fn in_year_window(v: u32) -> bool {
        (1000..=2099).contains(&v)
    }

    /// `qualifier? year-range` with its guards: "1914", "in 1500", "1914–18",
    /// "between 1914 and 1918", "1991–present", "Q3 2016", "the first half of 1990",
    /// "c. 1650", "2012-02", "AH 1400", "410 and 455 AD"; "1500 soldiers", "$1990",
    /// "page 1920" are no years.
    pub(super) fn year_or_year_range(&mut self, i: usize) -> Option<usize> {
        let a0 = self.year_number(i, false)?;
        let (qs0, qual) = self.year_qualifier(a0.s);
        let qs = qs0.min(a0.s);
        let l = self.left_context(qs);
        let p = self.year_or_range_at(i, l.between)?;

        if let Some(next) = self.iso_year_month(&p, &l) {
            return Some(next);
        }

        // A slash pairs a Hijri expression with its Gregorian equivalent
        // ("1133–1342/1779–1924"), or makes a season ("1999/2000").
        if self.is_p(p.e, '/')
            && !p.open_end
            && let Some(q) = self.year_or_range_at(p.e + 1, false)
        {
            return Some(self.year_slash_year(qs, &l, p, q));
        }

        let Some((ya, yb, era)) = self.range_years_with_era(&p) else {
            return Some(p.e);
        };
        let ranged = p.b.is_some() || p.open_end;
        let last_e = p.e;
        // "between 1000 and" with no second number is no year.
        if l.between && !ranged && p.a.era.is_none() && self.wis(p.e, "and") {
            return Some(last_e);
        }

        // Lists share an era and a trailing noun: "410 and 455 AD", "2000, 3000 and 4000 troops".
        let (shared_era, right_idx) = if !ranged {
            self.year_list_tail(p.a.e)
        } else {
            (None, last_e)
        };
        let era = era.or(shared_era);

        if era == Some(Era::Ah) {
            return Some(self.hijri_year_or_range(&p, qs, ranged));
        }

        let (ya, yb) = if shared_era == Some(Era::Bc) && p.a.era.is_none() {
            (-ya, -yb)
        } else {
            (ya, yb)
        };

        if era.is_none()
            && let Err(resume) = self.bare_year_guards(i, &p, &l, qual, qs, right_idx)
        {
            return resume;
        }

        if p.open_end {
            self.push(
                qs,
                last_e,
                Some(HistDate::y(ya)),
                None,
                Precision::Year,
                None,
                false,
            );
            return Some(last_e);
        }
        if p.b.is_some() {
            self.push(
                qs,
                last_e,
                Some(HistDate::y(ya)),
                Some(HistDate::y(yb)),
                Precision::Year,
                None,
                false,
            );
            return Some(last_e);
        }
        match qual {
            Qualifier::Quarter(q) => {
                let (f, t) = (HistDate::ym(ya, q * 3 - 2), HistDate::ym(ya, q * 3));
                Some(self.emit_with_open_ends(qs, last_e, f, t, Precision::Month, None, false))
            }
            Qualifier::Half(h) => {
                let (f, t) = (HistDate::ym(ya, h * 6 - 5), HistDate::ym(ya, h * 6));
                Some(self.emit_with_open_ends(qs, last_e, f, t, Precision::Month, None, false))
            }
            _ => Some(self.emit_with_open_ends(
                qs,
                last_e,
                HistDate::y(ya),
                HistDate::y(ya),
                Precision::Year,
                None,
                false,
            )),
        }
    }

    /// `yyyy "-" mm` written tight: "2012-02" is February 2012, unless it
    /// reads as consecutive years ("2000-01"). None when `p` is no such form;
    /// Some(resume) when it is, whether a guard refused it or not.
    fn iso_year_month(&mut self, p: &YearPart, l: &LeftContext) -> Option<usize> {
        if let Some(b) = p.b
            && p.tight_dash
            && b.nd == 2
            && self.tok(b.n).is_some_and(|t| t.f & T_LZ != 0)
            // "1802–04" with a dash is a range of years; only a hyphen
            // writes a month, and not before "season" ("the 2004-05 season").
            && b.n > 0
            && self.is_p(b.n - 1, '-')
            && !["season", "seasons", "campaign", "term", "session", "biennium"]
                .iter()
                .any(|w| self.wis(b.e, w))
            && (1..=12).contains(&b.v)
            && (p.a.v % 100 + 1) % 100 != b.v
            && Self::in_year_window(p.a.v)
            && b.era.is_none()
            && p.a.era.is_none()
        {
            if l.disq || self.right_rules_out_year(b.e, false, false) {
                return Some(b.e);
            }
            let d = HistDate::ym(p.a.v as i32, b.v as u8);
            return Some(self.emit_with_open_ends(p.a.s, b.e, d, d, Precision::Month, None, false));
        }
        None
    }

    /// A Hijri year or range once its era is known: "AH 1400", "1133–1342 AH",
    /// converted to the Gregorian years it spans and marked restated when a
    /// Gregorian year follows ("1400 AH (1979)").
    fn hijri_year_or_range(&mut self, p: &YearPart, qs: usize, ranged: bool) -> usize {
        let last_e = p.e;
        let h2 = if p.b.is_some() { p.bv } else { p.a.v };
        if p.a.v > 1700 || h2 > 1700 {
            return last_e;
        }
        let (g1, g2) = hijri_years_to_gregorian(p.a.v, h2);
        let restate = self.gregorian_restated_after(last_e, g1, g2);
        let s = if ranged { p.a.s } else { qs };
        if ranged {
            self.push(
                s,
                last_e,
                Some(HistDate::y(g1)),
                Some(HistDate::y(g2)),
                Precision::Year,
                Some("hijri"),
                restate,
            );
            return last_e;
        }
        self.emit_with_open_ends(
            s,
            last_e,
            HistDate::y(g1),
            HistDate::y(g2),
            Precision::Year,
            Some("hijri"),
            restate,
        )
    }

    /// `"FY" yyyy | number era` written as one token: "FY2016", "500BC", "79AD".
    pub(super) fn year_in_one_token(&mut self, i: usize) -> Option<usize> {
        if self.txt(i).starts_with("FY") {
            self.fiscal_year_glued(i)
        } else {
            self.year_with_glued_era(i)
        }
    }

    /// "FY2016": a fiscal year, 1000–2099; any other "FY…" is a code.
    /// "Q3 FY2016", "H1 FY2016", "the third quarter of FY2016": a part of a
    /// fiscal year, in the span but still the year: fiscal years start in
    /// any month, so their quarters are no calendar months.
    fn fiscal_year_glued(&mut self, i: usize) -> Option<usize> {
        let rest = self.txt(i).strip_prefix("FY")?;
        if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
            let v: i32 = rest.parse().ok()?;
            if (1000..=2099).contains(&v) {
                let start = match self.year_qualifier(i) {
                    (part, Qualifier::Quarter(_) | Qualifier::Half(_)) => part,
                    _ => i,
                };
                return Some(self.emit_with_open_ends(
                    start,
                    i + 1,
                    HistDate::y(v),
                    HistDate::y(v),
                    Precision::Year,
                    None,
                    false,
                ));
            }
        }
        None
    }

    /// "500BC", "79AD", "44bc": a year with its era glued on; the era makes
    /// any number from 1 a year.
    fn year_with_glued_era(&mut self, i: usize) -> Option<usize> {
        let w = self.txt(i);
        let lead = w.bytes().take_while(u8::is_ascii_digit).count();
        if lead == 0 || lead > 4 || w.as_bytes()[0] == b'0' {
            return None;
        }
        let era = match &w[lead..] {
            "BC" | "BCE" | "bc" => Era::Bc,
            "AD" | "CE" => Era::Ad,
            _ => return None,
        };
        let v: u32 = w[..lead].parse().ok()?;
        if v == 0 {
            return None;
        }
        let y = signed(v, Some(era));
        Some(self.emit_with_open_ends(
            i,
            i + 1,
            HistDate::y(y),
            HistDate::y(y),
            Precision::Year,
            None,
            false,
        ))
    }
}
