//! What a figure counts: the unit written after it (a currency, "percent",
//! a noun), and what happened to what it counts ("killed", "arrested").

use super::figure::Figure;
use super::words::{
    currency_name, is_auxiliary, is_before_participle, is_collective_noun, is_money_or_percent,
    is_noun_phrase_stop, noun_unit, predicate_word, scale_word, verb_before,
};
use super::Quantity;
use crate::extract::dates::{is_english_weekday, is_month_name};
use crate::text::{TokenKind, Word};

/// What a figure counts, and the token after the counted phrase.
pub(super) struct Counted {
    pub unit: Option<String>,
    pub counts: Option<String>,
    pub end: usize,
}

impl Counted {
    fn is_money_or_percent(&self) -> bool {
        self.unit.as_deref().is_some_and(is_money_or_percent)
    }
}

/// Reads what the figure counts, scaling it by a scale word after it
/// ("5 million people"). `start` is the first token of the quantity, `prev`
/// the quantities found before. `None` when the figure is an age.
pub(super) fn counted(
    w: &[Word],
    fig: &mut Figure,
    start: usize,
    prev: &[Quantity],
) -> Option<Counted> {
    let (unit, end) = unit_and_scale(w, fig);
    if is_age(w, end) {
        return None;
    }
    let mut c = Counted {
        unit,
        counts: None,
        end,
    };
    if c.unit.is_none() {
        subset_or_noun(w, prev, &mut c);
    }
    if c.counts.is_none() && !c.is_money_or_percent() {
        c.counts = predicate_after(w, c.end);
        if c.unit.is_none() {
            c.unit.clone_from(&c.counts);
        }
    }
    if c.counts.is_none() && !c.is_money_or_percent() {
        c.counts = verb_before_figure(w, start);
        // "killed three", "injured three others": with no noun after, a
        // figure right after a harm verb counts those it happened to.
        if c.unit.is_none() && c.counts.is_some() {
            c.unit.clone_from(&c.counts);
            if w.get(c.end).is_some_and(|t| t.is("others") || t.is("more")) {
                c.end += 1;
            }
        }
    }
    if c.unit.is_none() && c.counts.is_none() {
        toll_before(w, start, &mut c);
    }
    Some(c)
}

/// The unit the figure carries or that follows it (a scale, a currency,
/// "percent"), folding the scale into the figure; and the token after it.
fn unit_and_scale(w: &[Word], fig: &mut Figure) -> (Option<String>, usize) {
    let j = fig.end;
    if let Some(unit) = fig.unit {
        if let Some(s) = w.get(j).and_then(|t| scale_word(&t.lower)) {
            fig.low *= s;
            fig.high *= s;
            return (Some(unit.to_string()), j + 1);
        }
        return (Some(unit.to_string()), j);
    }
    match unit_after(w, j) {
        Some(u) => {
            fig.low *= u.scale;
            fig.high *= u.scale;
            (Some(u.unit.to_string()), u.end)
        }
        None => (None, j),
    }
}

/// Ages: "45-year-old", "45 years old".
fn is_age(w: &[Word], j: usize) -> bool {
    let hyphenated = w.get(j).is_some_and(|t| t.is("-"))
        && w.get(j + 1).is_some_and(|t| t.lower.starts_with("year"));
    let years_old = w.get(j).is_some_and(|t| t.lower.starts_with("year"))
        && w.get(j + 1).is_some_and(|t| t.is("old"));
    hyphenated || years_old
}

/// "two of whom were beheaded": a subset of the figure before, with its
/// unit; else the counted noun after the figure ("13 members", "eight dead").
fn subset_or_noun(w: &[Word], prev: &[Quantity], c: &mut Counted) {
    let j = c.end;
    if w.get(j).is_some_and(|t| t.is("of"))
        && w.get(j + 1)
            .is_some_and(|t| t.is("whom") || t.is("which") || t.is("them") || t.is("those"))
    {
        c.unit = prev.last().and_then(|q| q.unit.clone());
        c.end = j + 2;
    } else if let Some((u, next)) = noun_after(w, j) {
        if let Some(p) = predicate_word(&u) {
            c.counts = Some(p.to_string());
            c.unit = Some(p.to_string());
        } else {
            c.counts = noun_predicate(&u).map(str::to_string);
            c.unit = Some(u);
        }
        c.end = next;
    }
}

/// A verb before the figure: "The storm killed 14 people", "killing all 298".
fn verb_before_figure(w: &[Word], start: usize) -> Option<String> {
    let mut b = start;
    if b > 0 && w[b - 1].is("all") {
        b -= 1;
    }
    let v = &w[b.checked_sub(1)?];
    verb_before(&v.lower).map(str::to_string)
}

/// "The death toll rose to 112": a toll in the five words before the figure.
fn toll_before(w: &[Word], start: usize, c: &mut Counted) {
    let lo = start.saturating_sub(5);
    if let Some(t) = (lo..start).find(|&k| w[k].is("toll")) {
        let death = t > 0 && (w[t - 1].is("death") || w[t - 1].is("casualty"));
        c.unit = Some(if death { "killed" } else { "toll" }.to_string());
        if death {
            c.counts = Some("killed".to_string());
        }
    }
}

