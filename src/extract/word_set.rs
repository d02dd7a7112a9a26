//! [`WordSet`]: a sorted compiled-in word list (`lexicon::lists`) asked
//! "is this word in it?" through a hash index built on first use, instead of
//! a binary search of string compares; both give the same answers, and the
//! lists stay sorted (their tests check it) so that either works.
//!
//! [`word_sets!`] declares one `static` set per list, under the list's own
//! name, so that a stage reads `has(&ROLE_NOUNS, w)` as it read the list.

use crate::lexicon::lists::Words;
use crate::lexicon::WordIndex;

/// A word list with a hash index of its words (see the module documentation):
/// a [`WordIndex`] of the words themselves, with its length and end-byte
/// filter in front of the hash.
pub(crate) struct WordSet(WordIndex<&'static str>);

impl WordSet {
    /// The set of the words of `list`.
    pub(crate) const fn new(list: &'static Words) -> WordSet {
        WordSet(WordIndex::of_words(list))
    }

    /// Whether `word` is in the list.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// Whether the lower case of `word` is in the list.
    #[inline]
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        self.0.contains_lower(word)
    }
}

/// Whether lower-case `word` is an English function word: what
/// [`crate::lexicon::is_stopword`] answers, by hash instead of a binary search.
#[inline]
pub(crate) fn is_function_word(word: &str) -> bool {
    static FUNCTION_WORDS: WordSet = WordSet::new(crate::lexicon::lists::lexicon::FUNCTION_WORDS);
    FUNCTION_WORDS.contains(word)
}

/// Declares `pub(crate) static NAME: WordSet` for each list `NAME` of the
/// module `$lists` (a path brought into scope with `use ... as`).
macro_rules! word_sets {
    ($lists:ident: $($name:ident),+ $(,)?) => {
        $(
            pub(crate) static $name: $crate::extract::word_set::WordSet =
                $crate::extract::word_set::WordSet::new($lists::$name);
        )+
    };
}
pub(crate) use word_sets;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_binary_search_of_the_list() {
        static LIST: Words = Words::new("according\nsaid\ntold\n\u{fc}ber\n");
        static SET: WordSet = WordSet::new(&LIST);
        for w in [
            "according",
            "said",
            "told",
            "über",
            "",
            "say",
            "Said",
            "tol",
            "toldx",
        ] {
            assert_eq!(SET.contains(w), LIST.binary_search(&w).is_ok(), "{w}");
        }
    }

    #[test]
    fn function_words_as_the_lexicon_answers() {
        for &w in crate::lexicon::lists::lexicon::FUNCTION_WORDS {
            assert!(is_function_word(w), "{w}");
        }
        for w in ["the", "of", "said", "The", "almaty", "", "thee"] {
            assert_eq!(is_function_word(w), crate::lexicon::is_stopword(w), "{w}");
        }
    }
}
