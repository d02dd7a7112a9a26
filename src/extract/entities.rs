//! People, organisations and places.

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

/// Finds the entity mentions of `doc`.
pub fn extract(doc: &Doc) -> Vec<EntityMention> {
    let _ = doc;
    Vec::new()
}
