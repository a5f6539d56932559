//! Dates in context through the real binary: a section heading's date, a
//! document's own date, and what the JSON and the text output say of them.

use crate::common::Fixture;
use serde_json::Value;

fn dates_of<'a>(sentences: &'a [Value], starts_with: &str) -> &'a Vec<Value> {
    let s = sentences
        .iter()
        .find(|s| {
            s["text"]
                .as_str()
                .is_some_and(|t| t.starts_with(starts_with))
        })
        .unwrap_or_else(|| panic!("no sentence starting {starts_with:?}"));
    s["dates"].as_array().expect("dates")
}

#[test]
fn a_date_in_a_section_heading_dates_the_sentences_under_it() {
    let f = Fixture::empty();
    f.write(
        "korea.md",
        "# The Korean War\n\nThe Pusan Perimeter held in August 1950.\n\n\
         ## Battle of Inchon (September 1950)\n\nOn 15 September, marines landed at Incheon.\n",
    );
    let out = f.extract(&["korea.md"]);
    let dates = dates_of(&out, "On 15 September");
    assert_eq!(dates.len(), 1, "{dates:?}");
    let d = &dates[0];
    assert_eq!(d["text"], "15 September");
    assert_eq!(d["from"], "1950-09-15");
    assert_eq!(d["anchor"]["text"], "September 1950");
    assert_eq!(d["anchor"]["inferred"], "1950");
    assert_eq!(d["anchor"]["line"], 7);
}

#[test]
fn news_words_take_the_documents_date_and_the_count_after_them_is_no_year() {
    let f = Fixture::empty();
    f.write(
        "speeches.jsonl",
        r#"{"id": "s1", "date": "2018-09-25", "text": "Last year 167 Member States voted for the resolution. In May this year 180 countries adopted the programme."}"#,
    );
    let out = f.extract(&["speeches.jsonl"]);
    let first = dates_of(&out, "Last year");
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0]["text"], "Last year");
    assert_eq!(first[0]["from"], "2017");
    assert_eq!(first[0]["anchor"]["text"], "2018-09-25");
    assert!(first[0]["anchor"].get("line").is_none());
    let second = dates_of(&out, "In May this year");
    assert_eq!(second.len(), 1, "{second:?}");
    assert_eq!(second[0]["text"], "May this year");
    assert_eq!(second[0]["from"], "2018-05");
    assert!(out.iter().all(|s| {
        s["years"]
            .as_array()
            .is_some_and(|y| !y.iter().any(|v| v == 167 || v == 180))
    }));
}

#[test]
fn the_text_output_shows_the_inferred_year_in_brackets() {
    let f = Fixture::empty();
    f.write(
        "war.txt",
        "In July 1914 war broke out. On 7 August, French and British troops invaded Togoland.\n",
    );
    let out = f
        .annals(&["extract", "war.txt"])
        .output()
        .expect("run annals");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\"7 August\" [1914]"), "{text}");
}
