//! [`Span`]: a half-open byte range into one text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` into a text.
///
/// Spans are always on UTF-8 character boundaries of the text they were made
/// for. Which text that is (the input, the cleaned body or the analysis text)
/// is decided by the owner; [`crate::text::MappedText`] converts between them.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// The byte after the last.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not be after `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a range, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The slice of `text` this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share a byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shifts the span right by `by` bytes.
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Converts byte offsets of one text into Unicode code point offsets, the unit
/// the report uses (so that any language can index the text it gave us).
///
/// Built once per text; each lookup is a binary search over the non-ASCII
/// characters only, so pure-ASCII texts cost nothing.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of every non-ASCII character and its extra byte count so far.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let b = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut at = 0;
        loop {
            // ASCII is passed over eight bytes at a time.
            at = super::ascii::past_ascii_chunks(b, at);
            if at >= b.len() {
                break;
            }
            // A character's length, read from its first byte (the text is UTF-8).
            let n = match b[at] {
                0..=0x7f => 1,
                0x80..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            if n > 1 {
                extra += n - 1;
                wide.push((at, extra));
            }
            at += n;
        }
        CharIndex { wide }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary).
    pub fn chars(&self, byte: usize) -> usize {
        // Extra bytes of all wide characters that start before `byte`.
        let i = self.wide.partition_point(|&(at, _)| at < byte);
        self.chars_with(i, byte)
    }

    /// The code point offsets of `span`'s start and end, for a caller that
    /// converts many spans mostly in text order (a report). `near` is where
    /// the last span's start was found among the wide characters: the start's
    /// search begins there, the end's at the start's, and `near` is left at
    /// the start's for the next span. Any `near` gives the same offsets.
    pub fn span_near(&self, span: Span, near: &mut usize) -> (usize, usize) {
        let first = self.wide_before_from(*near, span.start);
        *near = first;
        let last = self.wide_before_from(first, span.end);
        (
            self.chars_with(first, span.start),
            self.chars_with(last, span.end),
        )
    }

    /// The number of wide characters that start before `byte`, searching
    /// from `from` on (spans are short and mostly cross none).
    fn wide_before_from(&self, from: usize, byte: usize) -> usize {
        partition_point_near(&self.wide, from, |&(at, _)| at < byte)
    }

    /// The code point offset of `byte`, given the number of wide characters before it.
    fn chars_with(&self, wide_before: usize, byte: usize) -> usize {
        let extra = match wide_before {
            0 => 0,
            i => self.wide[i - 1].1,
        };
        byte - extra
    }

    /// The byte offset of code point offset `chars` (the inverse of [`CharIndex::chars`]).
    pub fn byte(&self, chars: usize) -> usize {
        // Find the last wide char whose code point index is before `chars`.
        let mut lo = 0;
        let mut hi = self.wide.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (at, extra_after) = self.wide[mid];
            let char_at = at - (extra_after - (self.wide_len(mid) - 1));
            if char_at < chars {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let extra = if lo == 0 { 0 } else { self.wide[lo - 1].1 };
        chars + extra
    }

    fn wide_len(&self, i: usize) -> usize {
        let before = if i == 0 { 0 } else { self.wide[i - 1].1 };
        self.wide[i].1 - before + 1
    }
}

/// `items.partition_point(pred)` for a caller that asks many times with
/// answers mostly close together (spans in text order): the search starts
/// at `near`, a past answer, trying it and the next before halving the rest,
/// and falls back to the part before `near` when the answer lies there. Any
/// `near` gives the same answer.
pub(crate) fn partition_point_near<T>(
    items: &[T],
    near: usize,
    pred: impl Fn(&T) -> bool,
) -> usize {
    if near > items.len() || (near > 0 && !pred(&items[near - 1])) {
        // The answer lies before `near`.
        return items[..near.min(items.len())].partition_point(pred);
    }
    match &items[near..] {
        [] => near,
        [first, ..] if !pred(first) => near,
        [_] => near + 1,
        [_, second, ..] if !pred(second) => near + 1,
        rest => near + rest.partition_point(pred),
    }
}

