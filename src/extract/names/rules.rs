//! The rules: how a capitalized run of a tokenized sentence is cut into chunks and each chunk
//! judged a person, an organization or neither, from the cues around it.

use std::cell::RefCell;

use super::tokens::*;
use super::words::*;
use super::{NameHit, NameKind, fold_name};

/// Longest capitalized run considered, in tokens.
pub(super) const MAX_RUN: usize = 32;

/// Words whose possessive is part of an organization's name and does not end
/// it, as a person's does ("Erbakan's Welfare Party"): "the Sudan People's
/// Liberation Movement", "the Workers' Party", "Save the Children's Fund".
/// Offices written with a capital that a name set off by commas may follow: "its founding
/// President, Syngman Rhee", "Iran's then President, Bani-Sadr," (not "Chase the Lady,
/// Crubs").
const OFFICES: &[&str] = &[
    "president",
    "premier",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "chancellor",
    "minister",
    "secretary",
    "ambassador",
    "commander",
    "king",
    "queen",
    "emperor",
];

const POSSESSIVES_IN_NAMES: &[&str] = &[
    "people",
    "peoples",
    "workers",
    "women",
    "children",
    "veterans",
    "farmers",
    "citizens",
    "soldiers",
    "students",
    "employers",
];

/// What an athlete named after a country's possessive does next: "Kenya's Moses Kiptanui
/// won".
const ATHLETE_VERBS: &[&str] = &[
    "won", "wins", "beat", "beats", "scored", "scores", "finished", "took", "takes", "set",
    "claimed", "retained", "clocked", "shot", "carded", "hit", "made", "led", "leads", "lost",
    "drew", "defeated", "overcame", "edged", "crashed", "withdrew", "pulled", "struck",
];

/// One sentence under judgment: its tokens and keys, the hits so far, and the little state
/// that carries from one chunk of a run to the next.
pub(super) struct NameRules<'a> {
    pub(super) s: &'a str,
    pub(super) t: Vec<Tok>,
    pub(super) keys: String,
    pub(super) lex: &'static WordClasses,
    pub(super) out: Vec<NameHit>,
    /// Buffer for multi-word keys.
    pub(super) scratch: RefCell<String>,
    /// The previous chunk of this run was a person named after a role, and an
    /// "and" follows: "analysts Cagaptay and Murinson" shares the role.
    pub(super) and_license: bool,
    pub(super) last_licensed_person: bool,
    /// The sentence has a number or a draw, so it may report a result.
    pub(super) results: bool,
    /// Chunks of two or three words that were judged nothing, for `list_people`.
    pub(super) unnamed: Vec<(usize, usize)>,
}

