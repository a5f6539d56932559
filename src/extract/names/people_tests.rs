//! People and organizations a reader would name: roles and nationalities outside the name,
//! names from many countries, well-known people, acronyms, companies, clubs, and the traps;
//! and names across a document (surnames, acronyms and short names resolved to the full one).

use super::*;
use proptest::prelude::*;

/// (sentence, persons, orgs): exactly these, in order.
const SENTENCES: &[(&str, &[&str], &[&str])] = &[
    // a nationality noun before a name is no part of it, and tells a name follows
    (
        "Spaniard Sergi Bruguera won in straight sets.",
        &["Sergi Bruguera"],
        &[],
    ),
    (
        "Swede Stefan Edberg lost in the first round.",
        &["Stefan Edberg"],
        &[],
    ),
    (
        "Dane Michael Laudrup scored twice.",
        &["Michael Laudrup"],
        &[],
    ),
    ("Turk Hakan Sukur scored.", &["Hakan Sukur"], &[]),
    (
        "Serb Predrag Mijatovic scored.",
        &["Predrag Mijatovic"],
        &[],
    ),
    // ... but a nationality that is also a name is one only before a whole name
    ("Dane Cook said the show was over.", &["Dane Cook"], &[]),
    (
        "Finn Russell kicked the winning penalty.",
        &["Finn Russell"],
        &[],
    ),
    ("Our president, Danilo Türk, spoke.", &["Danilo Türk"], &[]),
    ("The Serb Krajina was shelled.", &[], &[]),
    ("German Friend was the title of the letter.", &[], &[]),
    ("The Spaniard said he was tired.", &[], &[]),
    // a name set off by commas after a role
    (
        "A police spokesman, Femi Adebayo, said the suspects were held.",
        &["Femi Adebayo"],
        &[],
    ),
    (
        "The company's chairman, Ko Tanaka, resigned.",
        &["Ko Tanaka"],
        &[],
    ),
    (
        "\"It is over,\" said the coach, Bora Milutinovic.",
        &["Bora Milutinovic"],
        &[],
    ),
    (
        "His division commander, Brig. Gen. Rufus King, was ill.",
        &["Rufus King"],
        &[],
    ),
    ("As a lawyer, Iran was his main client.", &[], &[]),
    ("The report, Growing Together, was published.", &[], &[]),
    // a club named by a word that is also a given name, before a player's role
    (
        "Chelsea manager Ruud Gullit praised the team.",
        &["Ruud Gullit"],
        &["Chelsea"],
    ),
    // parties named by their members
    (
        "Kohl's Christian Democrats won the vote.",
        &["Kohl"],
        &["Christian Democrats"],
    ),
    (
        "The Liberal Democrats gained seats.",
        &[],
        &["Liberal Democrats"],
    ),
    ("Democrats said the bill would pass.", &[], &[]),
    // storms, holy places and treaties are named like people
    ("Hurricane Dorian devastated the Bahamas.", &[], &[]),
    ("Typhoon Haiyan hit the Philippines.", &[], &[]),
    (
        "We call for the protection of Al-Haram Al-Sharif.",
        &[],
        &[],
    ),
    ("The Torrijos-Carter Treaties were signed.", &[], &[]),
    (
        "Shaheed Benazir Bhutto was killed.",
        &["Benazir Bhutto"],
        &[],
    ),
    ("Shaheed Khan said he would run.", &["Shaheed Khan"], &[]),
    // a byline in capitals names its writer; other capitals name no one
    ("By JOHN SMITH", &["JOHN SMITH"], &[]),
    (
        "BY JANE DOE, Associated Press Writer",
        &["JANE DOE"],
        &["Associated Press"],
    ),
    ("BY THE WAY", &[], &[]),
    ("BY ORDER OF THE COUNCIL", &[], &[]),
    // well-known organizations named without a cue word
    ("Scotland Yard opened an inquiry.", &[], &["Scotland Yard"]),
    (
        "The Bundestag and the Knesset passed similar laws.",
        &[],
        &["Bundestag", "Knesset"],
    ),
    (
        "She studied at Harvard University and later at MIT.",
        &[],
        &["Harvard University", "MIT"],
    ),
    (
        "Goldman Sachs and JPMorgan Chase advised on the deal.",
        &[],
        &["Goldman Sachs", "JPMorgan Chase"],
    ),
    (
        "Doctors Without Borders withdrew its staff.",
        &[],
        &["Doctors Without Borders"],
    ),
    // initials alone are an abbreviation, not a person
    (
        "The city was founded in the third century B. C. by settlers.",
        &[],
        &[],
    ),
    ("He was born in Washington, D. C. in 1950.", &[], &[]),
    (
        "J. R. R. Tolkien wrote it in 1937.",
        &["J. R. R. Tolkien"],
        &[],
    ),
    // honorifics and party labels stay outside the name
    (
        "Mzee Nelson Mandela was released in 1990.",
        &["Nelson Mandela"],
        &[],
    ),
    (
        "Taoiseach Bertie Ahern spoke in Dublin.",
        &["Bertie Ahern"],
        &[],
    ),
    ("Democrat Barack Obama won in 2008.", &["Barack Obama"], &[]),
    (
        "Republican John McCain conceded the race.",
        &["John McCain"],
        &[],
    ),
    (
        "The Republican Party won the Senate.",
        &[],
        &["Republican Party", "Senate"],
    ),
    ("He was a Democrat all his life.", &[], &[]),
    (
        "Defender Hassan Abbas was injured in the first half.",
        &["Hassan Abbas"],
        &[],
    ),
    (
        "Midfielder Valentin Stefan was injured in the first half.",
        &["Valentin Stefan"],
        &[],
    ),
    (
        "Striker Alen Boksic was injured in the first half.",
        &["Alen Boksic"],
        &[],
    ),
    (
        "Goalkeeper Mark Cairns was injured in the first half.",
        &["Mark Cairns"],
        &[],
    ),
    (
        "Winger Daniel Herbert was injured in the first half.",
        &["Daniel Herbert"],
        &[],
    ),
    (
        "Batsman Peter Schmeichel was injured in the first half.",
        &["Peter Schmeichel"],
        &[],
    ),
    (
        "Bowler Carlos Alberto was injured in the first half.",
        &["Carlos Alberto"],
        &[],
    ),
    (
        "Quarterback Michael Owen was injured in the first half.",
        &["Michael Owen"],
        &[],
    ),
    (
        "Jockey Jonathan Trott was injured in the first half.",
        &["Jonathan Trott"],
        &[],
    ),
    (
        "Sprinter James Anderson was injured in the first half.",
        &["James Anderson"],
        &[],
    ),
    (
        "Golfer Mario Cipollini was injured in the first half.",
        &["Mario Cipollini"],
        &[],
    ),
    (
        "Cyclist Ernie Els was injured in the first half.",
        &["Ernie Els"],
        &[],
    ),
    (
        "Croat Peter Schmeichel finished third.",
        &["Peter Schmeichel"],
        &[],
    ),
    (
        "Englishman Carlos Alberto finished third.",
        &["Carlos Alberto"],
        &[],
    ),
    (
        "Queenslander Michael Owen finished third.",
        &["Michael Owen"],
        &[],
    ),
    (
        "Scotsman Jonathan Trott finished third.",
        &["Jonathan Trott"],
        &[],
    ),
    (
        "Frenchman James Anderson finished third.",
        &["James Anderson"],
        &[],
    ),
    (
        "Welshman Mario Cipollini finished third.",
        &["Mario Cipollini"],
        &[],
    ),
    ("Irishman Ernie Els finished third.", &["Ernie Els"], &[]),
    (
        "Dutchman Hassan Abbas finished third.",
        &["Hassan Abbas"],
        &[],
    ),
    (
        "Catalan Valentin Stefan finished third.",
        &["Valentin Stefan"],
        &[],
    ),
    ("Kiwi Alen Boksic finished third.", &["Alen Boksic"], &[]),
    ("Briton Mark Cairns finished third.", &["Mark Cairns"], &[]),
    (
        "Texan Daniel Herbert finished third.",
        &["Daniel Herbert"],
        &[],
    ),
    (
        "Takuya Takagi scored in the second half.",
        &["Takuya Takagi"],
        &[],
    ),
    (
        "Oleg Shatskikh scored in the second half.",
        &["Oleg Shatskikh"],
        &[],
    ),
    (
        "Nadim Ladki scored in the second half.",
        &["Nadim Ladki"],
        &[],
    ),
    (
        "Hassan Abbas scored in the second half.",
        &["Hassan Abbas"],
        &[],
    ),
    (
        "Hristo Stoichkov scored in the second half.",
        &["Hristo Stoichkov"],
        &[],
    ),
    (
        "Oleg Salenko scored in the second half.",
        &["Oleg Salenko"],
        &[],
    ),
    (
        "Wasim Akram scored in the second half.",
        &["Wasim Akram"],
        &[],
    ),
    (
        "Sachin Tendulkar scored in the second half.",
        &["Sachin Tendulkar"],
        &[],
    ),
    (
        "Jacques Villeneuve scored in the second half.",
        &["Jacques Villeneuve"],
        &[],
    ),
    (
        "Yevgeny Kafelnikov scored in the second half.",
        &["Yevgeny Kafelnikov"],
        &[],
    ),
    (
        "Goran Ivanisevic scored in the second half.",
        &["Goran Ivanisevic"],
        &[],
    ),
    (
        "Dmitry Alenichev scored in the second half.",
        &["Dmitry Alenichev"],
        &[],
    ),
    (
        "Nadim Ladki told reporters on Tuesday that talks would resume.",
        &["Nadim Ladki"],
        &[],
    ),
    (
        "Takuya Takagi told reporters on Tuesday that talks would resume.",
        &["Takuya Takagi"],
        &[],
    ),
    (
        "Mahmoud Abbas told reporters on Tuesday that talks would resume.",
        &["Mahmoud Abbas"],
        &[],
    ),
    (
        "Recep Tayyip Erdogan told reporters on Tuesday that talks would resume.",
        &["Recep Tayyip Erdogan"],
        &[],
    ),
    (
        "Jacques Chirac told reporters on Tuesday that talks would resume.",
        &["Jacques Chirac"],
        &[],
    ),
    (
        "Helmut Kohl told reporters on Tuesday that talks would resume.",
        &["Helmut Kohl"],
        &[],
    ),
    (
        "Boris Yeltsin told reporters on Tuesday that talks would resume.",
        &["Boris Yeltsin"],
        &[],
    ),
    (
        "Viktor Chernomyrdin told reporters on Tuesday that talks would resume.",
        &["Viktor Chernomyrdin"],
        &[],
    ),
    (
        "Li Peng told reporters on Tuesday that talks would resume.",
        &["Li Peng"],
        &[],
    ),
    (
        "Jiang Zemin told reporters on Tuesday that talks would resume.",
        &["Jiang Zemin"],
        &[],
    ),
    (
        "In those years Dag Hammarskjöld was everywhere.",
        &["Dag Hammarskjöld"],
        &[],
    ),
    (
        "In those years Ban Ki-moon was everywhere.",
        &["Ban Ki-moon"],
        &[],
    ),
    (
        "In those years Boutros Boutros-Ghali was everywhere.",
        &["Boutros Boutros-Ghali"],
        &[],
    ),
    ("In those years Pol Pot was everywhere.", &["Pol Pot"], &[]),
    (
        "In those years Xi Jinping was everywhere.",
        &["Xi Jinping"],
        &[],
    ),
    (
        "In those years Vaclav Havel was everywhere.",
        &["Vaclav Havel"],
        &[],
    ),
    (
        "In those years Yitzhak Rabin was everywhere.",
        &["Yitzhak Rabin"],
        &[],
    ),
    (
        "In those years Kofi Annan was everywhere.",
        &["Kofi Annan"],
        &[],
    ),
    (
        "In those years Kurt Waldheim was everywhere.",
        &["Kurt Waldheim"],
        &[],
    ),
    (
        "In those years Deng Xiaoping was everywhere.",
        &["Deng Xiaoping"],
        &[],
    ),
    (
        "In those years Ho Chi Minh was everywhere.",
        &["Ho Chi Minh"],
        &[],
    ),
    (
        "In those years Mao Zedong was everywhere.",
        &["Mao Zedong"],
        &[],
    ),
    ("Officials of the FIFA met in the morning.", &[], &["FIFA"]),
    ("Officials of the UEFA met in the morning.", &[], &["UEFA"]),
    ("Officials of the NATO met in the morning.", &[], &["NATO"]),
    ("Officials of the ECB met in the morning.", &[], &["ECB"]),
    (
        "Officials of the NYMEX met in the morning.",
        &[],
        &["NYMEX"],
    ),
    ("Officials of the BOJ met in the morning.", &[], &["BOJ"]),
    ("Officials of the IMF met in the morning.", &[], &["IMF"]),
    ("Officials of the OPEC met in the morning.", &[], &["OPEC"]),
    (
        "Officials of the UNICEF met in the morning.",
        &[],
        &["UNICEF"],
    ),
    (
        "Officials of the NASDAQ met in the morning.",
        &[],
        &["NASDAQ"],
    ),
    ("Officials of the IOC met in the morning.", &[], &["IOC"]),
    ("Officials of the EBRD met in the morning.", &[], &["EBRD"]),
    (
        "Analysts said Barrick Gold Corp would report higher profits.",
        &[],
        &["Barrick Gold Corp"],
    ),
    (
        "Analysts said Toyota Motor Corp would report higher profits.",
        &[],
        &["Toyota Motor Corp"],
    ),
    (
        "Analysts said Daimler-Benz AG would report higher profits.",
        &[],
        &["Daimler-Benz AG"],
    ),
    (
        "Analysts said Siemens AG would report higher profits.",
        &[],
        &["Siemens AG"],
    ),
    (
        "Analysts said Nestle SA would report higher profits.",
        &[],
        &["Nestle SA"],
    ),
    (
        "Analysts said Vodafone Group Plc would report higher profits.",
        &[],
        &["Vodafone Group Plc"],
    ),
    (
        "Analysts said Volkswagen AG would report higher profits.",
        &[],
        &["Volkswagen AG"],
    ),
    (
        "Analysts said Allianz AG would report higher profits.",
        &[],
        &["Allianz AG"],
    ),
    (
        "Analysts said Philips NV would report higher profits.",
        &[],
        &["Philips NV"],
    ),
    (
        "Analysts said Bayer AG would report higher profits.",
        &[],
        &["Bayer AG"],
    ),
    (
        "Analysts said Sony Corp would report higher profits.",
        &[],
        &["Sony Corp"],
    ),
    (
        "Analysts said Deutsche Telekom AG would report higher profits.",
        &[],
        &["Deutsche Telekom AG"],
    ),
    ("Shares of Newmont fell 2 percent.", &[], &["Newmont"]),
    ("Shares of Placer fell 2 percent.", &[], &["Placer"]),
    ("Shares of Barrick fell 2 percent.", &[], &["Barrick"]),
    ("Shares of Kmart fell 2 percent.", &[], &["Kmart"]),
    ("Shares of Woolworth fell 2 percent.", &[], &["Woolworth"]),
    ("Shares of Chrysler fell 2 percent.", &[], &["Chrysler"]),
    ("Toyota shares rose in early trade.", &[], &["Toyota"]),
    ("Honda shares rose in early trade.", &[], &["Honda"]),
    ("Nissan shares rose in early trade.", &[], &["Nissan"]),
    ("Boeing shares rose in early trade.", &[], &["Boeing"]),
    ("Intel shares rose in early trade.", &[], &["Intel"]),
    ("Microsoft shares rose in early trade.", &[], &["Microsoft"]),
    (
        "Barcelona beat Valencia 2-1 on Saturday.",
        &[],
        &["Barcelona", "Valencia"],
    ),
    (
        "Liverpool beat Arsenal 2-1 on Saturday.",
        &[],
        &["Liverpool", "Arsenal"],
    ),
    (
        "Juventus beat Parma 2-1 on Saturday.",
        &[],
        &["Juventus", "Parma"],
    ),
    (
        "Bayern beat Hamburg 2-1 on Saturday.",
        &[],
        &["Bayern", "Hamburg"],
    ),
    (
        "Ajax beat Feyenoord 2-1 on Saturday.",
        &[],
        &["Ajax", "Feyenoord"],
    ),
    (
        "Celtic beat Rangers 2-1 on Saturday.",
        &[],
        &["Celtic", "Rangers"],
    ),
    ("Plymouth 4 Exeter 1", &[], &["Plymouth", "Exeter"]),
    ("Leeds 4 Everton 1", &[], &["Leeds", "Everton"]),
    ("Chelsea 4 Southampton 1", &[], &["Chelsea", "Southampton"]),
    ("Bristol 4 Walsall 1", &[], &["Bristol", "Walsall"]),
    ("CSKA Moscow lost at home.", &[], &["CSKA Moscow"]),
    ("PSV Eindhoven lost at home.", &[], &["PSV Eindhoven"]),
    ("AEK Athens lost at home.", &[], &["AEK Athens"]),
    ("CSKA Sofia lost at home.", &[], &["CSKA Sofia"]),
    (
        "Russ Berrie and Co Inc said on Monday it had cut jobs.",
        &[],
        &["Russ Berrie and Co Inc"],
    ),
    (
        "Procter and Gamble Co said on Monday it had cut jobs.",
        &[],
        &["Procter and Gamble Co"],
    ),
    (
        "Smith and Wesson Co said on Monday it had cut jobs.",
        &[],
        &["Smith and Wesson Co"],
    ),
    ("The Dallas Cowboys won again.", &[], &["Dallas Cowboys"]),
    (
        "The Green Bay Packers won again.",
        &[],
        &["Green Bay Packers"],
    ),
    (
        "The New York Yankees won again.",
        &[],
        &["New York Yankees"],
    ),
    ("The Chicago Bulls won again.", &[], &["Chicago Bulls"]),
    (
        "The Los Angeles Lakers won again.",
        &[],
        &["Los Angeles Lakers"],
    ),
    (
        "The Toronto Maple Leafs won again.",
        &[],
        &["Toronto Maple Leafs"],
    ),
    ("The Virginia Tech won again.", &[], &["Virginia Tech"]),
    ("The Georgia Tech won again.", &[], &["Georgia Tech"]),
    ("The Texas Tech won again.", &[], &["Texas Tech"]),
    ("The Boston Celtics won again.", &[], &["Boston Celtics"]),
    (
        "Georgia O'Keeffe painted flowers.",
        &["Georgia O'Keeffe"],
        &[],
    ),
    ("Paris Hilton sang badly.", &["Paris Hilton"], &[]),
    ("The winners of Group A went through.", &[], &[]),
    ("The winners of Group B went through.", &[], &[]),
    ("The winners of Group C went through.", &[], &[]),
    ("The winners of Division 2 went through.", &[], &[]),
    ("However, the team lost.", &[], &[]),
    ("Nevertheless, talks went on.", &[], &[]),
    ("Meanwhile, prices rose.", &[], &[]),
    ("Yesterday, the talks resumed.", &[], &[]),
    ("Still, the Government acted.", &[], &[]),
    ("Later, everyone left.", &[], &[]),
    // a name after a verb of leading and "by", though its given name is in no list
    (
        "The council, led by Syngman Rhee, met in Seoul.",
        &["Syngman Rhee"],
        &[],
    ),
    (
        "The design team headed by Gunpei Yokoi built the console.",
        &["Gunpei Yokoi"],
        &[],
    ),
    (
        "The army was commanded by Peng Dehuai.",
        &["Peng Dehuai"],
        &[],
    ),
    // ... but not a party or a company that is known or has its cue
    ("The government is led by Fine Gael.", &[], &["Fine Gael"]),
    (
        "The group was founded by Orfield Labs.",
        &[],
        &["Orfield Labs"],
    ),
    // a name set off by commas after an office written with a capital
    (
        "The country had a tense relationship with its founding President, Syngman Rhee.",
        &["Syngman Rhee"],
        &[],
    ),
    (
        "In a speech that April, Iran's then President, Bani-Sadr, boasted of victory.",
        &["Bani-Sadr"],
        &[],
    ),
    // ... not after any title: a card game's other names
    (
        "The game is also known as Chase the Lady, Crubs, Black Queen and Black Maria.",
        &[],
        &[],
    ),
    // a firm that speaks of its own chairman
    (
        "In Paris, Alcatel Alsthom said its chairman would resign.",
        &[],
        &["Alcatel Alsthom"],
    ),
    ("John Smith said it was over.", &["John Smith"], &[]),
    ("My Government expresses its concern.", &[], &[]),
    // cricket's results by their margin
    (
        "Lancashire beat Yorkshire by five wickets in the semifinal.",
        &[],
        &["Lancashire", "Yorkshire"],
    ),
    ("Kent beat Surrey by 27 runs.", &[], &["Kent", "Surrey"]),
    ("England won the Fourth Test by three wickets.", &[], &[]),
    // ... and football's by a score before "win over"
    (
        "Ajax opened with a 3-0 home win over NAC Breda on Thursday.",
        &[],
        &["Ajax", "NAC Breda"],
    ),
    // companies by the word that says what they make
    (
        "Sun Microsystems released Java.",
        &[],
        &["Sun Microsystems"],
    ),
    ("Raven Software made the game.", &[], &["Raven Software"]),
];