/// A set of spans that answers "does one of them contain this span?" in
/// O(log n): the spans sorted by start, with the furthest end reached so far.
/// Built once per article, so checks per token or per mention stay linear
/// overall instead of scanning every span each time.
#[derive(Clone, Debug, Default)]
pub struct Covers {
    starts: Vec<usize>,
    /// `reach[i]`: the largest end among the first `i + 1` spans by start.
    reach: Vec<usize>,
}

impl Covers {
    /// The index of `spans`, in any order.
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Covers {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        crate::text::sort::by_key_unstable(&mut spans, |s| s.start);
        let mut reach = Vec::with_capacity(spans.len());
        let mut far = 0;
        for s in &spans {
            far = far.max(s.end);
            reach.push(far);
        }
        Covers {
            starts: spans.iter().map(|s| s.start).collect(),
            reach,
        }
    }

    /// Whether one of the spans contains `span` (as [`Span::contains`]).
    pub fn contains(&self, span: Span) -> bool {
        let n = self.starts.partition_point(|&s| s <= span.start);
        n > 0 && self.reach[n - 1] >= span.end
    }

    /// Whether one of the spans has `start <= at < end`.
    pub fn contains_point(&self, at: usize) -> bool {
        let n = self.starts.partition_point(|&s| s <= at);
        n > 0 && self.reach[n - 1] > at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_agree_with_a_scan() {
        let spans = [
            Span::new(5, 9),
            Span::new(0, 3),
            Span::new(2, 12),
            Span::new(20, 22),
            Span::new(7, 8),
        ];
        let covers = Covers::new(spans);
        for a in 0..25 {
            for b in a..25 {
                let s = Span::new(a, b);
                assert_eq!(
                    covers.contains(s),
                    spans.iter().any(|c| c.contains(s)),
                    "{a}..{b}"
                );
            }
            let point = spans.iter().any(|c| c.start <= a && a < c.end);
            assert_eq!(covers.contains_point(a), point, "{a}");
        }
        assert!(!Covers::new([]).contains(Span::new(0, 0)));
    }

    #[test]
    fn char_index_round_trips() {
        // Wide characters alone, among short and long runs of ASCII.
        for text in [
            "a€b“c”dé🙂z",
            "",
            "é",
            "plain ASCII, more than eight bytes long",
            "0123456€89abcdefgh🙂ijklmnopq“rstuvwxyz0123456789é",
        ] {
            let index = CharIndex::new(text);
            for (n, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(index.chars(byte), n, "byte {byte} of {text:?}");
                assert_eq!(index.byte(n), byte, "char {n} of {text:?}");
            }
            let n = text.chars().count();
            assert_eq!(index.chars(text.len()), n);
            assert_eq!(index.byte(n), text.len());
        }
    }

    #[test]
    fn span_near_agrees_with_chars_from_any_start() {
        for text in [
            "",
            "plain ASCII only",
            "é",
            "a€b“c”dé🙂z",
            "€€€ ascii between €“”🙂 and a long ASCII tail at the end",
        ] {
            let index = CharIndex::new(text);
            let bounds: Vec<usize> = (text.char_indices().map(|(i, _)| i))
                .chain([text.len()])
                .collect();
            // Every span against every hint, the hints past the end included.
            for (k, &start) in bounds.iter().enumerate() {
                for &end in &bounds[k..] {
                    let want = (index.chars(start), index.chars(end));
                    for hint in 0..index.wide.len() + 3 {
                        let mut near = hint;
                        let got = index.span_near(Span::new(start, end), &mut near);
                        assert_eq!(got, want, "{start}..{end} from {hint} in {text:?}");
                        let wide_before = index.wide.partition_point(|&(at, _)| at < start);
                        assert_eq!(near, wide_before, "{start}..{end} from {hint}");
                    }
                }
            }
        }
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.of("abcdefg"), "cde");
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert_eq!(s.cover(Span::new(7, 8)), Span::new(2, 8));
    }
}
