//! The fact diff on the JSON files of `tests/eval/factdiff/`: labelled pairs
//! of real reports of one event (see that folder's README).
//!
//! A gold label is `(class, text in a, text in b)`; a finding meets it when
//! its spans overlap the label's texts in both reports. Scored:
//!
//! - recall of `conflict` (a finding of class conflict), `update` (class
//!   update), `name-variant` (a name variant), `quote-variant` (a quote
//!   variant) and `quote-conflict` (the same words given to two speakers);
//! - precision of all that is reported as a discrepancy (conflicts, updates,
//!   name variants, quote variants, quote conflicts): the share that meets a gold label of its
//!   class, and the same for conflicts alone;
//! - false alarms on look-alikes (`lookalike` and `compatible` labels: the same
//!   value written two ways, different quantities, translations, hedged values
//!   that overlap, the same quote in the same words, two different quotes of
//!   one speaker): the share that any reported discrepancy meets.

use crate::compare::{diff_pair, Class, FactDiff, NameClass, QuoteClass};
use crate::text::Span;
use crate::{analyze_batch, Article, Input};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The folder of the labelled pairs' files, from the crate root.
pub const PAIRS: &str = "tests/eval/factdiff";

/// One report of a pair.
#[derive(Clone, Debug, Deserialize)]
pub struct Side {
    /// ISO 639-1 code.
    pub lang: String,
    /// Publication day, `YYYY-MM-DD`.
    pub date: String,
    /// The text.
    pub text: String,
}

/// One hand label.
#[derive(Clone, Debug, Deserialize)]
pub struct Label {
    /// conflict, update, compatible, name-variant, quote-variant,
    /// quote-conflict or lookalike.
    pub class: String,
    /// Its text in report a.
    pub a: String,
    /// Its text in report b.
    pub b: String,
    /// Why.
    pub note: String,
}

/// A labelled pair.
#[derive(Clone, Debug, Deserialize)]
pub struct Pair {
    /// Its name.
    pub id: String,
    /// `heldout` (written before any tuning) or `dev`.
    pub split: String,
    /// The two reports.
    pub a: Side,
    /// The second report.
    pub b: Side,
    /// The labels.
    pub labels: Vec<Label>,
}

#[derive(Deserialize)]
struct File {
    pairs: Vec<Pair>,
}

/// Reads the pairs of every `*.json` file in [`PAIRS`], files in name order.
pub fn load() -> Vec<Pair> {
    let dir = format!("{}/{PAIRS}", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("a readable folder").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    let mut pairs = Vec::new();
    for path in paths {
        let shown = path.display();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let file: File = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));
        pairs.extend(file.pairs);
    }
    pairs
}

/// Counts behind the figures.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Per gold class: (labels, found).
    pub recall: BTreeMap<String, (usize, usize)>,
    /// Per reported class: (reported, meeting a gold label of that class).
    pub reported: BTreeMap<String, (usize, usize)>,
    /// Look-alike labels, and those a discrepancy met.
    pub lookalikes: (usize, usize),
}

impl Score {
    /// Recall of a gold class (`None` without labels).
    pub fn recall_of(&self, class: &str) -> Option<f64> {
        let (n, found) = *self.recall.get(class)?;
        (n > 0).then(|| found as f64 / n as f64)
    }

    /// Precision of one reported class, or of all (`None`) ; 1 when nothing is reported.
    pub fn precision_of(&self, class: Option<&str>) -> f64 {
        let (n, ok) = self
            .reported
            .iter()
            .filter(|(c, _)| class.is_none_or(|x| x == c.as_str()))
            .fold((0, 0), |(n, ok), (_, (m, k))| (n + m, ok + k));
        if n == 0 {
            1.0
        } else {
            ok as f64 / n as f64
        }
    }

    /// Share of look-alikes reported as a discrepancy.
    pub fn false_alarms(&self) -> f64 {
        self.lookalikes.1 as f64 / self.lookalikes.0.max(1) as f64
    }
}

/// A finding the diff reports as a discrepancy: its class and its input spans.
struct Finding {
    class: &'static str,
    a: Span,
    b: Span,
}

fn findings(d: &FactDiff, a: &Article, b: &Article) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &d.conflicts {
        let class = match c.class {
            Class::Conflict => "conflict",
            Class::Update => "update",
            _ => continue,
        };
        out.push(Finding {
            class,
            a: a.to_input(c.a.span),
            b: b.to_input(c.b.span),
        });
    }
    for n in d.names.iter().filter(|n| n.class == NameClass::Variant) {
        out.push(Finding {
            class: "name-variant",
            a: a.to_input(n.span_a),
            b: b.to_input(n.span_b),
        });
    }
    for q in &d.quotes {
        let class = match q.class {
            QuoteClass::Variant => "quote-variant",
            QuoteClass::OtherSpeaker => "quote-conflict",
            QuoteClass::Same => continue,
        };
        out.push(Finding {
            class,
            a: a.to_input(q.span_a),
            b: b.to_input(q.span_b),
        });
    }
    out
}

fn located(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(start, start + needle.len())
}

fn overlaps(x: Span, y: Span) -> bool {
    x.start < y.end && y.start < x.end
}

/// Analyzes and diffs one pair.
pub fn diff(pair: &Pair) -> (Vec<Article>, FactDiff) {
    let side = |id: &str, s: &Side| Input {
        date: Some(s.date.clone()),
        ..Input::new(id, s.text.clone())
    };
    let articles = analyze_batch(&[side("a", &pair.a), side("b", &pair.b)]).expect("analyzes");
    let d = diff_pair(&articles, 0, 1);
    (articles, d)
}

/// Scores the pairs whose split is `split` (all when `None`); with
/// `verbose`, prints each miss and each wrong report.
pub fn score(pairs: &[Pair], split: Option<&str>, verbose: bool) -> Score {
    let mut s = Score::default();
    for pair in pairs.iter().filter(|p| split.is_none_or(|x| x == p.split)) {
        let (arts, d) = diff(pair);
        let found = findings(&d, &arts[0], &arts[1]);
        let gold: Vec<(&Label, Span, Span)> = (pair.labels.iter())
            .map(|l| (l, located(&pair.a.text, &l.a), located(&pair.b.text, &l.b)))
            .collect();
        let meets = |f: &Finding, ga: Span, gb: Span| overlaps(f.a, ga) && overlaps(f.b, gb);
        for (l, ga, gb) in &gold {
            if matches!(l.class.as_str(), "lookalike" | "compatible") {
                let alarm = found.iter().any(|f| meets(f, *ga, *gb));
                s.lookalikes.0 += 1;
                s.lookalikes.1 += usize::from(alarm);
                if alarm && verbose {
                    println!("{}: false alarm on {:?} / {:?}", pair.id, l.a, l.b);
                }
                continue;
            }
            let hit = found
                .iter()
                .any(|f| f.class == l.class && meets(f, *ga, *gb));
            let e = s.recall.entry(l.class.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(hit);
            if !hit && verbose {
                println!("{}: missed {} {:?} / {:?}", pair.id, l.class, l.a, l.b);
            }
        }
        for f in &found {
            let ok = gold
                .iter()
                .any(|(l, ga, gb)| l.class == f.class && meets(f, *ga, *gb));
            let e = s.reported.entry(f.class.to_string()).or_default();
            e.0 += 1;
            e.1 += usize::from(ok);
            if !ok && verbose {
                println!(
                    "{}: reported {} {:?} / {:?}",
                    pair.id,
                    f.class,
                    f.a.of(&arts[0].input),
                    f.b.of(&arts[1].input)
                );
            }
        }
    }
    s
}
