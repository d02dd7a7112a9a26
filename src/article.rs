//! [`Article`]: one input and everything storydiff found in it.

use crate::clean::{self, BatchEvidence, Cleaned, Format, Prepared, Removal};
use crate::extract::{
    self, CalendarDate, DateMention, Doc, EntityMention, Event, Fact, Metadata, Quantity, Quote,
    Record,
};
use crate::text::{self, MappedText, Segmentation, Span};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

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
    pub encoding: Option<text::Encoding>,
    /// Removals to undo, as byte spans of `text`.
    pub keep: Vec<Span>,
    /// What the caller should know about how the text was read (decoding
    /// errors, a guessed encoding); carried into the report.
    pub warnings: Vec<String>,
}

/// The size limit callers apply unless told otherwise: 1 MB, far above any
/// news article's text, and what the analysis finishes in seconds (about 13 s
/// on a slow shared machine; 2 MB took a minute).
pub const DEFAULT_MAX_BYTES: usize = 1024 * 1024;

impl Input {
    /// An input of text alone, with nothing else known.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            id: id.into(),
            text: text.into(),
            ..Input::default()
        }
    }

    /// An input from raw bytes, decoded with [`text::decode()`]; its
    /// decoding warnings go into [`Input::warnings`].
    pub fn from_bytes(id: impl Into<String>, file_name: Option<String>, bytes: &[u8]) -> Input {
        let decoded = text::decode(bytes);
        Input {
            id: id.into(),
            text: decoded.text,
            file_name,
            encoding: Some(decoded.encoding),
            warnings: decoded.warnings,
            ..Input::default()
        }
    }

    /// [`Input::from_bytes`] for bytes that must be text: fails, without
    /// decoding, on another file format ([`text::sniff()`]) and on more
    /// than `max_bytes`; then [`Input::check`]s the text.
    pub fn try_from_bytes(
        id: impl Into<String>,
        file_name: Option<String>,
        bytes: &[u8],
        max_bytes: usize,
    ) -> Result<Input, Error> {
        let id = id.into();
        if bytes.len() > max_bytes {
            return Err(Error::too_large(&id, bytes.len(), max_bytes));
        }
        if let Some(what) = text::sniff(bytes) {
            return Err(Error::not_text(&id, what));
        }
        let input = Input::from_bytes(id, file_name, bytes);
        input.check(max_bytes)?;
        Ok(input)
    }

    /// The checks an input must pass on its own before a batch is analyzed:
    /// some text, at most `max_bytes` of it, and a calendar date when one is
    /// given. A caller that checks each input can report the bad ones and
    /// still analyze the good ones.
    pub fn check(&self, max_bytes: usize) -> Result<(), Error> {
        if self.text.len() > max_bytes {
            return Err(Error::too_large(&self.id, self.text.len(), max_bytes));
        }
        if self.text.trim().is_empty() {
            return Err(Error::empty(&self.id));
        }
        if let Some(d) = &self.date {
            if CalendarDate::parse_iso(d).is_none() {
                return Err(Error::bad_date(&self.id, d));
            }
        }
        Ok(())
    }
}

/// One analyzed article. It owns its input text; every finding is a span.
///
/// It serializes whole (serde), so that one stage of a pipeline can analyze
/// an article and another compare it: read back from a self-describing
/// format that keeps every float (CBOR, or JSON with serde_json's
/// `float_roundtrip`), it compares exactly as it did.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Article {
    /// The caller's name for it, unique in its batch.
    pub id: String,
    /// The text as given.
    pub input: String,
    /// Which decoding produced the input, when it came from bytes.
    pub encoding: Option<text::Encoding>,
    /// What the caller should know about how the input was read, and
    /// whether the HTML held no article text.
    pub warnings: Vec<String>,
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
    pub demonyms: Vec<extract::DemonymMention>,
    /// Temporal expressions with their values.
    pub dates: Vec<DateMention>,
    /// Numbers as intervals, with what they count.
    pub quantities: Vec<Quantity>,
    /// Quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// What happened: event triggers with their arguments.
    pub events: Vec<Event>,
    /// Each event coded as a record, every field with its evidence.
    pub records: Vec<Record>,
    /// Atomic claims, each with a key comparable across articles.
    pub facts: Vec<Fact>,
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
    let mut ready: Vec<Option<Prepared>> = inputs.iter().map(|_| None).collect();
    let evidence = check_batch_with(inputs, |k, p| ready[k] = Some(p))?;
    // Each input's preparation, made while gathering the evidence, is taken
    // by the one analysis of that input (on whichever thread runs it).
    let ready: Vec<Mutex<Option<Prepared>>> = ready.into_iter().map(Mutex::new).collect();
    let articles = map(inputs, &|i: &Input| {
        let prepared = index_in(inputs, i).and_then(|k| take(&ready[k]));
        analyze_one(i, &evidence, prepared)
    });
    assert_eq!(articles.len(), inputs.len(), "one article per input");
    Ok(articles)
}

