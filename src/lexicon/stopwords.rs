//! Stop words of ten languages (see `data/stopwords/README.md` for the source),
//! packed by build.rs like the other lists (sorted, front-coded; see
//! `lexicon::packed`) and read the first time a list is used; a lookup
//! asks a hash index of the list ([`WordMap`]), built on first use too.

use std::sync::OnceLock;

use super::WordMap;

/// One language's stop words, packed, read into a sorted slice on first use.
pub struct StopWords {
    packed: &'static [u8],
    /// Its place in [`STOPWORD_LISTS`], which is also where its words are kept once read.
    slot: usize,
}

macro_rules! list {
    ($lang:literal, $slot:literal) => {
        (
            $lang,
            StopWords {
                packed: include_bytes!(concat!(env!("OUT_DIR"), "/stopwords-", $lang, ".packed")),
                slot: $slot,
            },
        )
    };
}

/// (language code, its stop words): shared with language identification
/// (`extract::identify_language`).
pub const STOPWORD_LISTS: &[(&str, StopWords)] = &[
    list!("en", 0),
    list!("fr", 1),
    list!("de", 2),
    list!("es", 3),
    list!("ru", 4),
    list!("it", 5),
    list!("pt", 6),
    list!("nl", 7),
    list!("pl", 8),
    list!("uk", 9),
];

impl StopWords {
    /// The words, sorted (byte order), each once.
    pub fn words(&self) -> &'static [&'static str] {
        static READ: [OnceLock<&'static [&'static str]>; 10] = [const { OnceLock::new() }; 10];
        READ[self.slot].get_or_init(|| {
            // The keys alone, sliced where each ends: no lines made and split.
            let (keys, ends) =
                super::packed::unpack_keys(self.packed).expect("build.rs packs words alone");
            let keys = String::from_utf8(keys).expect("build.rs writes UTF-8");
            let keys: &'static str = Box::leak(keys.into_boxed_str());
            let mut start = 0;
            let words = ends.iter().map(|&end| {
                let word = &keys[start..end];
                start = end;
                word
            });
            Box::leak(words.collect::<Vec<_>>().into_boxed_slice())
        })
    }

    /// The words one by one, as the lines of the list's file.
    pub fn lines(&self) -> impl Iterator<Item = &'static str> {
        self.words().iter().copied()
    }

    /// The words, hashed for lookups, on first use.
    fn index(&self) -> &'static WordMap<()> {
        static INDEXED: [OnceLock<WordMap<()>>; 10] = [const { OnceLock::new() }; 10];
        INDEXED[self.slot].get_or_init(|| WordMap::new(self.lines().map(|w| (w, ()))))
    }
}

/// The words of every list, hashed for lookups, on first use.
fn any_language() -> &'static WordMap<()> {
    static INDEXED: OnceLock<WordMap<()>> = OnceLock::new();
    INDEXED.get_or_init(|| {
        let words = STOPWORD_LISTS.iter().flat_map(|(_, list)| list.lines());
        WordMap::new(words.map(|w| (w, ())))
    })
}

/// Whether lower-cased `word` is a stopword of language `lang`; with no
/// language (or one without a list), of any language.
pub fn is_stopword_in(word: &str, lang: Option<&str>) -> bool {
    let lists = STOPWORD_LISTS;
    match lang.and_then(|l| lists.iter().find(|(code, _)| *code == l)) {
        Some((_, list)) => list.index().contains(word),
        None => any_language().contains(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_function_words() {
        for (w, lang) in [
            ("the", "en"),
            ("les", "fr"),
            ("und", "de"),
            ("los", "es"),
            ("и", "ru"),
        ] {
            assert!(is_stopword_in(w, Some(lang)), "{w} in {lang}");
            assert!(is_stopword_in(w, None), "{w} in any");
        }
        for w in ["kazakhstan", "protest", "killed", "rally"] {
            assert!(!is_stopword_in(w, None), "{w}");
        }
    }

    /// The hashed lookups answer as a binary search of each list, and of
    /// all of them for no language.
    #[test]
    fn lookups_answer_as_a_search_of_the_lists() {
        let searched = |list: &StopWords, w: &str| list.words().binary_search(&w).is_ok();
        let mut words: Vec<&str> = STOPWORD_LISTS.iter().flat_map(|(_, l)| l.lines()).collect();
        words.extend(["", "a", "kazakhstan", "The", "thes", "о", "unknown-word"]);
        for w in words {
            for (code, list) in STOPWORD_LISTS {
                assert_eq!(
                    is_stopword_in(w, Some(code)),
                    searched(list, w),
                    "{w} in {code}"
                );
            }
            let any = STOPWORD_LISTS.iter().any(|(_, list)| searched(list, w));
            assert_eq!(is_stopword_in(w, None), any, "{w} in any");
            assert_eq!(is_stopword_in(w, Some("xx")), any, "{w} in xx");
        }
    }

    /// Each list holds the words of its file, sorted, in its own slot.
    #[test]
    fn every_list_as_its_file() {
        let files = [
            include_str!("../../data/stopwords/en.txt"),
            include_str!("../../data/stopwords/fr.txt"),
            include_str!("../../data/stopwords/de.txt"),
            include_str!("../../data/stopwords/es.txt"),
            include_str!("../../data/stopwords/ru.txt"),
            include_str!("../../data/stopwords/it.txt"),
            include_str!("../../data/stopwords/pt.txt"),
            include_str!("../../data/stopwords/nl.txt"),
            include_str!("../../data/stopwords/pl.txt"),
            include_str!("../../data/stopwords/uk.txt"),
        ];
        for (slot, ((_, list), file)) in STOPWORD_LISTS.iter().zip(files).enumerate() {
            assert_eq!(list.slot, slot);
            let mut want: Vec<&str> = file.lines().filter(|l| !l.is_empty()).collect();
            want.sort_unstable();
            want.dedup();
            assert_eq!(list.words(), want);
        }
    }
}
