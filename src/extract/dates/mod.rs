//! Temporal expressions with normalized values (TimeML TIMEX3 style).
//!
//! | type | what |
//! | --- | --- |
//! | [`CalendarDate`] | a day of the Gregorian calendar, with day arithmetic |
//! | [`DateKind`] | DATE, TIME, DURATION or SET |
//! | [`DateMention`] | a span of the analysis text, its kind, value and modifier |
//! | [`extract`] | finds them in a [`Doc`], anchored to `doc.anchor` |
//!
//! ```
//! use storydiff::extract::{dates, CalendarDate, Doc};
//! use storydiff::text::segment;
//! let text = "Activists said Saturday they were refused. The ministry last month signaled neutrality.";
//! let seg = segment(text);
//! let doc = Doc { text, seg: &seg, anchor: CalendarDate::new(2022, 3, 19), language: Some("en") };
//! let found: Vec<(&str, String)> = dates(&doc)
//!     .iter()
//!     .map(|d| (d.span.of(text), d.value.clone()))
//!     .collect();
//! assert_eq!(found, [("Saturday", "2022-03-19".to_string()), ("last month", "2022-02".to_string())]);
//! ```
//!
//! # Design
//!
//! A token-driven scanner (`scan`) walks each paragraph's tokens and, at each
//! one, tries a dozen small hand-written patterns over the next few tokens
//! (no regular expressions), keeping the longest match. A match carries what it
//! means (`Sem`: "the Saturday before or after the anchor", "the month before
//! the anchor's", "three years"); `resolve` turns that into a value using the
//! anchor, the tense of the sentence and the last day the text spoke of. The
//! word lists live in `data/words/dates/` (read through `lexicon`), written
//! by hand: English, with French, German and Spanish month and weekday names,
//! numbers to ten, units and "last/next week/month/year".
//!
//! Names are not dates: "Russia Today", "a march against", "May" as a modal
//! verb or a surname, "Bloody Sunday", "The Sunday Times", "Santo Domingo",
//! "Mar" without a day number.
//!
//! Value conventions (TimeML): `2022-03-19`, `2022-03`, `2022`, `2022-W11`,
//! `2022-W10-WE` (a weekend), `2022-Q1`, `2022-SU` (a season), `199` (the
//! 1990s), `20` (the 21st century), `2022-03-19T14:00` (a clock time on a known
//! day), `2022-01-04TNI` (a part of day: `MO`, `AF`, `EV`, `NI`), durations
//! `P3Y`, `PT6H`, `PXD` (an unknown number of days) and ranges `P20D/P50D`
//! ("20 to 50 days"), sets `P1D` ("every day") and `XXXX-WXX-6` ("every
//! Saturday"), and `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`. Without an anchor,
//! the unknown parts are `X`: `XXXX-03-19`, `XXXX-WXX-6`, `XXXX-XX-XXT14:00`.
//! "early", "late" and "mid-" keep the value of what they modify and set
//! [`DateMention::modifier`] (`START`, `END`, `MID`). Spans leave out
//! prepositions and hedges ("on", "since", "about") but keep "the", "last",
//! "early", "ago". "two days after the vote" and "four days later" give the
//! DURATION "two days" / "four days" (the anchor is another event); "three
//! years ago" is the DATE `2019`. Holidays with fixed rules (Christmas, New
//! Year's Day/Eve, Easter, Good Friday, US Election Day, Labor Day, Memorial
//! Day, Thanksgiving, Black Friday, ...) resolve to their day.
//!
//! Weekdays and month days without a year are placed by tense: the nearest
//! tense marker before the expression in its sentence (else after it). In the
//! past (or with no marker) "on Saturday" is the Saturday on or before the
//! anchor; with "will", "would", "expected to", "returns", ... it is the one on
//! or after it; "last"/"next" say so themselves. A clock time takes the day
//! named nearest in its sentence, else the last day named before, else the anchor.

mod lexicon;
mod resolve;
mod scan;

pub(super) use lexicon::{is_english_weekday, is_month_name};

