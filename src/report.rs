//! The report: the one shape that leaves the core, for the CLI and the page alike.
//!
//! | type | what |
//! | --- | --- |
//! | [`Report`] | what [`build`] returns: article reports, or a comparison report |
//! | [`ArticleReport`] | one analyzed article: metadata and every finding as a span |
//! | [`CompareReport`] | a comparison of a batch: articles, clusters, pairs, entities |
//! | [`SpanOut`] | a span of the input, in code points, with its text |
//!
//! Every span is `start..end` in Unicode code points of the article's input as
//! given, and its `text` is exactly that slice of the input. The JSON Schema is
//! `schema/report.schema.json`; bump [`SCHEMA_VERSION`] when a field changes
//! meaning or disappears (adding fields does not need a bump).
//!
//! ```
//! use storydiff::compare::Overrides;
//! use storydiff::report::{self, Mode, Report};
//! use storydiff::Input;
//! let inputs = [
//!     Input::new("a", "Alnour Iliachev was detained in Almaty."),
//!     Input::new("b", "Police in Almaty detained Alnur Ilyashev."),
//! ];
//! let Report::Articles(articles) = report::build(&inputs, Mode::Analyze, &Overrides::default())?
//! else {
//!     unreachable!("analyze reports each article")
//! };
//! // Both spellings get the batch's one name.
//! let names: Vec<&str> = articles.iter().flat_map(|a| &a.entities).map(|e| e.entity.as_str()).collect();
//! assert!(names.iter().filter(|n| n.ends_with("Ilyashev")).count() >= 2, "{names:?}");
//! # Ok::<(), storydiff::Error>(())
//! ```

use crate::article::{analyze_batch, Article, Input};
use crate::clean::Removal;
use crate::compare::{
    canonical_names, compare_pairs, explain_mentioned, explain_name, explain_quote,
    explain_wording, mentioned, AlignedSentences, CanonicalNames, Class, Clusters, Comparison,
    EntityTable, Fact, FactDiff, Merge, NameClass, Overrides, PairScore, Pairs, QuoteClass,
    Relation, WordOp,
};
use crate::error::Error;
use crate::extract::DemonymMention;
use crate::extract::{
    DateKind, DateMention, EntityMention, Event, Field, Hedge, Metadata, Quantity, Quote, QuoteKind,
};
use crate::text::{CharIndex, Span};
use serde::Serialize;
use std::cell::Cell;
use std::fmt;
use std::sync::Arc;

mod tables;
pub use tables::{CellOut, MomentOut, RowOut, TableOut};
mod records;
pub use records::{ArticleFactOut, CountOut, EvidenceOut, IntervalOut, RecordOut};
mod json;
pub use json::{to_compact_string, write_compact, write_compact_to};

/// The version of `schema/report.schema.json` the reports follow.
pub const SCHEMA_VERSION: u32 = 2;

/// What to report on a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One [`ArticleReport`] per article (`storydiff analyze`).
    Analyze,
    /// One [`CompareReport`] of the whole batch (`storydiff compare`): every
    /// pair of a small batch, the related pairs of a large one.
    Compare,
    /// [`Mode::Compare`], scoring and listing every pair whatever the size of
    /// the batch (`storydiff compare --all-pairs`; quadratic).
    CompareAllPairs,
}

/// The report of a batch; serializes as its content alone.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Report {
    /// For [`Mode::Analyze`]: one report per article, in input order.
    Articles(Vec<ArticleReport>),
    /// For [`Mode::Compare`].
    Comparison(CompareReport),
}

/// Everything storydiff does for a caller, the CLI and the page alike:
/// analyzes the batch ([`analyze_batch`]), links its entity names across it
/// with the user's `overrides` ([`crate::compare::link_with`]), compares it when `mode` asks
/// ([`compare_pairs`]), and builds the report.
pub fn build(inputs: &[Input], mode: Mode, overrides: &Overrides) -> Result<Report, Error> {
    let articles = analyze_batch(inputs)?;
    Ok(of_articles(&articles, mode, overrides))
}

