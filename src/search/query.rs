//! Turning a request into a tantivy query: the user's query text (tantivy
//! syntax or plain words) and the typed filters, combined with AND across
//! dimensions and OR within one.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::query_grammar::{self, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::{SearchRequest, ranking};
use crate::error::{Error, Result};
use crate::index::{OpenIndex, schema};
use crate::vocab::countries;
use crate::vocab::facets::{DIMENSIONS, Facet, Values};
use crate::vocab::filters::{
    DayRange, FilterError, FilterValue, NameWords, PathPattern, YearFilter,
};
use crate::vocab::fold::fold_name;

/// Fields a query may name inline (`country:IR`, `year:[1990 TO 2010]`):
/// the text and every queryable dimension.
fn query_fields() -> Vec<&'static str> {
    let mut fields = vec![schema::TEXT];
    fields.extend(DIMENSIONS.iter().filter(|d| d.queryable).map(|d| d.field));
    fields
}

/// Longer query texts are refused: no one types them, and parsing them
/// costs more than any answer is worth.
pub const MAX_QUERY_BYTES: usize = 10_000;
/// Deeper nesting of parentheses is refused before parsing, which recurses.
const MAX_NESTING: usize = 32;

/// The parts of a request's query.
pub struct BuiltQuery {
    /// What the searcher runs.
    pub full: Box<dyn Query>,
    /// The text part alone, for snippets.
    pub text: Box<dyn Query>,
}

pub fn build(
    open: &OpenIndex,
    searcher: &Searcher,
    request: &SearchRequest,
    ranking: &ranking::Ranking,
) -> Result<BuiltQuery> {
    let text = text_query(open, request)?;
    combine(open, searcher, request, ranking, text)
}

/// A text query with the request's filters and the ranking's prior.
pub fn combine(
    open: &OpenIndex,
    searcher: &Searcher,
    request: &SearchRequest,
    ranking: &ranking::Ranking,
    text: Box<dyn Query>,
) -> Result<BuiltQuery> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text.box_clone())];
    // One clause per dimension, in registry order: its values OR'ed.
    for dimension in DIMENSIONS {
        let values: Vec<Box<dyn Query>> = request
            .filters
            .iter()
            .filter(|f| f.facet == dimension.facet)
            .map(|f| filter_query(open, searcher, f.facet, &f.value))
            .collect::<Result<_>>()?;
        if let Some(q) = any_of(values) {
            clauses.push((Occur::Must, q));
        }
    }
    let full: Box<dyn Query> = if clauses.len() == 1 {
        text.box_clone()
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    // Every sentence matching `*` scores alike: they stay in corpus order.
    let full: Box<dyn Query> = match ranking.prior {
        Some(prior) if !text.is::<AllQuery>() => Box::new(ranking::WithPrior {
            inner: full,
            field: open.fields.text,
            prior,
        }),
        _ => full,
    };
    Ok(BuiltQuery { full, text })
}

fn filter_query(
    open: &OpenIndex,
    searcher: &Searcher,
    facet: Facet,
    value: &FilterValue,
) -> Result<Box<dyn Query>> {
    let field = open.fields.of(facet);
    Ok(match value {
        FilterValue::Years(years) if facet.is_doc_date() => {
            let (lo, hi) = years.bounds();
            i64_range(open.fields.of(Facet::DocYear), lo, hi)
        }
        FilterValue::Years(years) => year_query(open, *years),
        FilterValue::Meta(pair) => term_query(field, &pair.term()),
        FilterValue::Days(DayRange { first, last }) => i64_range(field, *first, *last),
        FilterValue::Country(code) => term_query(field, &fold_name(code.0)),
        FilterValue::Name(words) if facet == Facet::Place => {
            // any spelling the gazetteer knows names the place by its canonical name too
            // ("Kiev" finds what was indexed as Kyiv)
            let aliases: Vec<String> = crate::extract::gazetteer::gazetteer()
                .place_names_for(&words.0.join(" "))
                .into_iter()
                .map(fold_name)
                .collect();
            let keep = |name: &str| words.matches(name) || aliases.iter().any(|a| a == name);
            Box::new(TermSetQuery::new(matching_terms(searcher, field, &keep)?))
        }
        FilterValue::Name(words) if facet == Facet::Person => {
            // a name that stands for another across the corpus is found by it
            // ("Dag Hammarskjold" finds the speeches that say "Hammarskjold")
            let aliases = &open.manifest.person_aliases;
            let keep = |name: &str| {
                words.matches(name) || aliases.get(name).is_some_and(|full| words.matches(full))
            };
            Box::new(TermSetQuery::new(matching_terms(searcher, field, &keep)?))
        }
        FilterValue::Name(words) => name_query(searcher, field, words)?,
        FilterValue::Path(pattern) => source_query(searcher, field, pattern)?,
    })
}

