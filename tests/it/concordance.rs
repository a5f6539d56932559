//! Concordance lines (`--format kwic`, `--kwic`), collocates and key terms,
//! on the bundled corpus and on small corpora written here.

use crate::common::Fixture;

/// A small corpus whose words are counted by hand in the tests below.
const TREATIES: &str = "\
The treaty of Gulistan ended the war in 1813.\n\n\
Under the treaty Persia ceded Baku to Russia.\n\n\
Ahead of the treaty talks, the Shah's envoy left Tabriz.\n\n\
A second treaty, signed at Turkmenchay, followed the next war.\n\n\
Çelebi wrote that the treaty was a humiliation for Tehran.\n\n\
Khanates north of the Aras were lost under the treaty.\n\n\
The war began again in 1826.\n\n\
Russia annexed the khanates after the war.\n";

fn treaties() -> Fixture {
    let f = Fixture::empty();
    f.write("corpus/treaties.txt", TREATIES);
    f.annals(&["build"]).assert().success();
    f
}

fn stdout(f: &Fixture, args: &[&str]) -> String {
    let out = f.annals(args).output().expect("run annals");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The column (in characters) where `word` starts on a line.
fn column(line: &str, word: &str) -> Option<usize> {
    line.find(word).map(|i| line[..i].chars().count())
}

#[test]
fn kwic_lines_align_the_match_in_one_column_multibyte_text_included() {
    let f = treaties();
    for width in ["60", "100", "160"] {
        let text = stdout(
            &f,
            &["query", "treaty", "--format", "kwic", "--width", width],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 6, "{text}");
        let columns: Vec<Option<usize>> = lines.iter().map(|l| column(l, "treaty")).collect();
        assert!(
            columns.iter().all(|c| *c == columns[0] && c.is_some()),
            "{columns:?}\n{text}"
        );
        let width: usize = width.parse().unwrap();
        for line in &lines {
            assert!(line.chars().count() <= width, "{line:?} over {width}");
            assert!(line.contains(" corpus/treaties.txt:"), "{line:?}");
        }
        // The line with "Çelebi" is cut or padded by characters, not bytes.
        assert!(text.contains("Çelebi") || width < 100, "{text}");
    }
}

#[test]
fn kwic_contexts_are_cut_at_word_boundaries() {
    let f = treaties();
    let text = stdout(
        &f,
        &["query", "treaty", "--format", "kwic", "--width", "50"],
    );
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let words: std::collections::HashSet<String> = TREATIES.split_whitespace().map(bare).collect();
    assert!(text.lines().count() == 6, "{text}");
    for line in text.lines() {
        let location = line.rfind(" corpus/").unwrap();
        for word in line[..location].split_whitespace() {
            assert!(
                words.contains(&bare(word)),
                "{word:?} is a cut word in {line:?}"
            );
        }
    }
}

#[test]
fn kwic_sorts_by_the_words_left_or_right_of_the_match() {
    let f = treaties();
    let lines = |sort: &str| -> Vec<String> {
        stdout(
            &f,
            &[
                "query", "treaty", "--format", "kwic", "--width", "120", "--sort", sort,
            ],
        )
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
    };
    let right = lines("right");
    let after: Vec<&str> = right
        .iter()
        .map(|l| {
            let rest = &l[l.find("treaty").unwrap() + "treaty".len()..];
            rest.split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap()
        })
        .collect();
    // The line with nothing after the match first.
    assert_eq!(after, ["corpus", "of", "Persia", "signed", "talks", "was"]);
    let left = lines("left");
    let before: Vec<&str> = left
        .iter()
        .map(|l| {
            l[..l.find("treaty").unwrap()]
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .unwrap()
        })
        .collect();
    // Four lines have "the" before the match: they go by the word before it.
    assert_eq!(before[0], "second");
    assert!(
        before[1..].iter().all(|w| *w == "the" || *w == "The"),
        "{before:?}"
    );
    assert_eq!(before.len(), 6);
    let bad = f
        .annals(&["query", "treaty", "--sort", "left"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--format kwic"));
}

#[test]
fn json_hits_carry_kwic_only_when_asked() {
    let f = Fixture::built();
    let (plain, _) = f.query_json(&["Baku", "-n", "3"]);
    assert!(plain["hits"][0].get("kwic").is_none());
    let (asked, code) = f.query_json(&["Baku", "-n", "3", "--kwic"]);
    assert_eq!(code, 0);
    for hit in asked["hits"].as_array().unwrap() {
        let k = &hit["kwic"];
        assert_eq!(k["match"], "Baku", "{hit}");
        let text = hit["text"].as_str().unwrap();
        let (left, right) = (k["left"].as_str().unwrap(), k["right"].as_str().unwrap());
        assert!(text.contains(left) && text.contains(right), "{k} of {text}");
        assert!(text.find(left).unwrap() < text.find(right).unwrap());
    }
}
