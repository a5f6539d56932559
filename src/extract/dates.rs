//! PLACEHOLDER until the dates extractor lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision { Day, Month, Year, Decade, Century }
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HistDate { pub year: i32, pub month: Option<u8>, pub day: Option<u8> }
impl HistDate { pub fn to_contract_string(&self) -> String { format!("{:04}", self.year) } }
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention { pub start: usize, pub end: usize, pub from: Option<HistDate>, pub to: Option<HistDate>, pub precision: Precision, pub calendar: Option<&'static str> }
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeAnnotations { pub mentions: Vec<DateMention>, pub years: Vec<i32>, pub decades: Vec<i32>, pub centuries: Vec<i32> }
pub fn extract_dates(_text: &str) -> TimeAnnotations { TimeAnnotations::default() }
pub fn decade_of(year: i32) -> i32 { year / 10 * 10 }
pub fn century_of(year: i32) -> i32 { year / 100 + 1 }
pub fn decade_label(decade: i32) -> String { format!("{decade}s") }
pub fn century_label(century: i32) -> String { format!("{century}th century") }
pub fn parse_decade(s: &str) -> Option<i32> { s.strip_suffix('s')?.parse().ok() }
pub fn parse_century(_s: &str) -> Option<i32> { None }
