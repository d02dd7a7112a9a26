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
//! `--set readability` reads `tests/corpus/readability/` (Readability's saved pages of real sites)
//! instead, and prints the totals of its held-out pages, its development pages and all: micro
//! scores, the mean of the pages' F1, the pages under 0.9, the empty ones and those where the whole
//! page came out (precision under 0.1 with more tokens than the article has).

use storydiff::clean::{clean, token_scores, BatchEvidence, Format, TokenScores};

/// One page's result.
struct Row {
    name: String,
    scores: TokenScores,
    empty: bool,
}

impl Row {
    /// Precision under 0.1 with more tokens than the article: the page, not the article.
    fn whole_page(&self) -> bool {
        !self.empty && self.scores.precision < 0.1 && self.scores.extracted > self.scores.expected
    }
}

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
    let mut rows = Vec::new();
    let mut out = serde_json::Map::new();
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
        if json {
            out.insert(name.clone(), cleaned.body.as_str().into());
        } else {
            println!(
                "{:<20} {:>9.3} {:>9.3} {:>9.3}",
                name,
                s.precision,
                s.recall,
                s.f1()
            );
        }
        rows.push(Row {
            name: name.clone(),
            empty: cleaned.body.as_str().trim().is_empty(),
            scores: s,
        });
    }
    if json {
        println!("{}", serde_json::Value::Object(out));
        return;
    }
    if readability {
        let held = storydiff::eval::readability_heldout();
        let (h, d): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|r| held.contains(&r.name));
        summary("held-out", &h);
        summary("development", &d);
    }
    summary("all", &rows.iter().collect::<Vec<_>>());
}

/// The totals of `rows`: micro scores, mean page F1, low, empty and whole pages.
fn summary(label: &str, rows: &[&Row]) {
    let mut total = TokenScores::default();
    for r in rows {
        total = total.add(&r.scores);
    }
    let f1s: Vec<f64> = rows.iter().map(|r| r.scores.f1()).collect();
    let mean = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    let names = |keep: &dyn Fn(&Row) -> bool| -> Vec<&str> {
        rows.iter()
            .filter(|r| keep(r))
            .map(|r| r.name.as_str())
            .collect()
    };
    let (empty, whole) = (names(&|r| r.empty), names(&|r| r.whole_page()));
    println!(
        "{label} (micro, {} pages): P {:.3} R {:.3} F1 {:.3}; mean page F1 {mean:.3}; {} under 0.9; \
         {} empty {empty:?}; {} whole page {whole:?}   ({} of {} extracted tokens expected, {} expected)",
        rows.len(),
        total.precision,
        total.recall,
        total.f1(),
        f1s.iter().filter(|&&f| f < 0.9).count(),
        empty.len(),
        whole.len(),
        total.overlap,
        total.extracted,
        total.expected
    );
}
