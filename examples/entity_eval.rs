//! Entity recognition figures on the annotated news set, and throughput.
//!
//! `cargo run --release --example entity_eval [-- SET...]` (default `tests/eval/entities/news_en.txt`;
//! several sets: each one, then all of them together)
//!
//! Scores are exact span and label matches, per label and overall
//! (`storydiff::eval::entities`); `scripts/eval/entity_eval_spacy.py` prints
//! the same figures for spaCy.

use std::collections::HashSet;
use std::time::Instant;
use storydiff::eval::entities::{self, NEWS_EN};
use storydiff::extract::{self, Doc, EntityLabel};
use storydiff::text::segment;

const LABELS: [(&str, Option<EntityLabel>); 4] = [
    ("PERSON", Some(EntityLabel::Person)),
    ("ORG", Some(EntityLabel::Org)),
    ("PLACE", Some(EntityLabel::Place)),
    ("ALL", None),
];

fn run(text: &str) -> Vec<storydiff::extract::EntityMention> {
    let seg = segment(text);
    let doc = Doc {
        text,
        seg: &seg,
        anchor: None,
        language: Some("en"),
    };
    extract::entities(&doc)
}

fn print_table(rows: &[(&str, entities::Prf)]) {
    println!(
        "{:<8} {:>9} {:>7} {:>7} {:>5} {:>5} {:>5}",
        "label", "precision", "recall", "F1", "tp", "fp", "fn"
    );
    for (name, s) in rows {
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
}

/// Several sets: each one's table, then the counts of all of them together.
fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        paths.push(NEWS_EN.into());
    }
    let mut total = [entities::Prf::default(); 4];
    for path in &paths {
        let sums = eval_one(path);
        for (t, s) in total.iter_mut().zip(sums) {
            t.tp += s.tp;
            t.fp += s.fp;
            t.fn_ += s.fn_;
        }
    }
    if paths.len() > 1 {
        println!("combined, {} sets:", paths.len());
        let rows: Vec<_> = LABELS.iter().map(|l| l.0).zip(total).collect();
        print_table(&rows);
    }
}

/// Scores one set, prints its table (and its errors with `SHOW_ERRORS`) and
/// throughput; returns the counts per label, in [`LABELS`] order.
fn eval_one(path: &str) -> [entities::Prf; 4] {
    let annotated = std::fs::read_to_string(path).expect("eval file");
    let entities::Annotated { text, gold } = entities::parse(&annotated);
    let found = run(&text);
    println!(
        "storydiff entity eval on {path}: {} gold spans, {} predicted",
        gold.len(),
        found.len()
    );
    let sums = LABELS.map(|(_, label)| entities::score(&gold, &found, label));
    let rows: Vec<_> = LABELS.iter().map(|l| l.0).zip(sums).collect();
    print_table(&rows);
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
    sums
}
