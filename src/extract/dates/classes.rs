//! Word classes.

use super::*;

pub(super) const MONTH: u32 = 1 << 0;
pub(super) const ORDW: u32 = 1 << 1;
pub(super) const TENS: u32 = 1 << 2;
pub(super) const CENT: u32 = 1 << 3;
pub(super) const MODF: u32 = 1 << 4;
pub(super) const ADMIT: u32 = 1 << 5;
pub(super) const STRONG: u32 = 1 << 6;
pub(super) const SINCE: u32 = 1 << 7;
pub(super) const UNTIL: u32 = 1 << 8;
pub(super) const OPENR: u32 = 1 << 9;
pub(super) const RCONN: u32 = 1 << 10;
pub(super) const QUANT: u32 = 1 << 11;
pub(super) const SOFTQ: u32 = 1 << 12;
pub(super) const PAGE: u32 = 1 << 13;
pub(super) const UNIT: u32 = 1 << 14;
pub(super) const TUNIT: u32 = 1 << 15;
pub(super) const MUNIT: u32 = 1 << 16;
pub(super) const SKIPM: u32 = 1 << 17;
pub(super) const CHANGE: u32 = 1 << 18;
pub(super) const YEARW: u32 = 1 << 19;
pub(super) const QOF: u32 = 1 << 20;
pub(super) const SOFTOK: u32 = 1 << 21;
pub(super) const HUNIT: u32 = 1 << 22;
pub(super) const PRESENT: u32 = 1 << 23;
pub(super) const PARTW: u32 = 1 << 24;
pub(super) const PAGE2: u32 = 1 << 25;
pub(super) const DETW: u32 = 1 << 26;

#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Lex {
    pub(super) f: u32,
    pub(super) n: u8,
}

/// FNV-1a: the lexicon is looked up for most words next to a number, and its
/// keys are short ASCII words, where SipHash costs more than the rest.
#[derive(Default, Clone, Copy)]
pub(super) struct Fnv(u64);

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

pub(super) type LexMap = HashMap<&'static [u8], Lex, std::hash::BuildHasherDefault<Fnv>>;

pub(super) static LEX: LazyLock<LexMap> = LazyLock::new(build_lex);

pub(super) fn build_lex() -> LexMap {
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

pub(super) fn lex_of(word: &str) -> Lex {
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
