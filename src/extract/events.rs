//! Events: what happened, to whom, where, when and how many.

use crate::text::Span;
use serde::Serialize;

/// One event reported in an article, assembled from a sentence's findings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// The word that names what happened ("rally", "killed", "arrested").
    pub trigger: Span,
    /// Its normalized class ("protest", "violence", "arrest", ...).
    pub class: String,
    /// The sentence it was found in.
    pub sentence: Span,
}

/// Finds the events of `doc` from the findings of the other extractors.
pub fn extract(
    doc: &super::Doc,
    entities: &[super::EntityMention],
    dates: &[super::DateMention],
    quantities: &[super::Quantity],
) -> Vec<Event> {
    let _ = (doc, entities, dates, quantities);
    Vec::new()
}
