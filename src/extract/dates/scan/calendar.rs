//! Calendar patterns: month names with days and years, numeric dates,
//! years, decades and centuries, quarters, fiscal years and holidays.

use super::super::lexicon::{self, MonthWord};
use super::super::resolve::{Holiday, Sem, YearSpec};
use super::{lit, Hit, Scanner};
use crate::extract::dates::{days_in_month, CalendarDate, DateKind};
use crate::text::TokenKind;

/// A day of the month: "19", "19th", "1er", "3º".
pub(super) fn day_number(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_alphabetic() || c == 'º');
    let suffix = &s[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er" | "e" | "º") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A year of four digits from 1000 to 2100.
pub(super) fn year_number(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1000..=2100).contains(&y).then_some(y)
}

/// "1990s" -> 199, "90s" -> 199, "2000s" -> 200.
fn decade_number(s: &str) -> Option<i32> {
    let d = s.strip_suffix('s')?;
    if !d.bytes().all(|b| b.is_ascii_digit()) || !d.ends_with('0') {
        return None;
    }
    match d.len() {
        4 => year_number(d).map(|y| y / 10),
        2 => {
            let n: i32 = d.parse().ok()?;
            Some(if n >= 30 { 190 + n / 10 } else { 200 + n / 10 })
        }
        _ => None,
    }
}

impl Scanner<'_, '_> {
    /// "mid-February", "mid-2021", "mid-1990s" (the part after "mid-").
    pub(super) fn mid_word(&self, rest: &str) -> Option<Sem> {
        if rest == "week" {
            return Some(Sem::WeekOffset(0));
        }
        if let Some(m) = lexicon::month(rest).filter(|m| !m.needs_number()) {
            return Some(Sem::Month {
                year: YearSpec::Infer,
                month: m.month,
            });
        }
        if let Some(y) = year_number(rest) {
            return Some(Sem::Year(YearSpec::Given(y)));
        }
        decade_number(rest).map(Sem::Decade)
    }

    /// "March 19", "March 19, 2022", "Jan. 6", "March 2022", "March".
    pub(super) fn month_first(&self, j: usize) -> Hit {
        let m = lexicon::month(self.low(j))?;
        // English names and abbreviations are capitalized; French and Spanish ones need not be.
        if m.english() && !self.cap(j) {
            return None;
        }
        // "the Mars 2020 mission": French and Spanish write months in lower case.
        if !m.english() && m.ambiguous && self.cap(j) && j > 0 {
            return None;
        }
        let k = if self.is(j + 1, ".") && self.low(j).len() <= 4 {
            j + 2
        } else {
            j + 1
        };
        self.month_day(k, m)
            .or_else(|| self.month_year(k, m))
            .or_else(|| self.bare_month(j, m))
    }

    /// The day (and year) after a month name at `k`: "March 19", "March 19, 2022".
    fn month_day(&self, k: usize, m: MonthWord) -> Hit {
        let d = self.day_at(k)?;
        if self.is(k + 1, ":") || d > days_in_month(2000, m.month) {
            return None;
        }
        let mut end = k + 1;
        let mut year = YearSpec::Infer;
        if self.is(end, ",") {
            if let Some(y) = self.year_at(end + 1) {
                year = YearSpec::Given(y);
                end += 2;
            }
        } else if let Some(y) = self.year_at(end) {
            year = YearSpec::Given(y);
            end += 1;
        }
        let sem = Sem::Day {
            year,
            month: m.month,
            day: d,
        };
        Some((end, sem))
    }

    /// The year after a month name at `k`: "March 2022", "March of 2022".
    fn month_year(&self, k: usize, m: MonthWord) -> Hit {
        let (y, end) = match self.year_at(k) {
            Some(y) => (y, k + 1),
            None if self.is(k, "of") => (self.year_at(k + 1)?, k + 2),
            None => return None,
        };
        let sem = Sem::Month {
            year: YearSpec::Given(y),
            month: m.month,
        };
        Some((end, sem))
    }

    /// A month name alone ("in March", "June"), where it cannot be a name or a word.
    fn bare_month(&self, j: usize, m: MonthWord) -> Hit {
        if m.needs_number() {
            return None;
        }
        let prev = self.prev(j);
        let cued = lexicon::is_date_cue(prev)
            || (matches!(prev, "and" | "or" | "to" | "-" | ",")
                && j >= 2
                && lexicon::month(self.low(j - 2)).is_some());
        let ok = if m.ambiguous {
            cued
        } else {
            // Not between capitalized words: "actor August Diehl", "June Carter".
            let name_before = j >= 1 && self.cap(j - 1) && self.word(j - 1);
            let name_after =
                self.cap(j + 1) && self.word(j + 1) && lexicon::month(self.low(j + 1)).is_none();
            cued || !(name_before || name_after)
        };
        let sem = Sem::Month {
            year: YearSpec::Infer,
            month: m.month,
        };
        ok.then_some((j + 1, sem))
    }

