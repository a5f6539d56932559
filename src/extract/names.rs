//! People and organizations named in one sentence, found by rules alone.
//!
//! This module owns the person/org facet: it chunks capitalized runs of a
//! sentence and classifies each as a person, an organization or neither, from
//! titles and roles around it, given names, name particles, surname endings,
//! organization cue words and acronyms in parentheses. No statistical model is
//! used. Its word lists are embedded (`data/given-names.txt`, built from the
//! public-domain SSA baby names by `tools/names/build_given_names.py`, and the
//! names-and-places classes of `data/lexicon.txt`) and compiled once. `fold_name` gives the key that
//! groups spellings of one name (case and diacritics folded).

use super::lexicon;
pub use crate::vocab::fold::fold_name;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Person,
    Org,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    /// Byte span in the sentence, end exclusive, on char boundaries.
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
    /// Surface form, without a possessive 's.
    pub text: String,
    /// `fold_name(text)`.
    pub key: String,
}

const GIVEN_TXT: &str = include_str!("../../data/given-names.txt");

// ---------------------------------------------------------------------------
// Word lists

/// FxHash: the keys are short words looked up many times a sentence, where
/// SipHash would cost more than the rest of the work.
type Map = FxHashMap<&'static str, u32>;

/// Every word list in one map from folded key to a bit set of the lists it is
/// in: one lookup per token, done once in the tokenizer.
struct Lex {
    bits: Map,
}

// The lists a key can be in, as bits of a `Lex::bits` value.
const GIVEN: u32 = 1 << 0;
const PLACE: u32 = 1 << 1;
const DEMONYM: u32 = 1 << 2;
const STOP: u32 = 1 << 3;
const COMMON: u32 = 1 << 4;
const PERSON: u32 = 1 << 5;
const ORG: u32 = 1 << 6;
const DOCUMENT: u32 = 1 << 7;
const ORG_CUE: u32 = 1 << 8;
const LOWER_ORG_CUE: u32 = 1 << 9;
const TITLE: u32 = 1 << 10;
const POST_TITLE: u32 = 1 << 11;
const ROLE: u32 = 1 << 12;
const REPORT: u32 = 1 << 13;
const ADVERB: u32 = 1 << 14;
const PARTICLE: u32 = 1 << 15;
const STRONG_PARTICLE: u32 = 1 << 16;
const CONNECTOR: u32 = 1 << 17;
const GEO_WORD: u32 = 1 << 18;
const ABBREV: u32 = 1 << 19;
const APPOSITION_WORD: u32 = 1 << 20;
const PERSONAL_NOUN: u32 = 1 << 21;
const REGNAL_NUMBER: u32 = 1 << 22;
const PLACE_PREFIX: u32 = 1 << 23;

impl Lex {
    #[inline]
    fn bits(&self, k: &str) -> u32 {
        self.bits.get(k).copied().unwrap_or(0)
    }
    #[inline]
    fn has(&self, bit: u32, k: &str) -> bool {
        self.bits(k) & bit != 0
    }
}

/// Longest capitalized run considered, in tokens.
const MAX_RUN: usize = 32;

/// The `data/lexicon.txt` word classes behind each bit of `Lex::bits`.
const CLASSES: &[(&str, u32)] = &[
    ("place", PLACE),
    ("demonym", DEMONYM),
    ("run-stop", STOP),
    ("common-noun", COMMON),
    ("one-word-person", PERSON),
    ("cueless-org", ORG),
    ("document-word", DOCUMENT),
    ("org-cue", ORG_CUE),
    ("lowercase-org-cue", LOWER_ORG_CUE),
    ("title", TITLE),
    ("title-after-name", POST_TITLE),
    ("role", ROLE),
    ("reporting-verb", REPORT),
    ("reporting-adverb", ADVERB),
    ("particle", PARTICLE),
    ("particle-person-only", STRONG_PARTICLE),
    ("org-connector", CONNECTOR),
    ("non-person-end", GEO_WORD),
    ("abbreviation", ABBREV),
    ("apposition-cue", APPOSITION_WORD),
    ("personal-noun", PERSONAL_NOUN),
    ("regnal-number", REGNAL_NUMBER),
    ("place-name-start", PLACE_PREFIX),
];

static LEX: LazyLock<Lex> = LazyLock::new(|| {
    let mut bits = Map::default();
    let mut add = |k: &'static str, bit: u32| *bits.entry(k).or_insert(0) |= bit;
    for l in GIVEN_TXT.lines() {
        let l = l.trim();
        if !l.is_empty() && !l.starts_with('#') {
            add(l, GIVEN);
        }
    }
    for &(class, bit) in CLASSES {
        for w in lexicon::words(class) {
            add(w, bit);
        }
    }
    Lex { bits }
});

/// Surname endings (`surname-ending`): a weak cue, used only with context.
static SURNAME_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::words("surname-ending").collect());

/// Prefixes of Arabic-style names written in lowercase before a capital
/// ("al-Assad"), in the lexicon's order (`lowercase-name-prefix`).
static LOWER_PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::words("lowercase-name-prefix").collect());

// ---------------------------------------------------------------------------
// Tokens

const WORD: u8 = 1;
const CAP: u8 = 2;
const ACR: u8 = 4;
const POSS: u8 = 8;
const NUM: u8 = 16;
const INITIAL: u8 = 32;
/// The key is the token's own text (lowercase ASCII), not in the key buffer.
const SRC: u8 = 64;
/// `Tok::m` has been looked up.
const LOOKED: u8 = 128;

/// Tokens around a capitalized word whose word lists rules may consult:
/// "according to X" on the left, "X , the former editor" or "X further also said" on the right.
const CONTEXT_LEFT: usize = 3;
const CONTEXT_RIGHT: usize = 6;

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: usize,
    e: usize,
    ks: usize,
    ke: usize,
    flags: u8,
    /// The word lists the key is in (`Lex::bits`).
    m: u32,
    /// First char of a punctuation token; '\0' for words.
    p: char,
    /// Whitespace right before the token.
    gap: bool,
}

impl Tok {
    fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}
