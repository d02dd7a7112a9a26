//! Scoring of quote attribution against the test sets in `tests/eval/quotes/`.
//!
//! A gold quote is *found* when a predicted quote (any kind but indirect) covers at least half
//! of its words; it is *attributed* when that prediction names the gold speaker
//! (case-insensitive, without a leading "the"). Precision: attributed / predicted quotes with a
//! speaker; recall: attributed / gold quotes with a speaker.

use serde::Deserialize;

use crate::extract::{entities, quotes, Doc, Quote, QuoteKind};
use crate::text::{self, Span};

/// The folder of the test sets, one JSON file per set.
pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval/quotes");

/// The sets, in the order the figures are printed.
pub const SETS: [&str; 5] = ["news", "heldout", "blind", "blind2", "blind3"];

/// One test set.
#[derive(Deserialize)]
pub struct Set {
    /// Its documents.
    pub docs: Vec<GoldDoc>,
}

/// One annotated document.
#[derive(Deserialize)]
pub struct GoldDoc {
    /// A name for messages.
    pub id: String,
    /// Its language (ISO 639-1).
    pub lang: String,
    /// The text.
    pub text: String,
    /// Its quotes, in text order.
    pub quotes: Vec<GoldQuote>,
}

/// One annotated quote.
#[derive(Deserialize)]
pub struct GoldQuote {
    /// The quoted words as written.
    pub text: String,
    /// Who said it, when the text says.
    pub speaker: Option<String>,
    /// `direct`, `partial`, `scare` or `slogan`.
    pub kind: String,
}

/// The counts of one run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Gold quotes.
    pub gold: usize,
    /// Gold quotes with a speaker.
    pub gold_with_speaker: usize,
    /// Gold quotes found.
    pub found: usize,
    /// Predicted quotes with a speaker.
    pub predicted_with_speaker: usize,
    /// Gold quotes found with the gold speaker.
    pub attributed: usize,
    /// Gold quotes found with the gold kind.
    pub kind_right: usize,
}

impl Score {
    /// Attributed / predicted quotes with a speaker.
    pub fn precision(&self) -> f64 {
        self.attributed as f64 / self.predicted_with_speaker.max(1) as f64
    }
    /// Attributed / gold quotes with a speaker.
    pub fn recall(&self) -> f64 {
        self.attributed as f64 / self.gold_with_speaker.max(1) as f64
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// The sum of two runs' counts.
    pub fn add(&self, s: &Score) -> Score {
        Score {
            gold: self.gold + s.gold,
            gold_with_speaker: self.gold_with_speaker + s.gold_with_speaker,
            found: self.found + s.found,
            predicted_with_speaker: self.predicted_with_speaker + s.predicted_with_speaker,
            attributed: self.attributed + s.attributed,
            kind_right: self.kind_right + s.kind_right,
        }
    }
}

fn same_speaker(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let l = s.trim().to_lowercase();
        l.strip_prefix("the ").unwrap_or(&l).to_string()
    };
    norm(a) == norm(b)
}

/// The name of a kind as the sets write it.
pub fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Scare => "scare",
        QuoteKind::Slogan => "slogan",
    }
}

/// Scores every document of `set`; with `verbose`, prints each miss.
pub fn score(set: &Set, verbose: bool) -> Score {
    let mut s = Score::default();
    for d in &set.docs {
        score_doc(d, verbose, &mut s);
    }
    s
}

fn score_doc(d: &GoldDoc, verbose: bool, s: &mut Score) {
    let t = text::normalize(&d.text);
    let seg = text::segment(t.as_str());
    let doc = Doc {
        text: t.as_str(),
        seg: &seg,
        anchor: None,
        language: Some(&d.lang),
    };
    let ents = entities(&doc);
    let found: Vec<Quote> = quotes(&doc, &ents)
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    let text = t.as_str();
    let mut from = 0;
    let mut matched = vec![false; found.len()];
    for g in &d.quotes {
        s.gold += 1;
        if g.speaker.is_some() {
            s.gold_with_speaker += 1;
        }
        let gt = text::normalize(&g.text);
        let Some(at) = text[from..].find(gt.as_str()).map(|p| p + from) else {
            panic!("{}: gold quote {:?} is not in the text", d.id, g.text);
        };
        from = at;
        let gspan = Span::new(at, at + gt.as_str().len());
        let best = found.iter().enumerate().find(|(_, q)| {
            let o = q.content.start.max(gspan.start);
            let e = q.content.end.min(gspan.end);
            e > o && (e - o) * 2 >= gspan.len()
        });
        let Some((i, q)) = best else {
            if verbose {
                println!("{}: MISSED {:?}", d.id, g.text);
            }
            continue;
        };
        matched[i] = true;
        score_found(d, g, q, verbose, s);
    }
    for (i, q) in found.iter().enumerate() {
        if !matched[i] && q.speaker.is_some() {
            s.predicted_with_speaker += 1;
            if verbose {
                println!("{}: EXTRA {:?} ({:?})", d.id, q.content.of(text), q.speaker);
            }
        }
    }
}

/// Counts the prediction `q` that found the gold quote `g`.
fn score_found(d: &GoldDoc, g: &GoldQuote, q: &Quote, verbose: bool, s: &mut Score) {
    s.found += 1;
    if kind_name(q.kind) == g.kind {
        s.kind_right += 1;
    } else if verbose {
        println!(
            "{}: KIND {:?} got {} want {}",
            d.id,
            g.text,
            kind_name(q.kind),
            g.kind
        );
    }
    let right = match (&g.speaker, &q.speaker) {
        (Some(gs), Some(ps)) => same_speaker(gs, ps),
        _ => false,
    };
    if q.speaker.is_some() {
        s.predicted_with_speaker += 1;
    }
    if right {
        s.attributed += 1;
    } else if verbose && (g.speaker.is_some() || q.speaker.is_some()) {
        println!(
            "{}: SPEAKER {:?} got {:?} want {:?}",
            d.id, g.text, q.speaker, g.speaker
        );
    }
}

/// Loads `tests/eval/quotes/<name>.json`.
pub fn load(name: &str) -> Set {
    let path = format!("{DIR}/{name}.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&json).expect("a valid test set")
}
