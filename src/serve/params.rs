//! URL parameters → a `SearchRequest`, with the command line's rules:
//! parameters are named as the query flags are (filters and facets from the
//! registry), filters repeat (OR within one, AND across), facets repeat or
//! take commas.

use super::errors::ApiError;
use super::{MAX_HTTP_OFFSET, MAX_PAGE, MAX_Q_BYTES};
use crate::error::Error;
use crate::search::{
    Axis, CollocatesRequest, ContextRequest, KeywordsRequest, MAX_LIMIT, MAX_SERIES, SearchRequest,
    TrendRequest,
};
use crate::vocab::facets::Facet;
use crate::vocab::filters::Filter;

/// The parameters `/api/search` knows besides the registry's filters.
const REQUEST_PARAMS: &[&str] = &[
    "q",
    "limit",
    "offset",
    "facet",
    "facet_limit",
    "sort",
    "plain",
    "all",
    "group_by",
    "kwic",
];

fn known_params() -> String {
    let mut names: Vec<&str> = REQUEST_PARAMS.to_vec();
    names.extend(Facet::filters().map(|d| d.name));
    names.join(", ")
}

pub fn parse_search(raw: &str) -> Result<SearchRequest, ApiError> {
    let mut request = SearchRequest::default();
    let mut facets = Vec::new();
    let mut seen_q = false;
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        let value = value.into_owned();
        match key.as_ref() {
            "q" => {
                if seen_q {
                    return Err(ApiError::bad_request("q given more than once"));
                }
                seen_q = true;
                if value.len() > MAX_Q_BYTES {
                    return Err(ApiError::bad_request(format!(
                        "invalid query: q is {} bytes long; at most {MAX_Q_BYTES} are accepted",
                        value.len()
                    )));
                }
                request.query = value;
            }
            "limit" => request.limit = page_size("limit", &value)?,
            "facet_limit" => request.facet_limit = page_size("facet_limit", &value)?,
            "offset" => request.offset = number("offset", &value)?,
            "facet" => facets.push(value),
            "sort" => {
                request.sort = value
                    .parse()
                    .map_err(|e| Error::bad_value("sort", &value, e))?;
            }
            "plain" => request.plain = switch("plain", &value)?,
            "all" => request.all = switch("all", &value)?,
            "kwic" => request.kwic = switch("kwic", &value)?,
            "group_by" => {
                request.group_by_doc = match value.as_str() {
                    "doc" => true,
                    "" | "none" => false,
                    _ => return Err(Error::bad_value("group_by", &value, "expected doc").into()),
                };
            }
            other => {
                let Some(facet) = Facet::filters().find(|d| d.name == other).map(|d| d.facet)
                else {
                    return Err(ApiError::bad_request(format!(
                        "unknown parameter {other:?}; parameters: {}",
                        known_params()
                    )));
                };
                // An empty form field is no filter, not an empty one.
                if !value.trim().is_empty() {
                    let filter = Filter::parse(facet, &value)
                        .map_err(|e| Error::bad_value(other, &value, e))?;
                    request.filters.push(filter);
                }
            }
        }
    }
    (request.facets, request.meta_facets) = Facet::parse_list_with_meta(&facets)
        .map_err(|(name, e)| Error::bad_value("facet", name, e))?;
    // A page past the deepest one is refused, not answered empty: an empty
    // page would say there are no more hits when there are.
    if request.offset.saturating_add(request.limit) > MAX_HTTP_OFFSET {
        return Err(Error::bad_value(
            "offset",
            request.offset.to_string(),
            format!(
                "pages here end at hit {MAX_HTTP_OFFSET} (offset + limit); narrow the search with filters, or export every hit with the command line (annals query --format json)"
            ),
        )
        .into());
    }
    Ok(request)
}

