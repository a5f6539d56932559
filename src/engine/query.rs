//! A search request in the engine's query language, and its answer back in
//! annals' contract: the query text parsed as the local index parses it
//! (`search::parse_text`) and turned into bool, match_phrase, term and range
//! clauses; filters as bool filters (name and path filters resolved to the
//! indexed values they match, by the same rules as locally); facets as terms
//! aggregations ordered by count then value, with the remainder from
//! `sum_other_doc_count`; `--group-by doc` as a collapse on the document.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use serde_json::{Value, json};
use tantivy::query_grammar::{Occur, UserInputAst, UserInputBound, UserInputLeaf};

use super::client::Client;
use crate::error::{Error, Result};
use crate::index::schema;
use crate::search::{MAX_LIMIT, SearchRequest, Sort, parse_text, top_counted};
use crate::vocab::contract::{
    FacetLists, FacetSummary, FacetValue, Hit, SearchResult, SentenceRecord, Snippet,
};
use crate::vocab::countries;
use crate::vocab::facets::{DIMENSIONS, Dimension, Facet, META_PREFIX, Values, meta_value};
use crate::vocab::filters::FilterValue;
use crate::vocab::fold::fold_name;

/// How deep OpenSearch and Elasticsearch page by default
/// (`index.max_result_window`).
const MAX_WINDOW: usize = 10_000;
/// Buckets one aggregation returns at most: OpenSearch's and
/// Elasticsearch's default `search.max_buckets`, and more years, decades,
/// countries or metadata values than any corpus has. A dimension of names
/// beyond it loses its rarest values, never the top ones.
pub const MAX_BUCKETS: usize = 65_000;
/// How many characters of a sentence a snippet shows, as locally.
const SNIPPET_CHARS: usize = 400;
/// How many sentences naming a facet value are read to choose its spelling.
const SPELLING_SAMPLE: usize = 16;
/// Highlight marks: characters no sentence holds.
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

