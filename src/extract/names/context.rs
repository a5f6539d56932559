//! Organizations named by what is said around them rather than by a cue word: clubs in sports
//! results, standings and before a player's role ("Barcelona beat Valencia 2-1", "Plymouth 4
//! Exeter 1", "Liverpool manager Roy Evans"), and companies by their shares, their legal form
//! or the analysts who work at them ("shares of Newmont", "analysts at Merrill Lynch").

use std::sync::LazyLock;

use super::rules::NameRules;
use super::tokens::*;
use super::words::*;
use crate::extract::lexicon;

/// Verbs of a result between two teams: "Barcelona beat Valencia 2-1".
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "drew",
    "draw",
    "draws",
    "lost",
    "lose",
    "beaten",
    "loses",
    "won",
    "edged",
    "thrashed",
    "routed",
    "crushed",
    "overcame",
    "hammered",
    "trounced",
    "downed",
    "outclassed",
    "stunned",
    "held",
    "tied",
    "v",
    "vs",
];

/// Auxiliaries before a result verb: "Bayern were held 1-1 by Hansa Rostock".
const RESULT_AUX: &[&str] = &["were", "was", "have", "has", "had", "been"];

/// Prepositions between a result and the other team ("won 3-0 at Schalke"); not "in", which
/// takes the place of the match.
const RESULT_PREPS: &[&str] = &["with", "to", "at", "by", "against", "over"];

/// Roles in a team after its name: "Liverpool manager Roy Evans", "Barcelona striker Ronaldo":
/// its players' ([`PLAYER_ROLES`]) and these. A country before them is a national side, which
/// stays a country.
const TEAM_ROLES: &[&str] = &[
    "strikers",
    "midfielders",
    "defenders",
    "goalkeepers",
    "coach",
    "manager",
    "captain",
    "catcher",
    "driver",
    "drivers",
    "rider",
    "riders",
    "fans",
    "supporters",
];

fn club_role(k: &str) -> bool {
    PLAYER_ROLES.contains(&k) || TEAM_ROLES.contains(&k)
}

/// The roles of a team's players, which no person has ("Inter's midfielder").
const PLAYER_ROLES: &[&str] = &[
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "pitcher",
    "quarterback",
    "outfielder",
    "shortstop",
    "linebacker",
    "fullback",
    "playmaker",
];

/// The kinds of group that are bodies, before "group" and its name ("the rock group Pilot").
const GROUP_KINDS: &[&str] = &[
    "terrorist",
    "extremist",
    "militant",
    "rebel",
    "armed",
    "insurgent",
    "separatist",
    "guerrilla",
    "paramilitary",
    "jihadist",
    "islamist",
    "opposition",
    "rights",
    "advocacy",
    "pressure",
    "lobby",
    "activist",
    "environmental",
    "rock",
    "pop",
    "punk",
    "music",
    "musical",
    "media",
    "industrial",
    "financial",
    "insurance",
    "banking",
    "investment",
    "engineering",
    "chemicals",
    "consulting",
    "retail",
    "steel",
    "mining",
];

/// Words before "of"/"in" that make the name after it a company: "shares of Newmont".
const MARKET_BEFORE: &[&str] = &[
    "shares",
    "stake",
    "shareholders",
    "stock",
    "subsidiary",
    "unit",
];

/// Words after a name that make it a company: "Toyota shares fell", "BA chairman".
const MARKET_AFTER: &[&str] = &[
    "shares",
    "stock",
    "shareholders",
    "stake",
    "subsidiary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "executives",
    "analyst",
    "analysts",
    "unit",
];

/// People who work at a firm, before "at" or "with": "analysts at Merrill Lynch".
const FIRM_STAFF: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "trader",
    "traders",
    "dealer",
    "dealers",
    "broker",
    "brokers",
];

/// Firms' nouns that are people's trades too: after a given name they say what a person does.
const PERSON_TRADES: &[&str] = &[
    "publisher",
    "publishers",
    "producer",
    "producers",
    "developer",
    "operator",
    "operators",
    "distributor",
    "broadcaster",
    "supplier",
    "retailer",
    "miner",
    "maker",
    "makers",
    "manufacturer",
    "brewer",
];

/// Words whose number is a reference ("Article 1", "Section 8"), never a score.
static REFERENCE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::words("date-reference-word").collect());