fn of_kind(hits: &[NameHit], kind: NameKind) -> Vec<&str> {
    hits.iter()
        .filter(|h| h.kind == kind)
        .map(|h| h.text.as_str())
        .collect()
}

/// A table of (sentence, people, organizations) as found one sentence at a time: the
/// sentences whose names differ, each with what was found.
pub(super) fn wrong_sentences(table: &[(&str, &[&str], &[&str])]) -> Vec<String> {
    let mut bad = Vec::new();
    for &(s, persons, orgs) in table {
        let hits = find_names(s);
        let (p, o) = (
            of_kind(&hits, NameKind::Person),
            of_kind(&hits, NameKind::Org),
        );
        if p != persons || o != orgs {
            bad.push(format!("{s:?}: persons {p:?} orgs {o:?}"));
        }
    }
    bad
}

/// Fails with every wrong line of the table and how many there were.
pub(super) fn assert_all_right(bad: &[String], of: usize) {
    assert!(
        bad.is_empty(),
        "{} of {} wrong:\n{}",
        bad.len(),
        of,
        bad.join("\n")
    );
}

#[test]
fn sentence_table() {
    assert_all_right(&wrong_sentences(SENTENCES), SENTENCES.len());
}

/// (document, sentence, text, canonical): the hit of that text in that sentence of the
/// document stands for `canonical` (`None`: it is found but stands for itself, or `""`:
/// no hit of that text at all).
pub(super) type DocCase = (
    &'static [&'static str],
    usize,
    &'static str,
    Option<&'static str>,
);
const DOCUMENTS: &[DocCase] = &[
    // a family name written first stands for the person once the full name is met
    (
        &[
            "Chinese premier Zhou Enlai criticized the plan.",
            "Later, Zhou briefed Soviet advisers.",
        ],
        1,
        "Zhou",
        Some("Zhou Enlai"),
    ),
    (
        &[
            "The commander Peng Dehuai arrived at the front.",
            "Peng agreed to support the plan.",
        ],
        1,
        "Peng",
        Some("Peng Dehuai"),
    ),
    (
        &[
            "Chinese Premier Li Peng will visit Kazakhstan.",
            "Li will hold talks on trade.",
        ],
        1,
        "Li",
        Some("Li Peng"),
    ),
    // a given name alone is nobody's in particular
    (
        &["Angela Merkel met the press.", "Angela said nothing."],
        1,
        "Angela",
        None,
    ),
    // a dateline's place in capitals is no club the story names
    (
        &[
            "SOCCER - NEWCASTLE SIGN SHEARER FOR RECORD FEE",
            "NEWCASTLE 1996-08-24",
            "Newcastle United completed the signing of England striker Alan Shearer on Saturday.",
            "Newcastle manager Kevin Keegan said he was pleased.",
        ],
        1,
        "NEWCASTLE",
        Some(""),
    ),
    (
        &[
            "SOCCER - NEWCASTLE SIGN SHEARER FOR RECORD FEE",
            "NEWCASTLE 1996-08-24",
            "Newcastle United completed the signing of England striker Alan Shearer on Saturday.",
        ],
        0,
        "SHEARER",
        Some("Alan Shearer"),
    ),
    // an Arabic surname without its article
    (
        &[
            "His deputy, Abdel-Aziz al-Rantissi, was freed.",
            "Rantissi told supporters the struggle would go on.",
        ],
        1,
        "Rantissi",
        Some("Abdel-Aziz al-Rantissi"),
    ),
    // a company's first word after a word that says what it makes
    (
        &[
            "Sun Microsystems released Java in 1995.",
            "Sun later dropped the product.",
        ],
        1,
        "Sun",
        Some("Sun Microsystems"),
    ),
    (
        &[
            "Brian Lara scored 120.",
            "Lara, who scored 75, was out later.",
        ],
        1,
        "Lara",
        Some("Brian Lara"),
    ),
    (
        &[
            "Angela Merkel met Emmanuel Macron in Paris.",
            "Merkel and Macron agreed on a plan.",
        ],
        1,
        "Merkel",
        Some("Angela Merkel"),
    ),
    (
        &[
            "Angela Merkel met Emmanuel Macron in Paris.",
            "Merkel and Macron agreed on a plan.",
        ],
        1,
        "Macron",
        Some("Emmanuel Macron"),
    ),
    (
        &[
            "Lech Walesa led the strikes.",
            "Walesa later won the election.",
        ],
        1,
        "Walesa",
        Some("Lech Walesa"),
    ),
    (
        &["Nelson Mandela arrived.", "Mandela left on Friday."],
        1,
        "Mandela",
        Some("Nelson Mandela"),
    ),
    (
        &["Nelson Mandela arrived.", "Mandela's visit ended."],
        1,
        "Mandela",
        Some("Nelson Mandela"),
    ),
    (
        &[
            "Xi Jinping arrived in Moscow.",
            "Xi said relations were good.",
        ],
        1,
        "Xi",
        Some("Xi Jinping"),
    ),
    (
        &[
            "Boutros Boutros-Ghali spoke first.",
            "Boutros-Ghali then left.",
        ],
        1,
        "Boutros-Ghali",
        Some("Boutros Boutros-Ghali"),
    ),
    (
        &["Dag Hammarskjöld died in 1961.", "Hammarskjöld was dead."],
        1,
        "Hammarskjöld",
        Some("Dag Hammarskjöld"),
    ),
    (
        &[
            "Foreign Minister Elmar Mammadyarov arrived.",
            "Mammadyarov said talks went well.",
        ],
        1,
        "Mammadyarov",
        Some("Elmar Mammadyarov"),
    ),
    (
        &["Defender Hassan Abbas was booked.", "Abbas left the field."],
        1,
        "Abbas",
        Some("Hassan Abbas"),
    ),
    (
        &[
            "Takuya Takagi said the team lost.",
            "Takagi blamed the referee.",
        ],
        1,
        "Takagi",
        Some("Takuya Takagi"),
    ),
    (
        &[
            "The World Health Organization (WHO) said on Monday.",
            "WHO experts arrived.",
        ],
        1,
        "WHO",
        Some("World Health Organization"),
    ),
    (
        &["The World Health Organization (WHO) said on Monday."],
        0,
        "WHO",
        Some("World Health Organization"),
    ),
    (
        &[
            "The North Atlantic Treaty Organization (NATO) met.",
            "NATO troops left.",
        ],
        1,
        "NATO",
        Some("North Atlantic Treaty Organization"),
    ),
    (
        &[
            "The European Central Bank (ECB) kept rates.",
            "The ECB said inflation was low.",
        ],
        1,
        "ECB",
        Some("European Central Bank"),
    ),
    (
        &[
            "Toyota Motor Corp said profits rose.",
            "Toyota shares fell.",
        ],
        1,
        "Toyota",
        Some("Toyota Motor Corp"),
    ),
    (
        &["Barrick Gold Corp rose.", "Barrick said output grew."],
        1,
        "Barrick",
        Some("Barrick Gold Corp"),
    ),
    (
        &[
            "Shares of Newmont Mining Corp fell.",
            "Newmont said output grew.",
        ],
        1,
        "Newmont",
        Some("Newmont Mining Corp"),
    ),
    (
        &["Siemens AG reported results.", "Siemens said orders rose."],
        1,
        "Siemens",
        Some("Siemens AG"),
    ),
    // Two full names share the surname: it stands for neither.
    (
        &["George Bush met Laura Bush.", "Bush spoke."],
        1,
        "Bush",
        Some(""),
    ),
    (
        &["Hassan Abbas met Mahmoud Abbas.", "Abbas spoke."],
        1,
        "Abbas",
        Some(""),
    ),
    // … unless the story names one of them in full three times as often as any other.
    (
        &[
            "Carl Menger founded the Austrian school.",
            "Carl Menger taught in Vienna for decades.",
            "Carl Menger wrote the Principles of Economics.",
            "His son Karl Menger became a mathematician.",
            "Menger retired in 1903.",
        ],
        4,
        "Menger",
        Some("Carl Menger"),
    ),
    (
        &[
            "Carl Menger founded the Austrian school.",
            "Carl Menger taught in Vienna for decades.",
            "His son Karl Menger became a mathematician.",
            "Menger retired in 1903.",
        ],
        3,
        "Menger",
        Some(""),
    ),
    // Only a name met earlier counts.
    (
        &["Lara, who scored 75, was out.", "Brian Lara was out."],
        0,
        "Lara",
        Some(""),
    ),
    // Inside a longer name it is another name.
    (
        &["Brian Lara scored.", "Lara Croft is a game."],
        1,
        "Lara",
        Some(""),
    ),
    (
        &["Brian Lara scored.", "the lara is no name."],
        1,
        "lara",
        Some(""),
    ),
    // A full name stands for itself.
    (
        &["Brian Lara scored.", "Brian Lara was out."],
        1,
        "Brian Lara",
        None,
    ),
    // Acronym letters must start as the long form does.
    (
        &[
            "Scientific and Cultural Organization (UNESCO) met.",
            "UNESCO agreed.",
        ],
        1,
        "UNESCO",
        None,
    ),
];