/// The report of articles already analyzed (by [`crate::analyze_batch`] or
/// [`crate::analyze_batch_with`]): the rest of [`build`].
pub fn of_articles(articles: &[Article], mode: Mode, overrides: &Overrides) -> Report {
    match mode {
        Mode::Analyze => {
            let names = canonical_names(articles, overrides);
            Report::Articles(article_reports(articles, &names))
        }
        Mode::Compare | Mode::CompareAllPairs => {
            let pairs = if mode == Mode::Compare {
                Pairs::Candidates
            } else {
                Pairs::All
            };
            let comparison = compare_pairs(articles, overrides, pairs);
            Report::Comparison(CompareReport::new(articles, &comparison))
        }
    }
}

/// One analyzed article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The caller's id (the CLI uses the file stem).
    pub id: String,
    /// The title, when known.
    pub title: Option<String>,
    /// The publication date, ISO 8601, when known.
    pub date: Option<String>,
    /// Who wrote it, when the text says.
    pub byline: Option<String>,
    /// The article's address, when known.
    pub url: Option<String>,
    /// ISO 639-1 code (en, fr, de, ...), when known.
    pub language: Option<String>,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// A news agency credited (AFP, Reuters, AP, ...).
    pub agency: Option<String>,
    /// The place a dateline names ("Paris, 21 juin 2012 –"); left out when none does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The span each metadata value was read from (absent when the caller gave it).
    pub meta: MetaSpans,
    /// `plain`, `markdown` or `html`.
    pub format: crate::clean::Format,
    /// How the bytes were decoded (absent when the caller gave text).
    pub encoding: Option<&'static str>,
    /// What the reader should know about how the input was read (bytes
    /// replaced, an encoding guessed, no article text in an HTML page);
    /// left out when there is nothing to say.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The cleaned main text.
    pub body: String,
    /// People, organisations and places.
    pub entities: Vec<EntityOut>,
    /// Nationality words, each with the country it names ("Kazakh" -> Kazakhstan).
    pub demonyms: Vec<DemonymOut>,
    /// Temporal expressions.
    pub dates: Vec<DateOut>,
    /// Numbers as intervals.
    pub quantities: Vec<QuantityOut>,
    /// Quotes and their speakers.
    pub quotes: Vec<QuoteOut>,
    /// What happened: event triggers.
    pub events: Vec<EventOut>,
    /// Each event coded as a record, every field with its evidence.
    pub records: Vec<RecordOut>,
    /// Atomic claims, each keyed for comparison across articles and languages.
    pub facts: Vec<ArticleFactOut>,
    /// What cleaning removed from the input, and why.
    pub removed: Vec<RemovedOut>,
    /// The sentences of the body.
    pub sentences: Vec<SpanOut>,
}

/// Where each metadata value was read in the input.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MetaSpans {
    /// Where the title was read.
    pub title: Option<SpanOut>,
    /// Where the date was read.
    pub date: Option<SpanOut>,
    /// Where the byline was read.
    pub byline: Option<SpanOut>,
    /// Where the agency was read.
    pub agency: Option<SpanOut>,
    /// Where the address was read.
    pub url: Option<SpanOut>,
    /// Where the outlet was read.
    pub outlet: Option<SpanOut>,
    /// Where the section was read.
    pub section: Option<SpanOut>,
    /// Where the dateline's place was read; left out when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<SpanOut>,
}

/// A span of the input: code points `start..end`, and the text of that slice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
}

/// The input's text under a span, as a report's spans give it: a slice of
/// the article's input, which all the spans of a report share. A report has
/// a span for every few words of its input; copied out, each was a string
/// to allocate, fill and free, most of them written once and dropped.
/// Reads as a `str`, serializes as one.
#[derive(Clone)]
pub struct SpanText {
    input: Arc<str>,
    span: Span,
}

impl SpanText {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.span.of(&self.input)
    }
}

