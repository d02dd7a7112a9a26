//! The Python module `storydiff._storydiff` (pyo3, built by maturin from `python/`):
//! converts types and errors, nothing else.
//!
//! Every function that analyzes takes its articles as one tuple of columns (lists of
//! the same length: ids, texts, and optional dates, titles and addresses), copies them
//! out of Python, and then releases the GIL while the core works, so that threads of
//! one process analyze in parallel. Reports come back as the exact JSON text the CLI
//! writes (`storydiff analyze --jsonl`, `storydiff compare --jsonl`); the Python package
//! (`python/storydiff/`) parses them and moves them in and out of Arrow and pandas.
//! An analysis also travels whole, as bytes, from the pipeline's first stage to its
//! comparison per block ([`analyze_keys`], [`compare_analyzed`]), and [`analyses`]
//! counts the articles a process has analyzed.

use crate::compare::blocking;
use crate::compare::{Overrides, PairScore, Relation};
use crate::report::{self, Mode, Report};
use crate::{analyze_batch, analyze_batch_reusing, Article, Input};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many articles this process has analyzed: each article of each call that
/// analyzes counts once ([`analyses`]).
static ANALYZED: AtomicUsize = AtomicUsize::new(0);

fn counted(n: usize) {
    ANALYZED.fetch_add(n, Ordering::Relaxed);
}

type Column = Vec<Option<String>>;
/// The columns of one call, one row per article: ids, texts, and the optional dates,
/// titles and addresses (the Python side passes them as one tuple).
type Columns = (Vec<String>, Vec<String>, Column, Column, Column);
/// Each article's story, event and topic cluster number, and the groups too large to agglomerate.
type Stitched = (Vec<usize>, Vec<usize>, Vec<usize>, usize);

fn into_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The inputs of one call, checked as the CLI checks them.
fn inputs((ids, texts, dates, titles, urls): Columns) -> PyResult<Vec<Input>> {
    let n = ids.len();
    for (what, len) in [
        ("texts", texts.len()),
        ("dates", dates.len()),
        ("titles", titles.len()),
        ("urls", urls.len()),
    ] {
        if len != n {
            return Err(into_error(format!(
                "{what} has {len} rows but ids has {n}; give every column one row per article"
            )));
        }
    }
    let inputs: Vec<Input> = ids
        .into_iter()
        .zip(texts)
        .zip(dates.into_iter().zip(titles).zip(urls))
        .map(|((id, text), ((date, title), url))| {
            let mut input = Input::new(id, text);
            input.date = date;
            input.title = title;
            input.url = url;
            input
        })
        .collect();
    if let Some(empty) = inputs.iter().find(|i| i.text.trim().is_empty()) {
        return Err(into_error(crate::Error::empty(&empty.id)));
    }
    Ok(inputs)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    report::to_compact_string(value).map_err(|e| e.to_string())
}

/// The reports of analyzed articles, as `storydiff analyze` writes them: one JSON text each.
fn article_reports(articles: &[Article]) -> Result<Vec<String>, String> {
    match report::of_articles(articles, Mode::Analyze, &Overrides::default()) {
        Report::Articles(reports) => reports.iter().map(json).collect(),
        Report::Comparison(_) => Err("an analysis gave a comparison".to_string()),
    }
}

/// The reports of a batch analyzed together, as `storydiff analyze` writes them.
fn batch_reports(inputs: &[Input]) -> Result<Vec<String>, String> {
    counted(inputs.len());
    article_reports(&analyze_batch(inputs).map_err(|e| e.to_string())?)
}

/// One article analyzed on its own, as `storydiff analyze` writes it for a batch of one.
fn single(input: &Input) -> Result<(Article, String), String> {
    counted(1);
    let article = crate::analyze(input).map_err(|e| e.to_string())?;
    let mut report = article_reports(std::slice::from_ref(&article))?;
    Ok((article, report.remove(0)))
}

