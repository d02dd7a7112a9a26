//! Relative patterns: "this week", "last month", seasons, French, German and
//! Spanish relative weeks, months and years, and references ("now", "the past").

use super::super::lexicon;
use super::super::resolve::{Rel, Sem, YearSpec};
use super::duration::count;
use super::{lit, Hit, Scanner};
use crate::extract::dates::DateKind;

impl Scanner<'_, '_> {
    /// "this week", "last month", "next year", "the weekend", "this summer",
    /// "the past decade" (a date; "the past three years" is a duration).
    pub(super) fn unit_rel(&self, j: usize, bounded: bool) -> Hit {
        let (off, k): (i64, usize) = match self.low(j) {
            "this" if self.is(j + 1, "past") => (-1, j + 2),
            "this" | "current" => (0, j + 1),
            "last" | "past" | "previous" => (-1, j + 1),
            "next" | "coming" => (1, j + 1),
            "the" => (0, j + 1),
            _ => return self.bare_season(j),
        };
        let the = self.is(j, "the");
        let w = self.low(k);
        if w == "weekend" {
            let rel = match (the, off) {
                (true, _) => Rel::Tense,
                (_, -1) => Rel::Last,
                (_, 1) => Rel::Next,
                _ => Rel::This,
            };
            return Some((k + 1, Sem::Weekend(rel)));
        }
        if let Some(season) = lexicon::season(w) {
            if the && self.is(k + 1, "of") {
                if let Some(y) = self.year_at(k + 2) {
                    return Some((
                        k + 3,
                        Sem::Season {
                            season,
                            year: YearSpec::Given(y),
                            rel: 0,
                        },
                    ));
                }
            }
            if w == "fall" && the {
                return None; // "the fall of Kabul"
            }
            return Some((
                k + 1,
                Sem::Season {
                    season,
                    year: YearSpec::Infer,
                    rel: off as i32,
                },
            ));
        }
        if the && !bounded {
            return None;
        }
        let sem = match w {
            "week" => Sem::WeekOffset(off),
            "month" => Sem::MonthOffset(off),
            "year" => Sem::Year(YearSpec::Offset(off as i32)),
            "quarter" => Sem::QuarterOffset(off),
            "decade" => Sem::DecadeOffset(off as i32),
            "century" => Sem::CenturyOffset(off as i32),
            "day" if the => Sem::DayOffset(0),
            _ => return None,
        };
        // "the past year" is a duration (handled there); "past year" alone stays a date.
        if self.is(j, "past") && self.is(j.wrapping_sub(1), "the") {
            return None;
        }
        Some((k + 1, sem))
    }

    /// "in summer", "summer 2021".
    fn bare_season(&self, j: usize) -> Hit {
        let w = self.low(j);
        let season = lexicon::season(w)?;
        if let Some(y) = self.year_at(j + 1) {
            return Some((
                j + 2,
                Sem::Season {
                    season,
                    year: YearSpec::Given(y),
                    rel: 0,
                },
            ));
        }
        (w != "fall"
            && self.any(
                j.wrapping_sub(1),
                &["in", "since", "during", "until", "by", "early", "late"],
            ))
        .then_some((
            j + 1,
            Sem::Season {
                season,
                year: YearSpec::Infer,
                rel: 0,
            },
        ))
    }

    /// "la semaine dernière", "letzte Woche", "el año pasado", "cette année".
    pub(super) fn foreign_rel(&self, j: usize) -> Hit {
        let unit_sem = |w: &str, off: i64| -> Option<Sem> {
            Some(match w {
                "semaine" | "woche" | "semana" => Sem::WeekOffset(off),
                "mois" | "monat" | "mes" => Sem::MonthOffset(off),
                "année" | "an" | "jahr" | "año" => Sem::Year(YearSpec::Offset(off as i32)),
                _ => return None,
            })
        };
        // "letzte Woche", "cette année", "el próximo año" (article included).
        let k = if self.any(j, &["el", "la", "le", "im", "am", "in"]) {
            j + 1
        } else {
            j
        };
        if let Some(off) = lexicon::offset_before_unit(self.low(k)) {
            if self.low(k) == "ce" && self.low(k + 1) != "mois" {
                return None;
            }
            let sem = unit_sem(self.low(k + 1), off)?;
            // "an" alone is the English article: only "cette année", not "ce an".
            if self.is(k + 1, "an") {
                return None;
            }
            let start_ok = k == j || matches!(self.low(j), "el" | "la" | "le" | "im" | "am");
            return start_ok.then_some((k + 2, sem));
        }
        // "la semaine dernière", "l'an dernier", "el año pasado".
        let (k, art) = match self.low(j) {
            "la" | "le" | "el" => (j + 1, true),
            w if w.starts_with("l'") => (j, true),
            _ => (j, false),
        };
        // The word after first: it turns most tokens away before the unit
        // word is cut (a string search, asked of every token tried).
        let off = lexicon::offset_after_unit(self.low(k + 1))?;
        let unit_word = self.low(k).trim_start_matches("l'");
        if !art && unit_word == "an" {
            return None;
        }
        let sem = unit_sem(unit_word, off)?;
        Some((k + 2, sem))
    }

    /// "now", "currently", "recently", "the future", "the past", "these days".
    pub(super) fn reference(&self, j: usize) -> Hit {
        let w = self.low(j);
        let value = match w {
            "now" | "currently" | "presently" | "nowadays" => "PRESENT_REF",
            "recently" | "lately" => "PAST_REF",
            "these" if self.is(j + 1, "days") => {
                return Some((j + 2, lit(DateKind::Date, "PRESENT_REF".into())));
            }
            "the" if self.any(j.wrapping_sub(1), &["in", "into", "for"]) => {
                let k = if self.any(j + 1, &["near", "distant", "foreseeable"]) {
                    j + 2
                } else {
                    j + 1
                };
                let v = match self.low(k) {
                    "future" => "FUTURE_REF",
                    "past"
                        if k == j + 1
                            && count(self.low(k + 1)).is_none()
                            && lexicon::unit(self.low(k + 1)).is_none() =>
                    {
                        "PAST_REF"
                    }
                    _ => return None,
                };
                return Some((k + 1, lit(DateKind::Date, v.into())));
            }
            _ => return None,
        };
        if self.name_like(j) {
            return None;
        }
        Some((j + 1, lit(DateKind::Date, value.into())))
    }
}