impl std::ops::Deref for SpanText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for SpanText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SpanText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for SpanText {
    fn eq(&self, other: &SpanText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for SpanText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SpanText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<SpanText> for String {
    fn eq(&self, other: &SpanText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for SpanText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A mention of a person, organisation or place.
#[derive(Clone, Debug, Serialize)]
pub struct EntityOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// `PERSON`, `ORG` or `PLACE`.
    pub label: &'static str,
    /// The entity's one name across the batch.
    pub entity: String,
    /// A title or role given in the text ("President", "spokesman").
    pub role: Option<String>,
}

/// A nationality word and the country it names.
#[derive(Clone, Debug, Serialize)]
pub struct DemonymOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// The country the word names.
    pub place: &'static str,
}

/// A temporal expression with its TimeML (TIMEX3) value.
#[derive(Clone, Debug, Serialize)]
pub struct DateOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// ISO 8601 at the precision the text supports, a duration or a reference.
    pub value: String,
    /// Date, time, duration or set.
    pub kind: DateKind,
    /// TimeML `mod`: `START` ("early March"), `END` ("late last year"), `MID`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
}

/// A number as an interval, with what it counts and how it is hedged.
#[derive(Clone, Debug, Serialize)]
pub struct QuantityOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// Lower bound; none when open.
    pub low: Option<f64>,
    /// Upper bound; none when open.
    pub high: Option<f64>,
    /// What is counted or measured (people, tenge, km, %).
    pub unit: Option<String>,
    /// What happened to what is counted ("killed", "injured", "arrested").
    pub counts: Option<String>,
    /// Exact, approximate, at least, more than ...
    pub hedge: Hedge,
    /// Who gives the number, when the text says.
    pub source: Option<String>,
}

/// A quote (for indirect speech: the reported clause) and its speaker.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// The speaker's entity name, when known.
    pub speaker: Option<String>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Where the speaker is named for this quote.
    pub speaker_span: Option<SpanOut>,
}

/// What happened: the trigger word or phrase and its class.
#[derive(Clone, Debug, Serialize)]
pub struct EventOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// The event class ("protest", "killing", ...).
    pub class: String,
}

/// A part of the input that is not in the body, with the reason.
#[derive(Clone, Debug, Serialize)]
pub struct RemovedOut {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// Short machine-readable reason ("related-links", "share-counter", "markup", ...).
    pub reason: String,
}

/// What the report spans of one article share: the article, its input
/// (which the spans' texts slice) and the input's code point index. Built
/// once per article; the [`SpanWriter`]s of its report and of the pairs it
/// is in, on any thread, borrow it.
pub struct ArticleSpans<'a> {
    article: &'a Article,
    /// The article's input, which the spans' texts share.
    input: Arc<str>,
    index: CharIndex,
}

impl<'a> ArticleSpans<'a> {
    /// The shared part of the spans of `article`.
    pub fn new(article: &'a Article) -> ArticleSpans<'a> {
        ArticleSpans {
            article,
            input: Arc::from(article.input.as_str()),
            index: CharIndex::new(&article.input),
        }
    }
}

/// Converts analysis-text and input spans of one article to report spans,
/// for one report or one pair on one thread.
pub struct SpanWriter<'a> {
    spans: &'a ArticleSpans<'a>,
    /// The piece of the analysis text the last span started in, where the
    /// next search starts ([`crate::text::MappedText::to_source_near`]): the
    /// report asks for its spans mostly in text order.
    near: Cell<usize>,
    /// Where the last input span started among the wide characters
    /// ([`CharIndex::span_near`]).
    near_wide: Cell<usize>,
    /// Analysis spans already mapped, each in the slot its hash picks (a
    /// later span whose hash picks the same slot takes it). An article's
    /// report writes the same mention's span for its entity, its record,
    /// its fact and their evidence: about half of the spans it asks for
    /// were asked for before. Empty when the writer maps few spans.
    mapped: Box<[Cell<Option<Mapped>>]>,
}

/// An analysis span and what [`SpanWriter::analysis`] made of it.
#[derive(Clone, Copy)]
struct Mapped {
    analysis: Span,
    input: Span,
    start: usize,
    end: usize,
}

