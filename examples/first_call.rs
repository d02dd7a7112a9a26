//! What the first call pays that later calls do not: the seeds analyzed and
//! compared (as the page's examples are) three times in one process, each call
//! timed. `cargo run --release --example first_call` (exploration aid).

use std::time::Instant;
use storydiff::compare::Overrides;
use storydiff::report::{self, Mode};

fn main() {
    let inputs: Vec<storydiff::Input> = storydiff::eval::seeds()
        .iter()
        .enumerate()
        .map(|(i, s)| storydiff::Input::new(i.to_string(), s.text.clone()))
        .collect();
    for call in 1..=3 {
        let s = Instant::now();
        let articles = storydiff::analyze_batch(&inputs).unwrap();
        let analyzed = s.elapsed().as_secs_f64() * 1e3;
        let s = Instant::now();
        let report = report::of_articles(&articles, Mode::Compare, &Overrides::default());
        let compared = s.elapsed().as_secs_f64() * 1e3;
        let s = Instant::now();
        let json = serde_json::to_string(&report).unwrap();
        let written = s.elapsed().as_secs_f64() * 1e3;
        println!(
            "call {call}: analyze {analyzed:8.3} ms, compare {compared:8.3} ms, JSON {written:6.3} ms ({} bytes)",
            json.len()
        );
    }
}
