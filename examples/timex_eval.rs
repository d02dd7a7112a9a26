//! Scores the temporal expression extractor on the hand-annotated set in
//! `tests/eval/timex/` (dev, held-out test, and
//! the five real seed articles).
//!
//! ```text
//! cargo run --release --example timex_eval            # the table
//! cargo run --release --example timex_eval -- -v      # and every error
//! ```

#[path = "../tests/eval/timex/score.rs"]
mod score;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval/timex");
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
        let docs = score::load(&format!("{dir}/{part}.jsonl"));
        let c = score::score(&docs, |line| {
            if verbose {
                println!("  {line}");
            }
        });
        let (sp, sr, sf) = score::f1(c.strict, c.system, c.gold);
        let (rp, rr, rf) = score::f1(c.relaxed, c.system, c.gold);
        let (vp, vr, vf) = score::f1(c.value, c.system, c.gold);
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
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            storydiff::text::normalize(&std::fs::read_to_string(p).unwrap())
                .as_str()
                .to_string()
        })
        .collect();
    texts.sort();
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
            found += dates::extract(&doc).len();
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
