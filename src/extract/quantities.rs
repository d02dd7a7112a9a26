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
//! let q = &quantities::extract(&doc)[0];
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
//!   "a few" by [2, 5].
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

use super::Doc;
use crate::text::{Span, Token, TokenKind};
use serde::Serialize;

/// How the number is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    pub span: Span,
    /// Lower bound; `None` when open.
    pub low: Option<f64>,
    /// Upper bound; `None` when open.
    pub high: Option<f64>,
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
    let mut out = Vec::new();
    let mut sources = None;
    for si in 0..doc.seg.sentences.len() {
        let toks = doc.seg.sentence_tokens(si);
        let words: Vec<W> = toks.iter().map(|t| W::new(doc.text, t)).collect();
        let first = out.len();
        scan_sentence(doc, &words, &mut out);
        if out.len() > first {
            let source = sources
                .get_or_insert_with(|| super::sources::Sources::new(doc))
                .of(si);
            for q in &mut out[first..] {
                q.source.clone_from(&source);
            }
        }
    }
    out
}

/// A token with its text.
struct W<'a> {
    span: Span,
    kind: TokenKind,
    text: &'a str,
    lower: String,
}

impl<'a> W<'a> {
    fn new(text: &'a str, t: &Token) -> W<'a> {
        let s = t.span.of(text);
        W {
            span: t.span,
            kind: t.kind,
            text: s,
            lower: s.to_lowercase(),
        }
    }
    fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    fn is_cap(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A parsed figure before its hedge and unit.
struct Figure {
    /// First and one-past-last token.
    start: usize,
    end: usize,
    low: f64,
    high: f64,
    vague: bool,
    /// A unit the figure itself carries ("$", "%", "600m" scale is folded into the value).
    unit: Option<&'static str>,
    /// Whether it is written with digits.
    digits: bool,
}

fn scan_sentence(doc: &Doc, w: &[W], out: &mut Vec<Quantity>) {
    let mut i = 0;
    while i < w.len() {
        match quantity_at(doc, w, i, out) {
            Some((q, next)) => {
                out.push(q);
                i = next;
            }
            None => i += 1,
        }
    }
}

/// Tries to read a quantity whose figure starts at token `i`; returns it and the next token to scan.
fn quantity_at(doc: &Doc, w: &[W], i: usize, prev: &[Quantity]) -> Option<(Quantity, usize)> {
    let (mut fig, currency_before) = figure_at(doc, w, i)?;
    // A hedge before the figure.
    let (hedge_start, mut hedge) = hedge_before(w, fig.start.min(currency_before));
    // "between 10 and 20", "20 to 50", "20-50", "from 20 to 50".
    let mut ranged = false;
    if let Some(sep) = w.get(fig.end) {
        let between = hedge == Some(HedgeWord::Between);
        let is_sep = if between {
            sep.is("and")
        } else {
            sep.is("to") || sep.is("-") || sep.is("à") || sep.is("bis")
        };
        if is_sep {
            if let Some((second, _)) = figure_at(doc, w, fig.end + 1) {
                if second.high >= fig.low && !second.vague && !fig.vague {
                    // "20 to 50 million": the scale of the second applies to the first.
                    let scale = if second.low >= 1000.0 * fig.high && fig.high < 1000.0 {
                        second.low / second_mantissa(w, &second)
                    } else {
                        1.0
                    };
                    if fig.low * scale <= second.high {
                        fig.low *= scale;
                        fig.high = second.high;
                        fig.end = second.end;
                        fig.unit = fig.unit.or(second.unit);
                        ranged = true;
                    }
                }
            }
        }
    }
    if matches!(hedge, Some(HedgeWord::Between | HedgeWord::From)) && !ranged {
        hedge = None;
    }
    let mut hedge_start = hedge_start;
    if aine_word(&w[fig.start].lower).is_some() && hedge.is_none() {
        hedge = Some(HedgeWord::Approx);
        hedge_start = fig.start;
        if fig.start > 0 && (w[fig.start - 1].is("une") || w[fig.start - 1].is("la")) {
            hedge_start = fig.start - 1;
        }
    }
    let mut start_tok = if hedge.is_some() {
        hedge_start
    } else {
        fig.start.min(currency_before)
    };
    if !fig.digits && hedge.is_none() && !fig.vague && !ranged && fig.low < 2.0 {
        return None;
    }
    if is_excluded(doc, w, &fig, hedge.is_some() || ranged) {
        return None;
    }
    // What it counts.
    let mut j = fig.end;
    let mut unit: Option<String> = fig.unit.map(str::to_string);
    if unit.is_none() {
        if let Some((u, next, scale)) = unit_after(w, j) {
            unit = Some(u.to_string());
            fig.low *= scale;
            fig.high *= scale;
            j = next;
        }
    } else if let Some((_, next, scale)) = scale_after(w, j) {
        fig.low *= scale;
        fig.high *= scale;
        j = next;
    }
    // Ages: "45-year-old", "45 years old".
    if w.get(j).is_some_and(|t| t.is("-"))
        && w.get(j + 1).is_some_and(|t| t.lower.starts_with("year"))
    {
        return None;
    }
    if w.get(j).is_some_and(|t| t.lower.starts_with("year"))
        && w.get(j + 1).is_some_and(|t| t.is("old"))
    {
        return None;
    }
    let mut counts = None;
    let mut span_end = j;
    if unit.is_none() {
        // "two of whom were beheaded": a subset of the figure before.
        if w.get(j).is_some_and(|t| t.is("of"))
            && w.get(j + 1)
                .is_some_and(|t| t.is("whom") || t.is("which") || t.is("them") || t.is("those"))
        {
            unit = prev.last().and_then(|q| q.unit.clone());
            j += 2;
            span_end = j;
        } else if let Some((u, next)) = noun_after(w, j) {
            if let Some(p) = predicate_word(&u) {
                counts = Some(p.to_string());
                unit = Some(p.to_string());
            } else {
                counts = noun_predicate(&u).map(str::to_string);
                unit = Some(u);
            }
            j = next;
            span_end = next;
        }
    }
    if counts.is_none() && unit.as_deref().is_none_or(|u| !is_money_or_percent(u)) {
        counts = predicate_after(w, j);
        if unit.is_none() {
            unit.clone_from(&counts);
        }
    }
    // A verb before the figure: "The storm killed 14 people", "killing all 298".
    if counts.is_none() && unit.as_deref().is_none_or(|u| !is_money_or_percent(u)) {
        let mut b = start_tok;
        if b > 0 && w[b - 1].is("all") {
            b -= 1;
        }
        if let Some(v) = b.checked_sub(1).map(|p| &w[p]) {
            counts = match v.lower.as_str() {
                "killed" | "killing" | "kills" => Some("killed".to_string()),
                "injured" | "injuring" | "wounded" | "wounding" => Some("injured".to_string()),
                "arrested" | "arresting" | "detained" | "detaining" => Some("arrested".to_string()),
                "evacuated" | "rescued" | "displaced" | "deployed" => Some(v.lower.clone()),
                _ => None,
            };
        }
    }
    // "The death toll rose to 112".
    if unit.is_none() && counts.is_none() {
        let lo = start_tok.saturating_sub(5);
        if let Some(t) = (lo..start_tok).find(|&k| w[k].is("toll")) {
            let death = t > 0 && (w[t - 1].is("death") || w[t - 1].is("casualty"));
            unit = Some(if death { "killed" } else { "toll" }.to_string());
            if death {
                counts = Some("killed".to_string());
            }
        }
    }
    // "over five years" is a duration, not "more than".
    if hedge == Some(HedgeWord::MoreThan)
        && w[hedge_start].is("over")
        && unit.as_deref().is_some_and(is_time_unit)
    {
        hedge = None;
        start_tok = fig.start;
    }
    let exact_bare = hedge.is_none() && !ranged && !fig.vague;
    if exact_bare && unit.is_none() {
        return None;
    }
    // The interval.
    let x = fig.low;
    let (low, high, h) = if ranged {
        (Some(fig.low), Some(fig.high), Hedge::Range)
    } else if fig.vague {
        (Some(fig.low), Some(fig.high), Hedge::Vague)
    } else {
        match hedge {
            None => (Some(x), Some(x), Hedge::Exact),
            Some(HedgeWord::Approx) => (Some(x * 0.9), Some(x * 1.1), Hedge::Approximate),
            Some(HedgeWord::MoreThan) => (Some(x), None, Hedge::MoreThan),
            Some(HedgeWord::AtLeast) => (Some(x), None, Hedge::AtLeast),
            Some(HedgeWord::Nearly) => (Some(x * 0.9), Some(x), Hedge::LessThan),
            Some(HedgeWord::LessThan) => (None, Some(x), Hedge::LessThan),
            Some(HedgeWord::AtMost) => (None, Some(x), Hedge::AtMost),
            Some(HedgeWord::Between | HedgeWord::From) => (Some(x), Some(x), Hedge::Exact),
        }
    };
    let (low, high) = (low.map(tidy), high.map(tidy));
    let last = span_end.max(fig.end) - 1;
    let span = Span::new(w[start_tok].span.start, w[last].span.end);
    Some((
        Quantity {
            span,
            low,
            high,
            hedge: h,
            unit,
            counts,
            source: None,
        },
        span_end.max(fig.end),
    ))
}

/// The value of the second figure of a range without its scale word ("50" of "50 million").
fn second_mantissa(w: &[W], f: &Figure) -> f64 {
    parse_numeral(w[f.start].text, None)
        .map(|(v, _)| v)
        .or_else(|| number_word(&w[f.start].lower))
        .unwrap_or(f.low)
}

/// Rounds away float noise ("1650000.0000000002") to nine significant digits.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
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

fn is_money_or_percent(u: &str) -> bool {
    u == "percent" || CURRENCY_WORDS.iter().any(|(_, c)| *c == u)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HedgeWord {
    Approx,
    MoreThan,
    AtLeast,
    Nearly,
    LessThan,
    AtMost,
    Between,
    From,
}

/// Hedges, as word sequences before the figure (lower case), longest first.
const HEDGES: &[(&[&str], HedgeWord)] = &[
    (&["no", "fewer", "than"], HedgeWord::AtLeast),
    (&["no", "less", "than"], HedgeWord::AtLeast),
    (&["no", "more", "than"], HedgeWord::AtMost),
    (&["a", "minimum", "of"], HedgeWord::AtLeast),
    (&["a", "maximum", "of"], HedgeWord::AtMost),
    (&["in", "excess", "of"], HedgeWord::MoreThan),
    (&["an", "estimated"], HedgeWord::Approx),
    (&["more", "than"], HedgeWord::MoreThan),
    (&["greater", "than"], HedgeWord::MoreThan),
    (&["upwards", "of"], HedgeWord::MoreThan),
    (&["at", "least"], HedgeWord::AtLeast),
    (&["at", "most"], HedgeWord::AtMost),
    (&["up", "to"], HedgeWord::AtMost),
    (&["less", "than"], HedgeWord::LessThan),
    (&["fewer", "than"], HedgeWord::LessThan),
    (&["close", "to"], HedgeWord::Nearly),
    (&["just", "under"], HedgeWord::Nearly),
    (&["just", "over"], HedgeWord::MoreThan),
    (&["plus", "de"], HedgeWord::MoreThan),
    (&["au", "moins"], HedgeWord::AtLeast),
    (&["moins", "de"], HedgeWord::LessThan),
    (&["près", "de"], HedgeWord::Nearly),
    (&["jusqu'à"], HedgeWord::AtMost),
    (&["mehr", "als"], HedgeWord::MoreThan),
    (&["weniger", "als"], HedgeWord::LessThan),
    (&["bis", "zu"], HedgeWord::AtMost),
    (&["más", "de"], HedgeWord::MoreThan),
    (&["al", "menos"], HedgeWord::AtLeast),
    (&["menos", "de"], HedgeWord::LessThan),
    (&["cerca", "de"], HedgeWord::Nearly),
    (&["alrededor", "de"], HedgeWord::Approx),
    (&["around"], HedgeWord::Approx),
    (&["about"], HedgeWord::Approx),
    (&["some"], HedgeWord::Approx),
    (&["roughly"], HedgeWord::Approx),
    (&["approximately"], HedgeWord::Approx),
    (&["approx"], HedgeWord::Approx),
    (&["circa"], HedgeWord::Approx),
    (&["nearly"], HedgeWord::Nearly),
    (&["almost"], HedgeWord::Nearly),
    (&["over"], HedgeWord::MoreThan),
    (&["above"], HedgeWord::MoreThan),
    (&["under"], HedgeWord::LessThan),
    (&["below"], HedgeWord::LessThan),
    (&["between"], HedgeWord::Between),
    (&["from"], HedgeWord::From),
    (&["environ"], HedgeWord::Approx),
    (&["quelque"], HedgeWord::Approx),
    (&["quelques"], HedgeWord::Approx),
    (&["etwa"], HedgeWord::Approx),
    (&["rund"], HedgeWord::Approx),
    (&["ungefähr"], HedgeWord::Approx),
    (&["fast"], HedgeWord::Nearly),
    (&["knapp"], HedgeWord::Nearly),
    (&["mindestens"], HedgeWord::AtLeast),
    (&["über"], HedgeWord::MoreThan),
    (&["unos"], HedgeWord::Approx),
    (&["unas"], HedgeWord::Approx),
    (&["casi"], HedgeWord::Nearly),
    (&["hasta"], HedgeWord::AtMost),
    (&["entre"], HedgeWord::Between),
    (&["più", "di"], HedgeWord::MoreThan),
    (&["oltre"], HedgeWord::MoreThan),
    (&["almeno"], HedgeWord::AtLeast),
    (&["quasi"], HedgeWord::Nearly),
];

/// The hedge ending just before token `i`: its first token and kind.
fn hedge_before(w: &[W], i: usize) -> (usize, Option<HedgeWord>) {
    for (words, h) in HEDGES {
        let n = words.len();
        if i >= n && words.iter().zip(&w[i - n..i]).all(|(a, t)| t.is(a)) {
            return (i - n, Some(*h));
        }
    }
    (i, None)
}

/// Reads a figure at token `i`: digits, number words or a vague amount,
/// with a currency sign before it. Returns the figure and the index of its
/// first token including the currency sign.
fn figure_at(doc: &Doc, w: &[W], i: usize) -> Option<(Figure, usize)> {
    let t = w.get(i)?;
    // Currency sign before the number: "$600m", "US$ 5", "€5 billion".
    if t.kind == TokenKind::Punct || t.is("us$") || t.is("us") {
        if let Some(code) = currency_sign(&t.lower) {
            let (mut f, _) = figure_at(doc, w, i + 1)?;
            if !f.digits {
                return None;
            }
            f.unit = Some(code);
            return Some((f, i));
        }
        // "US $600m"
        if t.is("us") && w.get(i + 1).is_some_and(|n| n.text == "$") {
            let (mut f, _) = figure_at(doc, w, i + 2)?;
            f.unit = Some("usd");
            return Some((f, i));
        }
        return None;
    }
    if t.kind == TokenKind::Number || t.text.starts_with(|c: char| c.is_ascii_digit()) {
        let (mut v, suffix) = parse_numeral(t.text, doc.language)?;
        let mut end = i + 1;
        // French thousands with a space: "2 000".
        if doc.language == Some("fr") && v < 1000.0 && suffix.is_empty() {
            while let Some(n) = w.get(end) {
                if n.kind == TokenKind::Number
                    && n.text.len() == 3
                    && n.text.bytes().all(|b| b.is_ascii_digit())
                    && w[end - 1].span.end + 1 == n.span.start
                {
                    v = v * 1000.0 + n.text.parse::<f64>().ok()?;
                    end += 1;
                } else {
                    break;
                }
            }
        }
        let mut unit = None;
        if !suffix.is_empty() {
            // "$600m", "5bn"; a lone letter ("221B") scales money only.
            let money = i > 0 && currency_sign(&w[i - 1].lower).is_some();
            let scale = scale_word(suffix).filter(|_| suffix.chars().count() > 1 || money);
            if let Some(s) = scale {
                v *= s;
            } else if suffix == "%" {
                unit = Some("percent");
            } else {
                return None; // "1st", "A350", "124Sunday"
            }
        }
        if suffix.is_empty() {
            if let Some(n) = w.get(end) {
                if n.lower.len() > 1 && n.lower != "cent" {
                    if let Some(s) = scale_word(&n.lower) {
                        v *= s;
                        end += 1;
                    }
                }
            }
        }
        if w.get(end).is_some_and(|n| n.text == "%") {
            unit = Some("percent");
            end += 1;
        }
        return Some((
            Figure {
                start: i,
                end,
                low: v,
                high: v,
                vague: false,
                unit,
                digits: true,
            },
            i,
        ));
    }
    if t.kind != TokenKind::Word {
        return None;
    }
    // Vague amounts.
    if let Some(f) = vague_at(w, i) {
        return Some((f, i));
    }
    // Number words: "eight", "twenty-five", "two hundred", "three million".
    // "une trentaine de": about thirty.
    if let Some(v) = aine_word(&t.lower) {
        let mut end = i + 1;
        if w.get(end).is_some_and(|n| n.is("de") || n.is("d'")) {
            end += 1;
        }
        return Some((
            Figure {
                start: i,
                end,
                low: v,
                high: v,
                vague: false,
                unit: None,
                digits: false,
            },
            i,
        ));
    }
    // "a million people", "a hundred".
    let a_scale = matches!(t.lower.as_str(), "a" | "an")
        && w.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "hundred" | "thousand" | "million" | "billion"
            )
        });
    let v = if a_scale { 1.0 } else { number_word(&t.lower)? };
    let mut end = i + 1;
    let mut value = v;
    if let Some(s) = w.get(end).and_then(|n| scale_word(&n.lower)) {
        value *= s;
        end += 1;
    }
    Some((
        Figure {
            start: i,
            end,
            low: value,
            high: value,
            vague: false,
            unit: None,
            digits: false,
        },
        i,
    ))
}

/// "dozens (of)", "hundreds", "tens of thousands", "several hundred", "a few dozen".
fn vague_at(w: &[W], i: usize) -> Option<Figure> {
    let t = &w[i];
    let plural = |s: &str| -> Option<f64> {
        match s {
            "dozens" | "dizaines" | "dutzende" | "decenas" | "decine" => Some(12.0),
            "hundreds" | "centaines" | "hunderte" | "cientos" | "centinaia" => Some(100.0),
            "thousands" | "milliers" | "tausende" | "miles" | "migliaia" => Some(1000.0),
            "millions" | "millionen" | "millones" | "milioni" => Some(1e6),
            "billions" | "milliards" | "milliarden" => Some(1e9),
            _ => None,
        }
    };
    let mut end;
    let (low, high);
    if t.is("tens")
        || t.is("hundreds")
            && w.get(i + 1).is_some_and(|n| n.is("of"))
            && w.get(i + 2)
                .and_then(|n| plural(&n.lower))
                .is_some_and(|s| s >= 1000.0)
    {
        // "tens of thousands", "hundreds of thousands"
        let s = w.get(i + 2).and_then(|n| plural(&n.lower))?;
        if !w.get(i + 1)?.is("of") || s < 1000.0 {
            return None;
        }
        let m = if t.is("tens") { 10.0 } else { 100.0 };
        low = 2.0 * m * s;
        high = 10.0 * m * s - 1.0;
        end = i + 3;
    } else if let Some(s) = plural(&t.lower) {
        low = 2.0 * s;
        high = if s == 12.0 { 99.0 } else { 10.0 * s - 1.0 };
        end = i + 1;
    } else {
        // "several hundred", "a few dozen", "a couple of hundred"
        let (mult, next) = if t.is("several")
            || t.is("plusieurs")
            || t.is("mehrere")
            || t.is("varios")
            || t.is("varias")
        {
            ((3.0, 9.0), i + 1)
        } else if t.is("a") && w.get(i + 1).is_some_and(|n| n.is("few")) {
            ((2.0, 5.0), i + 2)
        } else if t.is("few") {
            ((2.0, 5.0), i + 1)
        } else {
            return None;
        };
        let s = match w.get(next).map(|n| n.lower.as_str())? {
            "dozen" => 12.0,
            "hundred" => 100.0,
            "thousand" => 1000.0,
            "million" => 1e6,
            "billion" => 1e9,
            _ => return None,
        };
        low = mult.0 * s;
        high = mult.1 * s;
        end = next + 1;
    }
    if w.get(end)
        .is_some_and(|n| n.is("of") || n.is("de") || n.is("d'") || n.is("di"))
    {
        end += 1;
    }
    Some(Figure {
        start: i,
        end,
        low,
        high,
        vague: true,
        unit: None,
        digits: false,
    })
}

/// Parses a numeral token ("2,000", "3.5", "600m", "5bn", "1.500" in German)
/// into its value and the letters that follow it.
fn parse_numeral<'t>(t: &'t str, lang: Option<&str>) -> Option<(f64, &'t str)> {
    let n = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(t.len());
    let (num, suffix) = t.split_at(n);
    let num = num.trim_end_matches(['.', ',']);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let groups_of_three = |sep: char| -> bool {
        let parts: Vec<&str> = num.split(sep).collect();
        parts.len() > 1
            && parts[0].len() <= 3
            && parts[1..]
                .iter()
                .all(|p| p.len() == 3 && !p.contains([',', '.']))
    };
    let continental = matches!(lang, Some("de" | "fr" | "es" | "it" | "pt" | "ru" | "nl"));
    let clean: String = if groups_of_three(',') && !num.contains('.') && !continental
        || groups_of_three(',') && num.matches(',').count() > 1
    {
        num.replace(',', "")
    } else if continental && groups_of_three('.') && !num.contains(',') {
        num.replace('.', "")
    } else if continental && num.contains(',') {
        num.replace('.', "").replace(',', ".")
    } else if num.contains(',') && num.contains('.') {
        num.replace(',', "")
    } else if num.matches('.').count() > 1 || num.contains(',') {
        // "2.0.1" is a version; "3,5" in English is rare: read as decimal.
        if num.matches('.').count() > 1 {
            return None;
        }
        num.replace(',', ".")
    } else {
        num.to_string()
    };
    Some((clean.parse().ok()?, suffix))
}

