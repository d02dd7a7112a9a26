//! The shared corpus: the seed articles, analyzed once per test binary.

use std::sync::OnceLock;
use storydiff::{analyze_batch, Article, Input};

/// Every `seeds/*.txt` as (file stem, text), sorted by name.
pub fn seed_texts() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("seeds/ is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// The seeds analyzed as one batch, as the CLI and the page do.
pub fn seed_articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let inputs: Vec<Input> = seed_texts()
            .into_iter()
            .map(|(id, text)| {
                let mut input = Input::new(id.clone(), text);
                input.file_name = Some(format!("{id}.txt"));
                input
            })
            .collect();
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
