//! Fact diff quality on the labelled pairs in `tests/eval/factdiff/`.
//!
//! ```text
//! cargo run --release --example factdiff_eval [-- --verbose]
//! ```
//!
//! Prints, for the held-out part, the tuning part and all: recall per class,
//! the precision of all that is reported (and of conflicts alone), and the
//! share of look-alikes reported as a discrepancy. The scoring is
//! `storydiff::eval::factdiff`.

use storydiff::eval::factdiff::{self, Score};

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let pairs = factdiff::load();
    for (name, split) in [
        ("held out", Some("heldout")),
        ("held out, Wikinews follow-ups", Some("heldout-wikinews")),
        ("held out, second batch of blurbs", Some("heldout-itn2")),
        (
            "held out, quotes in Wikinews follow-ups",
            Some("heldout-quotes"),
        ),
        (
            "held out, quotes of one speaker across Wikinews articles",
            Some("heldout-quotes2"),
        ),
        (
            "held out, third set (blurbs and Wikinews)",
            Some("heldout3"),
        ),
        ("dev", Some("dev")),
        ("all", None),
    ] {
        let n = pairs
            .iter()
            .filter(|p| split.is_none_or(|s| s == p.split))
            .count();
        println!("== {name}: {n} pairs");
        report(&factdiff::score(&pairs, split, verbose));
    }
}

fn report(s: &Score) {
    for (class, (n, found)) in &s.recall {
        println!(
            "recall {class:<14} {:.3} ({found}/{n})",
            *found as f64 / (*n).max(1) as f64
        );
    }
    let all: (usize, usize) = s
        .reported
        .values()
        .fold((0, 0), |x, y| (x.0 + y.0, x.1 + y.1));
    println!(
        "precision, all reported {:.3} ({}/{})",
        s.precision_of(None),
        all.1,
        all.0
    );
    let c = s.reported.get("conflict").copied().unwrap_or_default();
    println!(
        "precision, conflicts    {:.3} ({}/{})",
        s.precision_of(Some("conflict")),
        c.1,
        c.0
    );
    println!(
        "false alarms on look-alikes {:.3} ({}/{})",
        s.false_alarms(),
        s.lookalikes.1,
        s.lookalikes.0
    );
}