/// OR of the values of one dimension; `None` when it was not filtered.
fn any_of(queries: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 => None,
        1 => queries.into_iter().next(),
        _ => Some(Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))),
    }
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn text_query(open: &OpenIndex, request: &SearchRequest) -> Result<Box<dyn Query>> {
    let Some(ast) = parse_text(request)? else {
        return Ok(Box::new(AllQuery));
    };
    let mut parser = QueryParser::new(
        open.index.schema(),
        vec![open.fields.text],
        open.index.tokenizers().clone(),
    );
    if request.all {
        parser.set_conjunction_by_default();
    }
    parser
        .build_query_from_user_input_ast(ast)
        .map_err(|e| Error::BadQuery {
            message: format!("{e}; fields you can name: {}", query_fields().join(", ")),
        })
}

/// The query text as every back end reads it (this index, or a cluster's
/// query language): `None` when it matches every sentence, else tantivy's
/// syntax tree with field values rewritten the way filters read them,
/// fields checked and stop words weighted zero. Clauses without an operator
/// are optional unless the request asks for every word.
pub fn parse_text(request: &SearchRequest) -> Result<Option<UserInputAst>> {
    let input = request.query.trim();
    if input.is_empty() || input == "*" {
        return Ok(None);
    }
    if input.len() > MAX_QUERY_BYTES {
        return Err(Error::BadQuery {
            message: format!(
                "the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted",
                input.len()
            ),
        });
    }
    if request.plain {
        let words: Vec<String> = input
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\""))
            .collect();
        if words.is_empty() {
            return Ok(None);
        }
        let ast = query_grammar::parse_query(&words.join(" ")).map_err(|_| syntax_error(input))?;
        return Ok(Some(weigh_stop_words(ast)));
    }
    check_nesting(input)?;
    let ast = query_grammar::parse_query(input).map_err(|_| syntax_error(input))?;
    let ast = rewrite_field_values(ast)?;
    check_fields(&ast)?;
    Ok(Some(weigh_stop_words(ast)))
}

fn check_nesting(input: &str) -> Result<()> {
    let mut depth = 0usize;
    for (i, c) in input.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if depth > MAX_NESTING {
            return Err(Error::BadQuery {
                message: format!(
                    "parentheses nest deeper than {MAX_NESTING} levels at position {}",
                    i + 1
                ),
            });
        }
    }
    Ok(())
}

/// The first syntax error of `input`, with its position, from tantivy's
/// lenient parser.
fn syntax_error(input: &str) -> Error {
    let (_, errors) = query_grammar::parse_query_lenient(input);
    let (position, message) = errors.first().map_or(
        (input.chars().count(), "cannot parse this query".to_string()),
        |e| (e.pos, e.message.clone()),
    );
    let column = input
        .char_indices()
        .take_while(|&(i, _)| i < position)
        .count();
    Error::QuerySyntax {
        query: input.to_string(),
        position: column + 1,
        caret: format!("{}^", " ".repeat(column)),
        message,
    }
}

/// Inline field values read as the filters read them: `country:Iranian`,
/// `person:"Ataturk"` (folded like the index), `year:1990s`,
/// `year:"19th century"`, `year:1990..2010`, `decade:1990s`. A prefix or
/// fuzzy single word (`aparth*`, `apartheid~1`) is refused with a message
/// rather than quietly finding nothing.
fn rewrite_field_values(ast: UserInputAst) -> Result<UserInputAst> {
    Ok(match ast {
        UserInputAst::Clause(children) => UserInputAst::Clause(
            children
                .into_iter()
                .map(|(o, c)| Ok((o, rewrite_field_values(c)?)))
                .collect::<Result<_>>()?,
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(rewrite_field_values(*inner)?), boost)
        }
        UserInputAst::Leaf(leaf) => UserInputAst::Leaf(Box::new(match *leaf {
            UserInputLeaf::Literal(literal) => rewrite_literal(literal)?,
            other => other,
        })),
    })
}

