//! The one fact shape every part of the diff reports: what it is about, its
//! value, and where an article states it; and a pair of words for one event.

use crate::text::Span;
use serde::Serialize;

/// One comparable fact of an article.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Fact {
    /// What the fact is about ("killed", "people", "statement", "quote").
    pub key: String,
    /// Its value as text ("13", "at least 8", "Jen Psaki").
    pub value: String,
    /// Where the article states it (analysis-text span).
    pub span: Span,
}

/// One kind of event named with different words: a word one side uses and
/// the other never does, against the other side's usual word for it.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Wording {
    /// The first article's word.
    pub a: Fact,
    /// The second article's word.
    pub b: Fact,
}
