//! Names across a document: a surname alone after the full name ("Lara, who scored 75" after
//! "Brian Lara"), an acronym after its definition ("World Health Organization (WHO)") and a
//! company's short name after the long one ("Toyota shares fell" after "Toyota Motor Corp")
//! resolve to the full name met earlier. A resolved hit keeps its text and span and gains the
//! canonical name (`NameHit::name`), and its key is that name's.

use rustc_hash::FxHashMap;

use crate::extract::dateline::dateline_end;

use super::tokens::{char_at, is_alnum};
use super::words::*;
use super::{NameHit, NameKind, find_names, fold_name};

/// Legal forms and cues after which the first word of a company is its short name.
const SHORT_NAME_TAILS: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "ltd",
    "co",
    "plc",
    "ag",
    "gmbh",
    "llc",
    "nv",
    "bv",
    "spa",
    "sa",
    "group",
    "holdings",
    "company",
    "motors",
    "industries",
    "airlines",
    "bank",
    "oyj",
    "asa",
    "microsystems",
    "software",
    "electronics",
];

/// Last words of an org that stand for it alone once it is named ("the Commission" after "the
/// European Commission", "the Assembly" after "the General Assembly"); not "Organization",
/// which a speaker at the UN uses for the UN whatever else was named.
const LONE_CUES: &[&str] = &[
    "commission",
    "parliament",
    "assembly",
    "council",
    "court",
    "tribunal",
    "fund",
    "bank",
    "committee",
    "agency",
];

/// Legal forms, which a company's name is often given without.
const LEGAL_FORMS: &[&str] = &[
    "corp", "inc", "ltd", "co", "cos", "plc", "ag", "gmbh", "llc", "nv", "bv", "spa", "sa", "oyj",
    "asa",
];

/// What the document has named in full so far: each short form (folded) with the full
/// names it may stand for.
#[derive(Default)]
struct Registry {
    /// Folded short form → the full names that claimed it, each with its kind, canonical
    /// text and how often it was named in full.
    short: FxHashMap<String, Vec<Claim>>,
}

struct Claim {
    kind: NameKind,
    full: String,
    key: String,
    times: u32,
}

/// A short form stands for one of several full names only when that one was named in full at
/// least this many times as often as any other ("Menger" in an article on Carl Menger that
/// names his son Karl once).
const DOMINANT: u32 = 3;

impl Registry {
    fn claim(&mut self, short: String, kind: NameKind, full: &str) {
        let key = fold_name(full);
        let claims = self.short.entry(short).or_default();
        match claims.iter_mut().find(|c| c.kind == kind && c.key == key) {
            Some(c) => c.times += 1,
            None => claims.push(Claim {
                kind,
                full: full.to_string(),
                key,
                times: 1,
            }),
        }
    }

    fn get(&self, short: &str) -> Option<(NameKind, &str)> {
        let claims = self.short.get(short)?;
        let best = claims.iter().max_by_key(|c| c.times)?;
        let dominant = claims.iter().all(|c| {
            std::ptr::eq(c, best) || (c.kind == best.kind && c.times * DOMINANT <= best.times)
        });
        dominant.then_some((best.kind, best.full.as_str()))
    }