/// A unit written right after a figure, the scale before it folded in.
struct UnitAfter {
    unit: &'static str,
    /// The token after the unit.
    end: usize,
    scale: f64,
}

/// A unit written right after the figure: scale, currency word, percent.
fn unit_after(w: &[Word], j: usize) -> Option<UnitAfter> {
    let mut k = j;
    let mut scale = 1.0;
    if let Some(s) = w.get(k).and_then(|t| scale_word(&t.lower)) {
        scale = s;
        k += 1;
    }
    let t = w.get(k)?;
    let l = t.lower.as_str();
    let percent = |end| {
        Some(UnitAfter {
            unit: "percent",
            end,
            scale,
        })
    };
    if matches!(l, "percent" | "prozent" | "pourcent") {
        return percent(k + 1);
    }
    if (l == "per" || l == "pour" || l == "por")
        && w.get(k + 1).is_some_and(|n| n.is("cent") || n.is("ciento"))
    {
        return percent(k + 2);
    }
    // "milliards d'euros", "millones de dólares"
    let l = l.strip_prefix("d'").unwrap_or(l);
    let (k, l) = if l == "de" && w.get(k + 1).is_some() {
        (k + 1, w[k + 1].lower.as_str())
    } else {
        (k, l)
    };
    // With a scale and no currency ("5 million people"), the noun comes next.
    currency_name(l).map(|unit| UnitAfter {
        unit,
        end: k + 1,
        scale,
    })
}

/// The counted noun after the figure: the head of a short noun phrase.
fn noun_after(w: &[Word], j: usize) -> Option<(String, usize)> {
    let mut k = j;
    let mut head: Option<usize> = None;
    while k < w.len() && k < j + 4 {
        let t = &w[k];
        if t.kind != TokenKind::Word || is_noun_phrase_stop(&t.lower) {
            break;
        }
        if is_month_name(&t.lower) || is_english_weekday(&t.lower) {
            break;
        }
        // A participle after the noun is the predicate: "people gathered".
        if k > j && (t.lower.ends_with("ed") || t.lower.ends_with("ing")) && !t.starts_upper() {
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
            head = Some(last_plural(w, j, k));
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
    let mut word = w[h].lower.as_str();
    while let Some(stem) = word.strip_suffix("'s") {
        word = stem;
    }
    if word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((noun_unit(word).unwrap_or(word).to_string(), h + 1))
}

/// The last of a run of plurals whose first is at `k - 1`, within four
/// tokens of `j` ("police officers", "security forces").
fn last_plural(w: &[Word], j: usize, mut k: usize) -> usize {
    let mut head = k - 1;
    while k < w.len()
        && k < j + 4
        && w[k].kind == TokenKind::Word
        && is_plural(&w[k].lower)
        && !is_noun_phrase_stop(&w[k].lower)
        && predicate_word(&w[k].lower).is_none()
    {
        head = k;
        k += 1;
    }
    head
}

/// Whether a word looks like a plural noun (or a collective one).
fn is_plural(w: &str) -> bool {
    is_collective_noun(w)
        || w.len() > 3
            && (w.ends_with('s') || w.ends_with('x'))
            && !w.ends_with("ous")
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !is_noun_phrase_stop(w)
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
fn predicate_after(w: &[Word], j: usize) -> Option<String> {
    let limit = (j + 10).min(w.len());
    let k = match skip_to_auxiliary(w, j, limit) {
        Ok(k) => k,
        Err(found) => return found,
    };
    // Auxiliaries and adverbs, then the participle.
    let t = (k..limit)
        .map(|k| &w[k])
        .find(|t| !(is_auxiliary(&t.lower) || is_before_participle(&t.lower)))?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let l = t.lower.as_str();
    if let Some(p) = predicate_word(l) {
        return Some(p.to_string());
    }
    (l.ends_with("ed") && l.len() > 4).then(|| l.to_string())
}

/// Skips a short prepositional tail ("of Kazakhstan's security forces") up
/// to the first auxiliary: `Ok` with its index, or `Err` with the answer when
/// a predicate comes first ("died"), or when a number, a punctuation mark or
/// the end of the window comes first (no predicate).
fn skip_to_auxiliary(w: &[Word], j: usize, limit: usize) -> Result<usize, Option<String>> {
    for (k, t) in w.iter().enumerate().take(limit).skip(j) {
        if t.kind == TokenKind::Number || matches!(t.text, "," | ";" | ":" | "\"" | "(" | ")") {
            return Err(None);
        }
        if is_auxiliary(&t.lower) {
            return Ok(k);
        }
        if let Some(p) = predicate_word(&t.lower) {
            if matches!(
                t.lower.as_str(),
                "died" | "dead" | "killed" | "injured" | "wounded" | "arrested" | "detained"
            ) {
                return Err(Some(p.to_string()));
            }
        }
    }
    Err(None)
}
