//! The token-driven scanner: at each token, try the patterns that can start
//! there and keep the longest match. Every pattern is hand-written matching
//! over a few tokens (no regular expressions, no backtracking beyond a token
//! or two).
//!
//! | module | patterns |
//! | --- | --- |
//! | `calendar` | month and day names and numbers, numeric dates, years, decades, quarters, holidays |
//! | `days` | weekdays, today/yesterday, nights, "the next day" |
//! | `relative` | "last month", seasons, "la semaine dernière", "now", "the past" |
//! | `duration` | durations ("three years", "20 to 50 days") and sets ("every day") |
//! | `clock` | clock times ("2:00 p.m. local time", "noon", "14 Uhr") |
//! | `start` | the cheap test of whether any pattern may start at a token |

mod calendar;
mod clock;
mod days;
mod duration;
mod relative;
mod start;

use super::resolve::{Sem, YearSpec};
use super::DateKind;
use crate::text::{Lower, Span, TokenKind, Word};
use calendar::{day_number, year_number};

/// One token as the scanner sees it.
pub(super) struct Tok<'a> {
    /// The token text, without a possessive `'s`.
    pub raw: &'a str,
    /// `raw` in lower case.
    pub low: Lower<'a>,
    pub kind: TokenKind,
    /// The span of `raw`.
    pub span: Span,
    /// It had a possessive `'s`.
    pub possessive: bool,
}

impl<'a> Tok<'a> {
    #[cfg(test)]
    pub fn new(text: &'a str, span: Span, kind: TokenKind) -> Tok<'a> {
        Tok::read(text, None, span, kind)
    }

    /// The token of `word`, whose lower case it reuses when nothing is cut
    /// from it; `lowered` is the text with its ASCII lower-cased (see
    /// [`Lower::in_lowered`]), for a token that loses a possessive or colon.
    pub fn of_word(word: &Word<'a>, lowered: &'a str) -> Tok<'a> {
        let cut = Tok::cut(word.text, word.span, word.kind);
        let (raw, span, ..) = cut;
        let low = if raw.len() == word.text.len() {
            word.lower.clone()
        } else {
            Lower::in_lowered(raw, span, lowered)
        };
        Tok::of_cut(cut, low)
    }

    #[cfg(test)]
    fn read(text: &'a str, lower: Option<&'a str>, span: Span, kind: TokenKind) -> Tok<'a> {
        let cut = Tok::cut(span.of(text), span, kind);
        let (raw, span, ..) = cut;
        let low = match lower {
            Some(lower) => Lower::in_lowered(raw, span, lower),
            None => Lower::new(raw),
        };
        Tok::of_cut(cut, low)
    }

    /// The token of what [`Tok::cut`] left, with its lower case `low`.
    fn of_cut(
        (raw, span, kind, possessive): (&'a str, Span, TokenKind, bool),
        low: Lower<'a>,
    ) -> Tok<'a> {
        Tok {
            raw,
            low,
            kind,
            possessive,
            span,
        }
    }

    /// The token `raw` at `span` without a possessive `'s` or a colon glued
    /// to a number: its text, span and kind, and whether it had a possessive.
    fn cut(raw: &'a str, span: Span, kind: TokenKind) -> (&'a str, Span, TokenKind, bool) {
        let mut raw = raw;
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
        (raw, span, kind, possessive)
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
    pub modifier: Option<Modifier>,
}

/// TimeML's `mod` of an expression: which part of the period it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Modifier {
    /// "early March", "the beginning of next year".
    Start,
    /// "late last year", "the end of March".
    End,
    /// "mid-February", "the middle of the week".
    Mid,
}

impl Modifier {
    /// The TimeML value: `START`, `END`, `MID`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::End => "END",
            Modifier::Mid => "MID",
        }
    }
}

type Hit = Option<(usize, Sem)>;

