//! Figures that count nothing: times, years, days of a month, numbers in
//! names and labels, numbers glued to words, ages in apposition. One rule
//! each; a figure is excluded when any of them holds.

use super::figure::Figure;
use super::words::{
    is_clock_word, is_count_opener, is_noun_phrase_stop, is_number_label, is_year_cue,
};
use crate::extract::dates::{is_english_weekday, is_month_name};
use crate::extract::Doc;
use crate::text::{TokenKind, Word};

/// A figure and its surroundings, as the rules see it.
struct Candidate<'c, 'a> {
    doc: &'c Doc<'a>,
    w: &'c [Word<'a>],
    f: &'c Figure,
    /// Whether a hedge or a range qualifies the figure.
    hedged: bool,
}

impl<'c, 'a> Candidate<'c, 'a> {
    fn first(&self) -> &'c Word<'a> {
        &self.w[self.f.start]
    }
    fn prev(&self) -> Option<&'c Word<'a>> {
        self.f.start.checked_sub(1).map(|p| &self.w[p])
    }
    fn next(&self) -> Option<&'c Word<'a>> {
        self.w.get(self.f.end)
    }
    /// A bare number in digits: no hedge and no unit of its own.
    fn bare_digits(&self) -> bool {
        self.f.digits && !self.hedged && self.f.unit.is_none()
    }
}

type Rule = fn(&Candidate) -> bool;

/// The rules, in the order they are tried.
const RULES: [Rule; 7] = [
    is_clock_time,
    is_glued_to_a_word,
    is_next_to_a_month,
    is_a_year,
    is_in_a_name,
    is_a_label,
    is_an_age_in_apposition,
];

/// Whether a figure is no count: a year, a day of a month, a time, a number
/// in a name or glued to a word.
pub(super) fn is_excluded(doc: &Doc, w: &[Word], f: &Figure, hedged: bool) -> bool {
    let c = Candidate { doc, w, f, hedged };
    RULES.iter().any(|rule| rule(&c))
}

/// "2:00", "2 p.m.", "14 Uhr", "10 GMT".
fn is_clock_time(c: &Candidate) -> bool {
    c.first().text.contains(':') || c.next().is_some_and(|n| is_clock_word(&n.lower))
}

/// Digits glued to the word before or after: "site-64", "-124", "COVID-19",
/// "1/2", "A350" (but "600m").
fn is_glued_to_a_word(c: &Candidate) -> bool {
    if !c.f.digits {
        return false;
    }
    let text = c.doc.text;
    let before = text[..c.first().span.start].chars().next_back();
    let glued_before =
        before.is_some_and(|b| b.is_alphanumeric() || b == '-' || b == '#' || b == '/' || b == '.');
    let after = text[c.w[c.f.end - 1].span.end..].chars().next();
    let glued_after = after.is_some_and(|a| a == '/' || a.is_alphabetic() && a != 'm');
    glued_before || glued_after
}

/// A day next to a month name: "March 19", "11 February".
fn is_next_to_a_month(c: &Candidate) -> bool {
    c.f.digits
        && (c.prev().is_some_and(|p| is_month_name(&p.lower))
            || c.next().is_some_and(|n| is_month_name(&n.lower)))
}

/// A year: four digits from 1800 to 2100 that count nothing after them, or
/// that follow "in", "since", "summer"...
fn is_a_year(c: &Candidate) -> bool {
    let t = c.first();
    let int = t.text.bytes().all(|b| b.is_ascii_digit());
    if !(c.f.digits
        && int
        && t.text.len() == 4
        && (1800.0..=2100.0).contains(&c.f.low)
        && c.f.unit.is_none())
    {
        return false;
    }
    let counts_next = c.next().is_some_and(|n| {
        n.kind == TokenKind::Word && !n.starts_upper() && !is_noun_phrase_stop(&n.lower)
    });
    !counts_next || c.prev().is_some_and(|p| is_year_cue(&p.lower))
}

/// A number after a capitalized word is part of a name: "Resolution 2231",
/// "iPhone 15"; but "Only 12 people", "All 298", "Monday 5", and not digits
/// grouped by spaces ("Задержаны 1 500 человек").
fn is_in_a_name(c: &Candidate) -> bool {
    c.bare_digits()
        && c.f.end == c.f.start + 1
        && c.prev().is_some_and(|p| {
            p.kind == TokenKind::Word
                && p.text.chars().any(char::is_uppercase)
                && !is_english_weekday(&p.lower)
                && !is_count_opener(&p.lower)
        })
}

/// A label: "page 3", "Flight 370", "No. 5".
fn is_a_label(c: &Candidate) -> bool {
    c.bare_digits() && c.prev().is_some_and(|p| is_number_label(&p.lower))
}

/// An age in apposition: "Smith, 45, said".
fn is_an_age_in_apposition(c: &Candidate) -> bool {
    c.bare_digits()
        && c.prev().is_some_and(|p| p.text == ",")
        && c.f.start >= 2
        && c.w[c.f.start - 2].starts_upper()
        && c.next().is_some_and(|n| n.text == "," || n.text == ".")
        && c.f.low < 120.0
}
