//! Scoring of entity recognition against the annotated news in `tests/eval/entities/`: exact
//! span and label matches, per label and overall.
//!
//! The sets mark spans as `[LABEL text]`; all lines but `#` comments are read as one document,
//! a paragraph a line.

use std::collections::HashSet;

use crate::extract::{EntityLabel, EntityMention};
use crate::text::Span;

/// The default set.
pub const NEWS_EN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/eval/entities/news_en.txt"
);

/// The plain text of an annotated set and its gold mentions.
pub struct Annotated {
    /// The text without the marks, paragraphs separated by a blank line.
    pub text: String,
    /// The marked mentions, in text order.
    pub gold: Vec<GoldMention>,
}

/// One marked mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GoldMention {
    /// Where it is (byte offsets of [`Annotated::text`]).
    pub span: Span,
    /// Its label.
    pub label: EntityLabel,
}

/// The label written `PERSON`, `ORG` or `PLACE`.
///
/// # Panics
/// On any other label.
fn label(name: &str) -> EntityLabel {
    match name {
        "PERSON" => EntityLabel::Person,
        "ORG" => EntityLabel::Org,
        "PLACE" => EntityLabel::Place,
        other => panic!("unknown entity label {other:?}"),
    }
}

/// Reads an annotated set.
pub fn parse(annotated: &str) -> Annotated {
    let mut text = String::new();
    let mut gold = Vec::new();
    for line in annotated
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut rest = line;
        while let Some(open) = rest.find('[') {
            let close = rest[open..]
                .find(']')
                .map(|c| open + c)
                .expect("closed bracket");
            let inner = &rest[open + 1..close];
            let (name, span_text) = inner.split_once(' ').expect("[LABEL text]");
            text.push_str(&rest[..open]);
            let start = text.len();
            text.push_str(span_text);
            gold.push(GoldMention {
                span: Span::new(start, text.len()),
                label: label(name),
            });
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
    }
    Annotated { text, gold }
}

/// Exact-match counts for one label, or all.
#[derive(Clone, Copy, Debug, Default)]
pub struct Prf {
    /// Predicted spans that are gold.
    pub tp: usize,
    /// Predicted spans that are not.
    pub fp: usize,
    /// Gold spans not predicted.
    pub fn_: usize,
}

impl Prf {
    /// tp / predicted (0 when nothing is predicted).
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    /// tp / gold (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    /// The harmonic mean of precision and recall (0 without a true positive).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if self.tp == 0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The counts of `found` against `gold` for `label` (`None`: every label), each span counted
/// once.
pub fn score(gold: &[GoldMention], found: &[EntityMention], label: Option<EntityLabel>) -> Prf {
    let keep = |l: EntityLabel| label.is_none_or(|want| want == l);
    let g: HashSet<(Span, EntityLabel)> = gold
        .iter()
        .map(|m| (m.span, m.label))
        .filter(|x| keep(x.1))
        .collect();
    let p: HashSet<(Span, EntityLabel)> = found
        .iter()
        .map(|m| (m.span, m.label))
        .filter(|x| keep(x.1))
        .collect();
    let tp = g.intersection(&p).count();
    Prf {
        tp,
        fp: p.len() - tp,
        fn_: g.len() - tp,
    }
}
