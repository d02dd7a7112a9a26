//! [`MappedText`]: a derived text that remembers where each of its bytes came from.
//!
//! Cleaning and normalization never edit the user's input. They build a new
//! text piece by piece, and every piece records the source range it stands for:
//!
//! - a *verbatim* piece is a copy of its source range, so any offset inside it
//!   maps back exactly;
//! - a *replaced* piece (a curly quote written as `"`, `&amp;` written as `&`,
//!   a run of white space written as one space) maps as a whole: a span that
//!   starts inside it starts at the source range's start, one that ends inside
//!   it ends at the source range's end.
//!
//! Maps compose ([`MappedText::compose`]), so the analysis text of an HTML page
//! maps straight back to the HTML the user gave.
//!
//! ```
//! use storydiff::text::{MappedText, Span};
//! let source = "a &amp; b";
//! let mut b = MappedText::builder();
//! b.copy(source, 0..2);
//! b.replace("&", 2..7);
//! b.copy(source, 7..9);
//! let text = b.finish();
//! assert_eq!(text.as_str(), "a & b");
//! assert_eq!(text.to_source(Span::new(2, 3)), Span::new(2, 7));
//! assert_eq!(text.to_source(Span::new(4, 5)), Span::new(8, 9));
//! ```

use super::span::partition_point_near;
use super::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One piece of a [`MappedText`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Piece {
    /// Where the piece starts in the derived text.
    out: usize,
    /// The source range it stands for.
    src_start: usize,
    src_end: usize,
    /// Whether the piece is a byte-for-byte copy of its source range.
    verbatim: bool,
}

/// A text derived from a source text, with an offset map back to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappedText {
    text: String,
    pieces: Vec<Piece>,
    source_len: usize,
}

impl MappedText {
    /// A builder that assembles a mapped text piece by piece.
    pub fn builder() -> MappedTextBuilder {
        MappedTextBuilder::default()
    }

    /// A builder with room for a text of `len` bytes: a text derived from a
    /// source of that length (cleaned, normalized) is seldom longer, and is
    /// then built without copying what it holds each time it outgrows its room.
    pub fn builder_with_capacity(len: usize) -> MappedTextBuilder {
        MappedTextBuilder {
            text: String::with_capacity(len),
            ..MappedTextBuilder::default()
        }
    }

    /// The identity map: `source` copied whole.
    pub fn identity(source: &str) -> MappedText {
        let mut b = MappedText::builder();
        b.copy(source, 0..source.len());
        b.finish_for(source.len())
    }

    /// The derived text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The derived text's length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the derived text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Maps a span of this text to the span of the source it came from.
    pub fn to_source(&self, span: Span) -> Span {
        let mut near = 0;
        self.to_source_near(span, &mut near)
    }

    /// [`MappedText::to_source`] for a caller that maps many spans mostly in
    /// text order (a report): the search for the span's start begins at piece
    /// `near` when the start lies at or after it, and `near` is left at the
    /// start's piece for the next span. Any `near` gives the same span.
    pub fn to_source_near(&self, span: Span, near: &mut usize) -> Span {
        if self.pieces.is_empty() {
            return Span::new(0, 0);
        }
        let first = self.piece_at_from(*near, span.start);
        *near = first;
        let start = self.start_to_source(first, span.start);
        let end = if span.is_empty() {
            start
        } else {
            // The end lies at or after the start: its piece is `first` or a later one.
            let last = self.piece_at_from(first, span.end.saturating_sub(1));
            self.end_to_source(last, span.end)
        };
        Span::new(start, end.max(start))
    }

    /// Maps a source span to the smallest span of this text whose source covers
    /// as much of it as survives (an empty span at the nearest position if
    /// nothing of it does). Used to find where input-level findings landed.
    pub fn from_source(&self, span: Span) -> Span {
        let mut start = None;
        let mut end = 0;
        for (i, p) in self.pieces.iter().enumerate() {
            let out_end = self.piece_out_end(i);
            if p.src_end <= span.start || p.src_start >= span.end {
                if p.src_end <= span.start {
                    end = out_end;
                }
                continue;
            }
            let (s, e) = if p.verbatim {
                let s = p.out + span.start.saturating_sub(p.src_start);
                let e = out_end - p.src_end.saturating_sub(span.end);
                (s, e)
            } else {
                (p.out, out_end)
            };
            start.get_or_insert(s);
            end = e;
        }
        match start {
            Some(s) => Span::new(s, end.max(s)),
            None => Span::new(end, end),
        }
    }

