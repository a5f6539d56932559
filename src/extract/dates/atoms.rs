//! The atoms the productions are built from: year numbers with their era
//! markers, month names, day numbers, century ordinals (digits, words, Roman
//! numerals) and decade numbers. An atom says what a token could be; whether it
//! is one is for the rules and the guards around them.

use super::*;

/// An era marker; AH makes the number a Hijri year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Era {
    Bc,
    Ad,
    Ah,
}

/// A number that may be a year: its token span (era markers included).
#[derive(Clone, Copy, Debug)]
pub(super) struct YearNum {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) n: usize,
    pub(super) v: u32,
    pub(super) nd: u8,
    pub(super) era: Option<Era>,
}

/// A historical year from a number and its era: BC years are negative.
pub(super) fn signed(v: u32, era: Option<Era>) -> i32 {
    let v = v.min(100_000) as i32;
    if era == Some(Era::Bc) { -v } else { v }
}

/// The year `u` stands for after `base`, reading a one- or two-digit `u` as
/// its last digits ("1636/7" → 1637, "1999/00" → 2000).
pub(super) fn expand_year(base: u32, u: &YearNum) -> u32 {
    if u.nd > 2 {
        return u.v;
    }
    let m = 10u32.pow(u.nd as u32);
    let mut v = base - base % m + u.v;
    if v <= base {
        v += m;
    }
    v
}

