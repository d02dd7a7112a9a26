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

use arrayvec::ArrayString;
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use super::ascii::{is_ascii, is_ascii_space};
use super::{Segmentation, Span, TokenKind};

/// A token in lower case: borrowed from the text where the token already is
/// in lower case (most are), so that reading a document allocates only for
/// the capitalized ones. Dereferences to `str` and compares with strings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// The Unicode lower case of `s` (as [`str::to_lowercase`]).
    pub fn new(s: &'a str) -> Lower<'a> {
        if is_ascii(s.as_bytes()) {
            return Lower(if s.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(s.to_ascii_lowercase())
            } else {
                Cow::Borrowed(s)
            });
        }
        let unchanged = s.chars().all(|c| {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        });
        Lower(if unchanged {
            Cow::Borrowed(s)
        } else {
            // Most such words are a capital before accented small letters
            // ("Zürich"), which need no decoding to lower.
            Cow::Owned(lower_line(s))
        })
    }
    /// `s`, which the caller has lowered already (the ASCII lower case of
    /// an ASCII token, read from a lowered copy of the text): borrowed
    /// without the checks of [`Lower::new`], which would borrow it too.
    pub(crate) fn lowered(s: &'a str) -> Lower<'a> {
        debug_assert!(s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()));
        Lower(Cow::Borrowed(s))
    }
    /// The lower case of `s`, the text of `span` in some text whose ASCII
    /// lower-cased copy is `lowered`: an ASCII word's is read from the copy
    /// (made once for a document) instead of made for the word.
    pub(crate) fn in_lowered(s: &'a str, span: Span, lowered: &'a str) -> Lower<'a> {
        if is_ascii(s.as_bytes()) {
            // ASCII lowers to ASCII of its length: the copy holds it.
            Lower::lowered(span.of(lowered))
        } else {
            Lower::new(s)
        }
    }
    /// The lower case as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Calls `f` with the lower case of `s` (as [`str::to_lowercase`]): `s`
/// itself when it is ASCII without capitals, else made on the stack for a
/// short ASCII word instead of in a new `String`.
#[inline]
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 64;
    // ASCII without capitals (most words of a text) is its own lower case.
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return f(s);
    }
    if s.is_ascii() {
        // Copied as a `str` and lowered in place, it stays a `str`: no
        // UTF-8 check of the copy, as `from_utf8` on a byte buffer makes.
        if let Ok(mut buf) = ArrayString::<MAX>::from(s) {
            buf.as_mut_str().make_ascii_lowercase();
            return f(&buf);
        }
    }
    f(&Lower::new(s))
}

/// The lower case of `s` (as [`str::to_lowercase`]) for a line of text:
/// its ASCII lowered in one pass, and its other characters only checked,
/// since nearly all of them (quotes, dashes, accented small letters) lower
/// to themselves. A character that does not (a capital, 'Σ' with its
/// word-final form) sends the whole text to [`str::to_lowercase`].
pub(crate) fn lower_line(s: &str) -> String {
    let b = s.as_bytes();
    let mut at = 0;
    loop {
        // ASCII is passed over eight bytes at a time, and then a byte at a time.
        at = super::ascii::past_ascii_chunks(b, at);
        let Some(i) = b[at..].iter().position(|b| !b.is_ascii()) else {
            break;
        };
        at += i;
        let c = s[at..].chars().next().unwrap_or(' ');
        let mut l = c.to_lowercase();
        if l.next() != Some(c) || l.next().is_some() {
            return s.to_lowercase();
        }
        at += c.len_utf8();
    }
    s.to_ascii_lowercase()
}

/// The number of white-space separated words of `s` (as
/// [`str::split_whitespace`] counts them), counted no further than `cap`: a
/// long paragraph is read only as far as a rule needs. ASCII is judged eight
/// bytes at a time; only other characters are decoded.
pub(crate) fn count_words(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    // Whether the byte before `i` is white space (the text's start counts as such).
    let mut after_space = true;
    let mut i = 0;
    while i < b.len() && n < cap {
        if let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            let x = u64::from_le_bytes(chunk);
            if x & HIGH == 0 {
                let space = ascii_spaces(x);
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

/// The white space among eight ASCII bytes (each below 0x80): the high bit
/// of each byte that is a space, a tab or a line break (`\t` to `\r`), as
/// [`char::is_whitespace`] judges ASCII. No sum carries into the next byte.
fn ascii_spaces(x: u64) -> u64 {
    let not_space_char = ((x ^ splat(b' ')) + splat(0x7f)) | (x ^ splat(b' '));
    let at_least_tab = x + splat(0x80 - b'\t');
    let past_cr = x + splat(0x80 - b'\r' - 1);
    (!not_space_char | at_least_tab & !past_cr) & HIGH
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
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
                let mut t: Vec<u8> = b"ab cd\tef\ngh ij  kl\r\nmn\x0bop\x0cqr st".to_vec();
                let at = at % t.len();
                t[at] = c;
                texts.push(String::from_utf8(t).unwrap());
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
    fn with_lower_is_to_lowercase() {
        let long = "A".repeat(70);
        // The stack string holds 64 bytes: the last that fits and the first that does not.
        let (fits, over) = ("Ab".repeat(32), "Ab".repeat(32) + "C");
        for w in [
            "Tokayev",
            "said",
            "U.S.",
            "ÉTAT",
            "İstanbul",
            "ΟΔΟΣ",
            "u.s. 12 don't",
            "état",
            "",
            long.as_str(),
            fits.as_str(),
            over.as_str(),
        ] {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn high_bits_counted() {
        for flags in [0, HIGH, 0x80, 0x8000_0000_0000_0000, 0x0080_8000_0080_0080] {
            assert_eq!(count_high(flags), flags.count_ones() as usize, "{flags:#x}");
        }
    }

    #[test]
    fn lower_line_is_to_lowercase() {
        for s in [
            "",
            "Police said Thursday",
            "“Nous l’avons dit”, a déclaré le PRÉSIDENT — à Paris.",
            "l’état — déjà «vu»",
            "İstanbul’s mayor",
            "ΟΔΟΣ ΟΔΟΣ. σ",
            "Straße, STRASSE, ǅ, \u{212a}elvin",
            "東京で ABC",
            "x\u{301}Y",
        ] {
            assert_eq!(lower_line(s), s.to_lowercase(), "{s}");
        }
    }
}
