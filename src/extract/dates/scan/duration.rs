//! Durations ("three years", "20 to 50 days", "a two-week", "the past
//! month", "three days ago") and sets ("every day", "twice a year").

use super::super::lexicon::{self, Unit, UnitWord};
use super::super::resolve::{duration, Sem, YearSpec};
use super::{lit, Hit, Scanner};
use crate::extract::dates::DateKind;
use crate::text::TokenKind;

/// A count: digits or number words. `None` inside means a vague count ("several").
pub(super) fn count(s: &str) -> Option<Option<f64>> {
    if s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        // Most counts ("12", "250") have no thousands comma to take out:
        // read in place, without a copy.
        if !s.contains(',') {
            return s.parse::<f64>().ok().map(Some);
        }
        let clean: String = s.chars().filter(|&c| c != ',').collect();
        return clean.parse::<f64>().ok().map(Some);
    }
    if let Some(n) = lexicon::number_word(s) {
        return Some(Some(n));
    }
    lexicon::VAGUE_COUNTS.contains(&s).then_some(None)
}

/// Words after "a day", "an hour" that make it a duration ("a day later",
/// "an hour long"); the first five also after a bare plural ("hours after").
const AFTER_UNIT: &[&str] = &["after", "before", "later", "earlier", "ago", "long", "of"];

/// A duration literal of `n` units (`None`: an unknown number).
fn span_of(n: Option<f64>, u: Unit) -> Sem {
    lit(DateKind::Duration, duration(n, u))
}

impl Scanner<'_, '_> {
    /// "three years", "20 to 50 days", "a two-week", "the past month", "hours after", "three days ago".
    pub(super) fn duration(&self, j: usize) -> Hit {
        self.the_past_units(j)
            .or_else(|| self.whole_unit(j))
            .or_else(|| self.recent_units(j))
            .or_else(|| self.bare_plural_unit(j))
            .or_else(|| self.hyphenated_unit(j))
            .or_else(|| self.long_unit(j))
            .or_else(|| self.counted_units(j))
    }

    /// "the past two weeks", "the last year", "the coming days".
    fn the_past_units(&self, j: usize) -> Hit {
        let past = ["past", "last", "next", "coming", "previous", "following"];
        if !(self.is(j, "the") && self.any(j + 1, &past)) {
            return None;
        }
        let k = j + 2;
        if let Some(u) = lexicon::unit(self.low(k)) {
            let n = if u.plural { None } else { Some(1.0) };
            return Some((k + 1, span_of(n, u.unit)));
        }
        let (n, k2) = self.count_at(k)?;
        let u = lexicon::unit(self.low(k2))?;
        Some((k2 + 1, span_of(n, u.unit)))
    }

    /// "the whole day", "all day".
    fn whole_unit(&self, j: usize) -> Hit {
        let k = if self.is(j, "all") {
            j + 1
        } else if self.is(j, "the") && self.any(j + 1, &["whole", "entire", "full"]) {
            j + 2
        } else {
            return None;
        };
        let u = lexicon::unit(self.low(k)).filter(|u| !u.plural && u.unit >= Unit::Day)?;
        Some((k + 1, span_of(Some(1.0), u.unit)))
    }

    /// "recent weeks": the past.
    fn recent_units(&self, j: usize) -> Hit {
        let plural = lexicon::unit(self.low(j + 1)).is_some_and(|u| u.plural);
        (self.is(j, "recent") && plural).then(|| (j + 2, lit(DateKind::Date, "PAST_REF".into())))
    }

    /// Bare plural units: "for days", "hours after", "weeks ago".
    fn bare_plural_unit(&self, j: usize) -> Hit {
        let u = lexicon::unit(self.low(j)).filter(|u| u.plural)?.unit;
        if self.is(j + 1, "ago") {
            return Some((j + 2, Sem::Ago { n: None, unit: u }));
        }
        let cued = lexicon::is_before_bare_units(self.prev(j)) || self.any(j + 1, &AFTER_UNIT[..5]);
        cued.then(|| (j + 1, span_of(None, u)))
    }

