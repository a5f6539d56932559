//! Extraction: what a sentence speaks of. Dates (`dates`), countries and
//! places (`gazetteer`, `places`), people and organizations (`names`), and
//! the glue that turns a document's sentences into annotated records with
//! spans in source offsets. Knows nothing of the index.

pub mod dates;
pub mod gazetteer;
pub mod lexicon;
pub mod names;
pub mod places;

use serde::{Deserialize, Serialize};

use crate::corpus::{Document, Sentence};
use dates::{DateMention, Precision};
use names::NameKind;
use places::PlaceKind;

/// One date mention as the JSON contract shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to: Option<String>,
    pub precision: Precision,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub calendar: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    Place,
    Person,
    Org,
}

/// One entity mention as the JSON contract shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityOut {
    pub kind: EntityKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The country of a `country` mention.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub code: Option<String>,
    /// The country a `place` lies in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub country: Option<String>,
    /// The canonical name where it differs from the text: a country's or
    /// place's gazetteer name ("Iranian" → "Iran"), a name without its
    /// possessive or a line break.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRef {
    pub code: String,
    /// Left out of the stored copy, which the name table restores.
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub name: String,
}

impl SentenceRecord {
    /// The copy the index stores: what other fields hold, or the gazetteer
    /// restores, left out.
    pub fn for_storage(&self) -> SentenceRecord {
        SentenceRecord {
            doc: String::new(),
            source: String::new(),
            text: String::new(),
            countries: self
                .countries
                .iter()
                .map(|c| CountryRef {
                    code: c.code.clone(),
                    name: String::new(),
                })
                .collect(),
            ..self.clone()
        }
    }

    /// Restores what `for_storage` left out.
    pub fn restore(&mut self, doc: String, source: String, text: String) {
        self.doc = doc;
        self.source = source;
        self.text = text;
        for c in &mut self.countries {
            if c.name.is_empty() {
                c.name = CountryRef::from_code(&c.code).name;
            }
        }
    }
}

impl CountryRef {
    pub fn from_code(code: &str) -> CountryRef {
        let name = gazetteer::country_name(code).map_or_else(|| code.to_string(), str::to_string);
        CountryRef {
            code: code.to_string(),
            name,
        }
    }
}

/// A sentence with its provenance and everything extraction found in it:
/// the line `annals extract` prints and what a search hit carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// `doc`, `source` and `text` are left out of the index's stored copy
    /// (they live in their own fields) and restored when a hit is read.
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub doc: String,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    pub line: u64,
    pub sentence: u64,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub text: String,
    pub refs: Vec<u32>,
    pub dates: Vec<DateOut>,
    pub years: Vec<i32>,
    pub decades: Vec<i32>,
    pub centuries: Vec<i32>,
    pub entities: Vec<EntityOut>,
    pub countries: Vec<CountryRef>,
    pub persons: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    #[serde(skip_serializing_if = "serde_json::Map::is_empty", default)]
    pub meta: serde_json::Map<String, serde_json::Value>,
}

/// The extraction of one sentence, with the raw date mentions the index
/// needs beside the record.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub record: SentenceRecord,
    pub mentions: Vec<DateMention>,
    /// Folding keys of persons, organizations and places, for facets.
    pub person_keys: Vec<String>,
    pub org_keys: Vec<String>,
    pub place_keys: Vec<String>,
}

/// Annotates every sentence of a document. Places are resolved with the
/// whole document as context, so one document is the unit of work.
pub fn annotate_document(doc: &Document) -> Vec<Annotated> {
    let texts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
    let names: Vec<Vec<names::NameHit>> = texts.iter().map(|t| names::find_names(t)).collect();
    let person_spans: Vec<Vec<(usize, usize)>> = names
        .iter()
        .map(|hits| {
            hits.iter()
                .filter(|h| h.kind == NameKind::Person)
                .map(|h| (h.start, h.end))
                .collect()
        })
        .collect();
    let places = places::find_places_in_document(&texts, &person_spans);
    doc.sentences
        .iter()
        .zip(names)
        .zip(places)
        .map(|((sentence, names), places)| annotate_sentence(doc, sentence, names, places))
        .collect()
}