/// Scans the tokens of one paragraph. With `day_month`, a numeric date
/// "03/04/2022" is read day first (European); otherwise month first unless
/// the first number cannot be a month.
pub(super) fn scan(t: &[Tok], day_month: bool) -> Vec<Found> {
    // Most tokens cannot start an expression: skip them without trying every pattern.
    scan_where(t, day_month, start::may_start_at)
}

/// [`scan`], trying the patterns only at the tokens where `may` says one may start.
fn scan_where(t: &[Tok], day_month: bool, may: impl Fn(&[Tok], usize) -> bool) -> Vec<Found> {
    let s = Scanner { t, day_month };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !may(t, i) {
            i += 1;
            continue;
        }
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

    /// The expression starting at token `i`, if any: a modified one ("the
    /// end of March", "early March", "mid-2021", "later that day") or a plain one.
    fn match_at(&self, i: usize) -> Option<Found> {
        if self.t[i].kind == TokenKind::Punct {
            return None;
        }
        self.part_of(i)
            .or_else(|| self.early_late_mid(i))
            .or_else(|| self.modified_word(i))
            .or_else(|| self.earlier_later(i))
            .or_else(|| {
                self.core(i, false)
                    .map(|(end, sem)| found(i, end, sem, None))
            })
    }

    /// `i` and the token after a "the" there.
    fn after_the(&self, i: usize) -> (bool, usize) {
        if self.is(i, "the") {
            (true, i + 1)
        } else {
            (false, i)
        }
    }

    /// "the end of March", "the beginning of next year", "middle of the week".
    fn part_of(&self, i: usize) -> Option<Found> {
        let (_, k) = self.after_the(i);
        let md = match self.low(k) {
            "end" => Modifier::End,
            "beginning" | "start" => Modifier::Start,
            "middle" => Modifier::Mid,
            _ => return None,
        };
        if !self.is(k + 1, "of") {
            return None;
        }
        let (end, sem) = self.core(k + 2, true)?;
        Some(found(i, end, sem, Some(md)))
    }

    /// "early March", "late last year", "mid-2021", "the late 1990s".
    fn early_late_mid(&self, i: usize) -> Option<Found> {
        let (the, k) = self.after_the(i);
        let md = match self.low(k) {
            "early" => Modifier::Start,
            "late" => Modifier::End,
            "mid" => Modifier::Mid,
            _ => return None,
        };
        let next = if self.is(k + 1, "-") && self.touch(k) {
            k + 2
        } else {
            k + 1
        };
        let (end, sem) = self.core(next, false)?;
        let decade = matches!(sem, Sem::Decade(_) | Sem::Century(_));
        (!the || decade).then(|| found(i, end, sem, Some(md)))
    }

    /// One word with its modifier: "year-end", "midweek", "mid-February".
    fn modified_word(&self, i: usize) -> Option<Found> {
        let w = self.low(i);
        if matches!(w, "year-end" | "yearend") {
            let sem = Sem::Year(YearSpec::Offset(0));
            return Some(found(i, i + 1, sem, Some(Modifier::End)));
        }
        if w == "midweek" {
            return Some(found(i, i + 1, Sem::WeekOffset(0), Some(Modifier::Mid)));
        }
        let sem = self.mid_word(w.strip_prefix("mid-")?)?;
        Some(found(i, i + 1, sem, Some(Modifier::Mid)))
    }

    /// "later in the day", "earlier that day", "earlier this month", "later this year".
    fn earlier_later(&self, i: usize) -> Option<Found> {
        if !matches!(self.low(i), "earlier" | "later") {
            return None;
        }
        let k = if self.is(i + 1, "in") && self.is(i + 2, "the") {
            i + 3
        } else if self.is(i + 1, "that") {
            i + 2
        } else {
            let (end, sem) = self
                .any(i + 1, &["this", "today", "next", "last"])
                .then(|| self.core(i + 1, false))??;
            return Some(found(i, end, sem, None));
        };
        let sem = match self.low(k) {
            "day" => Sem::DayAfterRef(0),
            "week" if k == i + 3 => Sem::WeekOffset(0),
            "month" if k == i + 3 => Sem::MonthOffset(0),
            "year" if k == i + 3 => Sem::Year(YearSpec::Offset(0)),
            _ => return None,
        };
        Some(found(i, k + 1, sem, None))
    }

    /// The longest plain expression starting at `j`. With `bounded`, also the
    /// bare "the year/month/week/century" that "the end of" may govern.
    fn core(&self, j: usize, bounded: bool) -> Hit {
        let t = self.t.get(j)?;
        // No expression starts at punctuation.
        if t.kind == TokenKind::Punct {
            return None;
        }
        let mut best = None;
        self.tries(j, bounded, Some(Lead::of(t)), |hit| {
            keep_longest(j, &mut best, hit)
        });
        best
    }

    /// What each pattern finds at `j`, handed to `each` in order of
    /// preference (one at a time: the hits are many and seldom kept). Given
    /// the kind of token at `j` (`lead`), the patterns that cannot start at
    /// such a token are not tried; without it, every pattern is.
    fn tries(&self, j: usize, bounded: bool, lead: Option<Lead>, mut each: impl FnMut(Hit)) {
        let may = |needs: Lead| lead.is_none_or(|l| l.fits(needs));
        let (letter, digit, number) = (may(Lead::Letter), may(Lead::Digit), may(Lead::Number));
        each(letter.then(|| self.month_first(j)).flatten());
        each(digit.then(|| self.day_first(j)).flatten());
        each(number.then(|| self.numeric(j)).flatten());
        each(letter.then(|| self.weekday(j)).flatten());
        each(letter.then(|| self.relative(j)).flatten());
        each(letter.then(|| self.night(j)).flatten());
        each(letter.then(|| self.holiday(j)).flatten());
        each(letter.then(|| self.holiday_weekend(j)).flatten());
        each(letter.then(|| self.unit_rel(j, bounded)).flatten());
        each(self.quarter(j));
        each(self.year(j));
        each(self.foreign_rel(j));
        each(letter.then(|| self.fiscal(j)).flatten());
        each(self.time(j));
        each(self.set(j));
        each(letter.then(|| self.reference(j)).flatten());
        each(self.duration(j));
    }
}

