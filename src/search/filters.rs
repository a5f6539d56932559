//! Filters as users write them (`--year 1990..2010`, `--year 1990s`,
//! `--date 2007-02`, `--country Iranian`), parsed into values the query
//! builder turns into tantivy queries.

use crate::error::{Error, Result};
use crate::extract::gazetteer;
use crate::vocab::time::{self as dates, HistDate};

/// One `--year` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFilter {
    /// Inclusive years; `None` is an open end.
    Range(Option<i64>, Option<i64>),
    Decade(i64),
    Century(i64),
}

/// Parses `1990..2010`, `..1900`, `2001..`, `-550..-44`, `1992`, `1990s`,
/// `470s BC`, `19th century`, `5th century BC`, `550 BC`.
pub fn parse_year(value: &str) -> Result<YearFilter> {
    let bad = |message: &str| Error::bad_argument("--year", value, message);
    let v = value.trim();
    if v.is_empty() {
        return Err(bad(
            "empty: give a year, a range A..B, a decade (1990s) or a century (19th century)",
        ));
    }
    if let Some((a, b)) = v.split_once("..") {
        let lo = parse_year_bound(a).map_err(|m| bad(&m))?;
        let hi = parse_year_bound(b).map_err(|m| bad(&m))?;
        if lo.is_none() && hi.is_none() {
            return Err(bad(
                "a range needs at least one end, e.g. 1990..2010, ..1900 or 2001..",
            ));
        }
        if let (Some(lo), Some(hi)) = (lo, hi)
            && lo > hi
        {
            return Err(bad(&format!(
                "the range is empty ({lo} comes after {hi}): write it as {hi}..{lo}"
            )));
        }
        return Ok(YearFilter::Range(lo, hi));
    }
    if let Some(c) = dates::parse_century(v) {
        return Ok(YearFilter::Century(i64::from(c)));
    }
    if let Some(d) = dates::parse_decade(v) {
        return Ok(YearFilter::Decade(i64::from(d)));
    }
    match parse_year_bound(v).map_err(|m| bad(&m))? {
        Some(y) => Ok(YearFilter::Range(Some(y), Some(y))),
        None => Err(bad("expected a year")),
    }
}

fn parse_year_bound(s: &str) -> std::result::Result<Option<i64>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let upper = s.to_ascii_uppercase();
    let (number, bc) = if let Some(n) = upper
        .strip_suffix("BCE")
        .or_else(|| upper.strip_suffix("BC"))
    {
        (n.trim().to_string(), true)
    } else if let Some(n) = upper
        .strip_suffix("CE")
        .or_else(|| upper.strip_suffix("AD"))
    {
        (n.trim().to_string(), false)
    } else {
        (upper.clone(), false)
    };
    let year: i64 = number.parse().map_err(|_| {
        format!("{s:?} is not a year (years are whole numbers, BC negative: -550 or 550 BC)")
    })?;
    if year == 0 {
        return Err("there is no year 0: 1 BC (-1) is followed by AD 1".into());
    }
    if !(-100_000..=100_000).contains(&year) {
        return Err(format!("{year} is out of range"));
    }
    Ok(Some(if bc { -year.abs() } else { year }))
}

/// An inclusive range of day numbers from `--date A..B` (either end open,
/// each end a `YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
pub fn parse_date_range(value: &str) -> Result<(Option<i64>, Option<i64>)> {
    let bad = |message: String| Error::bad_argument("--date", value, message);
    let (a, b) = value.split_once("..").unwrap_or((value, value));
    let lo = parse_date_end(a, false).map_err(bad)?;
    let hi = parse_date_end(b, true).map_err(bad)?;
    if lo.is_none() && hi.is_none() {
        return Err(Error::bad_argument(
            "--date",
            value,
            "expected a date or range: 2007-02-01..2007-02-28, 2007-02, 1992..",
        ));
    }
    if let (Some(l), Some(h)) = (lo, hi)
        && l > h
    {
        return Err(Error::bad_argument(
            "--date",
            value,
            "the range is empty: its start comes after its end",
        ));
    }
    Ok((lo, hi))
}

fn parse_date_end(s: &str, end: bool) -> std::result::Result<Option<i64>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let date = HistDate::parse_contract(s)?;
    Ok(Some(if end {
        date.last_day()
    } else {
        date.first_day()
    }))
}

/// The country code a `--country` value names: a name, an alpha-2 or alpha-3
/// code, or a demonym. An unknown one is an error that suggests near names.
pub fn parse_country(value: &str) -> Result<String> {
    // A two-letter code needs only the name table, not the whole gazetteer.
    if value.trim().len() == 2 && gazetteer::country_name(value).is_some() {
        return Ok(value.trim().to_ascii_uppercase());
    }
    let g = gazetteer::gazetteer();
    if let Some(code) = g.resolve_country(value.trim()) {
        return Ok(code.to_string());
    }
    let suggestions = g.suggest_countries(value, 3);
    let hint = if suggestions.is_empty() {
        "give a country name, an ISO code (IR, IRN) or a demonym (Iranian)".to_string()
    } else {
        format!("did you mean {}?", suggestions.join(", "))
    };
    Err(Error::bad_argument(
        "--country",
        value,
        format!("unknown country; {hint}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::time::day_number;

    #[test]
    fn year_ranges_parse_with_open_ends_and_eras() {
        assert_eq!(
            parse_year("1990..2010").unwrap(),
            YearFilter::Range(Some(1990), Some(2010))
        );
        assert_eq!(
            parse_year("..1900").unwrap(),
            YearFilter::Range(None, Some(1900))
        );
        assert_eq!(
            parse_year("2001..").unwrap(),
            YearFilter::Range(Some(2001), None)
        );
        assert_eq!(
            parse_year("-550..-44").unwrap(),
            YearFilter::Range(Some(-550), Some(-44))
        );
        assert_eq!(
            parse_year("550 BC").unwrap(),
            YearFilter::Range(Some(-550), Some(-550))
        );
    }

    #[test]
    fn bad_years_are_errors() {
        for v in ["2010..1990", "abc", "..", "", "0", "19x0..2000"] {
            assert!(parse_year(v).is_err(), "{v}");
        }
    }

    #[test]
    fn date_ranges_cover_whole_months_and_years() {
        let (lo, hi) = parse_date_range("2007-02").unwrap();
        assert_eq!(lo, Some(day_number(2007, 2, 1)));
        assert_eq!(hi, Some(day_number(2007, 2, 28)));
        let (lo, hi) = parse_date_range("1992..").unwrap();
        assert_eq!((lo, hi), (Some(day_number(1992, 1, 1)), None));
        assert!(parse_date_range("2007-02-30").is_err());
        assert!(parse_date_range("2008..2007").is_err());
        assert!(parse_date_range("2007-13").is_err());
    }
}
