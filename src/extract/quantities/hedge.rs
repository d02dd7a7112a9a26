//! Hedges: the words before a figure that qualify it, ranges, and the
//! interval a hedged figure stands for.

use super::figure::{figure_at, second_mantissa, Figure};
use super::words::approximate_number;
use super::Hedge;
use crate::extract::Doc;
use crate::lexicon::lists::quantities::HEDGES;
use crate::text::hash::FastMap;
use crate::text::Word;
use std::sync::OnceLock;

/// A hedge as written before the figure (`data/words/quantities/hedges.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HedgeWord {
    Approx,
    MoreThan,
    AtLeast,
    Nearly,
    LessThan,
    AtMost,
    Between,
    From,
}

impl HedgeWord {
    /// The hedge a role of the hedge list names.
    fn from_role(role: &str) -> HedgeWord {
        match role {
            "approximate" => HedgeWord::Approx,
            "more_than" => HedgeWord::MoreThan,
            "at_least" => HedgeWord::AtLeast,
            "nearly" => HedgeWord::Nearly,
            "less_than" => HedgeWord::LessThan,
            "at_most" => HedgeWord::AtMost,
            "between" => HedgeWord::Between,
            "from" => HedgeWord::From,
            other => unreachable!("hedges.tsv: unknown role {other}"),
        }
    }
}

/// The hedge ending just before token `i`: its first token and kind.
pub(super) fn hedge_before(w: &[Word], i: usize) -> (usize, Option<HedgeWord>) {
    let Some(before) = i.checked_sub(1) else {
        return (i, None);
    };
    // Only the hedges ending in the word before `i` can end there: the list's
    // rows by their last word, each word's in the list's order, each hedge
    // split into its words, last first, once.
    type ByLastWord = FastMap<&'static str, Vec<(Vec<&'static str>, HedgeWord)>>;
    static BY_LAST_WORD: OnceLock<ByLastWord> = OnceLock::new();
    let by_last = BY_LAST_WORD.get_or_init(|| {
        let mut by_last = ByLastWord::default();
        for &(words, role) in HEDGES {
            let backwards: Vec<&str> = words.rsplit(' ').collect();
            by_last
                .entry(backwards[0])
                .or_default()
                .push((backwards, HedgeWord::from_role(role)));
        }
        by_last
    });
    for (backwards, hedge) in by_last.get(w[before].lower.as_str()).into_iter().flatten() {
        if let Some(start) = ends_at(w, i, backwards) {
            return (start, Some(*hedge));
        }
    }
    (i, None)
}

/// The first token of the phrase whose words are `backwards`, last first,
/// when it ends just before token `i`.
fn ends_at(w: &[Word], i: usize, backwards: &[&str]) -> Option<usize> {
    let mut k = i;
    for word in backwards {
        k = k.checked_sub(1).filter(|&k| w[k].is(word))?;
    }
    Some(k)
}

/// "une trentaine": a French approximate number is its own hedge. Returns
/// where the hedge starts (the article, when there is one).
pub(super) fn approximate_noun_start(w: &[Word], f: &Figure) -> Option<usize> {
    approximate_number(&w[f.start].lower)?;
    let article = f.start > 0 && (w[f.start - 1].is("une") || w[f.start - 1].is("la"));
    Some(if article { f.start - 1 } else { f.start })
}

/// "between 10 and 20", "20 to 50", "20-50", "from 20 to 50": extends the
/// figure to the second one; returns whether it did.
pub(super) fn extend_to_range(
    doc: &Doc,
    w: &[Word],
    fig: &mut Figure,
    hedge: Option<HedgeWord>,
) -> bool {
    let Some(sep) = w.get(fig.end) else {
        return false;
    };
    let is_sep = if hedge == Some(HedgeWord::Between) {
        sep.is("and")
    } else {
        sep.is("to") || sep.is("-") || sep.is("à") || sep.is("bis")
    };
    if !is_sep {
        return false;
    }
    let Some(second) = figure_at(doc, w, fig.end + 1) else {
        return false;
    };
    let joins = second.high >= fig.low && !second.vague && !fig.vague;
    // "20 to 50 million": the scale of the second applies to the first.
    let scale = if second.low >= 1000.0 * fig.high && fig.high < 1000.0 {
        second.low / second_mantissa(w, &second)
    } else {
        1.0
    };
    if joins && fig.low * scale <= second.high {
        fig.low *= scale;
        fig.high = second.high;
        fig.end = second.end;
        fig.unit = fig.unit.or(second.unit);
        true
    } else {
        false
    }
}

/// The interval `[low, high]` and the hedge of a figure.
pub(super) fn interval(
    fig: &Figure,
    hedge: Option<HedgeWord>,
    ranged: bool,
) -> (Option<f64>, Option<f64>, Hedge) {
    if ranged {
        return (Some(fig.low), Some(fig.high), Hedge::Range);
    }
    if fig.vague {
        return (Some(fig.low), Some(fig.high), Hedge::Vague);
    }
    let x = fig.low;
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
}