    /// "19 March 2022", "2 December 2021", "19. März 2022", "3 de marzo de 2022", "19th of March".
    pub(super) fn day_first(&self, j: usize) -> Hit {
        let d = self.day_at(j)?;
        let mut k = j + 1;
        if self.is(k, ".") {
            k += 1;
        }
        if self.any(k, &["de", "of"]) {
            k += 1;
        }
        let m = lexicon::month(self.low(k))?;
        if m.ambiguous && !m.needs_number() && !self.cap(k) {
            return None; // "5 march" is not a date
        }
        let mut end = k + 1;
        let mut year = YearSpec::Infer;
        let mut y_at = end;
        if self.any(end, &["de", ","]) {
            y_at = end + 1;
        }
        if let Some(y) = self.year_at(y_at) {
            year = YearSpec::Given(y);
            end = y_at + 1;
        }
        (d <= days_in_month(2000, m.month)).then_some((
            end,
            Sem::Day {
                year,
                month: m.month,
                day: d,
            },
        ))
    }

    /// "2022-03-19", "19.03.2022", "3/19/2022".
    pub(super) fn numeric(&self, j: usize) -> Hit {
        let t = self.t.get(j)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        if let Some(y) = year_number(&t.low) {
            if self.is(j + 1, "-") && self.is(j + 3, "-") && (j..j + 4).all(|x| self.touch(x)) {
                let m: u32 = self.low(j + 2).parse().ok()?;
                let d: u32 = self.low(j + 4).parse().ok()?;
                if self.low(j + 2).len() == 2 && self.low(j + 4).len() == 2 {
                    CalendarDate::new(y, m, d)?;
                    return Some((
                        j + 5,
                        Sem::Day {
                            year: YearSpec::Given(y),
                            month: m,
                            day: d,
                        },
                    ));
                }
            }
            return None;
        }
        let parts: Vec<&str> = t.low.split('.').collect();
        if parts.len() == 3 && parts[2].len() == 4 {
            let d: u32 = parts[0].parse().ok()?;
            let m: u32 = parts[1].parse().ok()?;
            let y = year_number(parts[2])?;
            CalendarDate::new(y, m, d)?;
            return Some((
                j + 1,
                Sem::Day {
                    year: YearSpec::Given(y),
                    month: m,
                    day: d,
                },
            ));
        }
        if self.is(j + 1, "/") && self.is(j + 3, "/") && (j..j + 4).all(|x| self.touch(x)) {
            let a: u32 = t.low.parse().ok()?;
            let b: u32 = self.low(j + 2).parse().ok()?;
            let y = year_number(self.low(j + 4))?;
            let (m, d) = if a > 12 || (self.day_month && b <= 12) {
                (b, a)
            } else {
                (a, b)
            };
            CalendarDate::new(y, m, d)?;
            return Some((
                j + 5,
                Sem::Day {
                    year: YearSpec::Given(y),
                    month: m,
                    day: d,
                },
            ));
        }
        None
    }

    /// "the first quarter of 2020", "the second half of the year", "Q3 2021".
    pub(super) fn quarter(&self, j: usize) -> Hit {
        let w = self.low(j);
        if w.len() == 2 && w.starts_with('q') {
            let n: u32 = w[1..].parse().ok().filter(|n| (1..=4).contains(n))?;
            let y = self.year_at(j + 1)?;
            return Some((
                j + 2,
                Sem::Quarter {
                    n,
                    half: false,
                    year: YearSpec::Given(y),
                },
            ));
        }
        if w != "the" {
            return None;
        }
        let n = lexicon::ordinal(self.low(j + 1))?;
        let half = match self.low(j + 2) {
            "quarter" => false,
            "half" if self.is(j + 3, "of") => true,
            _ => return None,
        };
        let n = if half { n.min(2) } else { n };
        let hit = self.quarter_year(j + 3, n, half)?;
        // "the first half" alone is too often a match's; a quarter alone is this year's.
        (!half || hit.0 > j + 3).then_some(hit)
    }

    fn quarter_year(&self, k: usize, n: u32, half: bool) -> Hit {
        if self.is(k, "of") {
            if let Some(y) = self.year_at(k + 1) {
                return Some((
                    k + 2,
                    Sem::Quarter {
                        n,
                        half,
                        year: YearSpec::Given(y),
                    },
                ));
            }
            let off = match (self.low(k + 1), self.low(k + 2)) {
                ("this" | "the", "year") => Some(0),
                ("last", "year") => Some(-1),
                ("next", "year") => Some(1),
                _ => None,
            };
            if let Some(off) = off {
                return Some((
                    k + 3,
                    Sem::Quarter {
                        n,
                        half,
                        year: YearSpec::Offset(off),
                    },
                ));
            }
        }
        if let Some(y) = self.year_at(k) {
            return Some((
                k + 1,
                Sem::Quarter {
                    n,
                    half,
                    year: YearSpec::Given(y),
                },
            ));
        }
        Some((
            k,
            Sem::Quarter {
                n,
                half,
                year: YearSpec::Offset(0),
            },
        ))
    }

