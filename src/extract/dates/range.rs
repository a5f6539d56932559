//! Year ranges and their relatives: "1914–18", "1914 to 1918", "between 1914
//! and 1918", "1991–present", "(1918–)", year lists sharing an era ("410 and
//! 455 AD") and slash pairs ("1999/2000", "1133–1342/1779–1924", "871/870 BC").
//! The range reads both ends before any guard runs, so that a guard can judge
//! the expression as a whole ("from 5 million in 1978 to 14 million").

use super::*;

/// One side of a year expression: a single year or a range of two.
#[derive(Clone, Copy, Debug)]
pub(super) struct YearPart {
    pub(super) a: YearNum,
    pub(super) b: Option<YearNum>,
    /// The end value, an abbreviated end ("1914–18") expanded.
    pub(super) bv: u32,
    /// "1991–present", "from 1991 to the present".
    pub(super) open_end: bool,
    pub(super) e: usize,
    /// The connector was "-" without spaces; such a range may be a YYYY-MM.
    pub(super) tight_dash: bool,
}

impl<'a> Parser<'a> {
    /// A year or a range of two at `i`: "1914", "1914–18", "1914 to 1918",
    /// "between 1914 and 1918" (with `between`), "1991–present".
    pub(super) fn year_or_range_at(&self, i: usize, between: bool) -> Option<YearPart> {
        let a = self.year_number(i, false)?;
        let mut p = YearPart {
            a,
            b: None,
            bv: a.v,
            open_end: false,
            e: a.e,
            tight_dash: false,
        };
        let j = a.e;
        let dash = self.is_dash(j);
        let conn = dash
            || (self.lexf(j) & RANGE_CONNECTOR != 0 && self.lower(j))
            || (between && self.wis(j, "and"));
        if !conn {
            return Some(p);
        }
        let k = j + 1;
        // "(1918–)": a dash closing a parenthesis leaves the range open (a living person).
        if dash
            && self.adj(a.n, j)
            && self.is_p(k, ')')
            && i > 0
            && self.is_p(a.s.wrapping_sub(1), '(')
        {
            p.open_end = true;
            p.e = k;
            return Some(p);
        }
        // "to the present", "1991–present"
        let kk = if self.wis(k, "the") { k + 1 } else { k };
        if self.lexf(kk) & PRESENT_WORD != 0 && (dash || !between) && self.lower(kk) {
            let mut e = kk + 1;
            if self.wis(e, "day") {
                e += 1;
            }
            p.open_end = true;
            p.e = e;
            return Some(p);
        }
        // "27 BC to AD 476": the end may open with its own era.
        let bi = match self.era_marker(k) {
            Some((Era::Ad | Era::Ah, nx)) if self.num(nx).is_some() => nx,
            _ => k,
        };
        let Some(b) = self.year_number(bi, dash) else {
            return Some(p);
        };
        // "(1902 – 9 June 1928)": the day of the date that ends a life, not
        // a year.
        if b.nd <= 2 && self.month_name(b.e).is_some() {
            return Some(p);
        }
        let mut bv = b.v;
        if (dash || self.is_p(j, '/'))
            && b.nd <= 2
            && a.nd >= 3
            && b.era.is_none()
            && a.era.is_none()
        {
            let m = 10u32.pow(b.nd as u32);
            let mut c = a.v - a.v % m + b.v;
            if c <= a.v {
                c += m;
            }
            bv = c;
        } else if self.tok(b.n).is_some_and(|t| t.f & T_LZ != 0) {
            return Some(p);
        }
        // "from 5 million in 1978 to 14 million": an end that cannot close
        // the range leaves the start a single year.
        if a.era.is_none() && b.era.is_none() && bv < a.v {
            return Some(p);
        }
        if !dash && b.nd < 3 && b.era.is_none() {
            return Some(p);
        }
        p.tight_dash = dash && self.adj(a.n, j) && self.adj(j, k);
        p.b = Some(b);
        p.bv = bv;
        p.e = b.e;
        Some(p)
    }

