//! The report: the one shape that leaves the core, for the CLI and the page alike.
//!
//! Every span is `start..end` in Unicode code points of the article's input as
//! given, and its `text` is exactly that slice of the input. The JSON Schema is
//! `schema/report.schema.json`; bump [`SCHEMA_VERSION`] when a field changes
//! meaning or disappears (adding fields does not need a bump).

use crate::article::Article;
use crate::compare::{Comparison, ConflictKind, Fact, Relation};
use crate::extract::aliases::EntityTable;
use crate::extract::{DateKind, Field, Hedge, QuoteKind};
use crate::text::{CharIndex, Span};
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

/// One analyzed article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleReport {
    pub schema_version: u32,
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub outlet: Option<String>,
    pub agency: Option<String>,
    /// The span each metadata value was read from (absent when the caller gave it).
    pub meta: MetaSpans,
    /// `plain`, `markdown` or `html`.
    pub format: crate::clean::Format,
    /// How the bytes were decoded (absent when the caller gave text).
    pub encoding: Option<&'static str>,
    /// The cleaned main text.
    pub body: String,
    pub entities: Vec<EntityOut>,
    /// Nationality words, each with the country it names ("Kazakh" -> Kazakhstan).
    pub demonyms: Vec<DemonymOut>,
    pub dates: Vec<DateOut>,
    pub quantities: Vec<QuantityOut>,
    pub quotes: Vec<QuoteOut>,
    pub events: Vec<EventOut>,
    pub removed: Vec<RemovedOut>,
    pub sentences: Vec<SpanOut>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct MetaSpans {
    pub title: Option<SpanOut>,
    pub date: Option<SpanOut>,
    pub byline: Option<SpanOut>,
    pub agency: Option<SpanOut>,
    pub url: Option<SpanOut>,
    pub outlet: Option<SpanOut>,
    pub section: Option<SpanOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntityOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: &'static str,
    /// The entity's one name across the batch.
    pub entity: String,
    pub role: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DemonymOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The country the word names.
    pub place: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct DateOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: String,
    pub kind: DateKind,
    /// TimeML `mod`: `START` ("early March"), `END` ("late last year"), `MID`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuantityOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    /// What happened to what is counted ("killed", "injured", "arrested").
    pub counts: Option<String>,
    pub hedge: Hedge,
    pub source: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuoteOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    /// Where the speaker is named for this quote.
    pub speaker_span: Option<SpanOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct EventOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub class: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RemovedOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub reason: String,
}

/// Converts analysis-text and input spans of one article to report spans.
pub struct SpanWriter<'a> {
    article: &'a Article,
    index: CharIndex,
}

impl<'a> SpanWriter<'a> {
    pub fn new(article: &'a Article) -> SpanWriter<'a> {
        SpanWriter {
            article,
            index: CharIndex::new(&article.input),
        }
    }

    /// A span of the input.
    pub fn input(&self, span: Span) -> SpanOut {
        SpanOut {
            start: self.index.chars(span.start),
            end: self.index.chars(span.end),
            text: span.of(&self.article.input).to_string(),
        }
    }

    /// A span of the analysis text, mapped to the input.
    pub fn analysis(&self, span: Span) -> SpanOut {
        self.input(self.article.to_input(span))
    }
}

impl ArticleReport {
    pub fn new(article: &Article) -> ArticleReport {
        ArticleReport::with_names(article, |name| name.to_string())
    }

    /// A report whose `entity` fields come from `canonical` (the batch's one name for each).
    pub fn with_names(article: &Article, canonical: impl Fn(&str) -> String) -> ArticleReport {
        let w = SpanWriter::new(article);
        let meta = &article.meta;
        let value = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        let span = |f: &Option<Field>| f.as_ref().and_then(|f| f.span).map(|s| w.input(s));
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
            meta: MetaSpans {
                title: span(&meta.title),
                date: span(&meta.date),
                byline: span(&meta.byline),
                agency: span(&meta.agency),
                url: span(&meta.url),
                outlet: span(&meta.outlet),
                section: span(&meta.section),
            },
            format: article.format,
            encoding: article.encoding.map(|e| e.name()),
            body: article.body.as_str().to_string(),
            entities: article
                .entities
                .iter()
                .map(|e| {
                    let s = w.analysis(e.span);
                    EntityOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        label: e.label.as_str(),
                        entity: canonical(&e.name),
                        role: e.role.clone(),
                    }
                })
                .collect(),
            demonyms: article
                .demonyms
                .iter()
                .map(|d| {
                    let s = w.analysis(d.span);
                    DemonymOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        place: d.country,
                    }
                })
                .collect(),
            dates: article
                .dates
                .iter()
                .map(|d| {
                    let s = w.analysis(d.span);
                    DateOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        value: d.value.clone(),
                        kind: d.kind,
                        modifier: d.modifier,
                    }
                })
                .collect(),
            quantities: article
                .quantities
                .iter()
                .map(|q| {
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
                })
                .collect(),
            quotes: article
                .quotes
                .iter()
                .map(|q| {
                    let s = w.analysis(q.span);
                    QuoteOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        speaker: q.speaker.as_deref().map(&canonical),
                        kind: q.kind,
                        speaker_span: q.speaker_span.map(|sp| w.analysis(sp)),
                    }
                })
                .collect(),
            events: article
                .events
                .iter()
                .map(|e| {
                    let s = w.analysis(e.trigger);
                    EventOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        class: e.class.clone(),
                    }
                })
                .collect(),
            removed: article
                .removed
                .iter()
                .map(|r| {
                    let s = w.input(r.span);
                    RemovedOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        reason: r.reason.to_string(),
                    }
                })
                .collect(),
            sentences: article
                .seg
                .sentences
                .iter()
                .map(|s| w.analysis(s.span))
                .collect(),
        }
    }
}