fn rewrite_literal(mut literal: UserInputLiteral) -> Result<UserInputLeaf> {
    let dimension = literal
        .field_name
        .as_deref()
        .and_then(|name| DIMENSIONS.iter().find(|d| d.field == name));
    let values = dimension.map(|d| d.values);
    // The grammar keeps `aparth*` and `apartheid~1` as the words they are
    // written as; the analyzer would then drop the marks and quietly find
    // nothing. A quoted single word with `*` is a one-word phrase prefix,
    // which tantivy does not take either.
    let phrase = literal.phrase.trim();
    let fuzzy = phrase
        .rsplit_once('~')
        .is_some_and(|(word, n)| !word.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let wildcard =
        phrase.contains('*') || (literal.prefix && !phrase.contains(char::is_whitespace));
    if values.is_none() && (fuzzy || wildcard) {
        let forms = "words already match their other forms (apartheid finds apartheid's)";
        let message = if wildcard {
            format!(
                "{}*: word prefixes and wildcards are not supported; only a phrase of two or more words may end with * (\"apartheid reg\"*), and {forms}",
                phrase.trim_end_matches('*')
            )
        } else {
            format!("{phrase}: fuzzy words are not supported; {forms}")
        };
        return Err(Error::BadQuery { message });
    }
    let bad_value = |e: FilterError| Error::BadQuery {
        message: format!(
            "{}:{}: {e}",
            literal.field_name.as_deref().unwrap_or_default(),
            literal.phrase
        ),
    };
    let doc_date = dimension.is_some_and(|d| d.facet.is_doc_date());
    match values {
        // `doc_year:1990` and `doc_decade:1990` name the value itself;
        // anything else is read as years of the document's date.
        _ if doc_date && literal.phrase.trim().parse::<i64>().is_ok() => {}
        _ if doc_date => {
            let years: YearFilter = literal.phrase.parse().map_err(bad_value)?;
            let (lo, hi) = years.bounds();
            let bound = |v: Option<i64>| {
                v.map_or(UserInputBound::Unbounded, |v| {
                    UserInputBound::Inclusive(v.to_string())
                })
            };
            return Ok(UserInputLeaf::Range {
                field: Some(Facet::DocYear.field().to_string()),
                lower: bound(lo),
                upper: bound(hi),
            });
        }
        Some(Values::Meta) => {
            if let Some((key, value)) = literal.phrase.split_once('=') {
                literal.phrase = crate::vocab::facets::meta_term(key.trim(), &fold_name(value));
            }
        }
        Some(Values::Countries) => {
            let code = countries::resolve(&literal.phrase);
            literal.phrase = fold_name(code.unwrap_or(&literal.phrase));
        }
        Some(Values::Names) => literal.phrase = fold_name(&literal.phrase),
        // `decade:1990` and `century:19` name the decade or century itself.
        Some(Values::Decades | Values::Centuries)
            if literal.phrase.trim().parse::<i64>().is_ok() => {}
        Some(Values::Years | Values::Decades | Values::Centuries) => {
            let years: YearFilter = literal.phrase.parse().map_err(bad_value)?;
            let (facet, value) = match years {
                YearFilter::Decade(d) => (Facet::Decade, d),
                YearFilter::Century(c) => (Facet::Century, c),
                YearFilter::Range(Some(lo), Some(hi))
                    if lo == hi && values == Some(Values::Years) =>
                {
                    (Facet::Year, lo)
                }
                YearFilter::Range(lo, hi) => {
                    let bound = |v: Option<i64>| {
                        v.map_or(UserInputBound::Unbounded, |v| {
                            UserInputBound::Inclusive(v.to_string())
                        })
                    };
                    return Ok(UserInputLeaf::Range {
                        field: Some(Facet::Year.field().to_string()),
                        lower: bound(lo),
                        upper: bound(hi),
                    });
                }
            };
            literal.field_name = Some(facet.field().to_string());
            literal.phrase = value.to_string();
        }
        _ => {}
    }
    Ok(UserInputLeaf::Literal(literal))
}

/// A single word of the text field, outside any phrase (`the`, `"the"`,
/// `text:the`), that is an English stop word.
fn is_stop_leaf(ast: &UserInputAst) -> bool {
    let UserInputAst::Leaf(leaf) = ast else {
        return false;
    };
    let UserInputLeaf::Literal(literal) = leaf.as_ref() else {
        return false;
    };
    if literal.prefix
        || literal
            .field_name
            .as_deref()
            .is_some_and(|f| f != schema::TEXT)
    {
        return false;
    }
    let mut words = literal
        .phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (Some(word), None) => ranking::is_stop_word(word),
        _ => false,
    }
}