/// Scale words and suffixes: "m", "bn", "million", "thousand".
fn scale_word(s: &str) -> Option<f64> {
    Some(match s.to_lowercase().as_str() {
        "k" | "thousand" | "tausend" | "mille" | "mil" => 1e3,
        "m" | "mn" | "mln" | "million" | "millions" | "millionen" | "million." | "millón"
        | "millones" | "milioni" | "mio" | "mio." => 1e6,
        "b" | "bn" | "bln" | "billion" | "billions" | "milliard" | "milliards" | "milliarde"
        | "milliarden" | "mrd" | "mrd." => 1e9,
        "tn" | "trillion" | "trillions" => 1e12,
        "hundred" | "cent" | "cents" | "hundert" | "cien" | "cientos" => 1e2,
        _ => return None,
    })
}

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("$", "usd"),
    ("us$", "usd"),
    ("€", "eur"),
    ("£", "gbp"),
    ("¥", "jpy"),
    ("₽", "rub"),
    ("₸", "kzt"),
    ("₹", "inr"),
    ("dollars", "usd"),
    ("dollar", "usd"),
    ("usd", "usd"),
    ("euros", "eur"),
    ("euro", "eur"),
    ("eur", "eur"),
    ("pounds", "gbp"),
    ("gbp", "gbp"),
    ("rubles", "rub"),
    ("roubles", "rub"),
    ("rub", "rub"),
    ("tenge", "kzt"),
    ("yuan", "cny"),
    ("yen", "jpy"),
    ("rupees", "inr"),
    ("francs", "chf"),
    ("dólares", "usd"),
    ("dollari", "usd"),
];

