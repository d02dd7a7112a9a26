//! The wasm-bindgen layer: converts types and errors, nothing else.
//!
//! JavaScript calls [`analyze`] or [`compare`] with an array of
//! `{id, text, name?, date?, title?, keep?: [[start, end], ...]}` (offsets in
//! code points) and gets the report objects of [`crate::report`] back (the
//! page's worker asks for a comparison's articles and pairs as JSON text:
//! `to_js_lists_as_json`).

use crate::compare::{Overrides, Relation};
use crate::report::{self, CompareReport, Mode, Report};
use crate::text::{CharIndex, Span};
use crate::Input;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[derive(Deserialize)]
struct JsInput {
    id: String,
    text: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    keep: Vec<(usize, usize)>,
    /// The decoding warnings [`decode_bytes`] gave for this text.
    #[serde(default)]
    warnings: Vec<String>,
}

fn into_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

fn inputs(value: JsValue) -> Result<Vec<Input>, JsError> {
    let raw: Vec<JsInput> = serde_wasm_bindgen::from_value(value).map_err(|e| {
        into_error(format!(
            "articles must be an array of {{id, text}} objects: {e}"
        ))
    })?;
    Ok(raw
        .into_iter()
        .map(|r| {
            let index = CharIndex::new(&r.text);
            let keep = r
                .keep
                .iter()
                .map(|&(s, e)| Span::new(index.byte(s), index.byte(e.max(s))))
                .collect();
            Input {
                id: r.id,
                text: r.text,
                file_name: r.name,
                date: r.date,
                title: r.title,
                url: None,
                encoding: None,
                keep,
                warnings: r.warnings,
            }
        })
        .collect())
}

/// `value` as a JavaScript value: written as JSON text (the CLI's bytes) and
/// read by the engine's `JSON.parse`, which is faster than building the
/// objects one call at a time, and needs less code in the module.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = report::to_compact_string(value).map_err(into_error)?;
    js_sys::JSON::parse(&text).map_err(|_| into_error("the report is not valid JSON"))
}

/// Analyzes articles; returns one report per article.
#[wasm_bindgen]
pub fn analyze(articles: JsValue) -> Result<JsValue, JsError> {
    build(
        &inputs(articles)?,
        Mode::Analyze,
        &Overrides::default(),
        Form::Value,
    )
}

/// Analyzes and compares articles; returns the comparison report. With
/// `listsAsJson` true, its articles and pairs come as JSON text
/// (`to_js_lists_as_json`, below).
#[wasm_bindgen]
pub fn compare(articles: JsValue, lists_as_json: Option<bool>) -> Result<JsValue, JsError> {
    let form = Form::asked(lists_as_json);
    build(
        &inputs(articles)?,
        Mode::Compare,
        &Overrides::default(),
        form,
    )
}

/// [`compare`] with the user's entity overrides: `{merge: [[a, b], ...], split: [name, ...]}`.
#[wasm_bindgen(js_name = compareWithOverrides)]
pub fn compare_with_overrides(
    articles: JsValue,
    overrides: JsValue,
    lists_as_json: Option<bool>,
) -> Result<JsValue, JsError> {
    let inputs = inputs(articles)?;
    let overrides: Overrides = serde_wasm_bindgen::from_value(overrides).map_err(into_error)?;
    build(
        &inputs,
        Mode::Compare,
        &overrides,
        Form::asked(lists_as_json),
    )
}

/// How a comparison report leaves the engine.
#[derive(Clone, Copy)]
enum Form {
    /// One JavaScript value ([`to_js`]).
    Value,
    /// The articles and the pairs as JSON text beside the rest
    /// ([`to_js_lists_as_json`]).
    ListsAsJson,
}

impl Form {
    fn asked(lists_as_json: Option<bool>) -> Form {
        if lists_as_json == Some(true) {
            Form::ListsAsJson
        } else {
            Form::Value
        }
    }

    fn to_js(self, report: Report) -> Result<JsValue, JsError> {
        match (self, report) {
            (Form::ListsAsJson, Report::Comparison(report)) => to_js_lists_as_json(report),
            (_, report) => to_js(&report),
        }
    }
}