impl NameRules<'_> {
    /// A legal form of a company ("Co", "Inc", "Ltd", "AG").
    pub(super) fn legal_form(&self, i: usize) -> bool {
        self.capword(i)
            && matches!(
                self.key(i),
                "co" | "cos"
                    | "inc"
                    | "ltd"
                    | "corp"
                    | "plc"
                    | "llc"
                    | "ag"
                    | "gmbh"
                    | "nv"
                    | "bv"
                    | "spa"
                    | "oyj"
                    | "asa"
                    | "kgaa"
                    | "company"
            )
    }

    /// A small number standing alone: a goal count in a result.
    fn goal_count(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.is(NUMERIC) && t.e - t.s <= 2 && self.key(i).bytes().all(|c| c.is_ascii_digit())
        })
    }

    /// A basketball score standing alone: 40 to 199 points.
    fn points(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.is(NUMERIC)
                && self
                    .key(i)
                    .parse::<u32>()
                    .is_ok_and(|n| (40..200).contains(&n))
        })
    }

    /// A number of at most three digits: a column of a standings table.
    fn table_number(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.is(NUMERIC) && t.e - t.s <= 3 && self.key(i).bytes().all(|c| c.is_ascii_digit())
        })
    }

    /// The end of a score "2-1" or "99-89" at token i (one token or three).
    fn score_end(&self, i: usize) -> Option<usize> {
        let k = self.key(i);
        let part = |p: &str| !p.is_empty() && p.len() <= 3 && p.bytes().all(|c| c.is_ascii_digit());
        if self.t.get(i).is_some_and(|t| t.is(NUMERIC)) && k.contains('-') {
            return k.split('-').all(part).then_some(i + 1);
        }
        let three = self.table_number(i)
            && self
                .t
                .get(i + 1)
                .is_some_and(|d| d.flags == 0 && matches!(d.punct, '-' | '–'))
            && self.table_number(i + 2);
        three.then_some(i + 3)
    }

    /// A score at i that is not the first of a tennis match's sets ("6-3 6-4").
    fn team_score_at(&self, i: usize) -> bool {
        self.score_end(i)
            .is_some_and(|e| self.score_end(e).is_none())
    }

    /// After a team ending at token b, the other team of a result: "beat Valencia 2-1", "won
    /// 3-0 at Schalke", "were held 1-1 by Hansa Rostock", "drew with Fiorentina".
    fn result_opponent(&self, b: usize) -> Option<(usize, usize)> {
        let mut j = b;
        if self.lower(j) && RESULT_AUX.contains(&self.key(j)) {
            j += 1;
        }
        if !(self.lower(j) && RESULT_VERBS.contains(&self.key(j))) {
            return None;
        }
        let draw = matches!(self.key(j), "drew" | "draw" | "draws" | "tied");
        j += 1;
        let mut scored = false;
        if let Some(e) = self.score_end(j) {
            if self.score_end(e).is_some() {
                return None;
            }
            scored = true;
            j = e;
        }
        let prep = self.lower(j) && RESULT_PREPS.contains(&self.key(j));
        if prep {
            j += 1;
        }
        let the = self.lower(j) && self.key(j) == "the";
        if the {
            j += 1;
        }
        if !self.capword(j) {
            return None;
        }
        let e = self.run_end(j);
        // "beat Kent by five wickets"; not "won the Fourth Test by three wickets".
        let margin = !the && self.cricket_margin_at(e);
        (scored || self.team_score_at(e) || draw && prep || margin).then_some((j, e))
    }

    /// A cricket result's margin at i: "by five wickets", "by 27 runs", "by an innings".
    fn cricket_margin_at(&self, i: usize) -> bool {
        if !(self.lower(i) && self.key(i) == "by") {
            return false;
        }
        let count = |k: usize| {
            self.t.get(k).is_some_and(|t| t.is(NUMERIC))
                || matches!(
                    self.key(k),
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                )
        };
        let unit = |k: usize| matches!(self.key(k), "wicket" | "wickets" | "run" | "runs");
        (count(i + 1) && unit(i + 2)) || (self.key(i + 1) == "an" && self.key(i + 2) == "innings")
    }

    /// After a team ending at token b, a result with its score and no opponent: "Newcastle
    /// lost 3-0 at home", "Ajax were held 1-1".
    fn result_alone(&self, b: usize) -> bool {
        let mut j = b;
        if self.lower(j) && RESULT_AUX.contains(&self.key(j)) {
            j += 1;
        }
        self.lower(j) && RESULT_VERBS.contains(&self.key(j)) && self.team_score_at(j + 1)
    }

    /// Tokens a..b look like a person's name ("Pete Sampras"), who may beat another in tennis.
    pub(super) fn personish(&self, a: usize, b: usize) -> bool {
        b - a >= 2 && self.given(a) && !self.is_placeish(a, b)
    }

    /// Tokens a..b are a team in a sports result, a standings table or before a player's role.
    pub(super) fn club_context(&self, a: usize, b: usize) -> bool {
        // "CSKA Moscow", "PSV Eindhoven", "AC Milan": an acronym and a place.
        if b - a == 2
            && self.t[a].is(ACRONYM)
            && !self.t[a].is(INITIAL)
            && self.capword(a + 1)
            && !self.t[a + 1].is(ACRONYM)
            && !self.in_class(a, CUELESS_ORG | PLACE_NAME | DEMONYM)
            && (self.in_class(a + 1, PLACE_NAME)
                || !self.in_class(
                    a + 1,
                    COMMON_NOUN
                        | ORG_CUE
                        | DOCUMENT_WORD
                        | TITLE
                        | ROLE
                        | NON_PERSON_END
                        | RUN_STOP
                        | DEMONYM
                        | GIVEN_NAME,
                ))
        {
            return true;
        }
        if self.personish(a, b) {
            return false;
        }
        // "rode for the Festina team", "the Ferrari team"; not a country's side ("the England
        // team"), nor "the Olympic team".
        if a >= 1
            && self.lower(a - 1)
            && self.key(a - 1) == "the"
            && self.lower(b)
            && matches!(self.key(b), "team" | "squad")
            && self.span_bits(a, b) & (COMMON_NOUN | TITLE | RUN_STOP | PLACE_NAME) == 0
            && !self.any_given(a, b)
            && !self.is_placeish(a, b)
            && !self.is_country(a, b)
            && (a..b).all(|i| !self.is_demonymish(i) && !self.t[i].is(POSSESSIVE))
        {
            return true;
        }
        // A results line's team after its rider's country: "Bjarne Riis ( Denmark ) Telekom
        // 72 hours", "Damon Hill ( Britain ) Williams 1:46:21".
        // Not "the Police (Scotland) Act 1967", "the African Union's (AU) Agenda 2063".
        if a >= 4
            && self.punct(a - 1, ')')
            && self.t.get(b).is_some_and(|t| t.is(NUMERIC))
            && self.span_bits(a, b) & (COMMON_NOUN | DOCUMENT_WORD | NON_PERSON_END | TITLE) == 0
            && let Some(open) = (a.saturating_sub(6)..a - 1)
                .rev()
                .find(|&i| self.punct(i, '('))
            && open >= 2
            && self.capword(open - 1)
            && self.capword(open - 2)
            && !self.t[open - 1].is(POSSESSIVE)
            && !self.in_class(open - 1, ORG_CUE | DOCUMENT_WORD | COMMON_NOUN)
            && self.country_in_parens(open)
        {
            return true;
        }
        if self.results && self.team_in_result(a, b) {
            return true;
        }
        // "Leeds signed Norwegian defender Alf-Inge Haaland": a club signs players.
        if self.lower(b)
            && matches!(self.key(b), "signed" | "sign" | "signs")
            && (b + 1..(b + 5).min(self.t.len())).any(|i| self.lower(i) && club_role(self.key(i)))
            && !self.is_country(a, b)
        {
            return true;
        }
        // "Inter 's English midfielder Paul Ince": a player is a club's (or a country's, which
        // stays a country), where a manager may be a boxer's.
        if self.t[b - 1].is(POSSESSIVE) {
            let role = if self.capword(b) && self.is_demonymish(b) {
                b + 1
            } else {
                b
            };
            if self.lower(role)
                && PLAYER_ROLES.contains(&self.key(role))
                && self.capword(role + 1)
                && !self.is_placeish(a, b)
                && !self.is_country(a, b)
                && self.span_bits(a, b) & (COMMON_NOUN | RUN_STOP | TITLE) == 0
            {
                return true;
            }
        }
        // "Liverpool manager Roy Evans", "Seattle Mariners shortstop"; not "Brazil coach Mario
        // Zagallo", a national side, nor a "Window manager". A word of no known class
        // (or only a given name: "Chelsea manager Ruud Gullit") needs the player's name
        // after the role.
        self.lower(b)
            && (self.is_placeish(a, b)
                || self.has_cue(a, b)
                || self.span_bits(a, b) & CUELESS_ORG != 0
                || b - a == 1
                    && self.span_bits(a, b) & !GIVEN_NAME == 0
                    && self.capword(b + 1)
                    && !self.t[b + 1].is(ACRONYM))
            && club_role(self.key(b))
            && !self.t[b - 1].is(POSSESSIVE)
            // "Yankees manager": a team's nickname that is also a people's stays the team.
            && (!self.is_country(a, b) || self.has_cue(a, b))
            && (a..b).all(|i| !self.is_demonymish(i))
    }

    /// A country in parentheses at token b: "( Australia )", "(U.S.)".
    pub(super) fn country_in_parens(&self, b: usize) -> bool {
        if !self.punct(b, '(') {
            return false;
        }
        let Some(close) = (b + 2..(b + 6).min(self.t.len())).find(|&i| self.punct(i, ')')) else {
            return false;
        };
        self.capword(b + 1) && self.is_country(b + 1, close)
    }

    /// Tokens a..b are a team in a result or a standings line.
    fn team_in_result(&self, a: usize, b: usize) -> bool {
        // "Plymouth 4 Exeter 1": the run, a count, a run, a count; or the second of the pair.
        // Not "Article 1 Section 8".
        let numbered = |i: usize| REFERENCE_WORDS.contains(&self.key(i));
        // Basketball's "Chicago 108 Philadelphia 94" too.
        let pair = |x: usize, y: usize| {
            self.goal_count(x) && self.goal_count(y) || self.points(x) && self.points(y)
        };
        if (self.goal_count(b) || self.points(b))
            && self.capword(b + 1)
            && !numbered(b - 1)
            && !numbered(b + 1)
        {
            let e = self.run_end(b + 1);
            if pair(b, e) && !numbered(e - 1) {
                return true;
            }
        }
        if a >= 2 && pair(a - 1, b) && self.capword(a - 2) && !numbered(a - 2) && !numbered(b - 1) {
            return true;
        }
        // A standings line: "Galatasaray 12 8 2 2 24 10 26".
        if (b..b + 6).all(|i| self.table_number(i)) {
            return true;
        }
        // "Barcelona beat Valencia 2-1": the first team, then the second.
        if self.result_opponent(b).is_some() || self.result_alone(b) {
            return true;
        }
        // The first team may be a pronoun: "as they beat Southampton 3-1".
        // or a clause between commas: "AC Milan, without the injured George Weah, beat
        // Perugia 2-0".
        let subject = |i: usize| {
            self.capword(i)
                || self.lower(i) && matches!(self.key(i), "they" | "it" | "we")
                || self.punct(i, ',')
        };
        for p in a.saturating_sub(8).max(1)..a {
            if subject(p - 1)
                && !self.capword(p)
                && self
                    .result_opponent(p)
                    .is_some_and(|(j, e)| j <= a && e >= b)
            {
                return true;
            }
        }
        // "the 4-0 defeat by Tenerife", "held to a 1-1 draw at home by Piacenza".
        if a >= 3
            && self.lower(a - 1)
            && matches!(self.key(a - 1), "by" | "over" | "against" | "to" | "at")
            && let Some(noun) = (a.saturating_sub(4)..a - 1)
                .rev()
                .find(|&n| matches!(self.key(n), "defeat" | "win" | "victory" | "loss" | "draw"))
            && (noun + 1..a - 1).all(|i| self.lower(i))
            // "a 3-0 win", "a 3-0 home win"
            && (noun >= 1 && self.score_end(noun - 1) == Some(noun)
                || noun >= 3 && self.score_end(noun - 3) == Some(noun)
                || noun >= 2
                    && matches!(self.key(noun - 1), "home" | "away")
                    && (self.score_end(noun - 2) == Some(noun - 1)
                        || noun >= 4 && self.score_end(noun - 4) == Some(noun - 1)))
        {
            return true;
        }
        // "Lazio and Fiorentina drew 1-1": the first of two teams in a draw.
        if self.lower(b)
            && self.key(b) == "and"
            && self.capword(b + 1)
            && let e = self.run_end(b + 1)
            && self.lower(e)
            && matches!(self.key(e), "drew" | "tied")
            && self.team_score_at(e + 1)
            && !self.personish(b + 1, e)
        {
            return true;
        }
        false
    }

    /// Tokens a..b name a country ("Brazil", "South Africa").
    pub(super) fn is_country(&self, a: usize, b: usize) -> bool {
        let (Some(first), Some(last)) = (self.t.get(a), self.t.get(b - 1)) else {
            return false;
        };
        self.s
            .get(first.s..last.e)
            .is_some_and(|text| crate::vocab::countries::resolve(text).is_some())
    }

    /// Tokens a..b are a company by what is said of it: "shares of Newmont", "Toyota shares",
    /// "analysts at Merrill Lynch".
    pub(super) fn market_context(&self, a: usize, b: usize) -> bool {
        if self.is_placeish(a, b) {
            return false;
        }
        // Nobody is an analyst at a person: "an analyst at Kleinwort Benson" is a firm
        // whatever given names its founders left in it.
        if a >= 2
            && matches!(self.key(a - 1), "at" | "with")
            && FIRM_STAFF.contains(&self.key(a - 2))
        {
            return true;
        }
        // "Banamex, the country's biggest bank": whatever given names a firm's name holds
        // ("Morgan Stanley, the investment bank").
        if self.firm_apposition(a, b) || self.firm_noun_before(a, b) {
            return true;
        }
        // "Alcatel Alsthom said its chairman would resign": what speaks of its own chairman
        // is no person (places are left out above).
        if self.lower(b)
            && matches!(self.key(b), "said" | "says")
            && self.key(b + 1) == "its"
            && self.lower(b + 2)
            && (self.in_class(b + 2, ROLE) || FIRM_STAFF.contains(&self.key(b + 2)))
            && !self.t[b - 1].is(POSSESSIVE)
            && !self.any_given(a, b)
            && !self.is_country(a, b)
        {
            return true;
        }
        if self.any_given(a, b) && b - a > 1 {
            return false;
        }
        // "a stake in Zee TV"; not "a stake in Hindi channel Zee TV", where the run is the
        // channel's language.
        let before = a >= 2
            && matches!(self.key(a - 1), "of" | "in")
            && !(self.lower(b) && self.in_class(b, FIRM_NOUN))
            && (MARKET_BEFORE.contains(&self.key(a - 2))
                // "the chief executive of Apple", "chairman of Toyota"
                || self.lower(a - 2) && matches!(self.key(a - 2), "executive" | "ceo" | "chairman"));
        let chief_executive = self.key(b) == "chief" && self.key(b + 1) == "executive";
        // "Alphabet's chief executive", "Toyota's shares": a person has a spokesman, not
        // these
        let company_possessive = chief_executive || self.key(b) == "chairman";
        let after = self.lower(b)
            && (MARKET_AFTER.contains(&self.key(b)) || chief_executive)
            && (!self.t[b - 1].is(POSSESSIVE) || company_possessive);
        before || after
    }

    /// Tokens a..b could be a person's name: a given name, or two words or more that could
    /// each be in one ("Sipho Ndlovu"); not "Zee TV".
    fn shaped_like_person(&self, a: usize, b: usize) -> bool {
        self.any_given(a, b)
            || b - a > 1 && (a..b).all(|i| self.namelike(i) && !self.t[i].is(ACRONYM))
    }

    /// Tokens a..b follow a firm's noun that says what they are: "its aircraft unit Fokker",
    /// "Hindi channel Zee TV", "the carrier Sabena"; not "publisher John Murray", a person.
    fn firm_noun_before(&self, a: usize, b: usize) -> bool {
        let letters = |i: usize| {
            self.t.get(i).map_or(0, |t| {
                let w = self.s.get(t.s..t.e).unwrap_or("");
                if w.chars().any(|c| c.is_ascii_digit()) {
                    0
                } else {
                    w.chars().filter(|c| c.is_alphabetic()).count()
                }
            })
        };
        // "group B", "space group P63", "group VIII": a class, not a body.
        if b - a == 1 && (letters(a) < 3 || self.in_class(a, REGNAL_NUMBER)) {
            return false;
        }
        // "a group Johnson portrayed as", "companies Nobel had founded": the subject of a
        // clause that leaves "that" out.
        if b - a == 1
            && !self.t[a].is(ACRONYM)
            && self.lower(b)
            && (self.key(b).ends_with("ed")
                || matches!(self.key(b), "had" | "has" | "have" | "was" | "is" | "would"))
        {
            return false;
        }
        // Science has its groups ("space group Cmcm", "the larger group Carnosauria"), myth
        // its giants ("the biblical giant Goliath"), mathematics its operators: a group is a
        // body when it is said what kind ("the terrorist group Boko Haram").
        if a >= 1 {
            match self.key(a - 1) {
                "giant" | "operator" | "operators" => return false,
                "group" | "groups" if a < 2 || !GROUP_KINDS.contains(&self.key(a - 2)) => {
                    return false;
                }
                _ => {}
            }
        }
        // "the rating agency Standard and Poor's" is one name, the run's as a whole.
        if self.lower(b) && self.key(b) == "and" && self.capword(b + 1) {
            return false;
        }
        a >= 1
            && !self.t[a].is(INITIAL)
            && self.lower(a - 1)
            && (self.in_class(a - 1, FIRM_NOUN) || self.key(a - 1) == "unit")
            && !self.t[a - 1].is(POSSESSIVE)
            // "French producer Serge Silberman"; "the publishing company Collins".
            && !(self.shaped_like_person(a, b) && PERSON_TRADES.contains(&self.key(a - 1)))
            && !self.personish(a, b)
            && self.span_bits(a, b) & (COMMON_NOUN | RUN_STOP | TITLE | ROLE | DEMONYM) == 0
            && (a..b).all(|i| !self.is_demonymish(i))
    }

    /// Tokens a..b, or a..b and the name joined to it ("Banamex and Bancomer"), are followed by
    /// an apposition whose head is a firm's noun: ", the country 's biggest bank", ", a
    /// Paris-based insurer", ", the Belgian airline". The noun must be the head: "Smith, a bank
    /// clerk" is a clerk.
    fn firm_apposition(&self, a: usize, b: usize) -> bool {
        // Not "Children, the most vulnerable group", "the Kurds, an ethnic group".
        if (a..b).all(|i| !self.word(i) || self.is_demonymish(i))
            || self.span_bits(a, b) & (COMMON_NOUN | RUN_STOP | TITLE | ROLE) != 0
        {
            return false;
        }
        let mut e = b;
        if self.lower(e) && self.key(e) == "and" && self.capword(e + 1) {
            e = self.run_end(e + 1);
        }
        if !self.punct(e, ',') {
            return false;
        }
        let mut i = e + 1;
        // An apposition opens with its determiner or its owner: "the", "a", "the country
        // 's", "Mexico 's"; "Thirdly, various groups live there" is a clause.
        let determiner = self.lower(i) && matches!(self.key(i), "the" | "a" | "an" | "its");
        if determiner {
            i += 1;
        }
        let owner = self.t.get(i).is_some_and(|t| t.is(POSSESSIVE))
            && (self.lower(i) && matches!(self.key(i), "country" | "world" | "nation" | "region")
                || self.is_country(i, i + 1)
                || self.in_class(i, PLACE_NAME));
        if owner {
            i += 1;
        } else if !determiner {
            return false;
        }
        let modifiers = i;
        // Modifiers, not a phrase of their own: "an investor in the company" is a person.
        while i < modifiers + 4
            && !self.in_class(i, FIRM_NOUN | RUN_STOP)
            && (self.lower(i)
                || self.t.get(i).is_some_and(|t| t.is(NUMERIC))
                || self.capword(i)
                    && (self.is_demonymish(i)
                        || self.key(i).contains('-')
                        // "the Hong Kong-based broadcaster"
                        || (i + 1..i + 3).any(|n| self.key(n).ends_with("-based"))))
            && !self.t[i].is(POSSESSIVE)
        {
            i += 1;
        }
        self.lower(i)
            && self.in_class(i, FIRM_NOUN)
            && !self.t[i].is(POSSESSIVE)
            // "Robert Cadell, the publisher", "Sipho Ndlovu, a 34-year-old miner": after a
            // name of two words, only what no person is; "Barilla, a pasta manufacturer".
            && (!self.shaped_like_person(a, b) || !PERSON_TRADES.contains(&self.key(i)))
            && !(modifiers..i).any(|m| self.key(m).ends_with("-old"))
            // and closes it, or a participle or relative clause follows: "the group of
            // experts" and "banks and insurers" go on, "the broadcaster owned by News Corp"
            // does not.
            && (i + 1 == self.t.len()
                || [',', ';', ')', '.'].iter().any(|&c| self.punct(i + 1, c))
                || self.lower(i + 1)
                    && matches!(
                        self.key(i + 1),
                        "owned" | "controlled" | "listed" | "which" | "that" | "whose"
                    ))
    }
}
