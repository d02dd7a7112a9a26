//! The token-driven scanner: at each token, try the patterns that can start
//! there and keep the longest match. Every pattern is hand-written matching
//! over a few tokens (no regular expressions, no backtracking beyond a token
//! or two).

use super::lexicon::{self, Unit};
use super::resolve::{duration, Holiday, Rel, Sem, YearSpec};
use super::DateKind;
use crate::text::{Span, TokenKind};

/// One token as the scanner sees it.
pub(super) struct Tok<'a> {
    /// The token text, without a possessive `'s`.
    pub raw: &'a str,
    /// `raw` in lower case.
    pub low: String,
    pub kind: TokenKind,
    /// The span of `raw`.
    pub span: Span,
    /// It had a possessive `'s`.
    pub possessive: bool,
}

impl<'a> Tok<'a> {
    pub fn new(text: &'a str, span: Span, kind: TokenKind) -> Tok<'a> {
        let mut raw = span.of(text);
        let mut span = span;
        let mut possessive = false;
        if kind == TokenKind::Word && raw.len() > 2 && (raw.ends_with("'s") || raw.ends_with("’s"))
        {
            let cut = if raw.ends_with("'s") { 2 } else { 4 };
            raw = &raw[..raw.len() - cut];
            possessive = true;
            span = Span::new(span.start, span.end - cut);
        }
        // "2022:" (the tokenizer glues a colon to a number, for clock times).
        if kind == TokenKind::Number && raw.len() > 1 && raw.ends_with(':') {
            raw = &raw[..raw.len() - 1];
            span = Span::new(span.start, span.end - 1);
        }
        // "2022's": a number again once the possessive is gone.
        let kind = if kind == TokenKind::Word && raw.bytes().all(|b| b.is_ascii_digit()) {
            TokenKind::Number
        } else {
            kind
        };
        Tok {
            raw,
            low: raw.to_lowercase(),
            kind,
            possessive,
            span,
        }
    }

    fn cap(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A match: tokens `first..end`, what they mean, and a TimeML modifier.
#[derive(Debug)]
pub(super) struct Found {
    pub first: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<&'static str>,
}

type Hit = Option<(usize, Sem)>;

/// Scans the tokens of one paragraph. With `day_month`, a numeric date
/// "03/04/2022" is read day first (European); otherwise month first unless
/// the first number cannot be a month.
pub(super) fn scan(t: &[Tok], day_month: bool) -> Vec<Found> {
    let s = Scanner { t, day_month };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match s.match_at(i) {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

struct Scanner<'s, 'a> {
    t: &'s [Tok<'a>],
    day_month: bool,
}

fn day_number(s: &str) -> Option<u32> {
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

fn year_number(s: &str) -> Option<i32> {
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

/// A count: digits or number words. `None` inside means a vague count ("several").
fn count(s: &str) -> Option<Option<f64>> {
    if s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let clean: String = s.chars().filter(|&c| c != ',').collect();
        return clean.parse::<f64>().ok().map(Some);
    }
    if let Some(n) = lexicon::number_word(s) {
        return Some(Some(n));
    }
    lexicon::VAGUE_COUNTS.contains(&s).then_some(None)
}

const BEFORE_ARTICLE_UNIT: &[&str] = &[
    "for", "within", "over", "in", "after", "than", "about", "around", "nearly", "almost", "least",
    "past", "last", "once", "roughly", "only", "just",
];
const AFTER_UNIT: &[&str] = &["after", "before", "later", "earlier", "ago", "long", "of"];
const BEFORE_BARE_UNITS: &[&str] = &[
    "for", "within", "take", "takes", "took", "taking", "lasted", "lasting", "over", "spent",
    "just", "only", "mere", "in",
];

impl Scanner<'_, '_> {
    fn low(&self, j: usize) -> &str {
        self.t.get(j).map_or("", |t| t.low.as_str())
    }

    fn is(&self, j: usize, w: &str) -> bool {
        self.low(j) == w
    }

    fn any(&self, j: usize, ws: &[&str]) -> bool {
        ws.contains(&self.low(j))
    }

    fn cap(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(Tok::cap)
    }

    fn word(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn prev(&self, j: usize) -> &str {
        if j == 0 {
            ""
        } else {
            self.low(j - 1)
        }
    }

    /// Tokens `j` and `j + 1` touch (no space between them).
    fn touch(&self, j: usize) -> bool {
        match (self.t.get(j), self.t.get(j + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    fn year_at(&self, j: usize) -> Option<i32> {
        let t = self.t.get(j)?;
        (t.kind == TokenKind::Number)
            .then(|| year_number(&t.low))
            .flatten()
    }

    fn day_at(&self, j: usize) -> Option<u32> {
        let t = self.t.get(j)?;
        if t.low.contains([':', '.', ',']) {
            return None;
        }
        day_number(&t.low)
    }

    fn match_at(&self, i: usize) -> Option<Found> {
        if self.t[i].kind == TokenKind::Punct {
            return None;
        }
        let w = self.low(i);
        // "the end of March", "the beginning of next year".
        let (the, k) = if w == "the" {
            (true, i + 1)
        } else {
            (false, i)
        };
        let boundary = match self.low(k) {
            "end" => Some("END"),
            "beginning" | "start" => Some("START"),
            "middle" => Some("MID"),
            _ => None,
        };
        if let Some(md) = boundary {
            if self.is(k + 1, "of") && (the || i == k) {
                if let Some((end, sem)) = self.core(k + 2, true) {
                    return Some(found(i, end, sem, Some(md)));
                }
            }
        }
        // "early March", "late last year", "mid-2021", "the late 1990s".
        let md = match self.low(k) {
            "early" => Some("START"),
            "late" => Some("END"),
            "mid" => Some("MID"),
            _ => None,
        };
        if let Some(md) = md {
            let next = if self.is(k + 1, "-") && self.touch(k) {
                k + 2
            } else {
                k + 1
            };
            if let Some((end, sem)) = self.core(next, false) {
                let decade = matches!(sem, Sem::Decade(_) | Sem::Century(_));
                if !the || decade {
                    return Some(found(i, end, sem, Some(md)));
                }
            }
        }
        if matches!(w, "year-end" | "yearend") {
            return Some(found(i, i + 1, Sem::Year(YearSpec::Offset(0)), Some("END")));
        }
        if w == "midweek" {
            return Some(found(i, i + 1, Sem::WeekOffset(0), Some("MID")));
        }
        if let Some(rest) = w.strip_prefix("mid-") {
            if let Some(sem) = self.mid_word(rest) {
                return Some(found(i, i + 1, sem, Some("MID")));
            }
        }
        // "later in the day", "earlier that day".
        if matches!(w, "earlier" | "later") {
            let k = if self.is(i + 1, "in") && self.is(i + 2, "the") {
                i + 3
            } else if self.is(i + 1, "that") {
                i + 2
            } else {
                i
            };
            if k > i {
                let sem = match self.low(k) {
                    "day" => Sem::DayAfterRef(0),
                    "week" if k == i + 3 => Sem::WeekOffset(0),
                    "month" if k == i + 3 => Sem::MonthOffset(0),
                    "year" if k == i + 3 => Sem::Year(YearSpec::Offset(0)),
                    _ => {
                        return self
                            .core(i, false)
                            .map(|(end, sem)| found(i, end, sem, None))
                    }
                };
                return Some(found(i, k + 1, sem, None));
            }
        }
        // "earlier this month", "later this year".
        if matches!(w, "earlier" | "later") && self.any(i + 1, &["this", "today", "next", "last"]) {
            if let Some((end, sem)) = self.core(i + 1, false) {
                return Some(found(i, end, sem, None));
            }
        }
        self.core(i, false)
            .map(|(end, sem)| found(i, end, sem, None))
    }

    /// The longest plain expression starting at `j`. With `bounded`, also the
    /// bare "the year/month/week/century" that "the end of" may govern.
    fn core(&self, j: usize, bounded: bool) -> Hit {
        // No expression starts at punctuation.
        if self.t.get(j).is_none_or(|t| t.kind == TokenKind::Punct) {
            return None;
        }
        // The longest match wins; on a tie, the earlier (more specific) pattern.
        let tries: [Hit; 17] = [
            self.month_first(j),
            self.day_first(j),
            self.numeric(j),
            self.weekday(j),
            self.relative(j),
            self.night(j),
            self.holiday(j),
            self.holiday_weekend(j),
            self.unit_rel(j, bounded),
            self.quarter(j),
            self.year(j),
            self.foreign_rel(j),
            self.fiscal(j),
            self.time(j),
            self.set(j),
            self.reference(j),
            self.duration(j),
        ];
        tries
            .into_iter()
            .flatten()
            .filter(|(end, _)| *end > j)
            .fold(None, |best: Hit, hit| match best {
                Some((end, _)) if end >= hit.0 => best,
                _ => Some(hit),
            })
    }

    /// "mid-February", "mid-2021", "mid-1990s" (the part after "mid-").
    fn mid_word(&self, rest: &str) -> Option<Sem> {
        if rest == "week" {
            return Some(Sem::WeekOffset(0));
        }
        if let Some(m) = lexicon::month(rest).filter(|m| !m.needs_number) {
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
    fn month_first(&self, j: usize) -> Hit {
        let m = lexicon::month(self.low(j))?;
        // English names and abbreviations are capitalized; French and Spanish ones need not be.
        const ABBREVIATIONS: &[&str] = &[
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        ];
        let english = !m.needs_number || self.any(j, ABBREVIATIONS);
        if english && !self.cap(j) {
            return None;
        }
        // "the Mars 2020 mission": French and Spanish write months in lower case.
        if !english && m.ambiguous && self.cap(j) && j > 0 {
            return None;
        }
        let mut k = j + 1;
        if self.is(k, ".") && self.low(j).len() <= 4 {
            k += 1;
        }
        if let Some(d) = self.day_at(k) {
            if !self.is(k + 1, ":") {
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
                if d <= super::days_in_month(2000, m.month) {
                    return Some((
                        end,
                        Sem::Day {
                            year,
                            month: m.month,
                            day: d,
                        },
                    ));
                }
            }
        }
        let y = self
            .year_at(k)
            .or_else(|| self.is(k, "of").then(|| self.year_at(k + 1)).flatten());
        if let Some(y) = y {
            let end = if self.is(k, "of") { k + 2 } else { k + 1 };
            return Some((
                end,
                Sem::Month {
                    year: YearSpec::Given(y),
                    month: m.month,
                },
            ));
        }
        if m.needs_number {
            return None;
        }
        let prev = self.prev(j);
        let cued = lexicon::DATE_CUES.contains(&prev)
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
        ok.then_some((
            j + 1,
            Sem::Month {
                year: YearSpec::Infer,
                month: m.month,
            },
        ))
    }

    /// "19 March 2022", "2 December 2021", "19. März 2022", "3 de marzo de 2022", "19th of March".
    fn day_first(&self, j: usize) -> Hit {
        let d = self.day_at(j)?;
        let mut k = j + 1;
        if self.is(k, ".") {
            k += 1;
        }
        if self.any(k, &["de", "of"]) {
            k += 1;
        }
        let m = lexicon::month(self.low(k))?;
        if m.ambiguous && !m.needs_number && !self.cap(k) {
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
        (d <= super::days_in_month(2000, m.month)).then_some((
            end,
            Sem::Day {
                year,
                month: m.month,
                day: d,
            },
        ))
    }

    /// "2022-03-19", "19.03.2022", "3/19/2022".
    fn numeric(&self, j: usize) -> Hit {
        let t = self.t.get(j)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        if let Some(y) = year_number(&t.low) {
            if self.is(j + 1, "-") && self.is(j + 3, "-") && (j..j + 4).all(|x| self.touch(x)) {
                let m: u32 = self.low(j + 2).parse().ok()?;
                let d: u32 = self.low(j + 4).parse().ok()?;
                if self.low(j + 2).len() == 2 && self.low(j + 4).len() == 2 {
                    super::CalendarDate::new(y, m, d)?;
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
            super::CalendarDate::new(y, m, d)?;
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
            super::CalendarDate::new(y, m, d)?;
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

    /// "Saturday", "last Saturday", "Tuesday night", "Saturday, March 19".
    fn weekday(&self, j: usize) -> Hit {
        let (rel, k) = match self.low(j) {
            "this" if self.is(j + 1, "past") => (Rel::Last, j + 2),
            "last" | "past" => (Rel::Last, j + 1),
            "next" | "coming" => (Rel::Next, j + 1),
            "this" => (Rel::This, j + 1),
            _ => (Rel::Tense, j),
        };
        let (wd, english) = lexicon::weekday(self.low(k))?;
        if english {
            if !self.cap(k) {
                return None;
            }
            if k >= 1 && self.cap(k - 1) && self.any(k - 1, lexicon::WEEKDAY_NAME_BEFORE) {
                return None;
            }
            // "Mr. Sunday", "Ms Friday": a surname.
            let title = |i: usize| self.any(i, &["mr", "mrs", "ms", "dr", "judge", "sen", "rep"]);
            if k >= 1 && (title(k - 1) || (self.is(k - 1, ".") && k >= 2 && title(k - 2))) {
                return None;
            }
            if self.cap(k + 1) && self.any(k + 1, lexicon::WEEKDAY_NAME_AFTER) {
                return None;
            }
        } else if rel == Rel::Tense
            && self.cap(k)
            && !lexicon::FOREIGN_WEEKDAY_CUES.contains(&self.prev(k))
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
        let sem = Sem::Weekday { weekday: wd, rel };
        if let Some(code) = lexicon::part_of_day(self.low(k + 1)) {
            return Some((
                k + 2,
                Sem::PartOfDay {
                    base: Box::new(sem),
                    code,
                },
            ));
        }
        Some((k + 1, sem))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night".
    fn relative(&self, j: usize) -> Hit {
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
                            code: "NI",
                        },
                    )
                })
            }
            "this" => {
                let code = lexicon::part_of_day(self.low(j + 1)).filter(|c| *c != "NI")?;
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        base: Box::new(Sem::DayOffset(0)),
                        code,
                    },
                ));
            }
            "last" if self.is(j + 1, "night") => {
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        base: Box::new(Sem::DayOffset(-1)),
                        code: "NI",
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
            if let Some(code) = lexicon::part_of_day(self.low(j + 1)) {
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        base: Box::new(sem),
                        code,
                    },
                ));
            }
        }
        Some((j + 1, sem))
    }

    /// A capitalized word inside a name ("Russia Today", "USA Today").
    fn name_like(&self, j: usize) -> bool {
        self.cap(j)
            && j >= 1
            && self.cap(j - 1)
            && self.word(j - 1)
            && !self.any(j - 1, lexicon::DATE_CUES)
            || self.cap(j)
                && self.cap(j + 1)
                && self.word(j + 1)
                && j >= 1
                && self.word(j - 1)
                && !self.cap(j - 1)
    }

    /// "this week", "last month", "next year", "the weekend", "this summer",
    /// "the past decade" (a date; "the past three years" is a duration).
    fn unit_rel(&self, j: usize, bounded: bool) -> Hit {
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
        if let Some(code) = lexicon::season(w) {
            if the && self.is(k + 1, "of") {
                if let Some(y) = self.year_at(k + 2) {
                    return Some((
                        k + 3,
                        Sem::Season {
                            code,
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
                    code,
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
        let code = lexicon::season(w)?;
        if let Some(y) = self.year_at(j + 1) {
            return Some((
                j + 2,
                Sem::Season {
                    code,
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
                code,
                year: YearSpec::Infer,
                rel: 0,
            },
        ))
    }

    /// "the first quarter of 2020", "the second half of the year", "Q3 2021".
    fn quarter(&self, j: usize) -> Hit {
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
    fn year(&self, j: usize) -> Hit {
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
        let cued = lexicon::DATE_CUES.contains(&prev)
            || prev == "the"
            || self.t[j].possessive
            || (self.is(j + 1, "'") && self.is(j + 2, "s") && self.touch(j) && self.touch(j + 1))
            || (matches!(prev, "and" | "or" | "-" | "to")
                && j >= 2
                && self.year_at(j - 2).is_some());
        let next = self.low(j + 1);
        let counted = lexicon::unit(next).is_some()
            || matches!(next, "%" | "percent" | "per")
            || lexicon::COUNTED_NOUNS.contains(&next);
        (cued && !counted).then_some((j + 1, Sem::Year(YearSpec::Given(y))))
    }

    /// "three years", "20 to 50 days", "a two-week", "the past month", "hours after", "three days ago".
    fn duration(&self, j: usize) -> Hit {
        let w = self.low(j);
        // "the past two weeks", "the last year", "the coming days".
        if w == "the"
            && self.any(
                j + 1,
                &["past", "last", "next", "coming", "previous", "following"],
            )
        {
            let k = j + 2;
            if let Some((u, plural)) = lexicon::unit(self.low(k)) {
                let n = if plural { None } else { Some(1.0) };
                return Some((k + 1, lit(DateKind::Duration, duration(n, u))));
            }
            let (n, k2) = self.count_at(k)?;
            let (u, _) = lexicon::unit(self.low(k2))?;
            return Some((k2 + 1, lit(DateKind::Duration, duration(n, u))));
        }
        // "the whole day", "all day".
        if (w == "the" && self.any(j + 1, &["whole", "entire", "full"])) || w == "all" {
            let k = if w == "all" { j + 1 } else { j + 2 };
            if let Some((u, false)) = lexicon::unit(self.low(k)) {
                if u >= Unit::Day {
                    return Some((k + 1, lit(DateKind::Duration, duration(Some(1.0), u))));
                }
            }
            return None;
        }
        // "recent weeks".
        if w == "recent" {
            if let Some((_, true)) = lexicon::unit(self.low(j + 1)) {
                return Some((j + 2, lit(DateKind::Date, "PAST_REF".into())));
            }
            return None;
        }
        // Bare plural units: "for days", "hours after".
        if let Some((u, true)) = lexicon::unit(w) {
            if self.is(j + 1, "ago") {
                return Some((j + 2, Sem::Ago { n: None, unit: u }));
            }
            let prev = self.prev(j);
            if BEFORE_BARE_UNITS.contains(&prev) || self.any(j + 1, &AFTER_UNIT[..5]) {
                return Some((j + 1, lit(DateKind::Duration, duration(None, u))));
            }
            return None;
        }
        // "two-week", "20-year", "24-hour", "week-long", "decades-long".
        if let Some((a, b)) = w.split_once('-') {
            if let (Some(Some(n)), Some((u, false))) = (count(a), lexicon::unit(b)) {
                return Some((j + 1, lit(DateKind::Duration, duration(Some(n), u))));
            }
            if let (Some((u, plural)), "long") = (lexicon::unit(a), b) {
                let n = if plural { None } else { Some(1.0) };
                return Some((j + 1, lit(DateKind::Duration, duration(n, u))));
            }
            // "first-quarter" (results): this year's quarter.
            if let (Some(n), "quarter") = (lexicon::ordinal(a), b) {
                let year = YearSpec::Offset(0);
                return Some((
                    j + 1,
                    Sem::Quarter {
                        n,
                        half: false,
                        year,
                    },
                ));
            }
        }
        if let Some(u) = w.strip_suffix("long").and_then(lexicon::unit) {
            if matches!(u.0, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                let n = if u.1 { None } else { Some(1.0) };
                return Some((j + 1, lit(DateKind::Duration, duration(n, u.0))));
            }
        }
        let (n, k) = self.count_at(j)?;
        let article = matches!(w, "a" | "an");
        // "20 to 50 days"
        let mut range = None;
        let mut k = k;
        if self.any(k, &["to", "-", "or", "and"]) && n.is_some() {
            if let Some((Some(m), k2)) = self.count_at(k + 1) {
                if lexicon::unit(self.low(k2)).is_some() {
                    range = Some(m);
                    k = k2;
                }
            }
        }
        if self.is(k, "-") && self.touch(k - 1) {
            // "20-year"
            if let Some((u, false)) = lexicon::unit(self.low(k + 1)) {
                return Some((k + 2, lit(DateKind::Duration, duration(n, u))));
            }
        }
        let (u, _) = lexicon::unit(self.low(k))?;
        if self.is(k + 1, "ago") {
            return Some((k + 2, Sem::Ago { n, unit: u }));
        }
        // "an hour and 45 minutes", "two years and three months".
        if let (Some(n), None, true) = (n, range, self.is(k + 1, "and")) {
            if let Some((Some(m), k2)) = self.count_at(k + 2) {
                if let Some((u2, _)) = lexicon::unit(self.low(k2)).filter(|(u2, _)| *u2 < u) {
                    let value = compound(n, u, m, u2);
                    return Some((k2 + 1, lit(DateKind::Duration, value)));
                }
            }
        }
        if article {
            if u == Unit::Second {
                return None; // "for a second time"
            }
            let ok = BEFORE_ARTICLE_UNIT.contains(&self.prev(j)) || self.any(k + 1, AFTER_UNIT);
            if !ok {
                return None;
            }
        }
        let value = match range {
            Some(m) => format!("{}/{}", duration(n, u), duration(Some(m), u)),
            None => duration(n, u),
        };
        Some((k + 1, lit(DateKind::Duration, value)))
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
    fn set(&self, j: usize) -> Hit {
        let w = self.low(j);
        let value = match w {
            "daily" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "yearly" | "annually" | "annual" => Some("P1Y"),
            "quarterly" => Some("P3M"),
            "hourly" => Some("PT1H"),
            "nightly" => Some("XXXX-XX-XXTNI"),
            _ => None,
        };
        if let Some(v) = value {
            if self.cap(j) && j > 0 {
                return None; // "Daily Mail"
            }
            return Some((j + 1, lit(DateKind::Set, v.into())));
        }
        if w == "once" && self.any(j + 1, &["every", "each"]) {
            return self.set(j + 1);
        }
        if matches!(w, "every" | "each") {
            let k = j + 1;
            if let Some((wd, true)) = lexicon::weekday(self.low(k)) {
                return Some((k + 1, lit(DateKind::Set, format!("XXXX-WXX-{}", wd + 1))));
            }
            if let Some(code) = lexicon::part_of_day(self.low(k)) {
                return Some((k + 1, lit(DateKind::Set, format!("XXXX-XX-XXT{code}"))));
            }
            if self.is(k, "weekend") {
                return Some((k + 1, lit(DateKind::Set, "XXXX-WXX-WE".into())));
            }
            let (n, k) = match self.count_at(k) {
                Some((Some(n), k2)) if !self.any(k, &["a", "an"]) => (n, k2),
                _ => (1.0, k),
            };
            let (u, _) = lexicon::unit(self.low(k))?;
            return Some((k + 1, lit(DateKind::Set, duration(Some(n), u))));
        }
        // "once a week", "twice a year", "three times a day".
        let k = match w {
            "once" | "twice" | "thrice" => j + 1,
            _ if self.is(j + 1, "times") && count(w).is_some() => j + 2,
            _ => return None,
        };
        if self.any(k, &["a", "an", "per", "every", "each"]) {
            let (u, false) = lexicon::unit(self.low(k + 1))? else {
                return None;
            };
            return Some((k + 2, lit(DateKind::Set, duration(Some(1.0), u))));
        }
        None
    }

    /// "now", "currently", "recently", "the future", "the past", "these days".
    fn reference(&self, j: usize) -> Hit {
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

    /// "2:00 p.m. local time", "11 p.m.", "14:00 GMT", "noon", "14h30", "14 Uhr".
    fn time(&self, j: usize) -> Hit {
        let t = self.t.get(j)?;
        let w = t.low.as_str();
        if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && self.zone(j + 1) {
            let (hour, minute) = (w[..2].parse().ok()?, w[2..].parse().ok()?);
            if hour < 24 && minute < 60 {
                return Some((j + 2, Sem::Time { hour, minute }));
            }
        }
        let (mut hour, minute, mut k, mut explicit) = match w {
            "noon" | "midday" | "mediodía" => (12, 0, j + 1, true),
            "midnight" | "minuit" | "mitternacht" | "medianoche" => (24, 0, j + 1, true),
            _ => {
                let (h, m, ampm) = parse_clock(w)?;
                (h, m, j + 1, ampm.is_some() || w.contains('h'))
            }
        };
        if let Some((_, _, Some(pm))) = parse_clock(w) {
            hour = to_24(hour, pm)?;
        }
        if hour == 24 || (hour == 12 && !w.starts_with(|c: char| c.is_ascii_digit())) {
            // fine as it is
        } else if let Some(pm) = ampm(self.low(k)) {
            if hour > 12 {
                return None;
            }
            hour = to_24(hour, pm)?;
            k += 1;
            explicit = true;
        } else if self.is(k, "uhr") {
            k += 1;
            explicit = true;
        } else if !w.contains(':') && !w.contains('h') {
            return None;
        }
        // Time zones: "local time", "Moscow time", "GMT".
        if self.is(k + 1, "time") && (self.is(k, "local") || self.cap(k) && self.word(k)) {
            k += 2;
            explicit = true;
        } else if self.zone(k) {
            k += 1;
            explicit = true;
        }
        let cued = self.any(
            j.wrapping_sub(1),
            &[
                "at",
                "from",
                "until",
                "till",
                "by",
                "before",
                "after",
                "around",
                "about",
                "since",
                "to",
                "between",
                "and",
                "approximately",
                "ca",
                "um",
                "à",
                "a",
                "las",
            ],
        );
        if !(explicit || cued) || hour > 24 || minute > 59 {
            return None;
        }
        // "noon Friday", "8 p.m. Tuesday": the day right after it.
        if let Some((end, base @ (Sem::Weekday { .. } | Sem::DayOffset(_)))) =
            self.weekday(k).or_else(|| self.relative(k))
        {
            let base = Box::new(base);
            return Some((end, Sem::ClockOn { base, hour, minute }));
        }
        Some((k, Sem::Time { hour, minute }))
    }

    /// A time zone word: "GMT", "ET", "Eastern".
    fn zone(&self, k: usize) -> bool {
        self.any(k, lexicon::ZONES)
            && self.t.get(k).is_some_and(|t| {
                t.raw.chars().all(|c| c.is_ascii_uppercase()) || (t.cap() && t.raw.len() > 4)
            })
    }

    /// Christmas, New Year's Eve, May Day, Election Day, Easter, Thanksgiving, ...
    fn holiday(&self, j: usize) -> Hit {
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
    fn holiday_weekend(&self, j: usize) -> Hit {
        if !self.is(j, "the") {
            return None;
        }
        let (end, sem) = self.holiday(j + 1)?;
        let Sem::Holiday(h) = sem else { return None };
        self.is(end, "weekend")
            .then_some((end + 1, Sem::HolidayWeekend(h)))
    }

    /// "la semaine dernière", "letzte Woche", "el año pasado", "cette année".
    fn foreign_rel(&self, j: usize) -> Hit {
        let unit_sem = |w: &str, off: i64| -> Option<Sem> {
            Some(match w {
                "semaine" | "woche" | "semana" => Sem::WeekOffset(off),
                "mois" | "monat" | "mes" => Sem::MonthOffset(off),
                "année" | "an" | "jahr" | "año" => Sem::Year(YearSpec::Offset(off as i32)),
                _ => return None,
            })
        };
        let before = |w: &str| -> Option<i64> {
            Some(match w {
                "letzte" | "letzten" | "letztes" | "vergangene" | "vergangenen" | "vergangenes"
                | "vorige" | "vorigen" | "voriges" => -1,
                "nächste" | "nächsten" | "nächstes" | "kommende" | "kommenden" | "próximo"
                | "próxima" => 1,
                "diese" | "diesen" | "dieses" | "este" | "esta" | "cette" | "ce" => 0,
                _ => return None,
            })
        };
        let after = |w: &str| -> Option<i64> {
            Some(match w {
                "dernier" | "dernière" | "passé" | "passée" | "pasado" | "pasada" => -1,
                "prochain" | "prochaine" => 1,
                _ => return None,
            })
        };
        // "letzte Woche", "cette année", "el próximo año" (article included).
        let k = if self.any(j, &["el", "la", "le", "im", "am", "in"]) {
            j + 1
        } else {
            j
        };
        if let Some(off) = before(self.low(k)) {
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
        let unit_word = self.low(k).trim_start_matches("l'");
        let off = after(self.low(k + 1))?;
        if !art && unit_word == "an" {
            return None;
        }
        let sem = unit_sem(unit_word, off)?;
        Some((k + 2, sem))
    }

    /// "fiscal 2023", "fiscal year 2023": TimeML `FY2023`.
    fn fiscal(&self, j: usize) -> Hit {
        if !self.is(j, "fiscal") {
            return None;
        }
        let k = if self.is(j + 1, "year") { j + 2 } else { j + 1 };
        let y = self.year_at(k)?;
        Some((k + 1, lit(DateKind::Date, format!("FY{y:04}"))))
    }

    /// "overnight from Tuesday to Wednesday", "the night of Tuesday to Wednesday",
    /// "the next day", "the day before".
    fn night(&self, j: usize) -> Hit {
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
                            code: "NI",
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
                    code: "NI",
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
                code: "NI",
            },
        ))
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

fn found(first: usize, end: usize, sem: Sem, modifier: Option<&'static str>) -> Found {
    Found {
        first,
        end,
        sem,
        modifier,
    }
}

fn lit(kind: DateKind, value: String) -> Sem {
    Sem::Literal { kind, value }
}

/// "a.m." / "pm" -> Some(is_pm).
fn ampm(w: &str) -> Option<bool> {
    match w {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    }
}

fn to_24(hour: u32, pm: bool) -> Option<u32> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some(match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    })
}

/// "2:00", "14:30", "2", "2pm", "14h30", "14h": (hour, minute, am/pm glued on).
fn parse_clock(w: &str) -> Option<(u32, u32, Option<bool>)> {
    let (body, pm) = if let Some(b) = w.strip_suffix("pm") {
        (b, Some(true))
    } else if let Some(b) = w.strip_suffix("am") {
        (b, Some(false))
    } else {
        (w, None)
    };
    let (h, m) = if let Some((h, m)) = body.split_once(':') {
        if m.len() != 2 {
            return None;
        }
        (h, m)
    } else if let Some((h, m)) = body.split_once('h').filter(|_| pm.is_none()) {
        if !(m.is_empty() || m.len() == 2) {
            return None;
        }
        (h, if m.is_empty() { "00" } else { m })
    } else {
        (body, "00")
    };
    if h.is_empty()
        || h.len() > 2
        || !h.bytes().all(|b| b.is_ascii_digit())
        || !m.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((h.parse().ok()?, m.parse().ok()?, pm))
}
