//! Where the corpus meets extraction: a document's sentences in, annotated
//! records out — the contract's [`SentenceRecord`] with spans mapped back to
//! source offsets, and the values the index's fields hold. The only module
//! that knows both `corpus` and `extract`; the index writer reads what it
//! produces and nothing of the extractors.

use std::sync::LazyLock;

use crate::corpus::{Document, Sentence};
use crate::extract::dates::{self, DateMention};
use crate::extract::lexicon;
use crate::extract::names::{self, NameKind};
use crate::extract::places::{self, PlaceKind};
use crate::vocab::contract::{
    CountryRef, DateAnchor, DateOut, Degrees, EntityKind, EntityOut, SentenceRecord,
};
use crate::vocab::facets::Facet;
use crate::vocab::fold::fold_name;
use crate::vocab::time::{self, HistDate, Precision};

/// One sentence annotated: the record the contract shows, and the values
/// the index's fields hold beside it.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub record: SentenceRecord,
    /// Day numbers covered by mentions of day or month precision (at most a
    /// month each: longer spans belong to the year field).
    pub days: Vec<i64>,
    /// The earliest day any mention reaches: how sentences sort by date.
    pub first_day: Option<i64>,
    /// Folded keys of persons, organizations and places, for facets.
    pub person_keys: Vec<String>,
    pub org_keys: Vec<String>,
    pub place_keys: Vec<String>,
    pub region_keys: Vec<String>,
    /// The year of the document's own date, when it has one that parses.
    pub doc_year: Option<i32>,
    /// The document's metadata facet terms (`speaker=moz`).
    pub meta_keys: Vec<String>,
}

/// The values of one dimension's index field for a sentence.
pub enum FieldValues<'a> {
    Numbers(Vec<i64>),
    /// Keys, already folded (see `crate::vocab::fold`).
    Keys(Vec<String>),
    /// Stored as written (paths).
    Verbatim(&'a str),
}

impl Annotated {
    /// What the index field of `facet` holds for this sentence: the one
    /// place where a dimension meets the annotations.
    pub fn field_values(&self, facet: Facet) -> FieldValues<'_> {
        let numbers = |v: &[i32]| FieldValues::Numbers(v.iter().map(|&n| i64::from(n)).collect());
        let keys = |v: &[String]| FieldValues::Keys(v.to_vec());
        let record = &self.record;
        match facet {
            Facet::Year => numbers(&record.years),
            Facet::Decade => numbers(&record.decades),
            Facet::Century => numbers(&record.centuries),
            Facet::Date => FieldValues::Numbers(self.days.clone()),
            Facet::Country => FieldValues::Keys(
                record
                    .countries
                    .iter()
                    .map(|c| fold_name(&c.code))
                    .collect(),
            ),
            Facet::Person => keys(&self.person_keys),
            Facet::Org => keys(&self.org_keys),
            Facet::Place => keys(&self.place_keys),
            Facet::Region => keys(&self.region_keys),
            Facet::Source => FieldValues::Verbatim(&record.source),
            Facet::Doc => FieldValues::Verbatim(&record.doc),
            Facet::Section => {
                FieldValues::Keys(record.section.iter().map(|s| fold_name(s)).collect())
            }
            Facet::DocYear => numbers(self.doc_year.as_slice()),
            Facet::DocDecade => FieldValues::Numbers(
                self.doc_year
                    .map(|y| i64::from(time::decade_of(y)))
                    .into_iter()
                    .collect(),
            ),
            Facet::Meta => keys(&self.meta_keys),
        }
    }
}

/// Readies what the extractors load on first use (the gazetteer and its
/// automaton, about 0.3 s; the word lists): a build runs it on a thread of
/// its own while it lists and hashes the corpus, so that no extracting
/// thread waits for it at its first document.
pub fn prepare() {
    let sentence = "On 7 August 1914 Mr. John Smith of the League of Nations spoke in Paris.";
    let _ = names::find_names_in_document(&[sentence]);
    let _ = places::find_places_in_document(&[sentence], &[]);
    let _ = dates::extract_dates(sentence);
}

