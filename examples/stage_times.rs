//! Where analysis time goes: each stage of the pipeline timed over the seeds.
//! `cargo run --release --example stage_times` (exploration aid; benchmarks
//! proper are `cargo bench --bench pipeline`).

use std::time::Instant;
use storydiff::clean::{clean, BatchEvidence, Format};
use storydiff::extract::{self, Doc};
use storydiff::text::{normalize, segment};

fn main() {
    let texts: Vec<String> = storydiff::eval::seeds()
        .iter()
        .map(|s| s.text.clone())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let rounds = 50;
    let mut t = [0f64; 8];
    let names = [
        "clean",
        "normalize",
        "segment",
        "metadata",
        "entities",
        "dates",
        "quantities",
        "quotes",
    ];
    // Warm up the lazily built lexicons once.
    let _ = storydiff::analyze_batch(&[storydiff::Input::new("w", texts[0].clone())]);
    for _ in 0..rounds {
        let evidence = BatchEvidence::gather(&refs);
        for text in &texts {
            let s = Instant::now();
            let cleaned = clean(text, Format::Plain, &evidence, &[]);
            t[0] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let norm = normalize(cleaned.body.as_str());
            t[1] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let seg = segment(norm.as_str());
            t[2] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let meta = extract::metadata(text, Format::Plain, &cleaned.body);
            t[3] += s.elapsed().as_secs_f64();
            let doc = Doc {
                text: norm.as_str(),
                seg: &seg,
                anchor: None,
                language: meta.language.as_ref().map(|f| f.value.as_str()),
            };
            let s = Instant::now();
            let ents = extract::entities(&doc);
            t[4] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let _ = extract::dates(&doc);
            t[5] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let _ = extract::quantities(&doc);
            t[6] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let _ = extract::quotes(&doc, &ents);
            t[7] += s.elapsed().as_secs_f64();
        }
    }
    let inputs: Vec<storydiff::Input> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| storydiff::Input::new(i.to_string(), t.clone()))
        .collect();
    let s = Instant::now();
    for _ in 0..rounds {
        let _ = storydiff::analyze_batch(&inputs).unwrap();
    }
    let whole = s.elapsed().as_secs_f64() * 1e3 / rounds as f64;
    let articles = storydiff::analyze_batch(&inputs).unwrap();
    let s = Instant::now();
    for _ in 0..rounds {
        let _ = storydiff::compare(&articles);
    }
    let comparing = s.elapsed().as_secs_f64() * 1e3 / rounds as f64;
    let total: f64 = t.iter().sum();
    for (n, v) in names.iter().zip(t) {
        println!(
            "{n:>11}: {:7.3} ms per batch ({:4.1}%)",
            v * 1e3 / rounds as f64,
            100.0 * v / total
        );
    }
    println!(
        "{:>11}: {:7.3} ms per batch",
        "total",
        total * 1e3 / rounds as f64
    );
    println!("analyze_batch as a whole: {whole:.3} ms; compare: {comparing:.3} ms");
}
