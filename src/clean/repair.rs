//! Paragraph repair: a paragraph broken in the middle of a sentence.
//!
//! Copying from a web page often splits one paragraph in two ("... a square
//! designated for" / "demonstrations was being used ..."). [`should_join`]
//! says when two neighbouring lines are one sentence: the first has several
//! words and stops without closing punctuation on a word or a comma, and the
//! second starts with a lower-case letter. The line stage then replaces the
//! break by one space (a replaced piece, so offsets still map).
//!
//! ```
//! use storydiff::clean::should_join;
//! assert!(should_join("a letter explaining that a square designated for", "demonstrations was being used."));
//! assert!(!should_join("The rally was banned.", "officials said"));
//! assert!(!should_join("Kazakhstan: dozens of arrests", "Several dozen were held."));
//! ```

use super::boilerplate::more_words_than;

/// Whether `before` and `after` (two neighbouring lines) are one sentence.
pub fn should_join(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let Some(last) = before.chars().last() else {
        return false;
    };
    let Some(first) = after.trim_start().chars().next() else {
        return false;
    };
    // Words are counted last: most lines start with a capital.
    first.is_lowercase()
        && (last.is_alphanumeric() && !last.is_uppercase() || last == ',')
        && more_words_than(before, 5)
}
