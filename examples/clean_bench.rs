//! Throughput of cleaning (and metadata) on the seeds, the HTML corpus, and
//! a large synthetic page. Run in release:
//!
//! ```text
//! cargo run --release --example clean_bench
//! ```

use std::time::Instant;
use storydiff::clean::{clean, BatchEvidence, Format};
use storydiff::extract::metadata;

fn run(name: &str, inputs: &[(String, Format)], rounds: usize) {
    let bytes: usize = inputs.iter().map(|(t, _)| t.len()).sum();
    let start = Instant::now();
    for _ in 0..rounds {
        for (text, format) in inputs {
            let c = clean(text, *format, &BatchEvidence::default(), &[]);
            let m = metadata(text, *format, &c.body);
            std::hint::black_box((c, m));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{name:<28} {:>9} bytes x {rounds:>4}: {:>8.2} ms/round, {:>7.1} MB/s",
        bytes,
        secs * 1e3 / rounds as f64,
        mb / secs
    );
}

fn main() {
    let seeds: Vec<(String, Format)> = storydiff::eval::seeds()
        .iter()
        .map(|s| (s.text.clone(), Format::Plain))
        .collect();
    let pages: Vec<(String, Format)> = storydiff::eval::html_pages()
        .iter()
        .map(|p| (p.html.clone(), Format::Html))
        .collect();
    run("seeds (plain text)", &seeds, 200);
    run("HTML corpus", &pages, 50);
    // One large page: the corpus pages' bodies repeated inside one document.
    let mut big = String::from("<html><body>");
    while big.len() < 1_000_000 {
        for (p, _) in &pages {
            let body = p.split("<body").nth(1).unwrap_or("");
            big.push_str("<div");
            big.push_str(body);
        }
    }
    run("1 MB synthetic HTML page", &[(big, Format::Html)], 5);
    let plain: String = seeds
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
        .repeat(80);
    run("1 MB plain text", &[(plain, Format::Plain)], 5);
}
