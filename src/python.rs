//! The Python module `storydiff._storydiff` (pyo3, built by maturin from `python/`):
//! converts types and errors, nothing else.
//!
//! Every function takes columns (lists of the same length: ids, texts, and optional
//! dates, titles and addresses), copies them out of Python, and then releases the GIL
//! while the core works, so that threads of one process analyze in parallel. Reports
//! come back as the exact JSON text the CLI writes (`storydiff analyze --jsonl`,
//! `storydiff compare --jsonl`); the Python package (`python/storydiff/`) parses them
//! and moves them in and out of Arrow and pandas.

use crate::compare::blocking;
use crate::compare::{Overrides, PairScore, Relation};
use crate::report::{self, Mode, Report};
use crate::{analyze_batch, Article, Input};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

type Column = Vec<Option<String>>;
/// Each article's story, event and topic cluster number, and the groups too large to agglomerate.
type Stitched = (Vec<usize>, Vec<usize>, Vec<usize>, usize);

fn into_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The inputs of one call, checked as the CLI checks them.
fn inputs(
    ids: Vec<String>,
    texts: Vec<String>,
    dates: Column,
    titles: Column,
    urls: Column,
) -> PyResult<Vec<Input>> {
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
    serde_json::to_string(value).map_err(|e| e.to_string())
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
    article_reports(&analyze_batch(inputs).map_err(|e| e.to_string())?)
}

/// One article analyzed on its own, as `storydiff analyze` writes it for a batch of one.
fn single(input: &Input) -> Result<(Article, String), String> {
    let article = crate::analyze(input).map_err(|e| e.to_string())?;
    let mut report = article_reports(std::slice::from_ref(&article))?;
    Ok((article, report.remove(0)))
}

/// Analyzes articles; returns one JSON report per article. `together`: as one batch
/// (furniture recurring across the batch is removed, names are linked across it), which
/// is what the CLI does with the same articles; otherwise each article on its own, so
/// that a report never depends on which articles shared a call.
#[pyfunction]
#[pyo3(signature = (ids, texts, dates, titles, urls, together = true))]
fn analyze_json(
    py: Python<'_>,
    ids: Vec<String>,
    texts: Vec<String>,
    dates: Column,
    titles: Column,
    urls: Column,
    together: bool,
) -> PyResult<Vec<String>> {
    let inputs = inputs(ids, texts, dates, titles, urls)?;
    py.detach(|| {
        if together {
            batch_reports(&inputs)
        } else {
            inputs.iter().map(|i| single(i).map(|r| r.1)).collect()
        }
    })
    .map_err(into_error)
}

/// Analyzes each article on its own; returns its JSON report and its blocking keys
/// ([`blocking::keys`]), from one analysis.
#[pyfunction]
fn analyze_keys(
    py: Python<'_>,
    ids: Vec<String>,
    texts: Vec<String>,
    dates: Column,
    titles: Column,
    urls: Column,
) -> PyResult<(Vec<String>, Vec<Vec<String>>)> {
    let inputs = inputs(ids, texts, dates, titles, urls)?;
    py.detach(|| {
        let mut reports = Vec::with_capacity(inputs.len());
        let mut keys = Vec::with_capacity(inputs.len());
        for input in &inputs {
            let (article, report) = single(input)?;
            keys.push(blocking::keys(&article));
            reports.push(report);
        }
        Ok::<_, String>((reports, keys))
    })
    .map_err(into_error)
}

/// Analyzes and compares a batch; returns the JSON document `storydiff compare` writes.
#[pyfunction]
fn compare_json(
    py: Python<'_>,
    ids: Vec<String>,
    texts: Vec<String>,
    dates: Column,
    titles: Column,
    urls: Column,
) -> PyResult<String> {
    let inputs = inputs(ids, texts, dates, titles, urls)?;
    py.detach(|| {
        let report = report::build(&inputs, Mode::Compare, &Overrides::default())
            .map_err(|e| e.to_string())?;
        json(&report)
    })
    .map_err(into_error)
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
    m.add_function(wrap_pyfunction!(stitch, m)?)?;
    m.add("SCHEMA_VERSION", report::SCHEMA_VERSION)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
