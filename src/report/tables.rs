//! The report of whole event clusters: facts × articles, and the merged timeline.

use super::{ArticleSpans, SpanText, SpanWriter};
use crate::article::Article;
use crate::compare::{explain_row, Class, ClusterTable};
use serde::Serialize;

/// One event cluster's facts × articles table and timeline.
#[derive(Clone, Debug, Serialize)]
pub struct TableOut {
    /// The cluster's article ids, in cluster order (the table's columns).
    pub articles: Vec<String>,
    /// One row per fact, the strongest differences first.
    pub rows: Vec<RowOut>,
    /// The cluster's dated events, by day.
    pub timeline: Vec<MomentOut>,
}

/// One fact across the cluster.
#[derive(Clone, Debug, Serialize)]
pub struct RowOut {
    /// What it counts ("killed").
    pub key: String,
    /// `agree`, `compatible`, `conflict`, `update`, or `only-one` when one report alone gives it.
    pub class: Class,
    /// The row in one plain sentence.
    pub note: String,
    /// The value each report gives (reports that give none are absent).
    pub cells: Vec<CellOut>,
}

/// A value one report gives, with its span in that report's input.
#[derive(Clone, Debug, Serialize)]
pub struct CellOut {
    /// The article's id.
    pub article: String,
    /// The value as read ("at least 8").
    pub value: String,
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
}

/// A dated event and the reports that date it there.
#[derive(Clone, Debug, Serialize)]
pub struct MomentOut {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// The kind of event ("killing", "protest").
    pub class: String,
    /// Each report's words for it.
    pub sources: Vec<CellOut>,
}

/// The tables of `tables`, their spans those of `spans` (one per article).
pub(super) fn tables_out(
    articles: &[Article],
    spans: &[ArticleSpans],
    tables: &[ClusterTable],
) -> Vec<TableOut> {
    let writers: Vec<SpanWriter> = spans.iter().map(SpanWriter::new).collect();
    let id = |i: usize| articles[i].id.clone();
    let cell = |i: usize, value: String, span| {
        let s = writers[i].analysis(span);
        CellOut {
            article: id(i),
            value,
            start: s.start,
            end: s.end,
            text: s.text,
        }
    };
    tables
        .iter()
        .map(|t| TableOut {
            articles: t.articles.iter().map(|&i| id(i)).collect(),
            rows: (t.rows.iter())
                .map(|r| RowOut {
                    key: r.key.clone(),
                    class: r.class,
                    note: explain_row(r, &id),
                    cells: (r.cells.iter())
                        .map(|c| cell(c.article, c.value.clone(), c.span))
                        .collect(),
                })
                .collect(),
            timeline: (t.timeline.iter())
                .map(|m| MomentOut {
                    day: m.day.clone(),
                    class: m.class.clone(),
                    sources: (m.sources.iter())
                        .map(|&(i, span)| cell(i, m.class.clone(), span))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}
