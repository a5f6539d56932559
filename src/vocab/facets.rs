//! The facet and filter registry: one definition per dimension a sentence
//! can be counted or filtered by. The index schema, the fields a query may
//! name, the command line's filter flags, the HTTP parameters, the text
//! labels and the search page (through `/api/facets`) all derive from
//! [`DIMENSIONS`]; adding a keyword facet is one variant and one entry here,
//! plus the line that fills its field in `index/document.rs`.

use serde::Serialize;

/// A dimension of the index: something sentences are counted or filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    Year,
    Decade,
    Century,
    Date,
    Country,
    Person,
    Org,
    Place,
    Region,
    Source,
    Doc,
    Section,
    DocYear,
    DocDecade,
    Meta,
}

/// What a dimension's values are. It decides the index field (i64 or
/// keyword), how filter values parse, and how facet values are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Values {
    /// Years (historical numbering); filters take ranges, decades, centuries.
    Years,
    /// First years of decades (1990, -470).
    Decades,
    /// Centuries, 1-based, BC negative.
    Centuries,
    /// Day numbers of dated mentions; filters take date ranges.
    Days,
    /// ISO country codes; filters take names, codes, demonyms.
    Countries,
    /// Folded names; filters match any run of words of a name.
    Names,
    /// Source paths; filters take globs and paths.
    Paths,
    /// `KEY=VALUE` pairs of the metadata a build declared, values folded.
    Meta,
}

impl Values {
    /// Stored as i64 (a time axis), not as keywords.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Values::Years | Values::Decades | Values::Centuries | Values::Days
        )
    }
}

/// One dimension, defined once.
#[derive(Debug, Serialize)]
pub struct Dimension {
    #[serde(skip)]
    pub facet: Facet,
    /// Its name everywhere users meet it: `--facet NAME`, the filter flag
    /// `--NAME`, the HTTP parameter `NAME=`, the JSON facet key, and the
    /// field a query names (`country:IR`) when it is queryable.
    pub name: &'static str,
    /// The index field that holds it.
    #[serde(skip)]
    pub field: &'static str,
    /// A heading for people ("Countries").
    pub label: &'static str,
    pub values: Values,
    /// Can be counted with `--facet`.
    pub countable: bool,
    /// Can be filtered by; the help line of the filter.
    pub filter: Option<&'static str>,
    /// What a filter value looks like, for help texts.
    pub value_name: &'static str,
    /// Can be named in the query text (`year:[1990 TO 2010]`).
    pub queryable: bool,
}