/// The cases of a document table whose hit is not what the table says, each with the hit.
pub(super) fn wrong_documents(table: &[DocCase]) -> Vec<String> {
    let mut bad = Vec::new();
    for &(doc, n, text, want) in table {
        let hits = find_names_in_document(doc);
        let got = hits[n].iter().find(|h| h.text == text);
        let ok = match (want, got) {
            (Some(""), None) => true,
            (Some(c), Some(h)) if !c.is_empty() => {
                h.name.as_deref() == Some(c) && h.key == fold_name(c)
            }
            (None, Some(h)) => h.name.is_none() && h.key == fold_name(&h.text),
            _ => false,
        };
        if !ok {
            bad.push(format!("{doc:?}[{n}] {text:?}: {got:?}"));
        }
    }
    bad
}

#[test]
fn document_table() {
    assert_all_right(&wrong_documents(DOCUMENTS), DOCUMENTS.len());
}

#[test]
fn document_entry_agrees_with_sentences_on_spans() {
    let doc = [
        "Brian Lara scored.",
        "Lara, who scored 75, was out.",
        "WHO met.",
    ];
    for (s, hits) in doc.iter().zip(find_names_in_document(&doc)) {
        for h in hits {
            assert_eq!(&s[h.start..h.end], h.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn document_entry_never_panics_and_spans_are_on_boundaries(
        doc in proptest::collection::vec("([A-Z][a-zé]{0,6}|[A-Z]{2,4}|[a-z]{1,5}|[ ,.()'’-]|\\d{1,2}|Ö){0,24}", 0..6)
    ) {
        let refs: Vec<&str> = doc.iter().map(String::as_str).collect();
        let out = find_names_in_document(&refs);
        prop_assert_eq!(out.len(), refs.len());
        for (s, hits) in refs.iter().zip(out) {
            for h in hits {
                prop_assert!(s.is_char_boundary(h.start) && s.is_char_boundary(h.end) && h.start < h.end);
                prop_assert_eq!(&s[h.start..h.end], h.text.as_str());
            }
        }
    }
}

/// Two-word names whose given name is from outside the US lists, with no verb or title
/// around them: the given name alone makes them people.
const WORLD_NAMES: &[&str] = &[
    "Takuya Takagi",
    "Oleg Shatskikh",
    "Nadim Ladki",
    "Hristo Stoichkov",
    "Wasim Akram",
    "Todor Zhivkov",
    "Kjell Bondevik",
    "Mogens Lykketoft",
    "Koichiro Matsuura",
    "Vaclav Klaus",
    "Yitzhak Shamir",
    "Dag Hammarskjöld",
];

#[test]
fn world_given_names_open_a_name() {
    for n in WORLD_NAMES {
        let s = format!("The talks between {n} and the delegation ended early.");
        let hits = find_names(&s);
        assert_eq!(of_kind(&hits, NameKind::Person), [*n], "{s}");
    }
}

/// Headlines and bylines in capitals, and things that are no people.
const CAPITALS_AND_THINGS: &[(&str, &[&str], &[&str])] = &[
    ("EASTERN CONFERENCE standings were published.", &[], &[]),
    ("WESTERN DIVISION results follow.", &[], &[]),
    (
        "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.",
        &[],
        &[],
    ),
    ("TENNIS - NATO LEADERS MEET IN BRUSSELS.", &[], &["NATO"]),
    // short words in capitals are the headline's too; a team's nickname in it is no cue
    ("BASEBALL - ORIOLES WIN AS RIPKEN HOMERS .", &[], &[]),
    (
        "SUCCESSFULLY GUIDE THE ASSEMBLY TO LIVE UP TO ITS COMMITMENTS.",
        &[],
        &[],
    ),
    (
        "ESSENTIAL FOR THE UN SECURITY COUNCIL TO TAKE A PROACTIVE ROLE",
        &[],
        &["UN"],
    ),
    (
        "Nadim Ladki AL-AIN , United Arab Emirates 1996-12-06.",
        &["Nadim Ladki"],
        &[],
    ),
    ("Takuya Takagi TOKYO 1996-08-22", &["Takuya Takagi"], &[]),
    ("The Code Napoléon was adopted.", &[], &[]),
    ("The Paris Commune fell in 1871.", &[], &[]),
    (
        "He gave the Nelson Mandela Annual Lecture in 2010.",
        &[],
        &[],
    ),
    ("We thank the Almighty for this.", &[], &[]),
    (
        "The Rotary Club of Houston on Friday gave an award.",
        &[],
        &["Rotary Club of Houston"],
    ),
];

#[test]
fn capitals_and_things_table() {
    assert_all_right(
        &wrong_sentences(CAPITALS_AND_THINGS),
        CAPITALS_AND_THINGS.len(),
    );
}