impl<'a> SpanWriter<'a> {
    /// A writer for a few spans of an article (a pair's facts).
    pub fn new(spans: &'a ArticleSpans<'a>) -> SpanWriter<'a> {
        SpanWriter {
            spans,
            near: Cell::new(0),
            near_wide: Cell::new(0),
            mapped: Box::default(),
        }
    }

    /// A writer for the whole report of an article, which remembers the
    /// spans it mapped.
    pub fn remembering(spans: &'a ArticleSpans<'a>) -> SpanWriter<'a> {
        SpanWriter {
            mapped: vec![Cell::new(None); MAPPED_SLOTS].into_boxed_slice(),
            ..SpanWriter::new(spans)
        }
    }

    /// A span of the input.
    pub fn input(&self, span: Span) -> SpanOut {
        let mut near = self.near_wide.get();
        let (start, end) = self.spans.index.span_near(span, &mut near);
        self.near_wide.set(near);
        self.span_out(span, start, end)
    }

    fn span_out(&self, span: Span, start: usize, end: usize) -> SpanOut {
        SpanOut {
            start,
            end,
            text: SpanText {
                input: Arc::clone(&self.spans.input),
                span,
            },
        }
    }

    /// A span of the analysis text, mapped to the input.
    pub fn analysis(&self, span: Span) -> SpanOut {
        let slot = self.mapped_slot(span);
        if let Some(m) = slot.and_then(Cell::get) {
            if m.analysis == span {
                return self.span_out(m.input, m.start, m.end);
            }
        }
        let mut near = self.near.get();
        let input = self.spans.article.text.to_source_near(span, &mut near);
        self.near.set(near);
        let out = self.input(input);
        if let Some(slot) = slot {
            slot.set(Some(Mapped {
                analysis: span,
                input,
                start: out.start,
                end: out.end,
            }));
        }
        out
    }

    /// The slot of `mapped` that `span` may be remembered in.
    fn mapped_slot(&self, span: Span) -> Option<&Cell<Option<Mapped>>> {
        if self.mapped.is_empty() {
            return None;
        }
        // The slot count is a power of two: the hash's top bits pick one.
        let bits = self.mapped.len().trailing_zeros();
        let key = (span.start as u64) << 32 ^ span.end as u64;
        let hash = key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits);
        self.mapped.get(hash as usize)
    }
}

/// The slots of a [`SpanWriter`]'s memory: a power of two, enough for an
/// article's distinct spans (about a hundred) to mostly keep their own.
const MAPPED_SLOTS: usize = 256;

impl ArticleReport {
    /// The report of one article, each entity under its in-article name.
    pub fn new(article: &Article) -> ArticleReport {
        ArticleReport::with_names(article, |name| name.to_string())
    }

    /// A report whose `entity` fields come from `canonical` (the batch's one name for each).
    pub fn with_names(article: &Article, canonical: impl Fn(&str) -> String) -> ArticleReport {
        let spans = ArticleSpans::new(article);
        let w = SpanWriter::remembering(&spans);
        let meta = &article.meta;
        let value = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        ArticleReport {
            schema_version: SCHEMA_VERSION,
            id: article.id.clone(),
            title: value(&meta.title),
            date: value(&meta.date),
            byline: value(&meta.byline),
            url: value(&meta.url),
            language: value(&meta.language),
            outlet: value(&meta.outlet),
            agency: value(&meta.agency),
            place: value(&meta.place),
            meta: MetaSpans::of(&w, meta),
            format: article.format,
            encoding: article.encoding.map(|e| e.name()),
            warnings: article.warnings.clone(),
            body: article.body.as_str().to_string(),
            entities: (article.entities.iter())
                .map(|e| EntityOut::of(&w, e, &canonical))
                .collect(),
            demonyms: article
                .demonyms
                .iter()
                .map(|x| DemonymOut::of(&w, x))
                .collect(),
            dates: article.dates.iter().map(|x| DateOut::of(&w, x)).collect(),
            quantities: article
                .quantities
                .iter()
                .map(|x| QuantityOut::of(&w, x))
                .collect(),
            quotes: (article.quotes.iter())
                .map(|q| QuoteOut::of(&w, q, &canonical))
                .collect(),
            events: article.events.iter().map(|x| EventOut::of(&w, x)).collect(),
            records: (article.records.iter())
                .map(|x| RecordOut::of(&w, x))
                .collect(),
            facts: (article.facts.iter())
                .map(|x| ArticleFactOut::of(&w, x))
                .collect(),
            removed: article
                .removed
                .iter()
                .map(|x| RemovedOut::of(&w, x))
                .collect(),
            sentences: (article.seg.sentences.iter())
                .map(|s| w.analysis(s.span))
                .collect(),
        }
    }
}

impl MetaSpans {
    fn of(w: &SpanWriter, meta: &Metadata) -> MetaSpans {
        let span = |f: &Option<Field>| f.as_ref().and_then(|f| f.span).map(|s| w.input(s));
        MetaSpans {
            title: span(&meta.title),
            date: span(&meta.date),
            byline: span(&meta.byline),
            agency: span(&meta.agency),
            url: span(&meta.url),
            outlet: span(&meta.outlet),
            section: span(&meta.section),
            place: span(&meta.place),
        }
    }
}

