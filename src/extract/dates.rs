//! Temporal expressions in one English sentence: full dates, months, years,
//! decades and centuries, ranges and lists of them, open ranges, and Hijri
//! years, each normalized to an interval of historical years (BC negative, no
//! year 0) with a precision.
//!
//! Design: a cheap prefilter (a sentence with no ASCII digit and no
//! "centur"/"millenni" has nothing to find), then a hand-written tokenizer and
//! a small grammar anchored on numbers, ordinals and month names that looks a
//! few tokens either way; one pass, no backtracking, no regex. A bare number
//! is a year only when nothing around it says it is a count, a measure, money,
//! a time of day, a page, a resolution or a model number: precision beats
//! recall, because a wrong year facet misleads a historian more than a
//! missing one. Relative expressions ("last year") are never guessed.
//!
//! Hijri years ("AH 1400", or the first half of "1133–1342/1779–1924") are
//! converted with the tabular calendar and marked `calendar: Some("hijri")`;
//! when they only restate a Gregorian expression beside them they add nothing
//! to the year, decade and century lists, so a Hijri number is never counted
//! as a Gregorian year.

use std::collections::HashMap;
use std::sync::LazyLock;

pub use crate::vocab::time::{HistDate, Precision};
use crate::vocab::time::{
    MONTH_WORDS, ORDINAL_WORDS, TENS_WORDS, century_of, decade_of, hijri_years_to_gregorian,
    max_days_in_month,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the input text, end exclusive, on char boundaries.
    pub start: usize,
    pub end: usize,
    /// Inclusive interval start; None only for open starts ("until 1918").
    pub from: Option<HistDate>,
    /// Inclusive interval end; None only for open ends ("since 2001").
    pub to: Option<HistDate>,
    pub precision: Precision,
    /// Some("hijri") when the text is in another calendar; from/to then hold
    /// the Gregorian conversion.
    pub calendar: Option<&'static str>,
}

impl DateMention {
    /// The mention's text in the sentence it was extracted from.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        sentence.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeAnnotations {
    /// In text order.
    pub mentions: Vec<DateMention>,
    /// Sorted, deduped start and end years of every mention of Year precision
    /// or finer. A Hijri mention that restates a Gregorian one beside it adds
    /// nothing.
    pub years: Vec<i32>,
    /// Sorted, deduped decades covered by mentions of Decade precision or finer.
    pub decades: Vec<i32>,
    /// Sorted, deduped centuries (1-based, BC negative) covered by every mention.
    pub centuries: Vec<i32>,
}

// ---------------------------------------------------------------------------
// Lexicon

const MONTH: u32 = 1 << 0;
const ORDW: u32 = 1 << 1;
const TENS: u32 = 1 << 2;
const CENT: u32 = 1 << 3;
const MODF: u32 = 1 << 4;
const ADMIT: u32 = 1 << 5;
const STRONG: u32 = 1 << 6;
const SINCE: u32 = 1 << 7;
const UNTIL: u32 = 1 << 8;
const OPENR: u32 = 1 << 9;
const RCONN: u32 = 1 << 10;
const QUANT: u32 = 1 << 11;
const SOFTQ: u32 = 1 << 12;
const PAGE: u32 = 1 << 13;
const UNIT: u32 = 1 << 14;
const TUNIT: u32 = 1 << 15;
const MUNIT: u32 = 1 << 16;
const SKIPM: u32 = 1 << 17;
const CHANGE: u32 = 1 << 18;
const YEARW: u32 = 1 << 19;
const QOF: u32 = 1 << 20;
const SOFTOK: u32 = 1 << 21;
const HUNIT: u32 = 1 << 22;
const PRESENT: u32 = 1 << 23;
const PARTW: u32 = 1 << 24;
const PAGE2: u32 = 1 << 25;
const DETW: u32 = 1 << 26;

#[derive(Clone, Copy, Default, Debug)]
struct Lex {
    f: u32,
    n: u8,
}

/// FNV-1a: the lexicon is looked up for most words next to a number, and its
/// keys are short ASCII words, where SipHash costs more than the rest.
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type LexMap = HashMap<&'static [u8], Lex, std::hash::BuildHasherDefault<Fnv>>;

static LEX: LazyLock<LexMap> = LazyLock::new(build_lex);

fn build_lex() -> LexMap {
    let mut m = LexMap::with_capacity_and_hasher(1024, Default::default());
    let mut add = |words: &'static str, f: u32| {
        for w in words.split_whitespace() {
            m.entry(w.as_bytes()).or_default().f |= f;
        }
    };
    add("century centuries millennium millennia", CENT);
    add("early mid middle late", MODF);
    // Words after which a number is read as a year.
    add(
        "in since by until till til untill during after before of from between through \
            throughout circa c ca summer winter spring autumn early late mid end beginning start \
            middle as within pre post easter christmas fiscal fy financial year years the \
            year-end",
        ADMIT,
    );
    add(
        "in since by until till til untill during after before through throughout circa from \
            between",
        STRONG,
    );
    add("since", SINCE);
    add("until till til untill", UNTIL);
    add("onwards onward forward forwards", OPENR);
    add("to until till through thru", RCONN);
    add("present today now", PRESENT);
    add("year years", YEARW);
    add("quarter half", PARTW);
    add(
        "over nearly almost approximately approx roughly some than least most estimated \
            additional another extra further top exactly under below above less fewer more just \
            only totalling totaling totalled numbering costing cost paid pay earned earn won \
            lost killed kill raised worth sold bought employs employed hosted houses housed \
            counted counts measured weighing weighs weighed reached exceeded exceeding exceeds \
            averaging averaged approximating altitude numbered",
        QUANT,
    );
    add("about around", SOFTQ);
    add(
        "the a an its our this that their his her another one both",
        DETW,
    );
    add(
        "and or when while after before until to in on at by with from the a an as but during \
            for through that which he she it they we there this",
        SOFTOK,
    );
    add(
        "page pages p pp pg section sections sec sect chapter chapters ch chap art article \
            articles para paras paragraph paragraphs nos number numbers num vol vols volume \
            volumes issue fig figs figure figures table tables item items line lines verse \
            verses rule rules clause clauses annex annexes appendix resolution resolutions \
            decision decisions document documents doc flight flights route highway hwy \
            interstate road street avenue room suite box model models series type class mark mk \
            version ver boeing airbus windows code rank ranked score scored platform gate \
            channel hill height elevation level grade unit batch lot ticket serial id tel phone \
            fax telephone pin zip postcode usd eur gbp rs inr dm chf jpy cny rmb aud cad sek nok \
            dkk frs pop population tally bus cabin apartment apt block regulation op opus bwv \
            psalm hymn exit junction pier berth track floor storey ward district precinct \
            division brigade regiment battalion squadron corps army fleet patrol mission apollo \
            soyuz voyager pioneer kosmos cosmos hd ngc gj hip ic messier asteroid minor \
            catalogue catalog cat ref reference file case docket no mig yak cessna lockheed \
            model kilometre km mile mp mps extension ext ward bed beds seat pillar stele \
            inscription tablet papyrus manuscript ms mss codex folio fol fols plate plates sura \
            surah ayah canto scene stanza game match round lap stage vs versus v x minus plus \
            times divided multiplied equals sh ksh lat long latitude longitude",
        PAGE,
    );
    add(
        "people persons person men women children kids boys girls babies infants individuals \
            inhabitants residents citizens civilians nationals soldiers troops officers police \
            policemen peacekeepers personnel fighters combatants militants rebels insurgents \
            guerrillas terrorists prisoners detainees hostages refugees migrants immigrants \
            emigrants workers employees staff volunteers experts students pupils teachers \
            doctors nurses patients victims casualties deaths dead killed wounded injured lives \
            cases infections families households homes houses dwellings buildings villages towns \
            cities schools hospitals clinics units vehicles cars trucks lorries tanks aircraft \
            planes airplanes helicopters jets ships vessels boats guns weapons rifles missiles \
            rockets bombs warheads mines landmines shells copies books pages words items \
            projects companies firms enterprises jobs signatures participants visitors tourists \
            pilgrims spectators fans settlers species animals cattle sheep head horses camels \
            delegates deputies members seats votes ballots voters candidates points objects \
            satellites trees beds doses vaccines pieces bottles bags boxes containers sites \
            farms languages titles files documents letters messages calls positions posts places \
            steps kilos applications complaints incidents arrests executions others strong more \
            new hectares acres men-at-arms recruits conscripts sailors marines airmen cavalry \
            infantry knights archers slaves serfs monks nuns priests pilots crew passengers \
            guests runs wickets goals yards laps followers subscribers readers users viewers \
            downloads entries records samples specimens entrants graduates scholars manuscripts \
            coins tablets artifacts artefacts objects paintings works poems songs pounds \
            signatories orphans widows elderly adults youths teenagers minors survivors evacuees \
            displaced homeless unemployed jobless poor tonnes tons",
        UNIT,
    );
    // Words whose number stays theirs even inside brackets: "resolution [1011 (XI)]".
    add(
        "resolution resolutions decision decisions document documents article articles \
            section sections paragraph paragraphs page pages p pp no nos number numbers para \
            paras art",
        PAGE2,
    );
    add(
        "years year yrs yr months weeks days hours hour hrs minutes minute mins min seconds \
            secs decades centuries millennia nights generations times fold odd plus",
        TUNIT,
    );
    add(
        "km kms km2 kilometres kilometers kilometre kilometer m metres meters metre meter mm \
            cm ft feet foot mi miles mile yd kg kgs kilograms kilogram kilo g grams gram lb lbs \
            pounds tons tonnes ton tonne mt mw kw kwh gw gwh mwh megawatts kilowatts hp bhp mph \
            kph hz mhz ghz volts watts calories kcal acres hectares ha sq square cubic litres \
            liters litre liter gallons barrels bbl bpd usd eur gbp dollars dollar euros euro \
            cents pence yen yuan renminbi rupees rupee francs franc rubles roubles ruble rouble \
            pesos peso dinars dinar riyals rials rial shekels lira lire liras crowns kronor \
            kroner krona zloty forint naira baht ringgit taka drachmas marks guilders florins \
            ducats livres sous shillings talents denarii sesterces dirhams piastres piasters \
            rand million millions billion billions trillion thousand thousands hundred hundreds \
            crore lakh percent pct bn mn degrees gmt utc h hrs am pm cc mb gb kb tb bytes bits \
            pixels rpm psi bar db ppm ppb kt knots leagues fathoms cubits stadia li ri versts \
            inches inch x times to",
        MUNIT,
    );
    add(
        "us american canadian australian hong new additional extra other armed innocent young \
            foreign unarmed international local metric nautical light heavy square cubic more of \
            our their its his her such brave dead french british german russian soviet chinese \
            japanese indian iranian israeli palestinian afghan iraqi syrian turkish un nato \
            civilian military government rebel enemy allied roman greek persian ottoman english \
            spanish dutch italian austrian swedish polish arab muslim christian jewish black \
            white native indigenous elite regular fresh trained",
        SKIPM,
    );
    add(
        "increased increase increases increasing rose rise rises rising risen fell fall falls \
            falling fallen grew grow grows growing grown dropped drop drops declined decline \
            declines declining climbed climb jumped jump reduced reduce reducing reduction cut \
            raised raise raising expanded doubled tripled soared plunged went up down decreased \
            decrease shrank shrunk slashed boosted lowered surged ranging ranges range ranged \
            varying varies vary varied numbers anywhere somewhere",
        CHANGE,
    );
    add(
        "total number sum maximum minimum max min average estimate population figure tally \
            count force army team crowd fleet group contingent budget cost price value amount \
            capacity height depth length distance altitude elevation area size rate score \
            majority margin increase decrease rise drop loss profit revenue debt fine salary \
            income pension grant loan payment deficit surplus outlay investment ransom reward \
            bail compensation fee tax levy turnout circulation readership membership workforce \
            garrison strength toll upwards excess tune contribution donation pledge aid \
            assistance funding allocation expenditure spending purchase sale order shipment \
            delivery consignment batch crew staff band body host party column detachment unit \
            division brigade regiment battalion squadron corps legion horde multitude flock herd \
            shipload boatload caravan convoy fortune dowry tribute indemnity subsidy stipend \
            wage wages rent price prices sums losses debts fines population populations length \
            width radius diameter speed velocity temperature pressure weight mass volume yield \
            output production exports imports reserves stock stocks",
        QOF,
    );
    add(
        "year years yr month week day hour minute strong man men member members seat seats \
            page pages metre meter metres meters km kilometre kilometer mile miles foot feet ton \
            tonne acre hectare bed room point mm cm kg odd plus fold word person people unit \
            megawatt mw kw pound dollar euro litre liter gallon barrel square sq square-metre \
            storey story horsepower hp ft inch gram kilo troop piece part volume item line \
            km-long long high wide deep tall",
        HUNIT,
    );
    for &(w, n) in MONTH_WORDS {
        let e = m.entry(w.as_bytes()).or_default();
        e.f |= MONTH;
        e.n = n;
    }
    for &(w, n) in ORDINAL_WORDS {
        let e = m.entry(w.as_bytes()).or_default();
        e.f |= ORDW;
        e.n = n;
    }
    for &(w, n) in TENS_WORDS {
        let e = m.entry(w.as_bytes()).or_default();
        e.f |= TENS;
        e.n = n;
    }
    m
}

