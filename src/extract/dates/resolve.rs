//! From what an expression means ([`Sem`]) to its TimeML value, given the
//! anchor (publication date), the tense of its sentence and the last day the
//! text spoke of.

use super::lexicon::{PartOfDay, Season, Unit};
use super::{CalendarDate, DateKind};

/// Which way a relative expression points when the words themselves do not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How a weekday or weekend is tied to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
    /// By the tense of the sentence ("on Saturday").
    Tense,
    /// Strictly before ("last Saturday").
    Last,
    /// Strictly after ("next Saturday").
    Next,
    /// In the anchor's week ("this Saturday").
    This,
}

/// The year of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearSpec {
    Given(i32),
    /// Relative to the anchor's year ("last year" = -1).
    Offset(i32),
    /// Inferred from the anchor and the tense ("March 19").
    Infer,
}

/// Days that move with the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    Fixed(u32, u32),
    /// The `n`th weekday (0 = Monday) of a month; `n = -1` is the last one
    /// (US Labor Day, Memorial Day, Thanksgiving).
    Nth(u32, u32, i32),
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
    /// Days from Easter Sunday (Good Friday = -2).
    Easter(i64),
    /// The day after US Thanksgiving.
    BlackFriday,
}

impl Holiday {
    fn date(self, year: i32) -> Option<CalendarDate> {
        match self {
            Holiday::Fixed(m, d) => CalendarDate::new(year, m, d),
            Holiday::BlackFriday => Holiday::Nth(11, 3, 4).date(year).map(|d| d.add_days(1)),
            Holiday::Election => {
                let first = CalendarDate::new(year, 11, 1)?;
                let monday = first.add_days(((7 - first.weekday()) % 7) as i64);
                Some(monday.add_days(1))
            }
            Holiday::Nth(month, weekday, n) => {
                let (y, m) = if n < 0 {
                    add_months(year, month, 1)
                } else {
                    (year, month)
                };
                let first = CalendarDate::new(y, m, 1)?;
                let shift = (weekday as i64 - first.weekday() as i64).rem_euclid(7);
                Some(if n < 0 {
                    // The last one: weeks back from the first one of the next month.
                    first.add_days(shift - 7 * (-n) as i64)
                } else {
                    first.add_days(shift + 7 * (n as i64 - 1))
                })
            }
            Holiday::Easter(offset) => {
                // Anonymous Gregorian algorithm.
                let y = year;
                let a = y % 19;
                let b = y / 100;
                let c = y % 100;
                let d = b / 4;
                let e = b % 4;
                let f = (b + 8) / 25;
                let g = (b - f + 1) / 3;
                let h = (19 * a + b - d - g + 15) % 30;
                let i = c / 4;
                let k = c % 4;
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 22 * l) / 451;
                let month = (h + l - 7 * m + 114) / 31;
                let day = (h + l - 7 * m + 114) % 31 + 1;
                CalendarDate::new(y, month as u32, day as u32).map(|d| d.add_days(offset))
            }
        }
    }

    /// Its date seen from `a`, placed by `tense`.
    fn resolve(self, a: CalendarDate, tense: Tense) -> Option<CalendarDate> {
        let here = self.date(a.year)?;
        self.date(infer_year(a, tense, here.month, Some(here.day)))
    }
}

/// What a temporal expression means, before it is anchored.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Sem {
    Day {
        year: YearSpec,
        month: u32,
        day: u32,
    },
    Month {
        year: YearSpec,
        month: u32,
    },
    Year(YearSpec),
    /// The first three digits: `199` for the 1990s.
    Decade(i32),
    /// Relative to the anchor's decade.
    DecadeOffset(i32),
    /// The first two digits: `19` for the 20th century.
    Century(i32),
    CenturyOffset(i32),
    Weekday {
        weekday: u32,
        rel: Rel,
    },
    /// Today = 0, yesterday = -1, tomorrow = 1.
    DayOffset(i64),
    /// Relative to the last day the text spoke of ("the next day").
    DayAfterRef(i64),
    WeekOffset(i64),
    MonthOffset(i64),
    Weekend(Rel),
    Season {
        season: Season,
        year: YearSpec,
        /// "last summer" = -1, "next summer" = 1.
        rel: i32,
    },
    Quarter {
        n: u32,
        half: bool,
        year: YearSpec,
    },
    QuarterOffset(i64),
    Ago {
        n: Option<f64>,
        unit: Unit,
    },
    Holiday(Holiday),
    /// The weekend of a holiday ("the Labor Day weekend").
    HolidayWeekend(Holiday),
    /// A clock time on a day named right after it ("noon Friday").
    ClockOn {
        base: Box<Sem>,
        hour: u32,
        minute: u32,
    },
    /// A clock time; the day comes from the context.
    Time {
        hour: u32,
        minute: u32,
    },
    /// A day with a part of day ("Tuesday night").
    PartOfDay {
        base: Box<Sem>,
        part: PartOfDay,
    },
    /// Already a value (durations, sets, references).
    Literal {
        kind: DateKind,
        value: String,
    },
}

