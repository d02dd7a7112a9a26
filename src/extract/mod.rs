//! Extraction: what each article says, as labelled spans of its analysis text.
//!
//! | extractor | finds | type |
//! | --- | --- | --- |
//! | [`metadata()`] | title, publication date, byline, agency, URL, outlet, language | [`Metadata`] |
//! | [`entities()`] | people, organisations, places (with roles, acronyms, in-article coreference) | [`EntityMention`] |
//! | [`dates()`] | temporal expressions with ISO 8601 / TimeML values | [`DateMention`] |
//! | [`quantities()`] | numbers as intervals, with what they count and the hedge | [`Quantity`] |
//! | [`quotes()`] | direct, partial and indirect quotes with their speakers | [`Quote`] |
//! | [`events()`] | what happened: trigger, who, where, when, how many | [`Event`] |
//! | [`records`] | each event coded as a record: type, status, when, where, who, how many, with evidence | [`Record`] |
//! | [`facts`] | atomic claims with a key comparable across articles and languages | [`Fact`] |
//!
//! Every extractor reads a [`Doc`]: the analysis text, its segmentation and the
//! findings of the extractors that ran before it. Spans are byte ranges of the
//! analysis text, except [`Metadata`] fields, which point into the input
//! (they may come from an HTML head that the analysis text does not contain).

mod dates;
mod entities;
mod events;
mod facts;
mod metadata;
mod quantities;
mod quotes;
mod records;
mod sources;
mod word_set;

// Each extractor is the function named after what it finds.
pub(crate) use self::metadata::extract_with_readings as metadata_with_readings;
pub use self::{
    dates::{days_in_month, extract as dates, CalendarDate, DateKind, DateMention},
    entities::{
        abbreviates, demonyms, extract as entities, last_person_before, DemonymMention,
        EntityLabel, EntityMention,
    },
    events::{extract as events, Event, EventClass},
    facts::{extract as facts, Fact},
    metadata::{extract as metadata, identify_language, Field, Metadata},
    quantities::{extract as quantities, Hedge, Quantity},
    quotes::{extract as quotes, Quote, QuoteKind},
    records::{extract as records, Count, Evidence, Interval, Record, RecordKind, Status},
};

use crate::text::Segmentation;

/// [`dates()`], [`quantities()`] and [`quotes()`] of one document, reading
/// one lower-cased copy of its text and one word view between them (what
/// [`crate::analyze`] runs).
pub(crate) fn dates_quantities_and_quotes(
    doc: &Doc,
    entities: &[EntityMention],
) -> (Vec<DateMention>, Vec<Quantity>, Vec<Quote>) {
    // The text with its ASCII lower-cased: the lower case of most words,
    // capitalized ones included, without a string made for each.
    let lowered = doc.text.to_ascii_lowercase();
    let rd = quotes::Reading::in_lowered(doc, &lowered);
    (
        dates::extract_in(doc, &rd, &lowered),
        quantities::extract_in(doc, &rd),
        quotes::extract_in(doc, &rd, entities),
    )
}

/// [`records()`] and [`facts()`] of one document, grouping its entities,
/// dates and figures by sentence and reading what each figure counts once
/// for both (what [`crate::analyze`] runs).
pub(crate) fn records_and_facts(
    doc: &Doc,
    entities: &[EntityMention],
    dates: &[DateMention],
    quantities: &[Quantity],
    events: &[Event],
    quotes: &[Quote],
) -> (Vec<Record>, Vec<Fact>) {
    let findings = records::lookup::Findings::new(doc, entities, dates, quantities);
    let records = records::build::extract_with(doc, &findings, events, quotes);
    let facts = facts::extract_with(doc, &findings, &records, quotes);
    (records, facts)
}

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

#[cfg(test)]
impl<'a> Doc<'a> {
    /// `text`, segmented as `seg`, as an English article with no publication
    /// date: the document of most extractors' unit tests.
    pub(crate) fn english(text: &'a str, seg: &'a Segmentation) -> Doc<'a> {
        Doc {
            text,
            seg,
            anchor: None,
            language: Some("en"),
        }
    }
}

/// The texts of `seeds/`, for the extractors' own tests (they read the files
/// themselves: extraction imports nothing of `eval`).
#[cfg(test)]
pub(crate) fn seed_texts() -> Vec<String> {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out: Vec<String> = (std::fs::read_dir(seeds).expect("seeds").flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("a seed"))
        .collect();
    assert!(out.len() >= 5, "the seeds");
    out
}
