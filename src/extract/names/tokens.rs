//! A sentence as the names rules read it: words and punctuation with their byte spans, shape
//! flags (capitalized, acronym, initial, possessive) and word classes, keys folded into one
//! reused buffer so that a token costs no allocation.

use super::words::{LOWER_PREFIXES, ORG_CONNECTOR, WordClasses};

/// A word (letters or digits), not punctuation.
pub(super) const WORD: u8 = 1;
/// Starts with a capital, or is "al-Assad"-like: may be part of a name.
pub(super) const CAPITALIZED: u8 = 2;
/// Mostly capitals ("NATO", "U.S.").
pub(super) const ACRONYM: u8 = 4;
/// Had a possessive 's (or plural ') cut off.
pub(super) const POSSESSIVE: u8 = 8;
/// Starts with a digit.
pub(super) const NUMERIC: u8 = 16;
/// One capital letter ("J." in "J. Smith").
pub(super) const INITIAL: u8 = 32;
/// The key is the token's own text (lowercase ASCII), not in the key buffer.
pub(super) const KEY_IS_TEXT: u8 = 64;
/// `Tok::classes` has been looked up.
pub(super) const LOOKED_UP: u8 = 128;

/// Tokens around a capitalized word whose word lists rules may consult:
/// "according to X" on the left, "X , the former editor" or "X further also said" on the right.
pub(super) const CONTEXT_LEFT: usize = 3;
pub(super) const CONTEXT_RIGHT: usize = 6;

/// A word or punctuation mark: `Copy` and small, so the rules index a `Vec` of them freely.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    /// Byte span in the sentence.
    pub(super) s: usize,
    pub(super) e: usize,
    /// Span of the folded key: in the key buffer, or in the sentence with `KEY_IS_TEXT`.
    pub(super) ks: usize,
    pub(super) ke: usize,
    /// Shape flags (`WORD`, `CAPITALIZED`, ...).
    pub(super) flags: u8,
    /// The word lists the key is in (`WordClasses::bits`).
    pub(super) classes: u32,
    /// First char of a punctuation token; '\0' for words.
    pub(super) punct: char,
    /// Whitespace right before the token.
    pub(super) gap: bool,
}

impl Tok {
    pub(super) fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

pub(super) fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}
pub(super) fn is_hyph(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// The char at byte `i` (a char boundary), decoded on the ASCII fast path.
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        s.get(i..)?.chars().next()
    }
}

#[inline]
pub(super) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