fn currency_sign(s: &str) -> Option<&'static str> {
    CURRENCY_WORDS
        .iter()
        .take(8)
        .find(|(w, _)| *w == s)
        .map(|(_, c)| *c)
}

/// A scale word right after the figure ("$600 million").
fn scale_after(w: &[W], j: usize) -> Option<((), usize, f64)> {
    let s = scale_word(&w.get(j)?.lower)?;
    Some(((), j + 1, s))
}

/// A unit written right after the figure: scale, currency word, percent.
fn unit_after(w: &[W], j: usize) -> Option<(&'static str, usize, f64)> {
    let mut k = j;
    let mut scale = 1.0;
    if let Some(s) = w.get(k).and_then(|t| scale_word(&t.lower)) {
        scale = s;
        k += 1;
    }
    let t = w.get(k)?;
    let l = t.lower.as_str();
    if matches!(l, "percent" | "prozent" | "pourcent") {
        return Some(("percent", k + 1, scale));
    }
    if (l == "per" || l == "pour" || l == "por")
        && w.get(k + 1).is_some_and(|n| n.is("cent") || n.is("ciento"))
    {
        return Some(("percent", k + 2, scale));
    }
    // "milliards d'euros", "millones de dólares"
    let l = l.strip_prefix("d'").unwrap_or(l);
    let (k, l) = if l == "de" && w.get(k + 1).is_some() {
        (k + 1, w[k + 1].lower.as_str())
    } else {
        (k, l)
    };
    if let Some((_, c)) = CURRENCY_WORDS.iter().skip(8).find(|(n, _)| *n == l) {
        return Some((c, k + 1, scale));
    }
    if scale != 1.0 {
        // "5 million people": the scale alone, the noun comes next.
        return None;
    }
    None
}

