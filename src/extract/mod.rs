//! Extraction: what each article says, as labelled spans of its analysis text.
//!
//! | module | finds | type |
//! | --- | --- | --- |
//! | [`metadata`] | title, publication date, byline, agency, URL, outlet, language | [`Metadata`] |
//! | [`entities`] | people, organisations, places (with roles, acronyms, in-article coreference) | [`EntityMention`] |
//! | [`dates`] | temporal expressions with ISO 8601 / TimeML values | [`DateMention`] |
//! | [`quantities`] | numbers as intervals, with what they count and the hedge | [`Quantity`] |
//! | [`quotes`] | direct, partial and indirect quotes with their speakers | [`Quote`] |
//! | [`events`] | what happened: trigger words and their classes | [`Event`] |
//! | [`records`] | each event coded as a record: type, status, when, where, who, how many, with evidence | [`Record`] |
//! | [`facts`] | atomic claims with a key comparable across articles and languages | [`Fact`] |
//!
//! Every extractor reads a [`Doc`]: the analysis text, its segmentation and the
//! findings of the extractors that ran before it. Spans are byte ranges of the
//! analysis text, except [`Metadata`] fields, which point into the input
//! (they may come from an HTML head that the analysis text does not contain).

pub mod dates;
pub mod entities;
pub mod events;
pub mod facts;
pub mod metadata;
pub mod quantities;
pub mod quotes;
pub mod records;
mod sources;

pub use dates::{CalendarDate, DateKind, DateMention};
pub use entities::{EntityLabel, EntityMention};
pub use events::Event;
pub use facts::Fact;
pub use metadata::{Field, Metadata};
pub use quantities::{Hedge, Quantity};
pub use quotes::{Quote, QuoteKind};
pub use records::Record;

use crate::text::Segmentation;

/// What an extractor reads: the analysis text, its segmentation, and what the
/// earlier stages found.
#[derive(Clone, Copy, Debug)]
pub struct Doc<'a> {
    /// The analysis text.
    pub text: &'a str,
    /// Its sentences and tokens.
    pub seg: &'a Segmentation,
    /// The publication date, the anchor for relative expressions ("on Saturday").
    pub anchor: Option<CalendarDate>,
    /// Language code ("en", "fr", ...), when known.
    pub language: Option<&'a str>,
}
