//! A sentence as the automaton sees it (ASCII-folded, case kept, offsets mapped back) and the
//! raw hits of one probe per capitalized word, with the word helpers the guards share.

use aho_corasick::{Anchored, Input};
use unicode_normalization::char::is_combining_mark;

use crate::extract::dateline::dateline_end;
use crate::extract::gazetteer::{NameKind, acronym, gazetteer};
use crate::vocab::fold::fold_char_keep_case;

/// A sentence as the automaton sees it: ASCII-folded, with a map back to original offsets.
pub(super) struct Folded<'a> {
    pub(super) orig: &'a str,
    pub(super) text: std::borrow::Cow<'a, str>,
    /// For each folded byte, the original byte offset of the character it came from; one
    /// extra entry holding the original length. Empty when the sentence was ASCII already.
    pub(super) starts: Vec<usize>,
    pub(super) orig_len: usize,
}

impl<'a> Folded<'a> {
    pub(super) fn new(s: &'a str) -> Folded<'a> {
        if s.is_ascii() {
            return Folded {
                orig: s,
                text: std::borrow::Cow::Borrowed(s),
                starts: Vec::new(),
                orig_len: s.len(),
            };
        }
        let mut text = String::with_capacity(s.len());
        let mut starts = Vec::with_capacity(s.len() + 1);
        for (i, ch) in s.char_indices() {
            let before = text.len();
            fold_char_keep_case(ch, &mut text);
            starts.extend(std::iter::repeat_n(i, text.len() - before));
        }
        starts.push(s.len());
        Folded {
            orig: s,
            text: std::borrow::Cow::Owned(text),
            starts,
            orig_len: s.len(),
        }
    }

    /// Original span of folded span `[s, e)`: from the start of the first character to the
    /// end of the last one.
    pub(super) fn orig_span(&self, s: usize, e: usize) -> (usize, usize) {
        if self.starts.is_empty() {
            return (s, e);
        }
        let os = self.starts[s];
        let last = self.starts[e - 1];
        // the end of the character that produced byte e-1 is the next different start
        let mut j = e;
        while j < self.starts.len() && self.starts[j] == last {
            j += 1;
        }
        let mut oe = self.starts.get(j).copied().unwrap_or(self.orig_len);
        // combining marks fold to nothing: take those after the last letter along
        if let Some(rest) = self.orig.get(oe..) {
            oe += rest
                .chars()
                .take_while(|&c| is_combining_mark(c))
                .map(char::len_utf8)
                .sum::<usize>();
        }
        (os, oe)
    }
}

/// Letters and digits, and `\u{1}`, the fold of a letter with no ASCII form.
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == 1
}

/// The hits of one sentence that survived the guards, with their original spans.
pub(super) type Kept = Vec<(Raw, (usize, usize))>;

/// A raw hit before ambiguity resolution.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) entry: usize,
}

/// Whether `text` (same length as `surface`, equal ignoring ASCII case) is written the way
/// the gazetteer writes the name: acronyms exactly ("US", not "us" or "Us"); otherwise every
/// letter capitalized in the gazetteer capitalized in the text. Text in capitals ("IRAN") is
/// taken only for names of at least `caps_min` letters: "ILO", "OAS" are no towns, "BRIT" no
/// demonym.
pub(super) fn case_ok(text: &[u8], surface: &[u8], caps_min: usize) -> bool {
    if text.len() != surface.len() {
        return false;
    }
    let s = ascii_str(surface);
    if acronym(s) {
        return text == surface;
    }
    let letters = text.iter().filter(|b| b.is_ascii_alphabetic()).count();
    if !text.iter().any(u8::is_ascii_lowercase) && letters > 1 {
        return letters >= caps_min;
    }
    // capitals where the gazetteer has them; extra capitals at word starts ("Côte
    // D'Ivoire"), inside a word only for countries and demonyms ("VietNam", as the UN wrote
    // it; but "OSs" is no "Oss")
    let inner_caps_ok = caps_min <= 6;
    surface.iter().zip(text).enumerate().all(|(i, (s, t))| {
        if s.is_ascii_uppercase() {
            t.is_ascii_uppercase()
        } else {
            !t.is_ascii_uppercase()
                || inner_caps_ok
                || i == 0
                || !surface[i - 1].is_ascii_alphabetic()
        }
    })
}

