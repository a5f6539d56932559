//! Filters and facets on the bundled corpus, checked against its gold and
//! against what `annals extract` says of each sentence.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{Fixture, SEED_PATH, hit_lines};
use predicates::prelude::*;
use serde_json::Value;

fn gold_lines(pred: impl Fn(&Value) -> bool) -> BTreeSet<u64> {
    crate::common::gold()
        .iter()
        .filter(|g| pred(g))
        .map(|g| g["line"].as_u64().unwrap())
        .collect()
}

fn gold_has(g: &Value, key: &str, code: &str) -> bool {
    g[key].as_array().unwrap().iter().any(|c| c == code)
}

fn lines_of(answer: &Value) -> BTreeSet<u64> {
    hit_lines(answer).into_iter().collect()
}

fn facet(answer: &Value, name: &str) -> BTreeMap<String, u64> {
    answer["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {name} in {answer}"))
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_year_range_returns_exactly_the_sentences_dated_in_it() {
    let f = Fixture::built();
    let (answer, code) = f.query_json(&["*", "--year", "2007..2012", "--limit", "50"]);
    assert_eq!(code, 0);
    let want = gold_lines(|g| {
        g["years"]
            .as_array()
            .unwrap()
            .iter()
            .any(|y| (2007..=2012).contains(&y.as_i64().unwrap()))
    });
    assert_eq!(lines_of(&answer), want);
    assert_eq!(answer["total"].as_u64().unwrap() as usize, want.len());
}