use super::Doc;
use crate::text::{Span, Word, Words};
use lexicon::Marker;
use resolve::Tense;
use scan::Tok;
use serde::{Deserialize, Serialize};

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CalendarDate {
    /// The year (astronomical numbering: 0 is 1 BC).
    pub year: i32,
    /// 1 = January .. 12 = December.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl CalendarDate {
    /// The day, if it exists ("2022-02-30" does not).
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

    /// The day `z` days after 1970-01-01 (the inverse of [`days`](CalendarDate::days)).
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

    /// The day `n` days later (earlier when `n` is negative).
    pub fn add_days(&self, n: i64) -> CalendarDate {
        CalendarDate::from_days(self.days() + n)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The number of days of a month (0 for a month that is not 1 to 12).
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DateKind {
    /// A day, month, year, week... ("March 19", "last year").
    Date,
    /// A time of day, or a part of one ("2 p.m.", "Tuesday night").
    Time,
    /// An amount of time ("three years").
    Duration,
    /// A recurring time ("every Saturday", "daily").
    Set,
}

/// A temporal expression and its normalized value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression in the analysis text.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: DateKind,
    /// ISO 8601 / TimeML value: `2022-03-19`, `2022-03`, `2022-W11`,
    /// `2022-03-19T14:00`, `P3D`, `PRESENT_REF`, `XXXX-03-19` when the year is unknown.
    pub value: String,
    /// TimeML `mod`: `START` ("early March"), `END` ("late last year"), `MID` ("mid-February").
    // Written even when empty: the page's worker pool packs articles with bincode, which
    // reads every field in order.
    #[serde(default, deserialize_with = "crate::text::interned::static_str_opt")]
    pub modifier: Option<crate::text::interned::StaticStr>,
}

impl DateMention {
    /// The day it names, when its value is a full date (`2022-03-19`, also
    /// with a time or part of day after it).
    pub fn day(&self) -> Option<CalendarDate> {
        self.value.get(..10).and_then(CalendarDate::parse_iso)
    }
}

/// Finds temporal expressions in `doc`, resolving relative ones against `doc.anchor`.
pub fn extract(doc: &Doc) -> Vec<DateMention> {
    let lowered = doc.text.to_ascii_lowercase();
    extract_in(
        doc,
        &Words::in_lowered(doc.text, &lowered, doc.seg),
        &lowered,
    )
}

/// [`extract`], reading the tokens of `doc` from `words`, its word view
/// made with `lowered` (the text with its ASCII lower-cased), which the
/// quantities and quotes read too.
pub(crate) fn extract_in<'a>(doc: &Doc, words: &[Word<'a>], lowered: &'a str) -> Vec<DateMention> {
    let mut out = Vec::new();
    // The last day the text spoke of, for "the next day" and clock times.
    let mut reference: Option<CalendarDate> = None;
    let seg = doc.seg;
    // Numeric dates are day first except in English ("03/04/2022").
    let day_month = doc.language.is_some_and(|l| !l.starts_with("en"));
    // Scan a paragraph at a time: a few dates straddle a sentence break that
    // the segmenter had to guess ("am 19. März", "5:50 a.m. Moscow time").
    let mut s = 0;
    // One list of tokens, refilled for each paragraph.
    let mut toks: Vec<Tok> = Vec::new();
    while s < seg.sentences.len() {
        let para = seg.sentences[s].paragraph;
        let mut e = s;
        while e < seg.sentences.len() && seg.sentences[e].paragraph == para {
            e += 1;
        }
        let (t0, t1) = (seg.sentences[s].first_token, seg.sentences[e - 1].end_token);
        s = e;
        toks.clear();
        toks.extend(words[t0..t1].iter().map(|w| Tok::of_word(w, lowered)));
        let found = scan::scan(&toks, day_month);
        if found.is_empty() {
            continue;
        }
        let sentence = soft_sentences(&toks, &seg.tokens[t0..t1]);
        let mut markers = Markers::new(&toks);
        // Days first (clock times look for the day nearest them), in order.
        let mut resolved: Vec<Option<resolve::Resolved>> = Vec::with_capacity(found.len());
        let mut days: Vec<(usize, usize, CalendarDate)> = Vec::new();
        for f in &found {
            if matches!(f.sem, resolve::Sem::Time { .. }) {
                resolved.push(None);
                continue;
            }
            let tense = tense_at(&mut markers, &sentence, f.first, f.end);
            let r = resolve::resolve(&f.sem, doc.anchor, tense, reference);
            if let Some(d) = r.day {
                days.push((sentence[f.first], f.first, d));
                reference = Some(d);
            }
            resolved.push(Some(r));
        }
        for (f, r) in found.iter().zip(resolved) {
            let r = r.unwrap_or_else(|| {
                let here = sentence[f.first];
                let near = days
                    .iter()
                    .filter(|(s, _, _)| *s == here)
                    .min_by_key(|(_, at, _)| at.abs_diff(f.first))
                    .map(|&(_, _, d)| d);
                let before = days
                    .iter()
                    .rev()
                    .find(|(_, at, _)| *at < f.first)
                    .map(|&(_, _, d)| d);
                let day = near.or(before).or(doc.anchor).or(reference);
                resolve::resolve(&f.sem, None, Tense::Unknown, day)
            });
            let span = Span::new(toks[f.first].span.start, toks[f.end - 1].span.end);
            out.push(DateMention {
                span,
                kind: r.kind,
                value: r.value,
                modifier: f.modifier.map(scan::Modifier::as_str),
            });
        }
    }
    out
}

