//! [`Article`]: one input and everything storydiff found in it.

use crate::clean::{self, BatchEvidence, Cleaned, Format, Removal};
use crate::extract::{
    self, CalendarDate, DateMention, Doc, EntityMention, Event, Metadata, Quantity, Quote,
};
use crate::text::{self, MappedText, Segmentation, Span};
use crate::Error;

/// One article as the caller gives it.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// A name for the article, unique in its batch (the CLI uses the file stem).
    pub id: String,
    /// The text as given (already decoded).
    pub text: String,
    /// The file name, when there is one (helps to tell HTML from plain text).
    pub file_name: Option<String>,
    /// The publication date, `YYYY-MM-DD`, when the caller knows it.
    pub date: Option<String>,
    /// The title, when the caller knows it.
    pub title: Option<String>,
    /// The article's original address, when the caller knows it.
    pub url: Option<String>,
    /// Which decoding produced `text`, when it came from bytes.
    pub encoding: Option<text::decode::Encoding>,
    /// Removals to undo, as byte spans of `text`.
    pub keep: Vec<Span>,
}

impl Input {
    /// An input of text alone, with nothing else known.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            id: id.into(),
            text: text.into(),
            ..Input::default()
        }
    }

    /// An input from raw bytes, decoded with [`text::decode()`].
    pub fn from_bytes(id: impl Into<String>, file_name: Option<String>, bytes: &[u8]) -> Input {
        let decoded = text::decode(bytes);
        Input {
            id: id.into(),
            text: decoded.text,
            file_name,
            encoding: Some(decoded.encoding),
            ..Input::default()
        }
    }
}

/// One analyzed article. It owns its input text; every finding is a span.
#[derive(Clone, Debug)]
pub struct Article {
    /// The caller's name for it, unique in its batch.
    pub id: String,
    /// The text as given.
    pub input: String,
    /// Which decoding produced the input, when it came from bytes.
    pub encoding: Option<text::decode::Encoding>,
    /// Plain text, Markdown or HTML, as detected.
    pub format: Format,
    /// The cleaned body, mapped onto the input.
    pub body: MappedText,
    /// What cleaning removed from the input, and why (input spans).
    pub removed: Vec<Removal>,
    /// The analysis text (normalized body), mapped onto the input.
    pub text: MappedText,
    /// Sentences and tokens of the analysis text.
    pub seg: Segmentation,
    /// Title, date, byline, language and the rest, each with where it was read.
    pub meta: Metadata,
    /// People, organisations and places (analysis-text spans).
    pub entities: Vec<EntityMention>,
    /// Nationality words and the country each names ("Kazakh" -> Kazakhstan); not mentions.
    pub demonyms: Vec<extract::entities::DemonymMention>,
    /// Temporal expressions with their values.
    pub dates: Vec<DateMention>,
    /// Numbers as intervals, with what they count.
    pub quantities: Vec<Quantity>,
    /// Quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// What happened: event triggers with their arguments.
    pub events: Vec<Event>,
}

impl Article {
    /// The input span of an analysis-text span.
    pub fn to_input(&self, span: Span) -> Span {
        self.text.to_source(span)
    }

    /// The analysis text.
    pub fn analysis_text(&self) -> &str {
        self.text.as_str()
    }

    /// The publication date, when known.
    pub fn date(&self) -> Option<CalendarDate> {
        self.meta
            .date
            .as_ref()
            .and_then(|f| CalendarDate::parse_iso(&f.value))
    }

    /// The language code ("en", "fr", ...), when known.
    pub fn language(&self) -> Option<&str> {
        self.meta.language.as_ref().map(|f| f.value.as_str())
    }
}

/// Analyzes one article on its own.
pub fn analyze(input: &Input) -> Result<Article, Error> {
    let mut batch = analyze_batch(std::slice::from_ref(input))?;
    Ok(batch.remove(0))
}

/// Analyzes a batch: each article is cleaned with the evidence of the whole
/// batch (recurring site furniture), then extracted on its own. Linking entity
/// names across the batch is comparison's work ([`crate::compare::link`]).
///
/// Fails when two inputs share an id or a given date is not a calendar date.
pub fn analyze_batch(inputs: &[Input]) -> Result<Vec<Article>, Error> {
    analyze_batch_with(inputs, |inputs, one| inputs.iter().map(one).collect())
}

/// One article's analysis, given the batch's evidence: what
/// [`analyze_batch_with`] hands to its caller's `map`.
pub type AnalyzeOne<'a> = dyn Fn(&Input) -> Article + Sync + 'a;

/// [`analyze_batch`], with the per-article work run by `map`, which must
/// return one article per input, in input order. The native CLI passes a
/// thread pool's parallel map; the results are the same as in sequence.
pub fn analyze_batch_with(
    inputs: &[Input],
    map: impl FnOnce(&[Input], &AnalyzeOne) -> Vec<Article>,
) -> Result<Vec<Article>, Error> {
    let mut seen = std::collections::HashSet::new();
    for input in inputs {
        if !seen.insert(input.id.as_str()) {
            return Err(Error::duplicate_id(&input.id));
        }
        if let Some(d) = &input.date {
            if CalendarDate::parse_iso(d).is_none() {
                return Err(Error::bad_date(&input.id, d));
            }
        }
    }
    let texts: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    let evidence = BatchEvidence::gather(&texts);
    let articles = map(inputs, &|i: &Input| analyze_one(i, &evidence));
    assert_eq!(articles.len(), inputs.len(), "one article per input");
    Ok(articles)
}

fn analyze_one(input: &Input, evidence: &BatchEvidence) -> Article {
    let format = Format::detect(input.file_name.as_deref(), &input.text);
    let Cleaned { body, removed } = clean::clean(&input.text, format, evidence, &input.keep);
    let normalized = text::normalize(body.as_str());
    let analysis = normalized.compose(&body);
    let seg = text::segment(analysis.as_str());
    let mut meta = extract::metadata::extract(&input.text, format, &body);
    if let Some(d) = &input.date {
        meta.date = Some(extract::Field::given(d.clone()));
    }
    if let Some(t) = &input.title {
        meta.title = Some(extract::Field::given(t.clone()));
    }
    if let Some(u) = &input.url {
        meta.url = Some(extract::Field::given(u.clone()));
    }
    let anchor = meta
        .date
        .as_ref()
        .and_then(|f| CalendarDate::parse_iso(&f.value));
    let language = meta.language.as_ref().map(|f| f.value.clone());
    let doc = Doc {
        text: analysis.as_str(),
        seg: &seg,
        anchor,
        language: language.as_deref(),
    };
    let entities = extract::entities::extract(&doc);
    let demonyms = extract::entities::demonyms(&doc);
    let dates = extract::dates::extract(&doc);
    let quantities = extract::quantities::extract(&doc);
    let quotes = extract::quotes::extract(&doc, &entities);
    let events = extract::events::extract(&doc, &entities, &dates, &quantities);
    Article {
        id: input.id.clone(),
        input: input.text.clone(),
        encoding: input.encoding,
        format,
        body,
        removed,
        text: analysis,
        seg,
        meta,
        entities,
        demonyms,
        dates,
        quantities,
        quotes,
        events,
    }
}