/// The folded text is ASCII (and `\u{1}`, `\u{2}`), so this never fails on a slice of it.
pub(super) fn ascii_str(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or("")
}

/// The word (letters, apostrophes, inner hyphens) starting at `i`, if any.
pub(super) fn word_at(t: &[u8], i: usize) -> Option<(usize, usize)> {
    if i >= t.len() || !t[i].is_ascii_alphabetic() {
        return None;
    }
    let mut j = i;
    while j < t.len()
        && (t[j].is_ascii_alphanumeric()
            || ((t[j] == b'\'' || t[j] == b'-')
                && j + 1 < t.len()
                && t[j + 1].is_ascii_alphabetic()))
    {
        j += 1;
    }
    Some((i, j))
}

/// The word right after `end` across one space.
pub(super) fn next_word(t: &[u8], end: usize) -> Option<(usize, usize)> {
    if end < t.len() && t[end] == b' ' {
        word_at(t, end + 1)
    } else {
        None
    }
}

/// The word right before `start` across one space (or a period after a title: "Mr. ").
pub(super) fn prev_word(t: &[u8], start: usize) -> Option<(usize, usize)> {
    if start < 2 || t[start - 1] != b' ' {
        return None;
    }
    let mut e = start - 1;
    if t[e - 1] == b'.' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && (t[s - 1].is_ascii_alphanumeric() || t[s - 1] == b'\'') {
        s -= 1;
    }
    (s < e && t[s].is_ascii_alphabetic()).then_some((s, e))
}

/// Whether the word at `s` opens the sentence or a clause (so its capital says nothing).
pub(super) fn sentence_initial(t: &[u8], s: usize) -> bool {
    let mut i = s;
    while i > 0
        && matches!(
            t[i - 1],
            b' ' | b'"' | b'\'' | b'(' | b'[' | b'*' | b'\t' | b'\n'
        )
    {
        i -= 1;
    }
    i == 0 || matches!(t[i - 1], b'.' | b'!' | b'?' | b':' | b';' | b']' | b'\x02')
}

pub(super) fn lower(w: &[u8]) -> String {
    String::from_utf8_lossy(w).to_ascii_lowercase()
}

/// Finds the raw hits of one folded sentence.
pub(super) fn scan(t: &[u8]) -> Vec<Raw> {
    let g = gazetteer();
    let ac = g.automaton();
    let low = t.to_ascii_lowercase();
    let dateline = dateline_end(t);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // every name in the gazetteer starts with a capital, so only capitalized word starts
        // are probed
        let Some(off) = t[i..].iter().position(u8::is_ascii_uppercase) else {
            break;
        };
        i += off;
        if i > 0 && is_word_byte(t[i - 1]) {
            i += 1;
            continue;
        }
        // longest name starting here that ends on a token boundary and is capitalized right;
        // when the longest fails, look again for a shorter one ("the Dominican republic")
        let mut limit = t.len();
        let mut found = None;
        while limit > i {
            let input = Input::new(&low).span(i..limit).anchored(Anchored::Yes);
            let Ok(Some(m)) = ac.try_find(input) else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            // a name ends before a non-word byte, or with its own period ("U.S.") or hyphen
            // (the combining forms "Russo-", "Anglo-")
            let boundary = e == t.len()
                || !is_word_byte(t[e])
                || (t[e - 1] == b'.' && !t[e].is_ascii_lowercase())
                || t[e - 1] == b'-';
            let ok = boundary
                && g.entry(m.pattern().as_usize()).is_some_and(|en| {
                    let cands = g.candidates(en);
                    let caps_min = if cands.iter().any(|c| c.kind == NameKind::Country) {
                        4
                    } else if cands.iter().any(|c| c.kind == NameKind::Demonym) {
                        6
                    } else if e <= dateline {
                        3 // a dateline's place in capitals: "BEIRUT —", "CHARLESTON, W.Va."
                    } else {
                        usize::MAX
                    };
                    g.surfaces(en)
                        .iter()
                        .any(|sf| case_ok(&t[s..e], sf.as_bytes(), caps_min))
                });
            if ok {
                found = Some(Raw {
                    start: s,
                    end: e,
                    entry: m.pattern().as_usize(),
                });
                break;
            }
            if e <= i + 1 {
                break;
            }
            limit = e - 1;
        }
        match found {
            Some(r) => {
                i = r.end;
                out.push(r);
            }
            None => i += 1,
        }
    }
    out
}
