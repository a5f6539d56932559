//! Where a wire story's dateline ends: the place in capitals that opens a story
//! ("BEIRUT —", "MOSCOW (Reuters) -", "MADRID 1996-08-30"). Places read it as a place;
//! names do not read it as the club or the person the story names.

/// A day written in digits and nothing after it ("1996-08-30", "30/08/1996"): not a
/// count or a year ("GOTO 10", "IN ADVANCE OF 2050").
fn is_full_date(t: &[u8]) -> bool {
    let t = t.trim_ascii_end();
    let separators = t.iter().filter(|b| matches!(b, b'-' | b'/' | b'.')).count();
    let digits = t.iter().filter(|b| b.is_ascii_digit()).count();
    separators == 2 && digits >= 6 && digits + separators == t.len()
}

/// The end of a dateline in capitals opening the text ("BEIRUT —", "MOSCOW (Reuters) -",
/// "CHARLESTON, W.Va. (AP) —", "MADRID 1996-08-30"), or 0: a run of capitalized words of at
/// least three letters with no lowercase letter, then a dash, a parenthesis, a comma, the
/// date of a wire copy's dateline line, or a capitalized word
/// that is not in capitals ("WASHINGTON Barack Obama said", where a copy lost the dash).
/// A run in capitals before a lowercase word ("BAKU is the capital") is no dateline.
pub fn dateline_end(t: &[u8]) -> usize {
    let mut i = 0;
    while i < t.len() && matches!(t[i], b' ' | b'\t' | b'"' | b'*') {
        i += 1;
    }
    let start = i;
    while i < t.len() && (t[i].is_ascii_uppercase() || matches!(t[i], b' ' | b'.' | b'\'' | b'-')) {
        if t[i] == b'-' && (i + 1 >= t.len() || !t[i + 1].is_ascii_uppercase()) {
            break;
        }
        i += 1;
    }
    // "WASHINGTON Barack": the run took the name's capital; it ends before it
    let run_then_name = i >= start + 2
        && t.get(i).is_some_and(u8::is_ascii_lowercase)
        && t[i - 1].is_ascii_uppercase()
        && t[i - 2] == b' ';
    let mut end = if run_then_name { i - 2 } else { i };
    while end > start && t[end - 1] == b' ' {
        end -= 1;
    }
    if t[start..end]
        .iter()
        .filter(|b| b.is_ascii_uppercase())
        .count()
        < 3
    {
        return 0;
    }
    // what follows: a dash (ASCII, or an em dash folded to a non-ASCII marker), "(" or ","
    match t.get(i) {
        _ if run_then_name && t[end - 1].is_ascii_uppercase() => end,
        Some(b'-' | b',' | 1 | 2) => end,
        // "MOSCOW (Reuters)", not "PRINT PUNCH(3)"
        Some(b'(') if t[i - 1] == b' ' && t.get(i + 1).is_some_and(u8::is_ascii_uppercase) => end,
        // a wire copy's dateline line, the date and nothing else: "MADRID 1996-08-30"
        Some(d) if d.is_ascii_digit() && t[i - 1] == b' ' && is_full_date(&t[i..]) => end,
        _ if i < t.len() && !t[i].is_ascii() => end,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::dateline_end;

    #[test]
    fn dateline_end_marks_only_a_leading_run() {
        let table: &[(&[u8], usize)] = &[
            (b"BEIRUT - x", 6),
            (b"CHARLESTON, W.Va. (AP) - x", 10),
            (b"NEW YORK (AP) - x", 8),
            (b"Beirut - x", 0),
            (b"WASHINGTON Barack Obama said", 10),
            (b"BAKU is the capital", 0),
            (b"MADRID 1996-08-30", 6),
            (b"NATO 2020 report was out.", 0),
            (b"GOTO 10", 0),
            (b"TO THE PARIS ACCORD BY 2050", 0),
            (b"UN - x", 0),
            (b"", 0),
        ];
        for &(text, end) in table {
            assert_eq!(dateline_end(text), end, "{}", String::from_utf8_lossy(text));
        }
    }

    proptest::proptest! {
        #[test]
        fn dateline_end_is_within_the_text(s in "[A-Z .,(-]{0,30}[a-z ]{0,5}") {
            let e = dateline_end(s.as_bytes());
            proptest::prop_assert!(e <= s.len());
        }
    }
}