    /// Registers the short forms of the full names among one sentence's hits.
    fn learn(&mut self, sentence: &str, hits: &[NameHit]) {
        for (n, h) in hits.iter().enumerate() {
            if h.name.is_some() {
                continue;
            }
            let mut words: Vec<&str> = h.text.split_whitespace().collect();
            let mut full = h.text.as_str();
            if h.kind == NameKind::Person {
                // "Under-Secretary-General Gambari": the title is no part of the full name.
                while words.len() > 1
                    && WORD_CLASSES.has(TITLE | ROLE | DEMONYM, &fold_name(words[0]))
                {
                    words.remove(0);
                }
                if let Some(at) = h.text.find(words[0]) {
                    full = &h.text[at..];
                }
            }
            // Only a full name that is surely a person's lends its surname: one opening with
            // a given name that is no place, or a known person ("Xi Jinping"); not "P5
            // Pentium", "YourTV Manchester", "Broadway Revue", "Paris Salon".
            // "A. A. Milne", "A. Mark Smith": initials open a person's name.
            let named = words.iter().position(|w| !is_initial(w)).unwrap_or(0);
            let sure_person = h.kind == NameKind::Person
                && words.len() >= 2
                && words.iter().all(|w| plain_word(w))
                && (given_first(words[named])
                    || named > 0
                        && named == words.len() - 1
                        && words[..named].iter().all(|w| w.ends_with('.'))
                    || WORD_CLASSES.has(ONE_WORD_PERSON, &fold_name(full))
                    || titled(sentence, h.start));
            match h.kind {
                NameKind::Person if sure_person => {
                    let last = words[words.len() - 1];
                    if usable_short(last) && !is_initial(last) {
                        self.claim(fold_name(last), NameKind::Person, full);
                    }
                    // "Rantissi" after "Abdel-Aziz al-Rantissi": an Arabic surname goes by
                    // its name without the article.
                    if let Some((article, tail)) = last.split_once('-')
                        && matches!(article, "al" | "el" | "ad" | "ar" | "as" | "ash" | "az")
                        && usable_short(tail)
                    {
                        self.claim(fold_name(tail), NameKind::Person, full);
                    }
                    // "Xi Jinping" → "Xi", "Pol Pot" → "Pol": a first word that is no given
                    // name, or a family name that is written first ("Zhou Enlai" → "Zhou",
                    // "Li Peng" → "Li"), given name elsewhere or not.
                    let first = words[0];
                    let first_bits = WORD_CLASSES.bits(&fold_name(first));
                    if words.len() == 2
                        && usable_short(first)
                        && (first_bits & (GIVEN_NAME | TITLE) == 0
                            || first_bits & SURNAME_FIRST != 0)
                    {
                        self.claim(fold_name(first), NameKind::Person, full);
                    }
                }
                NameKind::Org => {
                    // "World Health Organization (WHO)".
                    if let Some(next) = hits.get(n + 1)
                        && next.kind == NameKind::Org
                        && is_acronym(&next.text)
                        && words.len() >= 2
                        // Its letters start as the long form does ("Scientific and Cultural
                        // Organization (UNESCO)" lost its start to a comma).
                        && next.text.chars().next().map(|c| c.to_lowercase().next())
                            == h.text.chars().next().map(|c| c.to_lowercase().next())
                        && sentence
                            .get(h.end..next.start)
                            .is_some_and(|between| between.trim() == "(")
                    {
                        self.claim(fold_name(&next.text), NameKind::Org, &h.text);
                    }
                    if words.len() >= 2
                        && SHORT_NAME_TAILS.contains(&fold_name(words[words.len() - 1]).as_str())
                        && usable_short(words[0])
                    {
                        self.claim(fold_name(words[0]), NameKind::Org, &h.text);
                        // "Ciba" after "Ciba-Geigy AG", "Mercedes" after "Mercedes-Benz AG".
                        // Not "Antigua" after "Antigua-based Stanford International Bank".
                        // Only before a legal form: not "South" after "South-South
                        // Co-operation Group".
                        if let Some((head, tail)) = words[0].split_once('-')
                            && tail.starts_with(char::is_uppercase)
                            && LEGAL_FORMS.contains(&fold_name(words[words.len() - 1]).as_str())
                            && head.chars().count() >= 3
                            && usable_short(head)
                        {
                            self.claim(fold_name(head), NameKind::Org, &h.text);
                        }
                    }
                    // "Philip Morris Cos Inc" → "Philip Morris": the name before its legal forms.
                    let named = words
                        .iter()
                        .rposition(|w| !LEGAL_FORMS.contains(&fold_name(w).as_str()))
                        .map_or(0, |p| p + 1);
                    if named >= 2 && named < words.len() {
                        self.claim(fold_name(&words[..named].join(" ")), NameKind::Org, &h.text);
                    }
                    // "the Commission" after "the European Commission".
                    let last = fold_name(words[words.len() - 1]);
                    if words.len() >= 2 && LONE_CUES.contains(&last.as_str()) {
                        self.claim(last, NameKind::Org, &h.text);
                    }
                    // A team by its nickname: "Orioles" after "Baltimore Orioles", "Lakers"
                    // after "Los Angeles Lakers"; not "Piraeus" after "Olympiacos Piraeus".
                    let nickname = words[words.len() - 1];
                    if (2..=4).contains(&words.len())
                        && WORD_CLASSES.has(TEAM_NICKNAME, &fold_name(nickname))
                        && words.iter().all(|w| plain_word(w))
                    {
                        self.claim(fold_name(nickname), NameKind::Org, &h.text);
                    }
                    // "City" after "Manchester City", "Real" after "Real Madrid"; the other
                    // word a town's, not "United Nations"
                    if words.len() == 2 && words.iter().all(|w| plain_word(w)) {
                        for (w, other) in [(words[0], words[1]), (words[1], words[0])] {
                            let other = fold_name(other);
                            if WORD_CLASSES.has(TEAM_SHORT_NAME, &fold_name(w))
                                && !other.contains('-')
                                && !other.ends_with('s')
                                && !WORD_CLASSES.has(
                                    COMMON_NOUN
                                        | ORG_CUE
                                        | DOCUMENT_WORD
                                        | NON_PERSON_END
                                        | STATE_FORM
                                        | TEAM_SHORT_NAME
                                        | RUN_STOP
                                        | DEMONYM,
                                    &other,
                                )
                            {
                                self.claim(fold_name(w), NameKind::Org, &h.text);
                            }
                        }
                    }
                    // "General Motors Corp" → "GM", "British Airways" → "BA".
                    if let Some(initials) = initials(&words) {
                        self.claim(fold_name(&initials), NameKind::Org, &h.text);
                    }
                }
                NameKind::Person => {}
            }
        }
    }
}

