//! Day patterns: weekdays, "today" and its kin, parts of days and nights,
//! "the next day".

use super::super::lexicon::{self, PartOfDay};
use super::super::resolve::{Rel, Sem};
use super::{Hit, Scanner};

impl Scanner<'_, '_> {
    /// "Saturday", "last Saturday", "Tuesday night", "Saturday, March 19".
    pub(super) fn weekday(&self, j: usize) -> Hit {
        let (rel, k) = match self.low(j) {
            "this" if self.is(j + 1, "past") => (Rel::Last, j + 2),
            "last" | "past" => (Rel::Last, j + 1),
            "next" | "coming" => (Rel::Next, j + 1),
            "this" => (Rel::This, j + 1),
            _ => (Rel::Tense, j),
        };
        let day = lexicon::weekday(self.low(k))?;
        if day.english {
            if !self.cap(k) {
                return None;
            }
            if k >= 1 && self.cap(k - 1) && lexicon::is_weekday_name_before(self.low(k - 1)) {
                return None;
            }
            // "Mr. Sunday", "Ms Friday": a surname.
            let title = |i: usize| self.any(i, &["mr", "mrs", "ms", "dr", "judge", "sen", "rep"]);
            if k >= 1 && (title(k - 1) || (self.is(k - 1, ".") && k >= 2 && title(k - 2))) {
                return None;
            }
            if self.cap(k + 1) && lexicon::is_weekday_name_after(self.low(k + 1)) {
                return None;
            }
        } else if rel == Rel::Tense && self.cap(k) && !lexicon::is_foreign_weekday_cue(self.prev(k))
        {
            // French and Spanish write weekdays in lower case; capitalized
            // ("Santo Domingo", "Mardi Gras") they need a cue ("am Sonntag").
            return None;
        }
        // "Saturday, March 19, 2022": the date says it all.
        if rel == Rel::Tense {
            let mut at = if self.is(k + 1, ",") { k + 2 } else { k + 1 };
            if self.any(at, &["the", "dem", "den", "le", "el"]) {
                at += 1;
            }
            if let Some((end, sem @ Sem::Day { .. })) =
                self.month_first(at).or_else(|| self.day_first(at))
            {
                return Some((end, sem));
            }
        }
        let sem = Sem::Weekday {
            weekday: day.weekday,
            rel,
        };
        if let Some(part) = lexicon::part_of_day(self.low(k + 1)) {
            return Some((
                k + 2,
                Sem::PartOfDay {
                    base: Box::new(sem),
                    part,
                },
            ));
        }
        Some((k + 1, sem))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night".
    pub(super) fn relative(&self, j: usize) -> Hit {
        let w = self.low(j);
        let offset = match w {
            "today" | "heute" | "hoy" | "aujourd'hui" => 0,
            "yesterday" | "gestern" | "ayer" => -1,
            "tomorrow" | "demain" => 1,
            "tonight" => {
                return (!self.name_like(j)).then(|| {
                    (
                        j + 1,
                        Sem::PartOfDay {
                            base: Box::new(Sem::DayOffset(0)),
                            part: PartOfDay::Night,
                        },
                    )
                })
            }
            "this" => {
                let part =
                    lexicon::part_of_day(self.low(j + 1)).filter(|p| *p != PartOfDay::Night)?;
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        base: Box::new(Sem::DayOffset(0)),
                        part,
                    },
                ));
            }
            "last" if self.is(j + 1, "night") => {
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        base: Box::new(Sem::DayOffset(-1)),
                        part: PartOfDay::Night,
                    },
                ));
            }
            _ => return None,
        };
        if self.name_like(j) {
            return None;
        }
        let sem = Sem::DayOffset(offset);
        if offset != 0 {
            if let Some(part) = lexicon::part_of_day(self.low(j + 1)) {
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        base: Box::new(sem),
                        part,
                    },
                ));
            }
        }
        Some((j + 1, sem))
    }

    /// A capitalized word inside a name ("Russia Today", "USA Today").
    pub(super) fn name_like(&self, j: usize) -> bool {
        self.cap(j)
            && j >= 1
            && self.cap(j - 1)
            && self.word(j - 1)
            && !lexicon::is_date_cue(self.low(j - 1))
            || self.cap(j)
                && self.cap(j + 1)
                && self.word(j + 1)
                && j >= 1
                && self.word(j - 1)
                && !self.cap(j - 1)
    }

    /// "overnight from Tuesday to Wednesday", "the night of Tuesday to Wednesday",
    /// "the next day", "the day before".
    pub(super) fn night(&self, j: usize) -> Hit {
        let w = self.low(j);
        if w == "the" {
            if self.is(j + 1, "day") && self.any(j + 3, &["yesterday", "tomorrow"]) {
                let off = match self.low(j + 2) {
                    "before" if self.is(j + 3, "yesterday") => Some(-2),
                    "after" if self.is(j + 3, "tomorrow") => Some(2),
                    _ => None,
                };
                if let Some(off) = off {
                    return Some((j + 4, Sem::DayOffset(off)));
                }
            }
            let off = match (self.low(j + 1), self.low(j + 2)) {
                ("next" | "following", "day") => Some(1),
                ("previous", "day") => Some(-1),
                ("same", "day") => Some(0),
                ("day", "before") => Some(-1),
                ("day", "after") if !self.word(j + 3) || self.any(j + 3, &["that", "it"]) => {
                    Some(1)
                }
                _ => None,
            };
            if let Some(off) = off {
                return Some((j + 3, Sem::DayAfterRef(off)));
            }
            if !(self.is(j + 1, "night") && self.any(j + 2, &["of", "from", "between"])) {
                return None;
            }
            return self.night_of(j + 3);
        }
        if w != "overnight" {
            return None;
        }
        if self.any(j + 1, &["from", "between", "into"]) {
            if self.is(j + 1, "into") {
                // "overnight into Wednesday": the night before Wednesday.
                let (end, sem) = self.weekday(j + 2)?;
                if let Sem::Weekday { weekday, rel } = sem {
                    let base = Sem::Weekday {
                        weekday: (weekday + 6) % 7,
                        rel,
                    };
                    return Some((
                        end,
                        Sem::PartOfDay {
                            base: Box::new(base),
                            part: PartOfDay::Night,
                        },
                    ));
                }
                return None;
            }
            return self.night_of(j + 2);
        }
        let (end, sem) = self.weekday(j + 1)?;
        matches!(sem, Sem::Weekday { .. }).then(|| {
            (
                end,
                Sem::PartOfDay {
                    base: Box::new(sem),
                    part: PartOfDay::Night,
                },
            )
        })
    }

    /// "Tuesday to Wednesday" after "overnight from" / "the night of".
    fn night_of(&self, k: usize) -> Hit {
        let (end, sem) = self.weekday(k)?;
        if !matches!(sem, Sem::Weekday { .. }) {
            return None;
        }
        let end = if self.any(end, &["to", "into", "and", "-"])
            && lexicon::weekday(self.low(end + 1)).is_some()
        {
            end + 2
        } else {
            end
        };
        Some((
            end,
            Sem::PartOfDay {
                base: Box::new(sem),
                part: PartOfDay::Night,
            },
        ))
    }
}
