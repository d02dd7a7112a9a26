//! Token precision and recall of an extracted text against the expected one.
//!
//! Tokens are lower-cased runs of letters and digits; the two texts are
//! compared as bags of tokens (each token counts as often as it occurs in
//! both), the measure the CleanEval and trafilatura benchmarks use.
//!
//! ```
//! use storydiff::clean::token_scores;
//! let s = token_scores("the cat sat", "the cat sat down");
//! assert_eq!(s.precision, 1.0);
//! assert_eq!(s.recall, 0.75);
//! ```

use std::collections::HashMap;

/// Precision, recall and their counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TokenScores {
    /// Share of the extracted tokens that were expected.
    pub precision: f64,
    /// Share of the expected tokens that were extracted.
    pub recall: f64,
    /// Tokens in both (bag intersection).
    pub overlap: usize,
    /// Tokens of the extracted text.
    pub extracted: usize,
    /// Tokens of the expected text.
    pub expected: usize,
}

impl TokenScores {
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        }
    }

    /// Adds counts (for micro-averaging over a corpus).
    pub fn add(&self, other: &TokenScores) -> TokenScores {
        scores(
            self.overlap + other.overlap,
            self.extracted + other.extracted,
            self.expected + other.expected,
        )
    }
}

fn scores(overlap: usize, extracted: usize, expected: usize) -> TokenScores {
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    TokenScores {
        precision: ratio(overlap, extracted),
        recall: ratio(overlap, expected),
        overlap,
        extracted,
        expected,
    }
}

/// The tokens of a text.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Scores `extracted` against `expected`.
pub fn token_scores(extracted: &str, expected: &str) -> TokenScores {
    let mut bag: HashMap<String, usize> = HashMap::new();
    let want = tokens(expected);
    for t in &want {
        *bag.entry(t.clone()).or_default() += 1;
    }
    let got = tokens(extracted);
    let mut overlap = 0;
    for t in &got {
        if let Some(n) = bag.get_mut(t).filter(|n| **n > 0) {
            *n -= 1;
            overlap += 1;
        }
    }
    scores(overlap, got.len(), want.len())
}