/// The index of `input` in `inputs`, when it is one of them (not a copy).
fn index_in(inputs: &[Input], input: &Input) -> Option<usize> {
    let size = std::mem::size_of::<Input>();
    let at = (input as *const Input as usize).checked_sub(inputs.as_ptr() as usize)?;
    let k = at / size;
    (at % size == 0 && k < inputs.len() && std::ptr::eq(&inputs[k], input)).then_some(k)
}

/// What `slot` holds, leaving it empty.
fn take(slot: &Mutex<Option<Prepared>>) -> Option<Prepared> {
    slot.lock().map_or(None, |mut p| p.take())
}

/// [`analyze_batch`] of `inputs` from `alone`, each input's article as
/// [`analyze`] made it (in a stage before, perhaps in another process): the
/// batch's evidence changes only the cleaning, and the rest of an analysis
/// follows from the cleaning, so an article whose cleaning the batch leaves
/// as it was is kept, and only the others are analyzed again. The articles
/// are exactly [`analyze_batch`]'s; the count says how many were analyzed
/// again. An article that is not its input's (another id or text) is
/// analyzed again too.
///
/// ```
/// use storydiff::{analyze, analyze_batch, analyze_batch_reusing, Input};
/// let inputs = vec![
///     Input::new("a", "Floods hit Lagos.\n\nRoads were closed.\n\nFollow Example Daily"),
///     Input::new("b", "Markets rose in Oslo.\n\nBanks led.\n\nFollow Example Daily"),
///     Input::new("c", "Snow fell in Quebec.\n\nSchools shut."),
/// ];
/// let alone = inputs.iter().map(|i| analyze(i).unwrap()).collect();
/// let (articles, again) = analyze_batch_reusing(&inputs, alone).unwrap();
/// // The line both a and b end with is the batch's furniture: they are analyzed again.
/// assert_eq!(again, 2);
/// let batch = analyze_batch(&inputs).unwrap();
/// assert_eq!(articles[0].body.as_str(), batch[0].body.as_str());
/// assert!(!articles[0].body.as_str().contains("Follow"));
/// ```
pub fn analyze_batch_reusing(
    inputs: &[Input],
    alone: Vec<Article>,
) -> Result<(Vec<Article>, usize), Error> {
    assert_eq!(alone.len(), inputs.len(), "one article per input");
    let evidence = check_batch(inputs)?;
    let mut again = 0;
    let articles = inputs
        .iter()
        .zip(alone)
        .map(|(input, article)| {
            if same_cleaning(input, &article, &evidence) {
                article
            } else {
                again += 1;
                analyze_one(input, &evidence, None)
            }
        })
        .collect();
    Ok((articles, again))
}

/// Whether `article` is `input`'s and its cleaning is what `evidence` makes of it.
fn same_cleaning(input: &Input, article: &Article, evidence: &BatchEvidence) -> bool {
    let format = Format::detect(input.file_name.as_deref(), &input.text);
    if article.id != input.id || article.input != input.text || article.format != format {
        return false;
    }
    let Cleaned { body, removed, .. } = clean::clean(&input.text, format, evidence, &input.keep);
    body == article.body && removed == article.removed
}