/// Annotates every sentence of a document. Places are resolved with the
/// whole document as context, so one document is the unit of work.
pub fn annotate_document(doc: &Document) -> Vec<Annotated> {
    let texts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
    let names = names::find_names_in_document(&texts);
    let person_spans: Vec<Vec<(usize, usize)>> = names
        .iter()
        .map(|hits| {
            hits.iter()
                // A club or company named by one word ("Barcelona beat Valencia 2-1") is no
                // place either.
                .filter(|h| h.kind == NameKind::Person || !h.text.contains(' '))
                .map(|h| (h.start, h.end))
                .collect()
        })
        .collect();
    let mut places = places::find_places_in_document(&texts, &person_spans);
    let names = without_places(&texts, names, &places);
    let mut times: Vec<dates::TimeAnnotations> =
        texts.iter().map(|t| dates::extract_dates(t)).collect();
    let in_doc: Vec<dates::DocSentence> = doc
        .sentences
        .iter()
        .map(|s| dates::DocSentence {
            text: &s.text,
            section: s.section.as_deref(),
        })
        .collect();
    let doc_date = doc.date.as_deref().and_then(parse_doc_date);
    dates::anchor_document(&in_doc, doc_date, &mut times);
    places::read_in_time(&texts, &sentence_years(doc_date, &times), &mut places);
    let anchors: Vec<Vec<Option<DateAnchor>>> = times
        .iter()
        .map(|t| {
            t.mentions
                .iter()
                .map(|m| m.anchor.map(|a| anchor_out(doc, doc.date.as_deref(), m, a)))
                .collect()
        })
        .collect();
    doc.sentences
        .iter()
        .zip(names)
        .zip(places)
        .zip(times)
        .zip(anchors)
        .map(|((((sentence, names), places), time), anchors)| {
            let mut annotated = annotate_sentence(doc, sentence, names, places, time, anchors);
            annotated.doc_year = doc_date.map(|d| d.year);
            annotated.meta_keys.clone_from(&doc.meta_keys);
            annotated
        })
        .collect()
}

/// The year each sentence speaks in, for the names whose country depends on
/// it: the year of its own first date of year precision or finer, else the
/// document's own date, else the last such year the document gave before.
fn sentence_years(
    doc_date: Option<HistDate>,
    times: &[dates::TimeAnnotations],
) -> Vec<Option<i32>> {
    let mut narrative = None;
    times
        .iter()
        .map(|time| {
            let own = time
                .mentions
                .iter()
                .find(|m| m.precision <= Precision::Year)
                .and_then(|m| m.from.or(m.to))
                .map(|d| d.year);
            narrative = own.or(narrative);
            own.or(doc_date.map(|d| d.year)).or(narrative)
        })
        .collect()
}

/// People's names with the places the place finder kept inside them taken out: "Florida
/// Governor Ron DeSantis" is Florida and Ron DeSantis, "AUSTIN, Texas A white truck" no
/// person "Texas A".
fn without_places(
    texts: &[&str],
    names: Vec<Vec<names::NameHit>>,
    places: &[Vec<places::PlaceHit>],
) -> Vec<Vec<names::NameHit>> {
    names
        .into_iter()
        .zip(texts)
        .zip(places)
        .map(|((hits, text), places)| {
            hits.into_iter()
                .filter_map(|mut h| {
                    if h.kind != NameKind::Person {
                        return Some(h);
                    }
                    let (start, end) =
                        places::person_without_place(text, (h.start, h.end), places)?;
                    if (start, end) != (h.start, h.end) {
                        h.start = start;
                        h.text = text.get(start..end)?.to_string();
                        h.key = fold_name(&h.text);
                        h.name = None;
                    }
                    Some(h)
                })
                .collect()
        })
        .collect()
}

/// A document's own date ("2021-09-21", or with a time after it).
pub fn parse_doc_date(s: &str) -> Option<HistDate> {
    let s = s.trim();
    let head = s.get(..10).filter(|h| h.len() == 10).unwrap_or(s);
    HistDate::parse_contract(head)
        .or_else(|_| HistDate::parse_contract(s.get(..7).unwrap_or(s)))
        .or_else(|_| HistDate::parse_contract(s.get(..4).unwrap_or(s)))
        .ok()
}

fn anchor_out(
    doc: &Document,
    doc_date: Option<&str>,
    m: &DateMention,
    a: dates::AnchorRef,
) -> DateAnchor {
    let (text, line) = match doc.sentences.get(a.sentence) {
        // A date in a section's heading: the line is that of the section's
        // first sentence.
        Some(s) if a.heading => (
            s.section
                .as_deref()
                .and_then(|t| t.get(a.start..a.end))
                .unwrap_or("")
                .to_string(),
            Some(s.line),
        ),
        Some(s) => (
            s.text.get(a.start..a.end).unwrap_or("").to_string(),
            Some(s.line),
        ),
        None => (doc_date.unwrap_or("").to_string(), None),
    };
    let value = m.from.or(m.to).unwrap_or(HistDate::y(1));
    let inferred = match a.supplied {
        1 => HistDate::y(value.year),
        2 => value.truncate(Precision::Month),
        _ => value,
    };
    DateAnchor {
        text,
        line,
        inferred: inferred.to_contract_string(),
    }
}