pub(super) fn tokenize(s: &str, lex: &WordClasses, toks: &mut Vec<Tok>, keys: &mut String) {
    let mut pos = 0;
    let mut gap = true;
    while let Some(c) = char_at(s, pos) {
        if c.is_whitespace() {
            gap = true;
            pos += c.len_utf8();
            continue;
        }
        if !is_alnum(c) {
            // Tokenized newswire writes the possessive apart ("Sri Lanka 's Sanath
            // Jayasuriya"): it is read as it is read glued.
            if is_apos(c)
                && gap
                && matches!(char_at(s, pos + c.len_utf8()), Some('s' | 'S'))
                && !char_at(s, pos + c.len_utf8() + 1).is_some_and(is_alnum)
                && let Some(last) = toks.last_mut()
                && last.flags & WORD != 0
            {
                last.flags |= POSSESSIVE;
                pos += c.len_utf8() + 1;
                gap = false;
                continue;
            }
            let m = if c == '&' { ORG_CONNECTOR } else { 0 };
            toks.push(Tok {
                s: pos,
                e: pos + c.len_utf8(),
                ks: 0,
                ke: 0,
                flags: 0,
                classes: m,
                punct: c,
                gap,
            });
            gap = false;
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let mut end = pos + c.len_utf8();
        let mut seg_start = start; // start of the current dot-separated piece
        let mut dotted = false;
        let mut poss = false;
        let after: usize; // where scanning resumes
        loop {
            let Some(d) = char_at(s, end) else {
                after = end;
                break;
            };
            if is_alnum(d) {
                end += d.len_utf8();
                continue;
            }
            // "AT&T", "S&P", "P&G": capitals glued by an ampersand are one name.
            if d == '&'
                && end - start <= 3
                && s[start..end].bytes().all(|b| b.is_ascii_uppercase())
                && char_at(s, end + 1).is_some_and(|n| n.is_ascii_uppercase())
            {
                end += 1;
                continue;
            }
            if !(is_hyph(d) || is_apos(d) || d == '.') {
                after = end;
                break;
            }
            let n_at = end + d.len_utf8();
            match char_at(s, n_at) {
                Some(n) if is_alnum(n) => {
                    if is_apos(d)
                        && (n == 's' || n == 'S')
                        && !char_at(s, n_at + 1).is_some_and(is_alnum)
                    {
                        poss = true;
                        after = n_at + 1;
                        break;
                    }
                    if d == '.' {
                        // Only single-letter pieces join over a period (U.S., D.C., 1.6).
                        let piece = &s[seg_start..end];
                        if piece.chars().count() != 1 && !piece.bytes().all(|b| b.is_ascii_digit())
                        {
                            after = end;
                            break;
                        }
                        dotted = true;
                        seg_start = n_at;
                    }
                    end = n_at;
                }
                _ => {
                    if d == '.' && dotted {
                        end += 1; // the final period of "U.S."
                        after = end;
                    } else if is_apos(d) && s[start..end].ends_with(['s', 'S']) && end - start > 2 {
                        poss = true; // plural possessive: "Azerbaijanis'"
                        after = n_at;
                    } else {
                        after = end;
                    }
                    break;
                }
            }
        }
        let w = &s[start..end];
        let ascii = w.is_ascii();
        let (mut letters, mut upper) = (0usize, 0usize);
        if ascii {
            for &b in w.as_bytes() {
                letters += b.is_ascii_alphabetic() as usize;
                upper += b.is_ascii_uppercase() as usize;
            }
        } else {
            for ch in w.chars() {
                if ch.is_alphabetic() {
                    letters += 1;
                    upper += ch.is_uppercase() as usize;
                }
            }
        }
        // Most words are lowercase ASCII: their key is their own text, not copied.
        let src = ascii && upper == 0;
        let (ks, ke) = if src {
            (start, end)
        } else {
            let ks = keys.len();
            if ascii {
                keys.push_str(w);
                if let Some(k) = keys.get_mut(ks..) {
                    k.make_ascii_lowercase();
                }
            } else {
                for ch in w.chars() {
                    crate::vocab::fold::fold_name_char(ch, keys);
                }
            }
            (ks, keys.len())
        };
        let key = if src {
            w
        } else {
            keys.get(ks..ke).unwrap_or("")
        };
        let mut flags = WORD | if src { KEY_IS_TEXT } else { 0 };
        if c.is_numeric() {
            flags |= NUMERIC;
        } else {
            if c.is_uppercase() {
                flags |= CAPITALIZED;
                if upper >= 2 && upper * 2 >= letters + (letters > 4) as usize {
                    flags |= ACRONYM;
                }
                if letters == 1 {
                    flags |= INITIAL;
                }
            } else if upper > 0 {
                for p in LOWER_PREFIXES.iter() {
                    if key.starts_with(p) {
                        // A capital must follow: "al-Assad", not "al-qaeda".
                        let plen = p.chars().count();
                        if w.chars().nth(plen).is_some_and(char::is_uppercase) {
                            flags |= CAPITALIZED;
                        }
                        break;
                    }
                }
            }
        }
        if poss {
            flags |= POSSESSIVE;
        }
        // Lowercase words matter only next to a capitalized one; they are looked
        // up in the pass below.
        let m = if src {
            0
        } else {
            flags |= LOOKED_UP;
            lex.bits_as_written(key, s.get(start..end).unwrap_or(""))
        };
        toks.push(Tok {
            s: start,
            e: end,
            ks,
            ke,
            flags,
            classes: m,
            punct: '\0',
            gap,
        });
        gap = false;
        pos = after.max(end);
    }
    for i in 0..toks.len() {
        if toks[i].flags & CAPITALIZED == 0 {
            continue;
        }
        let hi = (i + CONTEXT_RIGHT + 1).min(toks.len());
        for t in &mut toks[i.saturating_sub(CONTEXT_LEFT)..hi] {
            if t.flags & (WORD | LOOKED_UP) == WORD {
                t.classes = lex.bits(s.get(t.ks..t.ke).unwrap_or(""));
                t.flags |= LOOKED_UP;
            }
        }
    }
}
