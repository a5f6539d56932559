//! Centuries and millennia: `century := modifier? ordinal "-"? century-word era?`,
//! with ranges and pairs of them. They are the one production anchored on words
//! as well as numbers, which is why the prefilter looks for "centur"/"millenni".

use super::*;

/// Years of the Nth century (`scale` 100) or millennium (`scale` 1000).
pub(super) fn century_span(n: u32, bc: bool, scale: i32) -> (i32, i32) {
    let n = n as i32;
    if bc {
        (-(n * scale), -((n - 1) * scale + 1))
    } else {
        (((n - 1) * scale).max(1), (n - 1) * scale + scale - 1)
    }
}

impl<'a> Parser<'a> {
    /// Skips "the" and a period modifier before the second end of a range:
    /// "to the late 15th century".
    pub(super) fn skip_the_and_modifier(&self, mut k: usize) -> usize {
        if self.wis(k, "the") {
            k += 1;
        }
        if self.lexf(k) & PERIOD_MODIFIER != 0 {
            k += 1;
            if self.is_hyphen(k) {
                k += 1;
            }
        }
        k
    }

    /// `century := modifier? ordinal century-word era?` and its ranges and pairs:
    /// "the 5th century BC", "mid-19th century", "ninth to seventh centuries BC",
    /// "18th and 19th centuries", "the 5th century BC to the 2nd century AD",
    /// "the 10th century AH", "the first millennium".
    pub(super) fn ordinal_century(&mut self, i: usize) -> Option<usize> {
        let (n1, j) = self.century_ordinal(i)?;
        let s = self.with_period_modifier(i);
        let between = s > 0
            && (self.wis(s - 1, "between")
                || (s > 1 && self.wis(s - 1, "the") && self.wis(s - 2, "between")));
        // "ninth to seventh centuries", "18th and 19th centuries"
        let mut second: Option<(u32, usize, bool)> = None;
        let mut k = j;
        if self.century_word_at(j).is_none() {
            let conn_and = self.is_and_or(j) && !between;
            if self.range_connector_at(j, between) || conn_and {
                let k1 = self.skip_the_and_modifier(j + 1);
                let (n2, k2) = self.century_ordinal(k1)?;
                second = Some((n2, k1, conn_and));
                k = k2;
            } else {
                return None;
            }
        }
        let mut e = self.century_word_at(k)?;
        // "Twentieth Century Fox", "21st Century Insurance": a name.
        if self.tok(e - 1).is_some_and(|t| t.f & T_CAP != 0)
            && self
                .tok(e)
                .is_some_and(|t| t.k == Kind::Word && t.f & T_CAP != 0)
            && self.era_marker(e).is_none()
        {
            return Some(e);
        }
        let mut era = None;
        if let Some((er, nx)) = self.era_marker(e) {
            era = Some(er);
            e = nx;
        }
        if era.is_none() && second.is_none() && self.counts_an_anniversary(s, e) {
            return Some(e);
        }
        if era == Some(Era::Ah) {
            let n2 = second.map_or(n1, |x| x.0);
            self.hijri_century(s, e, n1, n2);
            return Some(e);
        }
        let bc = era == Some(Era::Bc);
        let lim = if bc { 60 } else { 22 };
        if n1 > lim || second.is_some_and(|x| x.0 > lim) {
            return Some(e);
        }
        let scale = self.century_scale(self.century_word_at(k).unwrap_or(k));
        let lim = if scale == 1000 { lim / 5 } else { lim };
        // A millennium says nothing of each century in it: a precision of its own.
        let prec = if scale == 1000 {
            Precision::Millennium
        } else {
            Precision::Century
        };
        if n1 > lim || second.is_some_and(|x| x.0 > lim) {
            return Some(e);
        }
        let (f1, t1) = century_span(n1, bc, scale);
        match second {
            Some((n2, s2, true)) => {
                let (f2, t2) = century_span(n2, bc, scale);
                self.push(
                    s,
                    j,
                    Some(HistDate::y(f1)),
                    Some(HistDate::y(t1)),
                    prec,
                    None,
                    false,
                );
                self.push(
                    s2,
                    e,
                    Some(HistDate::y(f2)),
                    Some(HistDate::y(t2)),
                    prec,
                    None,
                    false,
                );
                return Some(e);
            }
            Some((n2, _, false)) => {
                let (f2, t2) = century_span(n2, bc, scale);
                self.push(
                    s,
                    e,
                    Some(HistDate::y(f1.min(f2))),
                    Some(HistDate::y(t1.max(t2))),
                    prec,
                    None,
                    false,
                );
                return Some(e);
            }
            None => {}
        }
        // "the 5th century BC to the 2nd century AD"
        if self.range_connector_at(e, between) {
            let k1 = self.skip_the_and_modifier(e + 1);
            if let Some((n2, k2)) = self.century_ordinal(k1)
                && let Some(mut e2) = self.century_word_at(k2)
            {
                let mut bc2 = false;
                if let Some((er, nx)) = self.era_marker(e2) {
                    bc2 = er == Era::Bc;
                    e2 = nx;
                }
                let (f2, t2) = century_span(n2, bc2, self.century_scale(k2 + 1));
                if t2 >= f1 {
                    self.push(
                        s,
                        e2,
                        Some(HistDate::y(f1.min(f2))),
                        Some(HistDate::y(t1.max(t2))),
                        prec,
                        None,
                        false,
                    );
                    return Some(e2);
                }
            }
        }
        Some(self.emit_with_open_ends(s, e, HistDate::y(f1), HistDate::y(t1), prec, None, false))
    }

    /// "its first century of independence", "the third century of
    /// republican life": a count of centuries since something, not a century
    /// of the calendar. Tokens `s..e` hold the century; a possessive before
    /// it, or "of" after it with no era ("of our era", "of the Christian
    /// era") says so.
    fn counts_an_anniversary(&self, s: usize, e: usize) -> bool {
        let s = if s > 0 && self.wis(s - 1, "the") {
            s - 1
        } else {
            s
        };
        if s > 0
            && ["its", "their", "his", "her", "our", "my", "your"]
                .iter()
                .any(|w| self.wis(s - 1, w))
        {
            return true;
        }
        if !self.wis(e, "of") {
            return false;
        }
        let mut k = e + 1;
        if ["the", "our", "this"].iter().any(|w| self.wis(k, w)) {
            k += 1;
        }
        if ["Christian", "common", "current", "present", "vulgar"]
            .iter()
            .any(|w| self.wis(k, w))
        {
            k += 1;
        }
        !(self.wis(k, "era") || self.era_marker(k).is_some())
    }

    /// "the 10th century AH", "the 3rd to 5th centuries AH": centuries
    /// `n1`..`n2` of the Hijri era over tokens `s..e`, converted to the
    /// Gregorian years they span and marked Hijri. Past the 15th there is
    /// nothing a historian could mean.
    fn hijri_century(&mut self, s: usize, e: usize, n1: u32, n2: u32) {
        let (lo, hi) = (n1.min(n2), n1.max(n2));
        if hi == 0 || hi > 15 {
            return;
        }
        let (g1, g2) = hijri_years_to_gregorian(((lo - 1) * 100).max(1), (hi - 1) * 100 + 99);
        self.push(
            s,
            e,
            Some(HistDate::y(g1)),
            Some(HistDate::y(g2)),
            Precision::Century,
            Some("hijri"),
            false,
        );
    }
}
