//! People and organizations in a news story, through the real binary: a headline, clubs in
//! results, a company's initials and short name, and surnames linked to the full name count as
//! the full name in facets and filters, while each entity keeps its own text.

use crate::common::Fixture;
use serde_json::Value;

const STORY: &str = "\
SOCCER - CANTONA SCORES TWICE AS UNITED WIN .
Manchester United striker Eric Cantona scored twice on Saturday.
Aston Villa beat Sheffield Wednesday 2-0 on Sunday.
Cantona, who was suspended last year, has 12 goals this season.
General Motors Corp said on Tuesday it had reached an agreement.
A GM spokesman said the agreement covered 215,000 workers.
";

fn values(answer: &Value, facet: &str) -> Vec<(String, u64)> {
    answer["facets"][facet]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {facet} in {answer}"))
        .iter()
        .map(|v| {
            (
                v["name"].as_str().unwrap_or_default().to_string(),
                v["count"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn built() -> Fixture {
    let f = Fixture::empty();
    f.write("corpus/story.txt", STORY);
    f.annals(&["build", "corpus"]).assert().success();
    f
}

#[test]
fn short_forms_count_as_the_full_name() {
    let f = built();
    let (answer, code) = f.query_json(&["*", "--facet", "person,org", "--facet-limit", "20"]);
    assert_eq!(code, 0, "{answer}");
    let persons = values(&answer, "person");
    assert_eq!(persons, [("Eric Cantona".to_string(), 3)], "{answer}");
    let orgs = values(&answer, "org");
    // The headline's "UNITED" is Manchester United by the word of its name that stands for it.
    for (org, count) in [
        ("General Motors Corp", 2),
        ("Aston Villa", 1),
        ("Manchester United", 2),
        ("Sheffield Wednesday", 1),
    ] {
        assert!(
            orgs.contains(&(org.to_string(), count)),
            "{org} {count}: {orgs:?}"
        );
    }
    // A filter by the surname finds every sentence of the person, the headline's too.
    let (answer, code) = f.query_json(&["*", "--person", "Cantona"]);
    assert_eq!(code, 0);
    assert_eq!(answer["total"], 3, "{answer}");
}

#[test]
fn entities_keep_their_text_and_gain_the_name() {
    let f = Fixture::empty();
    f.write("corpus/story.txt", STORY);
    let sentences = f.extract(&["corpus/story.txt"]);
    let entity = |text: &str| {
        sentences
            .iter()
            .flat_map(|s| s["entities"].as_array().cloned().unwrap_or_default())
            .find(|e| e["text"] == text)
            .unwrap_or_else(|| panic!("no entity {text}"))
    };
    let gm = entity("GM");
    assert_eq!(gm["kind"], "org");
    assert_eq!(gm["name"], "General Motors Corp");
    let cantona = entity("CANTONA");
    assert_eq!(cantona["kind"], "person");
    assert_eq!(cantona["name"], "Eric Cantona");
    let villa = entity("Aston Villa");
    assert_eq!(villa["kind"], "org");
    assert!(villa.get("name").is_none_or(Value::is_null), "{villa}");
}

/// Where people's and places' names meet, each sentence's entities as `kind:text=country`.
#[test]
fn places_beside_people_keep_their_reading() {
    let f = Fixture::empty();
    let cases: &[(&str, &[&str])] = &[
        (
            "Shelling hit Ukraine's Donetsk region overnight. The city of Donetsk was dark.",
            &["country:Ukraine=UA", "place:Donetsk=UA", "place:Donetsk=UA"],
        ),
        (
            "State officials in Columbia said the roads were closed.",
            &["place:Columbia=US"],
        ),
        (
            "Farmers in southern Alberta said the drought was the worst in years.",
            &["place:Alberta=CA"],
        ),
        (
            "The republic of Saint Vincent and the Grenadines voted yes.",
            &["country:Saint Vincent and the Grenadines=VC"],
        ),
        (
            "Thousands of refugees from Sudan crossed the border.",
            &["country:Sudan=SD"],
        ),
        // a country's whole name with an organization's cue word is the country
        (
            "The Union of the Comoros supports the resolution.",
            &["country:Union of the Comoros=KM"],
        ),
        (
            "The Union of South Africa voted against.",
            &["country:Union of South Africa=ZA"],
        ),
        // a hyphened participle is no part of the name
        (
            "The United Nations-led mission ended.",
            &["org:United Nations="],
        ),
        // a speaker after "in" is still a speaker when the word is no place
        (
            "In Washington, Merkel said the talks went well.",
            &["place:Washington=US", "person:Merkel="],
        ),
    ];
    let mut wrong = Vec::new();
    for (i, (text, want)) in cases.iter().enumerate() {
        let path = format!("case{i}.txt");
        f.write(&path, text);
        let got: Vec<String> = f
            .extract(&[&path])
            .iter()
            .flat_map(|r| r["entities"].as_array().cloned().unwrap_or_default())
            .map(|e| {
                format!(
                    "{}:{}={}",
                    e["kind"].as_str().unwrap_or_default(),
                    e["text"].as_str().unwrap_or_default(),
                    e["country"]
                        .as_str()
                        .or(e["code"].as_str())
                        .unwrap_or_default()
                )
            })
            .collect();
        if got != *want {
            wrong.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