fn annotate_sentence(
    doc: &Document,
    sentence: &Sentence,
    names: Vec<names::NameHit>,
    places: Vec<places::PlaceHit>,
    time: dates::TimeAnnotations,
    anchors: Vec<Option<DateAnchor>>,
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

    let dates = time
        .mentions
        .iter()
        .zip(anchors)
        .map(|(m, anchor)| {
            let (start, end) = source_span(m.start, m.end);
            DateOut {
                text: text[m.start..m.end].to_string(),
                start,
                end,
                from: m.from.map(|d| d.to_contract_string()),
                to: m.to.map(|d| d.to_contract_string()),
                precision: m.precision,
                calendar: m.calendar.map(str::to_string),
                anchor,
                modifier: m.modifier.map(str::to_string),
            }
        })
        .collect();

    let mut entities = Vec::new();
    let mut countries: Vec<&str> = Vec::new();
    let mut place_names: Vec<String> = Vec::new();
    let mut place_keys = Vec::new();
    let mut region_labels: Vec<String> = Vec::new();
    let mut region_keys = Vec::new();
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
                region: None,
                region_name: None,
                geonames_id: None,
                lat: None,
                lon: None,
            },
            PlaceKind::Place => {
                let key = fold_name(&hit.name);
                if !place_keys.contains(&key) {
                    place_keys.push(key);
                    place_names.push(hit.name.clone());
                }
                if let Some((code, name)) = &hit.region {
                    let label = format!("{code} {name}");
                    let key = fold_name(&label);
                    if !region_keys.contains(&key) {
                        region_keys.push(key);
                        region_labels.push(label);
                    }
                }
                EntityOut {
                    kind: EntityKind::Place,
                    text: text[hit.start..hit.end].to_string(),
                    start,
                    end,
                    code: None,
                    country: Some(hit.code.to_string()),
                    name: name_if_different(&hit.name, &text[hit.start..hit.end]),
                    region: hit.region.as_ref().map(|r| r.0.clone()),
                    region_name: hit.region.as_ref().map(|r| r.1.to_string()),
                    geonames_id: hit.geo.map(|g| g.geonames_id),
                    lat: hit.geo.and_then(|g| g.lat_lon).map(|p| Degrees(p.0)),
                    lon: hit.geo.and_then(|g| g.lat_lon).map(|p| Degrees(p.1)),
                }
            }
        };
        entities.push(entity);
    }
    let mut persons = Vec::new();
    let mut orgs = Vec::new();
    let mut person_keys = Vec::new();
    let mut org_keys = Vec::new();
    // "The Union of the Comoros": a country's whole name with an organization's cue word
    // is the country (but the Palestinian Authority is an organization too).
    let country_spans: Vec<(usize, usize)> = places
        .iter()
        .filter(|h| h.kind == PlaceKind::Country)
        .map(|h| (h.start, h.end))
        .collect();
    for hit in &names {
        if hit.kind == NameKind::Org
            && country_spans.contains(&(hit.start, hit.end))
            && names_a_state(&hit.text)
        {
            continue;
        }
        let (start, end) = source_span(hit.start, hit.end);
        let (kind, shown, keys) = match hit.kind {
            NameKind::Person => (EntityKind::Person, &mut persons, &mut person_keys),
            NameKind::Org => (EntityKind::Org, &mut orgs, &mut org_keys),
        };
        if !keys.contains(&hit.key) {
            keys.push(hit.key.clone());
            shown.push(hit.canonical().to_string());
        }
        entities.push(EntityOut {
            kind,
            text: text[hit.start..hit.end].to_string(),
            start,
            end,
            code: None,
            country: None,
            name: name_if_different(hit.canonical(), &text[hit.start..hit.end]),
            region: None,
            region_name: None,
            geonames_id: None,
            lat: None,
            lon: None,
        });
    }
    entities.sort_by_key(|e| (e.start, e.end, e.kind));

    Annotated {
        record: SentenceRecord {
            doc: doc.id.clone(),
            source: doc.source.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
            doc_date: doc.date.clone(),
            section: sentence.section.as_deref().map(str::to_string),
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
            regions: region_labels,
            meta: doc.meta.clone(),
        },
        days: days_of(&time.mentions),
        first_day: earliest_day(&time.mentions),
        person_keys,
        org_keys,
        place_keys,
        region_keys,
        doc_year: None,
        meta_keys: Vec::new(),
    }
}

fn name_if_different(name: &str, text: &str) -> Option<String> {
    (name != text).then(|| name.to_string())
}

/// Longest run of days one mention adds to the day field: a month. Longer
/// spans are years or more and belong to the year field.
const MAX_DAYS_PER_MENTION: i64 = 31;

/// The days that Gregorian mentions of day or month precision cover.
fn days_of(mentions: &[DateMention]) -> Vec<i64> {
    let mut days = Vec::new();
    for mention in mentions {
        if !matches!(mention.precision, Precision::Day | Precision::Month)
            || mention.calendar.is_some()
        {
            continue;
        }
        let (Some(from), Some(to)) = (mention.from, mention.to) else {
            continue;
        };
        let (first, last) = (from.first_day(), to.last_day());
        days.extend(first..=last.min(first + MAX_DAYS_PER_MENTION - 1));
    }
    days
}

/// The earliest day any mention reaches, as a day number.
fn earliest_day(mentions: &[DateMention]) -> Option<i64> {
    mentions
        .iter()
        .filter_map(|m| m.from.or(m.to))
        .map(|d| d.first_day())
        .min()
}

/// Whether a name says it is a state: "Union of the Comoros", "Lao People's Democratic
/// Republic", not "Palestinian Authority".
fn names_a_state(name: &str) -> bool {
    static STATE_FORMS: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| lexicon::words("state-form").collect());
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| STATE_FORMS.iter().any(|f| w.eq_ignore_ascii_case(f)))
}