#[test]
fn year_ranges_with_open_ends_decades_and_centuries() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["*", "--year", "..1950", "--limit", "50"]);
    assert_eq!(
        lines_of(&answer),
        gold_lines(|g| g["years"]
            .as_array()
            .unwrap()
            .iter()
            .any(|y| y.as_i64().unwrap() <= 1950))
    );
    let (answer, _) = f.query_json(&["*", "--year", "2015..", "--limit", "50"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([26, 27, 30]));
    let (answer, _) = f.query_json(&["*", "--year", "1990s", "--limit", "50"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([8, 11, 23]));
    // Drill-down: the 9th century BC is spoken of on line 2 only.
    let (answer, _) = f.query_json(&["*", "--year", "9th century BC"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([2]));
    // Repeated flags OR.
    let (answer, _) = f.query_json(&["*", "--year", "1919", "--year", "2024"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([5, 30]));
    // Inline syntax.
    let (answer, _) = f.query_json(&["year:[2007 TO 2012]", "--limit", "50"]);
    let (flag, _) = f.query_json(&["*", "--year", "2007..2012", "--limit", "50"]);
    assert_eq!(lines_of(&answer), lines_of(&flag));
}

#[test]
fn invalid_year_ranges_are_errors() {
    let f = Fixture::built();
    f.annals(&["query", "*", "--year", "2010..1990"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--year"));
    f.annals(&["query", "*", "--year", "abc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a year"));
    f.annals(&["query", "*", "--date", "2007-02-31"])
        .assert()
        .code(2);
}

#[test]
fn date_ranges_select_day_and_month_mentions() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["*", "--date", "2007-02-01..2007-02-28"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([14, 16]));
    let (answer, _) = f.query_json(&["*", "--date", "2012-02-10..2012-02-12"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([10]));
    let (answer, _) = f.query_json(&["*", "--date", "1992"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([8]));
}

#[test]
fn sorting_by_date_puts_the_earliest_first_and_undated_last() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["*", "--sort", "date", "--limit", "40"]);
    let hits = answer["hits"].as_array().unwrap();
    assert_eq!(hits[0]["line"], 2, "the 9th century BC comes first");
    let first_undated = hits
        .iter()
        .position(|h| h["dates"].as_array().unwrap().is_empty())
        .unwrap();
    assert!(
        hits[first_undated..]
            .iter()
            .all(|h| h["dates"].as_array().unwrap().is_empty())
    );
    let (answer, _) = f.query_json(&["*", "--sort", "-date", "--limit", "40"]);
    assert_eq!(answer["hits"][0]["line"], 30, "2024 comes first");
    f.annals(&["query", "*", "--sort", "oldest"])
        .assert()
        .code(2);
}

#[test]
fn countries_filter_by_name_code_or_demonym_and_repeated_flags_or() {
    let f = Fixture::built();
    let (by_name, _) = f.query_json(&[
        "*",
        "--country",
        "Azerbaijan",
        "--country",
        "Israel",
        "--limit",
        "50",
    ]);
    let found = lines_of(&by_name);
    let required = gold_lines(|g| gold_has(g, "countries", "AZ") || gold_has(g, "countries", "IL"));
    let allowed = gold_lines(|g| {
        ["AZ", "IL"]
            .iter()
            .any(|c| gold_has(g, "countries", c) || gold_has(g, "countries_optional", c))
    });
    assert!(
        required.is_subset(&found),
        "missing {:?}",
        required.difference(&found).collect::<Vec<_>>()
    );
    assert!(
        found.is_subset(&allowed),
        "extra {:?}",
        found.difference(&allowed).collect::<Vec<_>>()
    );
    for alias in ["IR", "IRN", "Iranian", "iran", "Persia"] {
        let (answer, _) = f.query_json(&["*", "--country", alias, "--limit", "50"]);
        let (canonical, _) = f.query_json(&["*", "--country", "Iran", "--limit", "50"]);
        assert_eq!(lines_of(&answer), lines_of(&canonical), "{alias}");
    }
    let (inline, _) = f.query_json(&["country:IL", "--limit", "50"]);
    let (flag, _) = f.query_json(&["*", "--country", "IL", "--limit", "50"]);
    assert_eq!(lines_of(&inline), lines_of(&flag));
}

#[test]
fn unknown_countries_suggest_near_names() {
    let f = Fixture::built();
    f.annals(&["query", "*", "--country", "Azerbajan"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown country"))
        .stderr(predicate::str::contains("Azerbaijan"));
}

#[test]
fn filters_and_across_flags() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["*", "--country", "IL", "--year", "2012", "--limit", "50"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([10, 22]));
    let (answer, _) = f.query_json(&["embassies", "--country", "US"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([22]));
}

#[test]
fn person_org_place_and_source_filters() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["*", "--person", "Abbasov", "--limit", "50"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([16, 21]));
    let (answer, _) = f.query_json(&["*", "--person", "ALI ABBASOV", "--limit", "50"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([16, 21]));
    let (answer, _) = f.query_json(&["*", "--org", "Human Rights Watch"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([18]));
    let (answer, _) = f.query_json(&["*", "--place", "Tehran", "--limit", "50"]);
    assert_eq!(lines_of(&answer), BTreeSet::from([3, 7, 9]));
    let (answer, _) = f.query_json(&["*", "--source", "corpus/*.txt"]);
    assert_eq!(answer["total"], 31);
    let (answer, code) = f.query_json(&["*", "--source", "other/*.txt"]);
    assert_eq!((answer["total"].as_u64(), code), (Some(0), 1));
}

#[test]
fn the_year_facet_counts_what_the_gold_implies() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["*", "--facet", "year", "--facet-limit", "100"]);
    let mut want: BTreeMap<String, u64> = BTreeMap::new();
    for g in crate::common::gold() {
        for y in g["years"].as_array().unwrap() {
            *want.entry(y.to_string()).or_default() += 1;
        }
    }
    assert_eq!(facet(&answer, "year"), want);
}

#[test]
fn facets_count_every_match_and_agree_with_extraction() {
    let f = Fixture::built();
    let sentences = f.extract(&[SEED_PATH]);
    let mut want: BTreeMap<String, u64> = BTreeMap::new();
    for s in &sentences {
        for c in s["countries"].as_array().unwrap() {
            *want
                .entry(c["code"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let (answer, _) = f.query_json(&[
        "*",
        "--facet",
        "country",
        "--facet-limit",
        "100",
        "--limit",
        "1",
    ]);
    assert_eq!(facet(&answer, "country"), want);
    let names: Vec<&str> = answer["facets"]["country"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Iran") && names.contains(&"Azerbaijan"));
    // Sorted by count, then value.
    let counts: Vec<u64> = answer["facets"]["country"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn facet_limits_report_what_they_leave_out() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["*", "--facet", "year", "--facet-limit", "3"]);
    let info = &answer["facet_info"]["year"];
    assert_eq!(answer["facets"]["year"].as_array().unwrap().len(), 3);
    let distinct = info["distinct"].as_u64().unwrap();
    assert_eq!(info["remaining_values"].as_u64().unwrap(), distinct - 3);
    let year = &answer["facets"]["year"][0];
    assert!(year["key"].is_i64() && year["label"].is_string());
}

#[test]
fn facets_are_computed_over_the_filtered_result() {
    let f = Fixture::built();
    let (answer, _) = f.query_json(&["--facet", "country", "--year", "2007"]);
    let countries = facet(&answer, "country");
    assert_eq!(answer["total"], 3);
    assert!(countries.values().all(|&c| c <= 3));
    assert_eq!(countries.get("AZ"), Some(&3));
}

#[test]
fn unknown_facets_are_errors_listing_the_valid_ones() {
    let f = Fixture::built();
    f.annals(&["query", "*", "--facet", "colour"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "year, decade, century, country, person, org, place, region, source",
        ));
}

#[test]
fn the_text_histogram_lists_time_in_order() {
    let f = Fixture::built();
    let out = f
        .annals(&[
            "query",
            "*",
            "--facet",
            "century,year",
            "--facet-limit",
            "50",
            "--limit",
            "0",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let bc = text.find("9th century BC").expect("9th century BC");
    let c19 = text.find("19th century").expect("19th century");
    assert!(bc < c19, "{text}");
    let y1779 = text.find("\n  1779").expect("1779");
    let y2024 = text.find("\n  2024").expect("2024");
    assert!(y1779 < y2024);
    assert!(text.contains('█'));
}

#[test]
fn group_by_doc_keeps_one_hit_per_document() {
    let f = Fixture::seed();
    f.write(
        "corpus/other.txt",
        "Baku is a city. Baku is on the Caspian. Nothing else here.\n",
    );
    f.annals(&["build"]).assert().success();
    let (answer, _) = f.query_json(&["Baku", "--group-by", "doc"]);
    assert_eq!(answer["total"], 2);
    let hits = answer["hits"].as_array().unwrap();
    let matches: BTreeMap<&str, u64> = hits
        .iter()
        .map(|h| {
            (
                h["doc"].as_str().unwrap(),
                h["doc_matches"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(matches.get(SEED_PATH), Some(&8));
    assert_eq!(matches.get("corpus/other.txt"), Some(&2));
}

#[test]
fn unit_document_indexes_whole_files() {
    let f = Fixture::seed();
    f.write(
        "corpus/other.txt",
        "Baku is a city. It lies on the Caspian Sea.\n",
    );
    f.annals(&["build", "--unit", "document"])
        .assert()
        .success();
    let (answer, _) = f.query_json(&["*", "--facet", "country"]);
    assert_eq!(answer["total"], 2);
    let (answer, _) = f.query_json(&["Caspian"]);
    assert_eq!(answer["total"], 2);
    let (answer, _) = f.query_json(&["*", "--year", "2007..2012"]);
    assert_eq!(hit_lines(&answer), vec![1]);
}

#[test]
fn stats_describe_the_index() {
    let f = Fixture::built();
    let out = f.annals(&["stats", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["sentences"], 31);
    assert_eq!(stats["documents"], 1);
    assert_eq!(stats["sources"], 1);
    assert_eq!(stats["first_year"], 1779);
    assert_eq!(stats["last_year"], 2024);
    assert!(stats["size_bytes"].as_u64().unwrap() > 0);
    let dated = stats["dated_share"].as_f64().unwrap();
    assert!((dated - 17.0 / 31.0).abs() < 0.05, "{dated}");
    let (answer, _) = f.query_json(&["*", "--facet", "country"]);
    assert_eq!(stats["top"]["country"][0], answer["facets"]["country"][0]);
    assert!(
        stats["decades"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["label"] == "2010s")
    );
    f.annals(&["stats"])
        .assert()
        .success()
        .stdout(predicate::str::contains("decades"));
}

/// Documents are a dimension like the others: `--facet doc` counts matching
/// sentences by record id, `--doc` keeps the sentences of some documents.
#[test]
fn documents_are_counted_and_filtered_by_their_id() {
    let f = Fixture::empty();
    f.write(
        "corpus/records.jsonl",
        concat!(
            r#"{"id": "r1", "text": "Baku grew. Baku exported oil in 1901."}"#,
            "\n",
            r#"{"id": "r2", "text": "Tehran answered in 1902."}"#,
            "\n",
            r#"{"id": "r3", "text": "Baku and Tehran met in 1903."}"#,
            "\n"
        ),
    );
    f.annals(&["build"]).assert().success();
    let (answer, code) = f.query_json(&["Baku", "--facet", "doc"]);
    assert_eq!(code, 0);
    assert_eq!(
        facet(&answer, "doc"),
        BTreeMap::from([("r1".to_string(), 2), ("r3".to_string(), 1)])
    );
    let (answer, _) = f.query_json(&["*", "--doc", "r2", "--doc", "r3"]);
    assert_eq!(answer["total"], 2);
    let (answer, _) = f.query_json(&["*", "--doc", "r[12]"]);
    assert_eq!(answer["total"], 3);
    let (_, code) = f.query_json(&["*", "--doc", "r9"]);
    assert_eq!(code, 1);
}

/// Keyword facets count the same whatever the segments: an index built in
/// pieces (incremental builds, each its own segment) against the counts of
/// `annals extract`, for a match-all query (every value counted) and a
/// narrow one (a few).
#[test]
fn keyword_facets_are_exact_across_segments() {
    let f = Fixture::empty();
    let people = [
        "Ilham Aliyev",
        "Hassan Rouhani",
        "Heydar Aliyev",
        "Ebrahim Raisi",
    ];
    for round in 0..4 {
        for i in 0..3 {
            let who = people[(round + i) % people.len()];
            let other = people[(round * 3 + i + 1) % people.len()];
            f.write(
                &format!("corpus/r{round}-{i}.txt"),
                format!("President {who} met President {other} in Baku in {}.\nPresident {who} spoke.\n", 1990 + round),
            );
        }
        f.annals(&["build"]).assert().success();
    }
    let extracted = f.extract(&["corpus"]);
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for s in &extracted {
        for p in s["persons"].as_array().unwrap() {
            let key = p.as_str().unwrap().to_lowercase();
            *expected.entry(key).or_default() += 1;
        }
    }
    assert!(expected.len() >= 4, "{expected:?}");
    let (answer, _) = f.query_json(&["*", "--facet", "person", "--facet-limit", "100"]);
    assert_eq!(facet(&answer, "person"), expected);
    let (answer, _) = f.query_json(&["*", "--facet", "person", "--facet-limit", "2"]);
    let info = &answer["facet_info"]["person"];
    assert_eq!(info["distinct"], expected.len());
    let shown: u64 = answer["facets"]["person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        shown + info["remaining_count"].as_u64().unwrap(),
        expected.values().sum::<u64>()
    );
    let (answer, _) = f.query_json(&["met", "--facet", "person", "--year", "1991"]);
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for s in extracted.iter().filter(|s| {
        s["text"].as_str().unwrap().contains(" met ") && s["years"] == serde_json::json!([1991])
    }) {
        for p in s["persons"].as_array().unwrap() {
            *expected
                .entry(p.as_str().unwrap().to_lowercase())
                .or_default() += 1;
        }
    }
    assert!(!expected.is_empty());
    assert_eq!(facet(&answer, "person"), expected);
}

#[test]
fn places_are_counted_and_filtered_by_their_region() {
    let f = Fixture::empty();
    f.write(
        "corpus/local.txt",
        "Deputies in Laurel County searched the woods in 1990.\n\n\
         The mayor of Bowling Green, Ky., spoke in 1991.\n\n\
         Paris, Texas, voted in 1992.\n",
    );
    // in a document of its own; in the one above it would be Paris, Texas again
    f.write("corpus/national.txt", "Paris voted in 1993.\n");
    f.annals(&["build"]).assert().success();
    let (answer, code) = f.query_json(&["*", "--facet", "region"]);
    assert_eq!(code, 0);
    assert_eq!(
        facet(&answer, "region"),
        BTreeMap::from([
            ("us-ky kentucky".to_string(), 2),
            ("us-tx texas".to_string(), 1)
        ])
    );
    let names: Vec<&str> = answer["facets"]["region"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["name"].as_str())
        .collect();
    assert!(names.contains(&"US-KY Kentucky"), "{names:?}");
    for value in ["Kentucky", "US-KY", "us-ky kentucky"] {
        let (answer, _) = f.query_json(&["*", "--region", value]);
        assert_eq!(answer["total"], 2, "{value}");
    }
    let (answer, _) = f.query_json(&["*", "--region", "Texas"]);
    assert_eq!(answer["total"], 1);
}

#[test]
fn place_entities_carry_their_geonames_position_and_leave_the_person_its_name() {
    let f = Fixture::empty();
    f.write(
        "corpus/news.txt",
        "CHARLESTON, W.Va. (AP) — Montreal Mayor Valerie Plante toured the mine in 1990.\n\n\
         The plant in Lebanon, Ohio, closed in 1991.\n",
    );
    let records = f.extract(&["corpus/news.txt"]);
    let entities: Vec<&Value> = records
        .iter()
        .flat_map(|r| r["entities"].as_array().unwrap())
        .collect();
    let find = |text: &str| {
        entities
            .iter()
            .find(|e| e["text"] == text)
            .unwrap_or_else(|| panic!("{text}: {entities:?}"))
    };
    let charleston = find("CHARLESTON");
    assert_eq!(charleston["country"], "US");
    assert_eq!(charleston["region"], "US-WV");
    assert_eq!(charleston["geonames_id"], 4801859);
    let lat = charleston["lat"].as_f64().unwrap();
    let lon = charleston["lon"].as_f64().unwrap();
    assert!(
        (lat - 38.35).abs() < 0.1 && (lon + 81.63).abs() < 0.1,
        "{lat} {lon}"
    );
    assert_eq!(find("Montreal")["country"], "CA");
    assert_eq!(find("Valerie Plante")["kind"], "person");
    assert_eq!(find("Lebanon")["country"], "US");
    assert!(
        records[0]["persons"] == serde_json::json!(["Valerie Plante"]),
        "{:?}",
        records[0]["persons"]
    );
    // the country of the town named like one is the town's
    assert_eq!(records[1]["countries"][0]["code"], "US");
}

/// Speeches that say only "Hammarskjold" and a document that gives his full
/// name: the person facet counts one person, and filtering on the full name
/// finds the bare one too. Linked only once the full name is indexed (an
/// incremental build recomputes the links); "Bush", with two George Bushes
/// and too few sentences to judge, stays on its own.
#[test]
fn a_bare_surname_counts_as_the_one_full_name_it_stands_for_across_the_corpus() {
    let f = Fixture::empty();
    f.write(
        "corpus/b.txt",
        "Secretary-General Hammarskjold said the Organization must act.\n\
         We recall the words of Secretary-General Hammarskjold in 1960.\n\
         President Bush said the war would end.\n",
    );
    f.write(
        "corpus/c.txt",
        "The late Mr. Hammarskjold gave his life for peace in 1961.\n\
         Secretary-General Hammarskjold flew to Ndola.\n\
         President Bush spoke in 1991.\nPresident Bush spoke again in 1992.\n",
    );
    f.annals(&["build"]).assert().success();
    let people = |args: &[&str]| {
        let mut all = vec!["*", "--facet", "person"];
        all.extend_from_slice(args);
        let (answer, _) = f.query_json(&all);
        (facet(&answer, "person"), answer["total"].as_u64().unwrap())
    };
    let (before, _) = people(&[]);
    assert_eq!(before.get("hammarskjold"), Some(&4), "{before:?}");

    f.write(
        "corpus/a.txt",
        "Dag Hammarskjöld was elected Secretary-General of the United Nations in 1953.\n\
         In 1956 Dag Hammarskjöld sent peacekeepers to Suez.\n\
         The diaries of Dag Hammarskjöld were published in 1963.\n\
         George Bush met Mikhail Gorbachev in Malta in 1989.\n\
         George W. Bush spoke to the Assembly in 2002.\n",
    );
    f.annals(&["build"]).assert().success();
    let (after, _) = people(&[]);
    assert_eq!(after.get("dag hammarskjold"), Some(&7), "{after:?}");
    assert_eq!(after.get("hammarskjold"), None, "{after:?}");
    assert_eq!(after.get("bush"), Some(&3), "{after:?}");
    let (filtered, total) = people(&["--person", "Dag Hammarskjold"]);
    assert_eq!(total, 7, "{filtered:?}");
    let (_, bare) = people(&["--person", "Hammarskjold"]);
    assert_eq!(bare, 7);
}
