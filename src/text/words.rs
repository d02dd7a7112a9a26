//! The word view the extractors read tokens through: each token with its text
//! and its lower case, computed once per document instead of once per rule.
//!
//! ```
//! use storydiff::text::{segment, Words};
//! let text = "Police said 13 people died.";
//! let words = Words::new(text, &segment(text));
//! assert_eq!(words.len(), 6);
//! assert!(words[0].starts_upper() && words.is(1, "said"));
//! assert_eq!(words[2].text, "13");
//! ```

use std::ops::Deref;

use super::ascii::is_ascii_space;
use super::lower::Lower;
use super::{Segmentation, Span, TokenKind};

/// The number of white-space separated words of `s` (as
/// [`str::split_whitespace`] counts them), counted no further than `cap`: a
/// long paragraph is read only as far as a rule needs. Printable ASCII and
/// spaces are judged eight bytes at a time, other bytes one at a time; only
/// characters that are not ASCII are decoded.
pub(crate) fn count_words(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    // Whether the byte before `i` is white space (the text's start counts as such).
    let mut after_space = true;
    let mut i = 0;
    while i < b.len() && n < cap {
        if let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            if let Some(space) = printable_spaces(u64::from_le_bytes(chunk)) {
                // A word starts at a byte that is not space after one that is.
                let before = space << 8 | if after_space { 0x80 } else { 0 };
                n += count_high(!space & HIGH & before);
                after_space = space >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (len, space) = char_at(s, i);
        // Without a branch: a word starts where a non-space follows a space.
        n += usize::from(after_space & !space);
        after_space = space;
        i += len;
    }
    n.min(cap)
}

/// The words of `s` between white space, as [`str::split_whitespace`] gives
/// them; an ASCII byte is judged without decoding a character.
pub(crate) fn spaced_words(s: &str) -> SpacedWords<'_> {
    SpacedWords { s, at: 0 }
}

/// The last of [`spaced_words`] of `s`, found from its end.
pub(crate) fn last_spaced_word(s: &str) -> Option<&str> {
    if !s.is_ascii() {
        return s.split_whitespace().next_back();
    }
    let space = |&b: &u8| is_ascii_space(b);
    let b = s.as_bytes();
    let end = b.iter().rposition(|x| !space(x))? + 1;
    let start = b[..end].iter().rposition(space).map_or(0, |i| i + 1);
    Some(&s[start..end])
}

/// The iterator of [`spaced_words`]: `at` is always at a character boundary.
pub(crate) struct SpacedWords<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Iterator for SpacedWords<'a> {
    type Item = &'a str;

    // Inlined where it is called (a plain `#[inline]` was not taken): most
    // names are a word or two, read in a few dozen instructions, to which a
    // call's saving and restoring of registers would add a third.
    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        let (s, b) = (self.s, self.s.as_bytes());
        let mut i = self.at;
        loop {
            if i >= b.len() {
                self.at = i;
                return None;
            }
            let (n, space) = char_at(s, i);
            if !space {
                break;
            }
            i += n;
        }
        let start = i;
        while i < b.len() {
            // Printable ASCII, most of a word, takes one comparison.
            if (b'!'..0x80).contains(&b[i]) {
                i += 1;
                continue;
            }
            let (n, space) = char_at(s, i);
            if space {
                break;
            }
            i += n;
        }
        self.at = i;
        Some(&s[start..i])
    }
}

/// The length of the character at byte `i` of `s`, a character boundary,
/// and whether it is white space; ASCII is judged by its byte.
#[inline]
fn char_at(s: &str, i: usize) -> (usize, bool) {
    match s.as_bytes()[i] {
        b @ 0..0x80 => (1, is_ascii_space(b)),
        _ => decoded_char_at(s, i),
    }
}

/// [`char_at`] for a character of more than one byte.
#[inline(never)]
fn decoded_char_at(s: &str, i: usize) -> (usize, bool) {
    let c = s[i..].chars().next().unwrap_or(' ');
    (c.len_utf8(), c.is_whitespace())
}

/// The high bit of each of eight bytes.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The number of bytes whose high bit is set in `flags`, which has no other
/// bits: `count_ones` by one multiply that sums the bytes into the top one,
/// where the baseline x86-64 target has no `popcnt` to count bits with.
fn count_high(flags: u64) -> usize {
    ((flags >> 7).wrapping_mul(splat(1)) >> 56) as usize
}

/// Eight bytes that repeat `b`.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The spaces among eight bytes that are all printable ASCII or the space
/// (0x20 to 0x7f), the bytes of nearly every line: the high bit of each
/// space. `None` when a byte is outside that range (a tab, a line break or
/// another control, or a byte that is not ASCII), for the caller to read a
/// byte at a time. A byte of the range sets its high bit when 0x60 is
/// added, and only the space keeps it clear when 0x5f is; a sum carries
/// into the next byte only from a byte of 0xa0 or more, which fails the
/// test itself.
fn printable_spaces(x: u64) -> Option<u64> {
    let printable = x.wrapping_add(splat(0x60)) & !x & HIGH;
    (printable == HIGH).then(|| !(x + splat(0x5f)) & HIGH)
}

/// One token of a text, with its lower case.
#[derive(Clone, Debug)]
pub struct Word<'a> {
    /// Where the token is in the text.
    pub span: Span,
    /// Word, number, punctuation…
    pub kind: TokenKind,
    /// The token as written.
    pub text: &'a str,
    /// The token in lower case (Unicode lower-casing).
    pub lower: Lower<'a>,
    /// Index of the token's sentence in the segmentation.
    pub sentence: usize,
}