impl<'a> NameRules<'a> {
    pub(super) fn key(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.flags & KEY_IS_TEXT != 0 => self.s.get(t.ks..t.ke).unwrap_or(""),
            Some(t) if t.flags & WORD != 0 => self.keys.get(t.ks..t.ke).unwrap_or(""),
            Some(t) if t.punct == '&' => "&",
            _ => "",
        }
    }
    /// Token i is in a word list (`bit`).
    #[inline]
    pub(super) fn in_class(&self, i: usize, bit: u32) -> bool {
        self.t.get(i).is_some_and(|t| t.classes & bit != 0)
    }
    pub(super) fn word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.is(WORD))
    }
    pub(super) fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.flags == 0 && t.punct == c)
    }
    pub(super) fn capword(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.is(CAPITALIZED) && !t.is(NUMERIC))
    }
    pub(super) fn lower(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.is(WORD) && !t.is(CAPITALIZED) && !t.is(NUMERIC))
    }

    /// Word lists that tokens a..b, as one phrase, are in ("caspian sea"): the
    /// keys joined by single spaces, punctuation other than '&' skipped.
    pub(super) fn span_bits(&self, a: usize, b: usize) -> u32 {
        let mut words = (a..b).filter(|&i| !self.key(i).is_empty());
        let (Some(first), second) = (words.next(), words.next()) else {
            return 0;
        };
        if second.is_none() {
            return self.t.get(first).map_or(0, |t| t.classes);
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
    pub(super) fn run_end(&self, i: usize) -> usize {
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
                if self.t[j - 1].is(POSSESSIVE)
                    && !(POSSESSIVES_IN_NAMES.contains(&self.key(j - 1)) && self.capword(j))
                {
                    break;
                }
                continue;
            }
            if j == i {
                break;
            }
            let k = self.key(j);
            if self.punct(j, '.') && !self.t[j].gap {
                if (self.t[j - 1].is(INITIAL) || self.in_class(j - 1, ABBREVIATION))
                    && self.capword(j + 1)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if self.lower(j) && self.in_class(j, PARTICLE) && self.capword(j + 1) {
                j += 1;
                continue;
            }
            // "Organization for Security and Co-operation in Europe", "Conference on
            // Disarmament in Europe": the continent closes the name.
            if k == "in"
                && self.lower(j)
                && matches!(
                    self.key(j - 1),
                    "co-operation" | "cooperation" | "disarmament" | "security"
                )
                && matches!(self.key(j + 1), "europe" | "asia" | "africa")
                && (i..j).any(|x| self.capword(x) && self.in_class(x, ORG_CUE))
            {
                j += 2;
                end = j;
                break;
            }
            if (self.lower(j) || self.punct(j, '&')) && self.in_class(j, ORG_CONNECTOR) {
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

    pub(super) fn run(&mut self) {
        let n = self.t.len();
        // Results need a number, a draw or a cricket margin; most sentences have none, and
        // the result rules are then skipped.
        self.results = self.t.iter().enumerate().any(|(i, t)| {
            t.is(NUMERIC)
                || !t.is(CAPITALIZED)
                    && matches!(
                        self.key(i),
                        "drew" | "draw" | "draws" | "tied" | "wickets" | "runs" | "innings"
                    )
        });
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
        if !self.unnamed.is_empty() && self.out.iter().any(|h| h.kind == NameKind::Person) {
            let unnamed = std::mem::take(&mut self.unnamed);
            self.list_people(&unnamed);
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

    /// Two or three name-like words in a list with a person ("Wasim Akram, Waqar Younis and
    /// Mushtaq Ahmed") are a person too.
    fn list_people(&mut self, unnamed: &[(usize, usize)]) {
        for &(a, b) in unnamed {
            let linked = |i: usize| self.punct(i, ',') || self.lower(i) && self.key(i) == "and";
            let person_ends_at = |end: usize| {
                self.out.iter().any(|h| {
                    h.kind == NameKind::Person && self.t.get(end).is_some_and(|t| t.e == h.end)
                })
            };
            let person_starts_at = |start: usize| {
                self.out.iter().any(|h| {
                    h.kind == NameKind::Person && self.t.get(start).is_some_and(|t| t.s == h.start)
                })
            };
            let listed = (a >= 2 && linked(a - 1) && person_ends_at(a - 2))
                || (linked(b) && person_starts_at(b + 1));
            if !listed
                || (a..b).any(|i| !self.capword(i) || !self.namelike(i) || self.t[i].is(INITIAL))
                || self.is_placeish(a, b)
                || self.in_class(a, PLACE_NAME | PLACE_NAME_START)
                || self.span_bits(a, b) & (PLACE_NAME | CUELESS_ORG) != 0
            {
                continue;
            }
            self.emit(a, b, NameKind::Person);
        }
    }

    pub(super) fn process_run(&mut self, a: usize, b: usize) {
        // Split into segments at connectors; particles and dots stay inside.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut s = a;
        let mut i = a;
        while i < b {
            let is_conn = (self.lower(i) || self.punct(i, '&')) && self.in_class(i, ORG_CONNECTOR);
            if is_conn {
                if s < i {
                    segs.push((s, i));
                }
                s = i + 1;
            } else if i > s && self.shouting(i) && !self.shouting(i - 1) && self.word(i - 1) {
                // A byline or dateline in capitals after a name: "Nadim Ladki AL-AIN".
                segs.push((s, i));
                s = i;
            }
            i += 1;
        }
        if s < b {
            segs.push((s, b));
        }
        if segs.is_empty() {
            return;
        }
        // A known name across its connectors: "Standard & Poor's", "Marks and Spencer".
        if segs.len() > 1 {
            let sa = self.strip_stop(a, b);
            if sa < b && self.span_bits(sa, b) & CUELESS_ORG != 0 {
                self.emit(sa, b, NameKind::Org);
                return;
            }
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
            // "The Administration of President Rafael Caldera" is his government.
            let last_cue = self.capword(cur.1 - 1)
                && self.in_class(cur.1 - 1, ORG_CUE)
                && self.key(cur.1 - 1) != "administration";
            let join = match conn {
                // Not "the Motherland Party of Mesut Yilmaz", its leader.
                "of" if matches!(
                    self.key(cur.1 - 1),
                    "party" | "movement" | "bloc" | "faction"
                ) && next.0 == cur.1 + 1
                    && self.personish(next.0, next.1)
                    && !next_cue =>
                {
                    false
                }
                "of" | "for" => {
                    last_cue
                        || (merged
                            && next.1 - next.0 <= 3
                            && !(next.0..next.1).any(|i| self.in_class(i, RUN_STOP))
                            && !self.any_given(next.0, next.1)
                            && !self.has_cue(next.0, next.1))
                }
                // Not "Walt Disney Pictures on March 7".
                "on" => last_cue && !self.in_class(next.0, RUN_STOP),
                // "Russ Berrie and Co Inc", "Procter & Gamble Co": a legal form is never a name.
                "and" | "&" if (next.0..next.1).all(|i| !self.word(i) || self.legal_form(i)) => {
                    true
                }
                // "Nippon Telegraph and Telephone Corp": a short segment ending in a legal form.
                "and" | "&"
                    if next.1 - next.0 <= 3
                        && self.legal_form(next.1 - 1)
                        // Two companies: "Ciba-Geigy AG and Sandoz AG".
                        && !self.legal_form(cur.1 - 1)
                        && !self.given(cur.0)
                        && !self.is_placeish(cur.0, cur.1) =>
                {
                    true
                }
                "and" | "&" => {
                    let plain_next = !self.is_placeish(next.0, next.1)
                        && !self.any_given(next.0, next.1)
                        && self.span_bits(next.0, next.1) & CUELESS_ORG == 0
                        && self.key(cur.1 + 1) != "the";
                    // "Food and Agriculture Organization", "Economic and Social Council".
                    (next_cue
                        && !cur_cue
                        && cur.1 - cur.0 <= 2
                        && !self.is_placeish(cur.0, cur.1)
                        && !self.any_given(cur.0, cur.1)
                        && self.span_bits(self.strip_stop(cur.0, cur.1), cur.1) & CUELESS_ORG == 0
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
                if self.span_bits(ca, cb) & PLACE_NAME != 0 {
                    continue;
                }
                // "Organization of ... (OIC)" and the like.
                let (sa, sb) = (self.strip_stop(ca, cb), cb);
                if sa < sb {
                    self.emit(sa, sb, NameKind::Org);
                    self.acronym_after(sb);
                }
            } else {
                let before = self.out.len();
                self.segment(ca, cb);
                if self.out.len() == before && (2..=3).contains(&(cb - ca)) {
                    self.unnamed.push((ca, cb));
                }
            }
        }
    }

    /// "IRA" is an org, "Ira" a given name: a short known acronym that is also a name or a
    /// word counts in capitals only.
    pub(super) fn lowercase_acronym(&self, a: usize, b: usize) -> bool {
        b - a == 1
            && self.key(a).len() <= 4
            && !self.t[a].is(ACRONYM)
            && self.in_class(a, GIVEN_NAME | COMMON_NOUN)
    }

    pub(super) fn has_cue(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| self.capword(i) && self.in_class(i, ORG_CUE))
    }
    /// A given name, also as a part of a hyphenated one ("Fath-Ali", "Jean-Paul").
    pub(super) fn given(&self, i: usize) -> bool {
        if self.in_class(i, GIVEN_NAME) {
            return true;
        }
        let k = self.key(i);
        k.contains('-')
            && k.split('-')
                .any(|p| p.len() > 2 && self.lex.has(GIVEN_NAME, p))
            && k.split('-')
                .all(|p| !self.lex.has(DEMONYM | PLACE_NAME | COMMON_NOUN, p))
    }

    pub(super) fn any_given(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| self.in_class(i, GIVEN_NAME) && !self.in_class(i, PLACE_NAME))
    }
    pub(super) fn is_placeish(&self, a: usize, b: usize) -> bool {
        let k = self.span_bits(a, b);
        k & PLACE_NAME != 0
            || (b - a == 1 && k & DEMONYM != 0)
            || (a..b)
                .all(|i| !self.word(i) || self.is_demonymish(i) || self.in_class(i, PLACE_NAME))
    }
    /// "Iranian", "Iranian-Azeri", "Azerbaijanis".
    pub(super) fn is_demonymish(&self, i: usize) -> bool {
        if self.in_class(i, DEMONYM | PLACE_NAME) {
            return true;
        }
        let k = self.key(i);
        if k.contains('-') {
            return k
                .split('-')
                .all(|p| self.lex.has(DEMONYM, p) || self.lex.has(PLACE_NAME, p));
        }
        false
    }

    pub(super) fn strip_stop(&self, mut a: usize, b: usize) -> usize {
        // "WHO Director-General": a known acronym in capitals is no function word.
        let acronym_org = |i: usize| self.t[i].is(ACRONYM) && self.in_class(i, CUELESS_ORG);
        // "A. Ranatunga": an initial, not the article.
        let initial = |i: usize| self.initial_with_period(i) && i + 2 < b;
        while a < b
            && (self.in_class(a, RUN_STOP) && !acronym_org(a) && !initial(a) || !self.word(a))
        {
            a += 1;
        }
        a
    }

    /// A capital letter and its period, glued: an initial ("A. Ranatunga"), not the article.
    pub(super) fn initial_with_period(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.is(INITIAL))
            && self.punct(i + 1, '.')
            && self.t.get(i + 1).is_some_and(|p| !p.gap)
    }

    /// A token that can be part of a person's name.
    pub(super) fn namelike(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        if !t.is(WORD) || t.is(NUMERIC) {
            return false;
        }
        let m = t.classes;
        if !t.is(CAPITALIZED) {
            return m & PARTICLE != 0;
        }
        if t.is(ACRONYM) && !t.is(INITIAL) {
            return false;
        }
        if self.initial_with_period(i) {
            return true;
        }
        if m & (RUN_STOP
            | COMMON_NOUN
            | DEMONYM
            | ORG_CUE
            | ROLE
            | NON_PERSON_END
            | DOCUMENT_WORD)
            != 0
            // "Ira" is a given name, "IRA" (an acronym, refused above) an org.
            || (m & CUELESS_ORG != 0 && m & GIVEN_NAME == 0)
            || (m & TITLE != 0 && m & GIVEN_NAME == 0)
            || (m & GIVEN_NAME == 0 && self.is_demonymish(i))
        {
            return false;
        }
        // Plurals of generic words: "Conventions", "Commitments".
        let k = self.key(i);
        !(k.len() > 3
            && k.ends_with('s')
            && self
                .lex
                .has(DOCUMENT_WORD | COMMON_NOUN | DEMONYM, &k[..k.len() - 1]))
    }

    pub(super) fn surname_like(&self, i: usize, first: usize) -> bool {
        if !self.namelike(i) {
            // Post-titles and regnal numbers belong to the name ("Reza Shah", "Henry II").
            let regnal = i > first
                && self.t.get(i).is_some_and(|t| t.is(CAPITALIZED))
                && self.in_class(i, REGNAL_NUMBER);
            // A title word after a given name is a surname ("Luther King", "John Major").
            let title_surname = i > first
                && self.capword(i)
                && self.in_class(i, TITLE)
                && self.in_class(first, GIVEN_NAME);
            // "Damon Hill", "Anita Hill": a given name and a surname that ends place names too.
            let hill_surname = i > first
                && self.capword(i)
                && matches!(self.key(i), "hill" | "field" | "fields")
                && self.in_class(first, GIVEN_NAME)
                && !self.in_class(first, PLACE_NAME | COMMON_NOUN | PLACE_NAME_START);
            // "Gottlieb Daimler", "Armand Peugeot": a given name before a company's name is
            // its founder.
            let founder = i > first
                && self.capword(i)
                && !self.t[i].is(ACRONYM)
                && self.in_class(i, CUELESS_ORG)
                && self.in_class(first, GIVEN_NAME)
                && !self.in_class(first, PLACE_NAME | COMMON_NOUN | CUELESS_ORG);
            return regnal
                || title_surname
                || hill_surname
                || founder
                || self.in_class(i, TITLE_AFTER_NAME)
                || self.t.get(i).is_some_and(|t| t.is(INITIAL));
        }
        !(self.in_class(i, PLACE_NAME) && self.in_class(first, PLACE_NAME))
    }

    pub(super) fn morph(&self, i: usize) -> bool {
        let k = self.key(i);
        let last = k.rsplit('-').next().unwrap_or(k);
        if last.len() < 5 || !last.is_ascii() {
            return false;
        }
        if self.in_class(i, PLACE_NAME | COMMON_NOUN) || self.is_demonymish(i) {
            return false;
        }
        SURNAME_SUFFIXES.iter().any(|s| last.ends_with(s))
    }

    /// Role or title word right before token a (skipping "the" is not allowed:
    /// "the president Iran…" is rare, "the general assembly" common).
    pub(super) fn role_before(&self, a: usize) -> bool {
        if a == 0 {
            return false;
        }
        let p = a - 1;
        if self.punct(p, '.') && p > 0 {
            return self.in_class(p - 1, ABBREVIATION) && self.in_class(p - 1, TITLE);
        }
        // "chief executive Sundar Pichai" (an "Executive Order" is no person's)
        let chief_executive = p > 0 && self.key(p) == "executive" && self.key(p - 1) == "chief";
        self.lower(p) && (self.in_class(p, ROLE) || chief_executive)
    }

    /// Tokens a..b set off by commas after a role: "a police spokesman, Femi Adebayo,
    /// said", "said its chairman, Ko Tanaka.", or after an office written with a capital
    /// after a lowercase word (OFFICES): "its founding President, Syngman Rhee."
    pub(super) fn role_apposed(&self, a: usize, b: usize) -> bool {
        let role = |i: usize| {
            self.lower(i) && self.in_class(i, ROLE)
                || self.capword(i) && OFFICES.contains(&self.key(i)) && i > 0 && self.lower(i - 1)
        };
        a >= 2
            && self.punct(a - 1, ',')
            && role(a - 2)
            && !self.in_class(a, TITLE | ABBREVIATION)
            // "Brig. Gen. Rufus King": a period before more of the name is an abbreviation's.
            && (b >= self.t.len()
                || self.punct(b, ',')
                || self.punct(b, '.') && !self.capword(b + 1))
    }

    /// A locative preposition right before token a, or before one lowercase word of
    /// direction or nearness: "in Columbia", "across northern Alberta".
    pub(super) fn located_at(&self, a: usize) -> bool {
        let locative = |i: usize| self.lower(i) && self.in_class(i, LOCATIVE);
        match a {
            0 => false,
            1 => locative(0),
            _ => {
                locative(a - 1)
                    || (self.lower(a - 1)
                        && self.in_class(a - 1, LOCATIVE_MODIFIER)
                        && locative(a - 2))
            }
        }
    }

    /// A country's possessive right before tokens a..b and an athlete's verb after them:
    /// "Sri Lanka's Sanath Jayasuriya scored 110", "Britain 's Tim Henman beat"; not
    /// "Germany's Basic Law formulates" nor "Bolivia's Cordillera Central".
    pub(super) fn country_possessive_before(&self, a: usize, b: usize) -> bool {
        if a == 0 || !self.capword(a - 1) || !self.t[a - 1].is(POSSESSIVE) {
            return false;
        }
        if !(self.lower(b) && ATHLETE_VERBS.contains(&self.key(b)) || self.report_after(b)) {
            return false;
        }
        let mut start = a - 1;
        while start > 0 && a - start < 4 && self.capword(start - 1) {
            start -= 1;
        }
        (start..a).any(|s| self.is_country(s, a))
    }

    /// A verb of leading and "by" right before token a: "led by Syngman Rhee", "a
    /// committee chaired by Jacques Santer".
    pub(super) fn leader_before(&self, a: usize) -> bool {
        a >= 2
            && self.key(a - 1) == "by"
            && self.lower(a - 2)
            && matches!(
                self.key(a - 2),
                "led" | "headed" | "chaired" | "commanded" | "coached" | "founded"
            )
    }

    pub(super) fn according_before(&self, a: usize) -> bool {
        a >= 2 && self.key(a - 1) == "to" && self.key(a - 2) == "according"
    }

    pub(super) fn report_after(&self, b: usize) -> bool {
        let mut j = b;
        // Adverbs and auxiliaries may come between: "Aliyev further states", "has denied".
        for _ in 0..3 {
            if self.lower(j) && self.in_class(j, REPORTING_VERB) {
                return true;
            }
            if self.lower(j) && self.in_class(j, REPORTING_ADVERB) {
                j += 1;
                continue;
            }
            break;
        }
        false
    }

    /// "Nizami Ganjavi (1141–1209)", "Abbas I (r. 1588–1629)", "X (born 1950)".
    pub(super) fn lifespan_after(&self, b: usize) -> bool {
        if !self.punct(b, '(') {
            return false;
        }
        let n = b + 1;
        // A span of years, not one year: "(1919)" follows events and places as often.
        let range = |i: usize| {
            self.t.get(i).is_some_and(|t| t.is(NUMERIC))
                && (self.key(i).contains('-')
                    || self
                        .t
                        .get(i + 1)
                        .is_some_and(|d| d.flags == 0 && matches!(d.punct, '–' | '—' | '-')))
        };
        range(n)
            || (self.lower(n)
                && matches!(
                    self.key(n),
                    "born" | "b" | "c" | "ca" | "died" | "d" | "fl" | "r"
                )
                && (self.t.get(n + 1).is_some_and(|t| t.is(NUMERIC))
                    || self.punct(n + 1, '.') && self.t.get(n + 2).is_some_and(|t| t.is(NUMERIC))))
    }

    /// A cricket scoreboard's fielder or bowler: "c Flower b Streak 34", "lbw b
    /// Brandes 12", and a bowler's figures, "Streak 20-4-61-2".
    pub(super) fn dismissal(&self, a: usize, b: usize) -> bool {
        let numeric = |i: usize| self.t.get(i).is_some_and(|t| t.is(NUMERIC));
        let figures = numeric(b) && self.key(b).matches('-').count() == 3;
        let marker = |i: usize| self.lower(i) && matches!(self.key(i), "b" | "c" | "st");
        figures || a > 0 && marker(a - 1) && (numeric(b) || marker(b))
    }

    /// "Wang , 27 , was a leader": an age between commas after token b.
    pub(super) fn age_after(&self, b: usize) -> bool {
        // Not "Worldwide, 42,000 people" nor "(1 Kings, 21,19)": a word after, apart.
        self.punct(b, ',')
            && self.punct(b + 2, ',')
            && self.t.get(b + 1).is_some_and(|t| {
                t.is(NUMERIC)
                    && t.e - t.s == 2
                    && self.key(b + 1).bytes().all(|c| c.is_ascii_digit())
            })
            && self
                .t
                .get(b + 3)
                .is_some_and(|t| t.gap && t.is(WORD) && !t.is(NUMERIC))
    }

    pub(super) fn apposition_after(&self, b: usize) -> bool {
        if !self.punct(b, ',') {
            return false;
        }
        if self.age_after(b) {
            return true;
        }
        if !self.lower(b + 1) || !self.in_class(b + 1, APPOSITION_CUE) {
            return false;
        }
        if matches!(self.key(b + 1), "a" | "an" | "the" | "then" | "former") {
            // "Sipho Ndlovu, a 34-year-old miner".
            let aged = self.t.get(b + 2).is_some_and(|t| t.is(NUMERIC))
                && self.key(b + 2).ends_with("-year-old");
            return aged || self.lower(b + 2) && self.in_class(b + 2, ROLE | APPOSITION_CUE);
        }
        true
    }

    /// Classify one segment (no connectors inside).
    pub(super) fn segment(&mut self, a0: usize, b: usize) {
        let a = self.strip_stop(a0, b);
        if a >= b {
            return;
        }
        // "the Sunday Times": a known name may open with a word a run sheds.
        if a > a0 {
            let mut n = a0;
            while n < a && (!self.word(n) || matches!(self.key(n), "the" | "a" | "an")) {
                n += 1;
            }
            if n < a && self.span_bits(n, b) & CUELESS_ORG != 0 {
                self.emit(n, b, NameKind::Org);
                return;
            }
        }
        let whole = self.span_bits(a, b);
        // A run in capitals ("EASTERN CONFERENCE", "JAPAN GET LUCKY WIN") is a headline: its
        // capitals say nothing; only known acronyms in it are names.
        // ("ORIOLES WIN AS RIPKEN HOMERS": its short words are in capitals too)
        if b - a >= 2
            && whole & CUELESS_ORG == 0
            && (a..b).all(|i| {
                !self.word(i)
                    || self.shouting(i)
                    || self.t[i].is(ACRONYM) && !self.in_class(i, CUELESS_ORG)
            })
            && (a..b).filter(|&i| self.shouting(i)).count() >= 2
        {
            for i in a..b {
                if self.in_class(i, CUELESS_ORG) && self.t[i].is(ACRONYM) {
                    self.emit(i, i + 1, NameKind::Org);
                }
            }
            return;
        }
        // "the Commonwealth" is an org, "the Commonwealth of Dominica" a country.
        let state_of = b - a == 1 && self.in_class(a, STATE_FORM) && self.key(b) == "of";
        if whole & CUELESS_ORG != 0 && !self.lowercase_acronym(a, b) && !state_of {
            self.emit(a, b, NameKind::Org);
            self.acronym_after(b);
            return;
        }
        if whole & PLACE_NAME != 0 {
            // "Cagliari" in "Piacenza lost 2-1 to Cagliari" is the club; a country stays one.
            if self.club_context(a, b) && !self.is_country(a, b) {
                self.emit(a, b, NameKind::Org);
            }
            return;
        }
        // A known org heading the segment ("United Nations Secretary-General …").
        if b - a >= 3 && (self.span_bits(a, a + 2) & CUELESS_ORG != 0) {
            // "United Nations Development Programme" is one org; "United Nations
            // Secretary-General Guterres" and "United Nations Charter" are not.
            let rest_personish =
                (a + 2..b).any(|i| self.in_class(i, TITLE | GIVEN_NAME | ONE_WORD_PERSON));
            let ends_document = self.in_class(b - 1, DOCUMENT_WORD)
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
            if !(self.capword(p) && self.in_class(p, TITLE)) {
                continue;
            }
            // Post-titles after a name are part of it.
            if p > a && self.in_class(p, TITLE_AFTER_NAME) && self.namelike(p - 1) {
                continue;
            }
            // After a given name a title word is a surname: "Martin Luther King", "John Major".
            if p > a
                && self.in_class(a, GIVEN_NAME)
                && (a + 1..p).all(|i| self.namelike(i) || !self.word(i))
                && self.namelike(a)
                // "Hong Kong Governor Chris Patten": a place's name before the title.
                && !self.is_placeish(a, p)
                && !self.is_country(a, p)
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
                if self.in_class(k, GIVEN_NAME)
                    && self.capword(k)
                    && self.namelike(k)
                    && self.surname_like(k + 1, k)
                    && !self.any_given(a, k)
                    && !(a..k).any(|i| self.lower(i))
                    && !(a..k).all(|i| self.namelike(i) || !self.word(i))
                    && !self.has_cue(k, b)
                    // "Deutsche Morgan Grenfell": a cue alone before the given name opens
                    // the org's name.
                    && !(k - a == 1 && self.in_class(a, ORG_CUE))
                {
                    self.org_only(a, k);
                    self.person_piece(k, b, false);
                    return;
                }
            }
        }
        // "Plymouth 4 Exeter 1", "Barcelona beat Valencia 2-1", "CSKA Moscow", "shares of
        // Newmont", "Toyota shares fell": a club or a company by its context.
        if self.club_context(a, b) || self.market_context(a, b) {
            self.emit(a, b, NameKind::Org);
            return;
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
        if self.lower(b) && self.in_class(b, LOWER_ORG_CUE) && !self.is_placeish(a, b) {
            // Not "National party": some word must be a name, not all generic.
            let named =
                (a..b).any(|i| self.word(i) && !self.in_class(i, COMMON_NOUN | DEMONYM | RUN_STOP));
            if named {
                self.emit(a, b + 1, NameKind::Org);
                return;
            }
        }
        if !self.person_piece(a, b, false) {
            // A known acronym inside an unclassified run ("the UN Secretary-General").
            for i in a..b {
                if self.t[i].is(ACRONYM) && self.in_class(i, CUELESS_ORG) {
                    self.emit(i, i + 1, NameKind::Org);
                }
            }
        }
    }

    /// A word in capitals of three letters or more ("AL-AIN", "CONFERENCE"), not an initial.
    pub(super) fn shouting(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.is(WORD)
                && t.is(ACRONYM)
                && !t.is(INITIAL)
                && !t.is(NUMERIC)
                && !self.in_class(i, REGNAL_NUMBER)
                && self
                    .s
                    .get(t.s..t.e)
                    .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        })
    }

    /// Emits tokens a..b as a person if they are one; `licensed` when a title precedes.
    pub(super) fn person_piece(&mut self, a0: usize, b: usize, licensed: bool) -> bool {
        // Demonyms and places leading a person piece are descriptors ("Iranian Ali Abbasov").
        // So are roles written with a capital ("Defender Hassan Abbas", "Croat Alen Boksic"),
        // and they license the name after them as a title does.
        let mut a = a0;
        let mut licensed = licensed;
        // A person's nationality noun ("Spaniard", "Croat") tells a name follows; one that
        // is also a name ("Dane", "Finn", "Türk") is a nationality only before a whole name:
        // "Dane Michael Laudrup", not "Dane Cook" or "Danilo Türk".
        let words_after = |a: usize| (a + 1..b).filter(|&i| self.word(i)).count();
        let nationality = |a: usize| {
            self.in_class(a, PERSON_DEMONYM)
                && (words_after(a) >= 2 || !self.in_class(a, GIVEN_NAME) && a + 1 < b)
                && !(a > 0 && self.key(a - 1) == "the")
        };
        while a + 1 < b
            && (self.in_class(a, DEMONYM)
                || nationality(a)
                || self.is_demonymish(a) && !self.in_class(a, GIVEN_NAME)
                || self.capword(a) && self.in_class(a, ROLE) && !self.in_class(a, GIVEN_NAME))
        {
            licensed |= (self.in_class(a, ROLE) || nationality(a) && words_after(a) >= 2)
                && self.capword(a + 1);
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
        // "B. C.", "D. C.", "A. D.": initials with no name after them are an
        // abbreviation (an era, a district), not a person.
        if caps.iter().all(|&i| self.t[i].is(INITIAL)) {
            return false;
        }
        if self.span_bits(a, b) & PLACE_NAME != 0
            || self.span_bits(a, b) & CUELESS_ORG != 0 && !self.lowercase_acronym(a, b)
        {
            return false;
        }
        // Every capitalized word must look like part of a name.
        let all_namelike = caps.iter().enumerate().all(|(n, &i)| {
            if n == 0 {
                self.namelike(i)
                    || (self.in_class(i, GIVEN_NAME)
                        && !self.in_class(i, DEMONYM)
                        && caps.len() > 1)
            } else {
                self.surname_like(i, first)
            }
        });
        if !all_namelike {
            return false;
        }
        let ctx = licensed
            || self.and_license
            || self.dismissal(a, b)
            || self.role_before(a)
            || self.role_apposed(a, b)
            || self.according_before(a);
        let poss = self.t[last].is(POSSESSIVE);
        // "Zarif's remarks", "Stalin's death": a possessive before words only people have.
        let personal_poss = poss && self.lower(b) && self.in_class(b, PERSONAL_NOUN);
        let speaker = self.report_after(b) || self.apposition_after(b) || self.lifespan_after(b);
        let single = caps.len() == 1;
        let is_person = if single {
            let place = self.in_class(first, PLACE_NAME);
            let known = self.in_class(first, ONE_WORD_PERSON);
            let initial = self.t[first].is(INITIAL);
            // "officials in Columbia said", "farmers in southern Alberta said": the word
            // after "in" is where they are, not who speaks.
            let located = self.located_at(a);
            !initial
                && !place
                && (known
                    || ctx
                    || (self.age_after(b) && !located && !self.t[first].is(ACRONYM))
                    || (self.morph(first) && (speaker || poss) && !located)
                    || (personal_poss && !self.t[first].is(ACRONYM))
                    || (self.in_class(first, GIVEN_NAME)
                        && !self.in_class(first, DEMONYM)
                        && self.report_after(b)
                        && !located))
        } else {
            // A place that is also a given name needs a surname-like word after it:
            // "Paris Hilton", not "Paris Commitments" or "Rio Conventions".
            let place_plural = self.in_class(first, PLACE_NAME)
                && caps.len() == 2
                && self.key(caps[1]).ends_with('s');
            let given_first = self.given(first)
                && !self.in_class(first, PLACE_NAME_START)
                && !place_plural
                && self.surname_like(caps[1], first);
            let strong_particle = words
                .iter()
                .any(|&i| self.lower(i) && self.in_class(i, PERSON_ONLY_PARTICLE))
                || caps.iter().any(|&i| {
                    let k = self.key(i);
                    LOWER_PREFIXES.iter().any(|p| k.starts_with(p)) && !self.t[i].is(ACRONYM)
                });
            let only_initials_then = caps
                .iter()
                .take(caps.len() - 1)
                .all(|&i| self.t[i].is(INITIAL));
            // Every word but the last being a place name is a place phrase, not a person.
            let placey = caps
                .iter()
                .take(caps.len() - 1)
                .all(|&i| self.in_class(i, PLACE_NAME) && !self.in_class(i, GIVEN_NAME));
            // "Sierra Leone Regiment", "Nova Scotia": a place name in the first two words.
            let place_prefix = (self.in_class(first, PLACE_NAME_START)
                || self.span_bits(caps[0], caps[1] + 1) & PLACE_NAME != 0)
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
            let post_titled = self.in_class(last, TITLE_AFTER_NAME)
                && caps[..caps.len() - 1].iter().all(|&i| self.namelike(i));
            // "Greg Norman ( Australia ) 66", "Ato Boldon (Trinidad) 20.18": a results line.
            let country_after = self.country_in_parens(b)
                && caps.len() <= 3
                && !caps.iter().any(|&i| self.in_class(i, PLACE_NAME));
            !placey
                && !place_prefix
                && (given_first
                    || (caps.len() <= 3 && self.country_possessive_before(a, b))
                    || country_after
                    || post_titled
                    || given_second
                    || strong_particle
                    || ctx
                    || (caps.len() <= 3 && self.leader_before(a))
                    || (only_initials_then && caps.len() >= 2)
                    || self.in_class(last, ONE_WORD_PERSON) && caps.len() <= 3
                    || self.span_bits(a, b) & ONE_WORD_PERSON != 0
                    || (self.morph(last) && caps.len() <= 4)
                    // "Fishermen in Bar Harbor said": where they are, not who speaks.
                    || (speaker && caps.len() <= 3 && !self.located_at(a)))
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
    pub(super) fn acronym_after(&mut self, b: usize) {
        if !(self.punct(b, '(') && self.punct(b + 2, ')')) {
            return;
        }
        let Some(t) = self.t.get(b + 1).copied() else {
            return;
        };
        if !t.is(WORD) || !(t.is(ACRONYM) || t.is(CAPITALIZED) && t.e - t.s <= 6) || t.is(NUMERIC) {
            return;
        }
        // "(BP)-Amoco"
        if self
            .t
            .get(b + 3)
            .is_some_and(|h| h.flags == 0 && is_hyph(h.punct) && !h.gap)
            && self
                .t
                .get(b + 4)
                .is_some_and(|w| w.is(CAPITALIZED) && !w.gap)
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
                name: None,
            });
            return;
        }
        self.emit(b + 1, b + 2, NameKind::Org);
    }

    pub(super) fn emit(&mut self, a: usize, b: usize, kind: NameKind) {
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
            name: None,
        });
    }
}