/// Runs `request` on the client's index.
pub fn search(client: &Client, request: &SearchRequest) -> Result<SearchResult> {
    let started = Instant::now();
    if request.limit > MAX_LIMIT {
        return Err(Error::bad_value(
            "limit",
            request.limit.to_string(),
            format!("at most {MAX_LIMIT}; page with an offset"),
        ));
    }
    if request.offset.saturating_add(request.limit) > MAX_WINDOW {
        return Err(Error::bad_value(
            "offset",
            request.offset.to_string(),
            format!(
                "an engine pages through the first {MAX_WINDOW} hits only (its index.max_result_window)"
            ),
        ));
    }
    if request.explain || request.expand {
        return Err(Error::Engine {
            message: "score explanations and query expansion read the local index's statistics; they are not available through an engine".into(),
        });
    }
    if request.kwic {
        return Err(Error::Engine {
            message: "concordance lines are cut with the local index's analyzer; they are not available through an engine yet: query the local index for them".into(),
        });
    }
    let (text, filter) = text_and_filters(client, request)?;
    let mut body = json!({
        "query": {"bool": {"must": [text.clone()], "filter": filter}},
        "from": request.offset,
        "size": request.limit,
        "track_total_hits": true,
        "track_scores": true,
        "sort": sort(request.sort),
        "_source": ["record"],
        "highlight": {
            "highlight_query": text,
            "fields": {schema::TEXT: {
                "number_of_fragments": 0,
                "pre_tags": [OPEN.to_string()],
                "post_tags": [CLOSE.to_string()]
            }}
        },
    });
    let mut aggs = facet_aggs(&request.facets, request.facet_limit);
    if request.group_by_doc {
        let doc = Facet::Doc.field();
        body["collapse"] = json!({"field": doc, "inner_hits": {"name": "matches", "size": 0}});
        aggs.insert(
            "groups".into(),
            json!({"cardinality": {"field": doc, "precision_threshold": 40000}}),
        );
    }
    if !request.meta_facets.is_empty() {
        aggs.insert(
            "meta".into(),
            json!({"terms": {"field": Facet::Meta.field(), "size": MAX_BUCKETS}}),
        );
    }
    if !aggs.is_empty() {
        body["aggs"] = Value::Object(aggs);
    }
    let reply = &client.search(&body, "searching")?;
    let total = if request.group_by_doc {
        reply["aggregations"]["groups"]["value"]
            .as_u64()
            .unwrap_or(0)
    } else {
        total_hits(&reply["hits"])
    };
    let mut hits = Vec::new();
    for (i, hit) in reply["hits"]["hits"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let record = read_record(client, &hit["_source"]["record"])?;
        let snippet = match hit["highlight"][schema::TEXT][0].as_str() {
            Some(marked) => snippet_from_marks(marked),
            None => snippet_from_marks(&record.text),
        };
        // A document's group holds one match at least.
        let doc_matches = request
            .group_by_doc
            .then(|| total_hits(&hit["inner_hits"]["matches"]["hits"]).max(1));
        hits.push(Hit {
            rank: request.offset + i + 1,
            score: hit["_score"].as_f64().unwrap_or(0.0) as f32,
            record,
            snippet,
            doc_matches,
            explain: None,
            kwic: None,
        });
    }
    let mut facets = read_facets(&request.facets, request.facet_limit, &reply["aggregations"]);
    let meta = &reply["aggregations"]["meta"]["buckets"];
    for key in &request.meta_facets {
        // The metadata field holds `key=value` for every key: count this key's.
        let counts: HashMap<String, u64> = meta
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|b| {
                let value = meta_value(b["key"].as_str()?, key)?;
                Some((value.to_string(), b["doc_count"].as_u64().unwrap_or(0)))
            })
            .collect();
        let (values, summary) = top_counted(&counts, request.facet_limit);
        let name = format!("{META_PREFIX}{key}");
        facets.0.insert(name.clone(), values);
        facets.1.insert(name, summary);
    }
    Ok(request.answer(total, hits, facets, started))
}

/// How many hits a `hits` object counted: `total` is an object since
/// Elasticsearch 7 and OpenSearch, a number before.
pub fn total_hits(hits: &Value) -> u64 {
    let total = &hits["total"];
    total["value"]
        .as_u64()
        .or_else(|| total.as_u64())
        .unwrap_or(0)
}

/// The request's query text as a clause, and its filters as bool filters.
pub fn text_and_filters(client: &Client, request: &SearchRequest) -> Result<(Value, Vec<Value>)> {
    let text = match parse_text(request)? {
        Some(UserInputAst::Clause(children))
            if children.iter().all(|(o, _)| *o == Some(Occur::MustNot)) =>
        {
            // As locally: a query of exclusions alone says nothing to find.
            return Err(Error::BadQuery {
                message: "only excluding terms given: say what to find as well (* -word)".into(),
            });
        }
        Some(ast) => translate(&ast, request.all)?,
        None => json!({"match_all": {}}),
    };
    let mut filter = Vec::new();
    for dimension in DIMENSIONS {
        let values: Vec<Value> = request
            .filters
            .iter()
            .filter(|f| f.facet == dimension.facet)
            .map(|f| filter_clause(client, dimension, &f.value))
            .collect::<Result<_>>()?;
        match values.len() {
            0 => {}
            1 => filter.extend(values),
            _ => filter.push(json!({"bool": {"should": values, "minimum_should_match": 1}})),
        }
    }
    Ok((text, filter))
}

/// The stored record of a hit, with countries' names put back.
pub fn read_record(client: &Client, stored: &Value) -> Result<SentenceRecord> {
    let mut record: SentenceRecord =
        serde_json::from_value(stored.clone()).map_err(|e| Error::Engine {
            message: format!(
                "{}: a stored sentence cannot be read ({e}): was the index built by this annals?",
                client.target.label()
            ),
        })?;
    let (doc, source, text) = (
        std::mem::take(&mut record.doc),
        std::mem::take(&mut record.source),
        std::mem::take(&mut record.text),
    );
    record.restore(doc, source, text);
    Ok(record)
}

