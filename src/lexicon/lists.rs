//! The word lists of each stage, generated at build time from
//! `data/words/<stage>/<meaning>.tsv` (see `data/words/README.md`):
//! `data/words/quotes/speech_verbs.tsv` is `quotes::SPEECH_VERBS` here.
//! Each list keeps the order of its file; its documentation is the file's
//! leading comments (what it means, where it came from, its licence).
//!
//! A list of words alone is a [`Words`]: its words are compiled in as one
//! string, one word a line, and read into a slice the first time it is used,
//! which it then derefs to (`&[&str]`), so that the module carries no table
//! of a pointer and a length per word. A list with values is a slice of
//! tuples.

#![allow(missing_docs)]

use std::ops::Deref;
use std::sync::OnceLock;

/// A list of words, stored as the words one a line, read into a slice on
/// first use (see the module documentation).
pub struct Words {
    lines: &'static str,
    words: OnceLock<&'static [&'static str]>,
}

impl Words {
    /// The list of the lines of `lines` (each ending with `\n`).
    pub const fn new(lines: &'static str) -> Words {
        Words {
            lines,
            words: OnceLock::new(),
        }
    }

    /// The words, in the order of the list.
    pub fn words(&self) -> &'static [&'static str] {
        self.words.get_or_init(|| leaked_lines(self.lines))
    }
}

/// The lines of `text`, which hold no `\r` (what `text.lines()` yields), in a
/// slice kept as long as the program. A list's lines are words a few bytes
/// long: a plain scan for their ends costs a fraction of `str::lines`, whose
/// search for each line's end has a fixed cost larger than the line.
pub(crate) fn leaked_lines(text: &'static str) -> &'static [&'static str] {
    let mut lines = Vec::new();
    let mut start = 0;
    let ends = text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
    for (end, _) in ends {
        lines.push(&text[start..end]);
        start = end + 1;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    Box::leak(lines.into_boxed_slice())
}

impl Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        self.words()
    }
}

impl IntoIterator for &'static Words {
    type Item = &'static &'static str;
    type IntoIter = std::slice::Iter<'static, &'static str>;

    fn into_iter(self) -> Self::IntoIter {
        self.words().iter()
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.words()).finish()
    }
}

include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_words_in_order() {
        static LIST: Words = Words::new("said\ntold\n\u{fc}ber\n");
        assert_eq!(*LIST, ["said", "told", "über"]);
        assert_eq!(LIST.len(), 3);
        assert_eq!((&LIST).into_iter().nth(1), Some(&"told"));
        static EMPTY: Words = Words::new("");
        assert!(EMPTY.is_empty());
        for text in ["", "\n", "a", "a\n", "a\n\nb", "été\nb\n"] {
            assert_eq!(
                leaked_lines(text),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
