//! Tests for the document-level pass: multi-sentence documents and what
//! each sentence's year-less or relative expressions resolve to.

use super::*;

/// `doc` holds sentences and headings ("# Battle of Inchon (September
/// 1950)"), a heading being the section of the sentences after it.
fn run(parts: &[&str], doc_date: Option<&str>) -> String {
    let mut sentences: Vec<DocSentence> = Vec::new();
    let mut section = None;
    for p in parts {
        match p.strip_prefix("# ") {
            Some(title) => section = Some(title),
            None => sentences.push(DocSentence { text: p, section }),
        }
    }
    let doc: Vec<&str> = sentences.iter().map(|s| s.text).collect();
    let mut found: Vec<TimeAnnotations> = doc.iter().map(|t| extract_dates(t)).collect();
    let dd = doc_date.map(|d| HistDate::parse_contract(d).unwrap());
    anchor_document(&sentences, dd, &mut found);
    let mut out = Vec::new();
    for (k, a) in found.iter().enumerate() {
        for m in &a.mentions {
            if m.anchor.is_none() {
                continue;
            }
            let f = m.from.map(|d| d.to_contract_string()).unwrap_or_default();
            let t = m.to.map(|d| d.to_contract_string()).unwrap_or_default();
            let v = if f == t { f } else { format!("{f}..{t}") };
            out.push(format!("{k}:{}={v}", m.text(doc[k])));
        }
    }
    out.join(" | ")
}

#[test]
fn smoke() {
    assert_eq!(
        run(
            &[
                "In July 1914 war broke out.",
                "On 7 August, French troops invaded."
            ],
            None
        ),
        "1:7 August=1914-08-07"
    );
}

