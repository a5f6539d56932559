//! Dates of day precision: written out ("4 January 1992", "the 4th of January
//! 1992"), numeric ("1992-01-04", "4/1/1992", "04.01.1992"), lists of days
//! sharing one month ("22 and 23 November 2022"), and ranges between two dates
//! of any precision. Month-first dates are in `month.rs`.

use super::*;

/// A date of day or month precision, before the open-range and range rules see it.
#[derive(Clone, Copy, Debug)]
pub(super) struct DateSpan {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) from: HistDate,
    pub(super) to: HistDate,
    pub(super) prec: Precision,
}

impl<'a> Parser<'a> {
    /// The year of a written-out date: any number with an era, else three or
    /// four digits.
    pub(super) fn year_of_date(&self, i: usize) -> Option<(YearNum, i32)> {
        let u = self.year_number(i, false)?;
        match u.era {
            Some(Era::Ah) => return None,
            Some(_) => {}
            None => {
                if u.nd < 3 || u.v > 2200 {
                    return None;
                }
                // After a comma, a shorter number is a count: "In April, 108
                // countries", "On 15 April, 500 of the arrested".
                if u.nd < 4 && i > 0 && self.is_p(i - 1, ',') {
                    return None;
                }
                // "31 May 199 3": a year broken in two by OCR is no year.
                if u.nd < 4 && self.kind(u.e) == Some(Kind::Num) {
                    return None;
                }
                // A month before it makes a year of all but a round count:
                // "May 1968 students" is a year, "March 1000 troops" is not.
                if self.right_rules_out_year(u.e, true, u.v % 100 == 0) {
                    return None;
                }
            }
        }
        Some((u, signed(u.v, u.era)))
    }

    /// `day ("of")? (conn day)? month (conn day month)? ","? year`:
    /// "4 January 1992", "4 Jan. 1992", "the 4th of January 1992", "4–6 January 1992",
    /// "30 April – 2 May 1945".
    pub(super) fn day_first_date(&self, i: usize, between: bool) -> Option<DateSpan> {
        let (d1, mut j) = self.day_number(i)?;
        if self.wis(j, "of") {
            j += 1;
        }
        let mut d2 = None;
        if self.month_name(j).is_none() && self.range_connector_at(j, between) {
            let (x, mut j2) = self.day_number(j + 1)?;
            if self.wis(j2, "of") {
                j2 += 1;
            }
            d2 = Some(x);
            j = j2;
        }
        let (m1, mut j) = self.month_name(j)?;
        let mut m2 = m1;
        if d2.is_none()
            && self.range_connector_at(j, between)
            && let Some((x, mut j2)) = self.day_number(j + 1)
        {
            if self.wis(j2, "of") {
                j2 += 1;
            }
            if let Some((mm, j3)) = self.month_name(j2) {
                d2 = Some(x);
                m2 = mm;
                j = j3;
            }
        }
        if self.is_p(j, ',') {
            j += 1;
        }
        self.day_precision_date(i, j, (m1, d1), d2.map(|x| (m2, x)))
    }

    /// The day-precision mention that starts at token `start` and ends with
    /// the year at token `year`: day `d1` of month `m1`, through `end` when
    /// it is a range. None when a day does not exist or the range runs back.
    pub(super) fn day_precision_date(
        &self,
        start: usize,
        year: usize,
        (m1, d1): (u8, u8),
        end: Option<(u8, u8)>,
    ) -> Option<DateSpan> {
        let (yu, y) = self.year_of_date(year)?;
        let (m2, d2) = end.unwrap_or((m1, d1));
        if d1 > max_days_in_month(m1) || d2 > max_days_in_month(m2) {
            return None;
        }
        let from = HistDate::ymd(y, m1, d1);
        let to = HistDate::ymd(y, m2, d2);
        if to < from {
            return None;
        }
        Some(DateSpan {
            s: start,
            e: yu.e,
            from,
            to,
            prec: Precision::Day,
        })
    }

    /// A written-out date led by a day ("4 January 1992") or a month ("May 4, 1992").
    pub(super) fn day_or_month_date(&self, i: usize, between: bool) -> Option<DateSpan> {
        match self.kind(i)? {
            Kind::Word => self.month_first_date(i, between),
            Kind::Num | Kind::Ord => self.day_first_date(i, between),
            _ => None,
        }
    }

    /// `day ("," day)* ("and"|"or"|"&") day month year`, each day its own mention:
    /// "22 and 23 November 2022", "1, 2 and 3 May 1990".
    pub(super) fn day_list_month_year(&mut self, i: usize) -> Option<usize> {
        let mut days = vec![(self.day_number(i)?.0, i)];
        let mut j = i + 1;
        loop {
            let mut k = j;
            let comma = self.is_p(k, ',');
            if comma {
                k += 1;
            }
            let conj = self.is_and_or(k) || self.is_p(k, '&');
            if conj {
                k += 1;
            }
            if !(comma || conj) || days.len() > 31 {
                return None;
            }
            let (d, _) = self.day_number(k)?;
            if conj {
                // The last day carries the month and year for all.
                let last = self.day_first_date(k, false)?;
                if last.from != last.to || last.prec != Precision::Day {
                    return None;
                }
                let (y, m) = (last.from.year, last.from.month.unwrap_or(1));
                for &(dd, at) in &days {
                    if dd > max_days_in_month(m) {
                        return None;
                    }
                    let dt = HistDate::ymd(y, m, dd);
                    self.push(at, at + 1, Some(dt), Some(dt), Precision::Day, None, false);
                }
                return Some(self.emit_with_open_ends(
                    k,
                    last.e,
                    last.from,
                    last.to,
                    Precision::Day,
                    None,
                    false,
                ));
            }
            days.push((d, k));
            j = k + 1;
        }
    }

