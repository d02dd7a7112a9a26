//! The shared corpus: the seed articles (read by [`storydiff::eval::seeds`]), analyzed once
//! per test run.

use std::sync::OnceLock;
use storydiff::eval::seeds;
use storydiff::extract::Doc;
use storydiff::text;
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

/// `f` of the document of `text` (an analysis text) read in `language`, with no anchor day.
#[allow(dead_code)]
pub fn with_doc<R>(text: &str, language: &str, f: impl FnOnce(&Doc) -> R) -> R {
    let seg = text::segment(text);
    f(&Doc {
        text,
        seg: &seg,
        anchor: None,
        language: Some(language),
    })
}

/// The analysis text (normalized input) of the seed `prefix`, and `f` of its English document.
#[allow(dead_code)]
pub fn with_seed_doc<R>(prefix: &str, f: impl FnOnce(&Doc) -> R) -> (String, R) {
    let t = text::normalize(&storydiff::eval::seed(prefix).text);
    let r = with_doc(t.as_str(), "en", f);
    (t.as_str().to_string(), r)
}
