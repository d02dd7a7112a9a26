//! [`WordIndex`]: a compiled-in word list indexed by word on first use, for
//! lookups in hot loops (every token of every text).
//!
//! ```
//! use storydiff::lexicon::WordIndex;
//! static UNITS: WordIndex<(&str, u32)> = WordIndex::new(&[("day", 1), ("week", 7)], |r| r.0);
//! assert_eq!(UNITS.get("week"), Some(&("week", 7)));
//! assert!(!UNITS.contains("month"));
//! ```

use std::sync::OnceLock;

use super::Map;

/// The rows of a word list (`lexicon::lists`) and a hash index of them by
/// word, built the first time it is read: a lookup costs one FNV hash,
/// whatever the list's length or order. Where a word has several rows, the
/// first one counts, as in a scan of the list in order.
pub struct WordIndex<T: 'static> {
    rows: &'static [T],
    word: fn(&T) -> &'static str,
    index: OnceLock<Map<&'static str, &'static T>>,
}

impl<T> WordIndex<T> {
    /// An index of `rows` by the word `word` reads in each.
    pub const fn new(rows: &'static [T], word: fn(&T) -> &'static str) -> WordIndex<T> {
        WordIndex {
            rows,
            word,
            index: OnceLock::new(),
        }
    }

    /// The first row of `word`.
    pub fn get(&self, word: &str) -> Option<&'static T> {
        let index = self.index.get_or_init(|| {
            let mut index = Map::default();
            for row in self.rows {
                index.entry((self.word)(row)).or_insert(row);
            }
            index
        });
        index.get(word).copied()
    }

    /// Whether `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}
