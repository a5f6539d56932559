//! The markup of the extractors' hand-tagged test fixtures: `[P Ann Lee]`, `[Paris|FR]`.
//! One reader for every fixture, each kind of tag read by its caller.

/// A fixture's lines without their markup (comment lines starting with `#` left out), and
/// what was tagged: (line, label, tagged text). `tag` reads what is between the brackets
/// into a label and the text; brackets it refuses stay as they are.
pub fn read_markup<T>(
    text: &str,
    tag: impl Fn(&str) -> Option<(T, &str)>,
) -> (Vec<String>, Vec<(usize, T, String)>) {
    let (mut lines, mut tagged) = (Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let n = lines.len();
        let mut plain = String::new();
        let mut rest = line;
        while let Some(open) = rest.find('[') {
            let read = rest[open + 1..]
                .find(']')
                .and_then(|close| Some((tag(&rest[open + 1..open + 1 + close])?, close)));
            let Some(((label, name), close)) = read else {
                plain.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
                continue;
            };
            plain.push_str(&rest[..open]);
            plain.push_str(name);
            tagged.push((n, label, name.to_string()));
            rest = &rest[open + 1 + close + 1..];
        }
        plain.push_str(rest);
        lines.push(plain);
    }
    (lines, tagged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_and_other_brackets_kept() {
        let (lines, tagged) = read_markup("# c\nIn [Paris|FR] and [x].\n", |inner| {
            let (name, code) = inner.split_once('|')?;
            Some((code.to_string(), name))
        });
        assert_eq!(lines, ["In Paris and [x]."]);
        assert_eq!(tagged, [(0, "FR".to_string(), "Paris".to_string())]);
    }
}
