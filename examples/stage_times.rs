//! Where analysis time goes: each stage of the pipeline timed on its own,
//! over the seeds or over the first articles of a JSON Lines corpus.
//!
//! ```text
//! cargo run --release --example stage_times                         # the seeds, 400 rounds
//! cargo run --release --example stage_times -- target/bench/corpus-10.jsonl 400 5
//! ```
//!
//! (corpus, how many articles (400), rounds (5)). Each stage runs over the whole batch
//! `rounds` times in a row on the outputs of the stages before it, and is
//! timed in the CPU time of this thread (Linux; wall time elsewhere), so a busy
//! machine changes the figures less. That clock moves at the scheduler's
//! pace (a few milliseconds), so give rounds enough for every stage to take
//! a good part of a second. An exploration aid: benchmarks proper
//! are `cargo bench --bench pipeline` and `--bench scaling`.

use std::time::Instant;
use storydiff::clean::{clean, BatchEvidence, Format};
use storydiff::extract::{self, Doc};
use storydiff::text::{normalize, segment};

/// This thread's CPU time in seconds (`/proc/thread-self/schedstat`), or
/// `None` where the system does not say.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// The seconds `f` takes, in CPU time where known (and whether it was).
fn time(mut f: impl FnMut()) -> (f64, bool) {
    let (c, w) = (cpu_seconds(), Instant::now());
    f();
    match (c, cpu_seconds()) {
        (Some(a), Some(b)) => (b - a, true),
        _ => (w.elapsed().as_secs_f64(), false),
    }
}

/// The texts: the seeds, or the first `n` articles of a JSON Lines corpus.
fn texts(args: &[String]) -> Vec<String> {
    let Some(path) = args.first() else {
        return (storydiff::eval::seeds().iter())
            .map(|s| s.text.clone())
            .collect();
    };
    let n: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(400);
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (data.lines().filter(|l| !l.trim().is_empty()).take(n))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON Lines record");
            v["text"].as_str().expect("a text field").to_string()
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts = texts(&args);
    let default_rounds = if args.is_empty() { 400 } else { 5 };
    let rounds: usize = (args.get(2).and_then(|n| n.parse().ok())).unwrap_or(default_rounds);
    let bytes: usize = texts.iter().map(String::len).sum();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    // Warm up the lazily built lexicons once.
    let _ = storydiff::analyze_batch(&[storydiff::Input::new("w", texts[0].clone())]);

    // Each stage's outputs, made once, feed the stages after it.
    let evidence = BatchEvidence::gather(&refs);
    let cleaned: Vec<_> = (texts.iter())
        .map(|t| clean(t, Format::Plain, &evidence, &[]))
        .collect();
    let norms: Vec<_> = cleaned.iter().map(|c| normalize(c.body.as_str())).collect();
    let segs: Vec<_> = norms.iter().map(|n| segment(n.as_str())).collect();
    let metas: Vec<_> = (texts.iter().zip(&cleaned))
        .map(|(t, c)| extract::metadata(t, Format::Plain, &c.body))
        .collect();
    let docs: Vec<Doc> = (0..texts.len())
        .map(|i| Doc {
            text: norms[i].as_str(),
            seg: &segs[i],
            anchor: None,
            language: metas[i].language.as_ref().map(|f| f.value.as_str()),
        })
        .collect();
    let ents: Vec<_> = docs.iter().map(extract::entities).collect();

    let mut stages: Vec<(&str, f64)> = Vec::new();
    let mut cpu = true;
    let mut run = |name: &'static str, f: &mut dyn FnMut()| {
        let (s, c) = time(|| (0..rounds).for_each(|_| f()));
        cpu &= c;
        stages.push((name, s));
    };
    run("clean", &mut || {
        let evidence = BatchEvidence::gather(&refs);
        for t in &texts {
            std::hint::black_box(clean(t, Format::Plain, &evidence, &[]));
        }
    });
    run("normalize", &mut || {
        cleaned.iter().for_each(|c| {
            std::hint::black_box(normalize(c.body.as_str()));
        })
    });
    run("segment", &mut || {
        norms.iter().for_each(|n| {
            std::hint::black_box(segment(n.as_str()));
        })
    });
    run("metadata", &mut || {
        for (t, c) in texts.iter().zip(&cleaned) {
            std::hint::black_box(extract::metadata(t, Format::Plain, &c.body));
        }
    });
    run("entities", &mut || {
        docs.iter().for_each(|d| {
            std::hint::black_box(extract::entities(d));
        })
    });
    run("dates", &mut || {
        docs.iter().for_each(|d| {
            std::hint::black_box(extract::dates(d));
        })
    });
    run("quantities", &mut || {
        docs.iter().for_each(|d| {
            std::hint::black_box(extract::quantities(d));
        })
    });
    run("quotes", &mut || {
        docs.iter().zip(&ents).for_each(|(d, e)| {
            std::hint::black_box(extract::quotes(d, e));
        })
    });

    let inputs: Vec<storydiff::Input> = (texts.iter().enumerate())
        .map(|(i, t)| storydiff::Input::new(i.to_string(), t.clone()))
        .collect();
    let (whole, _) = time(|| {
        for _ in 0..rounds {
            std::hint::black_box(storydiff::analyze_batch(&inputs).unwrap());
        }
    });
    let articles = storydiff::analyze_batch(&inputs).unwrap();
    let (comparing, _) = time(|| {
        for _ in 0..rounds {
            std::hint::black_box(storydiff::compare(&articles));
        }
    });

    let per_batch = |s: f64| s * 1e3 / rounds as f64;
    let total: f64 = stages.iter().map(|(_, s)| s).sum();
    println!(
        "{} texts, {bytes} bytes, {rounds} rounds; {} time",
        texts.len(),
        if cpu { "CPU" } else { "wall" }
    );
    for (name, s) in &stages {
        println!(
            "{name:>11}: {:8.3} ms per batch ({:4.1}%)",
            per_batch(*s),
            100.0 * s / total
        );
    }
    println!("{:>11}: {:8.3} ms per batch", "total", per_batch(total));
    println!(
        "analyze_batch as a whole: {:.3} ms ({:.2} MB/s); compare: {:.3} ms",
        per_batch(whole),
        bytes as f64 * rounds as f64 / whole / 1e6,
        per_batch(comparing)
    );
}
