//! An article's mentions grouped by sentence, so that each sentence reads
//! its own instead of filtering the whole article's: records and facts stay
//! linear in the size of the article.
//!
//! Sentences come in text order and do not overlap; each group keeps the
//! mentions in their given order.

use crate::text::{Sentence, Span};
use std::ops::Range;

/// For each sentence, the items whose span it contains.
pub(crate) fn contained<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
) -> Vec<Vec<&'a T>> {
    let near = |s: Span| {
        sentences.partition_point(|x| x.span.end < s.start)
            ..sentences.partition_point(|x| x.span.start <= s.start)
    };
    group(sentences, items, span, near, |x, s| x.contains(s))
}

/// For each sentence, the items whose span shares a byte with it.
pub(crate) fn overlapping<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
) -> Vec<Vec<&'a T>> {
    let near = |s: Span| {
        sentences.partition_point(|x| x.span.end <= s.start)
            ..sentences.partition_point(|x| x.span.start < s.end)
    };
    group(sentences, items, span, near, |x, s| x.overlaps(s))
}

/// For each sentence, the items whose sentence (as `sentence` gives it) is it.
pub(crate) fn of_sentence<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    sentence: impl Fn(&T) -> Span,
) -> Vec<Vec<&'a T>> {
    let near = |s: Span| {
        sentences.partition_point(|x| x.span.start < s.start)
            ..sentences.partition_point(|x| x.span.start <= s.start)
    };
    group(sentences, items, sentence, near, |x, s| x == s)
}

/// For each sentence, the items whose span `keeps` it, trying for each item
/// only the sentences `near` its span (found by binary search: sentence
/// starts and ends both rise in text order).
fn group<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
    near: impl Fn(Span) -> Range<usize>,
    keeps: impl Fn(Span, Span) -> bool,
) -> Vec<Vec<&'a T>> {
    let mut out = vec![Vec::new(); sentences.len()];
    for item in items {
        let s = span(item);
        for j in near(s) {
            if keeps(sentences[j].span, s) {
                out[j].push(item);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(spans: &[(usize, usize)]) -> Vec<Sentence> {
        spans
            .iter()
            .map(|&(s, e)| Sentence {
                span: Span::new(s, e),
                paragraph: 0,
                first_token: 0,
                end_token: 0,
            })
            .collect()
    }

    /// Each grouping gives what filtering every sentence over all items gives.
    fn check(ss: &[Sentence], items: &[Span]) {
        let by = |f: &dyn Fn(Span, Span) -> bool| -> Vec<Vec<&Span>> {
            ss.iter()
                .map(|x| items.iter().filter(|i| f(x.span, **i)).collect())
                .collect()
        };
        assert_eq!(contained(ss, items, |s| *s), by(&|a, b| a.contains(b)));
        assert_eq!(overlapping(ss, items, |s| *s), by(&|a, b| a.overlaps(b)));
        assert_eq!(of_sentence(ss, items, |s| *s), by(&|a, b| a == b));
    }

    #[test]
    fn groups_match_filtering_every_sentence() {
        let ss = sentences(&[(0, 10), (10, 20), (22, 30), (30, 30), (30, 41)]);
        let items: Vec<Span> = [
            (0, 0),
            (2, 5),
            (8, 12),
            (10, 10),
            (12, 20),
            (20, 22),
            (25, 35),
        ]
        .iter()
        .chain(&[(30, 30), (0, 41), (40, 41), (41, 41), (21, 23)])
        .map(|&(s, e)| Span::new(s, e))
        .collect();
        check(&ss, &items);
    }

    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Sentences from sorted cut points, taken two by two: gaps, touching
        /// and empty sentences; items anywhere, some empty.
        #[test]
        fn groups_match_filtering_on_any_sentences(
            mut cuts in proptest::collection::vec(0usize..60, 0..12),
            items in proptest::collection::vec((0usize..64, 0usize..8), 0..20),
        ) {
            crate::text::sort::all(&mut cuts);
            let spans: Vec<(usize, usize)> = cuts.chunks_exact(2).map(|c| (c[0], c[1])).collect();
            let items: Vec<Span> = items.iter().map(|&(s, n)| Span::new(s, s + n)).collect();
            check(&sentences(&spans), &items);
        }
    }
}
