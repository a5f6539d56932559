//! The tokenizer and the cursor's token tests. Numbers are read whole
//! ("2,000", "3.2", "1.2.3") so that a thousands group or a decimal is one
//! token the rules can refuse, never a year followed by noise; words carry
//! their capitalization, which the month and name rules need.

use super::*;

/// What a token is, as far as the tokenizer can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Digits, possibly with thousands commas or a decimal part.
    Num,
    /// Digits with st/nd/rd/th.
    Ord,
    /// Digits with a plural s ("1990s").
    Dec,
    Word,
    /// Letters and digits mixed ("A380", "Q1", "FY2016").
    Mixed,
    Punct,
}

/// Token flags (`Tok::f`). A number with thousands commas ("2,000") or a
/// decimal part ("3.2", "1.2.3") is never a year; a leading zero ("05")
/// only ends a range or a numeric date.
pub(super) const T_COMMA: u8 = 1;
pub(super) const T_DEC: u8 = 2;
pub(super) const T_LZ: u8 = 4;
/// A word that starts with a capital: month names must, and "Twentieth
/// Century Fox" is a name because its words do.
pub(super) const T_CAP: u8 = 8;
/// A word without lower-case letters: "MAR" is an acronym, "XIX" a numeral.
pub(super) const T_UPPER: u8 = 16;

/// A token: byte span, leading value and digit count for numbers, flags
/// (`T_*`), and the character of a punctuation token.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) k: Kind,
    pub(super) s: u32,
    pub(super) e: u32,
    pub(super) v: u32,
    pub(super) nd: u8,
    pub(super) f: u8,
    pub(super) c: char,
}

/// Splits a sentence into tokens; whitespace separates, punctuation is one
/// token per character.
pub(super) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut p = 0usize;
    while p < n {
        let c = b[p];
        if c < 0x80 {
            if c.is_ascii_whitespace() {
                p += 1;
            } else if c.is_ascii_alphanumeric() {
                p = word_run(text, p, out);
            } else {
                out.push(Tok {
                    k: Kind::Punct,
                    s: p as u32,
                    e: p as u32 + 1,
                    v: 0,
                    nd: 0,
                    f: 0,
                    c: c as char,
                });
                p += 1;
            }
            continue;
        }
        let ch = text[p..].chars().next().unwrap_or(' ');
        let l = ch.len_utf8();
        if ch.is_whitespace() {
            p += l;
        } else if ch.is_alphanumeric() {
            p = word_run(text, p, out);
        } else {
            out.push(Tok {
                k: Kind::Punct,
                s: p as u32,
                e: (p + l) as u32,
                v: 0,
                nd: 0,
                f: 0,
                c: ch,
            });
            p += l;
        }
    }
}

/// One run of letters and digits from `p0`: a number (with its thousands
/// groups and decimals), an ordinal, a decade, a word or a mixed token.
pub(super) fn word_run(text: &str, p0: usize, out: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let mut q = p0;
    while q < n {
        let c = b[q];
        if c < 0x80 {
            if c.is_ascii_alphanumeric() {
                q += 1;
            } else {
                break;
            }
        } else {
            match text[q..].chars().next() {
                Some(ch) if ch.is_alphanumeric() => q += ch.len_utf8(),
                _ => break,
            }
        }
    }
    let run = &b[p0..q];
    let lead = run.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut v: u32 = 0;
    for &d in &run[..lead] {
        v = v.saturating_mul(10).saturating_add((d - b'0') as u32);
    }
    let nd = lead.min(255) as u8;
    if lead == run.len() {
        let mut f = 0u8;
        if lead > 1 && run[0] == b'0' {
            f |= T_LZ;
        }
        let mut e = q;
        let mut total = lead;
        // Thousands groups: "2,000", "300,000" — never a year.
        if lead <= 3 && f & T_LZ == 0 {
            while e + 4 <= n
                && b[e] == b','
                && b[e + 1..e + 4].iter().all(u8::is_ascii_digit)
                && (e + 4 == n || !b[e + 4].is_ascii_alphanumeric())
            {
                for &d in &b[e + 1..e + 4] {
                    v = v.saturating_mul(10).saturating_add((d - b'0') as u32);
                }
                e += 4;
                total += 3;
                f |= T_COMMA;
            }
        }
        // Decimals and dotted chains: "3.2", "1.2.3".
        while e + 1 < n && b[e] == b'.' && b[e + 1].is_ascii_digit() {
            e += 1;
            while e < n && b[e].is_ascii_digit() {
                e += 1;
            }
            f |= T_DEC;
        }
        out.push(Tok {
            k: Kind::Num,
            s: p0 as u32,
            e: e as u32,
            v,
            nd: total.min(255) as u8,
            f,
            c: '\0',
        });
        return e;
    }
    let kind = if lead > 0 {
        let suf = &run[lead..];
        if suf.eq_ignore_ascii_case(b"s") {
            Kind::Dec
        } else if suf.eq_ignore_ascii_case(b"st")
            || suf.eq_ignore_ascii_case(b"nd")
            || suf.eq_ignore_ascii_case(b"rd")
            || suf.eq_ignore_ascii_case(b"th")
        {
            Kind::Ord
        } else {
            Kind::Mixed
        }
    } else if run.iter().any(u8::is_ascii_digit) {
        Kind::Mixed
    } else {
        Kind::Word
    };
    let mut f = 0u8;
    if kind == Kind::Word {
        if run.is_ascii() {
            if run[0].is_ascii_uppercase() {
                f |= T_CAP;
            }
            if !run.iter().any(u8::is_ascii_lowercase) {
                f |= T_UPPER;
            }
        } else {
            let w = &text[p0..q];
            if w.chars().next().is_some_and(char::is_uppercase) {
                f |= T_CAP;
            }
            if w.chars().all(|c| !c.is_lowercase()) {
                f |= T_UPPER;
            }
        }
    }
    if lead > 1 && run[0] == b'0' {
        f |= T_LZ;
    }
    out.push(Tok {
        k: kind,
        s: p0 as u32,
        e: q as u32,
        v,
        nd,
        f,
        c: '\0',
    });
    q
}

