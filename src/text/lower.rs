//! [`Lower`]: the lower case of words and lines, made without a new string
//! wherever the text already is in lower case.

use arrayvec::ArrayString;
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use super::ascii::is_ascii;
use super::Span;

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

#[cfg(test)]
mod tests {
    use super::*;

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
