//! The token view the quote rules read.

use super::super::Doc;
use crate::text::{Span, TokenKind};

/// A token with its text, lower-cased.
pub(crate) struct T<'a> {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
    pub(crate) text: &'a str,
    pub(crate) lower: String,
    pub(crate) sentence: usize,
}

impl T<'_> {
    pub(crate) fn is_cap(&self) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        if self.text.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        // "al-Ansari", "el-Sisi", "d'Estaing", "bin-Salman".
        ["al-", "el-", "d'", "bin-", "ibn-", "ben-"]
            .iter()
            .any(|p| {
                self.text
                    .strip_prefix(p)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase)
            })
    }
    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

pub(crate) struct Toks<'a> {
    pub(crate) text: &'a str,
    pub(crate) t: Vec<T<'a>>,
    /// First and end token of each sentence.
    pub(crate) sent: Vec<(usize, usize)>,
    pub(crate) para_of_sentence: Vec<usize>,
}

impl<'a> Toks<'a> {
    pub(crate) fn new(doc: &Doc<'a>) -> Toks<'a> {
        let t = doc
            .seg
            .tokens
            .iter()
            .map(|t| {
                let s = t.span.of(doc.text);
                T {
                    span: t.span,
                    kind: t.kind,
                    text: s,
                    lower: s.to_lowercase(),
                    sentence: t.sentence,
                }
            })
            .collect();
        Toks {
            text: doc.text,
            t,
            sent: doc
                .seg
                .sentences
                .iter()
                .map(|s| (s.first_token, s.end_token))
                .collect(),
            para_of_sentence: doc.seg.sentences.iter().map(|s| s.paragraph).collect(),
        }
    }
    pub(crate) fn is(&self, k: usize, w: &str) -> bool {
        self.t.get(k).is_some_and(|t| t.lower == w)
    }
    /// The first token starting at or after byte `at`.
    pub(crate) fn at(&self, at: usize) -> usize {
        self.t.partition_point(|t| t.span.start < at)
    }
}