/// `/api/collocates` parameters: those of `/api/search` that pick the
/// sentences (q, filters, plain, all), `limit`, and `window`, `measure`,
/// `min_count`, `stop_words` (drop or keep).
pub fn parse_collocates(raw: &str) -> Result<CollocatesRequest, ApiError> {
    let mut request = CollocatesRequest::default();
    let rest = take_params(raw, &mut |key, value| {
        match key {
            "window" => request.window = number("window", value)?,
            "measure" => {
                request.measure = value
                    .parse()
                    .map_err(|e| Error::bad_value("measure", value, e))?;
            }
            "min_count" => request.min_count = number("min_count", value)? as u64,
            "stop_words" => {
                request.keep_stop_words = match value {
                    "keep" => true,
                    "" | "drop" => false,
                    _ => {
                        return Err(
                            Error::bad_value("stop_words", value, "expected drop or keep").into(),
                        );
                    }
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    request.search = selection(&rest, &mut request.limit)?;
    Ok(request)
}

/// `/api/keywords` parameters: those of `/api/search` that pick the
/// sentences (q, filters, plain, all), `limit` and `min_count`.
pub fn parse_keywords(raw: &str) -> Result<KeywordsRequest, ApiError> {
    let mut request = KeywordsRequest::default();
    let rest = take_params(raw, &mut |key, value| {
        if key == "min_count" {
            request.min_count = number("min_count", value)? as u64;
            return Ok(true);
        }
        Ok(false)
    })?;
    request.search = selection(&rest, &mut request.limit)?;
    Ok(request)
}

/// The parameters `take` does not claim, re-encoded.
fn take_params(
    raw: &str,
    take: &mut dyn FnMut(&str, &str) -> Result<bool, ApiError>,
) -> Result<String, ApiError> {
    let mut rest = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        if !take(key.as_ref(), value.trim())? {
            rest.append_pair(&key, &value);
        }
    }
    Ok(rest.finish())
}

/// The sentences a collocates or key terms request reads, and its limit
/// (left as it was when not given).
fn selection(rest: &str, limit: &mut usize) -> Result<SearchRequest, ApiError> {
    let given = form_urlencoded::parse(rest.as_bytes()).any(|(k, _)| k == "limit");
    let mut search = parse_search(rest)?;
    if given {
        *limit = search.limit;
    }
    search.limit = 0;
    Ok(search)
}

/// Splits the parameters `own` names off a query string; the rest, encoded
/// again, is read as `/api/search` reads it (filters, `plain`, `all`, …).
fn split_params(raw: &str, own: &[&str]) -> (Vec<(String, String)>, String) {
    let mut mine = Vec::new();
    let mut rest = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        if own.contains(&key.as_ref()) {
            mine.push((key.into_owned(), value.into_owned()));
        } else {
            rest.append_pair(&key, &value);
        }
    }
    (mine, rest.finish())
}

/// `/api/trend`: `q` once per query (1 to 5), `by`, `top`, `format`
/// (`json`, or `csv` for a download), and the search parameters that
/// narrow every query and the denominator alike.
pub fn parse_trend(raw: &str) -> Result<(TrendRequest, bool), ApiError> {
    let (mine, rest) = split_params(raw, &["q", "by", "top", "format"]);
    let mut csv = false;
    let base = parse_search(&rest)?;
    let mut queries = Vec::new();
    let mut by = Axis::default();
    let mut top = 20;
    for (key, value) in mine {
        match key.as_str() {
            "q" => {
                if value.len() > MAX_Q_BYTES {
                    return Err(ApiError::bad_request(format!(
                        "invalid query: q is {} bytes long; at most {MAX_Q_BYTES} are accepted",
                        value.len()
                    )));
                }
                if !value.trim().is_empty() {
                    queries.push(value);
                }
            }
            "by" => by = Axis::parse(&value).map_err(|e| Error::bad_value("by", &value, e))?,
            "format" => {
                csv = match value.as_str() {
                    "" | "json" => false,
                    "csv" => true,
                    _ => {
                        return Err(
                            Error::bad_value("format", &value, "expected json or csv").into()
                        );
                    }
                }
            }
            _ => top = page_size("top", &value)?,
        }
    }
    if queries.is_empty() || queries.len() > MAX_SERIES {
        return Err(ApiError::bad_request(format!(
            "give 1 to {MAX_SERIES} queries, each as a q parameter (q=peace&q=war)"
        )));
    }
    Ok((
        TrendRequest {
            queries,
            base,
            by,
            top,
        },
        csv,
    ))
}

/// `/api/export`: the parameters of `/api/search` (facets and paging
/// aside: `limit` may be `all`, the default), and `format=csv|jsonl`.
pub fn parse_export(raw: &str) -> Result<(SearchRequest, ExportKind), ApiError> {
    let (mine, rest) = split_params(raw, &["format", "limit", "offset"]);
    let mut request = parse_search(&rest)?;
    let mut kind = ExportKind::Csv;
    request.limit = usize::MAX;
    for (key, value) in mine {
        match key.as_str() {
            "format" => {
                kind = match value.as_str() {
                    "csv" => ExportKind::Csv,
                    "jsonl" => ExportKind::Jsonl,
                    _ => {
                        return Err(
                            Error::bad_value("format", &value, "expected csv or jsonl").into()
                        );
                    }
                }
            }
            "limit" if value.trim() == "all" => request.limit = usize::MAX,
            "limit" => request.limit = number("limit", &value)?,
            _ => request.offset = number("offset", &value)?,
        }
    }
    request.facets.clear();
    request.meta_facets.clear();
    Ok((request, kind))
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    Jsonl,
}

/// `/api/context` parameters: `source` and `line` (required), `sentence`
/// (its number in the source, to pick one of several on a line), `context`.
pub fn parse_context(raw: &str) -> Result<ContextRequest, ApiError> {
    let (mut source, mut line, mut sentence, mut around) = (None, None, None, 2);
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        match key.as_ref() {
            // The file a sentence came from, named as the source facet is.
            key if key == Facet::Source.name() => source = Some(value.into_owned()),
            "line" => line = Some(number("line", &value)? as u64),
            "context" => around = number("context", &value)?,
            "sentence" => sentence = Some(number("sentence", &value)? as u64),
            other => {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {other:?}; parameters: source, line, sentence, context"
                )));
            }
        }
    }
    match (source, line) {
        (Some(source), Some(line)) => Ok(ContextRequest {
            source,
            line,
            sentence,
            around,
        }),
        _ => Err(ApiError::bad_request(
            "source and line are required: /api/context?source=corpus/a.txt&line=12",
        )),
    }
}

