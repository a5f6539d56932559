//! Tests for the dates extractor: a table of English date expressions and
//! non-expressions, the seed gold, and properties that must hold on any input.

use super::*;

/// Renders mentions as "from..to:precision[@calendar]" joined by " | ", for
/// tables that state the whole expected output of a sentence.
fn render(text: &str) -> String {
    let a = extract_dates(text);
    a.mentions
        .iter()
        .map(|m| {
            let f = m.from.map(|d| d.to_contract_string()).unwrap_or_default();
            let t = m.to.map(|d| d.to_contract_string()).unwrap_or_default();
            let cal = m.calendar.map(|c| format!("@{c}")).unwrap_or_default();
            format!("{f}..{t}:{}{cal}", m.precision.as_str())
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn seed_gold() {
    let mut failures = Vec::new();
    for g in crate::seed_gold::gold() {
        let (line, text, years, dates, cents) = (
            g.line,
            g.text.as_str(),
            &g.years,
            &g.dates,
            &g.century_mentions,
        );
        let a = extract_dates(text);
        if a.years != *years {
            failures.push(format!(
                "line {line}: years {:?} != gold {:?}: {}",
                a.years,
                years,
                render(text)
            ));
        }
        for d in dates {
            let found = a.mentions.iter().any(|m| {
                matches!(m.precision, Precision::Day | Precision::Month)
                    && m.from
                        .is_some_and(|f| f.to_contract_string().starts_with(d.as_str()))
            });
            if !found {
                failures.push(format!("line {line}: date {d} not found: {}", render(text)));
            }
        }
        for &c in cents {
            let start = if c > 0 { (c - 1) * 100 } else { c * 100 };
            let found = a.mentions.iter().any(|m| {
                m.precision == Precision::Century
                    && m.from.is_some_and(|f| f.year <= start)
                    && m.to.or(m.from).is_some_and(|t| start <= t.year)
            });
            if !found {
                failures.push(format!(
                    "line {line}: century {c} not found: {}",
                    render(text)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (sentence, expected rendering). An empty expectation means no mention.
const TABLE: &[(&str, &str)] = &[
    // a lifespan ending on a full date: the day is no year
    (
        "His daughter Nina (1902 – 9 June 1928) died young.",
        "1902..1902:year | 1928-06-09..1928-06-09:day",
    ),
    // Full dates
    (
        "Iran recognized Azerbaijan on January 4, 1992.",
        "1992-01-04..1992-01-04:day",
    ),
    (
        "It was signed on 4 January 1992 in Baku.",
        "1992-01-04..1992-01-04:day",
    ),
    (
        "The treaty was signed Jan. 4, 1992, in Baku.",
        "1992-01-04..1992-01-04:day",
    ),
    (
        "He arrived on the 4th of January 1992.",
        "1992-01-04..1992-01-04:day",
    ),
    (
        "The log entry is dated 1992-01-04.",
        "1992-01-04..1992-01-04:day",
    ),
    (
        "The summit took place 3–5 June 2004 in Sea Island.",
        "2004-06-03..2004-06-05:day",
    ),
    (
        "The summit took place 3-5 June 2004.",
        "2004-06-03..2004-06-05:day",
    ),
    (
        "The summit took place June 3–5, 2004.",
        "2004-06-03..2004-06-05:day",
    ),
    (
        "The conference ran from 30 June to 2 July 2004.",
        "2004-06-30..2004-07-02:day",
    ),
    (
        "It ran June 28 – July 2, 2004, in Vienna.",
        "2004-06-28..2004-07-02:day",
    ),
    (
        "On 4th January 1992 the mission opened.",
        "1992-01-04..1992-01-04:day",
    ),
    (
        "On January 4th, 1992 the mission opened.",
        "1992-01-04..1992-01-04:day",
    ),
    (
        "On 15 March 44 BC Caesar was killed.",
        "-0044-03-15..-0044-03-15:day",
    ),
    (
        "The letter of 1 September 1939 survives.",
        "1939-09-01..1939-09-01:day",
    ),
    (
        "It lasted from 1 January 1990 to 31 December 1991.",
        "1990-01-01..1991-12-31:day",
    ),
    (
        "The parcel was stamped 25/12/1914.",
        "1914-12-25..1914-12-25:day",
    ),
    (
        "The order is dated 04.01.1992 in the archive.",
        "1992..1992:year",
    ),
    (
        "The newspaper of 31.12.1999 reported it.",
        "1999-12-31..1999-12-31:day",
    ),
    (
        "On September 11, 2001, the towers fell.",
        "2001-09-11..2001-09-11:day",
    ),
    (
        "The decree of 30 February 1990 is a forgery.",
        "1990..1990:year",
    ),
    (
        "Talks were held on 22 and 23 November 2022 in Fez.",
        "2022-11-22..2022-11-22:day | 2022-11-23..2022-11-23:day",
    ),
    (
        "Raids came on 1, 2 and 3 May 1990.",
        "1990-05-01..1990-05-01:day | 1990-05-02..1990-05-02:day | 1990-05-03..1990-05-03:day",
    ),
    (
        "On 22 April 1972 at 1600 an unidentified plane flew over.",
        "1972-04-22..1972-04-22:day",
    ),
    ("Emissions must fall below 1990 levels.", "1990..1990:year"),
    ("Emissions must stay at 1990 levels.", "1990..1990:year"),
    (
        "It happened in twenty- first century Europe.",
        "2000..2099:century",
    ),
    (
        "He served from December 31, 2002, to February 3, 2003.",
        "2002-12-31..2003-02-03:day",
    ),
    ("The border ran from c. 800 to 1864.", "0800..1864:year"),
    ("He knew of the Gunpowder Plot (1605).", "1605..1605:year"),
    ("Cohn sold the script to Twentieth Century Fox.", ""),
    ("The Nineteenth Century BC saw it.", "-1900..-1801:century"),
    (
        "This share has been declining since at least 1967.",
        "1967..1967:year",
    ),
    ("At least 2000 people died.", ""),
    (
        "The farm population decreased from 1974 to 2002.",
        "1974..2002:year",
    ),
    ("Output rose from 1500 to 2000 tonnes.", ""),
    ("Output rose from 1500 to 2000.", ""),
    (
        "On 2 May 2015 1,043 new officers took the oath.",
        "2015-05-02..2015-05-02:day",
    ),
    ("The Mirage 2000-5s flew past.", ""),
    ("The range has elevations between 1000 and.", ""),
    (
        "It was crowned in 1295 and 1300.",
        "1295..1295:year | 1300..1300:year",
    ),
    ("It contains an 1895 reredos.", "1895..1895:year"),
    (
        "King Casimir IV (r. 1447–1492) was crowned.",
        "1447..1492:year",
    ),
    ("Barcodes were used since 2008 2D.", "2008..:year"),
    (
        "Farming began around 10,000 BC in the Levant.",
        "-10000..-10000:year",
    ),
    (
        "He wrote in the 10th century AH.",
        "1494..1591:century@hijri",
    ),
    ("Growth slowed in the 1980s–90s.", "1980..1999:decade"),
    ("He reigned from Tishri of 871/870 BC.", "-0871..-0870:year"),
    (
        "Bronze came in the 2nd millennium BC.",
        "-2000..-1001:millennium",
    ),
    (
        "Writing spread in the first millennium AD.",
        "0001..0999:millennium",
    ),
    (
        "The language spans from the 12th to the 14 century.",
        "1100..1399:century",
    ),
    (
        "By the mid-16 century, traders arrived.",
        "1500..1599:century",
    ),
    ("It lasted 16 centuries.", ""),
    (
        "In 2004 56 per cent of its people were poor.",
        "2004..2004:year",
    ),
    (
        "Cut emissions 45 per cent by 2020 and 85 per cent by 2050.",
        "2020..2020:year | 2050..2050:year",
    ),
    (
        "The dates are around 17 or 18 AD.",
        "0017..0017:year | 0018..0018:year",
    ),
    (
        "From the early 1900s to the 1930s, jazz grew.",
        "1900..1939:decade",
    ),
    ("The mid-1800s saw railways expand.", "1800..1899:century"),
    (
        "The record stood from May 1968 until June 1970.",
        "1968-05..1970-06:month",
    ),
    (
        "It rained on 2/3/2004 and on 13/3/2004.",
        "2004..2004:year | 2004-03-13..2004-03-13:day",
    ),
    (
        "Roman rule lasted from the 1st century BC to the 5th century AD.",
        "-0100..0499:century",
    ),
    (
        "The Safavids (907–1135 AH) ruled Persia.",
        "1501..1723:year@hijri",
    ),
    (
        "He died in 1342 AH / 1924 CE.",
        "1923..1924:year@hijri | 1924..1924:year",
    ),
    (
        "The Declaration in 1514 (XV) of 14 December 1960 matters.",
        "1960-12-14..1960-12-14:day",
    ),
    ("It adopted 1237 (ES-III) at once.", ""),
    ("The Gunpowder Plot (1605) (I) failed.", "1605..1605:year"),
    (
        "Spending quadrupled between 1945, when the UN was founded, and now.",
        "1945..1945:year",
    ),
    ("It must take place no later than 1992.", "1992..1992:year"),
    (
        "The joint declaration of 4 February [1982] remains in force.",
        "1982..1982:year",
    ),
    (
        "Keep warming to 1.5C. 2020 is the deadline.",
        "2020..2020:year",
    ),
    ("The year 2008 marks the first time.", "2008..2008:year"),
    ("He was paid 2000 marks a month.", ""),
    ("The pre-1990s era was calm.", "1990..1999:decade"),
    ("In the post-1960s era.", "1960..1969:decade"),
    ("In mid-July 1776 they met.", "1776-07..1776-07:month"),
    (
        "On Monday, 4 January 1992 it rained.",
        "1992-01-04..1992-01-04:day",
    ),
    ("It was built in the XIX century.", "1800..1899:century"),
    ("It was built in the XIXth century.", "1800..1899:century"),
    (
        "From the XV to the XVII century Spain grew.",
        "1400..1699:century",
    ),
    ("Pope Pius XII spoke.", ""),
    ("I century after century saw it.", ""),
    ("The writer Gion Deplazes (1918–) is alive.", "1918..:year"),
    ("The series (2009–) is running.", "2009..:year"),
    (
        "It earned about $27 million in 2013 dollars.",
        "2013..2013:year",
    ),
    (
        "Around 1816 Michel Chevreul started a study.",
        "1816..1816:year",
    ),
    (
        "It was hunted out around 1640 (approximately 1000 whales).",
        "1640..1640:year",
    ),
    (
        "A work by Gideon Harvey (1636/7–1702) survives.",
        "1636..1702:year",
    ),
    (
        "He headed the court between 1945 and 1950/1951.",
        "1945..1951:year",
    ),
    ("The budget was 2000 dollars.", ""),
    // Months
    (
        "In February 2012, Azerbaijan signed a deal.",
        "2012-02..2012-02:month",
    ),
    (
        "In Feb. 2012 the deal was signed.",
        "2012-02..2012-02:month",
    ),
    (
        "Germany invaded Poland in Sept 1939.",
        "1939-09..1939-09:month",
    ),
    ("The August 1991 coup failed.", "1991-08..1991-08:month"),
    (
        "In May 1968 students occupied the Sorbonne.",
        "1968-05..1968-05:month",
    ),
    ("It happened in March of 1917.", "1917-03..1917-03:month"),
    (
        "Fighting lasted from January to March 2004.",
        "2004-01..2004-03:month",
    ),
    (
        "Fighting lasted January–March 2004.",
        "2004-01..2004-03:month",
    ),
    (
        "The siege lasted from June 2004 to March 2005.",
        "2004-06..2005-03:month",
    ),
    (
        "Since January 2012 the border has been closed.",
        "2012-01..:month",
    ),
    ("Profits fell in Q1 2020.", "2020-01..2020-03:month"),
    (
        "Profits fell in the first quarter of 2020.",
        "2020-01..2020-03:month",
    ),
    (
        "Profits rose in the second half of 2019.",
        "2019-07..2019-12:month",
    ),
    (
        "The index stood at 2012-02 levels.",
        "2012-02..2012-02:month",
    ),
    ("You may 2 or 3 times try again.", ""),
    // Years
    (
        "The Paris Peace Conference opened in 1919.",
        "1919..1919:year",
    ),
    ("1919 saw strikes across Europe.", "1919..1919:year"),
    ("In 1992, Elchibey visited Turkey.", "1992..1992:year"),
    ("Vesuvius erupted in AD 79.", "0079..0079:year"),
    ("Vesuvius erupted in 79 AD.", "0079..0079:year"),
    ("Vesuvius erupted in A.D. 79.", "0079..0079:year"),
    ("Alexander died in 323 BC.", "-0323..-0323:year"),
    ("Alexander took Tyre in 331 BC.", "-0331..-0331:year"),
    ("Augustus took the title in 27 BCE.", "-0027..-0027:year"),
    ("Augustus died in 14 CE.", "0014..0014:year"),
    (
        "The walls were built in 500 B.C. by slaves.",
        "-0500..-0500:year",
    ),
    ("The house was built c. 1650.", "1650..1650:year"),
    ("The house was built circa 1650.", "1650..1650:year"),
    (
        "The house was built ca. 1650 by a merchant.",
        "1650..1650:year",
    ),
    ("Prices peaked in mid-1990.", "1990..1990:year"),
    ("Prices peaked in early 1992.", "1992..1992:year"),
    (
        "The budget for fiscal year 2016 was cut.",
        "2016..2016:year",
    ),
    ("The FY2016 budget was cut.", "2016..2016:year"),
    (
        "Raisi was killed in the 2024 Varzaqan helicopter crash.",
        "2024..2024:year",
    ),
    (
        "The population was 9 million (2019 est.).",
        "2019..2019:year",
    ),
    (
        "The town was first mentioned (1639) in a charter.",
        "1639..1639:year",
    ),
    ("The 1992 election was close.", "1992..1992:year"),
    ("The 1990 elections were free.", "1990..1990:year"),
    ("By 1918 the empire had collapsed.", "1918..1918:year"),
    ("After 1945 the city was rebuilt.", "1945..1945:year"),
    ("The census of 1891 counted them.", "1891..1891:year"),
    ("Rome was sacked in the year 410.", "0410..0410:year"),
    (
        "The walls fell in 410 and 455 AD.",
        "0410..0410:year | 0455..0455:year",
    ),
    (
        "The church was rebuilt about 1500, after a fire.",
        "1500..1500:year",
    ),
    ("In 1500 the town burned.", "1500..1500:year"),
    ("Easter 1916 changed Ireland.", "1916..1916:year"),
    ("The Data Protection Act 1998 applies.", "1998..1998:year"),
    ("The 1951 Convention protects refugees.", "1951..1951:year"),
    (
        "The seizure of 1400 AH shocked Mecca.",
        "1979..1980:year@hijri",
    ),
    (
        "The seizure of AH 1400 shocked Mecca.",
        "1979..1980:year@hijri",
    ),
    (
        "Troops left in 1992 after the ceasefire.",
        "1992..1992:year",
    ),
    ("In 1992 people feared the worst.", "1992..1992:year"),
    ("The treaty (signed 1648) ended the war.", "1648..1648:year"),
    ("The 1500 m race was run at noon.", ""),
    ("2000 was a leap year.", "2000..2000:year"),
    ("Pre-1914 Europe was different.", "1914..1914:year"),
    ("Post-1945 borders held.", "1945..1945:year"),
    // Decades
    ("Growth slowed in the 1990s.", "1990..1999:decade"),
    ("It was popular in the late 1980s.", "1980..1989:decade"),
    ("Music of the '60s is back.", "1960..1969:decade"),
    ("Music of the ’60s is back.", "1960..1969:decade"),
    ("Athens fought Samos in the 470s BC.", "-0479..-0470:decade"),
    ("Prices doubled in the 1970's.", "1970..1979:decade"),
    ("It grew in the mid-1990s.", "1990..1999:decade"),
    ("Vikings raided in the 870s.", "0870..0879:decade"),
    ("Factories spread in the 1800s.", "1800..1899:century"),
    ("Growth returned in the 2000s.", "2000..2009:decade"),
    (
        "From the 1970s to the 1990s the city grew.",
        "1970..1999:decade",
    ),
    (
        "Growth held in the 1980s and 1990s.",
        "1980..1989:decade | 1990..1999:decade",
    ),
    ("Since the 1990s the lake has shrunk.", "1990..:decade"),
    ("Women in their 40s were polled.", ""),
    ("Temperatures were in the 80s.", ""),
    // Centuries
    (
        "Russia took it at the beginning of the 19th century.",
        "1800..1899:century",
    ),
    (
        "It was built in the nineteenth century.",
        "1800..1899:century",
    ),
    (
        "It was built in the late 17th century.",
        "1600..1699:century",
    ),
    (
        "Christianity spread in the third century AD.",
        "0200..0299:century",
    ),
    (
        "Herodotus wrote in the 5th century BC.",
        "-0500..-0401:century",
    ),
    (
        "Media flourished (ninth to seventh centuries b.c.) in Iran.",
        "-0900..-0601:century",
    ),
    (
        "Trade grew in the 18th and 19th centuries.",
        "1700..1799:century | 1800..1899:century",
    ),
    ("This is a 19th-century house.", "1800..1899:century"),
    ("We live in the twenty-first century.", "2000..2099:century"),
    ("We live in the 21st century.", "2000..2099:century"),
    (
        "From the 5th century BC to the 2nd century AD Greek was spoken.",
        "-0500..0199:century",
    ),
    (
        "The first century saw the rise of Christianity.",
        "0001..0099:century",
    ),
    ("It dates from the mid-19th century.", "1800..1899:century"),
    ("A century ago the town was small.", ""),
    ("Half a century later it was gone.", ""),
    ("They fought for centuries.", ""),
    // Ranges and lists
    ("The Qajars ruled 1779–1924.", "1779..1924:year"),
    ("The war lasted 1992-1995.", "1992..1995:year"),
    ("He was in office from 1960 to 1975.", "1960..1975:year"),
    ("Fighting raged between 1914 and 1918.", "1914..1918:year"),
    (
        "Wars broke out in 1948, 1956 and 1967.",
        "1948..1948:year | 1956..1956:year | 1967..1967:year",
    ),
    ("Agents were recruited from 1999 onwards.", "1999..:year"),
    ("The border has been closed since 2001.", "2001..:year"),
    ("The dynasty ruled until 1918.", "..1918:year"),
    ("The war of 1914–18 changed Europe.", "1914..1918:year"),
    ("The 1990-91 season was cancelled.", "1990..1991:year"),
    ("The 1999/2000 season was cancelled.", "1999..2000:year"),
    ("He has served from 1991 to the present.", "1991..:year"),
    ("He has served 1991–present.", "1991..:year"),
    ("Pericles led Athens 461–429 BC.", "-0461..-0429:year"),
    (
        "The empire lasted from 27 BC to AD 476.",
        "-0027..0476:year",
    ),
    (
        "The Qajars (1133–1342/1779–1924) ruled Iran.",
        "1720..1924:year@hijri | 1779..1924:year",
    ),
    (
        "He died in 1342/1924 in exile.",
        "1923..1924:year@hijri | 1924..1924:year",
    ),
    (
        "The shah died in 1400 AH (1979) in Cairo.",
        "1979..1980:year@hijri | 1979..1979:year",
    ),
    // Money
    ("Azerbaijan signed a $1.6 billion defense deal.", ""),
    ("They received 1000 US dollars from abroad.", ""),
    ("The plan costs €3.2 billion.", ""),
    ("The fine was 2000 euros.", ""),
    ("The fine was $2000 in all.", ""),
    ("The fine was USD 2000 in all.", ""),
    ("The fine was 1500 dollars.", ""),
    // Counts and measures
    ("Police arrested 22 people in Baku.", ""),
    ("Police deployed 2,000 troops.", ""),
    ("She ran 1500 metres.", ""),
    ("The index closed at 3,412.7 points.", ""),
    ("The city has 300,000 inhabitants.", ""),
    ("The road is 1500 km long.", ""),
    ("The army sent 2000 troops to the border.", ""),
    ("About 1500 people attended.", ""),
    ("Some 1800 refugees crossed.", ""),
    ("Over 2000 houses burned.", ""),
    ("Nearly 1200 were killed.", ""),
    ("A total of 1500 were arrested.", ""),
    ("It sold 1,000,000 copies.", ""),
    ("They planted 2000 trees.", ""),
    ("The 2000 soldiers marched.", ""),
    ("Turnout was 1500 voters.", ""),
    ("The 1500-strong force withdrew.", ""),
    ("Unemployment rose by 12.5%.", ""),
    ("Unemployment rose to 1999%.", ""),
    ("The pass lies at 2100 m.", ""),
    ("The peak is 1850 m high.", ""),
    ("Numbers rose from 1500 to 2000 in a year.", ""),
    ("Between 1000 and 2000 people died.", ""),
    ("2000, 3000 and 4000 troops were sent.", ""),
    // Durations
    ("They flew over Astara for over 20 minutes.", ""),
    ("He got an eight-and-a-half-year prison sentence.", ""),
    ("The dynasty lasted 1000 years.", ""),
    ("In 1000 years nobody will remember.", ""),
    ("A 1000-year-old tree fell.", ""),
    ("It took 1500 days to finish.", ""),
    // Times of day
    ("The attack began at 09:45 local time.", ""),
    ("The attack began at 1430 hours.", ""),
    ("The train left at 1400 GMT.", ""),
    // Names and models
    ("He flew on an Airbus A380.", ""),
    ("The crash on Highway 401 killed two.", ""),
    ("The Boeing 747 landed safely.", ""),
    ("The office still runs Windows 2000.", ""),
    ("Flight 1549 landed on the Hudson.", ""),
    (
        "Security Council resolution 1325 (2000) was adopted.",
        "2000..2000:year",
    ),
    (
        "Recalling resolutions 1267 (1999), 1333 (2000) and 1390 (2002), the Council acted.",
        "1999..1999:year | 2000..2000:year | 2002..2002:year",
    ),
    ("See resolutions 1267, 1373 and 1540 on terrorism.", ""),
    // Page and section numbers
    ("The passage is on page 1999.", ""),
    ("See p. 1850 for details.", ""),
    ("See pp. 1850–1860 for details.", ""),
    ("This is governed by section 1920 of the code.", ""),
    ("See §1900 of the code.", ""),
    ("See § 1900 of the code.", ""),
    ("See No. 1992 in the catalogue.", ""),
    ("Read chapter 1848 carefully.", ""),
    ("The paper cites article 1789 of the code.", ""),
    // Phone numbers and codes
    ("Call 555-1234 for details.", ""),
    ("Call (212) 555-1234 for details.", ""),
    ("Call +1 212 555 1234 now.", ""),
    ("The ISBN is 978-3-16-148410-0.", ""),
    ("The document is A/RES/1514 of the Assembly.", ""),
    ("The directive 2001/83/EC governs medicines.", ""),
    // Decimals and long numbers
    ("The ratio was 1992.5 to one.", ""),
    ("The value 1.992 was measured.", ""),
    ("There were 19920 cases.", ""),
    ("The code 12345 is valid.", ""),
    // Citation markers
    ("[21] The delegation arrived.", ""),
    ("[1999] The delegation arrived.", ""),
    ("It was done.[1918]", ""),
    // Out-of-window numbers without an era
    ("It has 476 rooms.", ""),
    ("In 476 cases it failed.", ""),
    ("The year 2150 is far off.", "2150..2150:year"),
    ("Section 12 of 79 pages.", ""),
    // Relative expressions are out of scope
    ("Last year the harvest failed.", ""),
    ("The following year he died.", ""),
    ("Today the city is rebuilt.", ""),
    // No digits at all
    ("The delegation at Baku held intensive negotiations.", ""),
];

#[test]
fn table() {
    assert!(TABLE.len() >= 150, "only {} cases", TABLE.len());
    let mut bad = Vec::new();
    for &(text, want) in TABLE {
        let got = render(text);
        if got != want {
            bad.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} cases differ:\n{}",
        bad.len(),
        TABLE.len(),
        bad.join("\n")
    );
}

#[test]
fn facet_lists() {
    let a = extract_dates("The Qajars (1133–1342/1779–1924) ruled Iran.");
    assert_eq!(a.years, vec![1779, 1924]);
    assert_eq!(a.centuries, vec![18, 19, 20]);
    assert_eq!(a.decades.first(), Some(&1770));
    assert_eq!(a.decades.last(), Some(&1920));
    assert_eq!(a.decades.len(), 16);
    let a = extract_dates("The seizure of 1400 AH shocked Mecca.");
    assert_eq!(a.years, vec![1979, 1980]);
    let a = extract_dates("It was built in the nineteenth century.");
    assert!(a.years.is_empty() && a.decades.is_empty());
    assert_eq!(a.centuries, vec![19]);
    let a = extract_dates("Athens fought Samos in the 470s BC.");
    assert_eq!(a.decades, vec![-470]);
    assert_eq!(a.centuries, vec![-5]);
    assert!(a.years.is_empty());
    let a = extract_dates("Media flourished (ninth to seventh centuries b.c.).");
    assert_eq!(a.centuries, vec![-9, -8, -7]);
    let a = extract_dates("Agents were recruited from 1999 onwards.");
    assert_eq!(
        (a.years.clone(), a.decades.clone(), a.centuries.clone()),
        (vec![1999], vec![1990], vec![20])
    );
    let a = extract_dates("The empire lasted from 27 BC to AD 476.");
    assert_eq!(a.years, vec![-27, 476]);
    assert_eq!(a.centuries, vec![-1, 1, 2, 3, 4, 5]);
    // More than 30 decades: endpoints only.
    assert_eq!(a.decades, vec![-20, 470]);
    let a = extract_dates("Wars broke out in 1948, 1956 and 1967, and again in 1948.");
    assert_eq!(a.years, vec![1948, 1956, 1967]);
}

#[test]
fn spans() {
    let cases: &[(&str, &[&str])] = &[
        ("In February 2012, Azerbaijan signed.", &["February 2012"]),
        ("Recruited from 1999 onwards.", &["1999"]),
        ("Closed since 2001.", &["2001"]),
        ("Ruled until 1918.", &["1918"]),
        ("Built c. 1650 and AD 79.", &["c. 1650", "AD 79"]),
        (
            "The Qajars (1133–1342/1779–1924) ruled.",
            &["1133–1342", "1779–1924"],
        ),
        ("From the mid-1990s on.", &["mid-1990s"]),
        ("In the late 17th century.", &["late 17th century"]),
        (
            "At the end of the 19th century the town grew.",
            &["the end of the 19th century"],
        ),
        (
            "By the beginning of the 1960s it had grown.",
            &["the beginning of the 1960s"],
        ),
        (
            "Ninth to seventh centuries b.c. saw it.",
            &["Ninth to seventh centuries b.c."],
        ),
        ("Über 1919 – “Jahr” – am 4. Mai 1919…", &["1919", "1919"]),
        ("€ and 1992 — 1993 é", &["1992 — 1993"]),
    ];
    for (text, want) in cases {
        let a = extract_dates(text);
        let got: Vec<&str> = a.mentions.iter().map(|m| m.text(text)).collect();
        assert_eq!(&got, want, "{text}");
    }
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    fn check(text: &str) -> Result<(), TestCaseError> {
        let a = extract_dates(text);
        let mut last_end = 0;
        for m in &a.mentions {
            prop_assert!(m.start < m.end, "empty span {:?}", m);
            prop_assert!(m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(m.start >= last_end, "overlap or disorder {:?}", a.mentions);
            last_end = m.end;
            prop_assert!(m.from.is_some() || m.to.is_some());
            if let (Some(f), Some(t)) = (m.from, m.to) {
                prop_assert!(f <= t, "from after to: {:?}", m);
            }
            for d in m.from.iter().chain(m.to.iter()) {
                prop_assert!(d.year != 0, "year 0 in {:?}", m);
            }
        }
        for v in [&a.years, &a.decades, &a.centuries] {
            prop_assert!(
                v.windows(2).all(|w| w[0] < w[1]),
                "not sorted/deduped: {:?}",
                v
            );
        }
        prop_assert!(!a.centuries.contains(&0));
        Ok(())
    }

    const PIECES: &[&str] = &[
        "1992",
        "1779",
        "–",
        "-",
        "—",
        "/",
        "1342",
        "(",
        ")",
        "[21]",
        "January",
        "Jan.",
        "4",
        "4th",
        "of",
        ",",
        ".",
        "BC",
        "AD",
        "A.D.",
        "b.c.",
        "AH",
        "century",
        "centuries",
        "nineteenth",
        "twenty",
        "first",
        "the",
        "late",
        "mid",
        "'",
        "’",
        "60s",
        "1990s",
        "470s",
        "to",
        "and",
        "between",
        "from",
        "since",
        "until",
        "onwards",
        "present",
        "$",
        "€",
        "1.6",
        "2,000",
        "people",
        "troops",
        "km",
        "page",
        "p",
        "§",
        "09:45",
        "Q1",
        "FY2016",
        "c.",
        "circa",
        "May",
        "31",
        "30",
        "February",
        "0",
        "00",
        "99999",
        "é",
        "中",
        "🙂",
        " ",
        "  ",
        "\u{a0}",
        "s",
        "'s",
        "1990's",
        "AH",
        "quarter",
        "half",
        "year",
        "in",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn arbitrary_strings_never_panic(s in any::<String>()) {
            check(&s)?;
        }

        #[test]
        fn date_like_soup(parts in prop::collection::vec(prop::sample::select(PIECES), 0..40), seps in prop::collection::vec(prop::sample::select(&[" ", "", " ", "\t"][..]), 40)) {
            let mut s = String::new();
            for (i, p) in parts.iter().enumerate() {
                s.push_str(p);
                s.push_str(seps[i % seps.len()]);
            }
            check(&s)?;
        }

        #[test]
        fn digits_and_punct(s in "[0-9 ,.\\-–/:()'’a-dA-D]{0,60}") {
            check(&s)?;
        }
    }
}

#[test]
fn digit_prefilter_agrees_with_bytes() {
    let mut s = Vec::new();
    for b in 0u8..=255 {
        for pad in 0..9 {
            s.clear();
            s.extend(std::iter::repeat_n(b'x', pad));
            s.push(b);
            s.extend(std::iter::repeat_n(0xC3u8, 9 - pad));
            assert_eq!(
                has_ascii_digit(&s),
                s.iter().any(u8::is_ascii_digit),
                "byte {b} at {pad}"
            );
        }
    }
}

#[test]
fn a_part_of_a_fiscal_year_is_in_the_span_and_stays_the_year() {
    for (text, span) in [
        ("Revenue rose in Q3 FY2016 by a third.", "Q3 FY2016"),
        ("In H1 FY2016 costs fell.", "H1 FY2016"),
        (
            "In the third quarter of FY2016 costs fell.",
            "the third quarter of FY2016",
        ),
        ("In FY2016 it grew.", "FY2016"),
    ] {
        let a = extract_dates(text);
        assert_eq!(a.mentions.len(), 1, "{text}");
        assert_eq!(a.mentions[0].text(text), span, "{text}");
        assert_eq!(render(text), "2016..2016:year", "{text}");
    }
    // A calendar quarter keeps its months.
    assert_eq!(render("Sales in Q1 2020 fell."), "2020-01..2020-03:month");
}
