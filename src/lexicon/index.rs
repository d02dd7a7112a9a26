//! [`WordIndex`]: a compiled-in word list indexed by word on first use, for
//! lookups in hot loops (every token of every text), through a [`WordMap`]:
//! words and their values behind a [`BitFilter`] of their lengths and ends.
//!
//! ```
//! use storydiff::lexicon::WordIndex;
//! static UNITS: WordIndex<(&str, u32)> = WordIndex::new(&[("day", 1), ("week", 7)], |r| r.0);
//! assert_eq!(UNITS.get("week"), Some(&("week", 7)));
//! assert!(!UNITS.contains("month"));
//! ```

use std::marker::PhantomData;
use std::sync::OnceLock;

use super::lists::Words;
use super::Map;

/// The rows of a word list (`lexicon::lists`) and a hash index of them by
/// word, built the first time it is read: a lookup costs one hash (the
/// lexicon's FxHasher), whatever the list's length or order, and most words in
/// no list are told so by a filter of word lengths and end bytes without
/// hashing them. Where a word has several
/// rows, the first one counts, as in a scan of the list in order.
pub struct WordIndex<T: 'static> {
    rows: Rows<T>,
    word: fn(&T) -> &'static str,
    index: OnceLock<WordMap<&'static T>>,
}

/// The rows of an index: a slice, or a list of words read on first use.
enum Rows<T: 'static> {
    Slice(&'static [T]),
    Words(&'static Words, fn(&'static Words) -> &'static [T]),
}

/// The words of a list of words, as rows.
fn words(list: &'static Words) -> &'static [&'static str] {
    list.words()
}

/// The word of a row of a list of words: the row itself.
fn itself(word: &&'static str) -> &'static str {
    word
}

impl WordIndex<&'static str> {
    /// An index of the words of `list`.
    pub const fn of_words(list: &'static Words) -> WordIndex<&'static str> {
        WordIndex {
            rows: Rows::Words(list, words),
            word: itself,
            index: OnceLock::new(),
        }
    }
}

/// A filter of 4,096 bits, two set by each word of a list from a key of the
/// word's bytes (`K`), by two hashes: a clear one says that a word is in no
/// list; both set, that it may be. A list of 150 words sets about 7% of the
/// bits, so that a word of a text is looked up, in the main, only when a
/// listed word has its key: a word in no list passes the first bit about one
/// time in fourteen (common words of a text collide more), and the second
/// turns away most of those, which one bit alone would leave to be hashed.
pub(crate) struct BitFilter<K> {
    bits: [u64; 64],
    key: PhantomData<K>,
}

/// What of a word a [`BitFilter`] reads: a few of its bytes and its length, in a `u32`.
pub(crate) trait FilterKey {
    /// The key of `word`.
    fn key(word: &[u8]) -> u32;
}

/// The key of [`LengthEnds`]: a word's length and its first and last bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ByLengthEnds;

impl FilterKey for ByLengthEnds {
    #[inline]
    fn key(word: &[u8]) -> u32 {
        length_ends_key(word, |end| end)
    }
}

/// The key of [`ByLengthEnds`], with the first and last bytes read through `end`.
#[inline]
fn length_ends_key(b: &[u8], end: impl Fn(u8) -> u8) -> u32 {
    let (first, last) = match b {
        [] => (0, 0),
        [first, .., last] => (end(*first), end(*last)),
        [only] => (end(*only), end(*only)),
    };
    u32::from(first) | u32::from(last) << 8 | (b.len() as u32) << 16
}

/// A [`BitFilter`] of the lengths and first and last bytes of the words of a list.
pub(crate) type LengthEnds = BitFilter<ByLengthEnds>;

impl<K> Clone for BitFilter<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for BitFilter<K> {}

impl<K> std::fmt::Debug for BitFilter<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("BitFilter").field(&self.bits).finish()
    }
}

impl<K> Default for BitFilter<K> {
    fn default() -> BitFilter<K> {
        BitFilter {
            bits: [0; 64],
            key: PhantomData,
        }
    }
}

impl<K: FilterKey> BitFilter<K> {
    /// The filter bit of `key`.
    #[inline]
    fn bit(key: u32) -> usize {
        (key.wrapping_mul(0x9e37_79b1) >> 20) as usize
    }

    /// The second filter bit of `key`, read only for a word whose first bit is set.
    #[inline]
    fn second_bit(key: u32) -> usize {
        (key.wrapping_mul(0x85eb_ca6b) >> 20) as usize
    }