/// The kind of token an expression starts at, as far as the patterns tell
/// them apart: a pattern that starts with a word of its lists or of its code
/// (none of which begins with a digit) needs a [`Lead::Letter`] token; one
/// that reads a day number ("19", "1st") needs a token that begins with a
/// digit; a numeric date needs a number token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lead {
    /// A token whose first character is not an ASCII digit.
    Letter,
    /// A word whose first character is an ASCII digit ("19th", "2pm").
    Digit,
    /// A number token ("19", "2022", "03/04/2022").
    Number,
}

impl Lead {
    fn of(t: &Tok) -> Lead {
        if t.kind == TokenKind::Number {
            Lead::Number
        } else if t.low.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            Lead::Digit
        } else {
            Lead::Letter
        }
    }

    /// Whether a pattern that needs `needs` may start at a token of this kind.
    fn fits(self, needs: Lead) -> bool {
        match needs {
            Lead::Letter => self == Lead::Letter,
            Lead::Digit => self != Lead::Letter,
            Lead::Number => self == Lead::Number,
        }
    }
}

/// Keeps in `best` the longest of the hits past `j`, `hit` given after
/// those in it; on a tie, the earlier (more specific) pattern.
fn keep_longest(j: usize, best: &mut Hit, hit: Hit) {
    let Some((end, _)) = hit else {
        return;
    };
    if end > j && best.as_ref().is_none_or(|(kept, _)| end > *kept) {
        *best = hit;
    }
}

fn found(first: usize, end: usize, sem: Sem, modifier: Option<Modifier>) -> Found {
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
