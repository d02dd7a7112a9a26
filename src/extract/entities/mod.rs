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
//! 1. `pieces` cuts each sentence into words, splitting possessives
//!    ("Russia's"), hyphen compounds ("Moscow-led", "pro-Tokayev") and list
//!    punctuation; capitalized words and name particles form runs, joined over
//!    "of" only after an organisation or place head ("Bank of England").
//! 2. `classify` strips titles into a role ("Kazakh President Kassym-Jomart
//!    Tokayev": role "President"), drops sentence-initial and headline capitals
//!    that nothing supports, and labels by gazetteer, suffix, given name and
//!    context.
//! 3. `resolve` links acronyms to their definitions ("Collective Security
//!    Treaty Organization (CSTO)") and short names to full ones ("Tokayev").
//!
//! The closed word classes these steps read (titles, role nouns, organisation
//! and place heads and suffixes, name particles, capitalized words that are
//! never names) are data: `data/words/entities/` and
//! `data/words/names/entity_particles.tsv`, read through
//! [`crate::lexicon::lists`].
//!
//! Demonyms ("Kazakh") are not mentions; [`demonyms`] lists them with the
//! country each belongs to.
//!
//! ```
//! use storydiff::extract::{entities, Doc, EntityLabel};
//! use storydiff::text::segment;
//! let text = "Kazakh President Kassym-Jomart Tokayev met officials in Almaty. Tokayev said the \
//!             Collective Security Treaty Organization (CSTO) would help. The CSTO sent troops.";
//! let seg = segment(text);
//! let doc = Doc { text, seg: &seg, anchor: None, language: Some("en") };
//! let mentions = entities(&doc);
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
pub(in crate::extract) mod kept;
mod pieces;
mod resolve;
mod sets;
mod things;

pub use resolve::abbreviates;

use super::Doc;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    /// A person ("Kassym-Jomart Tokayev").
    #[serde(rename = "PERSON")]
    Person,
    /// An organisation: a government body, a company, a party, an agency ("CSTO").
    #[serde(rename = "ORG")]
    Org,
    /// A place: a country, a region, a city, a facility ("Almaty").
    #[serde(rename = "PLACE")]
    Place,
}

impl EntityLabel {
    /// The label as the report writes it: `PERSON`, `ORG`, `PLACE`.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Place => "PLACE",
        }
    }
}

/// One mention of an entity in the analysis text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Where it is in the analysis text.
    pub span: Span,
    /// What it is.
    pub label: EntityLabel,
    /// The name this mention refers to within the article ("Tokayev" -> "Kassym-Jomart Tokayev").
    pub name: String,
    /// A title or role written next to it ("President", "press secretary").
    pub role: Option<String>,
}

/// A nationality adjective or noun and the country it belongs to ("Kazakh" ->
/// Kazakhstan). Demonyms are not entity mentions; this links them to places.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemonymMention {
    /// Where it is in the analysis text.
    pub span: Span,
    /// The country's name as the gazetteer writes it ("Kazakhstan").
    #[serde(deserialize_with = "crate::text::interned::static_str")]
    pub country: crate::text::interned::StaticStr,
}

