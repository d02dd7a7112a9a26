//! Token precision and recall of HTML main-text extraction on the project's
//! corpus of saved article pages (`tests/corpus/html`).
//!
//! ```text
//! cargo run --example clean_eval            # table and totals
//! cargo run --example clean_eval -- --show blog   # the extracted text of one page
//! cargo run --example clean_eval -- --json        # {page: extracted text}, for scripts/eval/clean_reference.py
//! cargo run --release --example clean_eval -- --set readability   # the benchmark of real sites' pages
//! ```
//!
//! `--set readability` reads `tests/corpus/readability/` (Mozilla Readability's saved pages of real
//! sites) instead, and also prints the mean of the pages' F1, the pages under 0.9, the empty ones
//! and those whose output is mostly not the article (precision under 0.1).

use storydiff::clean::{clean, token_scores, BatchEvidence, Format, TokenScores};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1));
    let json = args.iter().any(|a| a == "--json");
    let readability = args
        .iter()
        .position(|a| a == "--set")
        .and_then(|i| args.get(i + 1))
        .is_some_and(|s| s == "readability");
    let pages = if readability {
        storydiff::eval::readability_pages()
    } else {
        storydiff::eval::html_pages()
    };
    let mut f1s = Vec::new();
    let (mut empty, mut whole) = (Vec::new(), Vec::new());
    let mut out = serde_json::Map::new();
    let mut total = TokenScores::default();
    if !json {
        println!(
            "{:<20} {:>9} {:>9} {:>9}",
            "page", "precision", "recall", "f1"
        );
    }
    for page in pages {
        let (name, html) = (&page.name, &page.html);
        let cleaned = clean(html, Format::Html, &BatchEvidence::default(), &[]);
        let s = token_scores(cleaned.body.as_str(), &page.expected);
        if show == Some(name) {
            println!("----- {name}\n{}\n-----", cleaned.body.as_str());
            for r in &cleaned.removed {
                let t: String = r.span.of(html).chars().take(70).collect();
                println!("  [{}] {:?}", r.reason, t);
            }
        }
        total = total.add(&s);
        f1s.push((s.f1(), name.clone()));
        if cleaned.body.as_str().trim().is_empty() {
            empty.push(name.clone());
        } else if s.precision < 0.1 {
            whole.push(name.clone());
        }
        if json {
            out.insert(name.clone(), cleaned.body.as_str().into());
            continue;
        }
        println!(
            "{:<20} {:>9.3} {:>9.3} {:>9.3}",
            name,
            s.precision,
            s.recall,
            s.f1()
        );
    }
    if json {
        println!("{}", serde_json::Value::Object(out));
        return;
    }
    println!(
        "{:<20} {:>9.3} {:>9.3} {:>9.3}   ({} of {} extracted tokens expected, {} expected)",
        "all (micro)",
        total.precision,
        total.recall,
        total.f1(),
        total.overlap,
        total.extracted,
        total.expected
    );
    let mean = f1s.iter().map(|f| f.0).sum::<f64>() / f1s.len().max(1) as f64;
    let low: Vec<_> = f1s.iter().filter(|f| f.0 < 0.9).collect();
    println!(
        "{} pages: mean page F1 {mean:.3}; {} under 0.9; {} empty {:?}; {} with precision under 0.1 {:?}",
        f1s.len(),
        low.len(),
        empty.len(),
        empty,
        whole.len(),
        whole
    );
}