    /// "2012" after "in"/"since"/..., "the 1990s", "the 20th century".
    pub(super) fn year(&self, j: usize) -> Hit {
        if self.is(j, "the") {
            let k = if self.is(j + 1, "'") { j + 2 } else { j + 1 };
            if let Some(d) = self.t.get(k).and_then(|t| decade_number(&t.low)) {
                return Some((k + 1, Sem::Decade(d)));
            }
            if let Some(d) = self.t.get(k).and_then(|t| day_number(&t.low)) {
                if self.is(k + 1, "century") && (1..=30).contains(&d) {
                    return Some((k + 2, Sem::Century(d as i32 - 1)));
                }
            }
            return None;
        }
        // A bare "1990s"; "90s" alone is more often an age ("into his 90s").
        if let Some(d) = self
            .t
            .get(j)
            .filter(|t| t.low.len() == 5)
            .and_then(|t| decade_number(&t.low))
        {
            return Some((j + 1, Sem::Decade(d)));
        }
        let y = self.year_at(j)?;
        let prev = self.prev(j);
        if self.is(j + 1, "-") && self.touch(j) && self.touch(j + 1) && self.low(j + 2).len() == 2 {
            return None; // "2019-11-27" is handled as a whole; "2010-2015" is two years
        }
        let cued = lexicon::is_date_cue(prev)
            || prev == "the"
            || self.t[j].possessive
            || (self.is(j + 1, "'") && self.is(j + 2, "s") && self.touch(j) && self.touch(j + 1))
            || (matches!(prev, "and" | "or" | "-" | "to")
                && j >= 2
                && self.year_at(j - 2).is_some());
        let next = self.low(j + 1);
        let counted = lexicon::unit(next).is_some()
            || matches!(next, "%" | "percent" | "per")
            || lexicon::is_counted_noun(next);
        (cued && !counted).then_some((j + 1, Sem::Year(YearSpec::Given(y))))
    }

    /// "fiscal 2023", "fiscal year 2023": TimeML `FY2023`.
    pub(super) fn fiscal(&self, j: usize) -> Hit {
        if !self.is(j, "fiscal") {
            return None;
        }
        let k = if self.is(j + 1, "year") { j + 2 } else { j + 1 };
        let y = self.year_at(k)?;
        Some((k + 1, lit(DateKind::Date, format!("FY{y:04}"))))
    }

    /// Christmas, New Year's Eve, May Day, Election Day, Easter, Thanksgiving, ...
    pub(super) fn holiday(&self, j: usize) -> Hit {
        if !self.cap(j) {
            return None;
        }
        let day = |k: usize| self.is(k, "day") && self.cap(k);
        let (h, end) = match self.low(j) {
            "christmas" if self.is(j + 1, "eve") => (Holiday::Fixed(12, 24), j + 2),
            "christmas" => (
                Holiday::Fixed(12, 25),
                if day(j + 1) { j + 2 } else { j + 1 },
            ),
            "new" if self.is(j + 1, "year") && self.cap(j + 1) => match self.low(j + 2) {
                "eve" => (Holiday::Fixed(12, 31), j + 3),
                "day" => (Holiday::Fixed(1, 1), j + 3),
                _ => return None,
            },
            "may" if day(j + 1) => (Holiday::Fixed(5, 1), j + 2),
            "election" if day(j + 1) => (Holiday::Election, j + 2),
            "halloween" => (Holiday::Fixed(10, 31), j + 1),
            "valentine" if day(j + 1) => (Holiday::Fixed(2, 14), j + 2),
            "labor" | "labour" if day(j + 1) => (Holiday::Nth(9, 0, 1), j + 2),
            "memorial" if day(j + 1) => (Holiday::Nth(5, 0, -1), j + 2),
            "independence" if day(j + 1) => (Holiday::Fixed(7, 4), j + 2),
            "bastille" if day(j + 1) => (Holiday::Fixed(7, 14), j + 2),
            "boxing" if day(j + 1) => (Holiday::Fixed(12, 26), j + 2),
            "good" if self.is(j + 1, "friday") => (Holiday::Easter(-2), j + 2),
            "black" if self.is(j + 1, "friday") => (Holiday::BlackFriday, j + 2),
            "thanksgiving" => (
                Holiday::Nth(11, 3, 4),
                if day(j + 1) { j + 2 } else { j + 1 },
            ),
            "easter" if self.is(j + 1, "monday") => (Holiday::Easter(1), j + 2),
            "easter" => (
                Holiday::Easter(0),
                if self.is(j + 1, "sunday") {
                    j + 2
                } else {
                    j + 1
                },
            ),
            _ => return None,
        };
        Some((end, Sem::Holiday(h)))
    }

    /// "the Christmas weekend", "the Labor Day weekend".
    pub(super) fn holiday_weekend(&self, j: usize) -> Hit {
        if !self.is(j, "the") {
            return None;
        }
        let (end, sem) = self.holiday(j + 1)?;
        let Sem::Holiday(h) = sem else { return None };
        self.is(end, "weekend")
            .then_some((end + 1, Sem::HolidayWeekend(h)))
    }
}
