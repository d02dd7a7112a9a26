//! Main-text extraction on the benchmark of real sites' saved pages
//! (`tests/corpus/readability/`, Readability's test pages from Mozilla and two
//! ports): floors on the token scores of all pages and of the held-out ones,
//! and no page empty or taken whole. The figures, with
//! trafilatura and readability-lxml beside them, come from
//! `scripts/eval/readability_reference.py`; storydiff's alone from
//! `cargo run --release --example clean_eval -- --set readability`.

use std::collections::HashSet;
use storydiff::clean::{clean, token_scores, BatchEvidence, Format, TokenScores};

#[test]
fn real_pages_floor() {
    let pages = storydiff::eval::readability_pages();
    assert!(pages.len() >= 140, "{} pages", pages.len());
    let sites: HashSet<&str> = pages
        .iter()
        .map(|p| {
            p.name
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .trim_end_matches('-')
        })
        .collect();
    assert!(sites.len() >= 90, "{} sites", sites.len());
    let held = storydiff::eval::readability_heldout();
    let mut total = TokenScores::default();
    let mut held_total = TokenScores::default();
    let mut f1_sum = 0.0;
    let mut bad = Vec::new();
    for page in pages {
        let cleaned = clean(&page.html, Format::Html, &BatchEvidence::default(), &[]);
        let s = token_scores(cleaned.body.as_str(), &page.expected);
        // Empty, or the page rather than the article: little of it expected, and more of it.
        let whole = s.precision < 0.1 && s.extracted > s.expected;
        if cleaned.body.as_str().trim().is_empty() || whole {
            bad.push(page.name.clone());
        }
        f1_sum += s.f1();
        total = total.add(&s);
        if held.contains(&page.name) {
            held_total = held_total.add(&s);
        }
    }
    let mean = f1_sum / pages.len() as f64;
    println!(
        "readability pages: micro F1 {:.3}, mean page F1 {mean:.3}, held-out micro F1 {:.3}",
        total.f1(),
        held_total.f1()
    );
    assert!(bad.is_empty(), "empty or whole-page output: {bad:?}");
    assert!(total.f1() >= 0.96, "micro F1 {:.3}", total.f1());
    assert!(
        held_total.f1() >= 0.975,
        "held-out micro F1 {:.3}",
        held_total.f1()
    );
    assert!(mean >= 0.92, "mean page F1 {mean:.3}");
}
