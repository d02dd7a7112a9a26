//! Quantities as intervals: how many, of what, how hedged, according to whom.
//!
//! | type | what it is |
//! | --- | --- |
//! | [`Quantity`] | one figure: its span, the interval `[low, high]`, the [`Hedge`], the counted noun, the predicate and the source |
//! | [`Hedge`] | how the figure is qualified ("around", "more than", "dozens") |
//!
//! ```
//! use storydiff::extract::{quantities, Doc, Hedge};
//! use storydiff::text;
//! let t = text::normalize("At least eight people were killed, according to the Interior Ministry.");
//! let seg = text::segment(t.as_str());
//! let doc = Doc { text: t.as_str(), seg: &seg, anchor: None, language: Some("en") };
//! let q = &quantities(&doc)[0];
//! assert_eq!((q.low, q.high, q.hedge), (Some(8.0), None, Hedge::AtLeast));
//! assert_eq!(q.unit.as_deref(), Some("people"));
//! assert_eq!(q.counts.as_deref(), Some("killed"));
//! assert_eq!(q.source.as_deref(), Some("Interior Ministry"));
//! ```
//!
//! ## Conventions
//!
//! - Intervals are closed unless the hedge says otherwise: [`Hedge::MoreThan`]
//!   has an *exclusive* `low` ("more than 2,000": low 2000, high open),
//!   [`Hedge::LessThan`] an *exclusive* `high`. Open ends are `None`.
//! - "around", "about", "some", "roughly", "an estimated": the figure ±10 %
//!   ("around 2,000" is [1800, 2200]).
//! - "nearly", "almost": [90 % of the figure, the figure), hedge `LessThan`;
//!   "less than", "fewer than", "under": (open, figure), hedge `LessThan`.
//! - Vague amounts: "dozens" [24, 99], "hundreds" [200, 999], "thousands"
//!   [2000, 9999], "tens of thousands" [20000, 99999]; "several" multiplies
//!   by [3, 9] ("several hundred" [300, 900], "several dozen" [36, 108]) and
//!   "a few" by [2, 5]; "a couple of" is [2, 3] ("a couple of hundred"
//!   [200, 300]). "dozen" multiplies like "hundred" ("three dozen" 36,
//!   "half a dozen" 6).
//! - Digits grouped by a space, a no-break or a narrow space ("1 500
//!   человек", "12 000") are one figure in any language.
//! - `unit` is the counted noun, lower case ("people", "protesters",
//!   "members", "days"), or a code for money ("usd", "eur", "gbp", ...) and
//!   "percent". With no noun ("at least eight dead", "more than 300
//!   injured"), `unit` is the normalized predicate, so that "eight dead" and
//!   "13 killed" compare.
//! - `counts` is what happened to what is counted, normalized: "killed"
//!   (killed, dead, died, deaths), "injured" (injured, wounded, hurt),
//!   "arrested" (arrested, detained), or another participle as written
//!   ("beheaded", "dispersed"). "two of whom were beheaded" takes the unit
//!   of the figure it is a subset of.
//! - Not counts: years ("in 2012"), days next to a month name, times, ages
//!   ("45-year-old", "Smith, 45,"), ordinals, numbers glued to words or
//!   following a capitalized word ("site-64", "CC BY-SA 2.0", "Airbus
//!   A350"), and bare numbers that count nothing stated (no unit, no
//!   predicate, no hedge).
//!
//! ## Layout
//!
//! `start` tells the words no figure can start at, `figure` reads the
//! number ("2,000", "eight", "dozens", "$600m"), `hedge`
//! the words before it and ranges, `counted` what it counts, `exclude` the
//! numbers that count nothing; `words` looks words up in the lists of
//! `data/words/quantities/`.

mod counted;
mod exclude;
mod figure;
mod hedge;
mod start;
#[cfg(test)]
mod tests;
mod words;

use super::quotes::Reading;
use super::Doc;
use crate::text::{Span, Word};
use counted::counted;
use exclude::is_excluded;
use figure::figure_at;
use hedge::{approximate_noun_start, extend_to_range, hedge_before, interval, HedgeWord};
use serde::{Deserialize, Serialize};

/// How the number is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// "2,000"
    Exact,
    /// "around", "about", "some", "roughly"
    Approximate,
    /// "more than", "over"
    MoreThan,
    /// "at least"
    AtLeast,
    /// "nearly", "almost", "less than", "under"
    LessThan,
    /// "at most", "up to"
    AtMost,
    /// "20 to 50"
    Range,
    /// "dozens", "several hundred", "tens of thousands"
    Vague,
}