    /// Resolved (from, to) years of a part; None if it is no valid range.
    pub(super) fn range_years_with_era(&self, p: &YearPart) -> Option<(i32, i32, Option<Era>)> {
        let ea = p.a.era;
        let eb = p.b.and_then(|b| b.era);
        let (ea, eb) = match (ea, eb) {
            (None, Some(e)) => (Some(e), Some(e)),
            (Some(Era::Bc), None) if p.b.is_some() => {
                if p.bv < p.a.v {
                    (Some(Era::Bc), Some(Era::Bc))
                } else {
                    (Some(Era::Bc), Some(Era::Ad))
                }
            }
            (Some(e), None) => (Some(e), Some(e)),
            x => x,
        };
        if (ea == Some(Era::Ah)) != (eb == Some(Era::Ah)) && p.b.is_some() {
            return None;
        }
        let ya = signed(p.a.v, ea);
        let yb = signed(p.bv, eb);
        if p.b.is_some() && yb < ya {
            return None;
        }
        let era = if ea.is_some() { ea } else { eb };
        Some((ya, yb, era))
    }

    /// The era and the token after the last member of a list that starts
    /// after `e` ("…, 1956 and 1967 BC"); only a list closed by and/or counts.
    pub(super) fn year_list_tail(&self, e: usize) -> (Option<Era>, usize) {
        let mut j = e;
        let mut last: Option<YearNum> = None;
        let mut conj = false;
        for _ in 0..16 {
            let mut k = j;
            let mut sep = false;
            if self.is_p(k, ',') {
                k += 1;
                sep = true;
            }
            if self.is_and_or(k) || self.is_p(k, '&') {
                k += 1;
                conj = true;
                sep = true;
            }
            if !sep {
                break;
            }
            // Members are years too: "by 2020 and 85 per cent by 2050" is no list.
            match self.year_number(k, false) {
                Some(u)
                    if !self.is_dash(u.e)
                        && !self.is_p(u.e, '/')
                        && (u.nd >= 3 || u.era.is_some()) =>
                {
                    last = Some(u);
                    j = u.e;
                    if conj {
                        break;
                    }
                }
                _ => break,
            }
        }
        match last {
            Some(u) if conj => (u.era, u.e),
            _ => (None, e),
        }
    }

    /// Is a Gregorian year close to `g1..g2` restated right after `e`
    /// ("1400 AH (1979)", "1400 AH/1980 CE")?
    pub(super) fn gregorian_restated_after(&self, e: usize, g1: i32, g2: i32) -> bool {
        let mut j = e;
        if self.is_p(j, '(') || self.is_p(j, '/') || self.is_p(j, ',') || self.is_p(j, '=') {
            j += 1;
        } else {
            return false;
        }
        match self.year_number(j, false) {
            Some(u) if u.era != Some(Era::Ah) && u.era != Some(Era::Bc) => {
                let v = u.v as i32;
                v >= g1 - 1 && v <= g2 + 1
            }
            _ => false,
        }
    }