impl EntityOut {
    fn of(w: &SpanWriter, e: &EntityMention, canonical: &dyn Fn(&str) -> String) -> EntityOut {
        let s = w.analysis(e.span);
        EntityOut {
            start: s.start,
            end: s.end,
            text: s.text,
            label: e.label.as_str(),
            entity: canonical(&e.name),
            role: e.role.clone(),
        }
    }
}

impl DemonymOut {
    fn of(w: &SpanWriter, d: &DemonymMention) -> DemonymOut {
        let s = w.analysis(d.span);
        DemonymOut {
            start: s.start,
            end: s.end,
            text: s.text,
            place: d.country,
        }
    }
}

impl DateOut {
    fn of(w: &SpanWriter, d: &DateMention) -> DateOut {
        let s = w.analysis(d.span);
        DateOut {
            start: s.start,
            end: s.end,
            text: s.text,
            value: d.value.clone(),
            kind: d.kind,
            modifier: d.modifier,
        }
    }
}

impl QuantityOut {
    fn of(w: &SpanWriter, q: &Quantity) -> QuantityOut {
        let s = w.analysis(q.span);
        QuantityOut {
            start: s.start,
            end: s.end,
            text: s.text,
            low: q.low,
            high: q.high,
            unit: q.unit.clone(),
            counts: q.counts.clone(),
            hedge: q.hedge,
            source: q.source.clone(),
        }
    }
}

impl QuoteOut {
    fn of(w: &SpanWriter, q: &Quote, canonical: &dyn Fn(&str) -> String) -> QuoteOut {
        let s = w.analysis(q.span);
        QuoteOut {
            start: s.start,
            end: s.end,
            text: s.text,
            speaker: q.speaker.as_deref().map(canonical),
            kind: q.kind,
            speaker_span: q.speaker_span.map(|sp| w.analysis(sp)),
        }
    }
}

impl EventOut {
    fn of(w: &SpanWriter, e: &Event) -> EventOut {
        let s = w.analysis(e.trigger);
        EventOut {
            start: s.start,
            end: s.end,
            text: s.text,
            class: e.class.clone(),
        }
    }
}

impl RemovedOut {
    fn of(w: &SpanWriter, r: &Removal) -> RemovedOut {
        let s = w.input(r.span);
        RemovedOut {
            start: s.start,
            end: s.end,
            text: s.text,
            reason: r.reason.to_string(),
        }
    }
}

/// A comparison of a batch.
#[derive(Clone, Debug, Serialize)]
pub struct CompareReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The articles, in input order, with the batch's entity names.
    pub articles: Vec<ArticleReport>,
    /// Groups of article ids at three grains.
    pub clusters: ClustersOut,
    /// Every pair of a batch whose pairs were all scored (up to
    /// [`crate::compare::ALL_PAIRS_UP_TO`] articles, or when asked); of a
    /// larger batch, the pairs related at least by topic, each article's
    /// closest ([`crate::compare::Comparison::listed`]).
    pub pairs: Vec<PairOut>,
    /// The batch's people, organisations and places, one row each.
    pub entities: Vec<EntityRowOut>,
    /// Per event cluster of two or more articles: facts × articles, and the merged timeline.
    pub tables: Vec<TableOut>,
}

/// One entity of the batch: its one name, where it is mentioned, and why names were joined.
#[derive(Clone, Debug, Serialize)]
pub struct EntityRowOut {
    /// The row's index.
    pub id: usize,
    /// The name the batch uses for it.
    pub name: String,
    /// `PERSON`, `ORG` or `PLACE`.
    pub label: &'static str,
    /// Per article (by id): indices into that article's `entities`.
    pub members: Vec<EntityMembersOut>,
    /// The names used for it across the batch, the canonical one first.
    pub variants: Vec<String>,
    /// Why names were joined.
    pub merges: Vec<Merge>,
}

/// The mentions of one entity in one article.
#[derive(Clone, Debug, Serialize)]
pub struct EntityMembersOut {
    /// The article's id.
    pub article: String,
    /// Indices into that article's `entities`.
    pub mentions: Vec<usize>,
}