/// Words that end the counted noun phrase.
const NP_STOP: &[&str] = &[
    "more",
    "others",
    "other",
    "less",
    "fewer",
    "apiece",
    "a",
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "also",
    "among",
    "an",
    "and",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "but",
    "by",
    "could",
    "did",
    "do",
    "during",
    "each",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "last",
    "near",
    "nor",
    "of",
    "on",
    "or",
    "out",
    "over",
    "per",
    "reportedly",
    "said",
    "says",
    "she",
    "should",
    "since",
    "so",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "under",
    "until",
    "up",
    "upon",
    "was",
    "we",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
];

/// The counted noun after the figure: the head of a short noun phrase.
fn noun_after(w: &[W], j: usize) -> Option<(String, usize)> {
    let mut k = j;
    let mut head: Option<usize> = None;
    while k < w.len() && k < j + 4 {
        let t = &w[k];
        if t.kind != TokenKind::Word || NP_STOP.contains(&t.lower.as_str()) {
            break;
        }
        if is_month(&t.lower) || is_weekday(&t.lower) {
            break;
        }
        // A participle after the noun is the predicate: "people gathered".
        if k > j && (t.lower.ends_with("ed") || t.lower.ends_with("ing")) && !t.is_cap() {
            break;
        }
        k += 1;
        // A predicate adjective stands alone: "eight dead".
        if k == j + 1 && predicate_word(&t.lower).is_some() {
            head = Some(k - 1);
            break;
        }
        // The head is the first plural: "anti-government protesters were",
        // or the last of a run of them: "police officers", "security forces".
        if is_plural(&t.lower) {
            head = Some(k - 1);
            while k < w.len()
                && k < j + 4
                && w[k].kind == TokenKind::Word
                && is_plural(&w[k].lower)
                && !NP_STOP.contains(&w[k].lower.as_str())
                && predicate_word(&w[k].lower).is_none()
            {
                head = Some(k);
                k += 1;
            }
            break;
        }
        if head.is_none() {
            head = Some(k - 1);
        }
    }
    if head.is_some_and(|h| h > j && !is_plural(&w[h].lower)) {
        // No plural: the first word, unless it is the only one (an adjective then).
        head = Some(j);
    }
    let h = head?;
    let word = w[h].lower.trim_end_matches("'s").to_string();
    if word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((normalize_noun(&word), h + 1))
}

