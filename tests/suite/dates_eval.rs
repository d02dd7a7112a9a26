//! Quality floors on the hand-annotated temporal set (`tests/eval/timex/`).
//! The figures themselves: `cargo run --release --example timex_eval`.
//! HeidelTime's TempEval-3 value F1 was about 0.78; the floors sit above it.

use storydiff::eval::timex;

fn counts(part: &str) -> timex::Counts {
    timex::score(&timex::load(part), |_| {})
}

#[test]
fn the_sets_are_big_enough() {
    let total: usize = ["dev", "test"].iter().map(|p| counts(p).gold).sum();
    assert!(total >= 120, "{total} gold expressions");
}

#[test]
fn floors() {
    // (part, strict span F1, relaxed span F1, value F1)
    let floors = [
        ("dev", 0.90, 0.95, 0.90),
        ("test", 0.85, 0.90, 0.85),
        ("seeds", 0.85, 0.90, 0.85),
        ("challenge", 0.85, 0.90, 0.80),
        ("challenge2", 0.85, 0.90, 0.80),
    ];
    for (part, strict, relaxed, value) in floors {
        let c = counts(part);
        assert!(
            c.strict_f1() >= strict,
            "{part} strict span F1 {:.3}",
            c.strict_f1()
        );
        assert!(
            c.relaxed_f1() >= relaxed,
            "{part} relaxed span F1 {:.3}",
            c.relaxed_f1()
        );
        assert!(c.value_f1() >= value, "{part} value F1 {:.3}", c.value_f1());
    }
}