/// Relevance, then corpus order; or the earliest date first (or last),
/// undated sentences last: the local order, ties included.
pub fn sort(sort: Sort) -> Value {
    let by_date = |order: &str| json!({schema::FIRST_DAY: {"order": order, "missing": "_last"}});
    let score = json!({"_score": {"order": "desc"}});
    let corpus = json!({schema::ORDER: {"order": "asc"}});
    match sort {
        Sort::Relevance => json!([score, corpus]),
        Sort::Date => json!([by_date("asc"), score, corpus]),
        Sort::DateDesc => json!([by_date("desc"), score, corpus]),
    }
}

/// The syntax tree of the query text as the engine's bool query: clauses
/// without an operator are optional (or required when every word is), words
/// and phrases are match_phrase on the analyzed text, field values are terms
/// and ranges on their fields.
pub fn translate(ast: &UserInputAst, all: bool) -> Result<Value> {
    Ok(match ast {
        UserInputAst::Clause(children) => {
            let (mut must, mut should, mut must_not) = (Vec::new(), Vec::new(), Vec::new());
            for (occur, child) in children {
                let clause = translate(child, all)?;
                match occur.unwrap_or(if all { Occur::Must } else { Occur::Should }) {
                    Occur::Must => must.push(clause),
                    Occur::Should => should.push(clause),
                    Occur::MustNot => must_not.push(clause),
                }
            }
            if must.is_empty() && should.is_empty() {
                // Only exclusions: tantivy matches nothing.
                return Ok(json!({"bool": {"must_not": [{"match_all": {}}]}}));
            }
            let mut bool = json!({"must": must, "should": should, "must_not": must_not});
            if must.is_empty() {
                bool["minimum_should_match"] = json!(1);
            }
            json!({"bool": bool})
        }
        UserInputAst::Boost(inner, boost) => {
            json!({"bool": {"must": [translate(inner, all)?], "boost": boost.into_inner()}})
        }
        UserInputAst::Leaf(leaf) => translate_leaf(leaf)?,
    })
}

fn dimension_of(field: &Option<String>) -> Result<Option<&'static Dimension>> {
    match field.as_deref() {
        None | Some(schema::TEXT) => Ok(None),
        Some(name) => DIMENSIONS
            .iter()
            .find(|d| d.field == name && d.queryable)
            .map(Some)
            .ok_or_else(|| Error::BadQuery {
                message: format!("unknown field {name:?}"),
            }),
    }
}

fn translate_leaf(leaf: &UserInputLeaf) -> Result<Value> {
    let unsupported = |what: &str| Error::Engine {
        message: format!("{what} cannot be expressed in the engine's query language"),
    };
    Ok(match leaf {
        UserInputLeaf::All => json!({"match_all": {}}),
        UserInputLeaf::Literal(literal) => match dimension_of(&literal.field_name)? {
            None if literal.prefix => json!({"match_phrase_prefix": {schema::TEXT: {
                "query": literal.phrase, "slop": literal.slop
            }}}),
            None => json!({"match_phrase": {schema::TEXT: {
                "query": literal.phrase, "slop": literal.slop
            }}}),
            Some(d) => json!({"term": {d.field: term_value(d, &literal.phrase)?}}),
        },
        UserInputLeaf::Set { field, elements } => {
            let Some(d) = dimension_of(field)? else {
                return Err(unsupported(
                    "a set of words on the text ([a b c] without a field)",
                ));
            };
            let values: Vec<Value> = elements
                .iter()
                .map(|e| term_value(d, e))
                .collect::<Result<_>>()?;
            json!({"terms": {d.field: values}})
        }
        UserInputLeaf::Range {
            field,
            lower,
            upper,
        } => {
            let Some(d) = dimension_of(field)? else {
                return Err(unsupported("a range over the text"));
            };
            let mut range = serde_json::Map::new();
            for (bound, inclusive, exclusive) in [(lower, "gte", "gt"), (upper, "lte", "lt")] {
                match bound {
                    UserInputBound::Inclusive(v) => {
                        range.insert(inclusive.into(), term_value(d, v)?);
                    }
                    UserInputBound::Exclusive(v) => {
                        range.insert(exclusive.into(), term_value(d, v)?);
                    }
                    UserInputBound::Unbounded => {}
                }
            }
            json!({"range": {d.field: range}})
        }
        UserInputLeaf::Exists { field } => {
            let field = dimension_of(&Some(field.clone()))?.map_or(schema::TEXT, |d| d.field);
            json!({"exists": {"field": field}})
        }
        UserInputLeaf::Regex { .. } => return Err(unsupported("a regular expression")),
    })
}

