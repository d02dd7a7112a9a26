//! Main-text extraction on the benchmark of real sites' saved pages
//! (`tests/corpus/readability/`, Mozilla Readability's test pages): floors on
//! the token scores and no page empty or taken whole. The figures, with
//! trafilatura and readability-lxml beside them, come from
//! `scripts/eval/readability_reference.py`; storydiff's alone from
//! `cargo run --release --example clean_eval -- --set readability`.

use storydiff::clean::{clean, token_scores, BatchEvidence, Format, TokenScores};

#[test]
fn real_pages_floor() {
    let pages = storydiff::eval::readability_pages();
    assert!(pages.len() >= 90, "{} pages", pages.len());
    let mut total = TokenScores::default();
    let mut f1_sum = 0.0;
    let mut bad = Vec::new();
    for page in pages {
        let cleaned = clean(&page.html, Format::Html, &BatchEvidence::default(), &[]);
        let s = token_scores(cleaned.body.as_str(), &page.expected);
        if cleaned.body.as_str().trim().is_empty() || s.precision < 0.1 {
            bad.push(page.name.clone());
        }
        f1_sum += s.f1();
        total = total.add(&s);
    }
    let mean = f1_sum / pages.len() as f64;
    println!(
        "readability pages: micro F1 {:.3}, mean page F1 {mean:.3}",
        total.f1()
    );
    assert!(bad.is_empty(), "empty or whole-page output: {bad:?}");
    assert!(total.f1() >= 0.955, "micro F1 {:.3}", total.f1());
    assert!(mean >= 0.925, "mean page F1 {mean:.3}");
}