/// Every dash a range may be written with.
pub(super) fn is_dash_char(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '−' | '‑' | '‐' | '―')
}

/// The dashes that join words ("mid-1990s"), not ranges.
pub(super) fn is_hyphen_char(c: char) -> bool {
    matches!(c, '-' | '‑' | '‐')
}

/// Apostrophes, straight and curly: "'60s", "1990's".
pub(super) fn is_apos_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')
}

impl<'a> Parser<'a> {
    /// The token at `i`, if any: rules look past both ends freely.
    pub(super) fn tok(&self, i: usize) -> Option<&Tok> {
        self.k.get(i)
    }

    /// The text of token `i`, or "" past the end.
    pub(super) fn txt(&self, i: usize) -> &'a str {
        match self.k.get(i) {
            Some(t) => self.t.get(t.s as usize..t.e as usize).unwrap_or(""),
            None => "",
        }
    }

    /// The kind of token `i`.
    pub(super) fn kind(&self, i: usize) -> Option<Kind> {
        self.k.get(i).map(|t| t.k)
    }

    /// Is token `i` the punctuation `c`?
    pub(super) fn is_p(&self, i: usize, c: char) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == Kind::Punct && t.c == c)
    }

    /// Is token `i` a dash of any kind?
    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == Kind::Punct && is_dash_char(t.c))
    }

    /// Is token `i` a hyphen?
    pub(super) fn is_hyphen(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == Kind::Punct && is_hyphen_char(t.c))
    }

    /// Is token `i` an apostrophe?
    pub(super) fn is_apos(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == Kind::Punct && is_apos_char(t.c))
    }

    /// Do tokens `i` and `j` touch, with no space between?
    pub(super) fn adj(&self, i: usize, j: usize) -> bool {
        match (self.k.get(i), self.k.get(j)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }

    /// Is token `i` a word?
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// Is token `i` the word `w`, case-insensitively? For a production's fixed
    /// keywords ("between", "of", "the"); word classes go through `lexf`.
    pub(super) fn wis(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.txt(i).eq_ignore_ascii_case(w)
    }

    /// Is token `i` "and" or "or", the words that close a list ("1295 and
    /// 1300", "18th or 19th century")?
    pub(super) fn is_and_or(&self, i: usize) -> bool {
        self.wis(i, "and") || self.wis(i, "or")
    }

    /// The word classes of token `i` (none unless it is a word).
    pub(super) fn lex(&self, i: usize) -> Lex {
        if self.is_word(i) {
            lex_of(self.txt(i))
        } else {
            Lex::default()
        }
    }

    /// The class bits of token `i`.
    pub(super) fn lexf(&self, i: usize) -> u32 {
        self.lex(i).f
    }

    /// Is token `i` a word that does not start with a capital?
    pub(super) fn lower(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == Kind::Word && t.f & T_CAP == 0)
    }

    /// A plain number: digits only, no thousands comma, no decimals, no leading zero.
    pub(super) fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.k.get(i)?;
        (t.k == Kind::Num && t.f & (T_COMMA | T_DEC | T_LZ) == 0 && t.nd <= 4)
            .then_some((t.v, t.nd))
    }

    /// A number like `num`, but a leading zero is allowed ("05" in "1999–05").
    pub(super) fn num_lz(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.k.get(i)?;
        (t.k == Kind::Num && t.f & (T_COMMA | T_DEC) == 0 && t.nd <= 4).then_some((t.v, t.nd))
    }
}
