//! Figures: digits, number words and vague amounts, with a currency sign
//! before them or a scale after them, before any hedge or unit.

use super::words::{approximate_number, currency_sign, number_word, scale_word, vague_scale};
use crate::extract::Doc;
use crate::text::{TokenKind, Word};

/// A parsed figure before its hedge and unit.
pub(super) struct Figure {
    /// First token, including a currency sign written before the number.
    pub lead: usize,
    /// First and one-past-last token of the number.
    pub start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub vague: bool,
    /// A unit the figure itself carries ("$", "%", "600m" scale is folded into the value).
    pub unit: Option<&'static str>,
    /// Whether it is written with digits.
    pub digits: bool,
}

impl Figure {
    /// One value over tokens `start..end`.
    fn exact(start: usize, end: usize, value: f64, digits: bool) -> Figure {
        Figure {
            lead: start,
            start,
            end,
            low: value,
            high: value,
            vague: false,
            unit: None,
            digits,
        }
    }
}

/// Reads a figure at token `i`: digits, number words or a vague amount,
/// with a currency sign before it.
pub(super) fn figure_at(doc: &Doc, w: &[Word], i: usize) -> Option<Figure> {
    let t = w.get(i)?;
    if t.kind == TokenKind::Punct || t.is("us$") || t.is("us") {
        return currency_figure(doc, w, i);
    }
    if t.kind == TokenKind::Number || t.text.starts_with(|c: char| c.is_ascii_digit()) {
        return digit_figure(doc, w, i);
    }
    if t.kind != TokenKind::Word {
        return None;
    }
    vague_at(w, i)
        .or_else(|| approximate_figure(w, i))
        .or_else(|| word_figure(w, i))
}

/// A currency sign before the number: "$600m", "US$ 5", "€5 billion", "US $600m".
fn currency_figure(doc: &Doc, w: &[Word], i: usize) -> Option<Figure> {
    if let Some(code) = currency_sign(&w[i].lower) {
        let mut f = figure_at(doc, w, i + 1)?;
        if !f.digits {
            return None;
        }
        f.unit = Some(code);
        f.lead = i;
        return Some(f);
    }
    if w[i].is("us") && w.get(i + 1).is_some_and(|n| n.text == "$") {
        let mut f = figure_at(doc, w, i + 2)?;
        f.unit = Some("usd");
        f.lead = i;
        return Some(f);
    }
    None
}

/// Digits: "2,000", "3.5", "600m", "12%", "5 billion", "2 000" in French.
fn digit_figure(doc: &Doc, w: &[Word], i: usize) -> Option<Figure> {
    let (mut v, suffix) = parse_numeral(w[i].text, doc.language)?;
    let mut end = i + 1;
    if w[i].text.len() <= 3 && w[i].text.bytes().all(|b| b.is_ascii_digit()) {
        (v, end) = spaced_thousands(w, v, end)?;
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
    } else if let Some(n) = w.get(end) {
        if n.lower.len() > 1 && n.lower != "cent" {
            if let Some(s) = scale_word(&n.lower) {
                v *= s;
                end += 1;
            }
        }
    }
    if w.get(end).is_some_and(|n| n.text == "%") {
        unit = Some("percent");
        end += 1;
    }
    let mut f = Figure::exact(i, end, v, true);
    f.unit = unit;
    Some(f)
}

/// Thousands grouped with a space ("2 000", "1 500 человек"; no-break and
/// narrow spaces are plain spaces after normalizing): the value and the token
/// after the last group of three digits.
fn spaced_thousands(w: &[Word], mut v: f64, mut end: usize) -> Option<(f64, usize)> {
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
    Some((v, end))
}

/// "une trentaine de": about thirty (the hedge comes with the word).
fn approximate_figure(w: &[Word], i: usize) -> Option<Figure> {
    let v = approximate_number(&w[i].lower)?;
    let mut end = i + 1;
    if w.get(end).is_some_and(|n| n.is("de") || n.is("d'")) {
        end += 1;
    }
    Some(Figure::exact(i, end, v, false))
}

/// Number words: "eight", "twenty-five", "two hundred", "three million",
/// "a million", "three dozen", "half a dozen".
fn word_figure(w: &[Word], i: usize) -> Option<Figure> {
    let t = &w[i];
    let a_at = |j: usize| w.get(j).is_some_and(|n| n.is("a") || n.is("an"));
    let half = t.is("half") && a_at(i + 1) && w.get(i + 2).is_some_and(is_scale_noun);
    let a_scale = a_at(i) && w.get(i + 1).is_some_and(is_scale_noun);
    let (mut value, mut end) = if half {
        (0.5, i + 2)
    } else if a_scale {
        (1.0, i + 1)
    } else {
        (number_word(&t.lower)?, i + 1)
    };
    if let Some(s) = w.get(end).and_then(|n| scale_word(&n.lower)) {
        value *= s;
        end += 1;
    }
    Some(Figure::exact(i, end, value, false))
}

