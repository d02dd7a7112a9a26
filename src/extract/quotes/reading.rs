//! The text as the quote rules read it: the shared word view
//! ([`Words`]) with the bounds of each sentence and its paragraph, and the
//! quote stage's own test of a capitalized word.

use std::ops::Deref;

use super::super::Doc;
use crate::text::{Sentence, Word, Words};

/// The words of a document with its sentences; dereferences to [`Words`].
pub(crate) struct Reading<'a> {
    /// The analysis text the words point into.
    pub(crate) text: &'a str,
    words: Words<'a>,
    sentences: &'a [Sentence],
}

impl<'a> Reading<'a> {
    /// The words and sentences of `doc`.
    pub(crate) fn new(doc: &Doc<'a>) -> Reading<'a> {
        Reading {
            text: doc.text,
            words: Words::new(doc.text, doc.seg),
            sentences: &doc.seg.sentences,
        }
    }
    /// [`Reading::new`], the lower case of the ASCII words read from
    /// `lowered`, `doc.text` with its ASCII lower-cased.
    pub(crate) fn in_lowered(doc: &Doc<'a>, lowered: &'a str) -> Reading<'a> {
        Reading {
            text: doc.text,
            words: Words::in_lowered(doc.text, lowered, doc.seg),
            sentences: &doc.seg.sentences,
        }
    }
    /// The first and end word of sentence `si`, if there is one.
    pub(crate) fn sentence(&self, si: usize) -> Option<(usize, usize)> {
        self.sentences.get(si).map(|s| (s.first_token, s.end_token))
    }
    /// The first and end word of sentence `si`, which must exist.
    pub(super) fn bounds(&self, si: usize) -> (usize, usize) {
        let s = &self.sentences[si];
        (s.first_token, s.end_token)
    }
    /// The first and end word of every sentence, in order.
    pub(super) fn sentences(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.sentences.iter().map(|s| (s.first_token, s.end_token))
    }
    /// The paragraph of sentence `si`.
    pub(super) fn paragraph_of(&self, si: usize) -> Option<usize> {
        self.sentences.get(si).map(|s| s.paragraph)
    }
    /// The index of the first word starting at or after byte `at`.
    pub(super) fn at(&self, at: usize) -> usize {
        self.words.first_at_or_after(at)
    }
}

impl<'a> Deref for Reading<'a> {
    type Target = Words<'a>;
    fn deref(&self) -> &Words<'a> {
        &self.words
    }
}

/// Whether a word is capitalized the way a name is.
pub(super) trait NameCase {
    /// A word starting with an upper-case letter, or with a lower-case
    /// Arabic or French particle before one: "al-Ansari", "el-Sisi",
    /// "d'Estaing", "bin-Salman".
    fn is_cap(&self) -> bool;
}

/// The particles written before a capitalized name, joined to it.
const NAME_PARTICLES: [&str; 6] = ["al-", "el-", "d'", "bin-", "ibn-", "ben-"];

impl NameCase for Word<'_> {
    // Asked of every word of an article: inlined, and told by the first byte
    // but for a word opening with a particle's letter or with a letter
    // outside ASCII.
    #[inline]
    fn is_cap(&self) -> bool {
        if !self.is_word() {
            return false;
        }
        match self.text.as_bytes().first() {
            None => false,
            Some(b) if b.is_ascii_uppercase() => true,
            // Each particle opens with one of these and ends in a hyphen or
            // an apostrophe, which most words have none of.
            Some(b'a' | b'b' | b'd' | b'e' | b'i') => {
                self.text.bytes().any(|b| b == b'-' || b == b'\'') && cap_after_particle(self.text)
            }
            Some(b) if b.is_ascii() => false,
            // No particle opens outside ASCII.
            Some(_) => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// Whether `text` opens with one of [`NAME_PARTICLES`] and an upper-case letter after it.
#[inline(never)]
fn cap_after_particle(text: &str) -> bool {
    NAME_PARTICLES.iter().any(|p| {
        text.strip_prefix(p)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    /// The rule as the trait states it, without the shortcuts.
    fn cap_as_stated(w: &Word) -> bool {
        w.starts_upper()
            || w.is_word()
                && NAME_PARTICLES.iter().any(|p| {
                    w.text
                        .strip_prefix(p)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_uppercase)
                })
    }

    #[test]
    fn is_cap_as_stated() {
        let t = "Über élan al-Ansari al-qaida d'Estaing d'accord bin-Salman ben- ibn-Sina \
                 İstanbul and Ned el-Sisi e-mail 12 , don't ÉL ε Ελλάδα a b d e i.";
        let seg = text::segment(t);
        let words = Words::new(t, &seg);
        for w in words.iter() {
            assert_eq!(w.is_cap(), cap_as_stated(w), "{}", w.text);
        }
        let cap = |s: &str| words.iter().find(|w| w.text == s).map(|w| w.is_cap());
        assert_eq!(cap("Über"), Some(true));
        assert_eq!(cap("élan"), Some(false));
        assert_eq!(cap("al-Ansari"), Some(true));
        assert_eq!(cap("al-qaida"), Some(false));
        assert_eq!(cap("d'Estaing"), Some(true));
        assert_eq!(cap("and"), Some(false));
        assert_eq!(cap(","), Some(false));
    }
}