fn is_hyph(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// The char at byte `i` (a char boundary), decoded on the ASCII fast path.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        s.get(i..)?.chars().next()
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn tokenize(s: &str, lex: &Lex, toks: &mut Vec<Tok>, keys: &mut String) {
    let mut pos = 0;
    let mut gap = true;
    while let Some(c) = char_at(s, pos) {
        if c.is_whitespace() {
            gap = true;
            pos += c.len_utf8();
            continue;
        }
        if !is_alnum(c) {
            let m = if c == '&' { CONNECTOR } else { 0 };
            toks.push(Tok {
                s: pos,
                e: pos + c.len_utf8(),
                ks: 0,
                ke: 0,
                flags: 0,
                m,
                p: c,
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
        let mut flags = WORD | if src { SRC } else { 0 };
        if c.is_numeric() {
            flags |= NUM;
        } else {
            if c.is_uppercase() {
                flags |= CAP;
                if upper >= 2 && upper * 2 >= letters + (letters > 4) as usize {
                    flags |= ACR;
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
                            flags |= CAP;
                        }
                        break;
                    }
                }
            }
        }
        if poss {
            flags |= POSS;
        }
        // Lowercase words matter only next to a capitalized one; they are looked
        // up in the pass below.
        let m = if src {
            0
        } else {
            flags |= LOOKED;
            lex.bits(key)
        };
        toks.push(Tok {
            s: start,
            e: end,
            ks,
            ke,
            flags,
            m,
            p: '\0',
            gap,
        });
        gap = false;
        pos = after.max(end);
    }
    for i in 0..toks.len() {
        if toks[i].flags & CAP == 0 {
            continue;
        }
        let hi = (i + CONTEXT_RIGHT + 1).min(toks.len());
        for t in &mut toks[i.saturating_sub(CONTEXT_LEFT)..hi] {
            if t.flags & (WORD | LOOKED) == WORD {
                t.m = lex.bits(s.get(t.ks..t.ke).unwrap_or(""));
                t.flags |= LOOKED;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Classification

struct Cx<'a> {
    s: &'a str,
    t: Vec<Tok>,
    keys: String,
    lex: &'static Lex,
    out: Vec<NameHit>,
    /// Buffer for multi-word keys.
    scratch: RefCell<String>,
    /// The previous chunk of this run was a person named after a role, and an
    /// "and" follows: "analysts Cagaptay and Murinson" shares the role.
    and_license: bool,
    last_licensed_person: bool,
}

impl<'a> Cx<'a> {
    fn key(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.flags & SRC != 0 => self.s.get(t.ks..t.ke).unwrap_or(""),
            Some(t) if t.flags & WORD != 0 => self.keys.get(t.ks..t.ke).unwrap_or(""),
            Some(t) if t.p == '&' => "&",
            _ => "",
        }
    }
    /// Token i is in a word list (`bit`).
    #[inline]
    fn tb(&self, i: usize, bit: u32) -> bool {
        self.t.get(i).is_some_and(|t| t.m & bit != 0)
    }
    fn word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.is(WORD))
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.flags == 0 && t.p == c)
    }
    fn capword(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.is(CAP) && !t.is(NUM))
    }
    fn lower(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.is(WORD) && !t.is(CAP) && !t.is(NUM))
    }

    /// Word lists that tokens a..b, as one phrase, are in ("caspian sea"): the
    /// keys joined by single spaces, punctuation other than '&' skipped.
    fn span_bits(&self, a: usize, b: usize) -> u32 {
        let mut words = (a..b).filter(|&i| !self.key(i).is_empty());
        let (Some(first), second) = (words.next(), words.next()) else {
            return 0;
        };
        if second.is_none() {
            return self.t.get(first).map_or(0, |t| t.m);
        }
        let Ok(mut k) = self.scratch.try_borrow_mut() else {
            return 0;
        };
        k.clear();
        for i in a..b {
            let w = self.key(i);
            if w.is_empty() {
                continue;
            }
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(w);
        }
        self.lex.bits(&k)
    }

    /// Exclusive end of the capitalized run starting at i: capitalized words
    /// glued by particles, connectors and the periods of initials and titles.
    fn run_end(&self, i: usize) -> usize {
        let n = self.t.len();
        let mut j = i;
        let mut end = i;
        while j < n {
            // No real name is this long; the cap also keeps pathological input linear.
            if j - i >= MAX_RUN {
                break;
            }
            if self.capword(j) {
                j += 1;
                end = j;
                if self.t[j - 1].is(POSS) {
                    break;
                }
                continue;
            }
            if j == i {
                break;
            }
            let k = self.key(j);
            if self.punct(j, '.') && !self.t[j].gap {
                if (self.t[j - 1].is(INITIAL) || self.tb(j - 1, ABBREV)) && self.capword(j + 1) {
                    j += 1;
                    continue;
                }
                break;
            }
            if self.lower(j) && self.tb(j, PARTICLE) && self.capword(j + 1) {
                j += 1;
                continue;
            }
            if (self.lower(j) || self.punct(j, '&')) && self.tb(j, CONNECTOR) {
                if self.capword(j + 1) && k != "the" {
                    j += 1;
                    continue;
                }
                if self.key(j + 1) == "the" && self.lower(j + 1) && self.capword(j + 2) {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        end
    }

    fn run(&mut self) {
        let n = self.t.len();
        let mut i = 0;
        while i < n {
            if !self.capword(i) {
                i += 1;
                continue;
            }
            let e = self.run_end(i);
            let e = e.max(i + 1);
            self.process_run(i, e);
            i = e;
        }
        // Drop hits nested inside a longer one of the same kind (a run may be
        // classified twice, whole and in parts). Sorted by start, longest first,
        // a hit is nested exactly when an earlier one of its kind reaches as far.
        self.out
            .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut reach = [0usize; 2];
        self.out.retain(|h| {
            let r = &mut reach[(h.kind == NameKind::Org) as usize];
            if h.end <= *r {
                return false;
            }
            *r = h.end;
            true
        });
    }

    fn process_run(&mut self, a: usize, b: usize) {
        // Split into segments at connectors; particles and dots stay inside.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut s = a;
        let mut i = a;
        while i < b {
            let is_conn = (self.lower(i) || self.punct(i, '&')) && self.tb(i, CONNECTOR);
            if is_conn {
                if s < i {
                    segs.push((s, i));
                }
                s = i + 1;
            }
            i += 1;
        }
        if s < b {
            segs.push((s, b));
        }
        if segs.is_empty() {
            return;
        }
        // Merge segments across connectors into one org name when a cue licenses it.
        let mut chunks: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, merged)
        let mut cur = segs[0];
        let mut merged = false;
        for &next in &segs[1..] {
            let conn = self.key(cur.1);
            let cur_cue = self.has_cue(cur.0, cur.1);
            let next_cue = self.has_cue(next.0, next.1);
            // A cue ending the segment takes a complement ("Bank of England",
            // "Committee on Disarmament"); "Court of Justice on the Legal
            // Consequences" is where a name has ended and prose resumes.
            let last_cue = self.capword(cur.1 - 1) && self.tb(cur.1 - 1, ORG_CUE);
            let join = match conn {
                "of" | "for" => {
                    last_cue
                        || (merged
                            && next.1 - next.0 <= 3
                            && !(next.0..next.1).any(|i| self.tb(i, STOP))
                            && !self.any_given(next.0, next.1)
                            && !self.has_cue(next.0, next.1))
                }
                "on" => last_cue,
                "and" | "&" => {
                    let plain_next = !self.is_placeish(next.0, next.1)
                        && !self.any_given(next.0, next.1)
                        && self.span_bits(next.0, next.1) & ORG == 0
                        && self.key(cur.1 + 1) != "the";
                    // "Food and Agriculture Organization", "Economic and Social Council".
                    (next_cue
                        && !cur_cue
                        && cur.1 - cur.0 <= 2
                        && !self.is_placeish(cur.0, cur.1)
                        && !self.any_given(cur.0, cur.1)
                        && self.span_bits(self.strip_stop(cur.0, cur.1), cur.1) & ORG == 0
                        && self.key(cur.1 + 1) != "the")
                        // "Conference on Security and Co-operation", "Office on Drugs and Crime".
                        || (merged && plain_next && next.1 - next.0 <= 3)
                }
                _ => false,
            };
            if join {
                cur = (cur.0, next.1);
                merged = true;
            } else {
                chunks.push((cur.0, cur.1, merged));
                cur = next;
                merged = false;
            }
        }
        chunks.push((cur.0, cur.1, merged));
        self.last_licensed_person = false;
        for (ca, cb, merged) in chunks {
            self.and_license = self.last_licensed_person && ca > 0 && self.key(ca - 1) == "and";
            self.last_licensed_person = false;
            if merged {
                if self.span_bits(ca, cb) & PLACE != 0 {
                    continue;
                }
                // "Organization of ... (OIC)" and the like.
                let (sa, sb) = (self.strip_stop(ca, cb), cb);
                if sa < sb {
                    self.emit(sa, sb, NameKind::Org);
                    self.acronym_after(sb);
                }
            } else {
                self.segment(ca, cb);
            }
        }
    }

    fn has_cue(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| self.capword(i) && self.tb(i, ORG_CUE))
    }
    /// A given name, also as a part of a hyphenated one ("Fath-Ali", "Jean-Paul").
    fn given(&self, i: usize) -> bool {
        if self.tb(i, GIVEN) {
            return true;
        }
        let k = self.key(i);
        k.contains('-')
            && k.split('-').any(|p| p.len() > 2 && self.lex.has(GIVEN, p))
            && k.split('-')
                .all(|p| !self.lex.has(DEMONYM | PLACE | COMMON, p))
    }

    fn any_given(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| self.tb(i, GIVEN) && !self.tb(i, PLACE))
    }
    fn is_placeish(&self, a: usize, b: usize) -> bool {
        let k = self.span_bits(a, b);
        k & PLACE != 0
            || (b - a == 1 && k & DEMONYM != 0)
            || (a..b).all(|i| !self.word(i) || self.is_demonymish(i) || self.tb(i, PLACE))
    }
    /// "Iranian", "Iranian-Azeri", "Azerbaijanis".
    fn is_demonymish(&self, i: usize) -> bool {
        if self.tb(i, DEMONYM | PLACE) {
            return true;
        }
        let k = self.key(i);
        if k.contains('-') {
            return k
                .split('-')
                .all(|p| self.lex.has(DEMONYM, p) || self.lex.has(PLACE, p));
        }
        false
    }

    fn strip_stop(&self, mut a: usize, b: usize) -> usize {
        while a < b && (self.tb(a, STOP) || !self.word(a)) {
            a += 1;
        }
        a
    }

    /// A token that can be part of a person's name.
    fn namelike(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        if !t.is(WORD) || t.is(NUM) {
            return false;
        }
        let m = t.m;
        if !t.is(CAP) {
            return m & PARTICLE != 0;
        }
        if t.is(ACR) && !t.is(INITIAL) {
            return false;
        }
        if m & (STOP | COMMON | DEMONYM | ORG_CUE | ROLE | GEO_WORD | DOCUMENT | ORG) != 0
            || (m & TITLE != 0 && m & GIVEN == 0)
            || (m & GIVEN == 0 && self.is_demonymish(i))
        {
            return false;
        }
        // Plurals of generic words: "Conventions", "Commitments".
        let k = self.key(i);
        !(k.len() > 3
            && k.ends_with('s')
            && self.lex.has(DOCUMENT | COMMON | DEMONYM, &k[..k.len() - 1]))
    }

    fn surname_like(&self, i: usize, first: usize) -> bool {
        if !self.namelike(i) {
            // Post-titles and regnal numbers belong to the name ("Reza Shah", "Henry II").
            let regnal =
                i > first && self.t.get(i).is_some_and(|t| t.is(CAP)) && self.tb(i, REGNAL_NUMBER);
            // A title word after a given name is a surname ("Luther King", "John Major").
            let title_surname =
                i > first && self.capword(i) && self.tb(i, TITLE) && self.tb(first, GIVEN);
            return regnal
                || title_surname
                || self.tb(i, POST_TITLE)
                || self.t.get(i).is_some_and(|t| t.is(INITIAL));
        }
        !(self.tb(i, PLACE) && self.tb(first, PLACE))
    }

    fn morph(&self, i: usize) -> bool {
        let k = self.key(i);
        let last = k.rsplit('-').next().unwrap_or(k);
        if last.len() < 5 || !last.is_ascii() {
            return false;
        }
        if self.tb(i, PLACE | COMMON) || self.is_demonymish(i) {
            return false;
        }
        SURNAME_SUFFIXES.iter().any(|s| last.ends_with(s))
    }

    /// Role or title word right before token a (skipping "the" is not allowed:
    /// "the president Iran…" is rare, "the general assembly" common).
    fn role_before(&self, a: usize) -> bool {
        if a == 0 {
            return false;
        }
        let p = a - 1;
        if self.punct(p, '.') && p > 0 {
            return self.tb(p - 1, ABBREV) && self.tb(p - 1, TITLE);
        }
        self.lower(p) && self.tb(p, ROLE)
    }

    fn according_before(&self, a: usize) -> bool {
        a >= 2 && self.key(a - 1) == "to" && self.key(a - 2) == "according"
    }

    fn report_after(&self, b: usize) -> bool {
        let mut j = b;
        // Adverbs and auxiliaries may come between: "Aliyev further states", "has denied".
        for _ in 0..3 {
            if self.lower(j) && self.tb(j, REPORT) {
                return true;
            }
            if self.lower(j) && self.tb(j, ADVERB) {
                j += 1;
                continue;
            }
            break;
        }
        false
    }

    /// "Nizami Ganjavi (1141–1209)", "Abbas I (r. 1588–1629)", "X (born 1950)".
    fn lifespan_after(&self, b: usize) -> bool {
        if !self.punct(b, '(') {
            return false;
        }
        let n = b + 1;
        // A span of years, not one year: "(1919)" follows events and places as often.
        let range = |i: usize| {
            self.t.get(i).is_some_and(|t| t.is(NUM))
                && (self.key(i).contains('-')
                    || self
                        .t
                        .get(i + 1)
                        .is_some_and(|d| d.flags == 0 && matches!(d.p, '–' | '—' | '-')))
        };
        range(n)
            || (self.lower(n)
                && matches!(
                    self.key(n),
                    "born" | "b" | "c" | "ca" | "died" | "d" | "fl" | "r"
                )
                && (self.t.get(n + 1).is_some_and(|t| t.is(NUM))
                    || self.punct(n + 1, '.') && self.t.get(n + 2).is_some_and(|t| t.is(NUM))))
    }

    fn apposition_after(&self, b: usize) -> bool {
        if !self.punct(b, ',') {
            return false;
        }
        if !self.lower(b + 1) || !self.tb(b + 1, APPOSITION_WORD) {
            return false;
        }
        if matches!(self.key(b + 1), "a" | "an" | "the" | "then" | "former") {
            return self.lower(b + 2) && self.tb(b + 2, ROLE | APPOSITION_WORD);
        }
        true
    }

    /// Classify one segment (no connectors inside).
    fn segment(&mut self, a0: usize, b: usize) {
        let a = self.strip_stop(a0, b);
        if a >= b {
            return;
        }
        let whole = self.span_bits(a, b);
        if whole & ORG != 0 {
            self.emit(a, b, NameKind::Org);
            self.acronym_after(b);
            return;
        }
        if whole & PLACE != 0 {
            return;
        }
        // A known org heading the segment ("United Nations Secretary-General …").
        if b - a >= 3 && (self.span_bits(a, a + 2) & ORG != 0) {
            // "United Nations Development Programme" is one org; "United Nations
            // Secretary-General Guterres" and "United Nations Charter" are not.
            let rest_personish = (a + 2..b).any(|i| self.tb(i, TITLE | GIVEN | PERSON));
            let ends_document = self.tb(b - 1, DOCUMENT)
                && !self.has_cue(b - 1, b)
                && self.key(b - 1) != "programme";
            let org_tail = matches!(
                self.key(b - 1),
                "programme" | "force" | "forces" | "operation"
            );
            if self.has_cue(a + 2, b) || (!rest_personish && !ends_document && org_tail) {
                self.emit(a, b, NameKind::Org);
                return;
            }
            self.emit(a, a + 2, NameKind::Org);
            self.segment(a + 2, b);
            return;
        }
        // Title split: "Azerbaijani Foreign Minister | Elmar Mammadyarov".
        for p in a..b {
            if !(self.capword(p) && self.tb(p, TITLE)) {
                continue;
            }
            // Post-titles after a name are part of it.
            if p > a && self.tb(p, POST_TITLE) && self.namelike(p - 1) {
                continue;
            }
            // After a given name a title word is a surname: "Martin Luther King", "John Major".
            if p > a
                && self.tb(a, GIVEN)
                && (a + 1..p).all(|i| self.namelike(i) || !self.word(i))
                && self.namelike(a)
            {
                break;
            }
            let mut q = p + 1;
            while q < b && self.punct(q, '.') {
                q += 1;
            }
            if q >= b || !self.namelike(q) || self.has_cue(q, b) {
                continue;
            }
            if p > a {
                self.org_only(a, p);
            }
            self.person_piece(q, b, true);
            return;
        }
        // Given-name split: "Islamic Revolution | Mohsen Qomi".
        if b - a >= 3 {
            for k in a + 1..b - 1 {
                if self.tb(k, GIVEN)
                    && self.capword(k)
                    && self.namelike(k)
                    && self.surname_like(k + 1, k)
                    && !self.any_given(a, k)
                    && !(a..k).any(|i| self.lower(i))
                    && !(a..k).all(|i| self.namelike(i) || !self.word(i))
                    && !self.has_cue(k, b)
                {
                    self.org_only(a, k);
                    self.person_piece(k, b, false);
                    return;
                }
            }
        }
        if self.has_cue(a, b) {
            let org = self.org_span(a, b);
            if let Some((oa, ob)) = org {
                self.emit(oa, ob, NameKind::Org);
                self.acronym_after(ob);
                if ob < b {
                    self.segment(ob, b);
                }
            }
            return;
        }
        // Lowercase cue: "Musavat party", "Jangali movement".
        if self.lower(b) && self.tb(b, LOWER_ORG_CUE) && !self.is_placeish(a, b) {
            // Not "National party": some word must be a name, not all generic.
            let named = (a..b).any(|i| self.word(i) && !self.tb(i, COMMON | DEMONYM | STOP));
            if named {
                self.emit(a, b + 1, NameKind::Org);
                return;
            }
        }
        if !self.person_piece(a, b, false) {
            // A known acronym inside an unclassified run ("the UN Secretary-General").
            for i in a..b {
                if self.t[i].is(ACR) && self.tb(i, ORG) {
                    self.emit(i, i + 1, NameKind::Org);
                }
            }
        }
    }

    /// Org span inside a segment that has a cue: leading stop words are gone,
    /// trailing titles and generic words are dropped.
    fn org_span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut e = b;
        // Trailing words after the last cue that are titles, generic words or places
        // belong to the next phrase ("the General Assembly Australia proposed",
        // "the General Assembly Hall").
        while e > a
            && !self.tb(e - 1, ORG_CUE)
            && (self.tb(e - 1, TITLE | COMMON | GEO_WORD) || self.is_demonymish(e - 1))
        {
            e -= 1;
        }
        if e <= a {
            return None;
        }
        let k = self.span_bits(a, e);
        if k & PLACE != 0 {
            return None;
        }
        // A lone cue word ("Parliament", "Court") names no particular org.
        let words = (a..e).filter(|&i| self.word(i)).count();
        if words < 2 && k & ORG == 0 {
            return None;
        }
        Some((a, e))
    }

    /// Prefix left of a title or given name: an org when it has a cue or is known.
    fn org_only(&mut self, a0: usize, b: usize) {
        let a = self.strip_stop(a0, b);
        if a >= b {
            return;
        }
        let mut e = b;
        while e > a && (self.tb(e - 1, COMMON) || self.tb(e - 1, TITLE)) && !self.tb(e - 1, ORG_CUE)
        {
            e -= 1;
        }
        if e <= a {
            return;
        }
        if self.span_bits(a, e) & ORG != 0 {
            self.emit(a, e, NameKind::Org);
        } else if self.has_cue(a, e) {
            if let Some((oa, ob)) = self.org_span(a, e) {
                self.emit(oa, ob, NameKind::Org);
            }
        } else {
            for i in a..e {
                if self.t[i].is(ACR) && self.tb(i, ORG) {
                    self.emit(i, i + 1, NameKind::Org);
                }
            }
        }
    }

    /// Emits tokens a..b as a person if they are one; `licensed` when a title precedes.
    fn person_piece(&mut self, a0: usize, b: usize, licensed: bool) -> bool {
        // Demonyms and places leading a person piece are descriptors ("Iranian Ali Abbasov").
        let mut a = a0;
        while a + 1 < b && (self.tb(a, DEMONYM) || self.is_demonymish(a) && !self.tb(a, GIVEN)) {
            a += 1;
        }
        if a >= b {
            return false;
        }
        const MAX_WORDS: usize = 6;
        let (mut wbuf, mut nw) = ([0usize; MAX_WORDS], 0);
        let (mut cbuf, mut nc) = ([0usize; MAX_WORDS], 0);
        for i in (a..b).filter(|&i| self.word(i)) {
            if nw == MAX_WORDS {
                return false;
            }
            wbuf[nw] = i;
            nw += 1;
            if self.capword(i) {
                cbuf[nc] = i;
                nc += 1;
            }
        }
        let words = &wbuf[..nw];
        let caps = &cbuf[..nc];
        let Some(&first) = words.first() else {
            return false;
        };
        let Some(&last) = words.last() else {
            return false;
        };
        if caps.is_empty() || !self.capword(first) || !self.capword(last) {
            return false;
        }
        if self.span_bits(a, b) & (PLACE | ORG) != 0 {
            return false;
        }
        // Every capitalized word must look like part of a name.
        let all_namelike = caps.iter().enumerate().all(|(n, &i)| {
            if n == 0 {
                self.namelike(i) || (self.tb(i, GIVEN) && !self.tb(i, DEMONYM) && caps.len() > 1)
            } else {
                self.surname_like(i, first)
            }
        });
        if !all_namelike {
            return false;
        }
        let ctx = licensed || self.and_license || self.role_before(a) || self.according_before(a);
        let poss = self.t[last].is(POSS);
        // "Zarif's remarks", "Stalin's death": a possessive before words only people have.
        let personal_poss = poss && self.lower(b) && self.tb(b, PERSONAL_NOUN);
        let speaker = self.report_after(b) || self.apposition_after(b) || self.lifespan_after(b);
        let single = caps.len() == 1;
        let is_person = if single {
            let place = self.tb(first, PLACE);
            let known = self.tb(first, PERSON);
            let initial = self.t[first].is(INITIAL);
            !initial
                && !place
                && (known
                    || ctx
                    || (self.morph(first) && (speaker || poss))
                    || (personal_poss && !self.t[first].is(ACR))
                    || (self.tb(first, GIVEN) && !self.tb(first, DEMONYM) && self.report_after(b)))
        } else {
            // A place that is also a given name needs a surname-like word after it:
            // "Paris Hilton", not "Paris Commitments" or "Rio Conventions".
            let place_plural =
                self.tb(first, PLACE) && caps.len() == 2 && self.key(caps[1]).ends_with('s');
            let given_first = self.given(first)
                && !self.tb(first, PLACE_PREFIX)
                && !place_plural
                && self.surname_like(caps[1], first);
            let strong_particle = words
                .iter()
                .any(|&i| self.lower(i) && self.tb(i, STRONG_PARTICLE))
                || caps.iter().any(|&i| {
                    let k = self.key(i);
                    LOWER_PREFIXES.iter().any(|p| k.starts_with(p)) && !self.t[i].is(ACR)
                });
            let only_initials_then = caps
                .iter()
                .take(caps.len() - 1)
                .all(|&i| self.t[i].is(INITIAL));
            // Every word but the last being a place name is a place phrase, not a person.
            let placey = caps
                .iter()
                .take(caps.len() - 1)
                .all(|&i| self.tb(i, PLACE) && !self.tb(i, GIVEN));
            // "Sierra Leone Regiment", "Nova Scotia": a place name in the first two words.
            let place_prefix = (self.tb(first, PLACE_PREFIX)
                || self.span_bits(caps[0], caps[1] + 1) & PLACE != 0)
                && !ctx;
            // "Mammad Amin Rasulzade", "Abd Rabbuh Mansour Hadi": a given name inside
            // a run of name-like words, with a surname after it.
            let given_second = caps.len() >= 3
                && caps.len() <= 5
                && caps
                    .windows(2)
                    .skip(1)
                    .any(|w| self.given(w[0]) && self.surname_like(w[1], first));
            // "Sattar Khan", "Enver Pasha": a name and the title that follows names.
            let post_titled = self.tb(last, POST_TITLE)
                && caps[..caps.len() - 1].iter().all(|&i| self.namelike(i));
            !placey
                && !place_prefix
                && (given_first
                    || post_titled
                    || given_second
                    || strong_particle
                    || ctx
                    || (only_initials_then && caps.len() >= 2)
                    || self.tb(last, PERSON) && caps.len() <= 3
                    || (self.morph(last) && caps.len() <= 4)
                    || (speaker && caps.len() <= 3))
        };
        if is_person {
            self.emit(a, b, NameKind::Person);
            // A role covers a following "and Y": "analysts Cagaptay and Murinson".
            self.last_licensed_person = ctx;
        }
        is_person
    }

    /// "(BP)" after an org ending at token b: the acronym is an org too, and
    /// "(BP)-Amoco" makes "BP-Amoco" (its span covers the parenthesis).
    fn acronym_after(&mut self, b: usize) {
        if !(self.punct(b, '(') && self.punct(b + 2, ')')) {
            return;
        }
        let Some(t) = self.t.get(b + 1).copied() else {
            return;
        };
        if !t.is(WORD) || !(t.is(ACR) || t.is(CAP) && t.e - t.s <= 6) || t.is(NUM) {
            return;
        }
        // "(BP)-Amoco"
        if self
            .t
            .get(b + 3)
            .is_some_and(|h| h.flags == 0 && is_hyph(h.p) && !h.gap)
            && self.t.get(b + 4).is_some_and(|w| w.is(CAP) && !w.gap)
        {
            let w = self.t[b + 4];
            let mut text = String::new();
            text.push_str(self.s.get(t.s..t.e).unwrap_or(""));
            text.push('-');
            text.push_str(self.s.get(w.s..w.e).unwrap_or(""));
            let key = fold_name(&text);
            self.out.push(NameHit {
                start: t.s,
                end: w.e,
                kind: NameKind::Org,
                text,
                key,
            });
            return;
        }
        self.emit(b + 1, b + 2, NameKind::Org);
    }

    fn emit(&mut self, a: usize, b: usize, kind: NameKind) {
        if a >= b || b > self.t.len() {
            return;
        }
        let start = self.t[a].s;
        let end = self.t[b - 1].e;
        let Some(text) = self.s.get(start..end) else {
            return;
        };
        if text.is_empty() {
            return;
        }
        self.out.push(NameHit {
            start,
            end,
            kind,
            text: text.to_string(),
            key: fold_name(text),
        });
    }
}

