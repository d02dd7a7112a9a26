//! What the fact diff reads around a figure: whether it is a rate ("75 miles
//! per hour" is not "75 miles"), and whether it only restates the figure
//! before it in another unit ("75 miles per hour (120 kilometers per hour)").
//!
//! The rate words are `data/words/compare/rates.tsv`.

use crate::article::Article;
use crate::lexicon::lists;
use crate::text::Span;
use std::sync::OnceLock;

/// The unit of time that makes the figure at `span` a rate ("per hour" ->
/// "hour"), read from the words right after it.
pub(super) fn rate_after(text: &str, span: Span) -> Option<&'static str> {
    let after = text.get(span.end..)?;
    let words: Vec<String> = after
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let joined = words.join(" ");
    rates().iter().find_map(|(phrase, unit)| {
        let rest = joined.strip_prefix(phrase.as_str())?;
        (rest.is_empty() || rest.starts_with(' ')).then_some(*unit)
    })
}

/// The rate phrases in lower case ("pro Stunde" -> "pro stunde"), in the
/// list's order, with their unit of time; lowered once.
fn rates() -> &'static [(String, &'static str)] {
    static LOWERED: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    LOWERED.get_or_init(|| {
        (lists::compare::RATES.iter())
            .map(|&(phrase, unit)| (phrase.to_lowercase(), unit))
            .collect()
    })
}

/// Whether quantity `i` of `art` only restates the one before it in another
/// unit: it opens a parenthesis right after that figure, or after the rate
/// words that follow it ("3 mph (6 kph)", "185 mph (~295 km/h)", "75 miles
/// per hour (120 kilometers per hour)").
pub(super) fn restates_previous(art: &Article, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &art.quantities[p]) else {
        return false;
    };
    let q = &art.quantities[i];
    let text = art.analysis_text();
    let Some(between) = text.get(prev.span.end..q.span.start) else {
        return false;
    };
    let Some(rest) = between.trim_end_matches(['~', '≈', ' ']).strip_suffix('(') else {
        return false;
    };
    let rest = rest.trim();
    rest.is_empty()
        || (rate_after(text, prev.span).is_some() && rest.split_whitespace().count() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_read_after_the_figure() {
        let text = "winds of 75 miles per hour, 20 morts par jour, 30 miles north";
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        assert_eq!(rate_after(text, at("75 miles")), Some("hour"));
        assert_eq!(rate_after(text, at("20 morts")), Some("day"));
        assert_eq!(rate_after(text, at("30 miles")), None);
    }
}