    /// "two-week", "20-year", "24-hour", "week-long", "decades-long", "first-quarter".
    fn hyphenated_unit(&self, j: usize) -> Hit {
        let (a, b) = lexicon::split_at_hyphen(self.low(j))?;
        if let (Some(Some(n)), Some(u)) = (count(a), lexicon::unit(b)) {
            if !u.plural {
                return Some((j + 1, span_of(Some(n), u.unit)));
            }
        }
        if let (Some(u), "long") = (lexicon::unit(a), b) {
            let n = if u.plural { None } else { Some(1.0) };
            return Some((j + 1, span_of(n, u.unit)));
        }
        // "first-quarter" (results): this year's quarter.
        let n = lexicon::ordinal(a).filter(|_| b == "quarter")?;
        let year = YearSpec::Offset(0);
        let sem = Sem::Quarter {
            n,
            half: false,
            year,
        };
        Some((j + 1, sem))
    }

    /// "weeklong", "monthslong".
    fn long_unit(&self, j: usize) -> Hit {
        let u = self.low(j).strip_suffix("long").and_then(lexicon::unit)?;
        if !matches!(u.unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
            return None;
        }
        let n = if u.plural { None } else { Some(1.0) };
        Some((j + 1, span_of(n, u.unit)))
    }

    /// A count and a unit: "three years", "20 to 50 days", "a 20-year",
    /// "three days ago", "an hour and 45 minutes", "for a week".
    fn counted_units(&self, j: usize) -> Hit {
        let (n, k) = self.count_at(j)?;
        let (range, k) = self.range_end(n, k);
        if self.is(k, "-") && self.touch(k - 1) {
            // "20-year"
            if let Some(u) = lexicon::unit(self.low(k + 1)).filter(|u| !u.plural) {
                return Some((k + 2, span_of(n, u.unit)));
            }
        }
        let u = lexicon::unit(self.low(k))?.unit;
        if self.is(k + 1, "ago") {
            return Some((k + 2, Sem::Ago { n, unit: u }));
        }
        if let (Some(n), None) = (n, range) {
            if let Some(hit) = self.and_smaller_unit(n, u, k) {
                return Some(hit);
            }
        }
        if matches!(self.low(j), "a" | "an") && !self.article_unit_is_duration(j, k, u) {
            return None;
        }
        let value = match range {
            Some(m) => format!("{}/{}", duration(n, u), duration(Some(m), u)),
            None => duration(n, u),
        };
        Some((k + 1, lit(DateKind::Duration, value)))
    }

    /// "20 to 50 days": the second count and the unit's index, when the
    /// count `n` ending before `k` opens a range.
    fn range_end(&self, n: Option<f64>, k: usize) -> (Option<f64>, usize) {
        if self.any(k, &["to", "-", "or", "and"]) && n.is_some() {
            if let Some((Some(m), k2)) = self.count_at(k + 1) {
                if lexicon::unit(self.low(k2)).is_some() {
                    return (Some(m), k2);
                }
            }
        }
        (None, k)
    }

    /// "an hour and 45 minutes", "two years and three months": `n` units `u`
    /// at `k`, then "and" a count of a smaller unit.
    fn and_smaller_unit(&self, n: f64, u: Unit, k: usize) -> Hit {
        if !self.is(k + 1, "and") {
            return None;
        }
        let (Some(m), k2) = self.count_at(k + 2)? else {
            return None;
        };
        let u2 = lexicon::unit(self.low(k2)).filter(|u2| u2.unit < u)?.unit;
        Some((k2 + 1, lit(DateKind::Duration, compound(n, u, m, u2))))
    }

    /// Whether "a"/"an" at `j` and the unit `u` at `k` make a duration: after
    /// "for", "within", "about"... or before "later", "ago", "long"...; not "a
    /// second time".
    fn article_unit_is_duration(&self, j: usize, k: usize, u: Unit) -> bool {
        u != Unit::Second
            && (lexicon::is_before_article_unit(self.prev(j)) || self.any(k + 1, AFTER_UNIT))
    }