/// Whether `n` is a scale noun that "a" or "half a" counts ("a million",
/// "half a dozen").
fn is_scale_noun(n: &Word) -> bool {
    matches!(
        n.lower.as_str(),
        "dozen" | "hundred" | "thousand" | "million" | "billion"
    )
}

/// Whether "a" or "an" followed by `next` may start a figure: only "a couple
/// (of)", "a few dozen" and "a million" do.
pub(super) fn article_may_start(next: Option<&Word>) -> bool {
    next.is_some_and(|n| n.is("couple") || n.is("few") || is_scale_noun(n))
}

/// "dozens (of)", "hundreds", "tens of thousands", "several hundred", "a few dozen".
fn vague_at(w: &[Word], i: usize) -> Option<Figure> {
    let (low, high, mut end) = tens_of_plural(w, i)
        .or_else(|| couple_of(w, i))
        .or_else(|| plural_amount(w, i))
        .or_else(|| several_of(w, i))?;
    if w.get(end)
        .is_some_and(|n| n.is("of") || n.is("de") || n.is("d'") || n.is("di"))
    {
        end += 1;
    }
    Some(Figure {
        lead: i,
        start: i,
        end,
        low,
        high,
        vague: true,
        unit: None,
        digits: false,
    })
}

/// "tens of thousands", "hundreds of thousands": low, high and the token after.
fn tens_of_plural(w: &[Word], i: usize) -> Option<(f64, f64, usize)> {
    let m = if w[i].is("tens") {
        10.0
    } else if w[i].is("hundreds") {
        100.0
    } else {
        return None;
    };
    if !w.get(i + 1).is_some_and(|n| n.is("of")) {
        return None;
    }
    let s = w
        .get(i + 2)
        .and_then(|n| vague_scale(&n.lower))
        .filter(|&s| s >= 1000.0)?;
    Some((2.0 * m * s, 10.0 * m * s - 1.0, i + 3))
}

/// "a couple of" [2, 3], "a couple of hundred" [200, 300], "a couple hundred".
fn couple_of(w: &[Word], i: usize) -> Option<(f64, f64, usize)> {
    if !(w[i].is("a") && w.get(i + 1).is_some_and(|n| n.is("couple"))) {
        return None;
    }
    let of = w.get(i + 2).is_some_and(|n| n.is("of"));
    let at = if of { i + 3 } else { i + 2 };
    let scale = w.get(at).and_then(|n| match n.lower.as_str() {
        "dozen" => Some(12.0),
        "hundred" => Some(100.0),
        "thousand" => Some(1000.0),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        _ => None,
    });
    match scale {
        Some(s) => Some((2.0 * s, 3.0 * s, at + 1)),
        None if of => Some((2.0, 3.0, i + 2)),
        None => None,
    }
}

/// "dozens", "thousands", "milliers": two to ten of the scale ("dozens" up to 99).
fn plural_amount(w: &[Word], i: usize) -> Option<(f64, f64, usize)> {
    let s = vague_scale(&w[i].lower)?;
    let high = if s == 12.0 { 99.0 } else { 10.0 * s - 1.0 };
    Some((2.0 * s, high, i + 1))
}

/// "several hundred", "a few dozen", "plusieurs milliers": a multiplier of a scale word.
fn several_of(w: &[Word], i: usize) -> Option<(f64, f64, usize)> {
    let t = &w[i];
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
    Some((mult.0 * s, mult.1 * s, next + 1))
}

/// The value of the second figure of a range without its scale word ("50" of "50 million").
pub(super) fn second_mantissa(w: &[Word], f: &Figure) -> f64 {
    parse_numeral(w[f.start].text, None)
        .map(|(v, _)| v)
        .or_else(|| number_word(&w[f.start].lower))
        .unwrap_or(f.low)
}

/// Parses a numeral token ("2,000", "3.5", "600m", "5bn", "1.500" in German)
/// into its value and the letters that follow it.
pub(super) fn parse_numeral<'t>(t: &'t str, lang: Option<&str>) -> Option<(f64, &'t str)> {
    let n = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(t.len());
    let (num, suffix) = t.split_at(n);
    let num = num.trim_end_matches(['.', ',']);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Digits alone ("2022", "13"), most numbers of a text, need no
    // separator read: the number as written.
    if num.bytes().all(|b| b.is_ascii_digit()) {
        return Some((num.parse().ok()?, suffix));
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