/// The reports of [`Mode::Analyze`], the same as [`of_articles`] gives, handed
/// to `each` in input order a few at a time: a caller that writes each one out
/// (the CLI) never holds the reports of the whole batch.
pub fn each_article_report<E>(
    articles: &[Article],
    overrides: &Overrides,
    mut each: impl FnMut(ArticleReport) -> Result<(), E>,
) -> Result<(), E> {
    // Enough articles per step to keep several threads busy building reports.
    const STEP: usize = 64;
    let names = canonical_names(articles, overrides);
    for step in articles.chunks(STEP) {
        article_reports(step, &names)
            .into_iter()
            .try_for_each(&mut each)?;
    }
    Ok(())
}

/// Article reports whose `entity` names are the batch's ([`canonical_names`],
/// or [`EntityTable::names`]).
pub fn article_reports(articles: &[Article], names: &CanonicalNames) -> Vec<ArticleReport> {
    crate::compare::par_map(articles, |a| {
        ArticleReport::with_names(a, |n| names.canonical(n).to_string())
    })
}

fn entity_rows(articles: &[Article], table: &EntityTable) -> Vec<EntityRowOut> {
    table
        .entities
        .iter()
        .map(|e| EntityRowOut {
            id: e.id,
            name: e.name.clone(),
            label: e.label.as_str(),
            members: e
                .members
                .iter()
                .map(|m| EntityMembersOut {
                    article: articles[m.article].id.clone(),
                    mentions: m.mentions.clone(),
                })
                .collect(),
            variants: e.variants.clone(),
            merges: e.merges.clone(),
        })
        .collect()
}

/// Clusters as lists of article ids.
#[derive(Clone, Debug, Serialize)]
pub struct ClustersOut {
    /// Articles reporting the same happening.
    pub event: Vec<Vec<String>>,
    /// Articles that are one text (wire copy, rewrite, translation).
    pub story: Vec<Vec<String>>,
    /// Articles on the same subject.
    pub topic: Vec<Vec<String>>,
}

impl ClustersOut {
    fn of(articles: &[Article], clusters: &Clusters) -> ClustersOut {
        let ids = |groups: &Vec<Vec<usize>>| {
            groups
                .iter()
                .map(|g| g.iter().map(|&i| articles[i].id.clone()).collect())
                .collect()
        };
        ClustersOut {
            event: ids(&clusters.event),
            story: ids(&clusters.story),
            topic: ids(&clusters.topic),
        }
    }
}

/// One pair of articles: how similar, how related, and how their facts compare.
#[derive(Clone, Debug, Serialize)]
pub struct PairOut {
    /// The first article's id.
    pub a: String,
    /// The second article's id.
    pub b: String,
    /// Combined similarity, `0..=1`, three decimals.
    pub score: f64,
    /// Unrelated, same topic, same event or same story.
    pub relation: Relation,
    /// The parts of the score.
    pub evidence: Evidence,
    /// What the two share, in words ("shares 2 people (Alnur Ilyashev, ...),
    /// 1 place (Almaty), 1 date (2022-03-19)"), for pairs related at least by
    /// topic; empty for unrelated pairs.
    pub because: String,
    /// Facts both report alike: figures and statements, not shared names.
    pub agreements: Vec<FactPair>,
    /// Facts they report differently: `compatible`, `conflict` or `update`.
    pub conflicts: Vec<FactPair>,
    /// Facts only the first article reports.
    pub only_a: Vec<FactOut>,
    /// Facts only the second article reports.
    pub only_b: Vec<FactOut>,
    /// The same kind of event named with different words ("riot" / "protest"), outside quotes.
    pub wording: Vec<FactPair>,
    /// Entities both name: the same name, a spelling variant, or a translation.
    pub names: Vec<NamePairOut>,
    /// Quotes both give: the same words, reworded, or given to another speaker.
    pub quotes: Vec<QuotePairOut>,
    /// Aligned sentences, by index into each article's `sentences`.
    pub aligned: Vec<AlignedOut>,
}

/// Two aligned sentences.
#[derive(Clone, Debug, Serialize)]
pub struct AlignedOut {
    /// Index into the first article's `sentences`.
    pub a: usize,
    /// Index into the second article's `sentences`.
    pub b: usize,
    /// The alignment score, three decimals.
    pub score: f64,
}

