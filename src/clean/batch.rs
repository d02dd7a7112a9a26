//! [`BatchEvidence`]: lines that recur across the articles of one batch.
//!
//! Articles dropped together often come from the same sites and carry the
//! same furniture ("Leave a Reply", "Stay tuned to ..."). A short line found
//! in two or more articles of the batch is counted as furniture; a short line
//! that ends like a sentence needs three articles, since wire copy
//! republished by two outlets shares real sentences. The title line of an
//! article is never judged by this (two outlets may share a headline).
//!
//! ```
//! use storydiff::clean::BatchEvidence;
//! let batch = BatchEvidence::gather(&[
//!     "Story one\n\nFirst story text.\n\nFollow Example Daily",
//!     "Story two\n\nSecond story text.\n\nFollow Example Daily",
//! ]);
//! assert!(batch.is_furniture("Follow Example Daily"));
//! assert!(!batch.is_furniture("First story text."));
//! ```

use super::boilerplate::{ends_sentence, more_words_than};
use super::Prepared;
use crate::text::hash::{FastMap, FastSet};
use crate::text::{count_words, lines_inclusive, lower_line, spaced_words};

/// Most words a recurring line may have to count as furniture.
const MAX_WORDS: usize = 12;

/// Evidence gathered over the whole batch.
#[derive(Clone, Debug, Default)]
pub struct BatchEvidence {
    /// Normalized line -> number of articles it occurs in.
    counts: FastMap<String, usize>,
}

/// The form a line is counted under: its words joined by single spaces, in
/// lower case.
fn key(line: &str) -> String {
    if is_ascii_joined_by_spaces(line) {
        // Most lines: the words are joined so already.
        return line.to_ascii_lowercase();
    }
    let mut key = String::with_capacity(line.len());
    // The words as `split_whitespace` gives them, ASCII judged by its byte.
    for w in spaced_words(line) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
    if key.is_ascii() {
        key.make_ascii_lowercase();
        key
    } else {
        // Curly quotes and accents, most of what is not ASCII, lower to
        // themselves: only the ASCII is lowered, without decoding.
        lower_line(&key)
    }
}

/// Whether `line` is ASCII whose words are joined by single spaces: no
/// white space at its ends, none but the space, and no two in a row. Read a
/// byte at a time: white space and control bytes are all at most `b' '`.
fn is_ascii_joined_by_spaces(line: &str) -> bool {
    let mut prev = b' ';
    for &b in line.as_bytes() {
        if !(b' '..0x80).contains(&b) || b == b' ' && prev == b' ' {
            return false;
        }
        prev = b;
    }
    prev != b' '
}

impl BatchEvidence {
    /// Gathers the evidence from the texts of a batch (raw inputs; HTML is
    /// read through its extracted text).
    pub fn gather(inputs: &[&str]) -> BatchEvidence {
        BatchEvidence::gather_with(inputs, |_, _| {})
    }

    /// [`BatchEvidence::gather`], handing each input's preparation to `each`
    /// (with the input's index) once its lines are counted; a batch of
    /// fewer than two inputs gathers nothing and hands nothing.
    pub(crate) fn gather_with(
        inputs: &[&str],
        mut each: impl FnMut(usize, Prepared),
    ) -> BatchEvidence {
        let mut counts: FastMap<String, usize> = FastMap::default();
        if inputs.len() < 2 {
            return BatchEvidence { counts };
        }
        for (k, input) in inputs.iter().enumerate() {
            let format = super::Format::detect(None, input);
            let prepared = super::prepare(input, format);
            let lines: FastSet<String> = lines_inclusive(prepared.text().as_str())
                .map(str::trim)
                .filter(|l| !l.is_empty() && !more_words_than(l, MAX_WORDS))
                .map(key)
                .collect();
            for l in lines {
                *counts.entry(l).or_default() += 1;
            }
            each(k, prepared);
        }
        counts.retain(|_, n| *n >= 2);
        BatchEvidence { counts }
    }

    /// Whether `line` is furniture by the evidence of the batch.
    pub fn is_furniture(&self, line: &str) -> bool {
        !self.counts.is_empty() && self.is_furniture_counted(line, count_words(line, MAX_WORDS + 1))
    }

    /// [`BatchEvidence::is_furniture`] for a caller that has counted the
    /// `words` of `line` already (as far as `MAX_WORDS + 1` at least).
    pub(crate) fn is_furniture_counted(&self, line: &str, words: usize) -> bool {
        let line = line.trim();
        if self.counts.is_empty() || words > MAX_WORDS {
            return false;
        }
        let n = self.counts.get(&key(line)).copied().unwrap_or(0);
        n >= 3 || n >= 2 && !ends_sentence(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line's key is its words as `split_whitespace` gives them,
    /// joined by single spaces and lowered.
    #[test]
    fn key_is_the_lowered_words_joined_by_spaces() {
        for line in [
            "",
            " ",
            "Follow Example Daily",
            "Follow  Example Daily",
            " Follow Example Daily",
            "Follow Example Daily ",
            "Follow\tExample\nDaily",
            "Follow\u{a0}Example Daily",
            "Leave a Reply — ÉTÉ",
            "x\u{1}y Z",
            "A",
        ] {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(key(line), words.join(" ").to_lowercase(), "{line:?}");
        }
    }
}
