//! Historical time: calendar points at a precision, day numbers that reach
//! before 1677, decade and century arithmetic, the labels people write
//! ("1990s", "19th century", "550 BC") and their parsing, and the tabular
//! Islamic calendar. Years use historical numbering: BC negative, no year 0.

use serde::{Deserialize, Serialize};

/// How fine a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Decade,
    Century,
    /// A millennium: kept out of the century facet, which it says nothing
    /// about century by century.
    Millennium,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => YEAR_WORD,
            Precision::Decade => "decade",
            Precision::Century => CENTURY_WORD,
            Precision::Millennium => "millennium",
        }
    }
}

/// A calendar point at some precision, historical year numbering (no year 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HistDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl HistDate {
    pub const fn y(year: i32) -> Self {
        HistDate {
            year,
            month: None,
            day: None,
        }
    }
    pub const fn ym(year: i32, month: u8) -> Self {
        HistDate {
            year,
            month: Some(month),
            day: None,
        }
    }
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        HistDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, zero-padded, leading `-` for BC:
    /// the contract's date string.
    pub fn to_contract_string(&self) -> String {
        let mut s = if self.year < 0 {
            format!("-{:04}", -i64::from(self.year))
        } else {
            format!("{:04}", self.year)
        };
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        s
    }

    /// The one parser of the contract's date string, for stored records and
    /// filter values alike. A day must exist in its month ("2007-02-29" is
    /// refused), a month be 1–12, and there is no year 0.
    pub fn parse_contract(s: &str) -> Result<HistDate, String> {
        let s = s.trim();
        let bad = || format!("{s:?} is not a date; dates are YYYY, YYYY-MM or YYYY-MM-DD");
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let mut parts = body.split('-');
        let number = |p: Option<&str>| -> Result<Option<i64>, String> {
            match p {
                None => Ok(None),
                Some(p)
                    if !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    Ok(p.parse().ok())
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next())?.ok_or_else(bad)?;
        let month = number(parts.next())?;
        let day = number(parts.next())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if year == 0 {
            return Err("there is no year 0: 1 BC (-1) is followed by AD 1".into());
        }
        if year > MAX_YEAR {
            return Err(format!("{year} is out of range"));
        }
        let year = if negative { -year } else { year } as i32;
        let month = match month {
            Some(m) if (1..=12).contains(&m) => Some(m as u8),
            Some(m) => return Err(format!("month {m} is not 1..12")),
            None => None,
        };
        let day = match (day, month) {
            (Some(d), Some(m)) if d >= 1 && d <= i64::from(days_in_month(year, m)) => Some(d as u8),
            (Some(d), Some(m)) => return Err(format!("day {d} is not in month {m}")),
            _ => None,
        };
        Ok(HistDate { year, month, day })
    }

    /// The same point cut down to `prec` (year or coarser drops month and day).
    pub fn truncate(self, prec: Precision) -> HistDate {
        match prec {
            Precision::Day => self,
            Precision::Month => HistDate { day: None, ..self },
            _ => HistDate::y(self.year),
        }
    }

    /// The first day this point covers, as a day number.
    pub fn first_day(&self) -> i64 {
        day_number(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this point covers, as a day number.
    pub fn last_day(&self) -> i64 {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        day_number(self.year, month, day)
    }
}

impl std::fmt::Display for HistDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_contract_string())
    }
}

/// The largest year magnitude anything here accepts: far past any history,
/// small enough that day arithmetic never overflows.
pub const MAX_YEAR: i64 = 100_000;

/// Days from 1970-01-01 in the proleptic Gregorian calendar, for any
/// historical year (BC negative, no year 0): tantivy's DateTime stops at
/// 1677, history does not.
pub fn day_number(year: i32, month: u8, day: u8) -> i64 {
    // Astronomical numbering has a year 0: 1 BC is 0, 2 BC is -1.
    let y = i64::from(if year < 0 { year + 1 } else { year });
    let m = i64::from(month.clamp(1, 12));
    let d = i64::from(day.clamp(1, 31));
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The number of days in a month of a historical year (proleptic Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    let y = if year < 0 { year + 1 } else { year };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        _ => max_days_in_month(month),
    }
}

