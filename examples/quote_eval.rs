//! Quote attribution quality on the test set in `tests/eval/quotes/`.
//!
//! ```text
//! cargo run --release --example quote_eval [-- --verbose]
//! ```
//!
//! The scoring (what *found* and *attributed* mean) is `storydiff::eval::quotes`.

use storydiff::eval::quotes::{self, Score};

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let mut total = Score::default();
    for name in quotes::SETS {
        let set = quotes::load(name);
        let s = quotes::score(&set, verbose);
        println!("== {name}: {} documents", set.docs.len());
        report(&s);
        total = total.add(&s);
    }
    println!("== all");
    report(&total);
}

fn report(s: &Score) {
    println!(
        "gold quotes: {} ({} with a speaker); found: {} ({:.3}); kind right: {} ({:.3})",
        s.gold,
        s.gold_with_speaker,
        s.found,
        s.found as f64 / s.gold.max(1) as f64,
        s.kind_right,
        s.kind_right as f64 / s.found.max(1) as f64
    );
    println!(
        "attribution: precision {:.3} ({}/{}), recall {:.3} ({}/{}), F1 {:.3}",
        s.precision(),
        s.attributed,
        s.predicted_with_speaker,
        s.recall(),
        s.attributed,
        s.gold_with_speaker,
        s.f1()
    );
}
