//! Table tests written from news copy as wire services and local papers write it: mini
//! documents whose places must resolve together (qualifiers, datelines, the document's
//! states), towns named like countries, display names and positions, people's names that
//! open with a place, and the traps that must stay no place. Expectations are
//! `text=CC` for a country or a place outside the known divisions, `text=CC-XX` for a place
//! with its first-level division.

use super::*;

fn label(s: &str, h: &PlaceHit) -> String {
    let text = &s[h.start..h.end];
    match &h.region {
        Some((code, _)) if h.kind == PlaceKind::Place => format!("{text}={code}"),
        _ => format!("{text}={}", h.code),
    }
}

/// Runs each mini document (sentences joined by " | ") and compares the labels of all its
/// hits, in order of the sentences.
fn check_docs(table: &[(&str, &str)]) {
    let mut bad = Vec::new();
    for &(doc, want) in table {
        let sentences: Vec<&str> = doc.split(" | ").collect();
        let hits = find_places_in_document(&sentences, &[]);
        let got: Vec<String> = sentences
            .iter()
            .zip(&hits)
            .flat_map(|(s, hs)| hs.iter().map(|h| label(s, h)).collect::<Vec<_>>())
            .collect();
        let want: Vec<String> = want
            .split("; ")
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if got != want {
            bad.push(format!("{doc:?}:\n   got {got:?}\n  want {want:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Homonyms resolved by what the text says next to them or elsewhere in the story.
const HOMONYMS: &[(&str, &str)] = &[
    // a town named like a word, read with its qualifier
    (
        "He flew to his club in Palm Beach, Florida.",
        "Palm Beach=US-FL; Florida=US-FL",
    ),
    // a state of another country than any reading's: no reading ("Toowoomba" is known only
    // in Queensland); a country after the comma is no such state
    ("He flew to Toowoomba, Florida.", "Florida=US-FL"),
    (
        "Tbilisi, Georgia hosted the talks. | Flights left Miami, Texas and California. | Travelers were bound for Heathrow, Tokyo and Paris.",
        "Tbilisi=GE; Georgia=GE; Miami=US-FL; Texas=US-TX; California=US-CA; Heathrow=GB; Tokyo=JP; Paris=FR",
    ),
    (
        "The band formed in Athens, Georgia, in 1980. | Athens clubs gave them their first shows.",
        "Athens=US-GA; Georgia=US-GA; Athens=US-GA",
    ),
    (
        "Storms knocked out power in Atlanta and Macon. | In Athens, schools closed early.",
        "Atlanta=US-GA; Macon=US-GA; Athens=US-GA",
    ),
    (
        "Tourists crowded the Acropolis in Athens. | Greek officials welcomed them.",
        "Athens=GR; Greek=GR",
    ),
    (
        "The plant in Lebanon, Ohio, will close. | Workers there were told on Friday.",
        "Lebanon=US-OH; Ohio=US-OH",
    ),
    (
        "Israel struck targets in southern Lebanon. | The United States urged restraint.",
        "Israel=IL; Lebanon=LB; United States=US",
    ),
    (
        "He grew up in Mexico, Missouri, a small town north of Columbia.",
        "Mexico=US-MO; Missouri=US-MO; Columbia=US-MO",
    ),
    (
        "The university in London, Ontario, hired her. | She had studied in Toronto.",
        "London=CA-ON; Ontario=CA-ON; Toronto=CA-ON",
    ),
    (
        "Police in Surrey, B.C., arrested a man. | Vancouver police assisted.",
        "Surrey=CA-BC; B.C.=CA-BC; Vancouver=CA-BC",
    ),
    ("Lakes in Surrey flooded after the rain.", "Surrey=GB"),
    ("Delegates met in Geneva to discuss the truce.", "Geneva=CH"),
    (
        "The firm moved from Dublin, Ohio, to Columbus.",
        "Dublin=US-OH; Ohio=US-OH; Columbus=US-OH",
    ),
];

/// Abbreviations of states and provinces as the AP and the Canadian Press write them, and
/// postal codes after a comma.
const ABBREVIATIONS: &[(&str, &str)] = &[
    (
        "The coal company is based in Charleston, W.Va., and employs 400.",
        "Charleston=US-WV; W.Va.=US-WV",
    ),
    (
        "A fire destroyed a barn near Bowling Green, Ky.",
        "Bowling Green=US-KY; Ky.=US-KY",
    ),
    (
        "She was raised in Melville, Sask., on a farm.",
        "Melville=CA-SK; Sask.=CA-SK",
    ),
    (
        "He opened a bakery in Austin, TX last spring.",
        "Austin=US-TX; TX=US-TX",
    ),
    (
        "The council of Moncton, N.B., voted no.",
        "Moncton=CA-NB; N.B.=CA-NB",
    ),
    (
        "Firefighters in Hagerstown, Md., contained the blaze.",
        "Hagerstown=US-MD; Md.=US-MD",
    ),
    (
        "The team flew to Spokane, Wash., for the final.",
        "Spokane=US-WA; Wash.=US-WA",
    ),
    (
        "Voters in Greenville, S.C., waited for hours.",
        "Greenville=US-SC; S.C.=US-SC",
    ),
];

/// Datelines as wire copy opens a story, with and without the dash a copy may lose.
const DATELINES: &[(&str, &str)] = &[
    (
        "CHARLESTON, W.Va. (AP) — A mine explosion killed four workers.",
        "CHARLESTON=US-WV; W.Va.=US-WV",
    ),
    (
        "WASHINGTON Barack Obama said on Monday that the talks would go on.",
        "WASHINGTON=US-DC",
    ),
    (
        "NAIROBI (Reuters) - Kenyan police fired tear gas at protesters.",
        "NAIROBI=KE; Kenyan=KE",
    ),
    (
        "ISTANBUL — Turkish officials denied the report.",
        "ISTANBUL=TR; Turkish=TR",
    ),
    // a person of the same name elsewhere in the story does not take the dateline's place
    (
        "FLORENCE, S.C. (AP) — Two years after Hurricane Florence, homes stand empty. | \"We were promised help,\" said Florence Gaskins, 71.",
        "FLORENCE=US-SC; S.C.=US-SC",
    ),
    // a run in capitals before a lowercase word is no dateline
    ("BAKU is the largest city on the Caspian.", ""),
    ("THE STORY of a town.", ""),
];

/// A place before a title, or with its qualifier, is a place even where a name was read.
const PEOPLE_AND_PLACES: &[(&str, &str)] = &[
    (
        "Montreal Mayor Valerie Plante opened the station.",
        "Montreal=CA-QC",
    ),
    (
        "California Governor Gavin Newsom signed the law.",
        "California=US-CA",
    ),
    (
        "AUSTIN, Texas A white pickup truck hit the gate.",
        "AUSTIN=US-TX; Texas=US-TX",
    ),
    // "America" the continent is no mention of the United States
    ("Spanish ships reached America in 1492.", "Spanish=ES"),
    ("The discovery of America changed Europe.", ""),
    ("Europeans began the conquest of America.", ""),
    ("America voted on Tuesday.", "America=US"),
];

/// Country names of other times and institutions.
const OLD_NAMES: &[(&str, &str)] = &[
    (
        "The representative of Viet-Nam took the floor.",
        "Viet-Nam=VN",
    ),
    (
        "Argentina renewed its claim to the Malvinas.",
        "Argentina=AR; Malvinas=FK",
    ),
    (
        "Britain sent a fleet to the Falklands.",
        "Britain=GB; Falklands=FK",
    ),
    (
        "Zaire and Upper Volta abstained; Dahomey voted in favour.",
        "Zaire=CD; Upper Volta=BF; Dahomey=BJ",
    ),
    ("Troops left Kampuchea in 1989.", "Kampuchea=KH"),
    (
        "The Organization of American States met in Quito.",
        "Quito=EC",
    ),
    ("The summit opened in Addis Abeba.", "Addis Abeba=ET"),
];

/// Traps: names and words that must stay no place.
const TRAPS: &[(&str, &str)] = &[
    ("Paris Hilton attended the gala.", ""),
    ("Jordan Peterson spoke at the event.", ""),
    ("Georgia O'Keeffe painted the desert.", ""),
    ("Georgia Tech won the game.", ""),
    ("Mobile phones were banned in class.", ""),
    ("Hope and Faith are her daughters.", ""),
    ("The Duke of Wellington led the army.", ""),
    ("The story of Atlantis is a myth.", ""),
    // a town named like a country is no reading without a qualifier
    (
        "Lebanon and Syria signed the accord.",
        "Lebanon=LB; Syria=SY",
    ),
    ("Peru exports copper.", "Peru=PE"),
];

#[test]
fn homonyms_by_qualifier_and_document() {
    check_docs(HOMONYMS);
}

#[test]
fn postal_and_agency_abbreviations() {
    check_docs(ABBREVIATIONS);
}

#[test]
fn datelines_in_capitals() {
    check_docs(DATELINES);
}

#[test]
fn places_before_titles_and_the_continent() {
    check_docs(PEOPLE_AND_PLACES);
}

#[test]
fn country_names_of_other_times() {
    check_docs(OLD_NAMES);
}

#[test]
fn news_traps_stay_no_place() {
    check_docs(TRAPS);
}

#[test]
fn places_show_english_names_and_carry_their_position() {
    let cases = [
        ("Talks resumed in Geneva.", "Geneva", "Geneva"),
        ("Farmers in Attica protested.", "Attica", "Attica"),
        ("Ruins were found near Megara.", "Megara", "Megara"),
        ("Traffic stalled in Montréal.", "Montréal", "Montreal"),
    ];
    for (s, text, name) in cases {
        let hits = find_places(s, &[]);
        let h = hits
            .iter()
            .find(|h| &s[h.start..h.end] == text)
            .unwrap_or_else(|| panic!("{s}: {hits:?}"));
        assert_eq!(h.name, name, "{s}");
    }
    let hits = find_places("He lives in Bowling Green, Ky.", &[]);
    let geo = hits[0].geo.expect("Bowling Green has a GeoNames id");
    assert_eq!(geo.geonames_id, 4285268);
    let (lat, lon) = geo.lat_lon.expect("and a position");
    assert!(
        (lat - 36.99).abs() < 0.05 && (lon + 86.44).abs() < 0.05,
        "{geo:?}"
    );
    // countries carry no position of their own
    assert!(find_places("Kenya voted.", &[])[0].geo.is_none());
}

#[test]
fn a_place_is_taken_out_of_the_person_it_opens() {
    let cases: [(&str, (usize, usize), Option<&str>); 5] = [
        (
            "Montreal Mayor Valerie Plante spoke.",
            (0, 29),
            Some("Valerie Plante"),
        ),
        (
            "WASHINGTON Barack Obama said so.",
            (0, 23),
            Some("Barack Obama"),
        ),
        ("AUSTIN, Texas A white truck.", (8, 15), None),
        ("The summit opened in Addis Abeba.", (21, 32), None),
        ("Jordan Peterson spoke.", (0, 15), Some("Jordan Peterson")),
    ];
    for (s, span, want) in cases {
        let places = find_places(s, &[span]);
        let got = person_without_place(s, span, &places).map(|(a, b)| &s[a..b]);
        assert_eq!(got, want, "{s}: {places:?}");
    }
}

/// Towns named like a word or a person, read only with a qualifier or a dateline; small towns
/// read by the state the rest of the story lies in; the qualifier a place too.
const SUPPORTED_TOWNS: &[(&str, &str)] = &[
    (
        "A turkey farm near Mobile, Ala., was hit by bird flu.",
        "Mobile=US-AL; Ala.=US-AL",
    ),
    ("Mobile phones are banned in class.", ""),
    (
        "JACKSON, Miss. (AP) — The governor signed the bill.",
        "JACKSON=US-MS; Miss.=US-MS",
    ),
    ("Jackson said the bill was fair.", ""),
    (
        "Deputies searched as far as Hugo, Okla., on Sunday.",
        "Hugo=US-OK; Okla.=US-OK",
    ),
    ("Hugo scored twice on Sunday.", ""),
    ("Hope and Faith, his daughters, were not home.", ""),
    (
        "The film festival in Nice, France, opened.",
        "Nice=FR; France=FR",
    ),
    ("It was a nice day in town.", ""),
    (
        "LAFAYETTE, La. — A man was arrested. | The chase ended near Breaux Bridge. | He was booked into the jail in St. Martinville.",
        "LAFAYETTE=US-LA; La.=US-LA; Breaux Bridge=US-LA; St. Martinville=US-LA",
    ),
    // no state in the story, no small town
    ("The chase ended near Breaux Bridge.", ""),
    // a town named like a person needs its own qualifier, or a story datelined in its state
    // that says something is there
    (
        "LEBANON, Ohio — The fair opened. | Firefighters from Mason helped.",
        "LEBANON=US-OH; Ohio=US-OH; Mason=US-OH",
    ),
    (
        "LEBANON, Ohio — The fair opened. | Mason said the rides were safe.",
        "LEBANON=US-OH; Ohio=US-OH",
    ),
    (
        "The fair opened in Ohio. | Firefighters from Mason helped.",
        "Ohio=US-OH",
    ),
    (
        "ALBANY, Ga. — The board voted. | Macon and Savannah schools faced similar cuts.",
        "ALBANY=US-GA; Ga.=US-GA; Macon=US-GA; Savannah=US-GA",
    ),
    (
        "TULSA, Okla. (AP) — Roads closed. | The weather service in Norman said more rain was due.",
        "TULSA=US-OK; Okla.=US-OK; Norman=US-OK",
    ),
    (
        "TULSA, Okla. (AP) — Roads closed. | Norman Smith said more rain was due.",
        "TULSA=US-OK; Okla.=US-OK",
    ),
    (
        "ALTOONA, Pa. — A woman was charged. | She stole from a church in Tyrone.",
        "ALTOONA=US-PA; Pa.=US-PA; Tyrone=US-PA",
    ),
    (
        "MUNCIE, Ind. — A jury on Thursday convicted a Yorktown man of burglary.",
        "MUNCIE=US-IN; Ind.=US-IN; Yorktown=US-IN",
    ),
    (
        "MOBILE, Ala. — It was cold. | The low in August was 50 degrees.",
        "MOBILE=US-AL; Ala.=US-AL",
    ),
    (
        "PORTLAND, Maine — Prices fell. | Fishermen in Bar Harbor said the catch was good.",
        "PORTLAND=US-ME; Maine=US-ME; Bar Harbor=US-ME",
    ),
    // the state the document's names agree on, without a dateline
    (
        "High winds tore roofs off homes in Branson and Hollister. | Taney County officials \
         opened a shelter in Forsyth.",
        "Branson=US-MO; Hollister=US-MO; Taney County=US-MO; Forsyth=US-MO",
    ),
    (
        "We are present in Afghanistan, South Lebanon and Timor-Leste. | Alliance members met \
         in Lisbon.",
        "Afghanistan=AF; Timor-Leste=TL; Lisbon=PT",
    ),
    (
        "The Israelites lived in Goshen. | Moses went up Mount Sinai. | The painting hangs in \
         New York.",
        // (Goshen, Indiana, is big enough to be read alone; Mount Sinai, New York, is not)
        "Goshen=US-IN; New York=US-NY",
    ),
    (
        "Ealdred was Abbot of Tavistock and Bishop of Worcester. | He went to York and London.",
        "Worcester=GB; York=GB; London=GB",
    ),
    (
        "A man was found near London, Ky., on Friday.",
        "London=US-KY; Ky.=US-KY",
    ),
    // such a name inside a longer one, or heading a speech in capitals, is no town
    (
        "He received his PhD from Vanderbilt University, United States.",
        "United States=US",
    ),
    ("REFORM OF THE FINANCIAL ARCHITECTURE", ""),
    // a town by what the sentence calls it
    (
        "Floods killed 40 people in the coastal city of Santos.",
        "Santos=BR",
    ),
    ("Santos scored twice.", ""),
    (
        "The mayor of the village of Cottonport resigned.",
        "Cottonport=US-LA",
    ),
    ("Cottonport resigned.", ""),
    // a city's own name, not another's rare other name
    (
        "Rio de Janeiro state declared an emergency in Petropolis.",
        "Rio de Janeiro=BR; Petropolis=BR",
    ),
    // a story datelined in a state reads a namesake there against a famous one abroad
    (
        "TUPELO, Miss. — The birthplace drew visitors. | A tornado damaged homes in Pontotoc and Oxford.",
        "TUPELO=US-MS; Miss.=US-MS; Pontotoc=US-MS; Oxford=US-MS",
    ),
    (
        "BURLINGTON, Vt. — The council voted. | Chittenden County officials spoke. | A fire in Rutland destroyed two homes.",
        "BURLINGTON=US-VT; Vt.=US-VT; Chittenden County=US-VT; Rutland=US-VT",
    ),
    // ... but not against one fifty times bigger
    (
        "DALLAS, Texas — The council voted. | Houston officials agreed. | The mayor flew to Paris.",
        "DALLAS=US-TX; Texas=US-TX; Houston=US-TX; Paris=FR",
    ),
    ("A fire in Rutland destroyed two homes.", "Rutland=GB"),
    // a sheriff's office is the parish's
    (
        "The chase ended near the St. Martin Parish Sheriff's Office.",
        "St. Martin Parish=US-LA",
    ),
    // "St." for a town's "Saint", not for a saint's name
    ("The Gospel of St. John teaches love.", ""),
];

#[test]
fn towns_read_with_support() {
    check_docs(SUPPORTED_TOWNS);
}

/// A fixture's lines without markup, and its toponyms: (line, text, country).
fn parse_toponyms(text: &str) -> (Vec<String>, Vec<(usize, String, String)>) {
    let (lines, tagged) = crate::extract::fixture_markup::read_markup(text, |inner| {
        let (name, code) = inner.split_once('|')?;
        (code.len() == 2).then_some((code.to_string(), name))
    });
    let gold = tagged
        .into_iter()
        .map(|(n, code, name)| (n, name, code))
        .collect();
    (lines, gold)
}

/// Mention-level right-country recall and precision over a fixture (demonyms are no
/// toponyms and are left out), with what was missed, wrong or extra.
fn toponym_score(fixture: &str) -> (f64, f64, Vec<String>) {
    let (lines, gold) = parse_toponyms(fixture);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = find_places_in_document(&refs, &[]);
    let mut found: Vec<(usize, &str, &str)> = Vec::new();
    for (n, (s, hs)) in refs.iter().zip(&hits).enumerate() {
        for h in hs.iter().filter(|h| h.kind != PlaceKind::Demonym) {
            found.push((n, &s[h.start..h.end], h.code));
        }
    }
    let (mut right, mut wrong) = (0usize, Vec::new());
    let mut used = vec![false; found.len()];
    for (n, text, code) in &gold {
        let at = found.iter().enumerate().position(|(i, f)| {
            !used[i] && f.0 == *n && (text.contains(f.1) || f.1.contains(text.as_str()))
        });
        match at {
            Some(i) if found[i].2 == code => {
                used[i] = true;
                right += 1;
            }
            Some(i) => {
                used[i] = true;
                wrong.push(format!("{text}: {} not {code}", found[i].2));
            }
            None => wrong.push(format!("missed {text}")),
        }
    }
    let extra = used.iter().filter(|u| !**u).count();
    wrong.extend(
        found
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(f, _)| format!("extra {}={}", f.1, f.2)),
    );
    let wrong_readings =
        gold.len() - right - wrong.iter().filter(|w| w.starts_with("missed")).count();
    let precision = right as f64 / (right + extra + wrong_readings).max(1) as f64;
    (right as f64 / gold.len().max(1) as f64, precision, wrong)
}

#[test]
fn news_fixtures_place_score() {
    for (name, fixture, min_recall) in [
        (
            "US local",
            include_str!("../../../tests/data/places/news-us-local.txt"),
            0.88,
        ),
        (
            "international",
            include_str!("../../../tests/data/places/news-international.txt"),
            0.88,
        ),
        (
            "US local 2",
            include_str!("../../../tests/data/places/news-us-local-2.txt"),
            0.9,
        ),
        (
            "international 2",
            include_str!("../../../tests/data/places/news-international-2.txt"),
            0.9,
        ),
        (
            "US local 3",
            include_str!("../../../tests/data/places/news-us-local-3.txt"),
            0.9,
        ),
        (
            "US local 4",
            include_str!("../../../tests/data/places/news-us-local-4.txt"),
            0.9,
        ),
        (
            "international 3",
            include_str!("../../../tests/data/places/news-international-3.txt"),
            0.85,
        ),
    ] {
        let (recall, precision, wrong) = toponym_score(fixture);
        assert!(
            recall >= min_recall && precision >= 0.95,
            "{name}: recall {recall:.2} precision {precision:.2}: {wrong:?}"
        );
    }
}

#[test]
fn toponym_markup_is_read() {
    let (lines, gold) = parse_toponyms("# c\nIn [Paris|FR] and [x].\n");
    assert_eq!(lines, ["In Paris and [x]."]);
    assert_eq!(gold, [(0, "Paris".to_string(), "FR".to_string())]);
}