/// The most days a month can have in any year (February: 29): what a day
/// number written without its year may reach.
pub fn max_days_in_month(month: u8) -> u8 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 1992 → 1990; -475 (475 BC) → -470, the 470s BC.
pub fn decade_of(year: i32) -> i32 {
    if year >= 0 {
        year / 10 * 10
    } else {
        -((-year) / 10 * 10)
    }
}

/// 1800 → 19; 1900 → 20; -900 → -9; -801 → -9.
pub fn century_of(year: i32) -> i32 {
    if year >= 0 {
        year / 100 + 1
    } else {
        -((-year + 99) / 100)
    }
}

/// 1992 → "1992"; -550 → "550 BC".
pub fn year_label(year: i64) -> String {
    if year < 0 {
        format!("{} BC", -year)
    } else {
        year.to_string()
    }
}

/// 1990 → "1990s"; -470 → "470s BC".
pub fn decade_label(decade: i64) -> String {
    if decade < 0 {
        format!("{}s BC", -decade)
    } else {
        format!("{decade}s")
    }
}

/// 19 → "19th century"; -5 → "5th century BC"; 21 → "21st century".
pub fn century_label(century: i64) -> String {
    let n = century.abs();
    let bc = if century < 0 { " BC" } else { "" };
    format!("{n}{} century{bc}", ordinal_suffix(n))
}

fn ordinal_suffix(n: i64) -> &'static str {
    if (11..=13).contains(&(n % 100)) {
        return "th";
    }
    match n % 10 {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    }
}

/// The words that name the units themselves, as texts write them.
pub const YEAR_WORD: &str = "year";
pub const MONTH_WORD: &str = "month";
pub const CENTURY_WORD: &str = "century";

/// Ordinal words as centuries are written out ("the nineteenth century"),
/// with their values; shared with the date grammar's lexicon.
pub const ORDINAL_WORDS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
];

/// Tens that lead a compound ordinal ("twenty-first").
pub const TENS_WORDS: &[(&str, u8)] = &[("twenty", 20), ("thirty", 30)];

