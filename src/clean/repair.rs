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
    continues(last, after, || more_words_than(before, 5))
}

/// [`should_join`] for a `before` known by what it reads of it: `last`, its
/// last character that is not white space, and `long`, whether it has more
/// than five words (asked last: most lines start with a capital). A
/// paragraph rejoined so far need not be copied into one string to be asked.
pub(crate) fn continues(last: char, after: &str, long: impl FnOnce() -> bool) -> bool {
    let Some(first) = after.trim_start().chars().next() else {
        return false;
    };
    first.is_lowercase()
        && (last.is_alphanumeric() && !last.is_uppercase() || last == ',')
        && long()
}
