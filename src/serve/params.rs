//! URL parameters → a `SearchRequest`, with the command line's rules:
//! parameters are named as the query flags are (filters and facets from the
//! registry), filters repeat (OR within one, AND across), facets repeat or
//! take commas.

use super::errors::ApiError;
use super::{MAX_HTTP_OFFSET, MAX_PAGE, MAX_Q_BYTES};
use crate::error::Error;
use crate::search::{MAX_LIMIT, SearchRequest};
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

/// `/api/context` parameters: `source` and `line` (required), `sentence`
/// (its number in the source, to pick one of several on a line), `context`.
pub fn parse_context(raw: &str) -> Result<(String, u64, Option<u64>, usize), ApiError> {
    let (mut source, mut line, mut sentence, mut around) = (None, None, None, 2);
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        match key.as_ref() {
            "source" => source = Some(value.into_owned()),
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
        (Some(source), Some(line)) => Ok((source, line, sentence, around)),
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
}