/// A value of a field as its mapping types it: a number for the time
/// fields, the value as written (already folded) for keywords.
fn term_value(d: &Dimension, value: &str) -> Result<Value> {
    if d.values.is_numeric() {
        value
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| Error::BadQuery {
                message: format!("{}:{value}: expected a number", d.name),
            })
    } else {
        Ok(Value::from(value))
    }
}

/// One filter value as a clause on its dimension's field.
fn filter_clause(client: &Client, d: &Dimension, value: &FilterValue) -> Result<Value> {
    use crate::vocab::filters::{DayRange, YearFilter};
    let range = |field: &str, lo: Option<i64>, hi: Option<i64>| {
        let mut r = serde_json::Map::new();
        if let Some(lo) = lo {
            r.insert("gte".into(), lo.into());
        }
        if let Some(hi) = hi {
            r.insert("lte".into(), hi.into());
        }
        json!({"range": {field: r}})
    };
    Ok(match value {
        // A document's date: the years it covers, on the document's year.
        FilterValue::Years(years) if d.facet.is_doc_date() => {
            let (lo, hi) = years.bounds();
            range(Facet::DocYear.field(), lo, hi)
        }
        FilterValue::Years(YearFilter::Range(lo, hi)) => range(Facet::Year.field(), *lo, *hi),
        FilterValue::Years(YearFilter::Decade(d)) => json!({"term": {Facet::Decade.field(): d}}),
        FilterValue::Years(YearFilter::Century(c)) => {
            json!({"term": {Facet::Century.field(): c}})
        }
        FilterValue::Days(DayRange { first, last }) => range(d.field, *first, *last),
        FilterValue::Country(code) => json!({"term": {d.field: fold_name(code.0)}}),
        FilterValue::Name(words) => {
            let aliases: Vec<String> = if d.facet == Facet::Place {
                // Any spelling the gazetteer knows names the place by its
                // canonical name too, as locally.
                crate::extract::gazetteer::gazetteer()
                    .place_names_for(&words.0.join(" "))
                    .into_iter()
                    .map(fold_name)
                    .collect()
            } else {
                Vec::new()
            };
            let keep = |name: &str| words.matches(name) || aliases.iter().any(|a| a == name);
            any_value_of(client, d.field, &keep)?
        }
        FilterValue::Path(pattern) => any_value_of(client, d.field, &|p| pattern.matches(p))?,
        FilterValue::Meta(pair) => json!({"term": {d.field: pair.term()}}),
    })
}

/// A clause matching the indexed values of `field` that `keep` accepts.
fn any_value_of(client: &Client, field: &str, keep: &dyn Fn(&str) -> bool) -> Result<Value> {
    let values: Vec<String> = all_values(client, field)?
        .into_iter()
        .filter(|v| keep(v))
        .collect();
    Ok(if values.is_empty() {
        json!({"bool": {"must_not": [{"match_all": {}}]}})
    } else {
        json!({"terms": {field: values}})
    })
}

