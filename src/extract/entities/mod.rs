//! People, organisations and places.
//!
//! | type | what |
//! | --- | --- |
//! | [`EntityMention`] | one mention: its span, label, the name it refers to in the article, a role |
//! | [`EntityLabel`] | `PERSON`, `ORG`, `PLACE` |
//!
//! The recognizer is rules over capitalized runs plus gazetteers
//! ([`crate::lexicon`]): it never needs a model. In order:
//!
//! 1. [`pieces`] cuts each sentence into words, splitting possessives
//!    ("Russia's"), hyphen compounds ("Moscow-led", "pro-Tokayev") and list
//!    punctuation; capitalized words and name particles form runs, joined over
//!    "of" only after an organisation or place head ("Bank of England").
//! 2. [`classify`] strips titles into a role ("Kazakh President Kassym-Jomart
//!    Tokayev": role "President"), drops sentence-initial and headline capitals
//!    that nothing supports, and labels by gazetteer, suffix, given name and
//!    context.
//! 3. [`resolve`] links acronyms to their definitions ("Collective Security
//!    Treaty Organization (CSTO)") and short names to full ones ("Tokayev").
//!
//! Demonyms ("Kazakh") link to their country through [`crate::lexicon::demonym`]
//! but are not mentions.
//!
//! ```
//! use storydiff::extract::{entities, Doc, EntityLabel};
//! use storydiff::text::segment;
//! let text = "Kazakh President Kassym-Jomart Tokayev met officials in Almaty. Tokayev said the \
//!             Collective Security Treaty Organization (CSTO) would help. The CSTO sent troops.";
//! let seg = segment(text);
//! let doc = Doc { text, seg: &seg, anchor: None, language: Some("en") };
//! let mentions = entities::extract(&doc);
//! let found: Vec<(&str, EntityLabel, &str)> = mentions
//!     .iter()
//!     .map(|m| (m.span.of(text), m.label, m.name.as_str()))
//!     .collect();
//! assert_eq!(found[0], ("Kassym-Jomart Tokayev", EntityLabel::Person, "Kassym-Jomart Tokayev"));
//! assert_eq!(found[1], ("Almaty", EntityLabel::Place, "Almaty"));
//! assert_eq!(found[2], ("Tokayev", EntityLabel::Person, "Kassym-Jomart Tokayev"));
//! assert_eq!(found[5], ("CSTO", EntityLabel::Org, "Collective Security Treaty Organization"));
//! ```

mod classify;
mod cues;
mod pieces;
mod resolve;

use super::Doc;
use crate::text::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityLabel {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "PLACE")]
    Place,
}

impl EntityLabel {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Place => "PLACE",
        }
    }
}

/// One mention of an entity in the analysis text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityMention {
    pub span: Span,
    pub label: EntityLabel,
    /// The name this mention refers to within the article ("Tokayev" -> "Kassym-Jomart Tokayev").
    pub name: String,
    /// A title or role written next to it ("President", "press secretary").
    pub role: Option<String>,
}

/// Finds the entity mentions of `doc`, in text order.
pub fn extract(doc: &Doc) -> Vec<EntityMention> {
    let evidence = pieces::Evidence::gather(doc);
    let mut candidates = Vec::new();
    // Body sentences first: headlines are read with what the body names.
    let headlines: Vec<bool> = (0..doc.seg.sentences.len())
        .map(|i| pieces::is_headline(doc, i))
        .collect();
    for (i, &h) in headlines.iter().enumerate() {
        if !h {
            let runs = pieces::runs(doc, i);
            candidates.extend(classify::classify(doc, &runs, &evidence));
        }
    }
    let known = resolve::known_in(doc, &candidates);
    for (i, &h) in headlines.iter().enumerate() {
        if h {
            let runs = pieces::runs(doc, i);
            candidates.extend(classify::headline(doc, &runs, &known));
        }
    }
    candidates.sort_by_key(|c| c.span.start);
    resolve::resolve(doc, candidates)
}