/// The parts of a pair's score, each `0..=1`.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    /// Similarity of the content words.
    pub words: f64,
    /// Overlap of the entities named.
    pub entities: f64,
    /// Overlap of the kinds of event reported (unrest, casualties, arrests, ...).
    pub events: f64,
    /// Overlap of the full dates stated.
    pub dates: f64,
    /// Overlap of the figures reported.
    pub numbers: f64,
    /// Share of the shorter article's sentences aligned with the other's.
    pub coverage: f64,
}

/// A fact of one article: what it is about, its value, and where it is said.
#[derive(Clone, Debug, Serialize)]
pub struct FactOut {
    /// What the fact is about: a figure's fact key ("killed", "killed/security_forces"),
    /// or "person", "quote", "unrest".
    pub key: String,
    /// Its value as text ("13", "at least 8", "Alnur Ilyashev").
    pub value: String,
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// For a fact only one side gives: that, in one sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A fact of each article about the same thing.
#[derive(Clone, Debug, Serialize)]
pub struct FactPair {
    /// What both facts are about.
    pub key: String,
    /// The first article's fact.
    pub a: FactOut,
    /// The second article's fact.
    pub b: FactOut,
    /// `agree`, `compatible`, `conflict` or `update`; none for wording.
    pub class: Option<Class>,
    /// The difference (or the agreement) in one sentence.
    pub note: String,
}

/// An entity both articles name.
#[derive(Clone, Debug, Serialize)]
pub struct NamePairOut {
    /// `person`, `organisation` or `place`.
    pub label: &'static str,
    /// `same`, `variant` (spelled differently) or `translation` (a place's standard names).
    pub class: NameClass,
    /// The first article's fullest name for it.
    pub a: FactOut,
    /// The second article's.
    pub b: FactOut,
    /// How the names relate, in one sentence.
    pub note: String,
}

/// A quote both articles give.
#[derive(Clone, Debug, Serialize)]
pub struct QuotePairOut {
    /// `same`, `variant` (worded differently) or `other-speaker`.
    pub class: QuoteClass,
    /// The first article's speaker.
    pub speaker_a: Option<String>,
    /// The second article's speaker.
    pub speaker_b: Option<String>,
    /// The first article's quote.
    pub a: FactOut,
    /// The second article's quote.
    pub b: FactOut,
    /// The first quote's words turned into the second's: `same`, `removed`, `added`.
    pub diff: Vec<WordOp>,
    /// How the quotes relate, in one sentence.
    pub note: String,
}

/// Three decimals, and never `-0` (an empty float sum is negative zero).
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0 + 0.0
}

impl CompareReport {
    /// The report of `comparison`, whose entity table names the entities.
    pub fn new(articles: &[Article], comparison: &Comparison) -> CompareReport {
        let table = &comparison.entities;
        let spans: Vec<ArticleSpans> = articles.iter().map(ArticleSpans::new).collect();
        // Every pair when every pair was scored; of a large batch, each
        // article's closest related ones.
        let listed = comparison.listed();
        let key = |name: &str| table.key(name);
        let shown: Vec<usize> = (0..comparison.pairs.len()).filter(|&k| listed[k]).collect();
        // What each article of an explained pair mentions, once per article.
        let explained = |p: &PairScore| p.relation >= Relation::SameTopic;
        let in_explained = crate::compare::articles_of(
            articles.len(),
            shown
                .iter()
                .map(|&k| &comparison.pairs[k])
                .filter(|p| explained(p)),
        );
        let mentions = crate::compare::par_make(&in_explained, |i| mentioned(&articles[i], &key));
        let pairs = crate::compare::par_map(&shown, |&k| {
            let p = &comparison.pairs[k];
            let (wa, wb) = (SpanWriter::new(&spans[p.a]), SpanWriter::new(&spans[p.b]));
            let sides = (&wa, &wb);
            let (d, aligned) = (&comparison.diffs[k], &comparison.alignments[k]);
            let mut out = PairOut::of(articles, p, d, aligned, sides);
            if let (true, Some(ma), Some(mb)) = (explained(p), &mentions[p.a], &mentions[p.b]) {
                out.because = explain_mentioned((&articles[p.a], ma), mb, p.aligned);
            }
            out
        });
        CompareReport {
            schema_version: SCHEMA_VERSION,
            articles: article_reports(articles, table.names()),
            clusters: ClustersOut::of(articles, &comparison.clusters),
            pairs,
            entities: entity_rows(articles, table),
            tables: tables::tables_out(articles, &spans, &comparison.tables),
        }
    }
}

