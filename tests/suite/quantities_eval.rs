//! Quantity extraction on the sentences of `tests/eval/quantities/`: each
//! expected figure must come out with its span, interval and unit (and its
//! predicate, where the case gives one); nothing else may come out.
//! `cargo test --test quantities_eval -- --nocapture` prints the misses and
//! the figures.

use crate::hay::with_doc;
use serde::Deserialize;
use storydiff::extract::quantities;
use storydiff::text;

#[derive(Deserialize)]
struct Set {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    lang: String,
    text: String,
    quantities: Vec<Want>,
}

#[derive(Deserialize)]
struct Want {
    text: String,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    counts: Option<String>,
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

#[test]
fn quantity_sentences() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/eval/quantities/sentences.json"
    );
    let set: Set = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (mut gold, mut predicted, mut right) = (0, 0, 0);
    for c in &set.cases {
        let t = text::normalize(&c.text);
        let got = with_doc(t.as_str(), &c.lang, quantities);
        gold += c.quantities.len();
        predicted += got.len();
        for q in &got {
            let span = q.span.of(t.as_str());
            let ok = c.quantities.iter().any(|w| {
                w.text == span
                    && close(w.low, q.low)
                    && close(w.high, q.high)
                    && w.unit == q.unit
                    && (w.counts.is_none() || w.counts == q.counts)
            });
            if ok {
                right += 1;
            } else {
                println!(
                    "WRONG {span:?} [{:?}, {:?}] {:?} {:?} in {:?}",
                    q.low, q.high, q.unit, q.counts, c.text
                );
            }
        }
    }
    let p = right as f64 / predicted.max(1) as f64;
    let r = right as f64 / gold.max(1) as f64;
    println!("quantities: precision {p:.3} ({right}/{predicted}), recall {r:.3} ({right}/{gold})");
    assert!(gold >= 40);
    assert!(p >= 0.9 && r >= 0.9, "precision {p:.3}, recall {r:.3}");
}
