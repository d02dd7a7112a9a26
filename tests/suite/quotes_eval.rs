//! Quote attribution quality stays above a floor on the project's test sets
//! (`tests/eval/quotes/*.json`). The figures themselves come from
//! `cargo run --release --example quote_eval`.

use storydiff::eval::quotes as eval;

#[test]
fn test_sets_are_big_enough() {
    let n: usize = eval::SETS
        .iter()
        .map(|s| {
            eval::load(s)
                .docs
                .iter()
                .map(|d| d.quotes.len())
                .sum::<usize>()
        })
        .sum();
    assert!(n >= 100, "only {n} gold quotes");
}

#[test]
fn attribution_floor() {
    // (set, precision floor, recall floor)
    let floors: &[(&str, f64, f64)] = &[
        ("news", 0.90, 0.90),
        ("heldout", 0.85, 0.85),
        ("blind", 0.80, 0.80),
        ("blind2", 0.80, 0.80),
        ("blind3", 0.80, 0.80),
    ];
    for (set, p, r) in floors {
        let s = eval::score(&eval::load(set), false);
        assert!(
            s.found as f64 >= 0.95 * s.gold as f64,
            "{set}: found {} of {}",
            s.found,
            s.gold
        );
        assert!(
            s.precision() >= *p,
            "{set}: precision {:.3} < {p}",
            s.precision()
        );
        assert!(s.recall() >= *r, "{set}: recall {:.3} < {r}", s.recall());
    }
}