    /// `year-range "/" year-range`: a Hijri range and its Gregorian equivalent
    /// ("1133–1342/1779–1924", "1400 AH/1980"), a year straddling two ("871/870 BC"),
    /// dual dating inside a range ("1636/7–1702"), a season ("1999/2000", "2015/16").
    pub(super) fn year_slash_year(
        &mut self,
        qs: usize,
        l: &LeftContext,
        p: YearPart,
        q: YearPart,
    ) -> usize {
        let end = q.e;
        let a1 = p.a.v as i64;
        let a2 = p.bv as i64;
        let b1 = q.a.v as i64;
        let b2 = q.bv as i64;
        let hij = |h: i64, g: i64| (560..=660).contains(&(g - h));
        let no_era = p.a.era.is_none()
            && q.a.era.is_none()
            && p.b.is_none_or(|b| b.era.is_none())
            && q.b.is_none_or(|b| b.era.is_none());
        let both_ranged = p.b.is_some() == q.b.is_some();
        if l.disq || self.is_citation(qs, end) {
            return end;
        }
        let right_bad = self.right_rules_out_year(end, false, false);
        // Which side is Hijri?
        let p_hijri =
            (p.a.era == Some(Era::Ah)) || (no_era && both_ranged && hij(a1, b1) && hij(a2, b2));
        let q_hijri =
            (q.a.era == Some(Era::Ah)) || (no_era && both_ranged && hij(b1, a1) && hij(b2, a2));
        if (p_hijri || q_hijri) && !right_bad {
            let (h, g) = if p_hijri { (p, q) } else { (q, p) };
            if h.a.v <= 1700 && h.bv <= 1700 && h.bv >= h.a.v {
                let (h1, h2) = hijri_years_to_gregorian(h.a.v, h.bv);
                let hs = if p_hijri { qs } else { h.a.s };
                let gs = if p_hijri { g.a.s } else { qs };
                let ge_ok = g.bv >= g.a.v
                    && (g.a.era.is_some()
                        || Self::in_year_window(g.a.v) && Self::in_year_window(g.bv));
                let gy1 = signed(
                    g.a.v,
                    if g.a.era == Some(Era::Bc) {
                        Some(Era::Bc)
                    } else {
                        None
                    },
                );
                let gy2 = signed(
                    g.bv,
                    if g.a.era == Some(Era::Bc) {
                        Some(Era::Bc)
                    } else {
                        None
                    },
                );
                let hm = Raw {
                    s: self.k[hs].s as usize,
                    e: self.k[h.e - 1].e as usize,
                    from: Some(HistDate::y(h1)),
                    to: Some(HistDate::y(h2)),
                    prec: Precision::Year,
                    cal: Some("hijri"),
                    restate: ge_ok,
                };
                let gm = Raw {
                    s: self.k[gs].s as usize,
                    e: self.k[g.e - 1].e as usize,
                    from: Some(HistDate::y(gy1)),
                    to: Some(HistDate::y(gy2)),
                    prec: Precision::Year,
                    cal: None,
                    restate: false,
                };
                if p_hijri {
                    self.out.push(hm);
                    if ge_ok {
                        self.out.push(gm);
                    }
                } else {
                    if ge_ok {
                        self.out.push(gm);
                    }
                    self.out.push(hm);
                }
                self.floor = end;
            }
            return end;
        }
        // A year that straddles two: "871/870 BC" (Hebrew or regnal years).
        if p.b.is_none()
            && q.b.is_none()
            && p.a.era.is_none()
            && q.a.era == Some(Era::Bc)
            && p.a.v == q.a.v + 1
            && !right_bad
        {
            self.push(
                qs,
                end,
                Some(HistDate::y(-(p.a.v as i32))),
                Some(HistDate::y(-(q.a.v as i32))),
                Precision::Year,
                None,
                false,
            );
            return end;
        }
        // Dual dating inside a range: "(1636/7–1702)", "between 1945 and 1950/1951".
        if no_era && !right_bad && Self::in_year_window(p.a.v) {
            let (from, to) =
                if p.b.is_none() && q.b.is_some() && expand_year(p.a.v, &q.a) == p.a.v + 1 {
                    (p.a.v, q.bv)
                } else if p.b.is_some() && q.b.is_none() && expand_year(p.bv, &q.a) == p.bv + 1 {
                    (p.a.v, p.bv + 1)
                } else {
                    (0, 0)
                };
            if from > 0 && Self::in_year_window(to) && to > from {
                self.push(
                    qs,
                    end,
                    Some(HistDate::y(from as i32)),
                    Some(HistDate::y(to as i32)),
                    Precision::Year,
                    None,
                    false,
                );
                return end;
            }
        }
        // Season or fiscal year: "1999/2000", "2015/16".
        if p.b.is_none() && q.b.is_none() && no_era && Self::in_year_window(p.a.v) && !right_bad {
            let mut bv = q.a.v;
            if q.a.nd <= 2 {
                let m = 10u32.pow(q.a.nd as u32);
                bv = p.a.v - p.a.v % m + q.a.v;
                if bv <= p.a.v {
                    bv += m;
                }
            }
            if bv == p.a.v + 1 {
                self.push(
                    qs,
                    end,
                    Some(HistDate::y(p.a.v as i32)),
                    Some(HistDate::y(bv as i32)),
                    Precision::Year,
                    None,
                    false,
                );
                return end;
            }
        }
        end
    }

    /// A range connector: a dash, lower-case "to", "until", "till", "through",
    /// "thru", or "and" after "between".
    pub(super) fn range_connector_at(&self, i: usize, between: bool) -> bool {
        self.is_dash(i)
            || (self.lexf(i) & RANGE_CONNECTOR != 0 && self.lower(i))
            || (between && self.wis(i, "and"))
    }
}
