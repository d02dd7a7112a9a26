//! storydiff compares how different outlets report the same news.
//!
//! The pipeline, one stage a module, each reading only the stages before it:
//!
//! 1. [`text`]: decoding, normalization with an offset map, segmentation.
//! 2. [`clean`]: boilerplate and markup removal, each removal with a reason.
//! 3. [`extract`]: metadata, entities, dates, quantities, quotes, events.
//! 4. [`compare`](mod@compare): entity linking across the batch, similarity,
//!    sentence alignment, event clusters, fact diffs.
//! 5. [`report`]: the serde report, the only shape that leaves the core, and
//!    [`report::build`], the whole run from inputs to report.
//!
//! Beside them: [`Article`] (one input and everything found in it, made by
//! [`analyze_batch`] from the first three stages), [`lexicon`] (the word
//! lists every stage reads, from `data/`), and [`Error`]. The `storydiff`
//! CLI (`src/bin/`) and the wasm-bindgen layer (`wasm`, for the page) only
//! convert their callers' types and call [`report::build`].
//! The hidden `eval` module holds the seed corpus and the scorers that tests,
//! examples and benchmarks share.
//! `tests/suite/layers.rs` fails when an import points the wrong way or two
//! modules import each other.
//!
//! An [`Article`] owns its input text exactly as given; every finding is a
//! labelled span, and the report gives each as code point offsets into that
//! input, so a caller can highlight exactly what was pasted.
//!
//! ```
//! use storydiff::{analyze_batch, compare, Input, report::CompareReport};
//! let inputs = vec![
//!     Input::new("a", "Police said 13 people were killed in Almaty on Thursday."),
//!     Input::new("b", "At least eight people were killed in Almaty, police said."),
//! ];
//! let articles = analyze_batch(&inputs).unwrap();
//! let report = CompareReport::new(&articles, &compare(&articles));
//! assert_eq!(report.articles.len(), 2);
//! assert_eq!(report.pairs.len(), 1);
//! ```

#![deny(missing_docs)]

mod article;
mod error;

pub mod clean;
pub mod compare;
pub mod extract;
pub mod lexicon;
pub mod report;
pub mod text;

/// The JavaScript API (`analyze`, `compare`, `compareWithOverrides`,
/// `decodeBytes`, `schemaVersion`); public so that `tests/wasm_browser.rs` can
/// call it as the page does.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The Python module (`--features python`, built by maturin from `python/`).
#[cfg(feature = "python")]
mod python;

// The corpora and scorers that tests, examples and benchmarks share (not part of the API).
#[doc(hidden)]
pub mod eval;

pub use crate::{
    article::{
        analyze, analyze_batch, analyze_batch_reusing, analyze_batch_with, analyze_part, pack,
        unpack, AnalyzeOne, Article, Input, DEFAULT_MAX_BYTES, PACKED_HEADER,
    },
    compare::{compare, Comparison},
    error::Error,
};