/// Whether anything in the query scores other than stop words.
fn has_content(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(children) => children
            .iter()
            .any(|(occur, c)| *occur != Some(Occur::MustNot) && has_content(c)),
        UserInputAst::Boost(inner, _) => has_content(inner),
        leaf => !is_stop_leaf(leaf),
    }
}

/// Stop words (`ranking::STOP_WORDS`) still match, so that hit sets stay
/// what the query says, but weigh nothing: "the effects of solar flares"
/// ranks by effects, solar and flares. Phrases keep every word, and a query
/// of stop words alone ("to be or not to be") keeps their weight.
fn weigh_stop_words(ast: UserInputAst) -> UserInputAst {
    fn zero(ast: UserInputAst) -> UserInputAst {
        match ast {
            UserInputAst::Clause(children) => {
                UserInputAst::Clause(children.into_iter().map(|(o, c)| (o, zero(c))).collect())
            }
            UserInputAst::Boost(inner, boost) => UserInputAst::Boost(Box::new(zero(*inner)), boost),
            leaf if is_stop_leaf(&leaf) => UserInputAst::Boost(Box::new(leaf), 0.0.into()),
            leaf => leaf,
        }
    }
    if has_content(&ast) { zero(ast) } else { ast }
}

/// Names a user may put before a colon; anything else is an error that
/// lists them (tantivy would otherwise search the default field for it).
fn check_fields(ast: &UserInputAst) -> Result<()> {
    let check = |name: &Option<String>| -> Result<()> {
        match name {
            Some(n) if !query_fields().contains(&n.as_str()) => Err(Error::BadQuery {
                message: format!(
                    "unknown field {n:?}; fields you can name: {}",
                    query_fields().join(", ")
                ),
            }),
            _ => Ok(()),
        }
    };
    match ast {
        UserInputAst::Clause(children) => children.iter().try_for_each(|(_, c)| check_fields(c)),
        UserInputAst::Boost(inner, _) => check_fields(inner),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(l) => check(&l.field_name),
            UserInputLeaf::Range { field, .. } => check(field),
            UserInputLeaf::Set { field, .. } => check(field),
            _ => Ok(()),
        },
    }
}

fn i64_range(field: Field, lo: Option<i64>, hi: Option<i64>) -> Box<dyn Query> {
    let bound = |v: Option<i64>| {
        v.map_or(Bound::Unbounded, |v| {
            Bound::Included(Term::from_field_i64(field, v))
        })
    };
    Box::new(RangeQuery::new(bound(lo), bound(hi)))
}

fn year_query(open: &OpenIndex, years: YearFilter) -> Box<dyn Query> {
    let f = &open.fields;
    let exactly = |facet: Facet, value: i64| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_i64(f.of(facet), value),
            IndexRecordOption::Basic,
        ))
    };
    match years {
        YearFilter::Range(lo, hi) => i64_range(f.of(Facet::Year), lo, hi),
        YearFilter::Decade(d) => exactly(Facet::Decade, d),
        YearFilter::Century(c) => exactly(Facet::Century, c),
    }
}

/// Every indexed value of a keyword field that satisfies `keep`, across all
/// segments.
fn matching_terms(
    searcher: &Searcher,
    field: Field,
    keep: &dyn Fn(&str) -> bool,
) -> Result<Vec<Term>> {
    let mut terms = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(|e| Error::Tantivy(e.into()))?;
        while stream.advance() {
            if let Ok(value) = std::str::from_utf8(stream.key())
                && keep(value)
            {
                terms.push(Term::from_field_text(field, value));
            }
        }
    }
    terms.sort();
    terms.dedup();
    Ok(terms)
}

/// A name filter matches every indexed name that holds its words in order
/// (`Aliyev`: "ilham aliyev", "heydar aliyev").
fn name_query(searcher: &Searcher, field: Field, words: &NameWords) -> Result<Box<dyn Query>> {
    let keep = |name: &str| words.matches(name);
    Ok(Box::new(TermSetQuery::new(matching_terms(
        searcher, field, &keep,
    )?)))
}

/// A source filter matches every indexed path its pattern matches.
fn source_query(
    searcher: &Searcher,
    field: Field,
    pattern: &PathPattern,
) -> Result<Box<dyn Query>> {
    let keep = |path: &str| pattern.matches(path);
    Ok(Box::new(TermSetQuery::new(matching_terms(
        searcher, field, &keep,
    )?)))
}