/// The articles `part` of a batch (`inputs[part]`), each analyzed as
/// [`analyze_batch`] analyzes it in the whole batch: with the evidence of
/// every input. Several workers can share a batch this way (the page's worker
/// pool); their parts, put together in order, are [`analyze_batch`]'s result.
///
/// Fails as [`analyze_batch`] fails, and when `part` is not within the batch.
pub fn analyze_part(inputs: &[Input], part: std::ops::Range<usize>) -> Result<Vec<Article>, Error> {
    let mut ready: Vec<Option<Prepared>> = inputs.iter().map(|_| None).collect();
    let evidence = check_batch_with(inputs, |k, p| {
        if part.contains(&k) {
            ready[k] = Some(p);
        }
    })?;
    let (Some(inputs), Some(ready)) = (inputs.get(part.clone()), ready.get_mut(part.clone()))
    else {
        return Err(Error::bad_part(part.start, part.end, inputs.len()));
    };
    Ok((inputs.iter().zip(ready))
        .map(|(i, p)| analyze_one(i, &evidence, p.take()))
        .collect())
}

/// Checks a batch's ids and dates; gathers its evidence.
fn check_batch(inputs: &[Input]) -> Result<BatchEvidence, Error> {
    check_batch_with(inputs, |_, _| {})
}

/// [`check_batch`], handing each input's preparation to `each` as
/// [`BatchEvidence::gather_with`] does.
fn check_batch_with(
    inputs: &[Input],
    each: impl FnMut(usize, Prepared),
) -> Result<BatchEvidence, Error> {
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
    Ok(BatchEvidence::gather_with(&texts, each))
}

/// One article's analysis; `prepared` is what gathering the evidence made of
/// its input, when it did.
fn analyze_one(input: &Input, evidence: &BatchEvidence, prepared: Option<Prepared>) -> Article {
    let format = Format::detect(input.file_name.as_deref(), &input.text);
    let Cleaned {
        body,
        removed,
        readings,
    } = clean::clean_prepared(&input.text, format, evidence, &input.keep, prepared);
    let normalized = text::normalize(body.as_str());
    let analysis = normalized.compose(&body);
    let seg = text::segment(analysis.as_str());
    // The lines the cleaning read are not read again for the metadata.
    let mut meta = extract::metadata_with_readings(&input.text, format, &body, &readings);
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
    let mut warnings = input.warnings.clone();
    if body.as_str().trim().is_empty() {
        warnings.push(match format {
            Format::Html => "no article text found in the HTML page".to_string(),
            _ => "nothing left after cleaning: every line was set aside as boilerplate".to_string(),
        });
    }
    let doc = Doc {
        text: analysis.as_str(),
        seg: &seg,
        anchor,
        language: language.as_deref(),
    };
    let entities = extract::entities(&doc);
    let demonyms = extract::demonyms(&doc);
    let (dates, quantities, quotes) = extract::dates_quantities_and_quotes(&doc, &entities);
    let events = extract::events(&doc, &entities, &dates, &quantities);
    let (records, facts) =
        extract::records_and_facts(&doc, &entities, &dates, &quantities, &events, &quotes);
    Article {
        id: input.id.clone(),
        input: input.text.clone(),
        encoding: input.encoding,
        warnings,
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
        records,
        facts,
    }
}

/// What packed articles start with: the format, its revision and the version
/// that wrote them. An analysis is read back only by the version that made it,
/// since its fields change between versions.
pub const PACKED_HEADER: &str = concat!("storydiff-analysis-2/", env!("CARGO_PKG_VERSION"), "\n");

/// Analyzed articles as bytes, to hand them from one worker or pipeline stage to
/// the next without analyzing them again: [`PACKED_HEADER`], then bincode, which
/// keeps every value exact (floats bit for bit) and reads structs as sequences,
/// so the decoding code stays small in the wasm. [`unpack`] reads them back.
pub fn pack(articles: &[Article]) -> Vec<u8> {
    let mut out = PACKED_HEADER.as_bytes().to_vec();
    bincode::serialize_into(&mut out, articles).expect("an article always serializes");
    out
}

/// The articles [`pack`] packed, or why they cannot be read (another version
/// of storydiff, or damaged bytes), in words for the user.
pub fn unpack(bytes: &[u8]) -> Result<Vec<Article>, String> {
    let body = bytes
        .strip_prefix(PACKED_HEADER.as_bytes())
        .ok_or_else(|| format!("it was not made by storydiff {}", env!("CARGO_PKG_VERSION")))?;
    bincode::deserialize(body).map_err(|e| e.to_string())
}
