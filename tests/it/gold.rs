//! The bundled corpus against its gold annotations (tests/data/seed-gold.jsonl,
//! a copy of the project's gold): dates exactly, countries exactly (up to
//! the optional ones), persons at 90% or better.

use std::collections::BTreeSet;

use crate::common::{Fixture, SEED_PATH};
use serde_json::Value;

fn ints(v: &Value) -> BTreeSet<i64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The extracted sentences of one gold line.
fn on_line(sentences: &[Value], line: u64) -> Vec<&Value> {
    sentences.iter().filter(|s| s["line"] == line).collect()
}

fn year_of(date: &str) -> i64 {
    let negative = date.starts_with('-');
    let digits: String = date
        .trim_start_matches('-')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let y: i64 = digits.parse().unwrap();
    if negative { -y } else { y }
}

#[test]
fn every_line_has_exactly_its_gold_years() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    for g in crate::common::gold() {
        let line = g["line"].as_u64().unwrap();
        let found: BTreeSet<i64> = on_line(&sentences, line)
            .iter()
            .flat_map(|s| ints(&s["years"]))
            .collect();
        assert_eq!(found, ints(&g["years"]), "years of line {line}");
    }
}

#[test]
fn every_gold_date_and_century_is_found() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    for g in crate::common::gold() {
        let line = g["line"].as_u64().unwrap();
        let mentions: Vec<&Value> = on_line(&sentences, line)
            .iter()
            .flat_map(|s| s["dates"].as_array().unwrap().iter())
            .collect();
        for date in strings(&g["dates"]) {
            assert!(
                mentions
                    .iter()
                    .any(|m| m["from"].as_str().is_some_and(|f| f.starts_with(&date))
                        && matches!(m["precision"].as_str(), Some("day" | "month"))),
                "line {line}: date {date} not found in {mentions:?}"
            );
        }
        for century in ints(&g["century_mentions"]) {
            let start = if century > 0 {
                (century - 1) * 100
            } else {
                century * 100
            };
            assert!(
                mentions.iter().any(|m| m["precision"] == "century"
                    && m["from"].as_str().is_some_and(|f| year_of(f) <= start)
                    && m["to"]
                        .as_str()
                        .or(m["from"].as_str())
                        .is_some_and(|t| start <= year_of(t))),
                "line {line}: century {century} not found in {mentions:?}"
            );
        }
    }
}

#[test]
fn hijri_years_are_marked_and_never_read_as_gregorian() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    let first = &sentences[0];
    assert!(!ints(&first["years"]).contains(&1133) && !ints(&first["years"]).contains(&1342));
    let hijri: Vec<&Value> = first["dates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["calendar"] == "hijri")
        .collect();
    assert!(!hijri.is_empty(), "{:?}", first["dates"]);
}

#[test]
fn every_line_names_exactly_its_gold_countries() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    for g in crate::common::gold() {
        let line = g["line"].as_u64().unwrap();
        let found: BTreeSet<String> = on_line(&sentences, line)
            .iter()
            .flat_map(|s| {
                s["countries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["code"].as_str().unwrap().to_string())
            })
            .collect();
        let required = strings(&g["countries"]);
        let optional = strings(&g["countries_optional"]);
        let missing: Vec<&String> = required.difference(&found).collect();
        let extra: Vec<&String> = found
            .iter()
            .filter(|c| !required.contains(*c) && !optional.contains(*c))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "line {line}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn at_least_nine_in_ten_gold_persons_are_found() {
    let f = Fixture::seed();
    let sentences = f.extract(&[SEED_PATH]);
    let (mut wanted, mut found) = (0, 0);
    let mut missed = Vec::new();
    for g in crate::common::gold() {
        let line = g["line"].as_u64().unwrap();
        let names: Vec<String> = on_line(&sentences, line)
            .iter()
            .flat_map(|s| s["entities"].as_array().unwrap().iter())
            .filter(|e| e["kind"] == "person")
            .map(|e| e["text"].as_str().unwrap().to_string())
            .collect();
        for person in strings(&g["persons"]) {
            wanted += 1;
            if names.iter().any(|t| {
                person.contains(t.as_str()) && t.chars().count() > 3 || t.contains(&person)
            }) {
                found += 1;
            } else {
                missed.push(format!("line {line}: {person}"));
            }
        }
    }
    assert!(
        found * 10 >= wanted * 9,
        "found {found} of {wanted}; missed {missed:?}"
    );
}