/// A comparison report for the page's worker, which sends the page its
/// articles in parts and keeps its pairs, sending a page of them at a time:
/// the report as [`to_js`] gives it, but with `articles` and `pairs` empty and
/// these fields instead.
///
/// - `articlesJson`: a `Uint8Array` of the articles' reports as JSON, one
///   after another in input order, each followed by a comma; `articleEnds`: a
///   `Uint32Array` of where each one's comma ends. `JSON.parse` reads a run of
///   them as `[` + their bytes less the last comma + `]`.
/// - `pairsJson` and `pairEnds`: the pairs, the same way, in the report's
///   order; `pairScores`: a `Float64Array` of each pair's score; and
///   `pairRelated`: a `Uint8Array`, 1 where the pair is related at all.
///
/// So the worker orders the pairs without reading them, and neither reads the
/// articles into objects nor copies those objects again to the page.
fn to_js_lists_as_json(mut report: CompareReport) -> Result<JsValue, JsError> {
    let articles = std::mem::take(&mut report.articles);
    let pairs = std::mem::take(&mut report.pairs);
    let (articles_json, article_ends) = json_list(&articles)?;
    let (pairs_json, pair_ends) = json_list(&pairs)?;
    let scores: Vec<f64> = pairs.iter().map(|p| p.score).collect();
    let related: Vec<u8> = (pairs.iter())
        .map(|p| u8::from(p.relation != Relation::Unrelated))
        .collect();
    let value = to_js(&report)?;
    let set = |key: &str, field: &JsValue| {
        js_sys::Reflect::set(&value, &JsValue::from_str(key), field)
            .map_err(|_| into_error("the report could not be built"))
    };
    set(
        "articlesJson",
        &js_sys::Uint8Array::from(&articles_json[..]),
    )?;
    set("articleEnds", &js_sys::Uint32Array::from(&article_ends[..]))?;
    set("pairsJson", &js_sys::Uint8Array::from(&pairs_json[..]))?;
    set("pairEnds", &js_sys::Uint32Array::from(&pair_ends[..]))?;
    set("pairScores", &js_sys::Float64Array::from(&scores[..]))?;
    set("pairRelated", &js_sys::Uint8Array::from(&related[..]))?;
    Ok(value)
}

/// `items` as JSON, each followed by a comma, and where each one's comma ends.
fn json_list<T: serde::Serialize>(items: &[T]) -> Result<(Vec<u8>, Vec<u32>), JsError> {
    let mut json = Vec::new();
    let mut ends = Vec::with_capacity(items.len());
    for item in items {
        report::write_compact(&mut json, item).map_err(into_error)?;
        json.push(b',');
        let end = u32::try_from(json.len())
            .map_err(|_| into_error("a report's list is over 4 GB of JSON"))?;
        ends.push(end);
    }
    Ok((json, ends))
}

/// The message of the error [`analyze`] and [`compare`] throw when the
/// articles need the language pack and it is not loaded (a build with the
/// feature `language-pack`): the caller loads it ([`load_language_pack`]) and
/// calls again. `www/worker-core.js` knows this text.
pub const LANGUAGE_PACK_NEEDED: &str = "storydiff: these articles need the language pack";

/// Analyzes the articles `start..end` of a batch, each as [`compare`] analyzes
/// it (with the evidence of the whole batch: give every article of it);
/// returns them packed ([`crate::pack`]) for [`compare_analyzed`]. Several workers share
/// a large batch this way.
#[wasm_bindgen(js_name = analyzePart)]
pub fn analyze_part(articles: JsValue, start: usize, end: usize) -> Result<Vec<u8>, JsError> {
    let inputs = inputs(articles)?;
    let part = unless_pack_needed(|| crate::analyze_part(&inputs, start..end).map_err(into_error))?;
    Ok(crate::pack(&part))
}

