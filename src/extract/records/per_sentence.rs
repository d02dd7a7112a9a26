//! An article's mentions grouped by sentence, so that each sentence reads
//! its own instead of filtering the whole article's: records and facts stay
//! linear in the size of the article.
//!
//! Sentences come in text order and do not overlap; each group keeps the
//! mentions in their given order.

use crate::text::{Sentence, Span};

/// For each sentence, the items whose span it contains.
pub(crate) fn contained<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
) -> Vec<Vec<&'a T>> {
    let mut out = vec![Vec::new(); sentences.len()];
    for item in items {
        let s = span(item);
        let n = sentences.partition_point(|x| x.span.start <= s.start);
        for j in (0..n).rev() {
            let sp = sentences[j].span;
            if sp.end < s.start {
                break;
            }
            if sp.contains(s) {
                out[j].push(item);
            }
        }
    }
    out
}

/// For each sentence, the items whose span shares a byte with it.
pub(crate) fn overlapping<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    span: impl Fn(&T) -> Span,
) -> Vec<Vec<&'a T>> {
    let mut out = vec![Vec::new(); sentences.len()];
    for item in items {
        let s = span(item);
        let first = sentences.partition_point(|x| x.span.end <= s.start);
        for (j, sentence) in sentences.iter().enumerate().skip(first) {
            if sentence.span.start >= s.end {
                break;
            }
            if sentence.span.overlaps(s) {
                out[j].push(item);
            }
        }
    }
    out
}

/// For each sentence, the items whose sentence (as `sentence` gives it) is it.
pub(crate) fn of_sentence<'a, T>(
    sentences: &[Sentence],
    items: &'a [T],
    sentence: impl Fn(&T) -> Span,
) -> Vec<Vec<&'a T>> {
    let mut out = vec![Vec::new(); sentences.len()];
    for item in items {
        let s = sentence(item);
        let n = sentences.partition_point(|x| x.span.start < s.start);
        for (j, x) in sentences.iter().enumerate().skip(n) {
            if x.span.start != s.start {
                break;
            }
            if x.span == s {
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
        let by = |f: &dyn Fn(Span, Span) -> bool| -> Vec<Vec<&Span>> {
            ss.iter()
                .map(|x| items.iter().filter(|i| f(x.span, **i)).collect())
                .collect()
        };
        assert_eq!(contained(&ss, &items, |s| *s), by(&|a, b| a.contains(b)));
        assert_eq!(overlapping(&ss, &items, |s| *s), by(&|a, b| a.overlaps(b)));
        assert_eq!(of_sentence(&ss, &items, |s| *s), by(&|a, b| a == b));
    }
}