/// Every value a keyword field holds in the index, paged with a composite
/// aggregation.
pub fn all_values(client: &Client, field: &str) -> Result<Vec<String>> {
    let mut values = Vec::new();
    let mut after: Option<Value> = None;
    loop {
        let mut composite = json!({"size": 5000, "sources": [{"v": {"terms": {"field": field}}}]});
        if let Some(after) = &after {
            composite["after"] = after.clone();
        }
        let body = json!({"size": 0, "aggs": {"values": {"composite": composite}}});
        let answer = client.search(&body, "listing values")?;
        let agg = &answer["aggregations"]["values"];
        let buckets = agg["buckets"].as_array().cloned().unwrap_or_default();
        values.extend(
            buckets
                .iter()
                .filter_map(|b| b["key"]["v"].as_str().map(str::to_string)),
        );
        match agg.get("after_key") {
            Some(key) if !buckets.is_empty() && !key.is_null() => after = Some(key.clone()),
            _ => return Ok(values),
        }
    }
}

/// The aggregations that count `facets`: for each, its top values by count
/// then value, and how many distinct values there are.
pub fn facet_aggs(facets: &[Facet], limit: usize) -> serde_json::Map<String, Value> {
    let mut aggs = serde_json::Map::new();
    for facet in facets {
        let field = facet.field();
        let mut terms = json!({"terms": {
            "field": field,
            "size": limit.max(1),
            "order": [{"_count": "desc"}, {"_key": "asc"}]
        }});
        if facet.values() == Values::Names {
            terms["aggs"] = json!({"spellings": spellings_agg()});
        }
        aggs.insert(format!("top_{}", facet.name()), terms);
        aggs.insert(
            format!("distinct_{}", facet.name()),
            json!({"cardinality": {"field": field, "precision_threshold": 40000}}),
        );
    }
    aggs
}

/// A few sentences naming a value, in corpus order, to choose its spelling
/// from.
pub fn spellings_agg() -> Value {
    json!({"top_hits": {
        "size": SPELLING_SAMPLE,
        "_source": ["record"],
        "sort": [{schema::ORDER: {"order": "asc"}}]
    }})
}

/// The facet lists of an answer, in the contract's shape.
pub fn read_facets(
    facets: &[Facet],
    limit: usize,
    aggregations: &Value,
) -> (FacetLists, BTreeMap<String, FacetSummary>) {
    let mut lists = FacetLists::default();
    let mut info = BTreeMap::new();
    for facet in facets {
        let top = &aggregations[format!("top_{}", facet.name())];
        let buckets = top["buckets"].as_array().cloned().unwrap_or_default();
        let mut values: Vec<FacetValue> = buckets.iter().map(|b| facet_value(*facet, b)).collect();
        let mut remaining_count = top["sum_other_doc_count"].as_u64().unwrap_or(0);
        for cut in values.split_off(limit.min(values.len())) {
            remaining_count += cut.count;
        }
        let distinct = aggregations[format!("distinct_{}", facet.name())]["value"]
            .as_u64()
            .unwrap_or(0) as usize;
        let distinct = distinct.max(values.len());
        info.insert(
            facet.name().to_string(),
            FacetSummary {
                distinct,
                remaining_values: distinct - values.len(),
                remaining_count,
            },
        );
        lists.insert(facet.name().to_string(), values);
    }
    (lists, info)
}

