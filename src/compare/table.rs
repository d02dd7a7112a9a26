//! Whole clusters: one table per event cluster, facts × articles, with the
//! value each report gives and the class of the row; and the cluster's merged
//! timeline of events with their sources.
//!
//! A row gathers the figures the pair diffs matched across the cluster (13
//! killed in one report, "at least eight" in another), and the figures only
//! one report gives. Its class is the strongest difference between any two
//! of its values: conflict, then update, then compatible, then agree; a row
//! with one value is only in one.
//!
//! The timeline lists each dated event once per day and kind, with every
//! report that dates it there.

use super::diff::FactDiff;
use super::fact::Fact;
use super::similarity::PairScore;
use super::values::Class;
use crate::article::Article;
use crate::extract::CalendarDate;
use crate::text::Span;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The value one report gives in a row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// Index of the article in the batch.
    pub article: usize,
    /// The value as read ("at least 8").
    pub value: String,
    /// Where the article gives it (analysis text).
    pub span: Span,
}

/// One fact across a cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// What it counts ("killed").
    pub key: String,
    /// The values, one per report that gives the fact, in cluster order.
    pub cells: Vec<Cell>,
    /// The strongest difference between two of its values.
    pub class: Class,
}

/// One dated event of the cluster, with every report that dates it there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moment {
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// The kind of event ("killing", "protest").
    pub class: String,
    /// Per report: the article and the event's trigger span.
    pub sources: Vec<(usize, Span)>,
}

/// The facts × articles table and the timeline of one event cluster.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClusterTable {
    /// The cluster's articles (batch indices).
    pub articles: Vec<usize>,
    /// One row per fact.
    pub rows: Vec<Row>,
    /// The merged timeline, by day.
    pub timeline: Vec<Moment>,
}

/// The strength of a class within a row.
fn rank(c: Class) -> u8 {
    match c {
        Class::Conflict => 4,
        Class::Update => 3,
        Class::Compatible => 2,
        Class::Agree => 1,
        Class::OnlyA | Class::OnlyB | Class::OnlyOne => 0,
    }
}

/// A growing row: its cells by (article, span start), its class so far.
#[derive(Default)]
struct Draft {
    key: String,
    cells: BTreeMap<(usize, usize), Cell>,
    class: Option<Class>,
}

/// Rows in the making, with where each (article, span start) went.
#[derive(Default)]
struct Rows {
    drafts: Vec<Draft>,
    at: HashMap<(usize, usize), usize>,
}

impl Rows {
    fn row_of(&mut self, article: usize, f: &Fact) -> usize {
        let id = (article, f.span.start);
        if let Some(&r) = self.at.get(&id) {
            return r;
        }
        self.drafts.push(Draft {
            key: f.key.clone(),
            ..Draft::default()
        });
        let r = self.drafts.len() - 1;
        self.drafts[r].cells.insert(
            id,
            Cell {
                article,
                value: f.value.clone(),
                span: f.span,
            },
        );
        self.at.insert(id, r);
        r
    }

    /// Joins two facts of a pair into one row, of at least `class`.
    fn join(&mut self, (i, x): (usize, &Fact), (j, y): (usize, &Fact), class: Class) {
        let (rx, ry) = (self.row_of(i, x), self.row_of(j, y));
        let (keep, gone) = (rx.min(ry), rx.max(ry));
        if keep != gone {
            let cells = std::mem::take(&mut self.drafts[gone].cells);
            let was = self.drafts[gone].class.take();
            for (id, cell) in cells {
                self.at.insert(id, keep);
                self.drafts[keep].cells.insert(id, cell);
            }
            self.raise(keep, was);
        }
        self.raise(keep, Some(class));
    }

    fn raise(&mut self, r: usize, class: Option<Class>) {
        let d = &mut self.drafts[r];
        d.class = match (d.class, class) {
            (Some(a), Some(b)) => Some(if rank(b) > rank(a) { b } else { a }),
            (a, b) => a.or(b),
        };
    }
}