/// Value of an upper-case Roman numeral up to XL ("XIX" → 19).
pub(super) fn roman(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 7 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for b in w.bytes().rev() {
        let v = match b {
            b'I' => 1,
            b'V' => 5,
            b'X' => 10,
            b'L' => 50,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

impl<'a> Parser<'a> {
    /// "BC", "BCE", "AD", "CE", "AH", and dotted "B.C.", "a.d.", "B.C.E.".
    pub(super) fn era_marker(&self, i: usize) -> Option<(Era, usize)> {
        let t = self.tok(i)?;
        if t.k != Kind::Word {
            return None;
        }
        let w = self.txt(i);
        // Written out: "the tenth century before Christ".
        if w.eq_ignore_ascii_case("before") && self.wis(i + 1, "Christ") {
            return Some((Era::Bc, i + 2));
        }
        // "the second century Hegira", "the Hijri year 1443"
        if ["Hegira", "Hejira", "Hijra", "Hijrah", "Hijri"]
            .iter()
            .any(|h| w.eq_ignore_ascii_case(h))
        {
            let e = if self.wis(i + 1, crate::vocab::time::YEAR_WORD) {
                i + 2
            } else {
                i + 1
            };
            return Some((Era::Ah, e));
        }
        if w.len() >= 2 {
            let era = match w {
                "BC" | "BCE" | "bc" | "bce" | "Bc" | "B.C" => Era::Bc,
                "AD" | "CE" => Era::Ad,
                "AH" => Era::Ah,
                _ => return None,
            };
            return Some((era, i + 1));
        }
        // Dotted: single letters each followed by an adjacent '.'.
        let mut letters = [0u8; 3];
        let mut n = 0;
        let mut j = i;
        while n < 3 {
            let Some(tj) = self.tok(j) else { break };
            // "B.C." or spaced, "B. C."
            let spaced_ok = n > 0 && self.is_p(j - 1, '.');
            if tj.k != Kind::Word
                || tj.e - tj.s != 1
                || (n > 0 && !self.adj(j - 1, j) && !spaced_ok)
            {
                break;
            }
            letters[n] = self.txt(j).as_bytes()[0].to_ascii_uppercase();
            n += 1;
            if self.is_p(j + 1, '.') && self.adj(j, j + 1) {
                j += 2;
            } else {
                j += 1;
                break;
            }
        }
        if n < 2 {
            return None;
        }
        let era = match &letters[..n] {
            b"BC" | b"BCE" => Era::Bc,
            b"AD" | b"CE" => Era::Ad,
            b"AH" => Era::Ah,
            _ => return None,
        };
        Some((era, j))
    }

    /// An era marker that stands before a number: "AD 79", "A.D. 79", "AH 1400".
    pub(super) fn era_marker_before(&self, i: usize) -> Option<(Era, usize)> {
        for back in 1..=4 {
            if i < back || i - back < self.floor {
                break;
            }
            let s = i - back;
            if let Some((era, nx)) = self.era_marker(s)
                && nx == i
                && matches!(era, Era::Ad | Era::Ah)
                && (self.txt(s) != "CE")
            {
                return Some((era, s));
            }
        }
        None
    }

    /// A number that may be a year, with the era marker before or after it:
    /// "1920", "AD 79", "A.D. 79", "44 BC", "10,000 BC" (thousands commas only before an era).
    /// `lz_ok` admits a leading zero, for the end of "1999–05".
    pub(super) fn year_number(&self, i: usize, lz_ok: bool) -> Option<YearNum> {
        let plain = if lz_ok { self.num_lz(i) } else { self.num(i) };
        let (v, nd) = match plain {
            Some(x) => x,
            // "10,000 BC": thousands commas are fine before an era marker.
            None => {
                let t = self.tok(i)?;
                let era_next = matches!(self.era_marker(i + 1), Some((Era::Bc | Era::Ad, _)));
                if t.k != Kind::Num
                    || t.f & (T_DEC | T_LZ) != 0
                    || t.f & T_COMMA == 0
                    || !era_next
                    || t.v > 99_999
                {
                    return None;
                }
                (t.v, t.nd)
            }
        };
        if v == 0 {
            return None;
        }
        let mut s = i;
        let mut era = None;
        if let Some((er, st)) = self.era_marker_before(i) {
            era = Some(er);
            s = st;
        }
        let mut e = i + 1;
        if era.is_none()
            && let Some((er, nx)) = self.era_marker(i + 1)
        {
            era = Some(er);
            e = nx;
        }
        Some(YearNum {
            s,
            e,
            n: i,
            v,
            nd,
            era,
        })
    }

    /// A capitalized month name or abbreviation and the token after it (and its
    /// dot): "January", "Jan.", "Sept". All-caps "MAR", "DEC" are mostly acronyms.
    pub(super) fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.k != Kind::Word || t.f & T_CAP == 0 {
            return None;
        }
        let x = self.lex(i);
        if x.f & MONTH_NAME == 0 {
            return None;
        }
        let w = self.txt(i);
        // Abbreviations in all caps ("MAR", "DEC") are mostly acronyms.
        if w.len() <= 4
            && t.f & T_UPPER != 0
            && w.len() > 1
            && !matches!(w, "MAY" | "JUNE" | "JULY")
        {
            return None;
        }
        let mut j = i + 1;
        if w.len() <= 4 && self.is_p(j, '.') && self.adj(i, j) {
            j += 1;
        }
        Some((x.n, j))
    }

    /// A day of the month, 1 to 31: "4", "04", "4th".
    pub(super) fn day_number(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        let ok = match t.k {
            Kind::Num => t.f & (T_COMMA | T_DEC) == 0 && t.nd <= 2,
            Kind::Ord => t.nd <= 2,
            _ => false,
        };
        (ok && (1..=31).contains(&t.v)).then_some((t.v as u8, i + 1))
    }

    /// (value, start, end) of a decade token: "1990s", "1990's", "'60s", "470s".
    pub(super) fn decade_number(&self, i: usize) -> Option<(u32, usize, usize)> {
        let t = *self.tok(i)?;
        match t.k {
            Kind::Dec => {
                if t.f & T_LZ != 0 || t.v % 10 != 0 {
                    return None;
                }
                if t.nd == 2 && i > 0 && self.is_apos(i - 1) && self.adj(i - 1, i) {
                    return Some((1900 + t.v, i - 1, i + 1));
                }
                (t.nd == 3 || t.nd == 4).then_some((t.v, i, i + 1))
            }
            Kind::Num => {
                let (v, nd) = self.num(i)?;
                if v % 10 != 0 || nd < 3 {
                    return None;
                }
                if self.is_apos(i + 1)
                    && self.adj(i, i + 1)
                    && self.adj(i + 1, i + 2)
                    && self.txt(i + 2) == "s"
                {
                    return Some((v, i, i + 3));
                }
                None
            }
            _ => None,
        }
    }

    /// The ordinal of a century or millennium: "5th", "fifth", "twenty-first",
    /// "twenty- first", "XIX", "XIXth"; a cardinal only before singular 'century':
    /// "the 14 century".
    pub(super) fn century_ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        match t.k {
            // "from the 12th to the 14 century": a cardinal only before a singular 'century'.
            Kind::Num => (t.f & (T_LZ | T_COMMA | T_DEC) == 0
                && (1..=21).contains(&t.v)
                && (self.wis(i + 1, crate::vocab::time::CENTURY_WORD)
                    || self.wis(i + 1, "millennium")))
            .then_some((t.v, i + 1)),
            Kind::Ord => (t.f & T_LZ == 0 && (1..=99).contains(&t.v)).then_some((t.v, i + 1)),
            Kind::Word => {
                let x = self.lex(i);
                if x.f & ORDINAL_WORD != 0 {
                    return Some((x.n as u32, i + 1));
                }
                // "the XIX century", "the XIXth century" (common in translated prose)
                if t.f & T_UPPER != 0 || self.txt(i).ends_with("th") {
                    let w = self.txt(i);
                    let w = w.strip_suffix("th").unwrap_or(w);
                    if let Some(n) = roman(w).filter(|_| w != "I") {
                        // The numeral must lead to 'century', directly or
                        // through a range: "from the XV to the XVII century".
                        let mut k = i + 1;
                        let mut leads = false;
                        while k < i + 6 {
                            if self.century_word_at(k).is_some() {
                                leads = true;
                                break;
                            }
                            let ok = self.range_connector_at(k, true)
                                || self.wis(k, "the")
                                || self.tok(k).is_some_and(|t| {
                                    t.f & T_UPPER != 0 && roman(self.txt(k)).is_some()
                                });
                            if !ok {
                                break;
                            }
                            k += 1;
                        }
                        if (1..=40).contains(&n) && leads {
                            return Some((n, i + 1));
                        }
                    }
                }
                if x.f & TENS_WORD != 0 {
                    // "twenty-first", "twenty first", and "twenty- first" from broken lines
                    let j = if self.is_hyphen(i + 1) { i + 2 } else { i + 1 };
                    let y = self.lex(j);
                    if y.f & ORDINAL_WORD != 0 && (1..=9).contains(&y.n) {
                        return Some((x.n as u32 + y.n as u32, j + 1));
                    }
                    if self
                        .tok(j)
                        .is_some_and(|t| t.k == Kind::Ord && (1..=9).contains(&t.v))
                    {
                        return None;
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// 'century', "centuries", "millennium", "millennia", also after a hyphen
    /// ("19th-century"); returns the token after it.
    pub(super) fn century_word_at(&self, i: usize) -> Option<usize> {
        let j = if i > 0 && self.is_hyphen(i) && self.adj(i - 1, i) {
            i + 1
        } else {
            i
        };
        (self.lexf(j) & CENTURY_WORD != 0).then_some(j + 1)
    }

    /// 1000 if the word before `e` is "millennium"/"millennia", else 100.
    pub(super) fn century_scale(&self, e: usize) -> i32 {
        if e > 0
            && self
                .txt(e - 1)
                .get(..8)
                .is_some_and(|w| w.eq_ignore_ascii_case("millenni"))
        {
            1000
        } else {
            100
        }
    }
}