    /// Sets the bits of `word` (text, or the bytes of a list's key).
    pub(crate) fn insert(&mut self, word: impl AsRef<[u8]>) {
        let key = K::key(word.as_ref());
        for bit in [Self::bit(key), Self::second_bit(key)] {
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether `bit` is set.
    #[inline]
    fn is_set(&self, bit: usize) -> bool {
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `word` may be one of the words inserted (never false for one).
    #[inline]
    pub(crate) fn may_contain(&self, word: impl AsRef<[u8]>) -> bool {
        self.has_key(K::key(word.as_ref()))
    }

    /// Whether a word inserted may have `key`.
    #[inline]
    fn has_key(&self, key: u32) -> bool {
        self.is_set(Self::bit(key)) && self.is_set(Self::second_bit(key))
    }
}

impl LengthEnds {
    /// Whether the lower case of ASCII `word` may be one of the words
    /// inserted: it has the word's length, and its first and last bytes lowered.
    #[inline]
    fn may_contain_ascii_lowered(&self, word: &[u8]) -> bool {
        self.has_key(length_ends_key(word, |end| end.to_ascii_lowercase()))
    }
}

/// Words and a value for each, looked up by word: a hash map behind a
/// [`LengthEnds`] filter, so that most words in no list cost a filter read
/// and no hash. Where a word comes with several values, the first counts.
/// The values are small and copied out (a row's reference, a role, `()`), so
/// that a lookup answers in registers.
pub(crate) struct WordMap<V> {
    filter: LengthEnds,
    map: Map<&'static str, V>,
}

impl<V: Copy> WordMap<V> {
    /// The map of `pairs`, the first value of a word winning.
    pub(crate) fn new(pairs: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let pairs = pairs.into_iter();
        let mut filter = LengthEnds::default();
        // Sized for every pair at once: no growing, and no rehashing of the words already in.
        let mut map = Map::with_capacity_and_hasher(pairs.size_hint().0, Default::default());
        for (word, value) in pairs {
            filter.insert(word);
            map.entry(word).or_insert(value);
        }
        WordMap { filter, map }
    }

    /// The value of `word`.
    ///
    /// Inlined into its callers, which ask it of most words of a text: most
    /// are turned away by the filter in a few instructions, without a call;
    /// the hash lookup of the rest is a call of its own.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        if !self.filter.may_contain(word) {
            return None;
        }
        self.look_up(word)
    }

    /// Whether `word` is one of the words.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The value of `word` in the hash map.
    #[inline(never)]
    fn look_up(&self, word: &str) -> Option<V> {
        self.map.get(word).copied()
    }

    /// The words and their values, in no order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&&'static str, &V)> {
        self.map.iter()
    }
}

impl<T> WordIndex<T> {
    /// An index of `rows` by the word `word` reads in each.
    pub const fn new(rows: &'static [T], word: fn(&T) -> &'static str) -> WordIndex<T> {
        WordIndex {
            rows: Rows::Slice(rows),
            word,
            index: OnceLock::new(),
        }
    }

    /// The first row of `word`.
    ///
    /// Inlined into its callers, which ask it of most words of a text: most
    /// are turned away by the filter in a few instructions, without a call;
    /// the hash lookup of the rest is a call of its own.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&'static T> {
        self.index().get(word)
    }

    /// The rows by word, indexed on first use.
    #[inline]
    fn index(&self) -> &WordMap<&'static T> {
        self.index.get_or_init(|| self.build())
    }

    /// The rows by word.
    #[cold]
    fn build(&self) -> WordMap<&'static T> {
        let rows = match self.rows {
            Rows::Slice(rows) => rows,
            Rows::Words(list, words) => words(list),
        };
        WordMap::new(rows.iter().map(|row| ((self.word)(row), row)))
    }

    /// Whether `word` is in the list.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Whether the lower case of `word` is in the list. An ASCII word (most
    /// words of a text) that the filter rules out is not lowered at all: that
    /// answer is inlined, and the lowering and lookup of the rest is a call.
    #[inline]
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        if word.is_ascii()
            && !self
                .index()
                .filter
                .may_contain_ascii_lowered(word.as_bytes())
        {
            return false;
        }
        self.contains_lowered(word)
    }

    /// Whether `word`, lowered, is in the list.
    #[inline(never)]
    fn contains_lowered(&self, word: &str) -> bool {
        crate::text::with_lower(word, |lower| self.contains(lower))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_scan_of_the_rows() {
        static ROWS: &[(&str, u32)] = &[("a", 1), ("day", 1), ("week", 7), ("day", 2), ("über", 3)];
        static INDEX: WordIndex<(&str, u32)> = WordIndex::new(ROWS, |r| r.0);
        for w in [
            "a", "day", "week", "über", "", "b", "da", "days", "Week", "weak", "ü",
        ] {
            assert_eq!(INDEX.get(w), ROWS.iter().find(|r| r.0 == w), "{w}");
        }
    }

    #[test]
    fn indexes_a_list_of_words() {
        static LIST: Words = Words::new("said\ntold\nsaid\n\u{fc}ber\n");
        static INDEX: WordIndex<&str> = WordIndex::of_words(&LIST);
        for w in ["said", "told", "über", "", "say", "Said", "toldx"] {
            assert_eq!(INDEX.get(w), LIST.iter().find(|r| **r == w), "{w}");
        }
    }

    #[test]
    fn lower_case_answers_as_a_lookup_of_the_word_lowered() {
        static LIST: Words = Words::new("said\nship\n\u{fc}ber\n");
        static INDEX: WordIndex<&str> = WordIndex::of_words(&LIST);
        for w in [
            "said", "Said", "SHIP", "sHiP", "Über", "ÜBER", "", "S", "Ships", "İ",
        ] {
            assert_eq!(
                INDEX.contains_lower(w),
                INDEX.contains(&w.to_lowercase()),
                "{w}"
            );
        }
    }

    #[test]
    fn filter_never_refuses_a_word_inserted() {
        let mut filter = LengthEnds::default();
        let words = ["", "a", "said", "told", "über", "İstanbul", "according"];
        for w in words {
            filter.insert(w);
        }
        assert!(words.iter().all(|w| filter.may_contain(w)));
        let empty = LengthEnds::default();
        assert!(!empty.may_contain("said"));
    }
}
