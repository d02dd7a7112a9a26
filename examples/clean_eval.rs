//! Token precision and recall of HTML main-text extraction on the project's
//! corpus of saved article pages (`tests/corpus/html`).
//!
//! ```text
//! cargo run --example clean_eval            # table and totals
//! cargo run --example clean_eval -- --show blog   # the extracted text of one page
//! cargo run --example clean_eval -- --json        # {page: extracted text}, for scripts/clean_reference.py
//! ```

use storydiff::clean::{clean, token_scores, BatchEvidence, Format, TokenScores};
use storydiff::text::decode;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1));
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/html");
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let json = args.iter().any(|a| a == "--json");
    let mut out = serde_json::Map::new();
    let mut total = TokenScores::default();
    if !json {
        println!(
            "{:<20} {:>9} {:>9} {:>9}",
            "page", "precision", "recall", "f1"
        );
    }
    for path in pages {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let html = decode(&std::fs::read(&path).expect("page")).text;
        let expected = std::fs::read_to_string(path.with_extension("txt")).expect("expected text");
        let cleaned = clean(&html, Format::Html, &BatchEvidence::default(), &[]);
        let s = token_scores(cleaned.body.as_str(), &expected);
        if show == Some(&name) {
            println!("----- {name}\n{}\n-----", cleaned.body.as_str());
            for r in &cleaned.removed {
                let t: String = r.span.of(&html).chars().take(70).collect();
                println!("  [{}] {:?}", r.reason, t);
            }
        }
        total = total.add(&s);
        if json {
            out.insert(name, cleaned.body.as_str().into());
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