fn lex_of(word: &str) -> Lex {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 24 || !word.is_ascii() {
        return Lex::default();
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    LEX.get(&buf[..b.len()]).copied().unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
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

const T_COMMA: u8 = 1;
const T_DEC: u8 = 2;
const T_LZ: u8 = 4;
const T_CAP: u8 = 8;
const T_UPPER: u8 = 16;

#[derive(Clone, Copy, Debug)]
struct Tok {
    k: K,
    s: u32,
    e: u32,
    v: u32,
    nd: u8,
    f: u8,
    c: char,
}

fn tokenize(text: &str, out: &mut Vec<Tok>) {
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
                    k: K::Punct,
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
                k: K::Punct,
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

fn word_run(text: &str, p0: usize, out: &mut Vec<Tok>) -> usize {
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
            k: K::Num,
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
            K::Dec
        } else if suf.eq_ignore_ascii_case(b"st")
            || suf.eq_ignore_ascii_case(b"nd")
            || suf.eq_ignore_ascii_case(b"rd")
            || suf.eq_ignore_ascii_case(b"th")
        {
            K::Ord
        } else {
            K::Mixed
        }
    } else if run.iter().any(u8::is_ascii_digit) {
        K::Mixed
    } else {
        K::Word
    };
    let mut f = 0u8;
    if kind == K::Word {
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

fn is_dash_char(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '−' | '‑' | '‐' | '―')
}

fn is_hyphen_char(c: char) -> bool {
    matches!(c, '-' | '‑' | '‐')
}

fn is_apos_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')
}

// ---------------------------------------------------------------------------
// Grammar

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Era {
    Bc,
    Ad,
    Ah,
}

#[derive(Clone, Copy, Debug)]
struct Raw {
    s: usize,
    e: usize,
    from: Option<HistDate>,
    to: Option<HistDate>,
    prec: Precision,
    cal: Option<&'static str>,
    restate: bool,
}

/// A number that may be a year: its token span (era markers included).
#[derive(Clone, Copy, Debug)]
struct YU {
    s: usize,
    e: usize,
    n: usize,
    v: u32,
    nd: u8,
    era: Option<Era>,
}

/// One side of a year expression: a single year or a range of two.
#[derive(Clone, Copy, Debug)]
struct Part {
    a: YU,
    b: Option<YU>,
    /// The end value, an abbreviated end ("1914–18") expanded.
    bv: u32,
    /// "1991–present", "from 1991 to the present".
    open_end: bool,
    e: usize,
    /// The connector was "-" without spaces; such a range may be a YYYY-MM.
    tight_dash: bool,
}

#[derive(Default, Clone, Copy)]
struct Left {
    disq: bool,
    admit: bool,
    strong: bool,
    soft: bool,
    between: bool,
    change: bool,
    yearw: bool,
    at: bool,
    quant: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Qual {
    None,
    Quarter(u8),
    Half(u8),
    Other,
}

#[derive(Clone, Copy, Debug)]
struct DExpr {
    s: usize,
    e: usize,
    from: HistDate,
    to: HistDate,
    prec: Precision,
}

struct Parser<'a> {
    t: &'a str,
    k: &'a [Tok],
    out: Vec<Raw>,
    floor: usize,
    /// Number tokens rejected by their left context, for list propagation.
    rej: Vec<usize>,
    has_cent: bool,
}

fn signed(v: u32, era: Option<Era>) -> i32 {
    let v = v.min(100_000) as i32;
    if era == Some(Era::Bc) { -v } else { v }
}

/// The year `u` stands for after `base`, reading a one- or two-digit `u` as
/// its last digits ("1636/7" → 1637, "1999/00" → 2000).
fn expand_year(base: u32, u: &YU) -> u32 {
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
fn roman(w: &str) -> Option<u32> {
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

/// Years of the Nth century (`scale` 100) or millennium (`scale` 1000).
fn century_span(n: u32, bc: bool, scale: i32) -> (i32, i32) {
    let n = n as i32;
    if bc {
        (-(n * scale), -((n - 1) * scale + 1))
    } else {
        (((n - 1) * scale).max(1), (n - 1) * scale + scale - 1)
    }
}

impl<'a> Parser<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.k.get(i)
    }
    fn txt(&self, i: usize) -> &'a str {
        match self.k.get(i) {
            Some(t) => self.t.get(t.s as usize..t.e as usize).unwrap_or(""),
            None => "",
        }
    }
    fn kind(&self, i: usize) -> Option<K> {
        self.k.get(i).map(|t| t.k)
    }
    fn is_p(&self, i: usize, c: char) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == K::Punct && t.c == c)
    }
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == K::Punct && is_dash_char(t.c))
    }
    fn is_hyphen(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == K::Punct && is_hyphen_char(t.c))
    }
    fn is_apos(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == K::Punct && is_apos_char(t.c))
    }
    fn adj(&self, i: usize, j: usize) -> bool {
        match (self.k.get(i), self.k.get(j)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }
    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(K::Word)
    }
    fn wis(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.txt(i).eq_ignore_ascii_case(w)
    }
    fn lex(&self, i: usize) -> Lex {
        if self.is_word(i) {
            lex_of(self.txt(i))
        } else {
            Lex::default()
        }
    }
    fn lexf(&self, i: usize) -> u32 {
        self.lex(i).f
    }
    fn lower(&self, i: usize) -> bool {
        matches!(self.k.get(i), Some(t) if t.k == K::Word && t.f & T_CAP == 0)
    }
    /// A plain number: digits only, no thousands comma, no decimals, no leading zero.
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.k.get(i)?;
        (t.k == K::Num && t.f & (T_COMMA | T_DEC | T_LZ) == 0 && t.nd <= 4).then_some((t.v, t.nd))
    }
    fn num_lz(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.k.get(i)?;
        (t.k == K::Num && t.f & (T_COMMA | T_DEC) == 0 && t.nd <= 4).then_some((t.v, t.nd))
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        s: usize,
        e: usize,
        from: Option<HistDate>,
        to: Option<HistDate>,
        prec: Precision,
        cal: Option<&'static str>,
        restate: bool,
    ) {
        if s >= e || e > self.k.len() {
            return;
        }
        self.out.push(Raw {
            s: self.k[s].s as usize,
            e: self.k[e - 1].e as usize,
            from,
            to,
            prec,
            cal,
            restate,
        });
        self.floor = self.floor.max(e);
    }

    /// Emits a single (non-range) expression, turning it into an open range
    /// when "since"/"until" stand before it or "onwards" after it.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &mut self,
        s: usize,
        e: usize,
        from: HistDate,
        to: HistDate,
        prec: Precision,
        cal: Option<&'static str>,
        restate: bool,
    ) -> usize {
        let (mut s, mut e) = (s, e);
        let (mut f, mut t) = (Some(from), Some(to));
        // "since the 1990s", "until the 19th century" — but "since the 1967
        // war" is about the war, not an open range from 1967.
        let w = if prec >= Precision::Decade && s > self.floor + 1 && self.wis(s - 1, "the") {
            s - 1
        } else {
            s
        };
        if w > self.floor {
            let x = self.lexf(w - 1);
            if x & SINCE != 0 {
                t = None;
                s = w - 1;
            } else if x & UNTIL != 0 && !self.wis(w.saturating_sub(2), "from") {
                f = None;
                s = w - 1;
                if s > self.floor && self.wis(s - 1, "up") {
                    s -= 1;
                }
            }
        }
        if t.is_some() && f.is_some() {
            // "from 1999 on," but not "from 1999 on the coast"
            let on = self.wis(e, "on")
                && s > 0
                && self.wis(s - 1, "from")
                && !matches!(self.kind(e + 1), Some(K::Word | K::Num | K::Mixed));
            if self.lexf(e) & OPENR != 0 || on {
                t = None;
                e += 1;
            }
        }
        self.push(s, e, f, t, prec, cal, restate);
        e
    }

    // -- era markers ------------------------------------------------------

    /// "BC", "BCE", "AD", "CE", "AH", and dotted "B.C.", "a.d.", "B.C.E.".
    fn era_at(&self, i: usize) -> Option<(Era, usize)> {
        let t = self.tok(i)?;
        if t.k != K::Word {
            return None;
        }
        let w = self.txt(i);
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
            if tj.k != K::Word || tj.e - tj.s != 1 || (n > 0 && !self.adj(j - 1, j)) {
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
    fn era_before(&self, i: usize) -> Option<(Era, usize)> {
        for back in 1..=4 {
            if i < back || i - back < self.floor {
                break;
            }
            let s = i - back;
            if let Some((era, nx)) = self.era_at(s)
                && nx == i
                && matches!(era, Era::Ad | Era::Ah)
                && (self.txt(s) != "CE")
            {
                return Some((era, s));
            }
        }
        None
    }

    fn year_unit(&self, i: usize, lz_ok: bool) -> Option<YU> {
        let plain = if lz_ok { self.num_lz(i) } else { self.num(i) };
        let (v, nd) = match plain {
            Some(x) => x,
            // "10,000 BC": thousands commas are fine before an era marker.
            None => {
                let t = self.tok(i)?;
                let era_next = matches!(self.era_at(i + 1), Some((Era::Bc | Era::Ad, _)));
                if t.k != K::Num
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
        if let Some((er, st)) = self.era_before(i) {
            era = Some(er);
            s = st;
        }
        let mut e = i + 1;
        if era.is_none()
            && let Some((er, nx)) = self.era_at(i + 1)
        {
            era = Some(er);
            e = nx;
        }
        Some(YU {
            s,
            e,
            n: i,
            v,
            nd,
            era,
        })
    }

    // -- context ----------------------------------------------------------

    fn left(&self, s: usize) -> Left {
        let mut l = Left::default();
        if s == 0 {
            return l;
        }
        let p = s - 1;
        let Some(t) = self.tok(p) else { return l };
        match t.k {
            K::Punct => match t.c {
                '$' | '€' | '£' | '¥' | '₹' | '#' | '§' | '№' | '+' | '±' | '=' | '×' | '*'
                | '^' | '<' | '>' | '~' | '≈' | '@' | '¢' | '₽' | '₩' | '₺' | '₪' => {
                    l.disq = true
                }
                '/' | ':' | '\\' | '.' | ',' if self.adj(p, s) && p > 0 && self.adj(p - 1, p) => {
                    l.disq = true
                }
                '.' if p > 0 && self.lexf(p - 1) & PAGE != 0 && self.adj(p - 1, p) => {
                    l.disq = true;
                }
                c if is_hyphen_char(c) && self.adj(p, s) && p > 0 && self.adj(p - 1, p) => {
                    l.disq = true;
                }
                '(' | '[' => {
                    // "resolution [1011 (XI)]", "resolutions (1652 and 1665)"
                    if p > 0 && self.lexf(p - 1) & PAGE2 != 0 {
                        l.disq = true;
                    } else if t.c == '(' {
                        l.admit = true;
                    }
                }
                _ => {}
            },
            K::Num | K::Mixed => l.disq = true,
            K::Ord | K::Dec => {}
            K::Word => {
                let w = self.txt(p);
                let x = self.lexf(p);
                if x & PAGE != 0 {
                    // "no" is a determiner in lower case ("no 1992 budget"), a
                    // numero sign as "No"/"NO"/"No.".
                    let numero = w.eq_ignore_ascii_case("no");
                    if !numero || w != "no" {
                        l.disq = true;
                    }
                    // "the line 1992"? never mind: page words win.
                }
                if x & QUANT != 0 {
                    l.disq = true;
                    l.quant = true;
                    // "no later than 1992", "earlier than 1800"
                    if w.eq_ignore_ascii_case("than")
                        && p > 0
                        && matches!(
                            self.txt(p - 1).to_ascii_lowercase().as_str(),
                            "later" | "earlier" | "sooner" | "before" | "after"
                        )
                    {
                        l.disq = false;
                        l.quant = false;
                        l.admit = true;
                        l.strong = true;
                    }
                }
                if x & SOFTQ != 0 {
                    l.soft = true;
                }
                if x & ADMIT != 0 {
                    l.admit = true;
                }
                if x & STRONG != 0 {
                    l.strong = true;
                }
                if x & YEARW != 0 {
                    l.yearw = true;
                }
                if w.eq_ignore_ascii_case("between") {
                    l.between = true;
                }
                if w.eq_ignore_ascii_case("from") && p > 0 && self.lexf(p - 1) & CHANGE != 0 {
                    l.change = true;
                }
                if w.eq_ignore_ascii_case("of") && p > 0 && self.lexf(p - 1) & QOF != 0 {
                    l.disq = true;
                }
                // "a further 1500", "up to 2000 more"
                if w.eq_ignore_ascii_case("to") && p > 0 && self.wis(p - 1, "up") {
                    l.soft = true;
                }
                if (w.eq_ignore_ascii_case("least") || w.eq_ignore_ascii_case("most"))
                    && p > 0
                    && self.wis(p - 1, "at")
                {
                    // "since at least 1967" is a year; "at least 2000" a count.
                    if p > 1 && self.lexf(p - 2) & STRONG != 0 {
                        l.disq = false;
                        l.quant = false;
                        l.strong = true;
                        l.admit = true;
                    } else {
                        l.disq = true;
                    }
                }
                // "at 1230" is a time of day; "at 1990 levels" is a year.
                if w.eq_ignore_ascii_case("at") {
                    l.at = true;
                }
            }
        }
        l
    }

    /// A number in a list whose earlier member was rejected by its left
    /// context ("resolutions 1267 (1999), 1333 (2000) and 1390") is rejected too.
    fn list_prev_rejected(&self, s: usize) -> bool {
        let mut p = s;
        let mut steps = 0;
        let mut saw_sep = false;
        while p > 0 && steps < 14 {
            p -= 1;
            steps += 1;
            let Some(t) = self.tok(p) else { return false };
            match t.k {
                K::Punct if matches!(t.c, ',' | '&' | ';') => saw_sep = true,
                K::Punct if t.c == ')' => {
                    let mut q = p;
                    let mut found = false;
                    while q > 0 && p - q < 8 {
                        q -= 1;
                        if self.is_p(q, '(') {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        return false;
                    }
                    p = q;
                }
                K::Word if self.wis(p, "and") || self.wis(p, "or") => saw_sep = true,
                // `rej` grows in text order, so only its tail can hold `p`.
                K::Num => {
                    return saw_sep
                        && self
                            .rej
                            .iter()
                            .rev()
                            .take_while(|&&x| x >= p)
                            .any(|&x| x == p);
                }
                _ => return false,
            }
        }
        false
    }

    /// "in 1295 and 1300": a round number after a list member that was a year.
    fn list_prev_accepted(&self, s: usize) -> bool {
        let mut p = s;
        let mut sep = false;
        while p > 0 && s - p < 4 {
            p -= 1;
            if self.is_p(p, ',') || self.wis(p, "and") || self.wis(p, "or") {
                sep = true;
                continue;
            }
            if !sep || self.kind(p) != Some(K::Num) {
                return false;
            }
            let end = self.k[p].e as usize;
            return self
                .out
                .last()
                .is_some_and(|m| m.e == end && m.prec == Precision::Year);
        }
        false
    }

    /// "[21]", "text[1999]": a bracketed number glued to what precedes it, or
    /// opening the sentence. "4 February [1982]" is an editor's year.
    fn citation(&self, s: usize, e: usize) -> bool {
        s > 0 && self.is_p(s - 1, '[') && self.is_p(e, ']') && (s == 1 || self.adj(s - 2, s - 1))
    }

    /// Is the number followed by a count noun, a unit, money or a percentage?
    fn right_disq(&self, e: usize, strong: bool, round: bool) -> bool {
        let Some(t) = self.tok(e) else { return false };
        match t.k {
            K::Punct => match t.c {
                '%' | '‰' | '°' | '×' | '′' | '″' => true,
                // UN resolution numbers carry their session in Roman numerals:
                // "1514 (XV)", "1237 (ES-III)".
                '(' => {
                    let w = self.txt(e + 1);
                    let roman =
                        !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b"IVXLC".contains(&b));
                    (roman && (self.is_p(e + 2, ')') || self.is_dash(e + 2))) || w == "ES"
                }
                ':' | '.' | ',' | '/' | '\\' if self.adj(e - 1, e) && self.adj(e, e + 1) => {
                    match self.kind(e + 1) {
                        Some(K::Num) => true,
                        Some(K::Word | K::Mixed) => matches!(t.c, '/' | '\\'),
                        _ => false,
                    }
                }
                c if is_dash_char(c) && self.adj(e - 1, e) && self.adj(e, e + 1) => {
                    match self.kind(e + 1) {
                        Some(K::Num | K::Mixed | K::Dec | K::Ord) => true,
                        Some(K::Word) => {
                            let x = self.lexf(e + 1);
                            x & (HUNIT | MUNIT | TUNIT) != 0
                        }
                        _ => false,
                    }
                }
                _ => false,
            },
            // Spaced digit groups ("1234 5678"), unless a preposition vouches
            // for the year: "in 2004 56 per cent of its people".
            K::Num => t.f & (T_COMMA | T_DEC) == 0 && (!strong || round),
            K::Mixed => self.adj(e - 1, e),
            K::Word => self.unit_after(e, strong, round),
            _ => false,
        }
    }

    fn unit_after(&self, e: usize, strong: bool, round: bool) -> bool {
        let mut j = e;
        for step in 0..3 {
            let Some(t) = self.tok(j) else { return false };
            if t.k != K::Word {
                return false;
            }
            let x = self.lexf(j);
            let w = self.txt(j);
            // "2015 marks the anniversary": a verb before a determiner.
            if w == "marks" && self.lexf(j + 1) & DETW != 0 {
                return false;
            }
            if x & MUNIT != 0 && !(w == "to" || w == "x" || w == "times") {
                // "per" + "cent" and units; skip words that are also plain English
                return !(w == "m" && step > 0);
            }
            if w.eq_ignore_ascii_case("per") && self.wis(j + 1, "cent") {
                return true;
            }
            if self.lower(j) || t.f & T_UPPER != 0 {
                if x & TUNIT != 0 && self.lower(j) {
                    return true;
                }
                if x & UNIT != 0 && self.lower(j) {
                    return !strong || round;
                }
            }
            if step == 0 && (w == "x" || w == "times") {
                return true;
            }
            // Skip "US", "U.S.", "more", "armed" …
            if w == "U" && self.is_p(j + 1, '.') && self.wis(j + 2, "S") {
                j += if self.is_p(j + 3, '.') { 4 } else { 3 };
                continue;
            }
            if x & SKIPM != 0 {
                j += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// Words that keep "about 1500" a year: the number must end a phrase.
    fn soft_ok(&self, e: usize) -> bool {
        match self.tok(e) {
            None => true,
            Some(t) => match t.k {
                K::Punct => matches!(
                    t.c,
                    ',' | '.' | ';' | '(' | ')' | ':' | '?' | '!' | '–' | '—'
                ),
                // "Around 1816 Michel Chevreul started…": a new clause.
                K::Word => self.lexf(e) & SOFTOK != 0 || t.f & T_CAP != 0,
                _ => false,
            },
        }
    }

    /// Qualifiers standing before a year that belong to its span.
    fn qualifiers(&self, s: usize) -> (usize, Qual) {
        let fl = self.floor;
        let ok = |n: usize| s >= n && s - n >= fl;
        if ok(1) {
            let p = s - 1;
            if self.kind(p) == Some(K::Mixed) {
                let w = self.txt(p).as_bytes();
                if w.len() == 2 && (w[0] == b'Q' || w[0] == b'q') && (b'1'..=b'4').contains(&w[1]) {
                    return (p, Qual::Quarter(w[1] - b'0'));
                }
                if w.len() == 2 && (w[0] == b'H') && (b'1'..=b'2').contains(&w[1]) {
                    return (p, Qual::Half(w[1] - b'0'));
                }
            }
            if self.wis(p, "of") && ok(3) && self.lexf(p - 1) & PARTW != 0 {
                let n = if self.tok(p - 2).is_some_and(|t| t.k == K::Ord) {
                    self.tok(p - 2).map(|t| t.v).unwrap_or(0)
                } else {
                    let x = self.lex(p - 2);
                    if x.f & ORDW != 0 { x.n as u32 } else { 0 }
                };
                let half = self.wis(p - 1, "half");
                let st = if ok(4) && self.wis(p - 3, "the") {
                    p - 3
                } else {
                    p - 2
                };
                if half && (1..=2).contains(&n) {
                    return (st, Qual::Half(n as u8));
                }
                if !half && (1..=4).contains(&n) {
                    return (st, Qual::Quarter(n as u8));
                }
            }
            if self.txt(p) == "FY" {
                return (p, Qual::Other);
            }
            if self.wis(p, "year")
                && ok(2)
                && (self.wis(p - 1, "fiscal") || self.wis(p - 1, "financial"))
            {
                return (p - 1, Qual::Other);
            }
            if self.wis(p, "fiscal") || self.wis(p, "circa") {
                return (p, Qual::Other);
            }
            // "c. 1650", not "1.5C. 2020"
            if self.is_p(p, '.')
                && ok(2)
                && (self.txt(p - 1) == "c" || self.txt(p - 1) == "ca" || self.txt(p - 1) == "C")
                && !(p >= 2 && self.adj(p - 2, p - 1))
            {
                return (p - 1, Qual::Other);
            }
            if self.txt(p) == "c" || self.txt(p) == "ca" {
                return (p, Qual::Other);
            }
            // "(r. 1447–1492)", "(b. 1650)", "(d. 1700)", "fl. 1200"
            if self.is_p(p, '.')
                && ok(2)
                && matches!(self.txt(p - 1), "r" | "b" | "d" | "fl" | "born" | "died")
            {
                return (s, Qual::Other);
            }
            if self.is_hyphen(p) && self.adj(p, s) && ok(2) && self.adj(p - 1, p) {
                let w = self.txt(p - 1);
                if ["mid", "pre", "post", "early", "late"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
                {
                    return (p - 1, Qual::Other);
                }
            }
            if self.wis(p, "mid") || self.wis(p, "early") || self.wis(p, "late") {
                return (p, Qual::Other);
            }
        }
        (s, Qual::None)
    }

    // -- years ------------------------------------------------------------

    /// A year or a range of two at `i`: "1914", "1914–18", "1914 to 1918",
    /// "between 1914 and 1918" (with `between`), "1991–present".
    fn part(&self, i: usize, between: bool) -> Option<Part> {
        let a = self.year_unit(i, false)?;
        let mut p = Part {
            a,
            b: None,
            bv: a.v,
            open_end: false,
            e: a.e,
            tight_dash: false,
        };
        let j = a.e;
        let dash = self.is_dash(j);
        let conn =
            dash || (self.lexf(j) & RCONN != 0 && self.lower(j)) || (between && self.wis(j, "and"));
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
        if self.lexf(kk) & PRESENT != 0 && (dash || !between) && self.lower(kk) {
            let mut e = kk + 1;
            if self.wis(e, "day") {
                e += 1;
            }
            p.open_end = true;
            p.e = e;
            return Some(p);
        }
        // "27 BC to AD 476": the end may open with its own era.
        let bi = match self.era_at(k) {
            Some((Era::Ad | Era::Ah, nx)) if self.num(nx).is_some() => nx,
            _ => k,
        };
        let Some(b) = self.year_unit(bi, dash) else {
            return Some(p);
        };
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
    fn part_years(&self, p: &Part) -> Option<(i32, i32, Option<Era>)> {
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

    fn in_window(v: u32) -> bool {
        (1000..=2099).contains(&v)
    }

    fn try_year(&mut self, i: usize) -> Option<usize> {
        let a0 = self.year_unit(i, false)?;
        let (qs0, qual) = self.qualifiers(a0.s);
        let qs = qs0.min(a0.s);
        let l = self.left(qs);
        let p = self.part(i, l.between)?;

        // "2012-02": ISO year-month, unless it reads as consecutive years ("2000-01").
        if let Some(b) = p.b
            && p.tight_dash
            && b.nd == 2
            && self.tok(b.n).is_some_and(|t| t.f & T_LZ != 0)
            && (1..=12).contains(&b.v)
            && (p.a.v % 100 + 1) % 100 != b.v
            && Self::in_window(p.a.v)
            && b.era.is_none()
            && p.a.era.is_none()
        {
            if l.disq || self.right_disq(b.e, false, false) {
                return Some(b.e);
            }
            let d = HistDate::ym(p.a.v as i32, b.v as u8);
            return Some(self.finish(p.a.s, b.e, d, d, Precision::Month, None, false));
        }

        // A slash pairs a Hijri expression with its Gregorian equivalent
        // ("1133–1342/1779–1924"), or makes a season ("1999/2000").
        if self.is_p(p.e, '/')
            && !p.open_end
            && let Some(q) = self.part(p.e + 1, false)
        {
            return Some(self.slash_pair(qs, &l, p, q));
        }

        let Some((ya, yb, era)) = self.part_years(&p) else {
            return Some(p.e);
        };
        let ranged = p.b.is_some() || p.open_end;
        let last_e = p.e;
        // "between 1000 and" with no second number is no year.
        if l.between && !ranged && p.a.era.is_none() && self.wis(p.e, "and") {
            return Some(last_e);
        }

        // Lists share an era and a trailing noun: "410 and 455 AD", "2000, 3000 and 4000 troops".
        let (shared_era, right_idx) = if !ranged {
            self.list_tail(p.a.e)
        } else {
            (None, last_e)
        };
        let era = era.or(shared_era);

        if era == Some(Era::Ah) {
            let h2 = if p.b.is_some() { p.bv } else { p.a.v };
            if p.a.v > 1700 || h2 > 1700 {
                return Some(last_e);
            }
            let (g1, g2) = hijri_years_to_gregorian(p.a.v, h2);
            let restate = self.restated_after(last_e, g1, g2);
            let s = if ranged { p.a.s } else { qs };
            if ranged {
                self.push(
                    s,
                    last_e,
                    Some(HistDate::y(g1)),
                    Some(HistDate::y(g2)),
                    Precision::Year,
                    Some("hijri"),
                    restate,
                );
                return Some(last_e);
            }
            return Some(self.finish(
                s,
                last_e,
                HistDate::y(g1),
                HistDate::y(g2),
                Precision::Year,
                Some("hijri"),
                restate,
            ));
        }

        let (ya, yb) = if shared_era == Some(Era::Bc) && p.a.era.is_none() {
            (-ya, -yb)
        } else {
            (ya, yb)
        };

        if era.is_none() {
            let bv_ok = p.b.is_none() || Self::in_window(p.bv);
            let yearword_ok = l.yearw && p.a.nd >= 3 && p.a.v <= 2200 && p.b.is_none();
            // "from c. 800 to 1864": an early start is fine when the end is a year.
            let early_start = p.b.is_some()
                && p.a.nd >= 3
                && Self::in_window(p.bv)
                && (l.strong || qual != Qual::None);
            let plain = Self::in_window(p.a.v) && bv_ok;
            if !(plain || yearword_ok || early_start) {
                return if ranged { Some(last_e) } else { None };
            }
            let quant_levels = l.quant
                && !ranged
                && matches!(
                    self.txt(right_idx).to_ascii_lowercase().as_str(),
                    "levels" | "level" | "prices"
                )
                && self.lower(right_idx);
            if (l.disq && !quant_levels) || self.citation(qs, last_e) || self.list_prev_rejected(qs)
            {
                self.rej.push(i);
                return Some(last_e);
            }
            // "rose from 1500 to 2000": round numbers after a verb of change are amounts.
            if ranged && l.change && p.a.v % 50 == 0 && p.bv % 50 == 0 {
                return Some(last_e);
            }
            if l.soft && !ranged && !self.soft_ok(right_idx) {
                return Some(last_e);
            }
            // "below 1990 levels", "at 1990 prices", "the pre-1967 borders"
            let levels = matches!(
                self.txt(right_idx).to_ascii_lowercase().as_str(),
                "levels"
                    | "level"
                    | "prices"
                    | "rates"
                    | "values"
                    | "standards"
                    | "figures"
                    | "borders"
                    | "lines"
                    | "frontiers"
                    | "boundaries"
                    | "dollars"
            ) && self.lower(right_idx);
            if l.at && !ranged && !levels {
                return Some(last_e);
            }
            let round = p.a.v % 100 == 0 && p.a.v < 1900;
            // "in 2013 dollars", "in 2012 USD": prices of that year.
            let constant = !round
                && !ranged
                && self.wis(qs.wrapping_sub(1), "in")
                && matches!(
                    self.txt(right_idx).to_ascii_lowercase().as_str(),
                    "dollars"
                        | "usd"
                        | "euros"
                        | "eur"
                        | "pounds"
                        | "gbp"
                        | "francs"
                        | "yen"
                        | "prices"
                );
            if !p.open_end && !constant && self.right_disq(right_idx, l.strong, round) {
                return Some(last_e);
            }
            let ctx = l.admit
                || l.strong
                || l.soft
                || qual != Qual::None
                || l.yearw
                || ranged
                || self.list_prev_accepted(qs);
            if round && !ctx {
                return None;
            }
        }

        if p.open_end {
            self.push(
                qs,
                last_e,
                Some(HistDate::y(ya)),
                None,
                Precision::Year,
                None,
                false,
            );
            return Some(last_e);
        }
        if p.b.is_some() {
            self.push(
                qs,
                last_e,
                Some(HistDate::y(ya)),
                Some(HistDate::y(yb)),
                Precision::Year,
                None,
                false,
            );
            return Some(last_e);
        }
        match qual {
            Qual::Quarter(q) => {
                let (f, t) = (HistDate::ym(ya, q * 3 - 2), HistDate::ym(ya, q * 3));
                Some(self.finish(qs, last_e, f, t, Precision::Month, None, false))
            }
            Qual::Half(h) => {
                let (f, t) = (HistDate::ym(ya, h * 6 - 5), HistDate::ym(ya, h * 6));
                Some(self.finish(qs, last_e, f, t, Precision::Month, None, false))
            }
            _ => Some(self.finish(
                qs,
                last_e,
                HistDate::y(ya),
                HistDate::y(ya),
                Precision::Year,
                None,
                false,
            )),
        }
    }

    /// The era and the token after the last member of a list that starts
    /// after `e` ("…, 1956 and 1967 BC"); only a list closed by and/or counts.
    fn list_tail(&self, e: usize) -> (Option<Era>, usize) {
        let mut j = e;
        let mut last: Option<YU> = None;
        let mut conj = false;
        for _ in 0..16 {
            let mut k = j;
            let mut sep = false;
            if self.is_p(k, ',') {
                k += 1;
                sep = true;
            }
            if self.wis(k, "and") || self.wis(k, "or") || self.is_p(k, '&') {
                k += 1;
                conj = true;
                sep = true;
            }
            if !sep {
                break;
            }
            // Members are years too: "by 2020 and 85 per cent by 2050" is no list.
            match self.year_unit(k, false) {
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
    fn restated_after(&self, e: usize, g1: i32, g2: i32) -> bool {
        let mut j = e;
        if self.is_p(j, '(') || self.is_p(j, '/') || self.is_p(j, ',') || self.is_p(j, '=') {
            j += 1;
        } else {
            return false;
        }
        match self.year_unit(j, false) {
            Some(u) if u.era != Some(Era::Ah) && u.era != Some(Era::Bc) => {
                let v = u.v as i32;
                v >= g1 - 1 && v <= g2 + 1
            }
            _ => false,
        }
    }

    fn slash_pair(&mut self, qs: usize, l: &Left, p: Part, q: Part) -> usize {
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
        if l.disq || self.citation(qs, end) {
            return end;
        }
        let right_bad = self.right_disq(end, false, false);
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
                    && (g.a.era.is_some() || Self::in_window(g.a.v) && Self::in_window(g.bv));
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
        if no_era && !right_bad && Self::in_window(p.a.v) {
            let (from, to) =
                if p.b.is_none() && q.b.is_some() && expand_year(p.a.v, &q.a) == p.a.v + 1 {
                    (p.a.v, q.bv)
                } else if p.b.is_some() && q.b.is_none() && expand_year(p.bv, &q.a) == p.bv + 1 {
                    (p.a.v, p.bv + 1)
                } else {
                    (0, 0)
                };
            if from > 0 && Self::in_window(to) && to > from {
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
        if p.b.is_none() && q.b.is_none() && no_era && Self::in_window(p.a.v) && !right_bad {
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

    // -- month and day dates ---------------------------------------------

    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.k != K::Word || t.f & T_CAP == 0 {
            return None;
        }
        let x = self.lex(i);
        if x.f & MONTH == 0 {
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

    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        let ok = match t.k {
            K::Num => t.f & (T_COMMA | T_DEC) == 0 && t.nd <= 2,
            K::Ord => t.nd <= 2,
            _ => false,
        };
        (ok && (1..=31).contains(&t.v)).then_some((t.v as u8, i + 1))
    }

    /// The year of a full date: any number with an era, else three or four digits.
    fn date_year_at(&self, i: usize) -> Option<(YU, i32)> {
        let u = self.year_unit(i, false)?;
        match u.era {
            Some(Era::Ah) => return None,
            Some(_) => {}
            None => {
                if u.nd < 3 || u.v > 2200 {
                    return None;
                }
                // A month before it makes a year of all but a round count:
                // "May 1968 students" is a year, "March 1000 troops" is not.
                if self.right_disq(u.e, true, u.v % 100 == 0) {
                    return None;
                }
            }
        }
        Some((u, signed(u.v, u.era)))
    }

    fn rconn(&self, i: usize, between: bool) -> bool {
        self.is_dash(i)
            || (self.lexf(i) & RCONN != 0 && self.lower(i))
            || (between && self.wis(i, "and"))
    }

    fn month_led(&self, i: usize, between: bool) -> Option<DExpr> {
        let (m1, j) = self.month_at(i)?;
        // "30 February 1990": an impossible day spoils the whole date.
        if i > 0
            && self
                .day_at(i - 1)
                .is_some_and(|(d, _)| d > max_days_in_month(m1))
        {
            return None;
        }
        if let Some((d1, j2)) = self.day_at(j) {
            let mut k = j2;
            let mut end_md = None;
            if self.rconn(k, between) {
                if let Some((d2, k2)) = self.day_at(k + 1) {
                    if self.month_at(k2).is_none() && !self.is_p(k2, '.') {
                        end_md = Some((m1, d2));
                        k = k2;
                    }
                } else if let Some((m2, k2)) = self.month_at(k + 1)
                    && let Some((d2, k3)) = self.day_at(k2)
                {
                    end_md = Some((m2, d2));
                    k = k3;
                }
            }
            if self.is_p(k, ',') {
                k += 1;
            }
            return self.day_range(i, k, (m1, d1), end_md);
        }
        let mut k = j;
        let mut m2 = m1;
        if self.rconn(k, between)
            && let Some((m, k2)) = self.month_at(k + 1)
        {
            m2 = m;
            k = k2;
        }
        if self.is_p(k, ',') {
            k += 1;
        }
        if self.wis(k, "of") {
            k += 1;
        }
        let (yu, y) = self.date_year_at(k)?;
        if m2 < m1 {
            return None;
        }
        Some(DExpr {
            s: i,
            e: yu.e,
            from: HistDate::ym(y, m1),
            to: HistDate::ym(y, m2),
            prec: Precision::Month,
        })
    }

    fn day_led(&self, i: usize, between: bool) -> Option<DExpr> {
        let (d1, mut j) = self.day_at(i)?;
        if self.wis(j, "of") {
            j += 1;
        }
        let mut d2 = None;
        if self.month_at(j).is_none() && self.rconn(j, between) {
            let (x, mut j2) = self.day_at(j + 1)?;
            if self.wis(j2, "of") {
                j2 += 1;
            }
            d2 = Some(x);
            j = j2;
        }
        let (m1, mut j) = self.month_at(j)?;
        let mut m2 = m1;
        if d2.is_none()
            && self.rconn(j, between)
            && let Some((x, mut j2)) = self.day_at(j + 1)
        {
            if self.wis(j2, "of") {
                j2 += 1;
            }
            if let Some((mm, j3)) = self.month_at(j2) {
                d2 = Some(x);
                m2 = mm;
                j = j3;
            }
        }
        if self.is_p(j, ',') {
            j += 1;
        }
        self.day_range(i, j, (m1, d1), d2.map(|x| (m2, x)))
    }

    /// The day-precision mention that starts at token `start` and ends with
    /// the year at token `year`: day `d1` of month `m1`, through `end` when
    /// it is a range. None when a day does not exist or the range runs back.
    fn day_range(
        &self,
        start: usize,
        year: usize,
        (m1, d1): (u8, u8),
        end: Option<(u8, u8)>,
    ) -> Option<DExpr> {
        let (yu, y) = self.date_year_at(year)?;
        let (m2, d2) = end.unwrap_or((m1, d1));
        if d1 > max_days_in_month(m1) || d2 > max_days_in_month(m2) {
            return None;
        }
        let from = HistDate::ymd(y, m1, d1);
        let to = HistDate::ymd(y, m2, d2);
        if to < from {
            return None;
        }
        Some(DExpr {
            s: start,
            e: yu.e,
            from,
            to,
            prec: Precision::Day,
        })
    }

    fn full_date(&self, i: usize, between: bool) -> Option<DExpr> {
        match self.kind(i)? {
            K::Word => self.month_led(i, between),
            K::Num | K::Ord => self.day_led(i, between),
            _ => None,
        }
    }

    /// "22 and 23 November 2022", "1, 2 and 3 May 1990": each day its own mention.
    fn try_day_list(&mut self, i: usize) -> Option<usize> {
        let mut days = vec![(self.day_at(i)?.0, i)];
        let mut j = i + 1;
        loop {
            let mut k = j;
            let comma = self.is_p(k, ',');
            if comma {
                k += 1;
            }
            let conj = self.wis(k, "and") || self.wis(k, "or") || self.is_p(k, '&');
            if conj {
                k += 1;
            }
            if !(comma || conj) || days.len() > 31 {
                return None;
            }
            let (d, _) = self.day_at(k)?;
            if conj {
                // The last day carries the month and year for all.
                let last = self.day_led(k, false)?;
                if last.from != last.to || last.prec != Precision::Day {
                    return None;
                }
                let (y, m) = (last.from.year, last.from.month.unwrap_or(1));
                for &(dd, at) in &days {
                    if dd > max_days_in_month(m) {
                        return None;
                    }
                    let dt = HistDate::ymd(y, m, dd);
                    self.push(at, at + 1, Some(dt), Some(dt), Precision::Day, None, false);
                }
                return Some(self.finish(
                    k,
                    last.e,
                    last.from,
                    last.to,
                    Precision::Day,
                    None,
                    false,
                ));
            }
            days.push((d, k));
            j = k + 1;
        }
    }

    fn try_date(&mut self, i: usize) -> Option<usize> {
        let between = i > 0 && self.wis(i - 1, "between");
        if self.kind(i) != Some(K::Word)
            && self.month_at(i + 1).is_none()
            && !self.wis(i + 1, "of")
            && !self.rconn(i + 1, between)
        {
            return self.try_day_list(i);
        }
        let d1 = self.full_date(i, between)?;
        // "from December 31, 2002, to February 3, 2003"
        let c = if self.is_p(d1.e, ',') && self.lexf(d1.e + 1) & RCONN != 0 {
            d1.e + 1
        } else {
            d1.e
        };
        if self.rconn(c, between) {
            let k = if self.wis(c + 1, "the") { c + 2 } else { c + 1 };
            if let Some(d2) = self.full_date(k, false)
                && d2.to >= d1.from
            {
                let prec = d1.prec.max(d2.prec);
                self.push(
                    d1.s,
                    d2.e,
                    Some(d1.from.truncate(prec)),
                    Some(d2.to.truncate(prec)),
                    prec,
                    None,
                    false,
                );
                return Some(d2.e);
            }
            if self.lexf(k) & PRESENT != 0 && self.lower(k) {
                self.push(d1.s, k + 1, Some(d1.from), None, d1.prec, None, false);
                return Some(k + 1);
            }
        }
        Some(self.finish(d1.s, d1.e, d1.from, d1.to, d1.prec, None, false))
    }

    /// "1992-01-04", "1992/01/04", "4/1/1992", "04.01.1992".
    fn try_numeric_date(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        if t.k != K::Num || t.f & T_COMMA != 0 {
            return None;
        }
        // Dotted d.m.y is one decimal-chained token ("04.01.1992").
        if t.f & T_DEC != 0 {
            let parts: Vec<&str> = self.txt(i).split('.').collect();
            if parts.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2
            {
                let a: u32 = parts[0].parse().ok()?;
                let b: u32 = parts[1].parse().ok()?;
                let y: u32 = parts[2].parse().ok()?;
                return self.emit_dmy(i, i + 1, a, b, y);
            }
            return None;
        }
        let sep = self.tok(i + 1)?;
        if sep.k != K::Punct || !(sep.c == '-' || sep.c == '/' || sep.c == '.') {
            return None;
        }
        if !(self.adj(i, i + 1)
            && self.adj(i + 1, i + 2)
            && self.is_p(i + 3, sep.c)
            && self.adj(i + 2, i + 3)
            && self.adj(i + 3, i + 4))
        {
            return None;
        }
        let (b, bn) = self.num_lz(i + 2)?;
        let (c, cn) = self.num_lz(i + 4)?;
        // A longer chain is a code or a phone number.
        if self.adj(i + 4, i + 5)
            && matches!(self.tok(i + 5), Some(x) if x.k == K::Punct && (x.c == sep.c || x.c == '.') && self.kind(i + 6) == Some(K::Num))
        {
            return Some(i + 5);
        }
        if t.nd == 4 && bn == 2 && cn == 2 && sep.c != '.' {
            let (y, m, d) = (t.v, b, c);
            if !(1..=12).contains(&m) || d == 0 || d > max_days_in_month(m as u8) as u32 || y == 0 {
                return Some(i + 5);
            }
            if i > 0 && (self.left(i).disq) {
                return Some(i + 5);
            }
            let dt = HistDate::ymd(y as i32, m as u8, d as u8);
            return Some(self.finish(i, i + 5, dt, dt, Precision::Day, None, false));
        }
        if t.nd <= 2 && bn <= 2 && cn == 4 {
            return self.emit_dmy(i, i + 5, t.v, b, c);
        }
        None
    }

    fn emit_dmy(&mut self, s: usize, e: usize, a: u32, b: u32, y: u32) -> Option<usize> {
        if !Self::in_window(y) || a == 0 || b == 0 || self.left(s).disq {
            return Some(e);
        }
        let y = y as i32;
        let (m, d) = if a > 12 && b <= 12 {
            (b, a)
        } else if b > 12 && a <= 12 {
            (a, b)
        } else if a == b && a <= 12 {
            (a, a)
        } else if a <= 12 && b <= 12 {
            // Day and month cannot be told apart: only the year is certain.
            return Some(self.finish(
                s,
                e,
                HistDate::y(y),
                HistDate::y(y),
                Precision::Year,
                None,
                false,
            ));
        } else {
            return Some(e);
        };
        if d > max_days_in_month(m as u8) as u32 {
            return Some(e);
        }
        let dt = HistDate::ymd(y, m as u8, d as u8);
        Some(self.finish(s, e, dt, dt, Precision::Day, None, false))
    }

    // -- decades ----------------------------------------------------------

    /// (value, start, end) of a decade token at `i`: "1990s", "1990's", "'60s", "470s".
    fn decade_at(&self, i: usize) -> Option<(u32, usize, usize)> {
        let t = *self.tok(i)?;
        match t.k {
            K::Dec => {
                if t.f & T_LZ != 0 || t.v % 10 != 0 {
                    return None;
                }
                if t.nd == 2 && i > 0 && self.is_apos(i - 1) && self.adj(i - 1, i) {
                    return Some((1900 + t.v, i - 1, i + 1));
                }
                (t.nd == 3 || t.nd == 4).then_some((t.v, i, i + 1))
            }
            K::Num => {
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

    fn decade_mods(&self, s: usize) -> usize {
        if s > self.floor {
            let p = s - 1;
            // "mid-1990s", "late-2000s", "pre-1990s", "post-1960s"
            let pre_post =
                |w: &str| w.eq_ignore_ascii_case("pre") || w.eq_ignore_ascii_case("post");
            if self.is_hyphen(p)
                && self.adj(p, s)
                && p > self.floor
                && self.adj(p - 1, p)
                && (self.lexf(p - 1) & MODF != 0 || pre_post(self.txt(p - 1)))
            {
                return p - 1;
            }
            if self.lexf(p) & MODF != 0 {
                return p;
            }
        }
        s
    }

    /// One decade at `i` with its era: (from, to, precision, start, end).
    fn decade_expr(&self, i: usize) -> Option<(i32, i32, Precision, usize, usize, u32)> {
        let (v, s, e) = self.decade_at(i)?;
        let (era, e) = match self.era_at(e) {
            Some((Era::Bc, nx)) => (Some(Era::Bc), nx),
            Some((Era::Ad, nx)) => (Some(Era::Ad), nx),
            _ => (None, e),
        };
        let bc = era == Some(Era::Bc);
        if v == 0 || v > 2090 {
            return None;
        }
        let century_like = v % 100 == 0 && v != 2000 && self.tok(i).is_none_or(|t| t.nd != 2);
        let (f, t, prec) = if century_like {
            if bc {
                (-(v as i32 + 99), -(v as i32), Precision::Century)
            } else {
                (v as i32, v as i32 + 99, Precision::Century)
            }
        } else if bc {
            (-(v as i32 + 9), -(v as i32), Precision::Decade)
        } else {
            (v as i32, v as i32 + 9, Precision::Decade)
        };
        Some((f, t, prec, s, e, v))
    }

    fn try_decade(&mut self, i: usize) -> Option<usize> {
        let (f1, t1, p1, s, e, v) = self.decade_expr(i)?;
        if s < self.floor {
            return None;
        }
        let s = self.decade_mods(s);
        // Three-digit decades ("the 870s") need "the", a modifier or an era.
        let l = self.left(s);
        if l.disq || self.citation(s, e) {
            return Some(e);
        }
        let three = self.tok(i).is_some_and(|t| t.nd == 3) && f1 > 0;
        if three && !(self.wis(s.wrapping_sub(1), "the") || self.lexf(s) & MODF != 0) {
            return Some(e);
        }
        // Range: "1980s–1990s", "from the 1970s to the 1990s".
        if self.rconn(e, l.between) {
            let mut k = e + 1;
            if self.wis(k, "the") {
                k += 1;
            }
            let mut k2 = k;
            if self.lexf(k2) & MODF != 0 {
                k2 += 1;
                if self.is_hyphen(k2) {
                    k2 += 1;
                }
            }
            // "the 1980s–90s": a two-digit end borrows the century of the start.
            if f1 > 0
                && self
                    .tok(k2)
                    .is_some_and(|t| t.k == K::Dec && t.nd == 2 && t.v % 10 == 0)
                && !self.is_apos(k2 - 1)
            {
                let v2 = v - v % 100 + self.k[k2].v;
                if v2 > v {
                    let e2 = k2 + 1;
                    self.push(
                        s,
                        e2,
                        Some(HistDate::y(f1)),
                        Some(HistDate::y(v2 as i32 + 9)),
                        Precision::Decade,
                        None,
                        false,
                    );
                    return Some(e2);
                }
            }
            if let Some((f2, t2, p2, _s2, e2, _)) = self.decade_expr(k2) {
                // An era given once at the end applies to both ("the 480s–470s BC").
                let (f1, t1) = if f2 < 0 && f1 > 0 && self.era_at(e).is_none() {
                    (-t1, -f1)
                } else {
                    (f1, t1)
                };
                // "from the early 1900s to the 1930s": next to a decade, "1900s" is one too.
                let (t1, p1) = if p1 == Precision::Century && p2 == Precision::Decade && f1 > 0 {
                    (f1 + 9, Precision::Decade)
                } else {
                    (t1, p1)
                };
                if f2 >= f1 || t2 >= t1 {
                    let prec = p1.max(p2);
                    self.push(
                        s,
                        e2,
                        Some(HistDate::y(f1.min(f2))),
                        Some(HistDate::y(t1.max(t2))),
                        prec,
                        None,
                        false,
                    );
                    return Some(e2);
                }
            }
        }
        Some(self.finish(s, e, HistDate::y(f1), HistDate::y(t1), p1, None, false))
    }

    // -- centuries --------------------------------------------------------

    fn ord_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        match t.k {
            // "from the 12th to the 14 century": a cardinal only before a singular "century".
            K::Num => (t.f & (T_LZ | T_COMMA | T_DEC) == 0
                && (1..=21).contains(&t.v)
                && (self.wis(i + 1, "century") || self.wis(i + 1, "millennium")))
            .then_some((t.v, i + 1)),
            K::Ord => (t.f & T_LZ == 0 && (1..=99).contains(&t.v)).then_some((t.v, i + 1)),
            K::Word => {
                let x = self.lex(i);
                if x.f & ORDW != 0 {
                    return Some((x.n as u32, i + 1));
                }
                // "the XIX century", "the XIXth century" (common in translated prose)
                if t.f & T_UPPER != 0 || self.txt(i).ends_with("th") {
                    let w = self.txt(i);
                    let w = w.strip_suffix("th").unwrap_or(w);
                    if let Some(n) = roman(w).filter(|_| w != "I") {
                        // The numeral must lead to "century", directly or
                        // through a range: "from the XV to the XVII century".
                        let mut k = i + 1;
                        let mut leads = false;
                        while k < i + 6 {
                            if self.century_word(k).is_some() {
                                leads = true;
                                break;
                            }
                            let ok = self.rconn(k, true)
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
                if x.f & TENS != 0 {
                    // "twenty-first", "twenty first", and "twenty- first" from broken lines
                    let j = if self.is_hyphen(i + 1) { i + 2 } else { i + 1 };
                    let y = self.lex(j);
                    if y.f & ORDW != 0 && (1..=9).contains(&y.n) {
                        return Some((x.n as u32 + y.n as u32, j + 1));
                    }
                    if self
                        .tok(j)
                        .is_some_and(|t| t.k == K::Ord && (1..=9).contains(&t.v))
                    {
                        return None;
                    }
                }
                None
            }
            _ => None,
        }
    }

    fn century_word(&self, i: usize) -> Option<usize> {
        let j = if i > 0 && self.is_hyphen(i) && self.adj(i - 1, i) {
            i + 1
        } else {
            i
        };
        (self.lexf(j) & CENT != 0).then_some(j + 1)
    }

    /// 1000 if the word before `e` is "millennium"/"millennia", else 100.
    fn scale_at(&self, e: usize) -> i32 {
        if e > 0 && self.txt(e - 1).to_ascii_lowercase().starts_with("millenni") {
            1000
        } else {
            100
        }
    }

    fn skip_the_mod(&self, mut k: usize) -> usize {
        if self.wis(k, "the") {
            k += 1;
        }
        if self.lexf(k) & MODF != 0 {
            k += 1;
            if self.is_hyphen(k) {
                k += 1;
            }
        }
        k
    }

    fn try_century(&mut self, i: usize) -> Option<usize> {
        let (n1, j) = self.ord_at(i)?;
        let s = self.decade_mods(i);
        let between = s > 0
            && (self.wis(s - 1, "between")
                || (s > 1 && self.wis(s - 1, "the") && self.wis(s - 2, "between")));
        // "ninth to seventh centuries", "18th and 19th centuries"
        let mut second: Option<(u32, usize, bool)> = None;
        let mut k = j;
        if self.century_word(j).is_none() {
            let conn_and = (self.wis(j, "and") || self.wis(j, "or")) && !between;
            if self.rconn(j, between) || conn_and {
                let k1 = self.skip_the_mod(j + 1);
                let (n2, k2) = self.ord_at(k1)?;
                second = Some((n2, k1, conn_and));
                k = k2;
            } else {
                return None;
            }
        }
        let mut e = self.century_word(k)?;
        // "Twentieth Century Fox", "21st Century Insurance": a name.
        if self.tok(e - 1).is_some_and(|t| t.f & T_CAP != 0)
            && self
                .tok(e)
                .is_some_and(|t| t.k == K::Word && t.f & T_CAP != 0)
            && self.era_at(e).is_none()
        {
            return Some(e);
        }
        let mut era = None;
        if let Some((er, nx)) = self.era_at(e) {
            era = Some(er);
            e = nx;
        }
        if era == Some(Era::Ah) {
            // "the 10th century AH": converted, marked as Hijri.
            let n2 = second.map_or(n1, |x| x.0);
            let (lo, hi) = (n1.min(n2), n1.max(n2));
            if hi == 0 || hi > 15 {
                return Some(e);
            }
            let (g1, g2) = hijri_years_to_gregorian(((lo - 1) * 100).max(1), (hi - 1) * 100 + 99);
            self.push(
                s,
                e,
                Some(HistDate::y(g1)),
                Some(HistDate::y(g2)),
                Precision::Century,
                Some("hijri"),
                false,
            );
            return Some(e);
        }
        let bc = era == Some(Era::Bc);
        let lim = if bc { 60 } else { 22 };
        if n1 > lim || second.is_some_and(|x| x.0 > lim) {
            return Some(e);
        }
        let scale = self.scale_at(self.century_word(k).unwrap_or(k));
        let lim = if scale == 1000 { lim / 5 } else { lim };
        if n1 > lim || second.is_some_and(|x| x.0 > lim) {
            return Some(e);
        }
        let (f1, t1) = century_span(n1, bc, scale);
        match second {
            Some((n2, s2, true)) => {
                let (f2, t2) = century_span(n2, bc, scale);
                self.push(
                    s,
                    j,
                    Some(HistDate::y(f1)),
                    Some(HistDate::y(t1)),
                    Precision::Century,
                    None,
                    false,
                );
                self.push(
                    s2,
                    e,
                    Some(HistDate::y(f2)),
                    Some(HistDate::y(t2)),
                    Precision::Century,
                    None,
                    false,
                );
                return Some(e);
            }
            Some((n2, _, false)) => {
                let (f2, t2) = century_span(n2, bc, scale);
                self.push(
                    s,
                    e,
                    Some(HistDate::y(f1.min(f2))),
                    Some(HistDate::y(t1.max(t2))),
                    Precision::Century,
                    None,
                    false,
                );
                return Some(e);
            }
            None => {}
        }
        // "the 5th century BC to the 2nd century AD"
        if self.rconn(e, between) {
            let k1 = self.skip_the_mod(e + 1);
            if let Some((n2, k2)) = self.ord_at(k1)
                && let Some(mut e2) = self.century_word(k2)
            {
                let mut bc2 = false;
                if let Some((er, nx)) = self.era_at(e2) {
                    bc2 = er == Era::Bc;
                    e2 = nx;
                }
                let (f2, t2) = century_span(n2, bc2, self.scale_at(k2 + 1));
                if t2 >= f1 {
                    self.push(
                        s,
                        e2,
                        Some(HistDate::y(f1.min(f2))),
                        Some(HistDate::y(t1.max(t2))),
                        Precision::Century,
                        None,
                        false,
                    );
                    return Some(e2);
                }
            }
        }
        Some(self.finish(
            s,
            e,
            HistDate::y(f1),
            HistDate::y(t1),
            Precision::Century,
            None,
            false,
        ))
    }

    // -- driver -----------------------------------------------------------

    fn try_mixed(&mut self, i: usize) -> Option<usize> {
        let w = self.txt(i);
        // "FY2016"
        if let Some(rest) = w.strip_prefix("FY") {
            if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
                let v: i32 = rest.parse().ok()?;
                if (1000..=2099).contains(&v) {
                    return Some(self.finish(
                        i,
                        i + 1,
                        HistDate::y(v),
                        HistDate::y(v),
                        Precision::Year,
                        None,
                        false,
                    ));
                }
            }
            return None;
        }
        // "500BC", "79AD"
        let lead = w.bytes().take_while(u8::is_ascii_digit).count();
        if lead == 0 || lead > 4 || w.as_bytes()[0] == b'0' {
            return None;
        }
        let era = match &w[lead..] {
            "BC" | "BCE" | "bc" => Era::Bc,
            "AD" | "CE" => Era::Ad,
            _ => return None,
        };
        let v: u32 = w[..lead].parse().ok()?;
        if v == 0 {
            return None;
        }
        let y = signed(v, Some(era));
        Some(self.finish(
            i,
            i + 1,
            HistDate::y(y),
            HistDate::y(y),
            Precision::Year,
            None,
            false,
        ))
    }

    fn run(&mut self) {
        let n = self.k.len();
        let mut i = 0;
        while i < n {
            let t = self.k[i];
            let next = match t.k {
                K::Word => {
                    let mut r = None;
                    // Month names start with one of these capitals; checking
                    // it first spares a lexicon lookup for most capitalized words.
                    let first = self.t.as_bytes().get(t.s as usize).copied().unwrap_or(0);
                    if t.f & T_CAP != 0
                        && t.e - t.s >= 3
                        && t.e - t.s <= 9
                        && b"JFMASOND".contains(&first)
                        && self.lexf(i) & MONTH != 0
                    {
                        r = self.try_date(i);
                    }
                    if r.is_none() && self.has_cent {
                        r = self.try_century(i);
                    }
                    r
                }
                K::Num => self
                    .try_numeric_date(i)
                    .or_else(|| self.try_date(i))
                    .or_else(|| self.try_decade(i))
                    .or_else(|| {
                        if self.has_cent {
                            self.try_century(i)
                        } else {
                            None
                        }
                    })
                    .or_else(|| self.try_year(i)),
                K::Ord => self.try_date(i).or_else(|| self.try_century(i)),
                K::Dec => self.try_decade(i),
                K::Mixed => self.try_mixed(i),
                K::Punct => None,
            };
            i = match next {
                Some(x) if x > i => x,
                _ => i + 1,
            };
        }
    }
}

static CENT_FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new(b"entur"),
        memchr::memmem::Finder::new(b"ENTUR"),
        memchr::memmem::Finder::new(b"illenni"),
    ]
});

/// Eight bytes at a time: most sentences have no digit, and a byte loop
/// would be the largest cost of rejecting them.
fn has_ascii_digit(b: &[u8]) -> bool {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        // Bytes strictly between '/' (0x2F) and ':' (0x3A), without carries
        // across bytes (the "hasbetween" bit trick).
        let t = x & (L * 127);
        if (L * (127 + 0x3A) - t) & !x & (t + L * (127 - 0x2F)) & H != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// (has an ASCII digit, may speak of centuries or millennia)
fn has_candidate(text: &str) -> (bool, bool) {
    let b = text.as_bytes();
    let digit = has_ascii_digit(b);
    let cent = CENT_FINDERS.iter().any(|f| f.find(b).is_some());
    (digit, cent)
}

/// Every date, year, decade and century `text` (one sentence) speaks of.
/// Never panics.
pub fn extract_dates(text: &str) -> TimeAnnotations {
    let (digit, cent) = has_candidate(text);
    if !digit && !cent {
        return TimeAnnotations::default();
    }
    let mut toks = Vec::with_capacity(text.len() / 5 + 4);
    tokenize(text, &mut toks);
    let mut p = Parser {
        t: text,
        k: &toks,
        out: Vec::new(),
        floor: 0,
        rej: Vec::new(),
        has_cent: cent,
    };
    p.run();
    let raws = p.out;
    build(raws)
}

fn build(mut raws: Vec<Raw>) -> TimeAnnotations {
    raws.sort_by_key(|r| (r.s, r.e));
    let mut years = Vec::new();
    let mut decades = Vec::new();
    let mut centuries = Vec::new();
    for r in &raws {
        if r.restate {
            continue;
        }
        let (f, t) = (r.from.map(|d| d.year), r.to.map(|d| d.year));
        if r.prec <= Precision::Year {
            years.extend(f);
            years.extend(t);
        }
        let (lo, hi) = match (f, t) {
            (Some(a), Some(b)) => (a.min(b), a.max(b)),
            (Some(a), None) | (None, Some(a)) => (a, a),
            (None, None) => continue,
        };
        if r.prec <= Precision::Decade {
            let (d1, d2) = (decade_of(lo), decade_of(hi));
            if (d2 as i64 - d1 as i64) / 10 + 1 > 30 {
                decades.push(d1);
                decades.push(d2);
            } else {
                let mut d = d1;
                while d <= d2 {
                    decades.push(d);
                    d += 10;
                }
            }
        }
        let (c1, c2) = (century_of(lo), century_of(hi));
        let span = (c2 as i64 - c1 as i64) + 1 - i64::from(c1 < 0 && c2 > 0);
        if span > 30 {
            centuries.push(c1);
            centuries.push(c2);
        } else {
            for c in c1..=c2 {
                if c != 0 {
                    centuries.push(c);
                }
            }
        }
    }
    for v in [&mut years, &mut decades, &mut centuries] {
        v.sort_unstable();
        v.dedup();
    }
    let mentions = raws
        .into_iter()
        .map(|r| DateMention {
            start: r.s,
            end: r.e,
            from: r.from,
            to: r.to,
            precision: r.prec,
            calendar: r.cal,
        })
        .collect();
    TimeAnnotations {
        mentions,
        years,
        decades,
        centuries,
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