fn number(name: &str, value: &str) -> Result<usize, ApiError> {
    value
        .trim()
        .parse()
        .map_err(|_| Error::bad_value(name, value, "expected a whole number, 0 or more").into())
}

fn page_size(name: &str, value: &str) -> Result<usize, ApiError> {
    let n = number(name, value)?;
    let most = MAX_PAGE.min(MAX_LIMIT);
    if n > most {
        return Err(Error::bad_value(
            name,
            value,
            format!("at most {most} here; page with offset"),
        )
        .into());
    }
    Ok(n)
}

/// `plain`, `plain=1`, `plain=true` turn a switch on, as a checkbox does.
fn switch(name: &str, value: &str) -> Result<bool, ApiError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "on" | "yes" => Ok(true),
        "0" | "false" | "off" | "no" => Ok(false),
        _ => Err(Error::bad_value(name, value, "expected true or false").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Sort;
    use axum::http::StatusCode;

    fn raw(r: &SearchRequest, facet: Facet) -> Vec<&str> {
        r.filters
            .iter()
            .filter(|f| f.facet == facet)
            .map(|f| f.raw.as_str())
            .collect()
    }

    #[test]
    fn parameters_map_to_the_request() {
        let r = parse_search(
            "q=Baku&limit=5&offset=10&facet=year,country&facet=person&year=1990s&year=2001..&country=IR&sort=-date&plain&group_by=doc",
        )
        .unwrap();
        assert_eq!(r.query, "Baku");
        assert_eq!((r.limit, r.offset), (5, 10));
        assert_eq!(r.facets, vec![Facet::Year, Facet::Country, Facet::Person]);
        assert_eq!(raw(&r, Facet::Year), vec!["1990s", "2001.."]);
        assert_eq!(raw(&r, Facet::Country), vec!["IR"]);
        assert_eq!(r.sort, Sort::DateDesc);
        assert!(r.plain && r.group_by_doc && !r.all);
    }

    #[test]
    fn encoded_values_and_empty_filters() {
        let r = parse_search("q=%22nuclear+deal%22&year=19th%20century&country=").unwrap();
        assert_eq!(r.query, "\"nuclear deal\"");
        assert_eq!(raw(&r, Facet::Year), vec!["19th century"]);
        assert!(raw(&r, Facet::Country).is_empty());
    }

    #[test]
    fn bad_parameters_are_400s_with_a_message() {
        for raw in [
            "limit=100000",
            "limit=-1",
            "offset=x",
            "facet=colour",
            "sort=up",
            "plain=maybe",
            "group_by=year",
            "colour=red",
            "q=a&q=b",
        ] {
            let err = parse_search(raw).unwrap_err();
            assert_eq!(err.status, StatusCode::BAD_REQUEST, "{raw}");
            assert!(!err.message.is_empty());
        }
        let long = format!("q={}", "a".repeat(MAX_Q_BYTES + 1));
        assert_eq!(
            parse_search(&long).unwrap_err().status,
            StatusCode::BAD_REQUEST
        );
        let msg = parse_search("facet=colour").unwrap_err().message;
        assert!(msg.contains("valid facets"), "{msg}");
    }

    #[test]
    fn collocates_and_keywords_parameters() {
        let r = parse_collocates(
            "q=apartheid&window=3&measure=mi&min_count=2&stop_words=keep&limit=7&country=ZA",
        )
        .unwrap();
        assert_eq!(r.search.query, "apartheid");
        assert_eq!((r.window, r.min_count, r.limit), (3, 2, 7));
        assert_eq!(r.measure, crate::search::Measure::Mi);
        assert!(r.keep_stop_words);
        assert_eq!(raw(&r.search, Facet::Country), vec!["ZA"]);
        assert_eq!(parse_collocates("q=x").unwrap().limit, 20);
        for bad in [
            "q=x&measure=dice",
            "q=x&window=w",
            "q=x&stop_words=some",
            "q=x&colour=1",
        ] {
            assert_eq!(
                parse_collocates(bad).unwrap_err().status,
                StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
        let k = parse_keywords("q=apartheid&min_count=5&limit=3").unwrap();
        assert_eq!((k.min_count, k.limit), (5, 3));
        assert!(parse_keywords("q=x&window=3").is_err());
        assert!(parse_search("q=x&kwic=1").unwrap().kwic);
    }

    #[test]
    fn trends_take_several_queries_and_the_search_filters() {
        let (t, csv) = parse_trend("q=peace&q=war&by=doc_year&country=IR&plain").unwrap();
        assert!(!csv && parse_trend("q=a&format=csv").unwrap().1);
        assert_eq!(t.queries, ["peace", "war"]);
        assert_eq!(t.by.facet, Facet::DocYear);
        assert_eq!(raw(&t.base, Facet::Country), vec!["IR"]);
        assert!(t.base.plain);
        for bad in [
            "by=year",
            "q=a&by=colour",
            "q=1&q=2&q=3&q=4&q=5&q=6",
            "q=a&top=x",
        ] {
            assert_eq!(
                parse_trend(bad).unwrap_err().status,
                StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
    }

    #[test]
    fn exports_take_every_hit_unless_limited() {
        let (r, kind) = parse_export("q=peace&format=jsonl&year=1990s&facet=year").unwrap();
        assert_eq!((r.limit, kind), (usize::MAX, ExportKind::Jsonl));
        assert!(r.facets.is_empty());
        let (r, kind) = parse_export("q=peace&limit=200000&offset=5").unwrap();
        assert_eq!((r.limit, r.offset, kind), (200_000, 5, ExportKind::Csv));
        assert!(parse_export("q=a&format=xml").is_err());
    }
}