    /// `date (conn "the"? (date | present))?`: "4 January 1992", "May 1968",
    /// "from December 31, 2002, to February 3, 2003", "May 1968 to the present";
    /// a number that leads no date may start a day list.
    pub(super) fn calendar_date(&mut self, i: usize) -> Option<usize> {
        let between = i > 0 && self.wis(i - 1, "between");
        if self.kind(i) != Some(Kind::Word)
            && self.month_name(i + 1).is_none()
            && !self.wis(i + 1, "of")
            && !self.range_connector_at(i + 1, between)
        {
            return self.day_list_month_year(i);
        }
        let d1 = self.day_or_month_date(i, between)?;
        // "from December 31, 2002, to February 3, 2003"
        let c = if self.is_p(d1.e, ',') && self.lexf(d1.e + 1) & RANGE_CONNECTOR != 0 {
            d1.e + 1
        } else {
            d1.e
        };
        if self.range_connector_at(c, between) {
            let k = if self.wis(c + 1, "the") { c + 2 } else { c + 1 };
            if let Some(d2) = self.day_or_month_date(k, false)
                && d2.to >= d1.from
            {
                let prec = d1.prec.max(d2.prec);
                self.push(
                    d1.s,
                    d2.e,
                    Some(d1.from.truncate(prec)),
                    Some(d2.to.truncate(prec)),
                    prec,
                    None,
                    false,
                );
                return Some(d2.e);
            }
            if self.lexf(k) & PRESENT_WORD != 0 && self.lower(k) {
                self.push(d1.s, k + 1, Some(d1.from), None, d1.prec, None, false);
                return Some(k + 1);
            }
        }
        Some(self.emit_with_open_ends(d1.s, d1.e, d1.from, d1.to, d1.prec, None, false))
    }

    /// "1992-01-04", "1992/01/04", "4/1/1992", "04.01.1992"; a longer chain is a code.
    pub(super) fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        if t.k != Kind::Num || t.f & T_COMMA != 0 {
            return None;
        }
        // Dotted d.m.y is one decimal-chained token ("04.01.1992").
        if t.f & T_DEC != 0 {
            let parts: Vec<&str> = self.txt(i).split('.').collect();
            if parts.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2
            {
                let a: u32 = parts[0].parse().ok()?;
                let b: u32 = parts[1].parse().ok()?;
                let y: u32 = parts[2].parse().ok()?;
                return self.numeric_day_month_year(i, i + 1, a, b, y);
            }
            return None;
        }
        let sep = self.tok(i + 1)?;
        if sep.k != Kind::Punct || !(sep.c == '-' || sep.c == '/' || sep.c == '.') {
            return None;
        }
        if !(self.adj(i, i + 1)
            && self.adj(i + 1, i + 2)
            && self.is_p(i + 3, sep.c)
            && self.adj(i + 2, i + 3)
            && self.adj(i + 3, i + 4))
        {
            return None;
        }
        let (b, bn) = self.num_lz(i + 2)?;
        let (c, cn) = self.num_lz(i + 4)?;
        // A longer chain is a code or a phone number.
        if self.adj(i + 4, i + 5)
            && matches!(self.tok(i + 5), Some(x) if x.k == Kind::Punct && (x.c == sep.c || x.c == '.') && self.kind(i + 6) == Some(Kind::Num))
        {
            return Some(i + 5);
        }
        if t.nd == 4 && bn == 2 && cn == 2 && sep.c != '.' {
            let (y, m, d) = (t.v, b, c);
            if !(1..=12).contains(&m) || d == 0 || d > max_days_in_month(m as u8) as u32 || y == 0 {
                return Some(i + 5);
            }
            if i > 0 && (self.left_context(i).disq) {
                return Some(i + 5);
            }
            let dt = HistDate::ymd(y as i32, m as u8, d as u8);
            return Some(self.emit_with_open_ends(i, i + 5, dt, dt, Precision::Day, None, false));
        }
        if t.nd <= 2 && bn <= 2 && cn == 4 {
            return self.numeric_day_month_year(i, i + 5, t.v, b, c);
        }
        None
    }

    /// "13/4/1992", "4/13/1992": day and month told apart by a value over 12;
    /// when they cannot be ("4/5/1992"), only the year is certain.
    pub(super) fn numeric_day_month_year(
        &mut self,
        s: usize,
        e: usize,
        a: u32,
        b: u32,
        y: u32,
    ) -> Option<usize> {
        if !Self::in_year_window(y) || a == 0 || b == 0 || self.left_context(s).disq {
            return Some(e);
        }
        let y = y as i32;
        let (m, d) = if a > 12 && b <= 12 {
            (b, a)
        } else if b > 12 && a <= 12 {
            (a, b)
        } else if a == b && a <= 12 {
            (a, a)
        } else if a <= 12 && b <= 12 {
            // Day and month cannot be told apart: only the year is certain.
            return Some(self.emit_with_open_ends(
                s,
                e,
                HistDate::y(y),
                HistDate::y(y),
                Precision::Year,
                None,
                false,
            ));
        } else {
            return Some(e);
        };
        if d > max_days_in_month(m as u8) as u32 {
            return Some(e);
        }
        let dt = HistDate::ymd(y, m as u8, d as u8);
        Some(self.emit_with_open_ends(s, e, dt, dt, Precision::Day, None, false))
    }
}
