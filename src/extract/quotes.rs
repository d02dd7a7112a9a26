//! Quotes and their speakers.

use super::{Doc, EntityMention};
use crate::text::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole quoted statement: "We call on all Kazakhstanis ...," Price said.
    Direct,
    /// A quoted fragment inside reported speech: accused "terrorist gangs" of ...
    Partial,
    /// Reported speech without quote marks: Moscow said it would consult ...
    Indirect,
    /// Quote marks that distance or name rather than report speech: "counter-terrorism" operation.
    Scare,
    /// A chant or slogan: "freedom for political prisoners!"
    Slogan,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The quote including its marks (for indirect speech: the reported clause).
    pub span: Span,
    /// The quoted words alone.
    pub content: Span,
    pub kind: QuoteKind,
    /// Who said it, by the name the article uses for them.
    pub speaker: Option<String>,
    /// Where the speaker is named for this quote (possibly a pronoun).
    pub speaker_span: Option<Span>,
    /// The speech verb or cue ("told AFP", "said", "added").
    pub cue: Option<Span>,
}

/// Finds the quotes of `doc`, attributing speakers with the help of `entities`.
pub fn extract(doc: &Doc, entities: &[EntityMention]) -> Vec<Quote> {
    let _ = (doc, entities);
    Vec::new()
}
