//! The contract's wire types against their JSON: what a stored record keeps
//! and what a client reads.

use super::*;

fn record() -> SentenceRecord {
    serde_json::from_value(serde_json::json!({
        "doc": "news/a.txt", "source": "news/a.txt", "line": 3, "sentence": 2,
        "start": 10, "end": 52, "text": "Iran and Azerbaijan signed it in 1992.",
        "refs": [], "dates": [], "years": [1992], "decades": [1990], "centuries": [20],
        "entities": [], "countries": [{"code": "IR", "name": "Iran"}],
        "persons": [], "orgs": [], "places": []
    }))
    .unwrap()
}

#[test]
fn the_stored_copy_leaves_out_what_is_kept_elsewhere_and_empty_lists() {
    let record = record();
    let stored: serde_json::Value = serde_json::from_slice(&record.stored_json()).unwrap();
    let keys: Vec<&str> = stored
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        // in key order
        [
            "centuries",
            "countries",
            "decades",
            "end",
            "line",
            "sentence",
            "start",
            "years"
        ]
    );
    assert_eq!(stored["countries"], serde_json::json!([{"code": "IR"}]));

    let mut read: SentenceRecord = serde_json::from_value(stored).unwrap();
    read.restore(
        record.doc.clone(),
        record.source.clone(),
        record.text.clone(),
    );
    assert_eq!(read, record);
}

#[test]
fn the_contract_keeps_empty_lists_after_a_stored_copy() {
    let record = record();
    let _ = record.stored_json();
    let written = serde_json::to_value(&record).unwrap();
    assert_eq!(written["refs"], serde_json::json!([]));
    assert_eq!(written["text"], "Iran and Azerbaijan signed it in 1992.");
    assert_eq!(written["countries"][0]["name"], "Iran");
}