/// Whether a word looks like a plural noun (or a collective one).
fn is_plural(w: &str) -> bool {
    const COLLECTIVE: &[&str] = &[
        "people",
        "police",
        "children",
        "men",
        "women",
        "personnel",
        "staff",
        "dead",
        "injured",
        "wounded",
        "missing",
        "menschen",
        "leute",
        "gente",
        "cattle",
        "youth",
        "crew",
    ];
    COLLECTIVE.contains(&w)
        || w.len() > 3
            && (w.ends_with('s') || w.ends_with('x'))
            && !w.ends_with("ous")
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !NP_STOP.contains(&w)
}

fn normalize_noun(w: &str) -> String {
    match w {
        "person" | "persons" => "people".into(),
        "personnes" | "personas" | "menschen" | "persone" => "people".into(),
        "day" => "days".into(),
        "jours" | "días" | "tage" | "giorni" => "days".into(),
        "year" => "years".into(),
        "ans" | "años" | "jahre" => "years".into(),
        "morts" | "muertos" | "tote" | "morti" => "killed".into(),
        "blessés" | "heridos" | "verletzte" | "feriti" => "injured".into(),
        _ => w.into(),
    }
}

/// A word that says what happened to those counted: normalized.
fn predicate_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dead" | "killed" | "died" | "slain" | "murdered" | "morts" | "tués" | "tuées"
        | "muertos" | "muertas" | "fallecidos" | "tote" | "getötet" | "morti" | "uccisi" => {
            "killed"
        }
        "injured" | "wounded" | "hurt" | "blessés" | "blessées" | "heridos" | "heridas"
        | "verletzte" | "verletzt" | "feriti" => "injured",
        "arrested" | "detained" | "held" | "interpellés" | "interpellées" | "arrêtés"
        | "arrêtées" | "detenidos" | "detenidas" | "festgenommen" | "arrestati" => "arrested",
        "missing" => "missing",
        _ => return None,
    })
}