/// The sentence of each token, joining sentences that the segmenter split
/// inside a date or time ("at 9:30 a.m. | ET on Monday", "am 19. | März").
fn soft_sentences(toks: &[Tok], raw: &[crate::text::Token]) -> Vec<usize> {
    let mut out = Vec::with_capacity(raw.len());
    let mut current = raw.first().map_or(0, |t| t.sentence);
    for i in 0..raw.len() {
        if i > 0 && raw[i].sentence != raw[i - 1].sentence {
            let prev = toks[i - 1].low.as_str();
            let ordinal = prev == "."
                && i >= 2
                && toks[i - 2].low.bytes().all(|b| b.is_ascii_digit())
                && lexicon::is_month_name(&toks[i].low);
            if !(matches!(prev, "a.m." | "p.m.") || ordinal) {
                current = raw[i].sentence;
            }
        }
        out.push(current);
    }
    out
}

/// The tense markers of a paragraph's tokens, each read the first time it is
/// asked for: an expression's tense needs only the markers nearest it.
struct Markers<'t, 'a> {
    toks: &'t [Tok<'a>],
    /// Per token: not read yet, or its marker.
    known: Vec<Option<Option<bool>>>,
}

impl<'t, 'a> Markers<'t, 'a> {
    fn new(toks: &'t [Tok<'a>]) -> Self {
        Markers {
            toks,
            known: vec![None; toks.len()],
        }
    }

    /// The marker of token `i`.
    fn at(&mut self, i: usize) -> Option<bool> {
        let toks = self.toks;
        *self.known[i].get_or_insert_with(|| tense_marker(toks, i))
    }
}

/// Whether token `i` marks the past (`Some(false)`) or the future (`Some(true)`).
fn tense_marker(toks: &[Tok], i: usize) -> Option<bool> {
    let w = toks[i].low.as_str();
    let prev = if i > 0 { toks[i - 1].low.as_str() } else { "" };
    let marker = lexicon::marker(w);
    if marker == Some(Marker::Schedule) {
        // "expected to", "scheduled for", "due to end"; not "due to a rise", "set up".
        let next = toks.get(i + 1).map_or("", |t| t.low.as_str());
        let after = toks.get(i + 2).map_or("", |t| t.low.as_str());
        let causal = w == "due" && lexicon::is_causal_after_due_to(after);
        if !matches!(
            next,
            "to" | "for" | "on" | "in" | "through" | "until" | "by" | "at"
        ) || causal
        {
            return None;
        }
        return Some(!matches!(prev, "was" | "were" | "had" | "been"));
    }
    // Spanish and French future endings: "celebrarán", "pourront".
    let foreign_future = (w.ends_with("rán") || w.ends_with("rá")) && w.len() > 5
        || (w.ends_with("ront") && w.len() >= 7 && !matches!(w, "affront" | "confront"));
    if marker == Some(Marker::Future) || w.ends_with("'ll") || foreign_future {
        if w == "going" && toks.get(i + 1).is_none_or(|t| t.low != "to") {
            return None;
        }
        return Some(true);
    }
    // Irregular past forms and German auxiliaries of the past.
    if marker == Some(Marker::Past) {
        return Some(false);
    }
    // French passé composé ("a annoncé"), Spanish preterite ("anunció").
    let french_past = (w.ends_with('é') || w.ends_with("ée") || w.ends_with("és"))
        && matches!(
            prev,
            "a" | "ont" | "avait" | "avaient" | "été" | "est" | "sont"
        );
    let spanish_past = w.ends_with('ó') && w.chars().count() >= 4;
    if french_past || spanish_past {
        return Some(false);
    }
    // "will remain closed", "is banned": an adjective, the auxiliary has the
    // tense (asked last: few words end in "ed").
    let passive = || {
        matches!(
            prev,
            "be" | "is" | "are" | "remain" | "remains" | "stay" | "stays" | "being" | "get"
        )
    };
    let regular_past = w.len() >= 5
        && w.ends_with("ed")
        && !passive()
        && w.chars().all(char::is_alphabetic)
        && !lexicon::is_not_past(w);
    regular_past.then_some(false)
}

/// The tense of the expression at tokens `first..end`: the nearest marker
/// before it in its sentence (the verb that governs it, usually), else the
/// nearest after it.
fn tense_at(markers: &mut Markers, sentence: &[usize], first: usize, end: usize) -> Tense {
    let here = sentence[first];
    let to_tense = |future: bool| if future { Tense::Future } else { Tense::Past };
    let left = (0..first)
        .rev()
        .take_while(|&i| sentence[i] == here)
        .find_map(|i| markers.at(i));
    if let Some(f) = left {
        return to_tense(f);
    }
    (end..sentence.len())
        .take_while(|&i| sentence[i] == here)
        .find_map(|i| markers.at(i))
        .map_or(Tense::Unknown, to_tense)
}