/// A resolved expression: its type, value, and the day it names (if it names one).
pub(super) struct Resolved {
    pub kind: DateKind,
    pub value: String,
    pub day: Option<CalendarDate>,
}

fn date(kind: DateKind, value: String) -> Resolved {
    Resolved {
        kind,
        value,
        day: None,
    }
}

fn day(d: CalendarDate) -> Resolved {
    Resolved {
        kind: DateKind::Date,
        value: d.iso(),
        day: Some(d),
    }
}

/// ISO 8601 week-numbering year and week of `d`.
pub(super) fn iso_week(d: CalendarDate) -> (i32, u32) {
    let thursday = d.add_days(3 - d.weekday() as i64);
    let jan1 = CalendarDate {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let week = ((thursday.days() - jan1.days()) / 7 + 1) as u32;
    (thursday.year, week)
}

fn week_value(d: CalendarDate) -> String {
    let (y, w) = iso_week(d);
    format!("{y:04}-W{w:02}")
}

fn add_months(year: i32, month: u32, n: i64) -> (i32, u32) {
    let total = year as i64 * 12 + (month as i64 - 1) + n;
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

/// The year of a month (and day) without one, seen from `a` in `tense`.
pub(super) fn infer_year(a: CalendarDate, tense: Tense, month: u32, day: Option<u32>) -> i32 {
    let here = (a.month, day.map(|_| a.day).unwrap_or(0));
    let there = (month, day.unwrap_or(0));
    match tense {
        Tense::Past if there > here => a.year - 1,
        Tense::Future if there < here => a.year + 1,
        Tense::Past | Tense::Future => a.year,
        Tense::Unknown => {
            let diff = month as i32 - a.month as i32;
            if diff > 6 {
                a.year - 1
            } else if diff < -6 {
                a.year + 1
            } else {
                a.year
            }
        }
    }
}

fn weekday_date(a: CalendarDate, weekday: u32, rel: Rel, tense: Tense) -> CalendarDate {
    let aw = a.weekday() as i64;
    let w = weekday as i64;
    let back = (aw - w).rem_euclid(7);
    let fwd = (w - aw).rem_euclid(7);
    match rel {
        Rel::Last => a.add_days(-((aw - w - 1).rem_euclid(7) + 1)),
        Rel::Next => a.add_days((w - aw - 1).rem_euclid(7) + 1),
        Rel::This => a.add_days(w - aw),
        Rel::Tense if tense == Tense::Future => a.add_days(fwd),
        Rel::Tense => a.add_days(-back),
    }
}

fn year_of(
    spec: YearSpec,
    a: Option<CalendarDate>,
    tense: Tense,
    md: (u32, Option<u32>),
) -> Option<i32> {
    match spec {
        YearSpec::Given(y) => Some(y),
        YearSpec::Offset(o) => a.map(|a| a.year + o),
        YearSpec::Infer => a.map(|a| infer_year(a, tense, md.0, md.1)),
    }
}

/// Writes `n` as a duration's number: a whole one without a point, else to
/// two decimals without the zeros at its end.
fn push_num(out: &mut String, n: f64) {
    use std::fmt::Write;
    if n.fract() == 0.0 {
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{}", n as i64);
    } else {
        let s = format!("{n:.2}");
        out.push_str(s.trim_end_matches('0').trim_end_matches('.'));
    }
}

/// An ISO 8601 duration: `P3Y`, `PT6H`, `PXD` (n unknown).
pub(super) fn duration(n: Option<f64>, unit: Unit) -> String {
    let (d, time) = unit.designator();
    let t = if time { "T" } else { "" };
    match n {
        // Written in place: a duration is made for every count and unit the
        // scanner tries, most of them whole numbers.
        Some(n) => {
            let mut out = String::with_capacity(8);
            out.push('P');
            out.push_str(t);
            push_num(&mut out, n * unit.factor());
            out.push_str(d);
            out
        }
        None => match unit {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            _ => format!("P{t}X{d}"),
        },
    }
}

/// Resolves `sem` against the anchor `a`, the sentence's `tense` and the last
/// day the text spoke of (`reference`).
pub(super) fn resolve(
    sem: &Sem,
    a: Option<CalendarDate>,
    tense: Tense,
    reference: Option<CalendarDate>,
) -> Resolved {
    use DateKind::Date;
    match *sem {
        Sem::Day {
            year,
            month,
            day: d,
        } => calendar_day(year, month, d, a, tense),
        Sem::Month { year, month } => match year_of(year, a, tense, (month, None)) {
            Some(y) => date(Date, format!("{y:04}-{month:02}")),
            None => date(Date, format!("XXXX-{month:02}")),
        },
        Sem::Year(spec) => match year_of(spec, a, tense, (1, None)) {
            Some(y) => date(Date, format!("{y:04}")),
            None => date(Date, "XXXX".into()),
        },
        Sem::Decade(d) => date(Date, format!("{d:03}")),
        Sem::DecadeOffset(o) => anchored(a, "XXX", |a| format!("{:03}", a.year.div_euclid(10) + o)),
        Sem::Century(c) => date(Date, format!("{c:02}")),
        Sem::CenturyOffset(o) => {
            anchored(a, "XX", |a| format!("{:02}", a.year.div_euclid(100) + o))
        }
        Sem::Weekday { weekday, rel } => match a {
            Some(a) => day(weekday_date(a, weekday, rel, tense)),
            None => date(Date, format!("XXXX-WXX-{}", weekday + 1)),
        },
        Sem::DayOffset(o) => match a {
            Some(a) => day(a.add_days(o)),
            None => date(Date, "XXXX-XX-XX".into()),
        },
        Sem::DayAfterRef(o) => match reference.or(a) {
            Some(r) => day(r.add_days(o)),
            None => date(Date, "XXXX-XX-XX".into()),
        },
        Sem::WeekOffset(o) => anchored(a, "XXXX-WXX", |a| week_value(a.add_days(7 * o))),
        Sem::MonthOffset(o) => anchored(a, "XXXX-XX", |a| {
            let (y, m) = add_months(a.year, a.month, o);
            format!("{y:04}-{m:02}")
        }),
        Sem::Weekend(rel) => anchored(a, "XXXX-WXX-WE", |a| weekend(a, rel, tense)),
        Sem::Season { season, year, rel } => season_value(season, year, rel, a),
        Sem::Quarter { n, half, year } => quarter(n, half, year, a),
        Sem::QuarterOffset(o) => anchored(a, "XXXX-QX", |a| {
            let (y, m) = add_months(a.year, a.month, 3 * o);
            format!("{y:04}-Q{}", (m - 1) / 3 + 1)
        }),
        Sem::Ago { n, unit } => ago(n, unit, a),
        Sem::HolidayWeekend(h) => holiday_weekend(h, a, tense),
        Sem::Holiday(h) => holiday(h, a, tense),
        Sem::Time { hour, minute } => {
            let base = reference
                .or(a)
                .map_or_else(|| "XXXX-XX-XX".to_string(), |d| d.iso());
            time(format!("{base}T{hour:02}:{minute:02}"), None)
        }
        Sem::ClockOn {
            ref base,
            hour,
            minute,
        } => {
            let r = resolve(base, a, tense, reference);
            time(format!("{}T{hour:02}:{minute:02}", r.value), r.day)
        }
        Sem::PartOfDay { ref base, part } => {
            let r = resolve(base, a, tense, reference);
            time(format!("{}T{}", r.value, part.code()), r.day)
        }
        Sem::Literal { kind, ref value } => date(kind, value.clone()),
    }
}

/// A DATE whose value needs the anchor: `unknown` without one.
fn anchored(
    a: Option<CalendarDate>,
    unknown: &str,
    value: impl FnOnce(CalendarDate) -> String,
) -> Resolved {
    date(DateKind::Date, a.map_or_else(|| unknown.to_string(), value))
}

/// A TIME on a day (`day`, when it is known).
fn time(value: String, day: Option<CalendarDate>) -> Resolved {
    Resolved {
        kind: DateKind::Time,
        value,
        day,
    }
}

/// "March 19", "19 March 2022": the day, or `XXXX-03-19` without a year.
fn calendar_day(
    year: YearSpec,
    month: u32,
    d: u32,
    a: Option<CalendarDate>,
    tense: Tense,
) -> Resolved {
    match year_of(year, a, tense, (month, Some(d))).and_then(|y| CalendarDate::new(y, month, d)) {
        Some(x) => day(x),
        None => date(DateKind::Date, format!("XXXX-{month:02}-{d:02}")),
    }
}

/// "the weekend", "last weekend": its ISO week with `-WE`.
fn weekend(a: CalendarDate, rel: Rel, tense: Tense) -> String {
    let aw = a.weekday() as i64;
    let saturday = a.add_days(5 - aw);
    let in_weekend = aw >= 5;
    let d = match rel {
        Rel::Last => saturday.add_days(-7),
        Rel::Next if in_weekend => saturday.add_days(7),
        Rel::Next | Rel::This => saturday,
        Rel::Tense if in_weekend || tense == Tense::Future => saturday,
        Rel::Tense => saturday.add_days(-7),
    };
    format!("{}-WE", week_value(d))
}

/// "this summer", "last winter", "the spring of 2021".
fn season_value(season: Season, year: YearSpec, rel: i32, a: Option<CalendarDate>) -> Resolved {
    let code = season.code();
    let y = match (year, a) {
        (YearSpec::Given(y), _) => Some(y),
        (_, Some(a)) => {
            // A season counts as past once its last month is over.
            let end = season.last_month();
            Some(match rel {
                -1 if a.month > end => a.year,
                1 if a.month <= end => a.year + 1,
                r => a.year + if r == 0 { 0 } else { r },
            })
        }
        (_, None) => None,
    };
    match y {
        Some(y) => date(DateKind::Date, format!("{y:04}-{code}")),
        None => date(DateKind::Date, format!("XXXX-{code}")),
    }
}

/// "the first quarter of 2020", "the second half of the year": `2020-Q1`, `2022-H2`.
fn quarter(n: u32, half: bool, year: YearSpec, a: Option<CalendarDate>) -> Resolved {
    let letter = if half { 'H' } else { 'Q' };
    match year_of(year, a, Tense::Unknown, (1, None)) {
        Some(y) => date(DateKind::Date, format!("{y:04}-{letter}{n}")),
        None => date(DateKind::Date, format!("XXXX-{letter}{n}")),
    }
}

/// "three years ago", "days ago": the date that far before the anchor.
fn ago(n: Option<f64>, unit: Unit, a: Option<CalendarDate>) -> Resolved {
    let (Some(a), Some(n)) = (a, n) else {
        return date(DateKind::Date, "PAST_REF".into());
    };
    let n = (n * unit.factor()).round() as i64;
    let value = match unit {
        Unit::Second | Unit::Minute | Unit::Hour => a.iso(),
        Unit::Day => return day(a.add_days(-n)),
        Unit::Week | Unit::Fortnight => week_value(a.add_days(-7 * n)),
        Unit::Month | Unit::Quarter => {
            let (y, m) = add_months(a.year, a.month, -n);
            format!("{y:04}-{m:02}")
        }
        Unit::Year => format!("{:04}", a.year as i64 - n),
        Unit::Decade => format!("{:03}", (a.year as i64 - n).div_euclid(10)),
        Unit::Century => format!("{:02}", (a.year as i64 - n).div_euclid(100)),
    };
    date(DateKind::Date, value)
}

/// "the Labor Day weekend": the weekend around the holiday.
fn holiday_weekend(h: Holiday, a: Option<CalendarDate>, tense: Tense) -> Resolved {
    match a.and_then(|a| h.resolve(a, tense)) {
        Some(d) => {
            let saturday = match d.weekday() {
                0 => d.add_days(-2),
                6 => d.add_days(-1),
                w => d.add_days(5 - w as i64),
            };
            date(DateKind::Date, format!("{}-WE", week_value(saturday)))
        }
        None => date(DateKind::Date, "XXXX-WXX-WE".into()),
    }
}

/// "Christmas", "Thanksgiving": the day, or `XXXX-12-25` without an anchor.
fn holiday(h: Holiday, a: Option<CalendarDate>, tense: Tense) -> Resolved {
    match a.and_then(|a| h.resolve(a, tense)) {
        Some(x) => day(x),
        None => match h {
            Holiday::Fixed(m, d) => date(DateKind::Date, format!("XXXX-{m:02}-{d:02}")),
            _ => date(DateKind::Date, "XXXX-XX-XX".into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CalendarDate {
        CalendarDate::parse_iso(s).unwrap()
    }

    #[test]
    fn iso_weeks() {
        let cases = [
            ("2022-03-19", (2022, 11)),
            ("2022-01-06", (2022, 1)),
            ("2022-01-02", (2021, 52)),
            ("2020-12-31", (2020, 53)),
            ("2019-12-30", (2020, 1)),
        ];
        for (date, want) in cases {
            assert_eq!(iso_week(d(date)), want, "{date}");
        }
    }

    #[test]
    fn weekdays_follow_tense() {
        let a = d("2022-03-19"); // a Saturday
        let cases = [
            (5, Rel::Tense, Tense::Past, "2022-03-19"),
            (3, Rel::Tense, Tense::Past, "2022-03-17"),
            (3, Rel::Tense, Tense::Unknown, "2022-03-17"),
            (0, Rel::Tense, Tense::Future, "2022-03-21"),
            (5, Rel::Last, Tense::Unknown, "2022-03-12"),
            (5, Rel::Next, Tense::Unknown, "2022-03-26"),
            (6, Rel::Next, Tense::Unknown, "2022-03-20"),
            (0, Rel::This, Tense::Unknown, "2022-03-14"),
        ];
        for (w, rel, tense, want) in cases {
            assert_eq!(
                weekday_date(a, w, rel, tense).iso(),
                want,
                "{w} {rel:?} {tense:?}"
            );
        }
    }

    #[test]
    fn years_of_bare_months() {
        let a = d("2022-03-19");
        let cases = [
            (2, Tense::Past, 2022),
            (4, Tense::Past, 2021),
            (4, Tense::Future, 2022),
            (2, Tense::Future, 2023),
            (12, Tense::Unknown, 2021),
            (6, Tense::Unknown, 2022),
        ];
        for (m, tense, want) in cases {
            assert_eq!(infer_year(a, tense, m, None), want, "{m} {tense:?}");
        }
    }

    #[test]
    fn holidays() {
        let cases = [
            (Holiday::Election, 2020, "2020-11-03"),
            (Holiday::Election, 2022, "2022-11-08"),
            (Holiday::Nth(11, 3, 4), 2021, "2021-11-25"),
            (Holiday::Nth(9, 0, 1), 2019, "2019-09-02"),
            (Holiday::Nth(5, 0, -1), 2020, "2020-05-25"),
            (Holiday::Nth(5, 0, -1), 2021, "2021-05-31"),
            (Holiday::Easter(0), 2022, "2022-04-17"),
            (Holiday::Easter(0), 2024, "2024-03-31"),
            (Holiday::Easter(-2), 2024, "2024-03-29"),
        ];
        for (h, year, want) in cases {
            assert_eq!(h.date(year).unwrap().iso(), want, "{h:?}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Some(3.0), Unit::Year), "P3Y");
        assert_eq!(duration(Some(6.0), Unit::Hour), "PT6H");
        assert_eq!(duration(None, Unit::Day), "PXD");
        assert_eq!(duration(Some(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration(Some(1.5), Unit::Year), "P1.5Y");
    }
}
