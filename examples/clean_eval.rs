//! Token precision and recall of HTML main-text extraction on the project's
//! corpus of saved article pages (`tests/corpus/html`).
//!
//! ```text
//! cargo run --example clean_eval            # table and totals
//! cargo run --example clean_eval -- --show blog   # the extracted text of one page
//! cargo run --example clean_eval -- --json        # {page: extracted text}, for scripts/eval/clean_reference.py
//! ```

use storydiff::clean::{clean, token_scores, BatchEvidence, Format, TokenScores};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1));
    let json = args.iter().any(|a| a == "--json");
    let mut out = serde_json::Map::new();
    let mut total = TokenScores::default();
    if !json {
        println!(
            "{:<20} {:>9} {:>9} {:>9}",
            "page", "precision", "recall", "f1"
        );
    }
    for page in storydiff::eval::html_pages() {
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
}
