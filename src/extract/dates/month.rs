//! Month-first dates: "May 4, 1992", "May 4–6, 1992", "May 1968", "May–June
//! 1968". Kept apart from the day-first rules because a month name anchors them:
//! the driver tries them only on capitalized month words.

use super::*;

impl<'a> Parser<'a> {
    /// `month day (conn day | "and" day | conn month day)? ","? year | month (conn month)? ","?
    /// "of"? year`: "May 4, 1992", "May 4–6, 1992", "February 17 and 18, 2003", "May 4 – June
    /// 6, 1992", "May 1968", "May–June 1968", "May of 1968".
    pub(super) fn month_first_date(&self, i: usize, between: bool) -> Option<DateSpan> {
        let (m1, j) = self.month_name(i)?;
        // "30 February 1990": an impossible day spoils the whole date.
        if i > 0
            && self
                .day_number(i - 1)
                .is_some_and(|(d, _)| d > max_days_in_month(m1))
        {
            return None;
        }
        if let Some((d1, j2)) = self.day_number(j) {
            let mut k = j2;
            let mut end_md = None;
            // "February 17 and 18, 2003": two days of one month, one mention from the
            // first to the second, as the anchored "May 4 and 5" is.
            let two_days = self.wis(k, "and")
                && self.day_number(k + 1).is_some_and(|(d2, k2)| {
                    d2 > d1 && self.is_p(k2, ',') && self.year_of_date(k2 + 1).is_some()
                });
            if self.range_connector_at(k, between) || two_days {
                if let Some((d2, k2)) = self.day_number(k + 1) {
                    if self.month_name(k2).is_none() && !self.is_p(k2, '.') {
                        end_md = Some((m1, d2));
                        k = k2;
                    }
                } else if let Some((m2, k2)) = self.month_name(k + 1)
                    && let Some((d2, k3)) = self.day_number(k2)
                {
                    end_md = Some((m2, d2));
                    k = k3;
                }
            }
            if self.is_p(k, ',') {
                k += 1;
            }
            return self.day_precision_date(i, k, (m1, d1), end_md);
        }
        let mut k = j;
        let mut m2 = m1;
        if self.range_connector_at(k, between)
            && let Some((m, k2)) = self.month_name(k + 1)
        {
            m2 = m;
            k = k2;
        }
        if self.is_p(k, ',') {
            k += 1;
        }
        if self.wis(k, "of") {
            k += 1;
        }
        let (yu, y) = self.year_of_date(k)?;
        if m2 < m1 {
            return None;
        }
        Some(DateSpan {
            s: i,
            e: yu.e,
            from: HistDate::ym(y, m1),
            to: HistDate::ym(y, m2),
            prec: Precision::Month,
        })
    }
}