fn annotate_sentence(
    doc: &Document,
    sentence: &Sentence,
    names: Vec<names::NameHit>,
    places: Vec<places::PlaceHit>,
) -> Annotated {
    let text = sentence.text.as_str();
    // A span's end maps through its last character, so a marker removed
    // right after it never stretches it.
    let source_span = |start: usize, end: usize| {
        let last = text[start..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        (
            sentence.source_offset(start),
            sentence.source_offset(end - last) + last,
        )
    };

    let time = dates::extract_dates(text);
    let dates = time
        .mentions
        .iter()
        .map(|m| {
            let (start, end) = source_span(m.start, m.end);
            DateOut {
                text: text[m.start..m.end].to_string(),
                start,
                end,
                from: m.from.map(|d| d.to_contract_string()),
                to: m.to.map(|d| d.to_contract_string()),
                precision: m.precision,
                calendar: m.calendar.map(str::to_string),
            }
        })
        .collect();

    let mut entities = Vec::new();
    let mut countries: Vec<&str> = Vec::new();
    let mut place_names: Vec<String> = Vec::new();
    let mut place_keys = Vec::new();
    for hit in &places {
        let (start, end) = source_span(hit.start, hit.end);
        if !countries.contains(&hit.code) {
            countries.push(hit.code);
        }
        let entity = match hit.kind {
            PlaceKind::Country | PlaceKind::Demonym => EntityOut {
                kind: EntityKind::Country,
                text: text[hit.start..hit.end].to_string(),
                start,
                end,
                code: Some(hit.code.to_string()),
                country: None,
                name: name_if_different(&hit.name, &text[hit.start..hit.end]),
            },
            PlaceKind::Place => {
                let key = names::fold_name(&hit.name);
                if !place_keys.contains(&key) {
                    place_keys.push(key);
                    place_names.push(hit.name.clone());
                }
                EntityOut {
                    kind: EntityKind::Place,
                    text: text[hit.start..hit.end].to_string(),
                    start,
                    end,
                    code: None,
                    country: Some(hit.code.to_string()),
                    name: name_if_different(&hit.name, &text[hit.start..hit.end]),
                }
            }
        };
        entities.push(entity);
    }
    let mut persons = Vec::new();
    let mut orgs = Vec::new();
    let mut person_keys = Vec::new();
    let mut org_keys = Vec::new();
    for hit in &names {
        let (start, end) = source_span(hit.start, hit.end);
        let (kind, shown, keys) = match hit.kind {
            NameKind::Person => (EntityKind::Person, &mut persons, &mut person_keys),
            NameKind::Org => (EntityKind::Org, &mut orgs, &mut org_keys),
        };
        if !keys.contains(&hit.key) {
            keys.push(hit.key.clone());
            shown.push(hit.text.clone());
        }
        entities.push(EntityOut {
            kind,
            text: text[hit.start..hit.end].to_string(),
            start,
            end,
            code: None,
            country: None,
            name: name_if_different(&hit.text, &text[hit.start..hit.end]),
        });
    }
    entities.sort_by_key(|e| (e.start, e.end, e.kind));

    Annotated {
        record: SentenceRecord {
            doc: doc.id.clone(),
            source: doc.source.clone(),
            title: doc.title.clone(),
            line: sentence.line,
            sentence: sentence.number,
            start: sentence.start,
            end: sentence.end,
            text: sentence.text.clone(),
            refs: sentence.refs.clone(),
            dates,
            years: time.years,
            decades: time.decades,
            centuries: time.centuries,
            entities,
            countries: countries.into_iter().map(CountryRef::from_code).collect(),
            persons,
            orgs,
            places: place_names,
            meta: doc.meta.clone(),
        },
        mentions: time.mentions,
        person_keys,
        org_keys,
        place_keys,
    }
}

fn name_if_different(name: &str, text: &str) -> Option<String> {
    (name != text).then(|| name.to_string())
}

/// The earliest day any mention reaches, as a day number: how
/// `--sort date` orders sentences.
pub fn earliest_day(mentions: &[DateMention]) -> Option<i64> {
    mentions
        .iter()
        .filter_map(|m| m.from.or(m.to))
        .map(|d| d.first_day())
        .min()
}