    /// The source offset of a start position `at` in this text, which lies in piece `i`.
    fn start_to_source(&self, i: usize, at: usize) -> usize {
        let p = self.pieces[i];
        if at >= self.piece_out_end(i) {
            return p.src_end;
        }
        if p.verbatim {
            p.src_start + (at - p.out)
        } else {
            p.src_start
        }
    }

    /// The source offset of an end position `at` in this text, whose byte
    /// just before lies in piece `i`.
    fn end_to_source(&self, i: usize, at: usize) -> usize {
        let p = self.pieces[i];
        if p.verbatim {
            (p.src_start + (at - p.out)).min(p.src_end)
        } else {
            p.src_end
        }
    }

    fn piece_at(&self, at: usize) -> usize {
        self.pieces
            .partition_point(|p| p.out <= at)
            .saturating_sub(1)
    }

    /// [`MappedText::piece_at`], searching from piece `from` on (a span
    /// mostly starts near the last one and ends near its start).
    fn piece_at_from(&self, from: usize, at: usize) -> usize {
        // The pieces that start at or before `at`, counted from just after `from`.
        partition_point_near(&self.pieces, from + 1, |p| p.out <= at).saturating_sub(1)
    }

    fn piece_out_end(&self, i: usize) -> usize {
        self.pieces
            .get(i + 1)
            .map(|p| p.out)
            .unwrap_or(self.text.len())
    }

    /// Composes two maps: `self` maps into some middle text, and `middle` maps
    /// that middle text into the original source. The result maps `self`'s
    /// text straight into the original source; it takes that text over
    /// instead of copying it.
    pub fn compose(self, middle: &MappedText) -> MappedText {
        let mut pieces = Vec::with_capacity(self.pieces.len());
        for (i, p) in self.pieces.iter().enumerate() {
            let out_end = self.piece_out_end(i);
            if p.verbatim {
                // A verbatim piece may cross several pieces of the middle map:
                // split it where they do, so each part keeps its exactness.
                let mut pos = p.src_start;
                while pos < p.src_end {
                    let j = middle.piece_at(pos);
                    let m = middle.pieces[j];
                    let m_end = middle.piece_out_end(j).min(p.src_end);
                    let out = p.out + (pos - p.src_start);
                    if m.verbatim {
                        let s = m.src_start + (pos - m.out);
                        pieces.push(Piece {
                            out,
                            src_start: s,
                            src_end: s + (m_end - pos),
                            verbatim: true,
                        });
                    } else {
                        pieces.push(Piece {
                            out,
                            src_start: m.src_start,
                            src_end: m.src_end,
                            verbatim: false,
                        });
                    }
                    if m_end <= pos {
                        break;
                    }
                    pos = m_end;
                }
                if p.src_start == p.src_end {
                    let s = middle.to_source(Span::new(p.src_start, p.src_end));
                    pieces.push(Piece {
                        out: p.out,
                        src_start: s.start,
                        src_end: s.end,
                        verbatim: out_end == p.out,
                    });
                }
            } else {
                let s = middle.to_source(Span::new(p.src_start, p.src_end));
                pieces.push(Piece {
                    out: p.out,
                    src_start: s.start,
                    src_end: s.end,
                    verbatim: false,
                });
            }
        }
        MappedText {
            text: self.text,
            pieces,
            source_len: middle.source_len,
        }
    }

    /// The length of the source text this maps into.
    pub fn source_len(&self) -> usize {
        self.source_len
    }

    /// The source ranges that no piece stands for (what was dropped).
    pub fn dropped(&self) -> Vec<Span> {
        let mut covered: Vec<Range<usize>> = self
            .pieces
            .iter()
            .filter(|p| p.src_start < p.src_end)
            .map(|p| p.src_start..p.src_end)
            .collect();
        crate::text::sort::by_key(&mut covered, |r| r.start);
        let mut gaps = Vec::new();
        let mut at = 0;
        for r in covered {
            if r.start > at {
                gaps.push(Span::new(at, r.start));
            }
            at = at.max(r.end);
        }
        if at < self.source_len {
            gaps.push(Span::new(at, self.source_len));
        }
        gaps
    }
}

/// Builds a [`MappedText`] piece by piece, in output order.
#[derive(Debug, Default)]
pub struct MappedTextBuilder {
    text: String,
    pieces: Vec<Piece>,
    max_src: usize,
}

