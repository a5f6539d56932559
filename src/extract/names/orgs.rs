//! Where an organization's name starts and ends once a run is judged one: the stop words it
//! sheds, the titles, generic words and offices after it that belong to the next phrase
//! ("the General Assembly Hall", "the Senate Majority Leader"), and the cue words that name
//! no particular body alone ("Parliament", "Group A").

use super::NameKind;
use super::rules::NameRules;
use super::tokens::*;
use super::words::*;

impl NameRules<'_> {
    /// Org span inside a segment that has a cue: leading stop words are gone,
    /// trailing titles and generic words are dropped.
    pub(super) fn org_span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        // "100,000 Deutsche Marks" is money.
        if b - a == 2 && self.key(a) == "deutsche" && matches!(self.key(a + 1), "mark" | "marks") {
            return None;
        }
        let mut e = b;
        // Trailing words after the last cue that are titles, generic words or places
        // belong to the next phrase ("the General Assembly Australia proposed",
        // "the General Assembly Hall").
        while e > a
            && !self.in_class(e - 1, ORG_CUE)
            && (self.in_class(e - 1, TITLE | COMMON_NOUN | NON_PERSON_END)
                || self.is_demonymish(e - 1)
                || self.office_in(e, b))
        {
            e -= 1;
        }
        if e <= a {
            return None;
        }
        let k = self.span_bits(a, e);
        if k & PLACE_NAME != 0 {
            return None;
        }
        // A lone cue word ("Parliament", "Court") names no particular org.
        let words = (a..e).filter(|&i| self.word(i)).count();
        if words < 2 && k & CUELESS_ORG == 0 {
            return None;
        }
        // "the Clinton Administration" is a president's; "the Federal Aviation
        // Administration" an agency.
        // Nor is "the United States Administration", a government.
        if self.key(e - 1) == "administration"
            && (words < 3 || self.is_placeish(a, e - 1) || self.is_country(a, e - 1))
        {
            return None;
        }
        // "Group A", "Division 2": a cue and a letter or number name a pool, not an org.
        if words == 2
            && self.in_class(a, ORG_CUE)
            && self
                .t
                .get(e - 1)
                .is_some_and(|t| t.is(INITIAL) || t.is(NUMERIC) || t.e - t.s == 1)
        {
            return None;
        }
        Some((a, e))
    }

    /// Prefix left of a title or given name: an org when it has a cue or is known.
    /// The word before token e opens an office of the body named before it, whose title
    /// follows before `b` or right after: "the Senate Majority Leader".
    fn office_in(&self, e: usize, b: usize) -> bool {
        matches!(self.key(e - 1), "majority" | "minority")
            && (e < b || self.capword(e))
            && self.in_class(e, TITLE)
    }

    pub(super) fn org_only(&mut self, a0: usize, b: usize) {
        let a = self.strip_stop(a0, b);
        if a >= b {
            return;
        }
        let mut e = b;
        while e > a
            && (self.in_class(e - 1, COMMON_NOUN | TITLE) || self.office_in(e, b))
            && !self.in_class(e - 1, ORG_CUE)
        {
            e -= 1;
        }
        if e <= a {
            return;
        }
        if self.span_bits(a, e) & CUELESS_ORG != 0 {
            self.emit(a, e, NameKind::Org);
        } else if self.has_cue(a, e) {
            if let Some((oa, ob)) = self.org_span(a, e) {
                self.emit(oa, ob, NameKind::Org);
            }
        } else {
            for i in a..e {
                if self.t[i].is(ACRONYM) && self.in_class(i, CUELESS_ORG) {
                    self.emit(i, i + 1, NameKind::Org);
                }
            }
        }
    }
}
