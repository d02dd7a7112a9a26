//! Temporal expressions with normalized values.

use super::Doc;
use crate::text::Span;
use serde::Serialize;

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CalendarDate {
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| CalendarDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<CalendarDate> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.get(..2)?.parse().ok()?;
        CalendarDate::new(y, m, d)
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> CalendarDate {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        CalendarDate {
            year: y,
            month: m,
            day: d,
        }
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(&self) -> u32 {
        ((self.days() + 3).rem_euclid(7)) as u32
    }

    pub fn add_days(&self, n: i64) -> CalendarDate {
        CalendarDate::from_days(self.days() + n)
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// What kind of temporal expression (TimeML's TIMEX3 types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DateKind {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression and its normalized value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateMention {
    pub span: Span,
    pub kind: DateKind,
    /// ISO 8601 / TimeML value: `2022-03-19`, `2022-03`, `2022-W11`,
    /// `2022-03-19T14:00`, `P3D`, `PRESENT_REF`, `XXXX-03-19` when the year is unknown.
    pub value: String,
}

/// Finds temporal expressions in `doc`, resolving relative ones against `doc.anchor`.
pub fn extract(doc: &Doc) -> Vec<DateMention> {
    let _ = doc;
    Vec::new()
}
