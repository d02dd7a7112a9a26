//! Entity recognition figures on the annotated news set, and throughput.
//!
//! `cargo run --release --example entity_eval [-- tests/eval/entities/news_en.txt]`
//!
//! Scores are exact span and label matches, per label and overall
//! (`storydiff::eval::entities`); `scripts/eval/entity_eval_spacy.py` prints
//! the same figures for spaCy.

use std::collections::HashSet;
use std::time::Instant;
use storydiff::eval::entities::{self, NEWS_EN};
use storydiff::extract::{self, Doc, EntityLabel};
use storydiff::text::segment;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| NEWS_EN.into());
    let annotated = std::fs::read_to_string(&path).expect("eval file");
    let entities::Annotated { text, gold } = entities::parse(&annotated);
    let run = |text: &str| {
        let seg = segment(text);
        let doc = Doc {
            text,
            seg: &seg,
            anchor: None,
            language: Some("en"),
        };
        extract::entities(&doc)
    };
    let found = run(&text);
    println!(
        "storydiff entity eval on {path}: {} gold spans, {} predicted",
        gold.len(),
        found.len()
    );
    println!(
        "{:<8} {:>9} {:>7} {:>7} {:>5} {:>5} {:>5}",
        "label", "precision", "recall", "F1", "tp", "fp", "fn"
    );
    let labels = [
        ("PERSON", Some(EntityLabel::Person)),
        ("ORG", Some(EntityLabel::Org)),
        ("PLACE", Some(EntityLabel::Place)),
        ("ALL", None),
    ];
    for (name, label) in labels {
        let s = entities::score(&gold, &found, label);
        println!(
            "{name:<8} {:>9.3} {:>7.3} {:>7.3} {:>5} {:>5} {:>5}",
            s.precision(),
            s.recall(),
            s.f1(),
            s.tp,
            s.fp,
            s.fn_
        );
    }
    if std::env::var_os("SHOW_ERRORS").is_some() {
        let pred: Vec<_> = found.iter().map(|m| (m.span, m.label)).collect();
        let g: HashSet<_> = gold.iter().map(|m| (m.span, m.label)).collect();
        let p: HashSet<_> = pred.iter().copied().collect();
        for (s, l) in &pred {
            if !g.contains(&(*s, *l)) {
                println!("FP {:<6} {}", l.as_str(), s.of(&text));
            }
        }
        for m in &gold {
            if !p.contains(&(m.span, m.label)) {
                println!("FN {:<6} {}", m.label.as_str(), m.span.of(&text));
            }
        }
    }
    // Throughput: segmentation and extraction, repeated; the best of five rounds
    // (the machine is shared), after a first run that fills the lexicons.
    let reps = 100;
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..reps {
            n = run(&text).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let chars = text.chars().count() * reps;
    println!(
        "throughput: {:.0} chars/s ({:.2} ms per pass over {} chars; {} mentions; best of 5 rounds)",
        chars as f64 / best,
        best * 1000.0 / reps as f64,
        text.chars().count(),
        n
    );
}
