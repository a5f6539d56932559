//! Keyword in context: a sentence cut around the first words a query
//! matched, into left context, match and right context, each cut at a word
//! boundary. `render` aligns the lines; this only finds and cuts.

use super::words::{QueryStems, Word};
use crate::vocab::contract::Kwic;

/// How many characters of context a line keeps on each side, at most:
/// more than any terminal shows, little enough for JSON of long units.
pub const CONTEXT_CHARS: usize = 200;

/// The first run of matched words in `text` (words whose stems the query
/// holds, next to each other), with the context around it. A sentence with
/// no matched word (a `*` query) is all right context.
pub fn cut(text: &str, words: &[Word], stems: &QueryStems) -> Kwic {
    let first = words.iter().position(|w| stems.contains(&w.stem));
    let Some(first) = first else {
        return Kwic {
            left: String::new(),
            matched: String::new(),
            right: keep_start(text.trim(), CONTEXT_CHARS),
        };
    };
    let mut last = first;
    while let Some(next) = words.get(last + 1) {
        let gap = text.get(words[last].end..next.start).unwrap_or("x");
        if stems.contains(&next.stem) && gap.chars().all(|c| c.is_whitespace() || c == '-') {
            last += 1;
        } else {
            break;
        }
    }
    let (start, end) = (words[first].start, words[last].end);
    Kwic {
        left: keep_end(text.get(..start).unwrap_or_default().trim(), CONTEXT_CHARS),
        matched: text.get(start..end).unwrap_or_default().to_string(),
        right: keep_start(text.get(end..).unwrap_or_default().trim(), CONTEXT_CHARS),
    }
}

/// The end of `text`, at most `chars` characters, starting at a word.
pub fn keep_end(text: &str, chars: usize) -> String {
    let count = text.chars().count();
    if count <= chars {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(count - chars)
        .map_or(text.len(), |(i, _)| i);
    let tail = &text[cut..];
    // Start after the first space, unless the cut fell just before a word.
    let starts_word = text[..cut].ends_with(char::is_whitespace);
    let tail = if starts_word {
        tail
    } else {
        tail.split_once(char::is_whitespace).map_or("", |(_, t)| t)
    };
    tail.trim_start().to_string()
}

/// The start of `text`, at most `chars` characters, ending at a word.
pub fn keep_start(text: &str, chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(chars) else {
        return text.to_string();
    };
    let head = &text[..cut];
    let ends_word = text[cut..].starts_with(char::is_whitespace);
    let head = if ends_word {
        head
    } else {
        head.rsplit_once(char::is_whitespace).map_or("", |(h, _)| h)
    };
    head.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;
    use crate::search::words::words;

    fn kwic(text: &str, query: &[&str]) -> Kwic {
        let index = tantivy::Index::create_in_ram(schema::build_schema());
        schema::register_analyzers(&index);
        let mut analyzer = index.tokenizers().get(schema::TEXT_ANALYZER).unwrap();
        let stems = query.iter().map(|s| s.to_string()).collect();
        cut(text, &words(&mut analyzer, text), &stems)
    }

    #[test]
    fn cuts_around_the_first_match() {
        let k = kwic(
            "The policy of apartheid in South Africa ended; apartheid laws went.",
            &["apartheid"],
        );
        assert_eq!(k.left, "The policy of");
        assert_eq!(k.matched, "apartheid");
        assert_eq!(k.right, "in South Africa ended; apartheid laws went.");
    }

    #[test]
    fn a_phrase_is_one_match() {
        let k = kwic(
            "Sanctions against South Africa were voted.",
            &["south", "africa"],
        );
        assert_eq!(
            (k.left.as_str(), k.matched.as_str()),
            ("Sanctions against", "South Africa")
        );
    }

    #[test]
    fn context_is_cut_at_words() {
        assert_eq!(keep_end("one two three four", 9), "four");
        assert_eq!(keep_end("one two three four", 10), "three four");
        assert_eq!(keep_end("one two three four", 11), "three four");
        assert_eq!(keep_start("one two three four", 9), "one two");
        assert_eq!(keep_start("one two three four", 7), "one two");
        assert_eq!(keep_start("öne twö thrée", 8), "öne twö");
        assert_eq!(keep_end("öne twö thrée", 9), "twö thrée");
        assert_eq!(keep_start("unbroken", 3), "");
    }

    #[test]
    fn no_match_is_all_right_context() {
        let k = kwic("Nothing here.", &["apartheid"]);
        assert_eq!((k.left.as_str(), k.right.as_str()), ("", "Nothing here."));
    }
}
