//! Filter values as users write them, typed: `1990..2010`, `1990s`,
//! `"19th century"`, `2007-02`, `Iranian`, `Aliyev`, `**/1970/*`. Each type
//! parses itself (`FromStr`) and says what is wrong in words that name no
//! flag or parameter: the command line and the HTTP API add their own name
//! for the value to the message.

use std::str::FromStr;

use super::countries;
use super::facets::{Facet, Values};
use super::fold::fold_name;
use super::time::{self, HistDate, MAX_YEAR};

/// Why a filter value does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FilterError(pub String);

fn err(message: impl Into<String>) -> FilterError {
    FilterError(message.into())
}

/// A `year` value: a range of years, a decade or a century.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFilter {
    /// Inclusive years; `None` is an open end.
    Range(Option<i64>, Option<i64>),
    Decade(i64),
    Century(i64),
}

impl FromStr for YearFilter {
    type Err = FilterError;

    /// `1990..2010`, `..1900`, `2001..`, `-550..-44`, `1992`, `550 BC`,
    /// `1990s`, `470s BC`, `19th century`, `5th century BC`.
    fn from_str(value: &str) -> Result<Self, FilterError> {
        let v = value.trim();
        if v.is_empty() {
            return Err(err(
                "empty: give a year, a range A..B, a decade (1990s) or a century (19th century)",
            ));
        }
        if let Some((a, b)) = v.split_once("..") {
            let (lo, hi) = (year_bound(a)?, year_bound(b)?);
            return match (lo, hi) {
                (None, None) => Err(err(
                    "a range needs at least one end, e.g. 1990..2010, ..1900 or 2001..",
                )),
                (Some(lo), Some(hi)) if lo > hi => Err(err(format!(
                    "the range is empty ({lo} comes after {hi}): write it as {hi}..{lo}"
                ))),
                _ => Ok(YearFilter::Range(lo, hi)),
            };
        }
        if let Some((a, b)) = v.split_once('-')
            && !a.is_empty()
            && [a, b]
                .iter()
                .all(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
        {
            return Err(err(format!(
                "a range is written with two dots: {a}..{b} (BC years are negative: -{a}..-{b})"
            )));
        }
        if let Some(c) = time::parse_century(v) {
            return Ok(YearFilter::Century(i64::from(c)));
        }
        if let Some(d) = time::parse_decade(v) {
            return Ok(YearFilter::Decade(i64::from(d)));
        }
        match year_bound(v)? {
            Some(y) => Ok(YearFilter::Range(Some(y), Some(y))),
            None => Err(err("expected a year")),
        }
    }
}

impl YearFilter {
    /// The first and last years it covers (`None` an open end): a decade's
    /// ten years, a century's hundred.
    pub fn bounds(self) -> (Option<i64>, Option<i64>) {
        match self {
            YearFilter::Range(lo, hi) => (lo, hi),
            // decade 0 holds 9 BC to AD 9 (see time::decade_of)
            YearFilter::Decade(0) => (Some(-9), Some(9)),
            YearFilter::Decade(d) if d > 0 => (Some(d), Some(d + 9)),
            YearFilter::Decade(d) => (Some(d - 9), Some(d)),
            YearFilter::Century(c) if c > 0 => (Some((c - 1) * 100), Some(c * 100 - 1)),
            YearFilter::Century(c) => (Some(c * 100), Some(c * 100 + 99)),
        }
    }
}

/// One end of a year range: `1990`, `-550`, `550 BC`, `AD 79`; empty is open.
fn year_bound(s: &str) -> Result<Option<i64>, FilterError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let upper = s.to_ascii_uppercase();
    let (number, bc) = if let Some(n) = upper
        .strip_suffix("BCE")
        .or_else(|| upper.strip_suffix("BC"))
    {
        (n.trim(), true)
    } else if let Some(n) = upper
        .strip_suffix("CE")
        .or_else(|| upper.strip_suffix("AD"))
        .or_else(|| upper.strip_prefix("AD"))
    {
        (n.trim(), false)
    } else {
        (upper.as_str(), false)
    };
    let year: i64 = number.parse().map_err(|_| {
        err(format!(
            "{s:?} is not a year (years are whole numbers, BC negative: -550 or 550 BC)"
        ))
    })?;
    if year == 0 {
        return Err(err("there is no year 0: 1 BC (-1) is followed by AD 1"));
    }
    if year.abs() > MAX_YEAR {
        return Err(err(format!("{year} is out of range")));
    }
    Ok(Some(if bc { -year.abs() } else { year }))
}

/// A `date` value: an inclusive range of day numbers, either end open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub first: Option<i64>,
    pub last: Option<i64>,
}

impl FromStr for DayRange {
    type Err = FilterError;

