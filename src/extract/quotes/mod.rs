//! Quotes and their speakers.
//!
//! | type | what it is |
//! | --- | --- |
//! | [`Quote`] | one quote: its span, the quoted words, its [`QuoteKind`], the speaker and the cue |
//! | [`QuoteKind`] | direct, partial, indirect, scare quote or slogan |
//!
//! ```
//! use storydiff::extract::{quotes, Doc, QuoteKind};
//! use storydiff::text;
//! let t = text::normalize("US spokesman Ned Price spoke. “We urge restraint,” Price said.");
//! let seg = text::segment(t.as_str());
//! let doc = Doc { text: t.as_str(), seg: &seg, anchor: None, language: Some("en") };
//! let q = &quotes(&doc, &[])[0];
//! assert_eq!(q.content.of(t.as_str()), "We urge restraint,");
//! assert_eq!(q.kind, QuoteKind::Direct);
//! assert_eq!(q.speaker.as_deref(), Some("Ned Price"));
//! ```
//!
//! ## How it works
//!
//! 1. Quote marks are paired per paragraph (`"` after normalization, and
//!    guillemets); marks inside a guillemet quote are nested. A paragraph
//!    that leaves a quote open continues it into the next paragraph when
//!    that one opens with a quote mark (the newspaper convention), and
//!    otherwise closes it at its end.
//! 2. Each quote looks for its attribution: a speech cue ("said", "told",
//!    "added", "according to", and their French, German, Spanish, Italian
//!    and Russian forms) after the closing mark (`"...," Price said`,
//!    `"...," added Mr. Dujarric`) or before the opening one
//!    (`Borrell added: "..."`), then anywhere in its sentence (`accused
//!    foreign-trained "terrorist gangs"` takes the speaker of "accused").
//! 3. The speaker is the noun phrase next to the cue: the subject before
//!    it (skipping "on Thursday", "also", "has"), or after an inverted cue
//!    ("said Ned Price, spokesman"); an apposition ("One of these
//!    activists, Alnour Iliachev, told AFP") takes the name; "who" takes
//!    its antecedent. A name is cut after its titles ("Kazakh President
//!    Kassym-Jomart Tokayev" is "Kassym-Jomart Tokayev") and then
//!    lengthened to the fullest form the article gives ("Price" is "Ned
//!    Price").
//!
//!    Entity mentions confirm and lengthen that phrase; they never replace
//!    it. A person mention names the speaker only when it lies inside the
//!    phrase found at the cue, the rest of the phrase is at most an
//!    honorific, a title or a particle ("Mr. Dujarric", "de Moraes"), and
//!    the mention's name contains the phrase's words: "Tanaka" linked to
//!    "Hiroshi Tanaka" gives the full name, but "Die Presse" does not
//!    replace "the editor of Die Presse", nor "Andes Copper" "Southern
//!    Andes Copper". Titles the recognizer left in a name are cut
//!    ("Seismologist Hiroshi Tanaka"), and the name is lengthened like any
//!    other ("Van Dijk" is "Pieter van Dijk").
//! 4. Pronouns ("he told AFP", "a-t-il ajouté", a dropped subject as in
//!    `"...", dijo.`) resolve to the last person mentioned before them: a
//!    person entity (not one inside a quote, not a phrase opening with an
//!    article such as "Die Grünen", not a place), a person who was quoted,
//!    a name after a title or role or in apposition, or a later mention of
//!    any of these ("Ruto" after "William Ruto"). "it said" and "they said" take the organisation or
//!    group quoted just before.
//! 5. Quotes without a cue: a whole sentence continues the last speaker of
//!    the same or previous paragraph, unless another person was named in
//!    between; a short fragment is a scare quote; a quote after "chanted",
//!    "slogans such as", "signs reading", or shouted by a crowd, is a slogan.
//!    A quote opening in lower case continues a split quote (partial).
//! 6. Indirect speech: "X said (that) ...", "..., X said." and "according
//!    to X, ..." give the reported clause as the quote's span. Verbs other
//!    than "say", "tell", "claim" and a few more need "that" ("stressed the
//!    country's neutrality" is no reported speech).
//!
//! The rules live one concern to a file: `marks` (pairing), `kinds` (step
//! 2 and 5), `cues` (the patterns of step 2 and 3), `speakers` (the noun
//! phrase and the name in it), `names` (the names the article gives),
//! `resolve` (steps 3 and 4), `indirect` (step 6). Their word lists are data
//! in `data/words/quotes/` (and `data/words/names/particles.tsv`).
//!
//! Quality is measured by `cargo run --release --example quote_eval` on the
//! sets in `tests/eval/quotes/` (their README gives the first scores of the
//! sets written after tuning, the honest estimate for unseen text).