/// One figure of a text: how many, of what, how hedged, according to whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The figure with its hedge and counted noun ("more than 2,000 people").
    pub span: Span,
    /// Lower bound; `None` when open.
    pub low: Option<f64>,
    /// Upper bound; `None` when open.
    pub high: Option<f64>,
    /// How the figure is qualified.
    pub hedge: Hedge,
    /// What is counted, normalized ("people", "killed", "troops", "usd", "percent", "days").
    pub unit: Option<String>,
    /// What happened to what is counted, normalized ("killed", "injured", "arrested").
    pub counts: Option<String>,
    /// Who gives the figure, where stated ("Interior Ministry", "State television").
    pub source: Option<String>,
}

/// Finds the quantities of `doc`.
pub fn extract(doc: &Doc) -> Vec<Quantity> {
    extract_in(doc, &Reading::new(doc))
}

/// [`extract`] on the word view `rd` of `doc`, shared with the quote stage.
pub(crate) fn extract_in(doc: &Doc, rd: &Reading) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut sources = None;
    let all: &[Word] = rd;
    for si in 0..doc.seg.sentences.len() {
        let sentence = &doc.seg.sentences[si];
        let words = &all[sentence.first_token..sentence.end_token];
        let first = out.len();
        scan_sentence(doc, words, &mut out);
        if out.len() > first {
            let source = sources
                .get_or_insert_with(|| super::sources::Sources::new(rd))
                .of(si);
            for q in &mut out[first..] {
                q.source.clone_from(&source);
            }
        }
    }
    out
}

fn scan_sentence(doc: &Doc, w: &[Word], out: &mut Vec<Quantity>) {
    let mut i = 0;
    while i < w.len() {
        // Most words cannot start a figure: skip them without trying to read one.
        if !start::may_start(w, i) {
            i += 1;
            continue;
        }
        match quantity_at(doc, w, i, out) {
            Some((q, next)) => {
                out.push(q);
                i = next;
            }
            None => i += 1,
        }
    }
}

/// Tries to read a quantity whose figure starts at token `i`; returns it and
/// the next token to scan. `prev` are the quantities found before.
fn quantity_at(doc: &Doc, w: &[Word], i: usize, prev: &[Quantity]) -> Option<(Quantity, usize)> {
    let mut fig = figure_at(doc, w, i)?;
    let (mut hedge_start, mut hedge) = hedge_before(w, fig.lead);
    let ranged = extend_to_range(doc, w, &mut fig, hedge);
    if matches!(hedge, Some(HedgeWord::Between | HedgeWord::From)) && !ranged {
        hedge = None;
    }
    if hedge.is_none() {
        if let Some(start) = approximate_noun_start(w, &fig) {
            hedge = Some(HedgeWord::Approx);
            hedge_start = start;
        }
    }
    let mut start_tok = if hedge.is_some() {
        hedge_start
    } else {
        fig.lead
    };
    // "one", "a": a word below two counts only with a hedge.
    if !fig.digits && hedge.is_none() && !fig.vague && !ranged && fig.low < 2.0 {
        return None;
    }
    if is_excluded(doc, w, &fig, hedge.is_some() || ranged) {
        return None;
    }
    let counted = counted(w, &mut fig, start_tok, prev)?;
    // "over five years" is a duration, not "more than".
    if hedge == Some(HedgeWord::MoreThan)
        && w[hedge_start].is("over")
        && counted.unit.as_deref().is_some_and(is_time_unit)
    {
        hedge = None;
        start_tok = fig.start;
    }
    // A bare number that counts nothing stated.
    if hedge.is_none() && !ranged && !fig.vague && counted.unit.is_none() {
        return None;
    }
    let (low, high, hedge) = interval(&fig, hedge, ranged);
    let end = counted.end.max(fig.end);
    let span = Span::new(w[start_tok].span.start, w[end - 1].span.end);
    let quantity = Quantity {
        span,
        low: low.map(tidy),
        high: high.map(tidy),
        hedge,
        unit: counted.unit,
        counts: counted.counts,
        source: None,
    };
    Some((quantity, end))
}

/// Rounds away float noise ("1650000.0000000002") to nine significant digits.
fn tidy(x: f64) -> f64 {
    // Whole numbers below 1e9, most figures, have nine significant digits at
    // most: rounding would give them back unchanged.
    if x == 0.0 || !x.is_finite() || x.fract() == 0.0 && x.abs() < 1e9 {
        return x;
    }
    let scale = 10f64.powi(8 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

fn is_time_unit(u: &str) -> bool {
    matches!(
        u,
        "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "decades"
    )
}