/// Every dimension, in the order help texts, JSON and the page list them.
pub const DIMENSIONS: &[Dimension] = &[
    Dimension {
        facet: Facet::Year,
        name: "year",
        field: "year",
        label: "Years",
        values: Values::Years,
        countable: true,
        filter: Some(
            "Years A..B (open ends ..B, A..; BC negative), a year (1992, 550 BC), a decade (1990s) or a century (\"19th century\"). Repeat to OR.",
        ),
        value_name: "RANGE",
        queryable: true,
    },
    Dimension {
        facet: Facet::Decade,
        name: "decade",
        field: "decade",
        label: "Decades",
        values: Values::Decades,
        countable: true,
        filter: None,
        value_name: "DECADE",
        queryable: true,
    },
    Dimension {
        facet: Facet::Century,
        name: "century",
        field: "century",
        label: "Centuries",
        values: Values::Centuries,
        countable: true,
        filter: None,
        value_name: "CENTURY",
        queryable: true,
    },
    Dimension {
        facet: Facet::Date,
        name: "date",
        field: "day",
        label: "Dates",
        values: Values::Days,
        countable: false,
        filter: Some(
            "Days A..B of dated mentions: YYYY, YYYY-MM or YYYY-MM-DD ends. Repeat to OR.",
        ),
        value_name: "RANGE",
        queryable: false,
    },
    Dimension {
        facet: Facet::Country,
        name: "country",
        field: "country",
        label: "Countries",
        values: Values::Countries,
        countable: true,
        filter: Some("A country: name, ISO code (IR, IRN) or demonym (Iranian). Repeat to OR."),
        value_name: "COUNTRY",
        queryable: true,
    },
    Dimension {
        facet: Facet::Person,
        name: "person",
        field: "person",
        label: "People",
        values: Values::Names,
        countable: true,
        filter: Some("A person named in the sentence (any part of the name)."),
        value_name: "NAME",
        queryable: true,
    },
    Dimension {
        facet: Facet::Org,
        name: "org",
        field: "org",
        label: "Organizations",
        values: Values::Names,
        countable: true,
        filter: Some("An organization named in the sentence (any part of the name)."),
        value_name: "NAME",
        queryable: true,
    },
    Dimension {
        facet: Facet::Place,
        name: "place",
        field: "place",
        label: "Places",
        values: Values::Names,
        countable: true,
        filter: Some("A place (city, region) named in the sentence."),
        value_name: "NAME",
        queryable: true,
    },
    Dimension {
        facet: Facet::Region,
        name: "region",
        field: "region",
        label: "Regions",
        values: Values::Names,
        countable: true,
        filter: Some("A state or province a place in the sentence lies in (US-KY, Kentucky)."),
        value_name: "NAME",
        queryable: true,
    },
    Dimension {
        facet: Facet::Source,
        name: "source",
        field: "source",
        label: "Sources",
        values: Values::Paths,
        countable: true,
        filter: Some("Source files: a glob (corpus/*.txt) or a file or folder path."),
        value_name: "GLOB",
        queryable: true,
    },
    Dimension {
        facet: Facet::Doc,
        name: "doc",
        field: "doc",
        label: "Documents",
        values: Values::Paths,
        countable: true,
        filter: Some(
            "Documents: a record id (JSONL, WikiExtractor) or source path, or a glob over them.",
        ),
        value_name: "DOC",
        queryable: true,
    },
    Dimension {
        facet: Facet::Section,
        name: "section",
        field: "section",
        label: "Sections",
        values: Values::Names,
        countable: true,
        filter: Some("The section a sentence is under (a heading's words, in order)."),
        value_name: "TITLE",
        queryable: true,
    },
    Dimension {
        facet: Facet::DocYear,
        name: "doc_year",
        field: "doc_year",
        label: "Document years",
        values: Values::Years,
        countable: true,
        filter: Some(
            "Years the documents were written in (their own dates, not the years they speak of): A..B, a year, a decade (1990s) or a century. Repeat to OR.",
        ),
        value_name: "RANGE",
        queryable: true,
    },
    Dimension {
        facet: Facet::DocDecade,
        name: "doc_decade",
        field: "doc_decade",
        label: "Document decades",
        values: Values::Decades,
        countable: true,
        filter: None,
        value_name: "DECADE",
        queryable: true,
    },
    Dimension {
        facet: Facet::Meta,
        name: "meta",
        field: "meta",
        label: "Metadata",
        values: Values::Meta,
        // Counted per key (`meta.speaker`), not all keys together.
        countable: false,
        filter: Some(
            "Metadata the build declared as facets: KEY=VALUE (speaker=MOZ). Repeat to OR within a key.",
        ),
        value_name: "KEY=VALUE",
        queryable: true,
    },
];

/// How a metadata key is named as a facet: `meta.speaker`.
pub const META_PREFIX: &str = "meta.";

/// Separates a metadata key from its value in the index's `meta` field: `speaker=moz`.
const META_SEPARATOR: char = '=';

/// The term the index holds for a value (already folded) of a metadata key.
pub fn meta_term(key: &str, value: &str) -> String {
    format!("{key}{META_SEPARATOR}{value}")
}

/// The value a `meta` term gives `key`, if the term is that key's.
pub fn meta_value<'a>(term: &'a str, key: &str) -> Option<&'a str> {
    term.strip_prefix(key)?.strip_prefix(META_SEPARATOR)
}

/// Whether `key` can name a metadata facet: letters, digits, `_` and `-`.
pub fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A facet name that is none of [`DIMENSIONS`]' countable ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown facet; valid facets: {}, or meta.KEY",
    Facet::countable_names()
)]
pub struct UnknownFacet;