/// The demonyms of `doc` ("Kazakh authorities", "South African President", "Russians").
pub fn demonyms(doc: &Doc) -> Vec<DemonymMention> {
    use crate::text::TokenKind;
    let toks = &doc.seg.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // Most words start with a lower-case ASCII letter: told by their first
        // byte, before the word is sliced and its first character decoded.
        let lower_ascii = (doc.text.as_bytes().get(t.span.start))
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase());
        if t.kind != TokenKind::Word || lower_ascii {
            i += 1;
            continue;
        }
        let w = t.span.of(doc.text);
        if !w.starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        // Two words first: "South African", "Sri Lankan". The second word of
        // every such demonym is capitalized (a test checks the list): a next
        // word that opens with a small ASCII letter, a digit or a mark, as
        // most do, is not asked.
        let next = toks.get(i + 1).filter(|n| {
            n.sentence == t.sentence
                && (doc.text.as_bytes().get(n.span.start))
                    .is_some_and(|b| !b.is_ascii() || b.is_ascii_uppercase())
        });
        if let Some(n) = next {
            let two = Span::new(t.span.start, n.span.end);
            if let Some(country) = crate::lexicon::demonym(two.of(doc.text)) {
                out.push(DemonymMention { span: two, country });
                i += 2;
                continue;
            }
        }
        let core = pieces::strip_possessive(w).0;
        let found = crate::lexicon::demonym(core)
            .map(|c| (core.len(), c))
            .or_else(|| {
                let singular = core.strip_suffix('s')?;
                crate::lexicon::demonym(singular).map(|c| (singular.len() + 1, c))
            })
            .filter(|_| kept::place(core).is_none_or(|p| p.canonical != core));
        if let Some((len, country)) = found {
            out.push(DemonymMention {
                span: Span::new(t.span.start, t.span.start + len),
                country,
            });
        }
        i += 1;
    }
    out
}

/// The person a pronoun at byte `at` most likely refers to ("he told AFP"): the
/// last person named before it, for the quote extractor.
pub fn last_person_before(mentions: &[EntityMention], at: usize) -> Option<&EntityMention> {
    mentions
        .iter()
        .rev()
        .find(|m| m.label == EntityLabel::Person && m.span.end <= at)
}

/// Finds the entity mentions of `doc`, in text order.
pub fn extract(doc: &Doc) -> Vec<EntityMention> {
    let (evidence, runs) = pieces::read(doc);
    // A run makes one candidate, or a few.
    let mut candidates = Vec::with_capacity(runs.len() + runs.len() / 4);
    // Body sentences first: headlines are read with what the body names.
    let mut parts = Vec::new();
    for (i, &h) in evidence.headlines.iter().enumerate() {
        if !h {
            classify::classify(
                doc,
                runs.sentence(i),
                &evidence,
                &mut parts,
                &mut candidates,
            );
        }
    }
    // What the body names is looked up only by headlines, which most
    // articles' texts do not have.
    if evidence.headlines.contains(&true) {
        let known = resolve::known_in(doc, &candidates);
        for (i, &h) in evidence.headlines.iter().enumerate() {
            if h {
                candidates.extend(classify::headline(doc, runs.sentence(i), &known));
            }
        }
    }
    crate::text::sort::by_key(&mut candidates, |c| c.span.start);
    // Products, vessels and events are no names; their mentions go before
    // resolution.
    let things = things::not_names(doc, &candidates);
    candidates.retain(|c| !things.contains(c.span.of(doc.text)));
    resolve::resolve(doc, candidates)
}

/// The names an English text's entities are found under, with their labels, for the
/// unit tests of the entity rules.
#[cfg(test)]
fn found(text: &str) -> Vec<(String, EntityLabel)> {
    let seg = crate::text::segment(text);
    let doc = Doc::english(text, &seg);
    extract(&doc)
        .iter()
        .map(|m| (m.span.of(text).to_string(), m.label))
        .collect()
}

#[cfg(test)]
mod tests {
    /// What `demonyms` relies on to ask a demonym of two words only before a
    /// capital: every demonym written as two tokens has a second token that
    /// opens with a capital or a byte beyond ASCII.
    #[test]
    fn two_token_demonyms_end_in_a_capitalized_token() {
        let list = include_str!("../../../data/lexicon/demonyms.tsv");
        let mut two = 0;
        for key in list.lines().filter_map(|l| l.split('\t').next()) {
            let seg = crate::text::segment(key);
            if let [_, second] = seg.tokens[..] {
                let b = key.as_bytes()[second.span.start];
                assert!(!b.is_ascii() || b.is_ascii_uppercase(), "{key}");
                two += 1;
            }
        }
        // The check read the list: some forty keys are two tokens ("South African").
        assert!(two >= 40, "{two}");
    }
}