impl PairOut {
    /// The pair `p` with its diff and aligned sentences; `(wa, wb)` write
    /// the spans of its two articles.
    fn of(
        articles: &[Article],
        p: &PairScore,
        d: &FactDiff,
        aligned: &[AlignedSentences],
        (wa, wb): (&SpanWriter, &SpanWriter),
    ) -> PairOut {
        let (ia, ib) = (&articles[p.a].id, &articles[p.b].id);
        let pair = |x: &Fact, y: &Fact, class: Option<Class>, note: String| FactPair {
            key: x.key.clone(),
            a: FactOut::of(wa, x),
            b: FactOut::of(wb, y),
            class,
            note,
        };
        let single = |w: &SpanWriter, s: &crate::compare::Single| FactOut {
            note: Some(s.note.clone()),
            ..FactOut::of(w, &s.fact)
        };
        PairOut {
            a: ia.clone(),
            b: ib.clone(),
            score: round(p.score),
            relation: p.relation,
            evidence: Evidence::of(p),
            because: String::new(),
            agreements: (d.agreements.iter())
                .map(|g| pair(&g.a, &g.b, Some(Class::Agree), g.note.clone()))
                .collect(),
            conflicts: (d.conflicts.iter())
                .map(|c| pair(&c.a, &c.b, Some(c.class), c.note.clone()))
                .collect(),
            only_a: d.only_a.iter().map(|f| single(wa, f)).collect(),
            only_b: d.only_b.iter().map(|f| single(wb, f)).collect(),
            wording: (d.wording.iter())
                .map(|w| pair(&w.a, &w.b, None, explain_wording(w, ia, ib)))
                .collect(),
            names: names_out(d, (wa, wb), (ia, ib)),
            quotes: quotes_out(articles, p, d, (wa, wb)),
            aligned: aligned
                .iter()
                .map(|x| AlignedOut {
                    a: x.a,
                    b: x.b,
                    score: round(x.score),
                })
                .collect(),
        }
    }
}

impl Evidence {
    fn of(p: &PairScore) -> Evidence {
        Evidence {
            words: round(p.words),
            entities: round(p.entities),
            events: round(p.events),
            dates: round(p.dates),
            numbers: round(p.numbers),
            coverage: round(p.coverage),
        }
    }
}

impl FactOut {
    fn of(w: &SpanWriter, f: &Fact) -> FactOut {
        let s = w.analysis(f.span);
        FactOut {
            key: f.key.clone(),
            value: f.value.clone(),
            start: s.start,
            end: s.end,
            text: s.text,
            note: None,
        }
    }
}

fn names_out(
    d: &FactDiff,
    (wa, wb): (&SpanWriter, &SpanWriter),
    (ia, ib): (&str, &str),
) -> Vec<NamePairOut> {
    let fact = |w: &SpanWriter, label: &str, name: &str, span| {
        FactOut::of(
            w,
            &Fact {
                key: label.to_string(),
                value: name.to_string(),
                span,
            },
        )
    };
    d.names
        .iter()
        .map(|n| NamePairOut {
            label: n.label,
            class: n.class,
            a: fact(wa, n.label, &n.name_a, n.span_a),
            b: fact(wb, n.label, &n.name_b, n.span_b),
            note: explain_name(n, ia, ib),
        })
        .collect()
}

fn quotes_out(
    articles: &[Article],
    p: &PairScore,
    d: &FactDiff,
    (wa, wb): (&SpanWriter, &SpanWriter),
) -> Vec<QuotePairOut> {
    let (ia, ib) = (&articles[p.a].id, &articles[p.b].id);
    let fact = |w: &SpanWriter, speaker: &Option<String>, span| {
        let value = speaker.clone().unwrap_or_default();
        FactOut::of(
            w,
            &Fact {
                key: "quote".to_string(),
                value,
                span,
            },
        )
    };
    d.quotes
        .iter()
        .map(|q| QuotePairOut {
            class: q.class,
            speaker_a: q.speaker_a.clone(),
            speaker_b: q.speaker_b.clone(),
            a: fact(wa, &q.speaker_a, q.span_a),
            b: fact(wb, &q.speaker_b, q.span_b),
            diff: q.diff.clone(),
            note: explain_quote(q, ia, ib),
        })
        .collect()
}