/// A given name that is no place, or one that opens a hyphenated one ("Marie-Jose").
fn given_first(w: &str) -> bool {
    let key = fold_name(w);
    let given = |k: &str| WORD_CLASSES.bits(k) & (GIVEN_NAME | PLACE_NAME) == GIVEN_NAME;
    given(&key) || key.split_once('-').is_some_and(|(first, _)| given(first))
}

/// A title or role right before byte `start`: "Prime Minister Necmettin Erbakan", "striker
/// Dwight Yorke".
fn titled(sentence: &str, start: usize) -> bool {
    sentence
        .get(..start)
        .and_then(|before| before.split_whitespace().next_back())
        .is_some_and(|w| {
            let w = w.trim_end_matches('.');
            WORD_CLASSES.has(TITLE | ROLE, &fold_name(w))
        })
}

/// No digits, and capitals only where names have them ("McIntosh", "O'Neill", "Boutros-Ghali",
/// "DeLay"), not "YourTV" or "M2-1001".
fn plain_word(w: &str) -> bool {
    if w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    w.split(['-', '\'', '’']).all(|part| {
        let inner = part.chars().skip(1).filter(|c| c.is_uppercase()).count();
        inner == 0
            || inner == 1
                && [
                    "Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Du", "Fitz",
                ]
                .iter()
                .any(|p| part.starts_with(p))
    })
}

/// The capitals of an org's words, legal forms and small words left out, when there are two
/// to five: "International Monetary Fund" → "IMF", "Nippon Telegraph and Telephone Corp" →
/// "NTT".
fn initials(words: &[&str]) -> Option<String> {
    let mut out = String::new();
    for w in words {
        let k = fold_name(w);
        if LEGAL_FORMS.contains(&k.as_str()) {
            continue;
        }
        let c = w.chars().next()?;
        if c.is_uppercase() {
            out.push(c);
        } else if !matches!(k.as_str(), "of" | "and" | "for" | "the" | "de" | "&") {
            return None;
        }
    }
    (2..=5).contains(&out.chars().count()).then_some(out)
}

fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '&' || c == '.')
        && w.chars().any(char::is_alphabetic)
}

fn is_initial(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.chars().count() <= 1
}

/// A word that may stand for a name alone: capitalized, not a word of a class that names
/// something else (titles, roles, places, common nouns, function words).
fn usable_short(w: &str) -> bool {
    let Some(c) = w.chars().next() else {
        return false;
    };
    if !c.is_uppercase() || w.chars().count() < 2 || w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // "Xi" is a surname, "XI" a regnal number.
    if w.chars().all(char::is_uppercase) && WORD_CLASSES.has(REGNAL_NUMBER, &fold_name(w)) {
        return false;
    }
    !WORD_CLASSES.has(
        RUN_STOP
            | COMMON_NOUN
            | TITLE
            | TITLE_AFTER_NAME
            | ROLE
            | ORG_CUE
            | DEMONYM
            | PLACE_NAME
            | PARTICLE
            | DOCUMENT_WORD
            | NON_PERSON_END,
        &fold_name(w),
    )
}

/// The words of `words(s)` that open with a capital, found without splitting the others:
/// every sentence of a document is searched for short forms, and most of its words are
/// lowercase.
fn capitalized_words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            // A capital is ASCII or opens a multi-byte char; `i` is always a char boundary.
            let p = i + bytes
                .get(i..)?
                .iter()
                .position(|&b| b.is_ascii_uppercase() || b >= 0x80)?;
            let c = char_at(s, p)?;
            if !(c.is_uppercase() && is_alnum(c)) {
                i = p + c.len_utf8();
                continue;
            }
            i = word_end(s, p);
            if opens_word(s, p) {
                return Some((p, i));
            }
        }
    })
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

/// Where the word that goes on at `p` (a letter or digit) ends, as `words` splits it.
fn word_end(s: &str, mut p: usize) -> usize {
    while let Some(c) = char_at(s, p) {
        let next = p + c.len_utf8();
        if is_alnum(c) || is_joiner(c) && char_at(s, next).is_some_and(is_alnum) {
            p = next;
        } else {
            break;
        }
    }
    p
}

/// Whether the letter or digit at `p` opens a word: no letter or digit before it, nor
/// a hyphen or apostrophe that joins it to one ("al-Assad", "O'Neill").
fn opens_word(s: &str, p: usize) -> bool {
    let mut before = s[..p].chars().rev();
    match before.next() {
        None => true,
        Some(c) if is_alnum(c) => false,
        Some(c) if is_joiner(c) => !before.next().is_some_and(is_alnum),
        Some(_) => true,
    }
}