/// (sentences separated by " || ", the document's date, expected anchored
/// mentions as "sentence:text=value" joined by " | "; empty: none).
const TABLE: &[(&str, Option<&str>, &str)] = &[
    // day and month without a year
    (
        "In July 1914 war broke out. || On 7 August, French and British troops invaded.",
        None,
        "1:7 August=1914-08-07",
    ),
    (
        "The siege began in May 1871. || By June 2 the town had surrendered.",
        None,
        "1:June 2=1871-06-02",
    ),
    (
        "The offensive opened in 1916. || Fighting raged on the 12th–14 July.",
        None,
        "1:12th–14 July=1916-07-12..1916-07-14",
    ),
    (
        "The garrison held out through April 1945. || Surrendering on May 4 and 5, it marched out.",
        None,
        "1:May 4 and 5=1945-05-04..1945-05-05",
    ),
    (
        "He was born in 1807. || On 14 April he was baptised.",
        None,
        "1:14 April=1807-04-14",
    ),
    (
        "The treaty of 1648 ended the war. || It was ratified on 24 October.",
        None,
        "1:24 October=1648-10-24",
    ),
    (
        "In 1805 Napoleon marched east. || On December 2 he won at Austerlitz.",
        None,
        "1:December 2=1805-12-02",
    ),
    (
        "In 1863 Lee invaded the North. || On July 1 the armies met at Gettysburg.",
        None,
        "1:July 1=1863-07-01",
    ),
    (
        "In 1863 Lee invaded the North. || Fighting began on 1 July and ended on 3 July.",
        None,
        "1:1 July=1863-07-01 | 1:3 July=1863-07-03",
    ),
    (
        "The congress opened in 1815. || The final act was signed on the 9th of June.",
        None,
        "1:9th of June=1815-06-09",
    ),
    (
        "In 1917 the tsar abdicated. || July 25 of that year saw riots.",
        None,
        "1:July 25 of that year=1917-07-25",
    ),
    (
        "The war ended in 1945. || On 2 September, Japan signed.",
        None,
        "1:2 September=1945-09-02",
    ),
    (
        "In 1940 France fell. || On 14 June, German troops entered Paris. || On 22 June an armistice was signed.",
        None,
        "1:14 June=1940-06-14 | 2:22 June=1940-06-22",
    ),
    (
        "The uprising of 1830 spread. || On 29 November cadets attacked.",
        None,
        "1:29 November=1830-11-29",
    ),
    (
        "A revolt broke out in 1857. || It reached Delhi on 11 May.",
        None,
        "1:11 May=1857-05-11",
    ),
    (
        "Elections were held in 1994. || On April 27, millions voted.",
        None,
        "1:April 27=1994-04-27",
    ),
    (
        "In 1588 the Armada sailed. || On 29 July it was sighted off Cornwall.",
        None,
        "1:29 July=1588-07-29",
    ),
    (
        "The army crossed in March 1812. || On 24 June it entered Russia.",
        None,
        "1:24 June=1812-06-24",
    ),
    // a day alone while a month is in scope
    (
        "The coup began in August 1991. || On the 19th, tanks entered Moscow.",
        None,
        "1:the 19th=1991-08-19",
    ),
    (
        "Troops landed on 1 March 1921. || On the 5th, troops seized the radio station.",
        None,
        "1:the 5th=1921-03-05",
    ),
    (
        "The battle opened in February 1916. || It culminated in the onslaught on the 20th.",
        None,
        "1:the 20th=1916-02-20",
    ),
    (
        "The siege began on 3 May 1453. || The walls fell by the 29th of that month.",
        None,
        "1:the 29th of that month=1453-05-29",
    ),
    (
        "In 1453 the siege began. || On the 5th, the walls were breached.",
        None,
        "",
    ),
    // a clause after the day, in the sentence of its month's date
    (
        "War came in July 1914. || The town fell on September 2, and on the 5th the army retreated.",
        None,
        "1:September 2=1914-09-02 | 1:the 5th=1914-09-05",
    ),
    (
        "War came in July 1914. || The guns fell silent, and on the 9th they withdrew.",
        None,
        "1:the 9th=1914-07-09",
    ),
    (
        "War came in July 1914. || He lived on the 5th floor.",
        None,
        "",
    ),
    (
        "In June 1944 the Allies landed. || On the 6th Division front all was quiet.",
        None,
        "",
    ),
    // relative years
    (
        "The war began in 1756. || The following year Prussia invaded Bohemia.",
        None,
        "1:The following year=1757",
    ),
    (
        "He entered parliament in 1832. || The next year he married.",
        None,
        "1:The next year=1833",
    ),
    (
        "The city fell in 1204. || A year earlier the crusaders had sailed.",
        None,
        "1:A year earlier=1203",
    ),
    (
        "The republic was proclaimed in 1792. || Two years later Robespierre fell.",
        None,
        "1:Two years later=1794",
    ),
    (
        "The first congress met in 1774. || The second met the following year.",
        None,
        "1:the following year=1775",
    ),
    (
        "The first congress met in 1898. || The third congress met the following spring.",
        None,
        "1:the following spring=1899",
    ),
    (
        "He was elected in 1860. || That year the South seceded.",
        None,
        "1:That year=1860",
    ),
    (
        "The famine struck in 1845. || In the previous year the harvest had been good.",
        None,
        "1:the previous year=1844",
    ),
    (
        "Rome was sacked in AD 410. || Three years later the Visigoths moved on.",
        None,
        "1:Three years later=0413",
    ),
    (
        "The party was founded in 1919. || The same year it held its congress.",
        None,
        "1:The same year=1919",
    ),
    (
        "In 1066 William landed. || The next year he returned to Normandy. || Two years later he harried the north.",
        None,
        "1:The next year=1067 | 2:Two years later=1069",
    ),
    (
        "The temple was built in 30 BC. || Two years later it burned.",
        None,
        "1:Two years later=-0028",
    ),
    (
        "Augustus died in AD 14. || A year earlier he had written his will.",
        None,
        "1:A year earlier=0013",
    ),
    (
        "In 2 BC the law passed. || Three years later it was repealed.",
        None,
        "1:Three years later=0002",
    ),
    (
        "The reform came in 1861. || The following years saw unrest.",
        None,
        "",
    ),
    (
        "The reform came in 1861. || Two years after the war the serfs were freed.",
        None,
        "",
    ),
    // relative months and days
    (
        "The siege began in October 1683. || The following month the Turks retreated.",
        None,
        "1:The following month=1683-11",
    ),
    (
        "Paris fell on 14 June 1940. || The next day the government fled.",
        None,
        "1:The next day=1940-06-15",
    ),
    (
        "The armistice was signed on 11 November 1918. || Three days later the troops withdrew.",
        None,
        "1:Three days later=1918-11-14",
    ),
    (
        "The war ended in 1918. || Three days later the troops withdrew.",
        None,
        "",
    ),
    (
        "The war ended in 1918. || The next day the kaiser left.",
        None,
        "",
    ),
    (
        "The fleet sailed on 31 December 1799. || The next day it reached port.",
        None,
        "1:The next day=1800-01-01",
    ),
    (
        "The session began in December 1920. || The following month it adjourned.",
        None,
        "1:The following month=1921-01",
    ),
    // months alone
    (
        "The campaign of 1812 began well. || In August the army reached Smolensk.",
        None,
        "1:August=1812-08",
    ),
    (
        "The rising came in 1916. || By May it had been crushed.",
        None,
        "1:May=1916-05",
    ),
    (
        "Parliament met in 1640. || Until November it sat.",
        None,
        "1:November=1640-11",
    ),
    // modifiers in the span
    (
        "In 1941 the invasion began. || By early December it had stalled.",
        None,
        "1:early December=1941-12",
    ),
    // news-style expressions need the document's own date
    // … and the count after them is no year
    (
        "Last year 167 Member States voted.",
        Some("2019-09-25"),
        "0:Last year=2018",
    ),
    (
        "Last year the Assembly met in New York.",
        Some("2019-09-25"),
        "0:Last year=2018",
    ),
    (
        "This year marks our independence.",
        Some("2015-09-30"),
        "0:This year=2015",
    ),
    (
        "In May this year 180 countries signed.",
        Some("2016-09-20"),
        "0:May this year=2016-05",
    ),
    (
        "This month the council met twice.",
        Some("2016-09-20"),
        "0:This month=2016-09",
    ),
    (
        "Last month the council met twice.",
        Some("2016-01-20"),
        "0:Last month=2015-12",
    ),
    ("Last year the Assembly met in New York.", None, ""),
    (
        "In April, 108 countries signed the treaty.",
        Some("2016-09-20"),
        "0:April=2016-04",
    ),
    (
        "On 15 April, 500 of the arrested were executed.",
        Some("1950-06-01"),
        "0:15 April=1950-04-15",
    ),
    // apostrophe years take the reference's century
    (
        "The war began in 1914. || In the spring of '18 the Germans attacked.",
        None,
        "1:the spring of '18=1918",
    ),
    (
        "He fought in 1898. || The '99 Boys were his men.",
        None,
        "1:'99=1899",
    ),
    ("He fought in the '99 campaign.", None, ""),
    // nothing without a reference
    ("On Saturday the coach resigned.", None, ""),
    ("On 7 August, troops invaded.", None, ""),
    ("The following year Prussia invaded.", None, ""),
    ("Two years later he died.", None, ""),
    ("The team won 7 May to 3.", None, ""),
    (
        "In 1990 the team was founded. || It won 21 of its 30 games.",
        None,
        "",
    ),
    (
        "In 1990 the team was founded. || He was 12 years old.",
        None,
        "",
    ),
    (
        "In 1990 the team was founded. || For 12 years it lost.",
        None,
        "",
    ),
    (
        "In 1990 the team was founded. || It scored 3 goals to 2.",
        None,
        "",
    ),
    (
        "In 1990 the team was founded. || Its 5th season was its best.",
        None,
        "",
    ),
    (
        "In 1990 the team was founded. || It paid $7 million.",
        None,
        "",
    ),
    (
        "In 1990 the team was founded. || May the best team win.",
        None,
        "",
    ),
    // a range over several years leaves no reference
    (
        "The war lasted from 1914 to 1918. || On 7 August, troops invaded.",
        None,
        "",
    ),
    (
        "Between 1939 and 1945 millions died. || The following year peace came.",
        None,
        "",
    ),
    // a quoted older date is not the narrative's
    (
        "In 1940 he wrote: \"I remember 1914.\" || On 7 August he left.",
        None,
        "1:7 August=1940-08-07",
    ),
    // chains: anchored dates move the reference
    (
        "The campaign opened in 1809. || On 21 May the armies met. || On the 22nd, the French withdrew.",
        None,
        "1:21 May=1809-05-21 | 2:the 22nd=1809-05-22",
    ),
    (
        "The campaign opened in 1809. || The following year peace came. || On 1 April he married.",
        None,
        "1:The following year=1810 | 2:1 April=1810-04-01",
    ),
    // explicit dates later in the document take over
    (
        "In 1914 war broke out. || In 1916 the Somme began. || On 1 July, troops attacked.",
        None,
        "2:1 July=1916-07-01",
    ),
    (
        "On 7 August 1914 troops invaded. || On 20 August they took Brussels.",
        None,
        "1:20 August=1914-08-20",
    ),
    // a date in the same sentence anchors what follows it
    (
        "In 1915, on 25 April, troops landed at Gallipoli.",
        None,
        "0:25 April=1915-04-25",
    ),
    (
        "Elected in 1800, he took office on 4 March.",
        None,
        "0:4 March=1800-03-04",
    ),
    // impossible days give nothing
    (
        "In 1915 the war went on. || On 31 April nothing happened.",
        None,
        "",
    ),
    (
        "In 1900 the century turned. || On 29 February nothing happened.",
        None,
        "",
    ),
    (
        "In 2000 the century turned. || On 29 February it snowed.",
        None,
        "1:29 February=2000-02-29",
    ),
    // a section heading with a date is the reference of its sentences
    (
        "In August 1950 the perimeter held. || # Battle of Inchon (September 1950) || On 15 September, marines landed.",
        None,
        "1:15 September=1950-09-15",
    ),
    (
        "# Second truce: 18 July – 15 October 1948 || At 19:00 on 18 July, the second truce went into effect. || On 16 September, Bernadotte proposed a new partition.",
        None,
        "0:18 July=1948-07-18 | 1:16 September=1948-09-16",
    ),
    (
        "# 1950 || On 6 July, he ordered a landing.",
        None,
        "0:6 July=1950-07-06",
    ),
    ("# Aftermath || On 6 July, he ordered a landing.", None, ""),
    // a range over two years: a month falls in one year of it only
    (
        "The Boers invaded the Cape Colony between October 1899 and January 1900. || Boer guns began shelling the camp at dawn on 20 October.",
        None,
        "1:20 October=1899-10-20",
    ),
    (
        "The offensive lasted from November 1916 to March 1917. || On 2 February, the line broke.",
        None,
        "1:2 February=1917-02-02",
    ),
    (
        "The war lasted from June 1950 to July 1953. || On 25 June, the army crossed the border.",
        None,
        "",
    ),
    (
        "The occupation lasted from October 1899 to January 1900. || The following year the army left.",
        None,
        "",
    ),
    // an earlier year told in passing is no new reference
    (
        "On 25 February 1916, infantry advanced on the fort. || Most of the forts had been partly disarmed in 1914. || On 26 February, the Germans had advanced 3 km.",
        None,
        "2:26 February=1916-02-26",
    ),
    (
        "The battle was fought in July 1864. || Burnside had also fought poorly in 1862 at Fredericksburg. || Digging began in late June.",
        None,
        "2:late June=1864-06",
    ),
    // … but one that opens the sentence moves it
    (
        "The battle was fought in July 1864. || In 1862, Burnside was defeated. || On 13 December, he attacked.",
        None,
        "2:13 December=1862-12-13",
    ),
    // a year as an adjective is not when the narrative is
    (
        "The battle was fought in July 1863. || Busey and Martin's more recent 2005 work gives lower figures. || The armies stared at one another on July 4.",
        None,
        "2:July 4=1863-07-04",
    ),
    (
        "The siege began in May 1948. || It was the 1967 war that changed the borders. || On 23 May, Abdullah spoke to the consul.",
        None,
        "2:23 May=1948-05-23",
    ),
    // a list takes the year it ends with
    (
        "The port fell in March 1945. || After defeats in Normandy in July and August, 1944, the Germans withdrew.",
        None,
        "1:July=1944-07",
    ),
    (
        "Troops landed in July and August, 1944.",
        None,
        "0:July=1944-07",
    ),
    // a year the document hardly tells of is a digression, not the narrative's
    (
        "The battle was fought on 1–3 July 1863. || Lee retreated on 4 July 1863. || Meade followed in July 1863. || Lincoln spoke in November 1863. || In 1886 Jones returned to mark the spot with a monument. || On July 2 the Union line held.",
        None,
        "",
    ),
    (
        "Haig planned the offensive in January 1917. || Arras opened in April 1917. || Messines fell in June 1917. || In 2007, Sheldon wrote about the casualty figures. || On 31 July the infantry attacked.",
        None,
        "4:31 July=1917-07-31",
    ),
    // a month well before the reference's may be the next year's: no guess
    (
        "Burnside attacked on December 13, 1862. || By the morning of May 3, the Union line resembled a horseshoe.",
        None,
        "",
    ),
    // ... but a narrative goes forward over the new year: a month a season
    // after the reference's, across December, is the next year's
    (
        "Black Week ran from 10 to 17 December 1899. || Lord Roberts arrived in Cape Town on 10 January and took command.",
        None,
        "1:10 January=1900-01-10",
    ),
    (
        "Congress convened in December 1857. || The term of his predecessor expired in March.",
        None,
        "1:March=1858-03",
    ),
    (
        "Congress convened in December 1857. || The term of his predecessor expired in June.",
        None,
        "",
    ),
    // the part of the year or a month "that" year, right after a date with
    // its month; not in a speech about its own present
    (
        "Chinese troops entered the war in late October 1950. || By the end of the year the UN forces were in full retreat.",
        None,
        "1:the end of the year=1950",
    ),
    (
        "Truman dismissed MacArthur on 11 April 1951. || Armistice talks began that July at Kaesong.",
        None,
        "1:that July=1951-07",
    ),
    (
        "The treaty was signed in 1973. || Elections were held before the end of the year.",
        None,
        "",
    ),
    (
        "The talks opened on 2 June 1990. || Elections will take place before the end of the year.",
        None,
        "",
    ),
    // a war told year by year names each year once; a day given a sentence
    // or two before carries its year, a bare year told in passing does not
    (
        "The war broke out on 11 October 1899. || Within weeks the Boers had besieged Ladysmith. || From 10 to 17 December the British suffered three defeats. || Pretoria fell on 5 June 1900. || In early 1901 the camps were set up. || Peace talks began in March 1902.",
        None,
        "2:10 to 17 December=1899-12-10..1899-12-17",
    ),
    (
        "The talks began in 1998. || They met again in 2001, 2003 and 2005. || In 1974 the dispute had begun. || On 25 March the army moved in.",
        None,
        "",
    ),
    (
        "The army reached the river on 18 June 1815. || On 15 June the French had crossed the border.",
        None,
        "1:15 June=1815-06-15",
    ),
    // "forty-five years earlier" is no five years
    (
        "The second battle was fought in 955. || The first battle happened in the same area forty-five years earlier.",
        None,
        "",
    ),
    // a year counted from the moment of writing is not the narrative's
    (
        "The Tigers were formed in 1976. || In January last year they bombed the Central Bank, and in July last year a train.",
        None,
        "",
    ),
    (
        "The treaty of 1993 was a start. || The signature in December last year in Ottawa banned landmines.",
        None,
        "",
    ),
    (
        "Resolution 1483 (2003) was adopted. || We welcomed the agreement concluded on 16 September last in Houston.",
        None,
        "",
    ),
    (
        "The meeting of 1980 was a success. || In June of this year we organized a conference.",
        None,
        "",
    ),
    // nor a day of every year
    (
        "The law was passed in early 1997. || It declared every 8 January as Omani Day of the Environment.",
        None,
        "",
    ),
    // ordinals of units and lists of spans are no dates
    (
        "The encirclement closed on 16 September 1941. || Losses were heavy in 43 divisions of the 5th, 21st, 26th, and 37th Soviet Armies.",
        None,
        "",
    ),
    (
        "The war began in June 1950. || Communism was acting in Korea, just as the dictators had ten, fifteen, and twenty years earlier.",
        None,
        "",
    ),
    // a year the sentence itself gives is never a digression
    (
        "The war began in March 1998. || Talks failed in February 1999. || NATO struck on 24 March 1999. || The army withdrew in June 1999. || On 8 May 1989 Milošević became President, which was confirmed on 6 December.",
        None,
        "4:6 December=1989-12-06",
    ),
    (
        "The incident of 2 August 1964 led to war. || Congress voted in August 1964. || The resolution passed on 7 August 1964. || A document declassified in 2005 revealed that there was no attack on 4 August.",
        None,
        "3:4 August=1964-08-04",
    ),
    // "that spring" is the reference's own year
    (
        "In February 1917 the tsar abdicated. || That summer the army collapsed.",
        None,
        "1:That summer=1917",
    ),
    (
        "The minister was appointed in 1931. || He did not survive that fall from power.",
        None,
        "",
    ),
    // a day before the month is the day, the number after it a count
    (
        "The convoys sailed in July 1940. || By 8 August 18 coal ships and 4 destroyers had been sunk.",
        None,
        "",
    ),
    // a step back told in passing does not move the narrative
    (
        "Grant crossed the Rapidan on May 4, 1864, where Hooker had been routed in May 1863, one year earlier. || On May 5 the armies met in the Wilderness.",
        None,
        "0:one year earlier=1863 | 1:May 5=1864-05-05",
    ),
    // a year named a third as often as the narrative's is a digression
    (
        "The war began in April 1898. || Dewey sailed in April 1898. || Manila fell in August 1898. || The treaty was signed in December 1898. || Congress debated it until February 1899. || By June 1898 the fleet was at Santiago. || On July 3, the Spanish squadron left the harbor.",
        None,
        "6:July 3=1898-07-03",
    ),
    // a weekday beside the day must be the date's
    (
        "The operation began in September 1944. || Day 2: Monday, 18 September.",
        None,
        "1:18 September=1944-09-18",
    ),
    (
        "In 1886 veterans met at the town. || General Lee wished to renew the attack on Friday, July 3.",
        None,
        "",
    ),
    // a relative year told in passing (a plan, a postponement) does not
    // move the narrative; one that opens the sentence does
    (
        "William resolved in November 1687 to invade the next summer. || In April he began to gather a fleet.",
        None,
        "0:the next summer=1688",
    ),
    (
        "The plot neared completion in 1688. || It is said that the news made William decide to invade the next summer. || It is certain however that in April 1688 he was ready. || So in May he wrote to his allies.",
        None,
        "1:the next summer=1689 | 3:May=1688-05",
    ),
    (
        "The landing of 1688 was planned in secret. || Storms forced him to put it off until the following year. || By early September the fleet was ready. || On 9 November his army reached Exeter.",
        None,
        "1:the following year=1689 | 2:early September=1688-09 | 3:9 November=1688-11-09",
    ),
    (
        "He was elected in 1902. || The following year he resigned. || On 3 May he left the country.",
        None,
        "1:The following year=1903 | 2:3 May=1903-05-03",
    ),
    // a date earlier in the same sentence comes before the narrative's
    (
        "In March 1896 he married Anna. || He had toured Europe in August 1895, but came home later that year.",
        None,
        "1:that year=1895",
    ),
    (
        "In 1482 the old king died. || Warwick had been captured in 1461, and Edward released him eight years later.",
        None,
        "1:eight years later=1469",
    ),
    (
        "The rising began on 26 January 1918. || After the defeats of July and October 1917, on 1 November the council voted to seize power.",
        None,
        "1:1 November=1917-11-01",
    ),
    // "N later, in D": the date says it; the relative expression adds nothing
    (
        "The settlers arrived in 1830. || Twelve years later, in 1842, the town was founded.",
        None,
        "",
    ),
    (
        "The army landed in September 1854. || Ten days later, on 24 September 1854, the march began.",
        None,
        "",
    ),
    // the end or beginning of a month whose year the story gave
    (
        "The siege began in March 1900. || Between the end of April and the beginning of May the rains came. || By the end of June the town fell.",
        None,
        "1:the end of April=1900-04 | 1:the beginning of May=1900-05 | 2:the end of June=1900-06",
    ),
    // months counted from a reference month, never from a bare year
    (
        "The rising broke out in November 1918. || Two months later the army moved north.",
        None,
        "1:Two months later=1919-01",
    ),
    (
        "The rising broke out in 1918. || Two months later the army moved north.",
        None,
        "",
    ),
    // "that same day"
    (
        "The army landed on 5 June 1944. || Its commander went ashore that same day.",
        None,
        "1:that same day=1944-06-05",
    ),
    // an open range's one end is a moment for what follows
    (
        "French troops would not withdraw until 1946, the same year that Syria won its independence.",
        None,
        "0:the same year=1946",
    ),
    // a month or a day with its year said relative to the reference (far from it, the month
    // is a digression the pass does not guess, and the relative year stands alone)
    (
        "The French took the Malakoff on 8 September 1855. || Peace talks opened in Paris in \
         February of the following year.",
        None,
        "1:February of the following year=1856-02",
    ),
    (
        "The treaty was signed in June 1920. || It had been drafted on 3 May of the previous year.",
        None,
        "1:3 May of the previous year=1919-05-03",
    ),
    (
        "The treaty was signed in 1812. || Its walls were rebuilt. || Guns were bought. || \
         Peace came in May of the following year.",
        None,
        "3:the following year=1813",
    ),
    (
        "The war lasted from 1914 to 1918. || Talks began in May of the following year.",
        None,
        "",
    ),
    // the end of a span opened in a year of the same sentence is in a later, unsaid year
    (
        "Rybkin led the State Duma from 1994 until January and is seen as a centrist.",
        None,
        "",
    ),
    (
        "The war began in 1914. || The army held the line until March.",
        None,
        "1:March=1914-03",
    ),
    // a comment from decades away is no reference for the narrative's next day
    (
        "Stalin demanded bases in 1939. || The talks failed in October 1939. || \
         The ultimatum expired in late November 1939. || On 28 November the pact was renounced. || \
         A president said on 14 March 2013 that the war had been a mistake. || \
         On 30 November the army crossed the border.",
        None,
        "3:28 November=1939-11-28 | 5:30 November=1939-11-30",
    ),
    // a jump forward in a life is the narrative, when its days follow on
    (
        "He graduated in 1866. || In 1866 he also married. || He served as a surgeon in 1870 and 1871. || \
         He suffered a stroke on 9 April 1910. || On 27 May he died at the spa.",
        None,
        "4:27 May=1910-05-27",
    ),
    // a sentence that opens on its year frames its own days, however rarely the year is named
    (
        "The war began in May 1948. || The fighting went on through 1948. || \
         In 1949, armistices were signed on 24 February and on 3 April.",
        None,
        "2:24 February=1949-02-24 | 2:3 April=1949-04-03",
    ),
    // in a story, a month most of a year after the reference's may be a look back
    (
        "The offensive began on 30 November 1939. || By late January 1940 the troops wore white. || \
         On 16 December the line at Summa held.",
        None,
        "",
    ),
    // a speaker's months ahead are the present year's
    (
        "We adopted the plan in February 1997. || We will sign this treaty in December.",
        None,
        "1:December=1997-12",
    ),
    // the first date of a sentence, to the month, is where a story comes back to
    (
        "Spain and Portugal came to terms in February 1715. || \
         Villars captured Landau in August 1713, and Freiburg in November. || \
         On 26 November the talks began at Rastatt.",
        None,
        "1:November=1713-11 | 2:26 November=1713-11-26",
    ),
    (
        "Talks had begun at The Hague in March 1701. || They collapsed in early August.",
        None,
        "1:early August=1701-08",
    ),
    // but not one told in a clause of its own
    (
        "The talks resumed in March 1986. || They rejected a plan that had been drafted in August 1984. || \
         In May the talks failed.",
        None,
        "2:May=1986-05",
    ),
    // a habit's days and months are any year's
    (
        "The marathon was first run in 1980. || It is held in the city, usually in August.",
        None,
        "",
    ),
    (
        "The abbess died on 17 September 1179. || She was canonized in 2012. || Her feast day is 17 September.",
        None,
        "",
    ),
    (
        "The town was founded in 1850. || Temperatures average 19 °F in January.",
        None,
        "",
    ),
    (
        "The parade was first held in 1996. || It is a yearly parade of boats, held in August.",
        None,
        "",
    ),
    (
        "Congress met again in 1868. || In his annual message in December, the president urged repeal.",
        None,
        "1:December=1868-12",
    ),
    // a day's or month's "that year" is the year last named, however it was used
    (
        "The airline was founded in 1934. || It merged in its 2010 deal with United; approval came in October of that year.",
        None,
        "1:October of that year=2010-10",
    ),
    (
        "The armistice was signed on 27 July 1953. || Talks went on through 1953. || \
         In April 1975, Saigon fell. || Kim visited China in April of that year.",
        None,
        "3:April of that year=1975-04",
    ),
    (
        "Riots broke out in June 1968 and spread in November the same year.",
        None,
        "0:November the same year=1968-11",
    ),
    // a day whose year is there but misread is no other year's
    (
        "The session opened in September 1993. || Forty-eighth session - 8 October l993 The debate went on.",
        None,
        "",
    ),
    // a list's year is its months' even where the narrative cannot place them
    (
        "The army retreated in February 1910. || In October and November 1910, the rites were staged.",
        None,
        "1:October=1910-10",
    ),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for (doc, dd, want) in TABLE {
        let parts: Vec<&str> = doc.split(" || ").collect();
        let got = run(&parts, *dd);
        if got != *want {
            failures.push(format!("{doc}\n   want {want}\n   got  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn section_with_a_date_drops_the_reference() {
    let docs = ["In 1914 war broke out.", "On 7 August, troops invaded."];
    let sentences = [
        DocSentence {
            text: docs[0],
            section: Some("Outbreak"),
        },
        DocSentence {
            text: docs[1],
            section: Some("1920s"),
        },
    ];
    let mut found: Vec<TimeAnnotations> = docs.iter().map(|t| extract_dates(t)).collect();
    anchor_document(&sentences, None, &mut found);
    assert!(found[1].mentions.is_empty());
}

#[test]
fn anchored_years_reach_the_facets() {
    let docs = ["In 1914 war broke out.", "The following year Italy joined."];
    let sentences: Vec<DocSentence> = docs
        .iter()
        .map(|t| DocSentence {
            text: t,
            section: None,
        })
        .collect();
    let mut found: Vec<TimeAnnotations> = docs.iter().map(|t| extract_dates(t)).collect();
    anchor_document(&sentences, None, &mut found);
    assert_eq!(found[1].years, vec![1915]);
    assert_eq!(found[1].decades, vec![1910]);
    assert_eq!(found[1].centuries, vec![20]);
}

#[test]
fn modifiers() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "At the end of September 1940 it ended.",
            "the end of September 1940",
            "end",
        ),
        (
            "In early January 1942 it froze.",
            "early January 1942",
            "start",
        ),
        (
            "In the summer of 1863 Lee moved.",
            "the summer of 1863",
            "summer",
        ),
        ("By mid-1990 it was over.", "mid-1990", "mid"),
        ("By late 1943 it had turned.", "late 1943", "end"),
    ];
    for (text, span, m) in cases {
        let a = extract_dates(text);
        assert_eq!(a.mentions.len(), 1, "{text}");
        assert_eq!(a.mentions[0].text(text), *span, "{text}");
        assert_eq!(a.mentions[0].modifier, Some(*m), "{text}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_keeps_char_boundaries(
            a in "\\PC{0,80}",
            b in "[A-Za-z0-9 ,.'’–-]{0,60}",
            c in "(On |the |In )?([0-9]{1,2}(th)? )?(May|June|July)? ?(the following year|'[0-9]{2}|[0-9]{4})?\\.?",
        ) {
            let texts = [a.as_str(), b.as_str(), c.as_str(), "In 1914 war began."];
            let sentences: Vec<DocSentence> = texts
                .iter()
                .map(|t| DocSentence { text: t, section: None })
                .collect();
            let mut found: Vec<TimeAnnotations> = texts.iter().map(|t| extract_dates(t)).collect();
            anchor_document(&sentences, Some(HistDate::ymd(2001, 9, 11)), &mut found);
            for (t, f) in texts.iter().zip(&found) {
                for m in &f.mentions {
                    prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
                    prop_assert!(m.start < m.end && m.end <= t.len());
                }
            }
        }
    }
}