    /// `A..B` with ends `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (either open), or
    /// one such date: `2007-02` is the whole month.
    fn from_str(value: &str) -> Result<Self, FilterError> {
        let (a, b) = value.split_once("..").unwrap_or((value, value));
        let end = |s: &str| -> Result<Option<HistDate>, FilterError> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                HistDate::parse_contract(s).map(Some).map_err(FilterError)
            }
        };
        let first = end(a)?.map(|d| d.first_day());
        let last = end(b)?.map(|d| d.last_day());
        match (first, last) {
            (None, None) => Err(err(
                "expected a date or range: 2007-02-01..2007-02-28, 2007-02, 1992..",
            )),
            (Some(f), Some(l)) if f > l => {
                Err(err("the range is empty: its start comes after its end"))
            }
            _ => Ok(DayRange { first, last }),
        }
    }
}

/// A `country` value, resolved to its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCode(pub &'static str);

impl FromStr for CountryCode {
    type Err = FilterError;

    /// A name, an alpha-2 or alpha-3 code, or a demonym. An unknown one is an
    /// error that suggests near names.
    fn from_str(value: &str) -> Result<Self, FilterError> {
        if let Some(code) = countries::resolve(value) {
            return Ok(CountryCode(code));
        }
        let suggestions = countries::suggest(value, 3);
        Err(err(if suggestions.is_empty() {
            "unknown country; give a country name, an ISO code (IR, IRN) or a demonym (Iranian)"
                .to_string()
        } else {
            format!("unknown country; did you mean {}?", suggestions.join(", "))
        }))
    }
}

/// A `person`, `org` or `place` value: the folded words a name must hold
/// in order (`Aliyev` matches "Ilham Aliyev" and "Heydar Aliyev").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameWords(pub Vec<String>);

impl FromStr for NameWords {
    type Err = FilterError;

    fn from_str(value: &str) -> Result<Self, FilterError> {
        let words: Vec<String> = fold_name(value)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            return Err(err("empty name"));
        }
        Ok(NameWords(words))
    }
}

impl NameWords {
    /// Whether a folded name holds these words, in order, as whole words.
    pub fn matches(&self, folded_name: &str) -> bool {
        let words: Vec<&str> = folded_name.split_whitespace().collect();
        words
            .windows(self.0.len())
            .any(|w| w.iter().zip(&self.0).all(|(a, b)| a == b))
    }
}

/// A `source` value: a glob over source paths, or a path naming a file or a
/// folder.
#[derive(Debug, Clone)]
pub struct PathPattern {
    pub raw: String,
    glob: globset::GlobMatcher,
}

impl FromStr for PathPattern {
    type Err = FilterError;

    fn from_str(value: &str) -> Result<Self, FilterError> {
        let glob = globset::GlobBuilder::new(value)
            .literal_separator(false)
            .build()
            .map_err(|e| err(format!("not a valid glob: {e}")))?
            .compile_matcher();
        Ok(PathPattern {
            raw: value.to_string(),
            glob,
        })
    }
}

impl PathPattern {
    /// A pattern with a `/` matches whole paths; one without matches the
    /// file name anywhere (`ZAF_*`), as in ripgrep and git.
    pub fn matches(&self, path: &str) -> bool {
        let folder = format!("{}/", self.raw.trim_end_matches('/'));
        let name = path.rsplit('/').next().unwrap_or(path);
        self.glob.is_match(path)
            || path == self.raw
            || path.starts_with(&folder)
            || (!self.raw.contains('/') && self.glob.is_match(name))
    }
}

/// A `meta` value: a metadata key and a value it must have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaPair {
    pub key: String,
    /// Folded, as the index holds it.
    pub value: String,
}

impl FromStr for MetaPair {
    type Err = FilterError;

    /// `speaker=MOZ`.
    fn from_str(value: &str) -> Result<Self, FilterError> {
        let Some((key, v)) = value.split_once('=') else {
            return Err(err("expected KEY=VALUE, e.g. speaker=MOZ"));
        };
        let key = key.trim();
        if !super::facets::is_key(key) {
            return Err(err("a key is letters, digits, _ and -, e.g. speaker=MOZ"));
        }
        let v = fold_name(v);
        if v.is_empty() {
            return Err(err("empty value: give KEY=VALUE, e.g. speaker=MOZ"));
        }
        Ok(MetaPair {
            key: key.to_string(),
            value: v,
        })
    }
}

impl MetaPair {
    /// The term the index holds for it.
    pub fn term(&self) -> String {
        super::facets::meta_term(&self.key, &self.value)
    }
}

/// A typed filter value of some dimension.
#[derive(Debug, Clone)]
pub enum FilterValue {
    Years(YearFilter),
    Days(DayRange),
    Country(CountryCode),
    Name(NameWords),
    Path(PathPattern),
    Meta(MetaPair),
}

/// One filter: a dimension and a value it must have. Values of one dimension
/// OR, dimensions AND.
#[derive(Debug, Clone)]
pub struct Filter {
    pub facet: Facet,
    pub value: FilterValue,
    /// As the user wrote it.
    pub raw: String,
}

