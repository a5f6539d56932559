//! Folding, in one place: how a person, organization, place or filter value
//! becomes the key that facets count and filters match ("Atatürk" and
//! "ataturk" are one key), and how the place matcher sees a sentence (ASCII,
//! case kept, every byte traceable to its char). Both read one table of
//! letters that decomposition leaves alone.

/// Lowercase, diacritics and case folded to ASCII where a letter has an ASCII
/// base, runs of whitespace to one space, trimmed. Letters with no ASCII base
/// (Cyrillic, Arabic) are kept lowercased, so such names still group.
pub fn fold_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        fold_name_char(c, &mut out);
    }
    out
}

/// `fold_name` of one char, appended to `out`: the names tokenizer folds word
/// by word into one buffer, without a `String` per word.
pub fn fold_name_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some((spelling, _)) = special_letter(c) {
        out.push_str(spelling);
        return;
    }
    let special = match c {
        '’' | '‘' | 'ʼ' | 'ʻ' | '´' | 'ʿ' | 'ʾ' => "'",
        '‐' | '‑' | '‒' | '–' | '—' => "-",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    let mut pushed = false;
    unicode_normalization::char::decompose_compatible(c, |d| {
        if d.is_ascii() {
            out.push(d.to_ascii_lowercase());
            pushed = true;
        } else if !is_combining(d) {
            for l in d.to_lowercase() {
                out.push(l);
            }
            pushed = true;
        }
    });
    if !pushed && !is_combining(c) {
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
}

/// ASCII-folds text for the place matcher, case kept: `fold_keep_case` of each char.
pub fn fold_keep_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_keep_case(c, &mut out);
    }
    out
}

/// Appends the ASCII fold of `c`, case kept, at least one byte unless `c` is a combining
/// mark: the place matcher maps every folded byte back to the char it came from, and
/// capitals decide whether a word may open a place name. Letters with no ASCII form become
/// `\u{1}` (a word byte), other characters `\u{2}` (a separator) or a space. Dashes other
/// than the hyphen separate here (they join in `fold_name_char`): the gazetteer's
/// generator, `tools/gazetteer/build_gazetteer.py`, spells names that way.
pub fn fold_char_keep_case(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    if let Some((spelling, capital)) = special_letter(c) {
        let mut rest = spelling.chars();
        if let Some(first) = rest.next() {
            out.push(if capital {
                first.to_ascii_uppercase()
            } else {
                first
            });
            out.push_str(rest.as_str());
        }
        return;
    }
    let special = match c {
        '’' | '‘' | 'ʼ' | 'ʻ' => "'",
        '–' | '‐' | '‑' => "-",
        '\u{00A0}' => " ",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    if unicode_normalization::char::is_combining_mark(c) {
        // decomposed input ("e" + U+0301): the mark folds to nothing, like a precomposed
        // letter's; the matcher's spans take it along with its base letter
        return;
    }
    if !c.is_alphanumeric() {
        // dashes, quotes, other spaces and symbols separate words like ASCII punctuation
        out.push(if c.is_whitespace() { ' ' } else { '\u{2}' });
        return;
    }
    let before = out.len();
    unicode_normalization::char::decompose_canonical(c, |d| {
        if d.is_ascii() {
            out.push(d);
        }
    });
    if out.len() == before {
        out.push('\u{1}');
    }
}

// Not `deunicode`/`any_ascii`: they transliterate Cyrillic and Arabic ("Москва" to "Moskva"),
// which both folds keep as they are (names group, places mark them `\u{1}`).
/// Letters that canonical decomposition leaves alone but readers equate with an ASCII
/// spelling: the spelling (lowercase) and whether the letter is a capital. One table for
/// both folds, so a name and a place read "Łódź" alike.
fn special_letter(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        'ı' => ("i", false),
        'İ' => ("i", true),
        'ł' => ("l", false),
        'Ł' => ("l", true),
        'ø' => ("o", false),
        'Ø' => ("o", true),
        'æ' => ("ae", false),
        'Æ' => ("ae", true),
        'œ' => ("oe", false),
        'Œ' => ("oe", true),
        'ß' => ("ss", false),
        'đ' | 'ð' => ("d", false),
        'Đ' | 'Ð' => ("d", true),
        'þ' => ("th", false),
        'Þ' => ("th", true),
        'ə' => ("a", false),
        'Ə' => ("a", true),
        'ħ' => ("h", false),
        'Ħ' => ("h", true),
        _ => return None,
    })
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) != 0
        || ('\u{0300}'..='\u{036f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_case_accents_and_spaces() {
        assert_eq!(fold_name("Atatürk"), "ataturk");
        assert_eq!(fold_name("  Elmar   Məmmədyarov "), "elmar mammadyarov");
        assert_eq!(fold_name("Dag Hammarskjöld"), "dag hammarskjold");
        assert_eq!(fold_name("Łukasz Ørsted"), "lukasz orsted");
        assert_eq!(fold_name("İlham\tƏliyev"), "ilham aliyev");
        assert_eq!(fold_name("Ahmadinejad’s"), "ahmadinejad's");
        assert_eq!(fold_name(""), "");
    }

    #[test]
    fn places_fold_keeps_case_and_marks_what_has_no_ascii_form() {
        assert_eq!(fold_keep_case("Côte d’Ivoire"), "Cote d'Ivoire");
        assert_eq!(fold_keep_case("Łódź"), "Lodz");
        assert_eq!(fold_keep_case("Bakı"), "Baki");
        assert_eq!(fold_keep_case("Æbelø"), "Aebelo");
        // the letters the two folds once spelled differently: now as names always did
        assert_eq!(fold_keep_case("Gəncə Ħamrun"), "Ganca Hamrun");
        assert_eq!(fold_name("Gəncə Ħamrun"), "ganca hamrun");
        assert_eq!(fold_keep_case("Москва"), "\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}");
        assert_eq!(fold_keep_case("Iran—with"), "Iran\u{2}with");
        assert_eq!(fold_keep_case("Te\u{301}he\u{301}ran"), "Teheran");
    }

    /// The generators in `tools/` fold on their own, in Python; what they write must be
    /// what the Rust folds make of text, or the lookups miss. `build_gazetteer.py` writes
    /// names already folded (case kept, ASCII); `build_given_names.py` writes given names
    /// folded and lowercased, looked up by `fold_name` keys.
    #[test]
    fn the_generators_in_tools_fold_as_the_rust_fold_does() {
        let gazetteer = include_str!("../../data/gazetteer.tsv");
        let mut spellings = 0;
        for line in gazetteer.lines().filter(|l| l.starts_with("K\t")) {
            let field = line.split('\t').nth(1).unwrap_or("");
            for s in field.split('|') {
                assert_eq!(fold_keep_case(s), s, "gazetteer spelling {s:?}");
                let spaced = s.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(
                    fold_name(s),
                    spaced.to_ascii_lowercase(),
                    "gazetteer key {s:?}"
                );
                spellings += 1;
            }
        }
        assert!(spellings > 50_000, "{spellings} spellings read");
        let given = include_str!("../../data/given-names.txt");
        let mut names = 0;
        for name in given.lines().map(str::trim) {
            if name.is_empty() || name.starts_with('#') {
                continue;
            }
            assert_eq!(fold_name(name), name, "given name {name:?}");
            names += 1;
        }
        assert!(names > 15_000, "{names} given names read");
    }
}