/// One bucket as a facet value, named as locally: time values labelled,
/// countries by code and name, names in their commonest spelling.
fn facet_value(facet: Facet, bucket: &Value) -> FacetValue {
    let count = bucket["doc_count"].as_u64().unwrap_or(0);
    if facet.is_time() {
        let key = bucket["key"].as_i64().unwrap_or(0);
        return FacetValue {
            value: key.to_string(),
            name: None,
            label: Some(facet.label(key)),
            key: Some(key),
            count,
        };
    }
    let key = match &bucket["key"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let (value, name) = match facet.values() {
        Values::Countries => {
            let code = key.to_uppercase();
            let name = countries::name(&code).map(str::to_string);
            (code, name)
        }
        Values::Names => {
            let name = spelling(facet, &key, &bucket["spellings"]["hits"]["hits"]);
            (key, name)
        }
        _ => (key, None),
    };
    FacetValue {
        value,
        name,
        label: None,
        key: None,
        count,
    }
}

/// The commonest spelling of a folded name among sample sentences; on a
/// tie the one with more letters beyond ASCII, as locally.
pub fn spelling(facet: Facet, key: &str, sample: &Value) -> Option<String> {
    let mut spellings: Vec<(String, usize)> = Vec::new();
    for hit in sample.as_array().map(Vec::as_slice).unwrap_or_default() {
        let Ok(record) = serde_json::from_value::<SentenceRecord>(hit["_source"]["record"].clone())
        else {
            continue;
        };
        for n in record.names_of(facet) {
            if fold_name(n) != key {
                continue;
            }
            match spellings.iter_mut().find(|(s, _)| s == n) {
                Some((_, c)) => *c += 1,
                None => spellings.push((n.to_string(), 1)),
            }
        }
    }
    let non_ascii = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
    spellings
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(non_ascii(&a.0).cmp(&non_ascii(&b.0))))
        .map(|(s, _)| s)
}

/// A highlighted sentence (matches between the marks) as annals' snippet:
/// the fragment and the byte ranges of its matches; sentences longer than
/// the snippet are cut around the first match.
pub fn snippet_from_marks(marked: &str) -> Snippet {
    let mut text = String::with_capacity(marked.len());
    let mut highlights = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            OPEN => open = Some(text.len()),
            CLOSE => {
                if let Some(start) = open.take() {
                    highlights.push([start, text.len()]);
                }
            }
            c => text.push(c),
        }
    }
    if text.chars().count() <= SNIPPET_CHARS {
        return Snippet {
            fragment: text,
            highlights,
        };
    }
    let first = highlights.first().map_or(0, |h| h[0]);
    // Start a little before the first match, on a character boundary.
    let lead = text[..first]
        .char_indices()
        .rev()
        .nth(SNIPPET_CHARS / 4)
        .map_or(0, |(i, _)| i);
    let end = text[lead..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| lead + i);
    Snippet {
        fragment: text[lead..end].to_string(),
        highlights: highlights
            .into_iter()
            .filter(|h| h[0] >= lead && h[1] <= end)
            .map(|h| [h[0] - lead, h[1] - lead])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_byte_ranges() {
        let s = snippet_from_marks("Relations between \u{1}Azerbaijan\u{2} and \u{1}Iran\u{2}.");
        assert_eq!(s.fragment, "Relations between Azerbaijan and Iran.");
        assert_eq!(s.highlights, vec![[18, 28], [33, 37]]);
    }

    #[test]
    fn words_are_optional_unless_every_word_is_asked_for() {
        let ast = tantivy::query_grammar::parse_query("Baku -Tehran oil").unwrap();
        let any = translate(&ast, false).unwrap();
        assert_eq!(any["bool"]["should"].as_array().unwrap().len(), 2);
        assert_eq!(any["bool"]["must_not"].as_array().unwrap().len(), 1);
        assert_eq!(any["bool"]["minimum_should_match"], 1);
        let all = translate(&ast, true).unwrap();
        assert_eq!(all["bool"]["must"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn field_values_are_typed_by_their_dimension() {
        let ast = tantivy::query_grammar::parse_query("year:[1990 TO 2010] country:ir").unwrap();
        let q = translate(&ast, false).unwrap();
        let clauses = q["bool"]["should"].as_array().unwrap();
        let range = &clauses[0]["range"][Facet::Year.field()];
        assert_eq!(
            (range["gte"].as_i64(), range["lte"].as_i64()),
            (Some(1990), Some(2010))
        );
        assert_eq!(clauses[1]["term"][Facet::Country.field()], "ir");
    }
}
