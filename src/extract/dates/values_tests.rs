//! The values annals gives for real sentences and small documents (taken or
//! condensed from the UN general debates and Wikipedia articles on wars):
//! every wrong value issue 12 listed, and what must stay right beside it.

use super::*;

/// Each mention as "text=from..to:precision[@calendar][~mod]", joined by " | ".
fn render(text: &str, a: &TimeAnnotations) -> String {
    a.mentions
        .iter()
        .map(|m| {
            let f = m.from.map(|d| d.to_contract_string()).unwrap_or_default();
            let t = m.to.map(|d| d.to_contract_string()).unwrap_or_default();
            let cal = m.calendar.map(|c| format!("@{c}")).unwrap_or_default();
            let md = m.modifier.map(|c| format!("~{c}")).unwrap_or_default();
            format!(
                "{}={f}..{t}:{}{cal}{md}",
                m.text(text),
                m.precision.as_str()
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// (sentence, every mention it must give; empty: none).
const SENTENCES: &[(&str, &str)] = &[
    // two days of a month before its year, and a name's or a measure's year after "of"
    (
        "They were arrested on February 17 and 18, 2003.",
        "February 17 and 18, 2003=2003-02-17..2003-02-18:day",
    ),
    (
        "Following the Louisiana Purchase of 1803, the United States also claimed Texas.",
        "1803=1803..1803:year",
    ),
    (
        "Industrial production fell to one seventh of the value of 1913.",
        "1913=1913..1913:year",
    ),
    ("They bought a total of 1500 rifles.", ""),
    ("The purchase of 1803 shares was approved.", ""),
    ("The machine had of the order of 1019 states.", ""),
    // a count after a month and a comma, or after "this year" / "last year"
    (
        "In April, 108 countries signed the Declaration on the Rights of Indigenous Peoples.",
        "",
    ),
    ("On 15 April, 500 of the arrested were executed.", ""),
    (
        "In mid-August, 275 members of the opposition were detained.",
        "",
    ),
    (
        "In May this year 180 countries adopted the Programme of Action.",
        "",
    ),
    (
        "Last year 167 Member States voted in favour of the resolution.",
        "",
    ),
    ("This year 40 countries pledged new resources.", ""),
    ("Some 1500 troops crossed the river.", ""),
    // BC written out or spaced
    (
        "The city has been inhabited since the tenth century before Christ.",
        "tenth century before Christ=-1000..:century",
    ),
    (
        "The town was founded in the third century B. C. by Greek settlers.",
        "third century B. C.=-0300..-0201:century",
    ),
    (
        "The kingdom flourished from 300 B. C. to 100 B. C. along the coast.",
        "300 B. C. to 100 B. C.=-0300..-0100:year",
    ),
    (
        "The temple was rebuilt in the 5th century BC.",
        "5th century BC=-0500..-0401:century",
    ),
    // Hijri in words
    (
        "As they enter the fifteenth century Hegira, the Islamic peoples have rediscovered their pride.",
        "fifteenth century Hegira=1979..2076:century@hijri",
    ),
    (
        "The Hijri year 1443 began on 30 July 2021.",
        "Hijri year 1443=2021..2022:year@hijri | 30 July 2021=2021-07-30..2021-07-30:day",
    ),
    // anniversaries are no centuries of the calendar
    (
        "Our country celebrates its first century of independence this year.",
        "",
    ),
    ("We are entering our third century of republican life.", ""),
    (
        "The first Christian missionaries arrived in the first century of our era.",
        "first century=0001..0099:century",
    ),
    // short year ranges
    (
        "French ambassador Amelot stayed in the capital from 1705–09.",
        "1705–09=1705..1709:year",
    ),
    (
        "Alexander agreed that Russia should force Sweden to join the Continental System, which led to the Finnish War of 1808–09.",
        "1808–09=1808..1809:year",
    ),
    (
        "2003–05: Return to the playoffs.",
        "2003–05=2003..2005:year",
    ),
    (
        "He served as governor from 1802–04.",
        "1802–04=1802..1804:year",
    ),
    (
        "By comparison, 8,348 Western Allied prisoners died in German camps during 1939–45.",
        "1939–45=1939..1945:year",
    ),
    (
        "Growth was 3 per cent during 1996-97.",
        "1996-97=1996..1997:year",
    ),
    (
        "The 2004-05 season was the club's worst.",
        "2004-05=2004..2005:year",
    ),
    (
        "In 2012-02 the index fell.",
        "2012-02=2012-02..2012-02:month",
    ),
    (
        "Three ships were laid down in 1951–52, but they were cancelled in April 1953 after Stalin's death.",
        "1951–52=1951..1952:year | April 1953=1953-04..1953-04:month",
    ),
    // "not until" is the moment, not a range up to it
    (
        "It was not until 1862 that Congress passed the act.",
        "1862=1862..1862:year",
    ),
    (
        "The garrison held out until April 1940.",
        "April 1940=..1940-04:month",
    ),
    ("The town has been a port since 1882.", "1882=1882..:year"),
    ("From 1999 onwards the economy grew.", "1999=1999..:year"),
    // a year broken by OCR is no year
    ("The treaty was signed on 31 May 199 3 in Paris.", ""),
    // millennia have a precision of their own
    (
        "We have spent a decade in this third millennium.",
        "third millennium=2000..2999:millennium",
    ),
    (
        "My country cannot understand how in the third millennium of our era we can continue on the same bases.",
        "third millennium=2000..2999:millennium",
    ),
    // ages are no decades
    ("He was in his 20s when he emigrated.", ""),
    // modifiers in the span
    (
        "Robert the Bruce had sided with the English in the winter of 1301–02.",
        "the winter of 1301–02=1301..1302:year~winter",
    ),
    (
        "At the end of September 1940 the raids stopped.",
        "the end of September 1940=1940-09..1940-09:month~end",
    ),
    (
        "The offensive was halted in early January 1942.",
        "early January 1942=1942-01..1942-01:month~start",
    ),
    (
        "In the summer of 1863 Lee moved north.",
        "the summer of 1863=1863..1863:year~summer",
    ),
    (
        "Inflation had fallen by mid-1990.",
        "mid-1990=1990..1990:year~mid",
    ),
    (
        "The Battle of Verdun was fought from 21 February – 18 December 1916.",
        "21 February – 18 December 1916=1916-02-21..1916-12-18:day",
    ),
    (
        "The Six-Day War was fought between 5 and 10 June 1967.",
        "5 and 10 June 1967=1967-06-05..1967-06-10:day",
    ),
    ("He died in 1924 at the age of 54.", "1924=1924..1924:year"),
    (
        "Fighting continued through the 1990s.",
        "1990s=1990..1999:decade",
    ),
    // a note giving the same day in the other calendar is part of the date
    (
        "Peter the Great was born in Moscow on 9 June [O.S. 30 May] 1672.",
        "9 June [O.S. 30 May] 1672=1672-06-09..1672-06-09:day",
    ),
    (
        "The Battle of Poltava was fought on 8 July (O.S. 27 June) 1709.",
        "8 July (O.S. 27 June) 1709=1709-07-08..1709-07-08:day",
    ),
    (
        "The Bolsheviks seized power on 7 November [Old Style: 25 October] 1917.",
        "7 November [Old Style: 25 October] 1917=1917-11-07..1917-11-07:day",
    ),
    (
        "The treaty was signed on 11 January 1700 (N.S.).",
        "11 January 1700=1700-01-11..1700-01-11:day",
    ),
    // a bracket that is no calendar note stays what it was
    (
        "The Battle of Narva (1700) was an early victory.",
        "1700=1700..1700:year",
    ),
];

#[test]
fn sentences() {
    let mut failures = Vec::new();
    for (text, want) in SENTENCES {
        let got = render(text, &extract_dates(text));
        if got != *want {
            failures.push(format!("{text}\n   want {want}\n   got  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        SENTENCES.len(),
        failures.join("\n")
    );
}

#[test]
fn a_millennium_is_kept_out_of_the_century_facet() {
    let a = extract_dates("We have spent a decade in this third millennium.");
    assert_eq!(a.mentions.len(), 1);
    assert!(a.centuries.is_empty() && a.decades.is_empty() && a.years.is_empty());
}

/// (parts: sentences, and "# " headings; the document's date; the mentions
/// of every sentence as "k:text=value", anchored ones marked "+").
const DOCUMENTS: &[(&[&str], Option<&str>, &str)] = &[
    (
        &[
            "In the resulting Battle of Pusan Perimeter (August–September 1950), the U.S. Army withstood KPA attacks.",
            "By late August, the Pusan Perimeter had some 500 medium tanks battle-ready.",
            "# Battle of Inchon (September 1950)",
            "On 6 July, he ordered Major General Hobart R. Gay to plan the landing at Incheon; on 12–14 July, the 1st Cavalry Division embarked from Yokohama.",
            "On 25 September, Seoul was recaptured by South Korean forces.",
        ],
        None,
        "0:August–September 1950=1950-08..1950-09 | 1:+late August=1950-08 | 2:+6 July=1950-07-06 | 2:+12–14 July=1950-07-12..1950-07-14 | 3:+25 September=1950-09-25",
    ),
    (
        &[
            "The Battle of Verdun was fought from 21 February – 18 December 1916 during the First World War.",
            "They did not know that most of the Verdun forts had been partly disarmed in 1914.",
            "On 26 February, the Germans had advanced 3 km on a 10 km front.",
        ],
        None,
        "0:21 February – 18 December 1916=1916-02-21..1916-12-18 | 1:1914=1914 | 2:+26 February=1916-02-26",
    ),
    (
        &[
            "The Boers struck first on 12 October at Kraaipan, an attack that heralded the invasion of the Cape Colony between October 1899 and January 1900.",
            "Boer guns began shelling the British camp from the summit of Talana Hill at dawn on 20 October.",
            "And so, on 13 October, began the 217-day Siege of Mafeking.",
        ],
        None,
        "0:October 1899 and January 1900=1899-10..1900-01 | 1:+20 October=1899-10-20 | 2:+13 October=1899-10-13",
    ),
    (
        &[
            "The Battle of the Crater took place on July 30, 1864.",
            "After Lee held at bay Grant's attempt to seize Petersburg on June 15, the battle settled into a stalemate.",
            "Burnside, whose reputation had suffered from his 1862 defeat at Fredericksburg and his poor performance earlier that year at Spotsylvania, agreed.",
            "Digging began in late June.",
        ],
        None,
        "0:July 30, 1864=1864-07-30 | 1:+June 15=1864-06-15 | 2:1862=1862 | 2:+that year=1864 | 3:+late June=1864-06",
    ),
    (
        &[
            "Operation Market Garden (17–25 September 1944) was an unsuccessful Allied operation.",
            "After major defeats in Normandy in July and August, 1944, German forces withdrew.",
            "The port of Antwerp was captured by Montgomery's troops on 4 September.",
            "After the war it was found that the signals had failed in exercises in November 1943.",
            "On the morning of 17 September Horrocks was told that the operation was to take place that day.",
        ],
        None,
        "0:17–25 September 1944=1944-09-17..1944-09-25 | 1:+July=1944-07 | 1:August, 1944=1944-08 | 2:+4 September=1944-09-04 | 3:November 1943=1943-11 | 4:+17 September=1944-09-17 | 4:+that day=1944-09-17",
    ),
    (
        &[
            "The battle was fought July 1–3, 1863.",
            "Busey and Martin's more recent 2005 work gives 23,231 Confederate casualties.",
            "The armies stared at one another in a heavy rain on July 4, the same day that the Vicksburg garrison surrendered.",
        ],
        None,
        "0:July 1–3, 1863=1863-07-01..1863-07-03 | 1:2005=2005 | 2:+July 4=1863-07-04 | 2:+the same day=1863-07-04",
    ),
    (
        &[
            "Last year 167 Member States voted for the resolution.",
            "In May this year 180 countries adopted the programme.",
        ],
        Some("2018-09-25"),
        "0:+Last year=2017 | 1:+May this year=2018-05",
    ),
    (
        &[
            "On Saturday the coach resigned.",
            "On 7 August the team lost again.",
        ],
        None,
        "",
    ),
    (
        &[
            "Lincoln was elected in November 1860.",
            "The following year the war began.",
            "Two years later he issued the proclamation.",
        ],
        None,
        "0:November 1860=1860-11 | 1:+The following year=1861 | 2:+Two years later=1863",
    ),
    (
        &[
            "The regiment was raised in 1916.",
            "In the spring of '18 it went to France.",
        ],
        None,
        "0:1916=1916 | 1:+the spring of '18=1918",
    ),
    (
        &[
            "The city was founded in 753 BC.",
            "The following year the first king died.",
        ],
        None,
        "0:753 BC=-0753 | 1:+The following year=-0752",
    ),
    (
        &[
            "The war lasted from September 1980 to August 1988.",
            "On 22 September, Iraq invaded.",
        ],
        None,
        "0:September 1980 to August 1988=1980-09..1988-08",
    ),
    (
        &["The 82-day-long battle lasted from early April until mid-June 1945."],
        None,
        "0:+early April=1945-04 | 0:mid-June 1945=1945-06",
    ),
    // an Old Style note after a date is no second date
    (
        &[
            "Peter died at the Winter Palace on 8 February 1725 (O.S. 28 January).",
            "He was buried in the Peter and Paul Cathedral on 8 March.",
        ],
        None,
        "0:8 February 1725=1725-02-08 | 1:+8 March=1725-03-08",
    ),
];

#[test]
fn documents() {
    let mut failures = Vec::new();
    for (parts, dd, want) in DOCUMENTS {
        let mut sentences: Vec<DocSentence> = Vec::new();
        let mut section = None;
        for p in parts.iter() {
            match p.strip_prefix("# ") {
                Some(title) => section = Some(title),
                None => sentences.push(DocSentence { text: p, section }),
            }
        }
        let mut found: Vec<TimeAnnotations> =
            sentences.iter().map(|s| extract_dates(s.text)).collect();
        let doc_date = dd.and_then(|d| HistDate::parse_contract(d).ok());
        anchor_document(&sentences, doc_date, &mut found);
        let mut out = Vec::new();
        for (k, (s, a)) in sentences.iter().zip(&found).enumerate() {
            for m in &a.mentions {
                let f = m.from.map(|d| d.to_contract_string()).unwrap_or_default();
                let t = m.to.map(|d| d.to_contract_string()).unwrap_or_default();
                let v = if f == t { f } else { format!("{f}..{t}") };
                let mark = if m.anchor.is_some() { "+" } else { "" };
                out.push(format!("{k}:{mark}{}={v}", m.text(s.text)));
            }
        }
        let got = out.join(" | ");
        if got != *want {
            failures.push(format!("{parts:?}\n   want {want}\n   got  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        DOCUMENTS.len(),
        failures.join("\n")
    );
}
