//! Scores the temporal expression extractor on the hand-annotated set in
//! `tests/eval/timex/` (dev, held-out test, and
//! the five real seed articles).
//!
//! ```text
//! cargo run --release --example timex_eval            # the table
//! cargo run --release --example timex_eval -- -v      # and every error
//! ```

use storydiff::eval::timex;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    println!(
        "{:<6} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6}",
        "part",
        "gold",
        "sys",
        "str-P",
        "str-R",
        "str-F1",
        "rel-P",
        "rel-R",
        "rel-F1",
        "val-P",
        "val-R",
        "val-F1",
        "typ-F1"
    );
    for part in ["dev", "test", "seeds", "challenge", "challenge2"] {
        let docs = timex::load(part);
        let c = timex::score(&docs, |line| {
            if verbose {
                println!("  {line}");
            }
        });
        let (sp, sr, sf) = timex::f1(c.strict, c.system, c.gold);
        let (rp, rr, rf) = timex::f1(c.relaxed, c.system, c.gold);
        let (vp, vr, vf) = timex::f1(c.value, c.system, c.gold);
        println!(
            "{:<6} {:>5} {:>5} | {sp:>6.3} {sr:>6.3} {sf:>6.3} | {rp:>6.3} {rr:>6.3} {rf:>6.3} | {vp:>6.3} {vr:>6.3} {vf:>6.3} | {:>6.3}",
            part, c.gold, c.system, c.type_f1()
        );
    }
    throughput();
}

/// Extraction speed on the seeds (segmentation done beforehand).
fn throughput() {
    use storydiff::extract::{dates, CalendarDate, Doc};
    let texts: Vec<String> = storydiff::eval::seeds()
        .iter()
        .map(|s| storydiff::text::normalize(&s.text).as_str().to_string())
        .collect();
    let segs: Vec<_> = texts.iter().map(|t| storydiff::text::segment(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds = 200;
    let start = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for (t, seg) in texts.iter().zip(&segs) {
            let doc = Doc {
                text: t,
                seg,
                anchor: CalendarDate::new(2022, 3, 19),
                language: None,
            };
            found += dates(&doc).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "throughput: {:.1} MB/s over the seeds ({} bytes x {rounds}, {} findings a round)",
        (bytes * rounds) as f64 / secs / 1e6,
        bytes,
        found / rounds
    );
}
