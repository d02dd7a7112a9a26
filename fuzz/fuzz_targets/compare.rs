//! Comparing two articles: no panic, and the similarity is symmetric.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storydiff::{analyze_batch, compare, Input};

fuzz_target!(|pair: (&str, &str)| {
    let (a, b) = pair;
    if a.trim().is_empty() || b.trim().is_empty() {
        return;
    }
    let ab = analyze_batch(&[Input::new("a", a), Input::new("b", b)]).unwrap();
    let ba = analyze_batch(&[Input::new("b", b), Input::new("a", a)]).unwrap();
    let (x, y) = (compare(&ab), compare(&ba));
    let score = |c: &storydiff::Comparison| c.pairs.iter().map(|p| p.score).sum::<f64>();
    assert!((score(&x) - score(&y)).abs() < 1e-9, "{} vs {}", score(&x), score(&y));
});
