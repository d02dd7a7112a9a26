//! The shared corpus: the seed articles (read by [`storydiff::eval::seeds`]), analyzed once
//! per test run.

use std::sync::OnceLock;
use storydiff::eval::seeds;
use storydiff::{analyze_batch, Article, Input};

/// The seeds analyzed as one batch, as the CLI and the page do.
pub fn seed_articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let inputs: Vec<Input> = seeds().iter().map(|s| s.input()).collect();
        analyze_batch(&inputs).expect("seeds analyze")
    })
}

/// The seed whose id starts with `prefix` ("000", "001", ...).
#[allow(dead_code)]
pub fn seed(prefix: &str) -> &'static Article {
    seed_articles()
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}
