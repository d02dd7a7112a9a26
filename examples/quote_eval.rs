//! Quote attribution quality on the test set in `tests/eval/quotes/`.
//!
//! ```text
//! cargo run --release --example quote_eval [-- --verbose]
//! ```
//!
//! A gold quote is *found* when a predicted quote (any kind but indirect)
//! covers at least half of its words; it is *attributed* when that
//! prediction names the gold speaker (case-insensitive, without a leading
//! "the"). Precision: attributed / predicted quotes with a speaker; recall:
//! attributed / gold quotes with a speaker.

use serde::Deserialize;
use storydiff::extract::{entities, quotes, Doc, QuoteKind};
use storydiff::text::{self, Span};

#[derive(Deserialize)]
pub struct Set {
    pub docs: Vec<GoldDoc>,
}

#[derive(Deserialize)]
pub struct GoldDoc {
    pub id: String,
    pub lang: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
pub struct GoldQuote {
    pub text: String,
    pub speaker: Option<String>,
    pub kind: String,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub gold: usize,
    pub gold_with_speaker: usize,
    pub found: usize,
    pub predicted_with_speaker: usize,
    pub attributed: usize,
    pub kind_right: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        self.attributed as f64 / self.predicted_with_speaker.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.attributed as f64 / self.gold_with_speaker.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
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

fn kind_name(k: QuoteKind) -> &'static str {
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
        let t = text::normalize(&d.text);
        let seg = text::segment(t.as_str());
        let doc = Doc {
            text: t.as_str(),
            seg: &seg,
            anchor: None,
            language: Some(&d.lang),
        };
        let ents = entities::extract(&doc);
        let found: Vec<_> = quotes::extract(&doc, &ents)
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
        for (i, q) in found.iter().enumerate() {
            if !matched[i] && q.speaker.is_some() {
                s.predicted_with_speaker += 1;
                if verbose {
                    println!("{}: EXTRA {:?} ({:?})", d.id, q.content.of(text), q.speaker);
                }
            }
        }
    }
    s
}

/// Loads `tests/eval/quotes/{name}.json`.
pub fn load(name: &str) -> Set {
    let path = format!(
        "{}/tests/eval/quotes/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&json).expect("a valid test set")
}

#[allow(dead_code)]
fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let mut total = Score::default();
    for name in ["news", "heldout", "blind", "blind2", "blind3"] {
        let set = load(name);
        let s = score(&set, verbose);
        println!("== {name}: {} documents", set.docs.len());
        report(&s);
        total.gold += s.gold;
        total.gold_with_speaker += s.gold_with_speaker;
        total.found += s.found;
        total.predicted_with_speaker += s.predicted_with_speaker;
        total.attributed += s.attributed;
        total.kind_right += s.kind_right;
    }
    println!("== all");
    report(&total);
}

#[allow(dead_code)]
fn report(s: &Score) {
    println!(
        "gold quotes: {} ({} with a speaker); found: {} ({:.3}); kind right: {} ({:.3})",
        s.gold,
        s.gold_with_speaker,
        s.found,
        s.found as f64 / s.gold.max(1) as f64,
        s.kind_right,
        s.kind_right as f64 / s.found.max(1) as f64
    );
    println!(
        "attribution: precision {:.3} ({}/{}), recall {:.3} ({}/{}), F1 {:.3}",
        s.precision(),
        s.attributed,
        s.predicted_with_speaker,
        s.recall(),
        s.attributed,
        s.gold_with_speaker,
        s.f1()
    );
}