impl Filter {
    /// Parses `raw` as a value of `facet`, the way that dimension's values
    /// parse.
    pub fn parse(facet: Facet, raw: &str) -> Result<Filter, FilterError> {
        let value = match facet.values() {
            Values::Years | Values::Decades | Values::Centuries => FilterValue::Years(raw.parse()?),
            Values::Days => FilterValue::Days(raw.parse()?),
            Values::Countries => FilterValue::Country(raw.parse()?),
            Values::Names => FilterValue::Name(raw.parse()?),
            Values::Paths => FilterValue::Path(raw.parse()?),
            Values::Meta => FilterValue::Meta(raw.parse()?),
        };
        Ok(Filter {
            facet,
            value,
            raw: raw.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::time::day_number;

    #[test]
    fn year_ranges_parse_with_open_ends_and_eras() {
        let parse = |s: &str| s.parse::<YearFilter>().unwrap();
        assert_eq!(
            parse("1990..2010"),
            YearFilter::Range(Some(1990), Some(2010))
        );
        assert_eq!(parse("..1900"), YearFilter::Range(None, Some(1900)));
        assert_eq!(parse("2001.."), YearFilter::Range(Some(2001), None));
        assert_eq!(parse("-550..-44"), YearFilter::Range(Some(-550), Some(-44)));
        assert_eq!(parse("550 BC"), YearFilter::Range(Some(-550), Some(-550)));
        assert_eq!(parse("1990s"), YearFilter::Decade(1990));
        assert_eq!(parse("19th century"), YearFilter::Century(19));
    }

    #[test]
    fn bad_years_are_errors_without_flag_names() {
        for v in ["2010..1990", "abc", "..", "", "0", "19x0..2000"] {
            let e = v.parse::<YearFilter>().unwrap_err();
            assert!(!e.0.contains("--"), "{v}: {e}");
        }
        let e = "1990-2010".parse::<YearFilter>().unwrap_err();
        assert!(e.0.contains("1990..2010"), "{e}");
    }

    #[test]
    fn year_filters_cover_their_years() {
        let bounds = |s: &str| s.parse::<YearFilter>().unwrap().bounds();
        assert_eq!(bounds("1990s"), (Some(1990), Some(1999)));
        assert_eq!(bounds("19th century"), (Some(1800), Some(1899)));
        assert_eq!(bounds("470s BC"), (Some(-479), Some(-470)));
        assert_eq!(bounds("1990..1999"), (Some(1990), Some(1999)));
    }

    #[test]
    fn meta_values_are_keys_and_folded_values() {
        let m: MetaPair = "speaker=Moz".parse().unwrap();
        assert_eq!(m.term(), "speaker=moz");
        for bad in ["speaker", "=MOZ", "speaker=", "a b=c"] {
            assert!(bad.parse::<MetaPair>().is_err(), "{bad}");
        }
    }

    #[test]
    fn date_ranges_cover_whole_months_and_years() {
        let r: DayRange = "2007-02".parse().unwrap();
        assert_eq!(r.first, Some(day_number(2007, 2, 1)));
        assert_eq!(r.last, Some(day_number(2007, 2, 28)));
        let r: DayRange = "1992..".parse().unwrap();
        assert_eq!((r.first, r.last), (Some(day_number(1992, 1, 1)), None));
        for bad in ["2007-02-30", "2008..2007", "2007-13", ".."] {
            assert!(bad.parse::<DayRange>().is_err(), "{bad}");
        }
    }

    #[test]
    fn countries_resolve_or_suggest() {
        assert_eq!("Iranian".parse::<CountryCode>().unwrap().0, "IR");
        let e = "Azerbajan".parse::<CountryCode>().unwrap_err();
        assert!(e.0.contains("did you mean Azerbaijan"), "{e}");
    }

    #[test]
    fn names_match_runs_of_whole_words() {
        let w: NameWords = "Aliyev".parse().unwrap();
        assert!(w.matches("ilham aliyev"));
        assert!(!w.matches("aliyeva"));
        let w: NameWords = "Ilham  ALIYEV".parse().unwrap();
        assert!(w.matches("ilham aliyev") && !w.matches("heydar aliyev"));
        assert!(" ".parse::<NameWords>().is_err());
    }

    #[test]
    fn paths_match_globs_files_and_folders() {
        let p: PathPattern = "corpus/*.txt".parse().unwrap();
        assert!(p.matches("corpus/a.txt"));
        let p: PathPattern = "corpus".parse().unwrap();
        assert!(p.matches("corpus/sub/a.txt") && !p.matches("corpus2/a.txt"));
        let p: PathPattern = "ZAF_*".parse().unwrap();
        assert!(p.matches("ungdc/Session 45 - 1990/ZAF_45_1990.txt"));
        assert!(!p.matches("ungdc/ZAF_dir/USA_45_1990.txt"));
        assert!("[".parse::<PathPattern>().is_err());
    }
}