/// The table of each event cluster of two or more articles, from the pair
/// diffs (`pairs` and `diffs` in the same order). Each pair is looked at
/// once, by the cluster that holds both its articles, so the work grows with
/// the pairs, not with the pairs times the clusters.
pub(super) fn tables(
    articles: &[Article],
    event_clusters: &[Vec<usize>],
    pairs: &[PairScore],
    diffs: &[FactDiff],
) -> Vec<ClusterTable> {
    let mut cluster_of = vec![usize::MAX; articles.len()];
    for (c, members) in event_clusters.iter().enumerate() {
        for &m in members {
            cluster_of[m] = c;
        }
    }
    // Per cluster, its inner pairs in the order of `pairs`.
    let mut inner: Vec<Vec<usize>> = vec![Vec::new(); event_clusters.len()];
    for (k, p) in pairs.iter().enumerate() {
        let c = cluster_of[p.a];
        if c != usize::MAX && c == cluster_of[p.b] {
            inner[c].push(k);
        }
    }
    event_clusters
        .iter()
        .zip(&inner)
        .filter(|(c, _)| c.len() >= 2)
        .map(|(c, ks)| {
            let scored = ks.iter().map(|&k| (&pairs[k], &diffs[k]));
            table(articles, c, scored)
        })
        .collect()
}

fn table<'a>(
    articles: &[Article],
    cluster: &[usize],
    scored: impl Iterator<Item = (&'a PairScore, &'a FactDiff)>,
) -> ClusterTable {
    let mut rows = Rows::default();
    for (p, d) in scored {
        for g in d.agreements.iter().filter(|g| g.a.key != "statement") {
            rows.join((p.a, &g.a), (p.b, &g.b), Class::Agree);
        }
        for c in &d.conflicts {
            rows.join((p.a, &c.a), (p.b, &c.b), c.class);
        }
        for s in d.only_a.iter().filter(|s| s.fact.key != "quote") {
            rows.row_of(p.a, &s.fact);
        }
        for s in d.only_b.iter().filter(|s| s.fact.key != "quote") {
            rows.row_of(p.b, &s.fact);
        }
    }
    let order = |a: usize| cluster.iter().position(|&x| x == a).unwrap_or(usize::MAX);
    let mut out: Vec<Row> = rows
        .drafts
        .into_iter()
        .filter(|d| !d.cells.is_empty())
        .map(|d| {
            let mut cells: Vec<Cell> = d.cells.into_values().collect();
            crate::text::sort::by_key(&mut cells, |c| (order(c.article), c.span.start));
            let class = match d.class {
                Some(c) if cells.len() >= 2 => c,
                _ => Class::OnlyOne,
            };
            Row {
                key: d.key,
                cells,
                class,
            }
        })
        .collect();
    crate::text::sort::by(&mut out, |x, y| {
        rank(y.class)
            .cmp(&rank(x.class))
            .then(y.cells.len().cmp(&x.cells.len()))
            .then(x.key.cmp(&y.key))
    });
    ClusterTable {
        articles: cluster.to_vec(),
        rows: out,
        timeline: timeline(articles, cluster),
    }
}

/// The day an event is dated: a full date in its sentence.
fn event_day(art: &Article, sentence: Span) -> Option<CalendarDate> {
    art.dates
        .iter()
        .filter(|d| sentence.start <= d.span.start && d.span.end <= sentence.end)
        .find_map(|d| d.day())
}

/// Each dated event of the cluster's articles, merged by day and kind.
fn timeline(articles: &[Article], cluster: &[usize]) -> Vec<Moment> {
    let mut by: BTreeMap<(CalendarDate, String), Vec<(usize, Span)>> = BTreeMap::new();
    for &i in cluster {
        for e in &articles[i].events {
            let Some(day) = event_day(&articles[i], e.sentence) else {
                continue;
            };
            let sources = by.entry((day, e.class.clone())).or_default();
            if !sources.iter().any(|(a, _)| *a == i) {
                sources.push((i, e.trigger));
            }
        }
    }
    by.into_iter()
        .map(|((day, class), sources)| Moment {
            day: day.iso(),
            class,
            sources,
        })
        .collect()
}

/// One plain sentence about a row.
pub fn explain_row(row: &Row, ids: &dyn Fn(usize) -> String) -> String {
    let values: Vec<String> = row
        .cells
        .iter()
        .map(|c| format!("{} ({})", c.value, ids(c.article)))
        .collect();
    let list = values.join(", ");
    match row.class {
        Class::Agree => format!("All that give {} agree: {list}.", row.key),
        Class::Compatible => format!(
            "The values for {} differ but can all be true: {list}.",
            row.key
        ),
        Class::Conflict => format!("Some values for {} cannot both be true: {list}.", row.key),
        Class::Update => format!("The values for {} change from day to day: {list}.", row.key),
        Class::OnlyA | Class::OnlyB | Class::OnlyOne => {
            format!("Only one report gives {}: {list}.", row.key)
        }
    }
}