/// Compares a batch from its parts, each analyzed by [`analyze_part`], in
/// batch order; `overrides` as [`compare_with_overrides`] takes them (or
/// nothing). The report is the one [`compare`] gives on the whole batch.
/// `listsAsJson` as [`compare`] takes it.
#[wasm_bindgen(js_name = compareAnalyzed)]
pub fn compare_analyzed(
    parts: js_sys::Array,
    overrides: JsValue,
    lists_as_json: Option<bool>,
) -> Result<JsValue, JsError> {
    let overrides: Overrides = if overrides.is_undefined() || overrides.is_null() {
        Overrides::default()
    } else {
        serde_wasm_bindgen::from_value(overrides).map_err(into_error)?
    };
    let mut articles: Vec<crate::Article> = Vec::new();
    for part in parts.iter() {
        let bytes = js_sys::Uint8Array::new(&part).to_vec();
        let more = crate::unpack(&bytes)
            .map_err(|e| into_error(format!("an analyzed part could not be read: {e}")))?;
        articles.extend(more);
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = articles.iter().find(|a| !seen.insert(a.id.as_str())) {
        return Err(into_error(crate::Error::duplicate_id(&twice.id)));
    }
    let report =
        unless_pack_needed(|| Ok(report::of_articles(&articles, Mode::Compare, &overrides)))?;
    Form::asked(lists_as_json).to_js(report)
}

/// [`report::build`], its report as a JavaScript value; the error
/// [`LANGUAGE_PACK_NEEDED`] if a lookup needed the language pack before it was
/// loaded (the report might then differ from the full lists').
fn build(
    inputs: &[Input],
    mode: Mode,
    overrides: &Overrides,
    form: Form,
) -> Result<JsValue, JsError> {
    let report = unless_pack_needed(|| {
        let articles = crate::analyze_batch(inputs).map_err(into_error)?;
        mark("storydiff:analyzed");
        let report = report::of_articles(&articles, mode, overrides);
        mark("storydiff:compared");
        Ok(report)
    })?;
    let value = form.to_js(report);
    mark("storydiff:written");
    value
}

#[wasm_bindgen]
extern "C" {
    /// `performance.mark(name)`: where a call's time went, for the browser's
    /// profiler and `scripts/bench/startup.mjs`.
    #[wasm_bindgen(catch, js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str) -> Result<(), JsValue>;
}

/// Marks a point of a call on the caller's performance timeline (nothing
/// where there is none).
fn mark(name: &str) {
    let _ = performance_mark(name);
}

/// `work`'s result, or the error [`LANGUAGE_PACK_NEEDED`] if one of its
/// lookups needed the language pack before it was loaded.
fn unless_pack_needed<T>(work: impl FnOnce() -> Result<T, JsError>) -> Result<T, JsError> {
    crate::lexicon::pack::take_needed();
    let result = work()?;
    if crate::lexicon::pack::take_needed() {
        return Err(JsError::new(LANGUAGE_PACK_NEEDED));
    }
    Ok(result)
}

/// Loads the language pack (`pkg/storydiff-languages.pack`, the word lists
/// English text never needs); a build without the feature `language-pack`
/// has it compiled in and ignores this.
#[wasm_bindgen(js_name = loadLanguagePack)]
pub fn load_language_pack(bytes: Vec<u8>) -> Result<(), JsError> {
    crate::lexicon::pack::load(bytes).map_err(into_error)
}

/// Whether the language pack is there (compiled in, or loaded).
#[wasm_bindgen(js_name = languagePackLoaded)]
pub fn language_pack_loaded() -> bool {
    crate::lexicon::pack::is_loaded()
}

/// Decodes file bytes (any common encoding); returns `{text, encoding,
/// warnings}`. Fails with a one-line message on another file format ("looks
/// like a PNG image, not text") and on more than `maxBytes` (default
/// [`crate::DEFAULT_MAX_BYTES`]); `name` is the file name the message names.
#[wasm_bindgen(js_name = decodeBytes)]
pub fn decode_bytes(
    bytes: &[u8],
    name: Option<String>,
    max_bytes: Option<usize>,
) -> Result<JsValue, JsError> {
    let name = name.unwrap_or_else(|| "file".to_string());
    let max = max_bytes.unwrap_or(crate::DEFAULT_MAX_BYTES);
    let input = Input::try_from_bytes(name, None, bytes, max).map_err(into_error)?;
    #[derive(serde::Serialize)]
    struct Out {
        text: String,
        encoding: &'static str,
        warnings: Vec<String>,
    }
    to_js(&Out {
        text: input.text,
        encoding: input.encoding.map_or("utf-8", |e| e.name()),
        warnings: input.warnings,
    })
}

/// The size limit the page applies unless told otherwise, in bytes.
#[wasm_bindgen(js_name = defaultMaxBytes)]
pub fn default_max_bytes() -> usize {
    crate::DEFAULT_MAX_BYTES
}

/// The report schema version this build writes.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    crate::report::SCHEMA_VERSION
}
