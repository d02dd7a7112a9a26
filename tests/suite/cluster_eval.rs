//! Event clustering on a test set written apart from the seeds
//! (`tests/eval/clusters/`): short reports of several events, with confusers
//! (same country or same kind of event on other days, one report in French).
//! Pairwise precision and recall against the gold events; the figures print
//! with `cargo test --test cluster_eval -- --nocapture`.

use std::collections::HashMap;
use storydiff::{analyze_batch, compare, Input};

#[derive(serde::Deserialize)]
struct Batch {
    articles: Vec<Article>,
}

#[derive(serde::Deserialize)]
struct Article {
    id: String,
    event: String,
    date: Option<String>,
    text: String,
}

struct Scores {
    precision: f64,
    recall: f64,
    pairs: usize,
}

fn evaluate(path: &str) -> Scores {
    let raw = std::fs::read_to_string(path).unwrap();
    let batch: Batch = serde_json::from_str(&raw).unwrap();
    let inputs: Vec<Input> = batch
        .articles
        .iter()
        .map(|a| {
            let mut input = Input::new(a.id.clone(), a.text.clone());
            input.date = a.date.clone();
            input
        })
        .collect();
    let articles = analyze_batch(&inputs).unwrap();
    let comparison = compare(&articles);
    let mut cluster_of = HashMap::new();
    for (c, members) in comparison.clusters.event.iter().enumerate() {
        for &m in members {
            cluster_of.insert(m, c);
        }
    }
    let n = batch.articles.len();
    let (mut tp, mut predicted, mut gold) = (0, 0, 0);
    for i in 0..n {
        for j in i + 1..n {
            let same_gold = batch.articles[i].event == batch.articles[j].event;
            let same_pred = cluster_of[&i] == cluster_of[&j];
            gold += usize::from(same_gold);
            predicted += usize::from(same_pred);
            tp += usize::from(same_gold && same_pred);
            if same_gold != same_pred {
                println!(
                    "{}: {} ~ {}: gold {same_gold}, predicted {same_pred}",
                    path.rsplit('/').next().unwrap(),
                    batch.articles[i].id,
                    batch.articles[j].id
                );
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Scores {
        precision: ratio(tp, predicted),
        recall: ratio(tp, gold),
        pairs: gold,
    }
}

#[test]
fn event_clusters_on_the_evaluation_set() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/eval/clusters/batch1.json"
    );
    let s = evaluate(path);
    println!(
        "event clusters: pairwise precision {:.2}, recall {:.2} over {} gold pairs",
        s.precision, s.recall, s.pairs
    );
    // Joining two different events is the worse error for a user: it must not happen here.
    assert!(s.precision >= 0.99, "precision {:.2}", s.precision);
    assert!(s.recall >= 0.6, "recall {:.2}", s.recall);
}