mod cues;
mod indirect;
mod kinds;
mod lexicon;
mod marks;
mod names;
mod reading;
mod resolve;
mod sets;
mod speakers;
#[cfg(test)]
mod tests;

pub(crate) use cues::credited_name;
pub(crate) use reading::Reading;

use super::{Doc, EntityMention};
use crate::text::hash::FastSet as HashSet;
use crate::text::Span;
use indirect::indirect;
use kinds::classify;
use marks::pair_marks;
use names::NameIndex;
use resolve::resolve;
use serde::{Deserialize, Serialize};
use speakers::Speaker;

/// What a quote is: reported speech, quoted or not, or quote marks used
/// for something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// One quote of an article, with its speaker where the article names one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quote including its marks (for indirect speech: the reported clause).
    pub span: Span,
    /// The quoted words alone.
    pub content: Span,
    /// Direct, partial, indirect, scare quote or slogan.
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
    extract_in(doc, &Reading::new(doc), entities)
}

/// [`extract`] on the word view `rd` of `doc`, shared with the quantity stage.
pub(crate) fn extract_in(doc: &Doc, rd: &Reading, entities: &[EntityMention]) -> Vec<Quote> {
    let marks = pair_marks(doc.text, &doc.seg.paragraphs);
    let mut found: Vec<Found> = Vec::new();
    // At most one cue a quote: the set never grows.
    let mut used_cues: HashSet<usize> =
        HashSet::with_capacity_and_hasher(marks.len(), Default::default());
    for mi in 0..marks.len() {
        let f = classify(rd, &marks, mi, &found);
        if let Some(a) = &f.attr {
            used_cues.insert(a.cue);
        }
        found.push(f);
    }
    for si in 0..doc.seg.sentences.len() {
        indirect(rd, &marks, si, &used_cues, &mut found);
    }
    if found.is_empty() {
        // Nothing to resolve: the article's names are not read.
        return Vec::new();
    }
    crate::text::sort::by_key(&mut found, |f| f.span.start);
    let names = NameIndex::build(rd, entities);
    resolve(rd, &names, entities, &mut found);
    found
        .into_iter()
        .map(|f| {
            let (speaker, speaker_span) = match f.attr.as_ref().and_then(|a| a.speaker.clone()) {
                Some(Speaker { name, span, .. }) => (Some(name), Some(span)),
                None => (None, None),
            };
            Quote {
                span: f.span,
                content: f.content,
                kind: f.kind,
                speaker,
                speaker_span,
                cue: f.attr.as_ref().map(|a| rd[a.cue].span),
            }
        })
        .collect()
}

/// A finding before pronouns and short names are resolved.
struct Found {
    /// The quote with its marks, or the reported clause.
    span: Span,
    /// The quoted words.
    content: Span,
    kind: QuoteKind,
    /// The cue and speaker, when a cue names one.
    attr: Option<Attr>,
    /// For a quote that continues an earlier one's speaker: where that quote ended.
    continues: Option<usize>,
}

/// The attribution of a quote: its cue and the speaker the cue names.
#[derive(Clone, Debug)]
struct Attr {
    /// The cue word.
    cue: usize,
    /// The speaker as written and where.
    speaker: Option<Speaker>,
}