impl Word<'_> {
    /// Whether the token is a word (not a number or punctuation).
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// Whether the token is a word that starts with an upper-case letter.
    pub fn starts_upper(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// Whether the token's lower case is `lower`.
    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }
}

/// Every token of a segmented text as a [`Word`], in order; dereferences to
/// the slice of words.
#[derive(Clone, Debug, Default)]
pub struct Words<'a> {
    words: Vec<Word<'a>>,
}

impl<'a> Words<'a> {
    /// The words of `text`, which `segmentation` was made from.
    pub fn new(text: &'a str, segmentation: &Segmentation) -> Words<'a> {
        Words::read(text, None, segmentation)
    }
    /// [`Words::new`], the lower case of each ASCII word read from `lowered`,
    /// `text` with its ASCII lower-cased (see [`Lower::in_lowered`]): no
    /// string made for a capitalized word.
    pub(crate) fn in_lowered(
        text: &'a str,
        lowered: &'a str,
        segmentation: &Segmentation,
    ) -> Words<'a> {
        Words::read(text, Some(lowered), segmentation)
    }
    fn read(text: &'a str, lowered: Option<&'a str>, segmentation: &Segmentation) -> Words<'a> {
        let words = segmentation
            .tokens
            .iter()
            .map(|t| {
                let s = t.span.of(text);
                Word {
                    span: t.span,
                    kind: t.kind,
                    text: s,
                    lower: match lowered {
                        Some(lowered) => Lower::in_lowered(s, t.span, lowered),
                        None => Lower::new(s),
                    },
                    sentence: t.sentence,
                }
            })
            .collect();
        Words { words }
    }
    /// Whether the word at `i` exists and its lower case is `lower`.
    pub fn is(&self, i: usize, lower: &str) -> bool {
        self.words.get(i).is_some_and(|w| w.lower == lower)
    }
    /// The index of the first word starting at or after byte `at`.
    pub fn first_at_or_after(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }
}

impl<'a> Deref for Words<'a> {
    type Target = [Word<'a>];
    fn deref(&self) -> &[Word<'a>] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words_is_split_whitespace() {
        for c in (0..=0x3000u32)
            .chain([0x205f, 0xfeff, 0x1_f600])
            .filter_map(char::from_u32)
        {
            for s in [format!("a{c}b"), format!("{c}{c}x {c}"), format!("{c}")] {
                let want = s.split_whitespace().count();
                assert_eq!(count_words(&s, usize::MAX), want, "{:?}", s);
                assert_eq!(count_words(&s, 1), want.min(1), "{:?}", s);
            }
        }
        assert_eq!(count_words("one two  three\tfour", 3), 3);
        assert_eq!(count_words("one two", 0), 0);
    }

    /// Eight bytes at a time count as a byte at a time: every ASCII byte in
    /// every place of a block, blocks that start and end inside words, and
    /// every cap.
    #[test]
    fn count_words_by_blocks_is_split_whitespace() {
        let mut texts: Vec<String> = Vec::new();
        for c in 0..0x80u8 {
            for at in 0..17 {
                // With other white space around, and in blocks of printable
                // bytes and spaces only.
                for base in [
                    &b"ab cd\tef\ngh ij  kl\r\nmn\x0bop\x0cqr st"[..],
                    &b"ab cd ef gh ij  kl  mn op qr st~"[..],
                ] {
                    let mut t = base.to_vec();
                    let at = at % t.len();
                    t[at] = c;
                    texts.push(String::from_utf8(t).unwrap());
                }
            }
        }
        for t in [
            "",
            " ",
            "x",
            "        x",
            "x        ",
            "12345678 12345678",
            "1234567 é 1234567  ",
            "The police said on Thursday that 1,200 people were detained.\u{a0}Nobody\u{2003}else.",
            "\u{85}one\u{85}two\u{85}           three                four",
        ] {
            texts.push(t.to_string());
        }
        for t in &texts {
            let want = t.split_whitespace().count();
            for from in 0..t.len().min(9) {
                let Some(s) = t.get(from..) else { continue };
                let want = if from == 0 {
                    want
                } else {
                    s.split_whitespace().count()
                };
                for cap in 0..=want + 1 {
                    assert_eq!(count_words(s, cap), want.min(cap), "{s:?} {cap}");
                }
                assert_eq!(count_words(s, usize::MAX), want, "{s:?}");
            }
        }
    }

    #[test]
    fn spaced_words_split_as_split_whitespace() {
        for s in [
            "",
            " ",
            "Ned Price",
            "  Ned   Price ",
            "a\tb\nc\u{b}d\u{c}e\rf",
            "Stéphane\u{a0}Dujarric",
            " \u{2003}Cho\u{3000}Kyoo-hong\u{2028}",
            "Олег Иванов",
            "x\u{85}y",
            "é",
            " \u{a0} ",
            "Price",
            "Ned Price\t",
            "\u{b}Ned",
        ] {
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(spaced_words(s).collect::<Vec<_>>(), want, "{s:?}");
            assert_eq!(last_spaced_word(s), want.last().copied(), "{s:?}");
        }
    }

    #[test]
    fn high_bits_counted() {
        for flags in [0, HIGH, 0x80, 0x8000_0000_0000_0000, 0x0080_8000_0080_0080] {
            assert_eq!(count_high(flags), flags.count_ones() as usize, "{flags:#x}");
        }
    }
}
