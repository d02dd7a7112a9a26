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
    fn is_cap(&self) -> bool {
        if !self.is_word() {
            return false;
        }
        if self.starts_upper() {
            return true;
        }
        // Each particle ends in a hyphen or an apostrophe; most lower-case
        // words are told by their first byte, which opens no particle.
        let first = self.text.as_bytes().first();
        let opens_particle = NAME_PARTICLES.iter().any(|p| first == p.as_bytes().first());
        if !opens_particle || !self.text.bytes().any(|b| b == b'-' || b == b'\'') {
            return false;
        }
        NAME_PARTICLES.iter().any(|p| {
            self.text
                .strip_prefix(p)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
        })
    }
}