/// The words of a sentence: (start, end) of runs of letters and digits joined by inner
/// hyphens and apostrophes.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    // Bytes on the ASCII fast path: every sentence of a document goes through here.
    while let Some(c) = char_at(s, i) {
        let next = i + c.len_utf8();
        let inner = is_joiner(c) && start.is_some() && char_at(s, next).is_some_and(is_alnum);
        if is_alnum(c) || inner {
            start.get_or_insert(i);
        } else if let Some(a) = start.take() {
            out.push((a, i));
        }
        i = next;
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

/// Resolves one sentence's hits and finds its bare short forms.
fn resolve(reg: &Registry, sentence: &str, hits: &mut Vec<NameHit>) {
    for h in hits.iter_mut() {
        if h.name.is_some() {
            continue;
        }
        // Of several words, only a company's name without its legal form ("Philip Morris"
        // after "Philip Morris Cos Inc") stands for another.
        let several = h.text.split_whitespace().nth(1).is_some();
        if let Some((kind, full)) = reg.get(&h.key)
            && (kind == h.kind && (!several || kind == NameKind::Org)
                || h.kind == NameKind::Person && kind == NameKind::Org)
            && fold_name(full) != h.key
        {
            h.kind = kind;
            h.key = fold_name(full);
            h.name = Some(full.to_string());
        }
    }
    if reg.short.is_empty() {
        return;
    }
    // All the words are split only when a capitalized one is a short form.
    let mut all_words: Option<Vec<(usize, usize)>> = None;
    let mut added = Vec::new();
    for (a, b) in capitalized_words(sentence) {
        let w = &sentence[a..b];
        let bare = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        let end = a + bare.len();
        if hits.iter().any(|h| h.start < end && a < h.end) {
            continue;
        }
        let Some((kind, full)) = reg.get(&fold_name(bare)) else {
            continue;
        };
        // An acronym is written in capitals ("GM"), not "Ba", a surname.
        if kind == NameKind::Org
            && !full.starts_with(bare)
            && !full.ends_with(bare)
            && !is_acronym(bare)
            && !LONE_CUES.contains(&fold_name(bare).as_str())
        {
            continue;
        }
        // A surname in capitals is a headline's or a numeral ("XI"), not this person.
        if kind == NameKind::Person && bare.chars().all(|c| !c.is_lowercase()) {
            continue;
        }
        let ws = all_words.get_or_insert_with(|| words(sentence));
        let n = ws.partition_point(|&(p, _)| p < a);
        // Inside a longer capitalized run ("Lara Croft", "Toyota Motor"), it is another name.
        let glued = |x: usize, y: usize| {
            sentence
                .get(x..y)
                .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' '))
        };
        let cap = |i: usize| {
            ws.get(i)
                .and_then(|&(p, _)| sentence[p..].chars().next())
                .is_some_and(char::is_uppercase)
        };
        // "The Commission": a function word opens no longer name.
        let stop = |i: usize| {
            ws.get(i)
                .and_then(|&(p, q)| sentence.get(p..q))
                .is_some_and(|w| WORD_CLASSES.has(RUN_STOP, &fold_name(w)))
        };
        // "Erbakan's Welfare Party": a possessive ends the run.
        let possessive = bare.len() < w.len();
        if (!possessive && n + 1 < ws.len() && cap(n + 1) && glued(b, ws[n + 1].0))
            || (n > 0 && cap(n - 1) && !stop(n - 1) && glued(ws[n - 1].1, a))
        {
            continue;
        }
        added.push(NameHit {
            start: a,
            end,
            kind,
            text: bare.to_string(),
            key: fold_name(full),
            name: (full != bare).then(|| full.to_string()),
        });
    }
    if !added.is_empty() {
        hits.extend(added);
        hits.sort_by_key(|h| (h.start, h.end));
    }
}

/// People and organizations named in each sentence of a document, with short forms
/// resolved to the full names met earlier in it.
pub fn find_names_in_document(sentences: &[&str]) -> Vec<Vec<NameHit>> {
    let mut reg = Registry::default();
    let mut out: Vec<Vec<NameHit>> = sentences
        .iter()
        .map(|s| {
            let mut hits = find_names(s);
            reg.learn(s, &hits);
            resolve(&reg, s, &mut hits);
            hits
        })
        .collect();
    // A headline names in capitals whom the story names after it ("SAMPRAS BEATS HENMAN"
    // over "Pete Sampras beat Tim Henman", "BARCELONA BEAT REAL MADRID"): once the whole
    // document is read, a word or words in capitals stand for a name the story gives.
    let mut named = Registry::default();
    for hits in &out {
        for h in hits.iter().filter(|h| h.name.is_none()) {
            named.claim(h.key.clone(), h.kind, &h.text);
        }
    }
    if !named.short.is_empty() {
        for (s, hits) in sentences.iter().zip(out.iter_mut()) {
            resolve_headline(&reg, &named, s, hits);
        }
    }
    out
}

