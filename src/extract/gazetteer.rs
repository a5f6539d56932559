//! PLACEHOLDER until the gazetteer lands.
pub struct Country { pub code: &'static str, pub alpha3: &'static str, pub name: &'static str }
pub struct Gazetteer { countries: Vec<Country> }
static G: std::sync::LazyLock<Gazetteer> = std::sync::LazyLock::new(|| Gazetteer { countries: vec![Country { code: "IR", alpha3: "IRN", name: "Iran" }, Country { code: "AZ", alpha3: "AZE", name: "Azerbaijan" }] });
pub fn gazetteer() -> &'static Gazetteer { &G }
impl Gazetteer {
    pub fn country(&self, code: &str) -> Option<&Country> { self.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code)) }
    pub fn countries(&self) -> impl Iterator<Item = &Country> { self.countries.iter() }
    pub fn resolve_country(&self, query: &str) -> Option<&'static str> { G.countries.iter().find(|c| c.code.eq_ignore_ascii_case(query) || c.name.eq_ignore_ascii_case(query)).map(|c| c.code) }
    pub fn suggest_countries(&self, _query: &str, n: usize) -> Vec<&'static str> { G.countries.iter().take(n).map(|c| c.name).collect() }
}
