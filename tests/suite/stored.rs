//! Analyses stored and reused: a batch compared from articles analyzed one by
//! one ([`analyze_batch_reusing`]) is
//! exactly the batch analyzed together, with only what the batch changes
//! analyzed again.
// The seeds and evaluation sets are read from disk: native only.
#![cfg(not(target_arch = "wasm32"))]

use storydiff::eval::{clusters, seeds};
use storydiff::report::{self, Mode};
use storydiff::{analyze, analyze_batch, analyze_batch_reusing, Article, Input};

fn seed_inputs() -> Vec<Input> {
    seeds().iter().map(|s| s.input()).collect()
}

/// Every field of every article, as text: equal texts, equal analyses.
fn dump(articles: &[Article]) -> String {
    serde_json::to_string(articles).unwrap()
}

fn compared(articles: &[Article]) -> String {
    let report = report::of_articles(articles, Mode::Compare, &Default::default());
    serde_json::to_string(&report).unwrap()
}

fn alone(inputs: &[Input]) -> Vec<Article> {
    inputs.iter().map(|i| analyze(i).unwrap()).collect()
}

/// `inputs`, each ending with the same line of site furniture.
fn with_furniture(inputs: &[Input]) -> Vec<Input> {
    let mut out = inputs.to_vec();
    for i in &mut out {
        i.text.push_str("\n\nBlue Harbor Weekly Edition\n");
    }
    out
}

#[test]
fn a_batch_from_articles_analyzed_alone_is_the_batch_analyzed_together() {
    let seeds = seed_inputs();
    let twins = clusters::inputs(&clusters::load("twins", "dev"));
    // (name, inputs, whether the batch changes some article's cleaning)
    let cases = [
        ("seeds", seeds.clone(), false),
        ("twins", twins.clone(), false),
        ("seeds with furniture", with_furniture(&seeds), true),
        ("twins with furniture", with_furniture(&twins), true),
    ];
    for (name, inputs, changes) in cases {
        let one_by_one = alone(&inputs);
        let together = analyze_batch(&inputs).unwrap();
        let changed = one_by_one
            .iter()
            .zip(&together)
            .filter(|(a, t)| a.body != t.body || a.removed != t.removed)
            .count();
        assert_eq!(changed > 0, changes, "{name}: {changed} cleanings changed");
        let (articles, again) = analyze_batch_reusing(&inputs, one_by_one).unwrap();
        assert_eq!(again, changed, "{name}: analyzed again");
        assert_eq!(dump(&articles), dump(&together), "{name}");
        assert_eq!(compared(&articles), compared(&together), "{name}");
    }
}

#[test]
fn an_article_that_is_not_its_inputs_is_analyzed_again() {
    let inputs = seed_inputs();
    let mut given = alone(&inputs);
    given.swap(0, 1);
    let (articles, again) = analyze_batch_reusing(&inputs, given).unwrap();
    assert_eq!(again, 2);
    assert_eq!(dump(&articles), dump(&analyze_batch(&inputs).unwrap()));
}

#[test]
fn a_batch_from_articles_checks_ids_and_dates_as_a_batch_does() {
    let mut inputs = seed_inputs();
    let articles = alone(&inputs);
    inputs[1].id = inputs[0].id.clone();
    let err = analyze_batch_reusing(&inputs, articles).unwrap_err();
    assert!(err.to_string().contains("share"), "{err}");
}