/// Analyzes articles; returns one JSON report per article. `together`: as one batch
/// (furniture recurring across the batch is removed, names are linked across it), which
/// is what the CLI does with the same articles; otherwise each article on its own, so
/// that a report never depends on which articles shared a call.
#[pyfunction]
#[pyo3(signature = (columns, together = true))]
fn analyze_json(py: Python<'_>, columns: Columns, together: bool) -> PyResult<Vec<String>> {
    let inputs = inputs(columns)?;
    py.detach(|| {
        if together {
            batch_reports(&inputs)
        } else {
            inputs.iter().map(|i| single(i).map(|r| r.1)).collect()
        }
    })
    .map_err(into_error)
}

/// An analysis as bytes: [`crate::pack`]'s bytes of the one article, deflated.
fn pack(article: &Article) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(&crate::pack(std::slice::from_ref(article)), 1)
}

/// The analysis [`pack`] made.
fn unpack(id: &str, bytes: &[u8]) -> Result<Article, String> {
    let unreadable = |why: String| {
        format!("{id}: the analysis cannot be read ({why}); analyze the article again with this version of storydiff")
    };
    let packed = miniz_oxide::inflate::decompress_to_vec(bytes)
        .map_err(|e| unreadable(format!("not a packed analysis: {e:?}")))?;
    let mut articles = crate::unpack(&packed).map_err(unreadable)?;
    match (articles.pop(), articles.is_empty()) {
        (Some(article), true) => Ok(article),
        _ => Err(unreadable("it does not hold exactly one article".into())),
    }
}

/// Reports, blocking keys and, when asked, the analyses themselves (as `B`).
type Analyzed<B> = (Vec<String>, Vec<Vec<String>>, Option<Vec<B>>);

/// Analyzes each article on its own; returns its JSON report, its blocking keys
/// ([`blocking::keys`]) and, with `analyses`, the analysis itself as bytes (what
/// [`compare_analyzed`] reads, so that a later stage need not analyze the article
/// again), all from one analysis.
#[pyfunction]
#[pyo3(signature = (columns, analyses = false))]
fn analyze_keys<'py>(
    py: Python<'py>,
    columns: Columns,
    analyses: bool,
) -> PyResult<Analyzed<Bound<'py, PyBytes>>> {
    let inputs = inputs(columns)?;
    let (reports, keys, packed): Analyzed<Vec<u8>> = py
        .detach(|| {
            let mut reports = Vec::with_capacity(inputs.len());
            let mut keys = Vec::with_capacity(inputs.len());
            let mut packed = analyses.then(|| Vec::with_capacity(inputs.len()));
            for input in &inputs {
                let (article, report) = single(input)?;
                keys.push(blocking::keys(&article));
                reports.push(report);
                if let Some(packed) = &mut packed {
                    packed.push(pack(&article));
                }
            }
            Ok::<_, String>((reports, keys, packed))
        })
        .map_err(into_error)?;
    let packed = packed.map(|p| p.iter().map(|b| PyBytes::new(py, b)).collect());
    Ok((reports, keys, packed))
}

/// Analyzes and compares a batch; returns the JSON document `storydiff compare` writes.
#[pyfunction]
fn compare_json(py: Python<'_>, columns: Columns) -> PyResult<String> {
    let inputs = inputs(columns)?;
    py.detach(|| {
        counted(inputs.len());
        let report = report::build(&inputs, Mode::Compare, &Overrides::default())
            .map_err(|e| e.to_string())?;
        json(&report)
    })
    .map_err(into_error)
}