/// People and organizations named in `sentence`, in order of appearance.
pub fn find_names(sentence: &str) -> Vec<NameHit> {
    // Without a capital letter there is no name to find.
    let has_upper = if sentence.is_ascii() {
        sentence.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        sentence.chars().any(char::is_uppercase)
    };
    if !has_upper {
        return Vec::new();
    }
    // Token and key buffers are reused across calls on a thread: per-sentence
    // allocations were a visible share of the time.
    let (mut t, mut keys) = BUFFERS.with(|b| {
        b.try_borrow_mut()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default()
    });
    t.clear();
    keys.clear();
    let mut cx = Cx {
        s: sentence,
        t,
        keys,
        lex: &LEX,
        out: Vec::new(),
        scratch: RefCell::new(String::new()),
        and_license: false,
        last_licensed_person: false,
    };
    tokenize(sentence, cx.lex, &mut cx.t, &mut cx.keys);
    cx.run();
    let Cx { t, keys, out, .. } = cx;
    // A freak sentence must not pin megabytes to the thread.
    if t.capacity() < 1 << 16 && keys.capacity() < 1 << 20 {
        BUFFERS.with(|b| {
            if let Ok(mut b) = b.try_borrow_mut() {
                *b = (t, keys);
            }
        });
    }
    out
}