/// Nouns that name what happened: "deaths", "arrests".
fn noun_predicate(w: &str) -> Option<&'static str> {
    Some(match w {
        "deaths" | "fatalities" | "victims" => "killed",
        "injuries" => "injured",
        "arrests" | "detentions" => "arrested",
        _ => return predicate_word(w),
    })
}

/// The predicate after the counted phrase: "were (also) killed", "died".
fn predicate_after(w: &[W], j: usize) -> Option<String> {
    let mut k = j;
    let limit = (j + 10).min(w.len());
    // Skip a short prepositional tail ("of Kazakhstan's security forces").
    while k < limit {
        let t = &w[k];
        if t.kind == TokenKind::Number || matches!(t.text, "," | ";" | ":" | "\"" | "(" | ")") {
            return None;
        }
        if matches!(
            t.lower.as_str(),
            "were"
                | "was"
                | "are"
                | "is"
                | "have"
                | "has"
                | "had"
                | "been"
                | "being"
                | "got"
                | "get"
                | "wurden"
                | "sind"
                | "ont"
                | "été"
                | "sont"
                | "fueron"
                | "han"
                | "sido"
                | "sono"
                | "stati"
        ) {
            break;
        }
        if let Some(p) = predicate_word(&t.lower) {
            if matches!(
                t.lower.as_str(),
                "died" | "dead" | "killed" | "injured" | "wounded" | "arrested" | "detained"
            ) {
                return Some(p.to_string());
            }
        }
        k += 1;
    }
    if k >= limit {
        return None;
    }
    // Auxiliaries and adverbs, then the participle.
    while k < limit {
        let t = &w[k];
        let l = t.lower.as_str();
        if matches!(
            l,
            "were"
                | "was"
                | "are"
                | "is"
                | "have"
                | "has"
                | "had"
                | "been"
                | "being"
                | "got"
                | "get"
                | "wurden"
                | "sind"
                | "ont"
                | "été"
                | "sont"
                | "fueron"
                | "han"
                | "sido"
                | "sono"
                | "stati"
                | "reportedly"
                | "also"
                | "notably"
                | "allegedly"
                | "later"
                | "already"
                | "all"
                | "subsequently"
                | "then"
                | "eventually"
                | "either"
                | "reported"
                | "confirmed"
                | "believed"
                | "thought"
                | "to"
                | "be"
        ) {
            k += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            return None;
        }
        if let Some(p) = predicate_word(l) {
            return Some(p.to_string());
        }
        if l.ends_with("ed") && l.len() > 4 {
            return Some(l.to_string());
        }
        return None;
    }
    None
}

fn is_month(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "januar",
        "februar",
        "märz",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    MONTHS.contains(&w)
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// French approximate numbers: "dizaine", "trentaine", "centaine".
fn aine_word(w: &str) -> Option<f64> {
    Some(match w {
        "dizaine" => 10.0,
        "douzaine" => 12.0,
        "quinzaine" => 15.0,
        "vingtaine" => 20.0,
        "trentaine" => 30.0,
        "quarantaine" => 40.0,
        "cinquantaine" => 50.0,
        "soixantaine" => 60.0,
        "centaine" => 100.0,
        _ => return None,
    })
}

/// English, French, German and Spanish number words from two up.
fn number_word(w: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("dozen", 12.0),
        ("deux", 2.0),
        ("trois", 3.0),
        ("quatre", 4.0),
        ("cinq", 5.0),
        ("sept", 7.0),
        ("huit", 8.0),
        ("neuf", 9.0),
        ("dix", 10.0),
        ("onze", 11.0),
        ("douze", 12.0),
        ("quinze", 15.0),
        ("vingt", 20.0),
        ("trente", 30.0),
        ("quarante", 40.0),
        ("cinquante", 50.0),
        ("cent", 100.0),
        ("zwei", 2.0),
        ("drei", 3.0),
        ("vier", 4.0),
        ("fünf", 5.0),
        ("sechs", 6.0),
        ("sieben", 7.0),
        ("acht", 8.0),
        ("neun", 9.0),
        ("zehn", 10.0),
        ("elf", 11.0),
        ("zwölf", 12.0),
        ("zwanzig", 20.0),
        ("dreißig", 30.0),
        ("fünfzig", 50.0),
        ("hundert", 100.0),
        ("dos", 2.0),
        ("tres", 3.0),
        ("cuatro", 4.0),
        ("cinco", 5.0),
        ("seis", 6.0),
        ("siete", 7.0),
        ("ocho", 8.0),
        ("nueve", 9.0),
        ("diez", 10.0),
        ("doce", 12.0),
        ("quince", 15.0),
        ("veinte", 20.0),
        ("treinta", 30.0),
        ("cincuenta", 50.0),
        ("cien", 100.0),
        ("due", 2.0),
        ("tre", 3.0),
        ("quattro", 4.0),
        ("cinque", 5.0),
        ("sette", 7.0),
        ("otto", 8.0),
        ("nove", 9.0),
        ("dieci", 10.0),
        ("venti", 20.0),
        ("cento", 100.0),
    ];
    if let Some((_, v)) = WORDS.iter().find(|(n, _)| *n == w) {
        return Some(*v);
    }
    // "twenty-five"
    let (tens, ones) = w.split_once('-')?;
    let t = WORDS.iter().find(|(n, _)| *n == tens)?.1;
    let o = WORDS.iter().find(|(n, _)| *n == ones)?.1;
    ((20.0..100.0).contains(&t) && o < 10.0).then_some(t + o)
}

