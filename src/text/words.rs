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

use super::{Segmentation, Span, TokenKind};

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
    pub lower: String,
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
        let words = segmentation
            .tokens
            .iter()
            .map(|t| {
                let s = t.span.of(text);
                Word {
                    span: t.span,
                    kind: t.kind,
                    text: s,
                    lower: s.to_lowercase(),
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