thread_local! {
    static BUFFERS: RefCell<(Vec<Tok>, String)> =
        const { RefCell::new((Vec::new(), String::new())) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_class_read_is_in_the_lexicon() {
        for &(class, _) in CLASSES {
            assert!(lexicon::words(class).next().is_some(), "[{class}] is empty");
        }
        assert!(!SURNAME_SUFFIXES.is_empty() && !LOWER_PREFIXES.is_empty());
    }

    fn texts(s: &str, kind: NameKind) -> Vec<String> {
        find_names(s)
            .into_iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.text)
            .collect()
    }

    /// The 30 seed lines, citation markers stripped as the pipeline does,
    /// with their gold persons and orgs.
    const SEED: &[(&str, &[&str], &[&str])] = &[
        (
            "According to Pierre Thorez: \"Although throughout history the Caucasus has usually been incorporated in political entities belonging to the Iranian world, at the beginning of the 19th century Russia took it, along with the Transcaucasus, from the Qajars (1133–1342/1779–1924), severing those historical ties.",
            &["Pierre Thorez"],
            &[],
        ),
        (
            "According to Tadeusz Swietochowski, the territories of Iran and the republic of Azerbaijan usually shared the same history from the time of ancient Media (ninth to seventh centuries b.c.)",
            &["Tadeusz Swietochowski"],
            &[],
        ),
        (
            "According to Alex Vatanka at the Middle East Institute in Washington, D.C., “Ahmadinejad’s statement blatantly misrepresented the current state of affairs; today, it is not historical affinity but rather intense suspicion and rivalry that shape ties between Baku and Tehran.",
            &["Alex Vatanka", "Ahmadinejad"],
            &["Middle East Institute"],
        ),
        (
            "Likewise, the national revolutionary Jangali movement in Gilan, while welcoming the independence of every Muslim land as a \"source of joy,\" asked in its newspaper if the choice of the name Azerbaijan implied the new republic's desire to join Iran.",
            &[],
            &["Jangali movement"],
        ),
        (
            "In order to promote this idea, Vosugh ed Dowleh dispatched two separate Iranian delegations; one to Baku and one to the Paris Peace Conference in 1919.",
            &["Vosugh ed Dowleh"],
            &["Paris Peace Conference"],
        ),
        (
            "The delegation at Baku, at the behest of Zia ol Din Tabatabaee, held intensive negotiations with the leadership of the Musavat party during the increasing chaos and instability in the city.",
            &["Zia ol Din Tabatabaee"],
            &["Musavat party"],
        ),
        (
            "During the closing stages, an accord was reached between them; however, before the idea was presented to Vossug ed Dowleh in Tehran, the Communists took over Baku and terminated the Musavat-Ottoman rule.",
            &["Vossug ed Dowleh"],
            &[],
        ),
        (
            "Within the few days after the visit, Iran recognized Azerbaijan on January 4, 1992, upgraded its consulate in Baku to establish full diplomatic relations.",
            &[],
            &[],
        ),
        (
            "Tehran was quick to recognize Azerbaijan as an independent state and set out to create amicable relations with a country similar to its own.",
            &[],
            &[],
        ),
        (
            "In this joint front, Azerbaijan provides proximity to Iran—with much ion about Azerbaijani soil being used as a staging ground for Israeli military operations—while Israel possesses superior weapons technologies and other resources.”[20] In February 2012, Azerbaijan signed a $1.6 billion defense deal with Israel that included air defense systems, intelligence hardware, and unmanned aerial vehicles (UAVs).",
            &[],
            &[],
        ),
        (
            "In 1992, Elchibey, during a visit to Turkey, described himself as a soldier of Atatürk and called for the downfall of Iran, which prompted a member of the Iranian parliament to threaten retaliation.",
            &["Elchibey", "Atatürk"],
            &[],
        ),
        (
            "However, some tensions include the growing relationship between the United States, Israel, and Azerbaijan, Caspian Sea territorial issues, and Iran's support for Armenia.",
            &[],
            &[],
        ),
        (
            "On July 23, 2001, an Iranian warship and two jets forced a research vessel working on behalf of British Petroleum (BP)-Amoco in the Araz-Alov-Sharg field in the sector of the Caspian Sea which is claimed by Iran.",
            &[],
            &["British Petroleum", "BP-Amoco"],
        ),
        (
            "On February 22, 2007, Azerbaijani media outlets reported that Iranian helicopters had violated the air space of Azerbaijan by flying over the southern town of Astara for over 20 minutes.",
            &[],
            &[],
        ),
        (
            "In March 2006, during the World Congress of Azerbaijanis convention in Baku, a number of participants addressed both the concept of a \"unified Azerbaijan\" and \"human rights abuses\" against Azeris in Iran.",
            &[],
            &["World Congress of Azerbaijanis"],
        ),
        (
            "On February 3, 2007, Azerbaijan's minister of communications and information technology, Ali Abbasov, and the head of the Iranian State Broadcasting Agency, Ezzatollah Zarghami, signed a Memorandum of Understanding (MoU) on bilateral media cooperation.",
            &["Ali Abbasov", "Ezzatollah Zarghami"],
            &["Iranian State Broadcasting Agency"],
        ),
        (
            "In a Washington Institute for Near East Policy analysis, analysts Soner Cagaptay and Alexander Murinson alluded to reports that Israeli intelligence maintains listening posts along the Azerbaijani border with Iran.",
            &["Soner Cagaptay", "Alexander Murinson"],
            &["Washington Institute for Near East Policy"],
        ),
        (
            "In October 2007, according to Human Rights Watch, an eight-and-a-half-year prison sentence was handed down to Eynulla Fatullayev, editor of Azerbaijan's two largest independent newspapers, for terrorism and other charges.",
            &["Eynulla Fatullayev"],
            &["Human Rights Watch"],
        ),
        (
            "The two were accused of receiving 1000 US dollars from Talish organizations in Iran after their newspaper published articles showing Persian poet Nizami and Iranian historical hero Babak Khoramdin as Talysh.",
            &["Nizami", "Babak Khoramdin"],
            &[],
        ),
        (
            "In a meeting with U.S. officials in Baku in February 2010 Aliyev expressed his support and also criticized European oil and gas companies for sabotaging the international sanctions regime.",
            &["Aliyev"],
            &[],
        ),
        (
            "\"Iranian-Azeri relations deteriorated further after the Azeri Communication Minister, Ali Abbasov accused Iran of carrying out cyber attacks against the country.",
            &["Ali Abbasov"],
            &[],
        ),
        (
            "In March 2012 Azerbaijan arrested 22 people on suspicion of plotting attacks on the U.S. and Israeli embassies in Baku on behalf of neighboring Iran.",
            &[],
            &[],
        ),
        (
            "The ministry said that the suspects were recruited from 1999 onwards and trained in the use of weapons and spy techniques at military camps in Iran to enable them to gather information on foreign embassies, organizations and companies in Azerbaijan and stage attacks.",
            &[],
            &[],
        ),
        (
            "Azerbaijani Foreign Minister Elmar Mammadyarov has denied reports that Israel has been given permission to use Azerbaijan bases for an attack on Iran.",
            &["Elmar Mammadyarov"],
            &[],
        ),
        (
            "Ali Hasanov, head of the public and political issues department in Azeribaijani President's administration, said that gay parade claims were untrue, and advised Iran not to meddle in Azerbaijan's internal affairs.",
            &["Ali Hasanov"],
            &[],
        ),
        (
            "In April 2015, Iran and Azerbaijan announced their decision to form a joint defense commission; a move that may indicate a conspicuous geopolitical shift in the South Caucasus.",
            &[],
            &[],
        ),
        (
            "In May 2015, deputy chief of foreign relations at the Secretariat of the Supreme Leader of Iran's Islamic Revolution Mohsen Qomi has expressed his country's readiness to support Azerbaijan.",
            &["Mohsen Qomi"],
            &[],
        ),
        (
            "Aliyev further states that:[82] “These relations have risen to a new level in recent months,\" (...) \"Regular contacts, mutual visits of high-ranking officials, the support rendered to each other in international organizations clearly shows the high level of our political relations,\" (...) “An intergovernmental joint commission actively works, producing excellent results,” Aliyev said.",
            &["Aliyev"],
            &[],
        ),
        (
            "The Armenian authorities in Nagorno-Karabakh declined to confirm the presence of Iranian fuel trucks in the area, and stated that \"(...) there are no official relations between our countries.",
            &[],
            &[],
        ),
        (
            "Iranian president Raisi and foreign minister Amir-Abdollahian were killed in the 2024 Varzaqan helicopter crash after a state visit to Azerbaijan.",
            &["Raisi", "Amir-Abdollahian"],
            &[],
        ),
    ];

    /// The scorer's rule: gold p is found when a person hit t has p ⊇ t (len t > 3) or t ⊇ p.
    fn found(gold: &str, hits: &[String]) -> bool {
        hits.iter()
            .any(|t| gold.contains(t.as_str()) && t.len() > 3 || t.contains(gold))
    }

    #[test]
    fn seed_gold_recall() {
        let (mut pg, mut pf, mut og, mut of) = (0, 0, 0, 0);
        let mut missed = Vec::new();
        let mut false_persons = Vec::new();
        for (line, persons, orgs) in SEED {
            let ps = texts(line, NameKind::Person);
            let os = texts(line, NameKind::Org);
            for p in *persons {
                pg += 1;
                if found(p, &ps) {
                    pf += 1;
                } else {
                    missed.push(format!("person {p}"));
                }
            }
            for o in *orgs {
                og += 1;
                if os
                    .iter()
                    .any(|t| t == o || t.contains(o) || o.contains(t.as_str()) && t.len() > 3)
                {
                    of += 1;
                } else {
                    missed.push(format!("org {o}"));
                }
            }
            for t in &ps {
                if !persons.iter().any(|p| found(p, std::slice::from_ref(t))) {
                    false_persons.push(t.clone());
                }
            }
        }
        eprintln!(
            "seed persons {pf}/{pg}, orgs {of}/{og}; missed {missed:?}; extra persons {false_persons:?}"
        );
        assert!(
            pf * 10 >= pg * 9,
            "person recall {pf}/{pg} below 90%: {missed:?}"
        );
        assert_eq!(pf, pg, "missed {missed:?}");
        assert_eq!(of, og, "missed {missed:?}");
        assert!(
            false_persons.is_empty(),
            "persons not in gold: {false_persons:?}"
        );
    }

    #[test]
    fn seed_no_false_people() {
        for (line, _, _) in SEED {
            for t in texts(line, NameKind::Person) {
                let k = fold_name(&t);
                for bad in [
                    "iran",
                    "azerbaijan",
                    "memorandum",
                    "caspian",
                    "human rights",
                    "iranian",
                    "azerbaijani",
                    "baku",
                    "tehran",
                ] {
                    assert!(!k.contains(bad), "{t:?} taken as a person in {line:?}");
                }
            }
            for t in texts(line, NameKind::Org) {
                assert!(!t.contains("Memorandum"), "{t:?} taken as an org");
            }
        }
    }

    /// (sentence, persons, orgs): the exact person and org texts expected.
    const TABLE: &[(&str, &[&str], &[&str])] = &[
        (
            "Nizami Ganjavi (1141–1209) wrote the Khamsa.",
            &["Nizami Ganjavi"],
            &[],
        ),
        (
            "The poet Khaqani Shirvani (c. 1120 – 1199) lived in Shamakhi.",
            &["Khaqani Shirvani"],
            &[],
        ),
        (
            "Mieszko Lambert (born 990) ruled Poland.",
            &["Mieszko Lambert"],
            &[],
        ),
        (
            "The Constitutional Revolution (1905–1911) changed Iran.",
            &[],
            &[],
        ),
        (
            "Sattar Khan defended Tabriz in 1908.",
            &["Sattar Khan"],
            &[],
        ),
        ("Enver Pasha fled to Central Asia.", &["Enver Pasha"], &[]),
        ("The Shah Mosque in Isfahan is famous.", &[], &[]),
        ("Nader Shah invaded India in 1739.", &["Nader Shah"], &[]),
        (
            "The Tudeh Party of Iran was banned.",
            &[],
            &["Tudeh Party of Iran"],
        ),
        (
            "The Sierra Leone Regiment and Nova Scotia settlers arrived.",
            &[],
            &[],
        ),
        (
            "Retired Brigadier Julius Maada Bio won the election.",
            &["Julius Maada Bio"],
            &[],
        ),
        ("Roman Catholics and the Roman Emperor.", &[], &[]),
        // titles and roles
        (
            "President Raisi arrived in Baku on Monday.",
            &["Raisi"],
            &[],
        ),
        (
            "Dr. Hossein Fatemi was arrested in 1954.",
            &["Hossein Fatemi"],
            &[],
        ),
        (
            "Mr. Smith and Mrs. Jones met in London.",
            &["Smith", "Jones"],
            &[],
        ),
        ("Ms. Okafor resigned.", &["Okafor"], &[]),
        (
            "The lecture by Prof. Minorsky was published.",
            &["Minorsky"],
            &[],
        ),
        ("Sir Percy Cox signed the treaty.", &["Percy Cox"], &[]),
        ("King Faisal visited Tehran.", &["Faisal"], &[]),
        ("Queen Elizabeth spoke.", &["Elizabeth"], &[]),
        (
            "The coronation of Shah Ismail took place in Tabriz.",
            &["Ismail"],
            &[],
        ),
        ("Ayatollah Khomeini returned in 1979.", &["Khomeini"], &[]),
        ("Sheikh Zayed founded the federation.", &["Zayed"], &[]),
        ("General Zahedi led the coup.", &["Zahedi"], &[]),
        ("Colonel Qaddafi seized power.", &["Qaddafi"], &[]),
        ("Senator Corker criticized the deal.", &["Corker"], &[]),
        (
            "The interview was given to editor Rasul Jafarov.",
            &["Rasul Jafarov"],
            &[],
        ),
        (
            "The poet Fuzuli wrote in three languages.",
            &["Fuzuli"],
            &[],
        ),
        (
            "Later the historian Kasravi denied this.",
            &["Kasravi"],
            &[],
        ),
        (
            "The former prime minister Mossadegh was tried.",
            &["Mossadegh"],
            &[],
        ),
        (
            "According to Tom Brown, the talks failed.",
            &["Tom Brown"],
            &[],
        ),
        (
            "According to Ervand Abrahamian the crowd was large.",
            &["Ervand Abrahamian"],
            &[],
        ),
        (
            "Rahim Safavi, head of the guards, resigned.",
            &["Rahim Safavi"],
            &[],
        ),
        (
            "Kocharyan said that the border was closed.",
            &["Kocharyan"],
            &[],
        ),
        (
            "Ilham Aliyev stated that relations were good.",
            &["Ilham Aliyev"],
            &[],
        ),
        ("Gorbachev argued for reform.", &["Gorbachev"], &[]),
        (
            "Later Mammadov accused the government of fraud.",
            &["Mammadov"],
            &[],
        ),
        (
            "Petrosyan wrote that the war was lost.",
            &["Petrosyan"],
            &[],
        ),
        ("Then Kovalenko expressed concern.", &["Kovalenko"], &[]),
        ("Popescu's statement was denied.", &["Popescu"], &[]),
        ("Zarif's remarks angered Baku.", &["Zarif"], &[]),
        ("After Stalin's death the policy changed.", &["Stalin"], &[]),
        ("Iran's remarks and Tehran's speech were noted.", &[], &[]),
        (
            "Hosseinzadeh’s report surprised many.",
            &["Hosseinzadeh"],
            &[],
        ),
        (
            "Supreme Leader Ali Khamenei spoke on television.",
            &["Ali Khamenei"],
            &[],
        ),
        // particles and prefixes
        (
            "The minister Vosugh ed Dowleh resigned.",
            &["Vosugh ed Dowleh"],
            &[],
        ),
        (
            "Bashar al-Assad remained in power.",
            &["Bashar al-Assad"],
            &[],
        ),
        (
            "Ahmad ibn Hanbal was imprisoned.",
            &["Ahmad ibn Hanbal"],
            &[],
        ),
        (
            "The work of Ludwig van Beethoven is famous.",
            &["Ludwig van Beethoven"],
            &[],
        ),
        (
            "Otto von Bismarck unified Germany.",
            &["Otto von Bismarck"],
            &[],
        ),
        (
            "Charles de Gaulle visited Moscow.",
            &["Charles de Gaulle"],
            &[],
        ),
        (
            "Osama bin Laden was killed in 2011.",
            &["Osama bin Laden"],
            &[],
        ),
        // given names, places that are also given names
        (
            "Georgia O'Keeffe painted flowers.",
            &["Georgia O'Keeffe"],
            &[],
        ),
        ("Paris Hilton arrived late.", &["Paris Hilton"], &[]),
        ("Jordan Peterson gave a lecture.", &["Jordan Peterson"], &[]),
        (
            "Tadeusz Mazowiecki became prime minister.",
            &["Tadeusz Mazowiecki"],
            &[],
        ),
        (
            "Elmar Mammadyarov and Sergey Lavrov met.",
            &["Elmar Mammadyarov", "Sergey Lavrov"],
            &[],
        ),
        (
            "The book by John F. Kennedy sold well.",
            &["John F. Kennedy"],
            &[],
        ),
        (
            "Reza Shah Pahlavi abdicated in 1941.",
            &["Reza Shah Pahlavi"],
            &[],
        ),
        (
            "Henry II and King Charles III met Louis XIV.",
            &["Henry II", "Charles III", "Louis XIV"],
            &[],
        ),
        (
            "Martin Luther King Jr. spoke in Washington.",
            &["Martin Luther King Jr"],
            &[],
        ),
        (
            "Fath-Ali Shah Qajar lost the war.",
            &["Fath-Ali Shah Qajar"],
            &[],
        ),
        (
            "The Czechoslovak Foreign Minister Jan Masaryk, son of the president, spoke.",
            &["Jan Masaryk"],
            &[],
        ),
        ("On Jan. 4, 1992 Iran recognized Azerbaijan.", &[], &[]),
        (
            "The Financial Action Task Force listed Iran.",
            &[],
            &["Financial Action Task Force"],
        ),
        (
            "Mirza Kuchik Khan led the Jangali movement.",
            &["Mirza Kuchik Khan"],
            &["Jangali movement"],
        ),
        (
            "Mammad Amin Rasulzade declared independence.",
            &["Mammad Amin Rasulzade"],
            &[],
        ),
        (
            "The Iranian Foreign Ministry spokesman Hamid Reza Asefi said so.",
            &["Hamid Reza Asefi"],
            &["Iranian Foreign Ministry"],
        ),
        (
            "His Majesty King Abdullah II of Jordan spoke.",
            &["Abdullah II"],
            &[],
        ),
        (
            "The State Oil Company of Azerbaijan Republic (SOCAR) signed.",
            &[],
            &["State Oil Company of Azerbaijan Republic", "SOCAR"],
        ),
        (
            "Amnesty International condemned the arrests.",
            &[],
            &["Amnesty International"],
        ),
        (
            "The Rio Conventions and the Paris Commitments matter.",
            &[],
            &[],
        ),
        (
            "The IMF and World Bank are working together.",
            &[],
            &["IMF", "World Bank"],
        ),
        (
            "The United Nations Conference on the Law of the Sea ended.",
            &[],
            &["United Nations Conference on the Law of the Sea"],
        ),
        (
            "See the Official Records of the Security Council.",
            &[],
            &["Security Council"],
        ),
        ("During World War II the oil fields were seized.", &[], &[]),
        ("The reforms of Yuan Shikai failed.", &["Yuan Shikai"], &[]),
        (
            "It was considered by Mark Witton and colleagues.",
            &["Mark Witton"],
            &[],
        ),
        (
            "Nizami Ganjavi was born in Ganja.",
            &["Nizami Ganjavi"],
            &[],
        ),
        ("The statue of Atatürk stands in Ankara.", &["Atatürk"], &[]),
        // organizations
        (
            "The Washington Institute for Near East Policy published a report.",
            &[],
            &["Washington Institute for Near East Policy"],
        ),
        (
            "He spoke at the World Congress of Azerbaijanis.",
            &[],
            &["World Congress of Azerbaijanis"],
        ),
        (
            "British Petroleum (BP) signed the contract.",
            &[],
            &["British Petroleum", "BP"],
        ),
        (
            "The Paris Peace Conference opened in 1919.",
            &[],
            &["Paris Peace Conference"],
        ),
        (
            "Human Rights Watch criticized the trial.",
            &[],
            &["Human Rights Watch"],
        ),
        (
            "The analysts Cagaptay and Murinson alluded to reports.",
            &["Cagaptay", "Murinson"],
            &[],
        ),
        (
            "Presidents Aliyev and Raisi met in Tehran.",
            &["Aliyev", "Raisi"],
            &[],
        ),
        ("Iran and Armenia signed the agreement.", &[], &[]),
        (
            "The Ministry of Foreign Affairs issued a note.",
            &[],
            &["Ministry of Foreign Affairs"],
        ),
        (
            "The Bank of England raised rates.",
            &[],
            &["Bank of England"],
        ),
        (
            "Students of the University of Tehran protested.",
            &[],
            &["University of Tehran"],
        ),
        (
            "The Iranian State Broadcasting Agency aired it.",
            &[],
            &["Iranian State Broadcasting Agency"],
        ),
        (
            "The Food and Agriculture Organization warned of famine.",
            &[],
            &["Food and Agriculture Organization"],
        ),
        ("The Musavat party ruled Baku.", &[], &["Musavat party"]),
        (
            "The Jangali movement fought in Gilan.",
            &[],
            &["Jangali movement"],
        ),
        (
            "The New York Times reported the story.",
            &[],
            &["New York Times"],
        ),
        (
            "The Conference on Security and Co-operation in Europe met.",
            &[],
            &["Conference on Security and Co-operation"],
        ),
        (
            "The Security Council adopted the resolution.",
            &[],
            &["Security Council"],
        ),
        (
            "The United Nations Development Programme funds it.",
            &[],
            &["United Nations Development Programme"],
        ),
        (
            "The North Atlantic Treaty Organization (NATO) expanded.",
            &[],
            &["North Atlantic Treaty Organization", "NATO"],
        ),
        (
            "The World Bank President Jim Yong Kim visited.",
            &["Jim Yong Kim"],
            &["World Bank"],
        ),
        ("The Soviet Union collapsed in 1991.", &[], &[]),
        // negatives
        (
            "They signed a Memorandum of Understanding (MoU) in Baku.",
            &[],
            &[],
        ),
        ("The Netherlands voted against.", &[], &[]),
        ("In March 2006 the talks resumed.", &[], &[]),
        ("However, Iran and Azerbaijan disagreed.", &[], &[]),
        ("Tehran was quick to respond.", &[], &[]),
        ("Azerbaijan announced the decision.", &[], &[]),
        ("Iranian officials met Azerbaijani diplomats.", &[], &[]),
        ("The Caspian Sea is rich in oil.", &[], &[]),
        ("Human Rights are universal.", &[], &[]),
        ("On Monday the Middle East was calm.", &[], &[]),
        ("Likewise, the South Caucasus changed.", &[], &[]),
        ("The Iranian-Azeri border is long.", &[], &[]),
        ("Mr. President, I congratulate you.", &[], &[]),
        (
            "The General Assembly adopted the text.",
            &[],
            &["General Assembly"],
        ),
        ("We met in San Francisco in 1945.", &[], &[]),
        ("The Armenian authorities declined to confirm it.", &[], &[]),
        ("The Sustainable Development Goals are ambitious.", &[], &[]),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (s, persons, orgs) in TABLE {
            let ps = texts(s, NameKind::Person);
            let os = texts(s, NameKind::Org);
            let want_p: Vec<String> = persons.iter().map(|x| x.to_string()).collect();
            let want_o: Vec<String> = orgs.iter().map(|x| x.to_string()).collect();
            if ps != want_p || os != want_o {
                failures.push(format!(
                    "{s:?}\n   persons {ps:?} want {want_p:?}\n   orgs {os:?} want {want_o:?}"
                ));
            }
        }
        assert!(TABLE.len() >= 60);
        assert!(
            failures.is_empty(),
            "{} of {} failed:\n{}",
            failures.len(),
            TABLE.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn hits_carry_spans_and_keys() {
        let s = "Ahmadinejad’s statement was read by Atatürk's heirs.";
        let hits = find_names(s);
        assert_eq!(hits.len(), 2, "{hits:?}");
        for h in &hits {
            assert_eq!(&s[h.start..h.end], h.text);
            assert_eq!(h.key, fold_name(&h.text));
            assert_eq!(h.kind, NameKind::Person);
        }
        assert_eq!(hits[1].key, "ataturk");
        let bp = find_names("on behalf of British Petroleum (BP)-Amoco in the field");
        assert!(
            bp.iter()
                .any(|h| h.text == "BP-Amoco" && h.kind == NameKind::Org),
            "{bp:?}"
        );
    }

    #[test]
    fn long_inputs_stay_fast() {
        let long = "Bank of ".repeat(20_000) + "England";
        let caps = "Ali Abbasov ".repeat(20_000);
        let t = std::time::Instant::now();
        for s in [long.as_str(), caps.as_str()] {
            for h in find_names(s) {
                assert!(h.end <= s.len());
            }
        }
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }

    #[test]
    fn odd_inputs() {
        for s in [
            "",
            " ",
            "A",
            "(",
            "Mr.",
            "Dr. ",
            "al-",
            "’s",
            "X (",
            "Bank of (",
            "A.B.C.",
            "ǅ",
            "İ",
            "Ali Abbasov’",
            "of the of the Bank",
        ] {
            for h in find_names(s) {
                assert!(h.start < h.end && h.end <= s.len());
            }
        }
    }

    mod prop {
        use super::super::*;
        use proptest::prelude::*;

        fn check(s: &str) {
            for h in find_names(s) {
                assert!(h.start < h.end && h.end <= s.len(), "{h:?} in {s:?}");
                assert!(
                    s.is_char_boundary(h.start) && s.is_char_boundary(h.end),
                    "{h:?} in {s:?}"
                );
                assert_eq!(h.key, fold_name(&h.text));
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1000))]
            #[test]
            fn any_string(s in "\\PC*") {
                check(&s);
            }

            #[test]
            fn name_like_strings(s in "([A-Z][a-zı-ǿ]{0,6}|al-|ed|of|the|and|\\(|\\)|[A-Z]{2,4}|\\.|,|’s|'s|-| |Mr|Dr|Bank|İ|Ə){0,24}") {
                check(&s);
            }
        }
    }
}