/// A comparison of a batch.
#[derive(Clone, Debug, Serialize)]
pub struct CompareReport {
    pub schema_version: u32,
    pub articles: Vec<ArticleReport>,
    pub clusters: ClustersOut,
    pub pairs: Vec<PairOut>,
    /// The batch's people, organisations and places, one row each.
    pub entities: Vec<EntityRowOut>,
}

/// One entity of the batch: its one name, where it is mentioned, and why names were joined.
#[derive(Clone, Debug, Serialize)]
pub struct EntityRowOut {
    pub id: usize,
    pub name: String,
    pub label: &'static str,
    /// Per article (by id): indices into that article's `entities`.
    pub members: Vec<EntityMembersOut>,
    pub variants: Vec<String>,
    pub merges: Vec<crate::extract::aliases::Merge>,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntityMembersOut {
    pub article: String,
    pub mentions: Vec<usize>,
}

/// Article reports whose `entity` names are the batch's ([`crate::extract::aliases`]).
pub fn article_reports(articles: &[Article], table: &EntityTable) -> Vec<ArticleReport> {
    articles
        .iter()
        .map(|a| ArticleReport::with_names(a, |n| table.canonical(n).to_string()))
        .collect()
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
    pub event: Vec<Vec<String>>,
    pub story: Vec<Vec<String>>,
    pub topic: Vec<Vec<String>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PairOut {
    pub a: String,
    pub b: String,
    pub score: f64,
    pub relation: Relation,
    /// The parts of the score.
    pub evidence: Evidence,
    pub agreements: Vec<FactPair>,
    pub conflicts: Vec<FactPair>,
    pub only_a: Vec<FactOut>,
    pub only_b: Vec<FactOut>,
    /// The same kind of event named with different words ("riot" / "protest").
    pub wording: Vec<FactPair>,
    /// Aligned sentences, by index into each article's `sentences`.
    pub aligned: Vec<AlignedOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AlignedOut {
    pub a: usize,
    pub b: usize,
    pub score: f64,
}

/// The parts of a pair's score, each `0..=1`.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub words: f64,
    pub entities: f64,
    /// Overlap of the kinds of event reported (unrest, casualties, arrests, ...).
    pub events: f64,
    pub dates: f64,
    pub numbers: f64,
    /// Share of the shorter article's sentences aligned with the other's.
    pub coverage: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct FactOut {
    pub key: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct FactPair {
    pub key: String,
    pub a: FactOut,
    pub b: FactOut,
    /// For conflicts: `compatible`, `contradictory` or `spelling`.
    pub kind: Option<ConflictKind>,
}

/// Three decimals, and never `-0` (an empty float sum is negative zero).
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0 + 0.0
}

impl CompareReport {
    /// The report of `comparison`, whose entity table names the entities.
    pub fn new(articles: &[Article], comparison: &Comparison) -> CompareReport {
        let table = &comparison.entities;
        let writers: Vec<SpanWriter> = articles.iter().map(SpanWriter::new).collect();
        let fact = |i: usize, f: &Fact| {
            let s = writers[i].analysis(f.span);
            FactOut {
                key: f.key.clone(),
                value: f.value.clone(),
                start: s.start,
                end: s.end,
                text: s.text,
            }
        };
        let ids = |groups: &Vec<Vec<usize>>| {
            groups
                .iter()
                .map(|g| g.iter().map(|&i| articles[i].id.clone()).collect())
                .collect()
        };
        let pairs = comparison
            .pairs
            .iter()
            .zip(&comparison.diffs)
            .zip(&comparison.alignments)
            .map(|((p, d), aligned)| {
                let pair = |(x, y): &(Fact, Fact)| FactPair {
                    key: x.key.clone(),
                    a: fact(p.a, x),
                    b: fact(p.b, y),
                    kind: None,
                };
                PairOut {
                    a: articles[p.a].id.clone(),
                    b: articles[p.b].id.clone(),
                    score: round(p.score),
                    relation: p.relation,
                    evidence: Evidence {
                        words: round(p.words),
                        entities: round(p.entities),
                        events: round(p.events),
                        dates: round(p.dates),
                        numbers: round(p.numbers),
                        coverage: round(p.coverage),
                    },
                    agreements: d.agreements.iter().map(pair).collect(),
                    conflicts: d
                        .conflicts
                        .iter()
                        .map(|c| FactPair {
                            kind: Some(c.kind),
                            ..pair(&(c.a.clone(), c.b.clone()))
                        })
                        .collect(),
                    only_a: d.only_a.iter().map(|f| fact(p.a, f)).collect(),
                    only_b: d.only_b.iter().map(|f| fact(p.b, f)).collect(),
                    wording: d.wording.iter().map(pair).collect(),
                    aligned: aligned
                        .iter()
                        .map(|x| AlignedOut {
                            a: x.a,
                            b: x.b,
                            score: round(x.score),
                        })
                        .collect(),
                }
            })
            .collect();
        CompareReport {
            schema_version: SCHEMA_VERSION,
            articles: article_reports(articles, table),
            clusters: ClustersOut {
                event: ids(&comparison.clusters.event),
                story: ids(&comparison.clusters.story),
                topic: ids(&comparison.clusters.topic),
            },
            pairs,
            entities: entity_rows(articles, table),
        }
    }
}