/// Month names and their abbreviations, with their numbers.
pub const MONTH_WORDS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn number_word(word: &str) -> Option<u8> {
    ORDINAL_WORDS
        .iter()
        .chain(TENS_WORDS)
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// Splits a trailing era marker off a label: ("470s", true) for "470s BC".
fn split_era(s: &str) -> (&str, bool) {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    for (suffix, bc) in [
        (" b.c.e.", true),
        (" b.c.", true),
        (" bce", true),
        (" bc", true),
        (" a.d.", false),
        (" ad", false),
        (" ce", false),
    ] {
        if lower.ends_with(suffix) {
            return (t[..t.len() - suffix.len()].trim_end(), bc);
        }
    }
    (t, false)
}

fn strip_the(s: &str) -> &str {
    let t = s.trim();
    // `get`, not `[..4]`: the fourth byte may fall inside a character ("abcé").
    match t.get(..4) {
        Some(head) if t.len() > 4 && head.eq_ignore_ascii_case("the ") => t[4..].trim_start(),
        _ => t,
    }
}

/// "1990s" → 1990, "470s BC" → -470, "'60s" → 1960. A bare number is no
/// decade (callers try it as a year next).
pub fn parse_decade(s: &str) -> Option<i32> {
    let (body, bc) = split_era(strip_the(s));
    let body = body
        .strip_suffix("'s")
        .or_else(|| body.strip_suffix("’s"))
        .or_else(|| body.strip_suffix('s'))
        .or_else(|| body.strip_suffix('S'))?;
    let (body, apostrophe) = match body.strip_prefix('\'').or_else(|| body.strip_prefix('’')) {
        Some(b) => (b, true),
        None => (body, false),
    };
    if body.is_empty() || body.len() > 5 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v: i32 = body.parse().ok()?;
    if apostrophe {
        if body.len() != 2 {
            return None;
        }
        v += 1900;
    }
    if v % 10 != 0 {
        return None;
    }
    Some(if bc { -v } else { v })
}

/// "19th century" → 19, "5th century BC" → -5, "nineteenth century" → 19,
/// "twenty-first century" → 21, "19th" → 19. A bare number is no century
/// (callers try it as a year next).
pub fn parse_century(s: &str) -> Option<i32> {
    let (body, bc) = split_era(strip_the(s));
    let lower = body.to_ascii_lowercase();
    let body = lower
        .strip_suffix("centuries")
        .or_else(|| lower.strip_suffix(CENTURY_WORD))
        .unwrap_or(&lower)
        .trim_end_matches(['-', ' '])
        .trim();
    let lead = body.bytes().take_while(u8::is_ascii_digit).count();
    let n: i32 = if lead > 0 {
        if !matches!(&body[lead..], "st" | "nd" | "rd" | "th") {
            return None;
        }
        body[..lead].parse().ok()?
    } else {
        let mut n = 0i32;
        for part in body.split(['-', ' ']).filter(|p| !p.is_empty()) {
            n += i32::from(number_word(part)?);
        }
        n
    };
    if n == 0 || n > 100 {
        return None;
    }
    Some(if bc { -n } else { n })
}

// ---------------------------------------------------------------------------
// The tabular Islamic calendar (civil epoch, 16 July 622 Julian)
//
// Kept as arithmetic rather than `icu_calendar` (2.4): its
// `Hijri::new_tabular(TypeII, Friday)` gives the same dates (1 Muharram 1400
// = 1979-11-21, 1 Muharram 1 = 622-07-19, AH 1342 = 1923–1924), but it adds
// 23 crates (zerovec, yoke, icu_provider, locale data, five proc-macro
// crates) for these few lines. Its Umm al-Qura rules follow KACST tables
// only for AH 1300–1600 and fall back to this same tabular calendar
// elsewhere; they move a date by a day or two, a year boundary rarely.

fn hijri_to_jdn(y: i64, m: i64, d: i64) -> i64 {
    d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 1_948_439
}

fn jdn_to_gregorian(j: i64) -> (i64, u8, u8) {
    let f = j + 1401 + (((4 * j + 274_277) / 146_097) * 3) / 4 - 38;
    let e = 4 * f + 3;
    let g = (e % 1461) / 4;
    let h = 5 * g + 2;
    let d = (h % 153) / 5 + 1;
    let m = (h / 153 + 2) % 12 + 1;
    let y = e / 1461 - 4716 + (12 + 2 - m) / 12;
    (y, m as u8, d as u8)
}

/// Gregorian years in which Hijri years `h1` … `h2` begin and end.
pub fn hijri_years_to_gregorian(h1: u32, h2: u32) -> (i32, i32) {
    let a = jdn_to_gregorian(hijri_to_jdn(i64::from(h1), 1, 1)).0;
    let b = jdn_to_gregorian(hijri_to_jdn(i64::from(h2) + 1, 1, 1) - 1).0;
    (a as i32, b as i32)
}

/// Gregorian date of a Hijri date (tabular arithmetic).
pub fn hijri_to_gregorian(y: u32, m: u8, d: u8) -> HistDate {
    let (gy, gm, gd) = jdn_to_gregorian(hijri_to_jdn(i64::from(y), i64::from(m), i64::from(d)));
    HistDate::ymd(gy as i32, gm, gd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_from_the_unix_epoch() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1969, 12, 31), -1);
        // 1 BC is followed directly by AD 1.
        assert_eq!(day_number(1, 1, 1) - day_number(-1, 12, 31), 1);
        assert!(day_number(-550, 1, 1) < day_number(-44, 3, 15));
    }

    #[test]
    fn month_lengths_follow_the_gregorian_rules() {
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2012, 2), 29);
        assert_eq!(days_in_month(2011, 4), 30);
        assert_eq!(max_days_in_month(2), 29);
    }

    #[test]
    fn contract_dates_round_trip_and_refuse_impossible_days() {
        for d in [
            HistDate::ymd(2007, 2, 28),
            HistDate::ym(-550, 3),
            HistDate::y(79),
        ] {
            assert_eq!(HistDate::parse_contract(&d.to_contract_string()), Ok(d));
        }
        for bad in ["2007-02-29", "2007-13", "0", "19x0", "2007-02-01-01", ""] {
            assert!(HistDate::parse_contract(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn points_cover_their_first_and_last_days() {
        let feb = HistDate::ym(2008, 2);
        assert_eq!(feb.first_day(), day_number(2008, 2, 1));
        assert_eq!(feb.last_day(), day_number(2008, 2, 29));
        assert_eq!(HistDate::y(1999).last_day(), day_number(1999, 12, 31));
    }

    #[test]
    fn decades_centuries_and_their_labels() {
        assert_eq!(decade_of(1992), 1990);
        assert_eq!(decade_of(1990), 1990);
        assert_eq!(decade_of(-475), -470);
        assert_eq!(decade_of(-479), -470);
        assert_eq!(decade_of(-470), -470);
        assert_eq!(decade_of(-480), -480);
        assert_eq!(century_of(1800), 19);
        assert_eq!(century_of(1899), 19);
        assert_eq!(century_of(1900), 20);
        assert_eq!(century_of(1), 1);
        assert_eq!(century_of(-900), -9);
        assert_eq!(century_of(-801), -9);
        assert_eq!(century_of(-800), -8);
        assert_eq!(century_of(-1), -1);
        assert_eq!(decade_label(1990), "1990s");
        assert_eq!(decade_label(-470), "470s BC");
        assert_eq!(century_label(19), "19th century");
        assert_eq!(century_label(-5), "5th century BC");
        assert_eq!(century_label(21), "21st century");
        assert_eq!(century_label(22), "22nd century");
        assert_eq!(century_label(3), "3rd century");
        assert_eq!(century_label(11), "11th century");
        assert_eq!(century_label(12), "12th century");
        assert_eq!(parse_decade("1990s"), Some(1990));
        assert_eq!(parse_decade("the 1990s"), Some(1990));
        assert_eq!(parse_decade("1990's"), Some(1990));
        assert_eq!(parse_decade("470s BC"), Some(-470));
        assert_eq!(parse_decade("'60s"), Some(1960));
        assert_eq!(parse_decade("1990"), None);
        assert_eq!(parse_decade("1995s"), None);
        assert_eq!(parse_decade("19th century"), None);
        assert_eq!(parse_century("19th century"), Some(19));
        assert_eq!(parse_century("19th"), Some(19));
        assert_eq!(parse_century("5th century BC"), Some(-5));
        assert_eq!(parse_century("nineteenth century"), Some(19));
        assert_eq!(parse_century("the twenty-first century"), Some(21));
        assert_eq!(parse_century("21st century"), Some(21));
        assert_eq!(parse_century("19"), None);
        assert_eq!(parse_century("1990"), None);
        assert_eq!(parse_century("1990s"), None);
        for c in [-40, -9, -1, 1, 2, 19, 21] {
            assert_eq!(parse_century(&century_label(c)), Some(c as i32));
        }
        for d in [-470, -10, 10, 1990, 2020] {
            assert_eq!(parse_decade(&decade_label(d)), Some(d as i32));
        }
    }

    #[test]
    fn contract_strings() {
        assert_eq!(HistDate::y(79).to_contract_string(), "0079");
        assert_eq!(HistDate::y(-550).to_contract_string(), "-0550");
        assert_eq!(HistDate::ym(2012, 2).to_contract_string(), "2012-02");
        assert_eq!(HistDate::ymd(1992, 1, 4).to_contract_string(), "1992-01-04");
        assert_eq!(
            HistDate::ymd(-44, 3, 15).to_contract_string(),
            "-0044-03-15"
        );
        for d in [
            HistDate::y(79),
            HistDate::y(-550),
            HistDate::ym(2012, 2),
            HistDate::ymd(1992, 1, 4),
        ] {
            assert_eq!(HistDate::parse_contract(&d.to_contract_string()), Ok(d));
        }
    }

    #[test]
    fn hijri_arithmetic() {
        // 1 Muharram 1400 AH fell on 21 November 1979 (tabular calendar).
        assert_eq!(hijri_to_gregorian(1400, 1, 1), HistDate::ymd(1979, 11, 21));
        assert_eq!(hijri_to_gregorian(1, 1, 1), HistDate::ymd(622, 7, 19));
        assert_eq!(hijri_years_to_gregorian(1400, 1400), (1979, 1980));
        assert_eq!(hijri_years_to_gregorian(1342, 1342), (1923, 1924));
    }
}
