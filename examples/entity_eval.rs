//! Entity recognition figures on the annotated news set, and throughput.
//!
//! `cargo run --release --example entity_eval [-- tests/eval/entities/news_en.txt]`
//!
//! The set marks spans as `[LABEL text]`; all lines are read as one document
//! (paragraph per line). Scores are exact span and label matches, per label
//! and overall; `scripts/entity_eval_spacy.py` prints the same figures for spaCy.

use std::collections::HashSet;
use std::time::Instant;
use storydiff::extract::{entities, Doc};
use storydiff::text::{segment, Span};

/// The plain text of an annotated file and its gold spans (byte offsets).
fn parse(annotated: &str) -> (String, Vec<(Span, String)>) {
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
            let (label, span_text) = inner.split_once(' ').expect("[LABEL text]");
            text.push_str(&rest[..open]);
            let start = text.len();
            text.push_str(span_text);
            gold.push((Span::new(start, text.len()), label.to_string()));
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
    }
    (text, gold)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/eval/entities/news_en.txt".into());
    let annotated = std::fs::read_to_string(&path).expect("eval file");
    let (text, gold) = parse(&annotated);
    let run = |text: &str| {
        let seg = segment(text);
        let doc = Doc {
            text,
            seg: &seg,
            anchor: None,
            language: Some("en"),
        };
        entities::extract(&doc)
    };
    let found = run(&text);
    let pred: Vec<(Span, String)> = found
        .iter()
        .map(|m| (m.span, m.label.as_str().to_string()))
        .collect();
    println!(
        "storydiff entity eval on {path}: {} gold spans, {} predicted",
        gold.len(),
        pred.len()
    );
    println!(
        "{:<8} {:>9} {:>7} {:>7} {:>5} {:>5} {:>5}",
        "label", "precision", "recall", "F1", "tp", "fp", "fn"
    );
    for label in ["PERSON", "ORG", "PLACE", "ALL"] {
        let sel = |v: &[(Span, String)]| -> HashSet<(Span, String)> {
            v.iter()
                .filter(|(_, l)| label == "ALL" || l == label)
                .cloned()
                .collect()
        };
        let (g, p) = (sel(&gold), sel(&pred));
        let tp = g.intersection(&p).count();
        let (fp, fn_) = (p.len() - tp, g.len() - tp);
        let precision = tp as f64 / p.len().max(1) as f64;
        let recall = tp as f64 / g.len().max(1) as f64;
        let f1 = if tp == 0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        println!("{label:<8} {precision:>9.3} {recall:>7.3} {f1:>7.3} {tp:>5} {fp:>5} {fn_:>5}");
    }
    if std::env::var_os("SHOW_ERRORS").is_some() {
        let g: HashSet<_> = gold.iter().cloned().collect();
        let p: HashSet<_> = pred.iter().cloned().collect();
        for (s, l) in &pred {
            if !g.contains(&(*s, l.clone())) {
                println!("FP {l:<6} {}", s.of(&text));
            }
        }
        for (s, l) in &gold {
            if !p.contains(&(*s, l.clone())) {
                println!("FN {l:<6} {}", s.of(&text));
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
