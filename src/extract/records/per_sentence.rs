//! An article's mentions grouped by sentence, so that each sentence reads
//! its own instead of filtering the whole article's: records and facts stay
//! linear in the size of the article.
//!
//! Sentences come in text order and do not overlap; each group keeps the
//! mentions in their given order.

use crate::text::{Sentence, Span};
use std::ops::Index;

/// Mentions grouped by sentence, all in one list: sentence `i`'s are
/// `self[i]`. One list for the article instead of one per sentence.
pub(crate) struct PerSentence<'a, T> {
    items: Vec<&'a T>,
    /// Where each sentence's items start in `items`, and one past the last.
    starts: Vec<usize>,
}

impl<T> PerSentence<'_, T> {
    /// How many items some sentence holds (an item in two is counted twice).
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

impl<'a, T> Index<usize> for PerSentence<'a, T> {
    type Output = [&'a T];

    fn index(&self, sentence: usize) -> &[&'a T] {
        &self.items[self.starts[sentence]..self.starts[sentence + 1]]
    }
}

/// For each sentence, the items whose span it contains.
pub(crate) fn contained<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
) -> PerSentence<'a, T> {
    let near = Near {
        before: |x: Span, s: Span| x.end < s.start,
        up_to: |x: Span, s: Span| x.start <= s.start,
    };
    group(sentences, items, span, near, |x, s| x.contains(s))
}

/// For each sentence, the items whose span shares a byte with it.
pub(crate) fn overlapping<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
) -> PerSentence<'a, T> {
    let near = Near {
        before: |x: Span, s: Span| x.end <= s.start,
        up_to: |x: Span, s: Span| x.start < s.end,
    };
    group(sentences, items, span, near, |x, s| x.overlaps(s))
}

/// For each sentence, the items whose sentence (as `sentence` gives it) is it.
pub(crate) fn of_sentence<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    sentence: impl Fn(&T) -> Span,
) -> PerSentence<'a, T> {
    let near = Near {
        before: |x: Span, s: Span| x.start < s.start,
        up_to: |x: Span, s: Span| x.start <= s.start,
    };
    group(sentences, items, sentence, near, |x, s| x == s)
}

/// The sentences an item may belong to: those after every sentence
/// `before` it, up to the last that it is `up_to` (each true of a first run
/// of sentences: sentence starts and ends both rise in text order).
struct Near<B, U> {
    before: B,
    up_to: U,
}

/// For each sentence, the items whose span `keeps` it, trying for each item
/// only the sentences `near` its span.
fn group<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
    near: Near<impl Fn(Span, Span) -> bool, impl Fn(Span, Span) -> bool>,
    keeps: impl Fn(Span, Span) -> bool,
) -> PerSentence<'a, T> {
    // Mentions come in text order: each one's sentences are searched from
    // the last one's.
    let mut first = 0;
    // Each item with its sentence, in item order, then in sentence order
    // (stably: each sentence keeps its items' order). Mentions come in
    // text order, so the list is most often in sentence order already.
    let mut kept: Vec<(usize, &'a T)> = Vec::with_capacity(items.len());
    for item in items {
        let s = span(item);
        first = partition_from(sentences, first, |x| (near.before)(x.span, s));
        let end = partition_from(sentences, first, |x| (near.up_to)(x.span, s));
        kept.extend(
            (first..end)
                .filter(|&j| keeps(sentences[j].span, s))
                .map(|j| (j, item)),
        );
    }
    if !kept.is_sorted_by_key(|k| k.0) {
        crate::text::sort::by_key(&mut kept, |k| k.0);
    }
    let mut starts = vec![0; sentences.len() + 1];
    for &(j, _) in &kept {
        starts[j + 1] += 1;
    }
    for j in 0..sentences.len() {
        starts[j + 1] += starts[j];
    }
    PerSentence {
        items: kept.into_iter().map(|k| k.1).collect(),
        starts,
    }
}

/// `list.partition_point(pred)`, looked for from `hint` on: a few steps
/// when it is near, a binary search otherwise.
fn partition_from<T>(list: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let hint = hint.min(list.len());
    if hint > 0 && !pred(&list[hint - 1]) {
        return list[..hint - 1].partition_point(pred);
    }
    let mut i = hint;
    for _ in 0..4 {
        if i == list.len() || !pred(&list[i]) {
            return i;
        }
        i += 1;
    }
    i + list[i..].partition_point(pred)
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
        fn lists<'a>(g: PerSentence<'a, Span>, n: usize) -> Vec<Vec<&'a Span>> {
            (0..n).map(|i| g[i].to_vec()).collect()
        }
        let got = lists(contained(ss, items, |s| *s), ss.len());
        assert_eq!(got, by(&|a, b| a.contains(b)));
        let got = lists(overlapping(ss, items, |s| *s), ss.len());
        assert_eq!(got, by(&|a, b| a.overlaps(b)));
        let got = lists(of_sentence(ss, items, |s| *s), ss.len());
        assert_eq!(got, by(&|a, b| a == b));
    }

    #[test]
    fn partition_from_any_hint_is_the_partition_point() {
        let list = [1, 2, 2, 3, 5, 8, 8, 8, 9, 10, 12, 20];
        for bound in 0..22 {
            let want = list.partition_point(|&x| x < bound);
            for hint in 0..list.len() + 3 {
                assert_eq!(partition_from(&list, hint, |&x| x < bound), want);
            }
        }
        assert_eq!(partition_from(&[] as &[u8], 3, |_| true), 0);
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