/// In a sentence written in capitals, the words that name what the document names: "PETE
/// SAMPRAS" and "NORMAN" for "Greg Norman", "GM" for "General Motors Corp", "BARCELONA".
fn resolve_headline(reg: &Registry, named: &Registry, sentence: &str, hits: &mut Vec<NameHit>) {
    // Most sentences are not: their ASCII lowercase letters alone outnumber five times
    // every other byte, counted in one pass the compiler vectorizes.
    let ascii_lower = sentence.bytes().filter(u8::is_ascii_lowercase).count();
    if ascii_lower * 5 > sentence.len() - ascii_lower {
        return;
    }
    let (upper, lower) = sentence.chars().fold((0, 0), |(u, l), c| {
        (u + c.is_uppercase() as usize, l + c.is_lowercase() as usize)
    });
    if upper < 3 || lower * 5 > upper {
        return;
    }
    let ws = words(sentence);
    let dateline = dateline_end(sentence.as_bytes());
    let mut added = Vec::new();
    let mut n = 0;
    while n < ws.len() {
        // The longest run of up to three words in capitals, joined by single spaces, that
        // the document names.
        let found = (1..=3).rev().find_map(|len| {
            let last = ws.get(n + len - 1)?;
            let (a, b) = (ws[n].0, last.1);
            let text = sentence.get(a..b)?;
            let glued = ws[n..n + len]
                .windows(2)
                .all(|p| sentence.get(p[0].1..p[1].0) == Some(" "));
            if !glued || !text.split(' ').all(is_acronym) {
                return None;
            }
            let key = fold_name(text);
            if len == 1 && WORD_CLASSES.has(REGNAL_NUMBER, &key) {
                return None;
            }
            let (kind, full) = named
                .get(&key)
                .or_else(|| (len == 1).then(|| reg.get(&key)).flatten())?;
            if len == 1 && kind == NameKind::Person && text.chars().count() < 3 {
                return None;
            }
            Some((len, a, b, kind, full))
        });
        let Some((len, a, b, kind, full)) = found else {
            n += 1;
            continue;
        };
        n += len;
        if hits.iter().any(|h| h.start < b && a < h.end) {
            continue;
        }
        // A dateline's place in capitals is where the story was written, not the club or
        // the person the story names: "NEWCASTLE 1996-08-24", "AKRON , Ohio",
        // "WASHINGTON (Reuters) -".
        if b <= dateline
            && sentence
                .get(..a)
                .is_some_and(|before| before.trim().is_empty())
        {
            continue;
        }
        let text = &sentence[a..b];
        added.push(NameHit {
            start: a,
            end: b,
            kind,
            text: text.to_string(),
            key: fold_name(full),
            name: (full != text).then(|| full.to_string()),
        });
    }
    if !added.is_empty() {
        hits.extend(added);
        hits.sort_by_key(|h| (h.start, h.end));
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{capitalized_words, words};

    /// Words as a reader splits them, one char at a time.
    fn words_by_chars(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let inner = matches!(c, '-' | '\'' | '’')
                && start.is_some()
                && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || inner {
                start.get_or_insert(i);
            } else if let Some(a) = start.take() {
                out.push((a, i));
            }
        }
        if let Some(a) = start {
            out.push((a, s.len()));
        }
        out
    }

    #[test]
    fn words_join_inner_hyphens_and_apostrophes() {
        let s = "Erbakan's Welfare Party - al-Assad’s Ködmön, O'Neill- 3.5";
        let got: Vec<&str> = words(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            got,
            [
                "Erbakan's",
                "Welfare",
                "Party",
                "al-Assad’s",
                "Ködmön",
                "O'Neill",
                "3",
                "5"
            ]
        );
    }

    proptest! {
        #[test]
        fn capitalized_words_are_the_words_that_open_with_a_capital(
            s in "[a-zA-Z0-9 '’\\-.,éÖÉ\u{0627}-\u{0629}\u{2160}]{0,40}"
        ) {
            let want: Vec<(usize, usize)> = words(&s)
                .into_iter()
                .filter(|&(a, _)| s[a..].chars().next().is_some_and(char::is_uppercase))
                .collect();
            prop_assert_eq!(capitalized_words(&s).collect::<Vec<_>>(), want);
        }

        #[test]
        fn words_are_those_read_char_by_char(s in "[a-zA-Z0-9 '’\\-.,éÖ\u{0627}-\u{0629}]{0,40}") {
            prop_assert_eq!(words(&s), words_by_chars(&s));
        }
    }
}
