//! Countries as users and texts name them: ISO 3166-1 codes (ISO 3166-3 for
//! historical states), their English names, and every other name, code and
//! demonym that resolves to them ("Persia", "IRN", "Iranian" → IR). Read
//! from the country lines of the embedded gazetteer, so a filter or a facet
//! label never pays for loading the place names.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fold::fold_name;

/// The gazetteer data file (`tools/gazetteer/build_gazetteer.py` writes it;
/// sources and licences in `data/GAZETTEER-LICENSE.md`). Its `C` lines are
/// the countries in code order; `K` lines give spellings and what they refer
/// to (`C12`: the 12th country's name, `D12`: its demonym, `P…`: a place).
pub const GAZETTEER_TSV: &str = include_str!("../../data/gazetteer.tsv");

/// A country or historical state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, or the ISO 3166-3 code of a historical state (`SU`, `YU`, `CS`, `DD`).
    pub code: &'static str,
    pub alpha3: &'static str,
    /// Common English short name: "Iran", "United States", "Russia".
    pub name: &'static str,
    /// GeoNames population (0 or 1 when unknown, as for historical states).
    pub population: u64,
}

/// The countries and their codes: the file's leading `C` lines alone, so
/// that naming a country (every hit, every facet value) never pays for
/// reading the rest.
struct Codes {
    countries: Vec<Country>,
    by_code: HashMap<&'static str, usize>,
}

static CODES: LazyLock<Codes> = LazyLock::new(|| {
    let countries: Vec<Country> = GAZETTEER_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map_while(|l| l.strip_prefix("C\t"))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some(Country {
                code: cols.next()?,
                alpha3: cols.next()?,
                name: cols.next()?,
                population: cols.next()?.parse().unwrap_or(0),
            })
        })
        .collect();
    let mut by_code = HashMap::new();
    for (i, c) in countries.iter().enumerate() {
        by_code.insert(c.code, i);
        by_code.insert(c.alpha3, i);
    }
    Codes { countries, by_code }
});

/// Folded name, code or demonym → country code: what a filter value
/// resolves through. Read from the `K` lines that refer to a country.
static LOOKUP: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let countries = &CODES.countries;
    let mut lookup: HashMap<String, &'static str> = HashMap::new();
    for line in GAZETTEER_TSV.lines() {
        let Some(rest) = line.strip_prefix("K\t") else {
            continue;
        };
        let mut cols = rest.split('\t');
        let (Some(spellings), Some(refs)) = (cols.next(), cols.next()) else {
            continue;
        };
        for r in refs.split(',') {
            let (tag, number) = r.split_at(r.len().min(1));
            if !matches!(tag, "C" | "D") {
                continue;
            }
            let Some(country) = number.parse().ok().and_then(|i: usize| countries.get(i)) else {
                continue;
            };
            for s in spellings.split('|').filter(|s| !s.is_empty()) {
                lookup.entry(fold_name(s)).or_insert(country.code);
            }
        }
    }
    for c in countries {
        lookup.entry(c.code.to_ascii_lowercase()).or_insert(c.code);
        lookup
            .entry(c.alpha3.to_ascii_lowercase())
            .or_insert(c.code);
    }
    lookup
});

/// By alpha-2 (or ISO 3166-3) or alpha-3 code, case-insensitive.
pub fn by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    if code.len() > 3 {
        return None;
    }
    let codes = &*CODES;
    codes
        .by_code
        .get(code.to_ascii_uppercase().as_str())
        .map(|&i| &codes.countries[i])
}

/// The common English name of a country code (`IR` → `Iran`), case-insensitive.
pub fn name(code: &str) -> Option<&'static str> {
    by_code(code).map(|c| c.name)
}

/// Every country, in code order.
pub fn all() -> &'static [Country] {
    &CODES.countries
}

/// A country from a name, code or demonym, as a user types it: "Iran", "IR",
/// "IRN", "iranian", "Persia" → `Some("IR")`. Case- and accent-insensitive.
pub fn resolve(query: &str) -> Option<&'static str> {
    let q = fold_name(query);
    let q = q.strip_prefix("the ").unwrap_or(&q).trim();
    if q.is_empty() {
        return None;
    }
    let lookup = &*LOOKUP;
    if let Some(&code) = lookup.get(q) {
        return Some(code);
    }
    // A demonym or name typed with a possessive or plural the table lacks.
    ["'s", "s"]
        .iter()
        .find_map(|suffix| lookup.get(q.strip_suffix(suffix)?).copied())
}

/// The country names nearest to `query` by edit distance, best first, for
/// "did you mean".
pub fn suggest(query: &str, n: usize) -> Vec<&'static str> {
    let q = fold_name(query);
    let mut scored: Vec<(usize, &'static str)> = LOOKUP
        .iter()
        .filter(|(spelling, _)| spelling.len() >= 3)
        .filter_map(|(spelling, code)| Some((strsim::levenshtein(&q, spelling), name(code)?)))
        .collect();
    scored.sort();
    let mut out: Vec<&'static str> = Vec::new();
    for (_, name) in scored {
        if out.len() >= n {
            break;
        }
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_demonyms_resolve() {
        for q in [
            "Iran",
            "IR",
            "irn",
            "Iranian",
            "Persia",
            "the Iranians",
            "IRAN's",
        ] {
            assert_eq!(resolve(q), Some("IR"), "{q}");
        }
        assert_eq!(resolve("Soviet Union"), Some("SU"));
        assert_eq!(resolve("Atlantis"), None);
        assert_eq!(name("ir"), Some("Iran"));
        assert_eq!(by_code("AZE").map(|c| c.code), Some("AZ"));
    }

    #[test]
    fn near_misses_get_suggestions() {
        assert!(suggest("Azerbajan", 3).contains(&"Azerbaijan"));
    }
}