/// Whether a figure is no count: a year, a day of a month, a time, a number
/// in a name or glued to a word.
fn is_excluded(doc: &Doc, w: &[W], f: &Figure, hedged: bool) -> bool {
    let t = &w[f.start];
    let prev = f.start.checked_sub(1).map(|p| &w[p]);
    let next = w.get(f.end);
    if t.text.contains(':') {
        return true; // a time
    }
    if next.is_some_and(|n| {
        matches!(
            n.lower.as_str(),
            "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "o'clock" | "h" | "uhr"
        )
    }) {
        return true;
    }
    // Glued to the word before: "site-64", "-124", "COVID-19".
    let before = doc.text[..t.span.start].chars().next_back();
    if f.digits
        && before
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '#' || c == '/' || c == '.')
    {
        return true;
    }
    let after = doc.text[w[f.end - 1].span.end..].chars().next();
    if f.digits && after.is_some_and(|c| c == '/' || c.is_alphabetic() && c != 'm') {
        return true;
    }
    if !f.digits {
        return false;
    }
    // Next to a month name: "March 19", "11 February".
    if prev.is_some_and(|p| is_month(&p.lower)) || next.is_some_and(|n| is_month(&n.lower)) {
        return true;
    }
    // A year.
    let int = t.text.bytes().all(|b| b.is_ascii_digit());
    if int && t.text.len() == 4 && (1800.0..=2100.0).contains(&f.low) && f.unit.is_none() {
        let counts_next = next.is_some_and(|n| {
            n.kind == TokenKind::Word && !n.is_cap() && !NP_STOP.contains(&n.lower.as_str())
        });
        if !counts_next
            || prev.is_some_and(|p| {
                matches!(
                    p.lower.as_str(),
                    "in" | "since"
                        | "of"
                        | "by"
                        | "until"
                        | "from"
                        | "year"
                        | "early"
                        | "late"
                        | "mid"
                        | "summer"
                        | "winter"
                        | "spring"
                        | "autumn"
                        | "fall"
                )
            })
        {
            return true;
        }
    }
    // A number in a name: "Airbus A350" (glued), "CC BY-SA 2.0", "Resolution 2231".
    if !hedged && f.unit.is_none() {
        if let Some(p) = prev {
            // "Resolution 2231", "iPhone 15"; but "Only 12 people", "All 298".
            let named = p.kind == TokenKind::Word
                && p.text.chars().any(char::is_uppercase)
                && !is_weekday(&p.lower)
                && !matches!(
                    p.lower.as_str(),
                    "only"
                        | "just"
                        | "another"
                        | "all"
                        | "the"
                        | "these"
                        | "those"
                        | "and"
                        | "but"
                        | "while"
                        | "of"
                        | "some"
                        | "les"
                        | "die"
                        | "los"
                        | "las"
                );
            if named {
                return true;
            }
            if matches!(
                p.lower.as_str(),
                "no" | "number"
                    | "nr"
                    | "#"
                    | "page"
                    | "article"
                    | "chapter"
                    | "section"
                    | "line"
                    | "route"
                    | "flight"
                    | "room"
                    | "version"
                    | "magnitude"
                    | "category"
                    | "level"
                    | "grade"
                    | "model"
            ) {
                return true;
            }
        }
        // An age in apposition: "Smith, 45, said".
        if prev.is_some_and(|p| p.text == ",")
            && f.start >= 2
            && w[f.start - 2].is_cap()
            && next.is_some_and(|n| n.text == "," || n.text == ".")
            && f.low < 120.0
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    /// Text, low, high, hedge, unit, counts.
    type Row = (
        String,
        Option<f64>,
        Option<f64>,
        Hedge,
        Option<String>,
        Option<String>,
    );

    fn run(s: &str, lang: &str) -> Vec<Row> {
        let t = text::normalize(s);
        let seg = text::segment(t.as_str());
        let doc = Doc {
            text: t.as_str(),
            seg: &seg,
            anchor: None,
            language: Some(lang),
        };
        extract(&doc)
            .into_iter()
            .map(|q| {
                (
                    q.span.of(t.as_str()).to_string(),
                    q.low.map(|x| (x * 100.0).round() / 100.0),
                    q.high.map(|x| (x * 100.0).round() / 100.0),
                    q.hedge,
                    q.unit,
                    q.counts,
                )
            })
            .collect()
    }

    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<f64>,
        Option<f64>,
        Hedge,
        Option<&'static str>,
        Option<&'static str>,
    );

    #[test]
    fn table() {
        use Hedge::*;
        let cases: &[Case] = &[
            (
                "around",
                "A rally of around 2,000 people took place.",
                "around 2,000 people",
                Some(1800.0),
                Some(2200.0),
                Approximate,
                Some("people"),
                None,
            ),
            (
                "more than",
                "It gathered more than 2,000 people.",
                "more than 2,000 people",
                Some(2000.0),
                None,
                MoreThan,
                Some("people"),
                None,
            ),
            (
                "at least dead",
                "There were at least eight dead.",
                "at least eight dead",
                Some(8.0),
                None,
                AtLeast,
                Some("killed"),
                Some("killed"),
            ),
            (
                "more than injured",
                "More than 300 injured were counted.",
                "More than 300 injured",
                Some(300.0),
                None,
                MoreThan,
                Some("injured"),
                Some("injured"),
            ),
            (
                "nearly",
                "Nearly 5,000 people were dispersed by police.",
                "Nearly 5,000 people",
                Some(4500.0),
                Some(5000.0),
                LessThan,
                Some("people"),
                Some("dispersed"),
            ),
            (
                "dozens",
                "Dozens of anti-government protesters were killed.",
                "Dozens of anti-government protesters",
                Some(24.0),
                Some(99.0),
                Vague,
                Some("protesters"),
                Some("killed"),
            ),
            (
                "several hundred",
                "Footage showed several hundred at the square.",
                "several hundred",
                Some(300.0),
                Some(900.0),
                Vague,
                None,
                None,
            ),
            (
                "several dozen",
                "Several dozen demonstrators were arrested.",
                "Several dozen demonstrators",
                Some(36.0),
                Some(108.0),
                Vague,
                Some("demonstrators"),
                Some("arrested"),
            ),
            (
                "tens of thousands",
                "Tens of thousands of people marched.",
                "Tens of thousands of people",
                Some(20000.0),
                Some(99999.0),
                Vague,
                Some("people"),
                None,
            ),
            (
                "members killed",
                "Officials said 13 members of the security forces were also killed.",
                "13 members",
                Some(13.0),
                Some(13.0),
                Exact,
                Some("members"),
                Some("killed"),
            ),
            (
                "range",
                "Sentences ranging from 20 to 50 days in prison.",
                "from 20 to 50 days",
                Some(20.0),
                Some(50.0),
                Range,
                Some("days"),
                None,
            ),
            (
                "between",
                "Between 10 and 20 soldiers were wounded.",
                "Between 10 and 20 soldiers",
                Some(10.0),
                Some(20.0),
                Range,
                Some("soldiers"),
                Some("injured"),
            ),
            (
                "money m",
                "Qatar Airways seeks over $600m in damages.",
                "over $600m",
                Some(600e6),
                None,
                MoreThan,
                Some("usd"),
                None,
            ),
            (
                "money euro",
                "The fund holds €5 billion.",
                "€5 billion",
                Some(5e9),
                Some(5e9),
                Exact,
                Some("eur"),
                None,
            ),
            (
                "percent",
                "Prices rose 12.5% last year.",
                "12.5%",
                Some(12.5),
                Some(12.5),
                Exact,
                Some("percent"),
                None,
            ),
            (
                "per cent",
                "Turnout was 40 per cent.",
                "40 per cent",
                Some(40.0),
                Some(40.0),
                Exact,
                Some("percent"),
                None,
            ),
            (
                "up to",
                "Up to 400 troops will be sent.",
                "Up to 400 troops",
                None,
                Some(400.0),
                AtMost,
                Some("troops"),
                None,
            ),
            (
                "less than",
                "Less than 10 percent voted.",
                "Less than 10 percent",
                None,
                Some(10.0),
                LessThan,
                Some("percent"),
                None,
            ),
            (
                "number word",
                "Five journalists were detained.",
                "Five journalists",
                Some(5.0),
                Some(5.0),
                Exact,
                Some("journalists"),
                Some("arrested"),
            ),
            (
                "compound number word",
                "Twenty-five people died.",
                "Twenty-five people",
                Some(25.0),
                Some(25.0),
                Exact,
                Some("people"),
                Some("killed"),
            ),
            (
                "deaths",
                "There were 40 deaths.",
                "40 deaths",
                Some(40.0),
                Some(40.0),
                Exact,
                Some("deaths"),
                Some("killed"),
            ),
            (
                "million people",
                "Some 3 million people fled.",
                "Some 3 million people",
                Some(2.7e6),
                Some(3.3e6),
                Approximate,
                Some("people"),
                None,
            ),
            (
                "a million",
                "Nearly a million people fled.",
                "Nearly a million people",
                Some(9e5),
                Some(1e6),
                LessThan,
                Some("people"),
                None,
            ),
        ];
        for (name, text, span, low, high, hedge, unit, counts) in cases {
            let got = run(text, "en");
            let q = got
                .iter()
                .find(|q| q.0 == *span)
                .unwrap_or_else(|| panic!("{name}: {span:?} not in {got:?}"));
            assert_eq!((q.1, q.2, q.3), (*low, *high, *hedge), "{name}");
            assert_eq!(q.4.as_deref(), *unit, "{name} unit");
            assert_eq!(q.5.as_deref(), *counts, "{name} counts");
        }
    }

    #[test]
    fn subset_of_whom() {
        let got = run("State television reported that 13 members of the security forces were also killed, two of whom were beheaded.", "en");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "two of whom");
        assert_eq!(got[1].4.as_deref(), Some("members"));
        assert_eq!(got[1].5.as_deref(), Some("beheaded"));
    }

    #[test]
    fn not_counts() {
        let cases: &[(&str, &str)] = &[
            (
                "year",
                "Uzbekistan quit the CSTO in 2012 and has observer status.",
            ),
            (
                "date",
                "The resolution of February 11 denounced it on March 19, 2022.",
            ),
            ("time", "They left at 2:00 p.m. local time."),
            ("licence", "Photo: mibuchat / Flickr / CC BY-SA 2.0"),
            ("glued", "source site-64"),
            ("ordinal", "It was the 2nd rally and the first one."),
            ("model", "A dispute over the Airbus A350 jets."),
            ("age", "John Smith, 45, said he was a 45-year-old teacher."),
            ("bare", "The page 0 81 had nothing."),
            ("one", "One of these activists spoke."),
            ("since", "Since 1991, the country has been independent."),
        ];
        for (name, text) in cases {
            let got = run(text, "en");
            assert!(got.is_empty(), "{name}: {got:?}");
        }
    }

    #[test]
    fn other_languages() {
        let got = run("Plus de 2 000 personnes ont manifesté.", "fr");
        assert_eq!(got[0].1, Some(2000.0), "{got:?}");
        assert_eq!(got[0].3, Hedge::MoreThan);
        assert_eq!(got[0].4.as_deref(), Some("people"));
        let got = run("Mindestens acht Menschen wurden getötet.", "de");
        assert_eq!((got[0].1, got[0].3), (Some(8.0), Hedge::AtLeast), "{got:?}");
        let got = run("Más de 1.500 personas fueron detenidas.", "es");
        assert_eq!(
            (got[0].1, got[0].3),
            (Some(1500.0), Hedge::MoreThan),
            "{got:?}"
        );
    }

    #[test]
    fn source() {
        let t = text::normalize(
            "Dozens of protesters were killed in Almaty, Kazakh officials said Thursday.",
        );
        let seg = text::segment(t.as_str());
        let doc = Doc {
            text: t.as_str(),
            seg: &seg,
            anchor: None,
            language: None,
        };
        let q = extract(&doc);
        assert_eq!(q[0].source.as_deref(), Some("Kazakh officials"));
    }
}