impl MappedTextBuilder {
    /// Appends `source[range]` verbatim.
    pub fn copy(&mut self, source: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let out = self.text.len();
        self.text.push_str(&source[range.clone()]);
        self.max_src = self.max_src.max(range.end);
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim && last.src_end == range.start {
                last.src_end = range.end;
                return;
            }
        }
        self.pieces.push(Piece {
            out,
            src_start: range.start,
            src_end: range.end,
            verbatim: true,
        });
    }

    /// Appends `text` standing for the source range `range` as a whole.
    /// `range` may be empty (inserted text, such as a paragraph break).
    pub fn replace(&mut self, text: &str, range: Range<usize>) {
        if text.is_empty() {
            return;
        }
        let out = self.text.len();
        self.text.push_str(text);
        self.max_src = self.max_src.max(range.end);
        self.pieces.push(Piece {
            out,
            src_start: range.start,
            src_end: range.end,
            verbatim: false,
        });
    }

    /// The text built so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Finishes; the source is taken to end where the last piece does.
    pub fn finish(self) -> MappedText {
        let n = self.max_src;
        self.finish_for(n)
    }

    /// Finishes, recording the full length of the source (so that
    /// [`MappedText::dropped`] sees a dropped tail).
    pub fn finish_for(self, source_len: usize) -> MappedText {
        MappedText {
            text: self.text,
            pieces: self.pieces,
            source_len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (String, MappedText) {
        let source = "x “q” &amp; y".to_string();
        let mut b = MappedText::builder();
        b.copy(&source, 0..2);
        b.replace("\"", 2..5);
        b.copy(&source, 5..6);
        b.replace("\"", 6..9);
        b.copy(&source, 9..10);
        b.replace("&", 10..15);
        b.copy(&source, 15..17);
        (source.clone(), b.finish_for(source.len()))
    }

    #[test]
    fn maps_verbatim_and_replaced() {
        let (source, text) = sample();
        assert_eq!(text.as_str(), "x \"q\" & y");
        let q = Span::new(2, 5); // "q" with quotes
        assert_eq!(text.to_source(q).of(&source), "“q”");
        assert_eq!(text.to_source(Span::new(3, 4)).of(&source), "q");
        assert_eq!(text.to_source(Span::new(6, 7)).of(&source), "&amp;");
        assert_eq!(text.to_source(Span::new(8, 9)).of(&source), "y");
        assert_eq!(text.from_source(Span::new(15, 17)), Span::new(7, 9));
    }

    #[test]
    fn composes() {
        let (source, first) = sample();
        // Second stage: drop the leading "x ".
        let mut b = MappedText::builder();
        b.copy(first.as_str(), 2..first.len());
        let second = b.finish_for(first.len());
        let both = second.compose(&first);
        assert_eq!(both.as_str(), "\"q\" & y");
        assert_eq!(both.to_source(Span::new(1, 2)).of(&source), "q");
        assert_eq!(both.to_source(Span::new(0, 3)).of(&source), "“q”");
        assert_eq!(both.to_source(Span::new(6, 7)).of(&source), "y");
        assert_eq!(both.dropped(), vec![Span::new(0, 2)]);
    }

    /// `to_source` with each piece found by a search over all the pieces.
    fn searched_whole(text: &MappedText, span: Span) -> Span {
        if text.pieces.is_empty() {
            return Span::new(0, 0);
        }
        let start = text.start_to_source(text.piece_at(span.start), span.start);
        let end = if span.is_empty() {
            start
        } else {
            text.end_to_source(text.piece_at(span.end - 1), span.end)
        };
        Span::new(start, end.max(start))
    }

    #[test]
    fn near_gives_the_same_spans_from_any_piece() {
        let (_, first) = sample();
        // Composed over a map that drops "x ": pieces of one character, and
        // a source that ends in a two-byte character.
        let mut b = MappedText::builder();
        b.copy(first.as_str(), 2..first.len());
        b.replace("é", first.len()..first.len());
        let composed = b.finish_for(first.len()).compose(&first);
        let empty = MappedText::builder().finish();
        for text in [&first, &composed, &MappedText::identity("héllo"), &empty] {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.as_str().is_char_boundary(i))
                .collect();
            for (k, &start) in bounds.iter().enumerate() {
                for &end in &bounds[k..] {
                    let span = Span::new(start, end);
                    for from in 0..=text.pieces.len() + 1 {
                        let mut near = from;
                        assert_eq!(
                            text.to_source_near(span, &mut near),
                            searched_whole(text, span),
                            "{span:?} from piece {from} of {:?}",
                            text.as_str()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn identity_round_trips() {
        let s = "héllo wörld";
        let t = MappedText::identity(s);
        assert_eq!(t.to_source(Span::new(1, 6)), Span::new(1, 6));
        assert!(t.dropped().is_empty());
    }
}