    /// A count at `j` and the index after it: "three", "20", "a", "a few", "several".
    fn count_at(&self, j: usize) -> Option<(Option<f64>, usize)> {
        let w = self.low(j);
        if matches!(w, "a" | "an") {
            if self.any(j + 1, &["few", "couple"]) {
                let k = if self.is(j + 2, "of") { j + 3 } else { j + 2 };
                return Some((None, k));
            }
            if self.is(j + 1, "dozen") {
                return Some((Some(12.0), j + 2));
            }
            return Some((Some(1.0), j + 1));
        }
        let t = self.t.get(j)?;
        if t.kind == TokenKind::Number && t.low.contains(':') {
            return None;
        }
        let n = count(w)?;
        let k = if w == "couple" && self.is(j + 1, "of") {
            j + 2
        } else {
            j + 1
        };
        Some((n, k))
    }

    /// "every day", "each year", "every Saturday", "daily", "twice a year".
    pub(super) fn set(&self, j: usize) -> Hit {
        if self.is(j, "once") && self.any(j + 1, &["every", "each"]) {
            return self.set(j + 1);
        }
        self.adverb_set(j)
            .or_else(|| self.every(j))
            .or_else(|| self.times_a(j))
    }

    /// "daily", "weekly", "annually", "nightly" (not "Daily Mail").
    fn adverb_set(&self, j: usize) -> Hit {
        let value = match self.low(j) {
            "daily" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "yearly" | "annually" | "annual" => "P1Y",
            "quarterly" => "P3M",
            "hourly" => "PT1H",
            "nightly" => "XXXX-XX-XXTNI",
            _ => return None,
        };
        (!(self.cap(j) && j > 0)).then(|| (j + 1, lit(DateKind::Set, value.into())))
    }

    /// "every Saturday", "each morning", "every weekend", "every two weeks".
    fn every(&self, j: usize) -> Hit {
        if !self.any(j, &["every", "each"]) {
            return None;
        }
        let k = j + 1;
        if let Some(day) = lexicon::weekday(self.low(k)).filter(|d| d.english) {
            let value = format!("XXXX-WXX-{}", day.weekday + 1);
            return Some((k + 1, lit(DateKind::Set, value)));
        }
        if let Some(part) = lexicon::part_of_day(self.low(k)) {
            let value = format!("XXXX-XX-XXT{}", part.code());
            return Some((k + 1, lit(DateKind::Set, value)));
        }
        if self.is(k, "weekend") {
            return Some((k + 1, lit(DateKind::Set, "XXXX-WXX-WE".into())));
        }
        let (n, k) = match self.count_at(k) {
            Some((Some(n), k2)) if !self.any(k, &["a", "an"]) => (n, k2),
            _ => (1.0, k),
        };
        let u = lexicon::unit(self.low(k))?.unit;
        Some((k + 1, lit(DateKind::Set, duration(Some(n), u))))
    }

    /// "once a week", "twice a year", "three times a day".
    fn times_a(&self, j: usize) -> Hit {
        let w = self.low(j);
        let k = match w {
            "once" | "twice" | "thrice" => j + 1,
            _ if self.is(j + 1, "times") && count(w).is_some() => j + 2,
            _ => return None,
        };
        if !self.any(k, &["a", "an", "per", "every", "each"]) {
            return None;
        }
        let UnitWord {
            unit,
            plural: false,
        } = lexicon::unit(self.low(k + 1))?
        else {
            return None;
        };
        Some((k + 2, lit(DateKind::Set, duration(Some(1.0), unit))))
    }
}

/// Two units of one duration: `PT1H45M`, `P2Y3M`, `P1DT5H`.
fn compound(n: f64, u: Unit, m: f64, u2: Unit) -> String {
    let part = |x: f64, u: Unit| {
        let v = duration(Some(x), u);
        v.trim_start_matches('P')
            .trim_start_matches('T')
            .to_string()
    };
    match (u.designator().1, u2.designator().1) {
        (true, true) => format!("PT{}{}", part(n, u), part(m, u2)),
        (false, false) => format!("P{}{}", part(n, u), part(m, u2)),
        _ => format!("P{}T{}", part(n, u), part(m, u2)),
    }
}