impl Facet {
    /// Its one definition.
    pub fn dimension(self) -> &'static Dimension {
        // DIMENSIONS lists every variant: a test checks it.
        DIMENSIONS
            .iter()
            .find(|d| d.facet == self)
            .unwrap_or(&DIMENSIONS[0])
    }

    pub fn name(self) -> &'static str {
        self.dimension().name
    }

    pub fn field(self) -> &'static str {
        self.dimension().field
    }

    pub fn values(self) -> Values {
        self.dimension().values
    }

    /// Time facets read as time: sorted and drawn in time order.
    pub fn is_time(self) -> bool {
        self.values().is_numeric()
    }

    /// The dimension named `name`; a dash may stand for an underscore, as
    /// in flags (`doc-year`).
    pub fn from_name(name: &str) -> Option<Facet> {
        let name = name.trim().replace('-', "_");
        DIMENSIONS
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(&name))
            .map(|d| d.facet)
    }

    /// Whether its values are the document's own date rather than dates a
    /// sentence speaks of.
    pub fn is_doc_date(self) -> bool {
        matches!(self, Facet::DocYear | Facet::DocDecade)
    }

    /// The bucket after `key` on a time axis: years and centuries skip 0
    /// (1 BC is followed by AD 1), decades step by ten. `None` for
    /// dimensions that are no axis.
    pub fn next_key(self, key: i64) -> Option<i64> {
        match self.values() {
            Values::Years | Values::Centuries => Some(if key == -1 { 1 } else { key + 1 }),
            Values::Decades => Some(key + 10),
            _ => None,
        }
    }

    /// Every dimension that can be counted.
    pub fn countable() -> impl Iterator<Item = Facet> {
        DIMENSIONS.iter().filter(|d| d.countable).map(|d| d.facet)
    }

    /// Every dimension that can be filtered by.
    pub fn filters() -> impl Iterator<Item = &'static Dimension> {
        DIMENSIONS.iter().filter(|d| d.filter.is_some())
    }

    pub fn countable_names() -> String {
        Facet::countable()
            .map(Facet::name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Parses comma-separated lists such as `year,country` (given once or
    /// repeated), keeping the order asked and dropping repeats.
    pub fn parse_list(values: &[String]) -> Result<Vec<Facet>, (String, UnknownFacet)> {
        let mut facets = Vec::new();
        for value in values {
            for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let facet = Facet::from_name(name)
                    .filter(|f| f.dimension().countable)
                    .ok_or_else(|| (name.to_string(), UnknownFacet))?;
                if !facets.contains(&facet) {
                    facets.push(facet);
                }
            }
        }
        Ok(facets)
    }

    /// Like [`Facet::parse_list`], with metadata keys (`meta.speaker`)
    /// allowed too: they come back apart, in the order asked.
    pub fn parse_list_with_meta(
        values: &[String],
    ) -> Result<(Vec<Facet>, Vec<String>), (String, UnknownFacet)> {
        let mut plain = Vec::new();
        let mut meta = Vec::new();
        for value in values {
            for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                match name.strip_prefix(META_PREFIX) {
                    Some(key) if is_key(key) => {
                        if !meta.iter().any(|k| k == key) {
                            meta.push(key.to_string());
                        }
                    }
                    _ => plain.push(name.to_string()),
                }
            }
        }
        Ok((Facet::parse_list(&plain)?, meta))
    }

    /// How people write a value of a time facet: "550 BC", "1990s",
    /// "19th century".
    pub fn label(self, key: i64) -> String {
        match self.values() {
            Values::Decades => super::time::decade_label(key),
            Values::Centuries => super::time::century_label(key),
            _ => super::time::year_label(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_facet_has_one_definition_and_one_name() {
        let all = [
            Facet::Year,
            Facet::Decade,
            Facet::Century,
            Facet::Date,
            Facet::Country,
            Facet::Person,
            Facet::Org,
            Facet::Place,
            Facet::Region,
            Facet::Source,
            Facet::Doc,
            Facet::Section,
            Facet::DocYear,
            Facet::DocDecade,
            Facet::Meta,
        ];
        for facet in all {
            let defined = DIMENSIONS.iter().filter(|d| d.facet == facet).count();
            assert_eq!(defined, 1, "{facet:?}");
            assert_eq!(Facet::from_name(facet.name()), Some(facet));
        }
        assert_eq!(DIMENSIONS.len(), all.len());
    }

    #[test]
    fn unknown_facets_list_the_valid_ones() {
        let (name, err) = Facet::parse_list(&["year,colour".into()]).unwrap_err();
        assert_eq!(name, "colour");
        let err = err.to_string();
        assert!(err.contains("year, decade, century, country"), "{err}");
        assert!(
            !err.contains("date"),
            "date is a filter, not a facet: {err}"
        );
    }

    #[test]
    fn lists_keep_the_order_asked() {
        let list = Facet::parse_list(&["country,year".into(), "person,year".into()]).unwrap();
        assert_eq!(list, vec![Facet::Country, Facet::Year, Facet::Person]);
    }

    #[test]
    fn dashes_name_underscored_dimensions() {
        assert_eq!(Facet::from_name("doc-year"), Some(Facet::DocYear));
        assert_eq!(Facet::from_name("doc_decade"), Some(Facet::DocDecade));
    }

    #[test]
    fn time_axes_step_without_a_year_zero() {
        assert_eq!(Facet::Year.next_key(-1), Some(1));
        assert_eq!(Facet::DocYear.next_key(1990), Some(1991));
        assert_eq!(Facet::DocDecade.next_key(1990), Some(2000));
        assert_eq!(Facet::Century.next_key(-1), Some(1));
        assert_eq!(Facet::Country.next_key(1), None);
    }
}
