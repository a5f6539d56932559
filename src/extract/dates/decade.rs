//! Decades: "the 1990s", "the '60s", "mid-1990s", "the 470s BC", and ranges of
//! them ("the 1980s–90s"). A round hundred ("the 1800s") is a century unless a
//! decade stands beside it.

use super::*;

impl<'a> Parser<'a> {
    /// The start of a decade or century with its modifier: "early 1990s",
    /// "mid-1990s", "pre-1990s", "post-1960s", "late 19th century".
    pub(super) fn with_period_modifier(&self, s: usize) -> usize {
        if s > self.floor {
            let p = s - 1;
            // "mid-1990s", "late-2000s", "pre-1990s", "post-1960s"
            let pre_post =
                |w: &str| w.eq_ignore_ascii_case("pre") || w.eq_ignore_ascii_case("post");
            if self.is_hyphen(p)
                && self.adj(p, s)
                && p > self.floor
                && self.adj(p - 1, p)
                && (self.lexf(p - 1) & PERIOD_MODIFIER != 0 || pre_post(self.txt(p - 1)))
            {
                return p - 1;
            }
            if self.lexf(p) & PERIOD_MODIFIER != 0 {
                return p;
            }
        }
        s
    }

    /// A decade with its era: "the 470s BC"; a round hundred is a century
    /// ("the 1800s"), except 2000s.
    pub(super) fn decade_with_era(
        &self,
        i: usize,
    ) -> Option<(i32, i32, Precision, usize, usize, u32)> {
        let (v, s, e) = self.decade_number(i)?;
        let (era, e) = match self.era_marker(e) {
            Some((Era::Bc, nx)) => (Some(Era::Bc), nx),
            Some((Era::Ad, nx)) => (Some(Era::Ad), nx),
            _ => (None, e),
        };
        let bc = era == Some(Era::Bc);
        if v == 0 || v > 2090 {
            return None;
        }
        let century_like = v % 100 == 0 && v != 2000 && self.tok(i).is_none_or(|t| t.nd != 2);
        let (f, t, prec) = if century_like {
            if bc {
                (-(v as i32 + 99), -(v as i32), Precision::Century)
            } else {
                (v as i32, v as i32 + 99, Precision::Century)
            }
        } else if bc {
            (-(v as i32 + 9), -(v as i32), Precision::Decade)
        } else {
            (v as i32, v as i32 + 9, Precision::Decade)
        };
        Some((f, t, prec, s, e, v))
    }

    /// `decade := modifier? decade-number era?` and its ranges: "the 1990s",
    /// "the mid-1990s", "the 870s", "1980s–1990s", "from the 1970s to the 1990s",
    /// "the 1980s–90s", "the 480s–470s BC".
    pub(super) fn decade_or_decade_range(&mut self, i: usize) -> Option<usize> {
        let (f1, t1, p1, s, e, v) = self.decade_with_era(i)?;
        if s < self.floor {
            return None;
        }
        let s = self.with_period_modifier(s);
        // Three-digit decades ("the 870s") need "the", a modifier or an era.
        let l = self.left_context(s);
        if l.disq || self.is_citation(s, e) {
            return Some(e);
        }
        let three = self.tok(i).is_some_and(|t| t.nd == 3) && f1 > 0;
        if three && !(self.wis(s.wrapping_sub(1), "the") || self.lexf(s) & PERIOD_MODIFIER != 0) {
            return Some(e);
        }
        // Range: "1980s–1990s", "from the 1970s to the 1990s".
        if self.range_connector_at(e, l.between) {
            let mut k = e + 1;
            if self.wis(k, "the") {
                k += 1;
            }
            let mut k2 = k;
            if self.lexf(k2) & PERIOD_MODIFIER != 0 {
                k2 += 1;
                if self.is_hyphen(k2) {
                    k2 += 1;
                }
            }
            // "the 1980s–90s": a two-digit end borrows the century of the start.
            if f1 > 0
                && self
                    .tok(k2)
                    .is_some_and(|t| t.k == Kind::Dec && t.nd == 2 && t.v % 10 == 0)
                && !self.is_apos(k2 - 1)
            {
                let v2 = v - v % 100 + self.k[k2].v;
                if v2 > v {
                    let e2 = k2 + 1;
                    self.push(
                        s,
                        e2,
                        Some(HistDate::y(f1)),
                        Some(HistDate::y(v2 as i32 + 9)),
                        Precision::Decade,
                        None,
                        false,
                    );
                    return Some(e2);
                }
            }
            if let Some((f2, t2, p2, _s2, e2, _)) = self.decade_with_era(k2) {
                // An era given once at the end applies to both ("the 480s–470s BC").
                let (f1, t1) = if f2 < 0 && f1 > 0 && self.era_marker(e).is_none() {
                    (-t1, -f1)
                } else {
                    (f1, t1)
                };
                // "from the early 1900s to the 1930s": next to a decade, "1900s" is one too.
                let (t1, p1) = if p1 == Precision::Century && p2 == Precision::Decade && f1 > 0 {
                    (f1 + 9, Precision::Decade)
                } else {
                    (t1, p1)
                };
                if f2 >= f1 || t2 >= t1 {
                    let prec = p1.max(p2);
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
        Some(self.emit_with_open_ends(s, e, HistDate::y(f1), HistDate::y(t1), p1, None, false))
    }
}
