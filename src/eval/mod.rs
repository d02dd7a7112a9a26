//! Evaluation support shared by the tests, the examples and the benchmarks: the corpora they
//! read and the scorers of the stages' test sets (`tests/eval/`). Not part of the product:
//! hidden from the documentation, and no stage uses it (it sits above all of them).
//!
//! - [`seeds()`] / [`seed()`]: the seed articles (`seeds/*.txt`), read once;
//!   [`html_pages()`]: the saved pages of `tests/corpus/html/` with their expected text;
//!   [`readability_pages()`]: the benchmark of real sites' pages in `tests/corpus/readability/`.
//! - [`timex`]: TempEval-3 span and value F1 of temporal expressions.
//! - [`quotes`]: quote finding and speaker attribution.
//! - [`clusters`]: B-cubed scores of a clustering.
//! - [`entities`]: exact-match precision and recall of people, organisations and places.
//! - [`factdiff`]: recall per class and precision of the fact diff on labelled pairs.
//!
//! It is a hidden module of the library rather than code shared through `#[path]` so that the
//! integration tests, the browser tests, the examples and the benchmarks import one thing, and
//! rather than a cargo feature so that `cargo test`, `cargo run --example` and `cargo bench` need
//! no flag (a feature would need `required-features` on every target or a dependency of the
//! crate on itself). Nothing in the pipeline calls it, so the CLI and the wasm module do not
//! carry it.
//!
//! ```
//! let seed = storydiff::eval::seed("000");
//! assert_eq!(seed.file_name(), format!("{}.txt", seed.id));
//! ```

pub mod clusters;
pub mod entities;
pub mod factdiff;
mod pages;
pub mod quotes;
mod seeds;
pub mod timex;

pub use pages::{readability_heldout, readability_pages, READABILITY_DIR};
pub use seeds::{html_page, html_pages, seed, seeds, HtmlPage, Seed, HTML_DIR, SEEDS_DIR};