/// [`compare_json`] of articles analyzed before, each on its own ([`analyze_keys`]
/// with `analyses`): `analyses[i]` is the analysis of article `i`. Only the articles
/// whose cleaning the batch changes (a line recurring across it) are analyzed again;
/// the JSON is exactly [`compare_json`]'s. Returns it and how many were analyzed again.
#[pyfunction]
fn compare_analyzed(
    py: Python<'_>,
    columns: Columns,
    analyses: Vec<Bound<'_, PyBytes>>,
) -> PyResult<(String, usize)> {
    let inputs = inputs(columns)?;
    if analyses.len() != inputs.len() {
        return Err(into_error(format!(
            "analyses has {} rows but ids has {}; give one analysis per article",
            analyses.len(),
            inputs.len()
        )));
    }
    let packed: Vec<Vec<u8>> = analyses.iter().map(|b| b.as_bytes().to_vec()).collect();
    py.detach(|| {
        let alone = inputs
            .iter()
            .zip(&packed)
            .map(|(input, bytes)| unpack(&input.id, bytes))
            .collect::<Result<Vec<_>, _>>()?;
        let (articles, again) = analyze_batch_reusing(&inputs, alone).map_err(|e| e.to_string())?;
        counted(again);
        let report = report::of_articles(&articles, Mode::Compare, &Overrides::default());
        Ok::<_, String>((json(&report)?, again))
    })
    .map_err(into_error)
}

/// How many articles this process has analyzed so far (each article of each call
/// that analyzes counts once; [`compare_analyzed`] counts those it analyzed again).
#[pyfunction]
fn analyses() -> usize {
    ANALYZED.load(Ordering::Relaxed)
}

fn relation(name: &str) -> PyResult<Relation> {
    Ok(match name {
        "unrelated" => Relation::Unrelated,
        "same-topic" => Relation::SameTopic,
        "same-event" => Relation::SameEvent,
        "same-story" => Relation::SameStory,
        other => {
            return Err(into_error(format!(
                "relation {other:?} is not one of unrelated, same-topic, same-event, same-story"
            )))
        }
    })
}

/// Corpus-wide clusters of `n` articles from the pairs their blocks compared
/// ([`blocking::stitch_within`] with [`blocking::MAX_GROUP`]): `a[i]`, `b[i]` are article
/// numbers, `relations[i]` the pair's relation as the report names it (a pair related by
/// event or story counts as certain for the event grain). Returns each
/// article's story, event and topic cluster number (a cluster is numbered by its first
/// article), and how many linked groups were too large to agglomerate.
#[pyfunction]
fn stitch(
    py: Python<'_>,
    n: usize,
    a: Vec<usize>,
    b: Vec<usize>,
    relations: Vec<String>,
    scores: Vec<f64>,
) -> PyResult<Stitched> {
    if a.len() != b.len() || a.len() != relations.len() || a.len() != scores.len() {
        return Err(into_error(
            "a, b, relations and scores must have one row per pair",
        ));
    }
    if let Some(&bad) = a.iter().chain(&b).find(|&&i| i >= n) {
        return Err(into_error(format!(
            "article number {bad} is outside 0..{n}"
        )));
    }
    let pairs = a
        .iter()
        .zip(&b)
        .zip(relations.iter().zip(&scores))
        .map(|((&a, &b), (r, &score))| {
            let relation = relation(r)?;
            // The report's pairs carry their relation, not the event
            // model's probability: a pair related by event is certain.
            let same_event = if relation >= Relation::SameEvent {
                1.0
            } else {
                0.0
            };
            Ok(PairScore::known(a, b, score, relation, same_event))
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(py.detach(|| {
        let (clusters, over) = blocking::stitch_within(n, &pairs, blocking::MAX_GROUP);
        let label = |groups: &[Vec<usize>]| {
            let mut of = vec![0; n];
            for g in groups {
                for &i in g {
                    of[i] = g[0];
                }
            }
            of
        };
        (
            label(&clusters.story),
            label(&clusters.event),
            label(&clusters.topic),
            over,
        )
    }))
}

/// The Python module.
#[pymodule]
fn _storydiff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_keys, m)?)?;
    m.add_function(wrap_pyfunction!(compare_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare_analyzed, m)?)?;
    m.add_function(wrap_pyfunction!(analyses, m)?)?;
    m.add_function(wrap_pyfunction!(stitch, m)?)?;
    m.add("SCHEMA_VERSION", report::SCHEMA_VERSION)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
