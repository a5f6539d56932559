//! The extractors' word classes, read from `data/lexicon.txt` by name: one
//! data file, so that dates, names and places share one list of titles and
//! one of particles, and a word class is data, not code.

const LEXICON: &str = include_str!("../../data/lexicon.txt");

/// The entries of word class `class` (every `[class]` section of the file,
/// in order), trimmed, comments and blank lines left out. An unknown class
/// is a programming error, caught by the extractors' tests: it has no words.
pub fn words(class: &str) -> impl Iterator<Item = &'static str> + '_ {
    let mut inside = false;
    LEXICON.lines().filter_map(move |line| {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = name == class;
            return None;
        }
        (inside && !line.is_empty() && !line.starts_with('#')).then_some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_read_by_name_and_skip_comments() {
        assert_eq!(words("no such class").count(), 0);
    }
}
