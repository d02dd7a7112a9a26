//! General word frequencies (Zipf scale) for six languages; see
//! `data/wordfreq/README.md` for the source and licence.

use super::{Lines, SortedLines, SplitLines};

/// (language code, `word<TAB>z` lines sorted by build.rs from
/// `data/wordfreq/<code>.txt`, `z` the one character whose code is the
/// Zipf value × 10): English in the core, the others in the
/// language pack (`lexicon::pack`), whose part holds the whole list.
static LISTS: [(&str, SplitLines); 6] = [
    (
        "en",
        SplitLines::new(packed_list!("wordfreq-en"), "wordfreq-en", |_| false),
    ),
    (
        "fr",
        SplitLines::new(SortedLines::packed(b""), "wordfreq-fr", |_| true),
    ),
    (
        "de",
        SplitLines::new(SortedLines::packed(b""), "wordfreq-de", |_| true),
    ),
    (
        "es",
        SplitLines::new(SortedLines::packed(b""), "wordfreq-es", |_| true),
    ),
    (
        "ru",
        SplitLines::new(SortedLines::packed(b""), "wordfreq-ru", |_| true),
    ),
    (
        "it",
        SplitLines::new(SortedLines::packed(b""), "wordfreq-it", |_| true),
    ),
];

/// The Zipf value given to a word that is in no list: rarer than the rarest listed.
pub const RARE_ZIPF: f32 = 3.0;

/// The Zipf value × 10 of `word` in list `i`.
fn lookup(i: usize, word: &str) -> Option<u8> {
    match LISTS[i].1.get(word)? {
        // build.rs writes the value as one character whose code it is.
        [z] => Some(*z),
        _ => panic!("build.rs writes one byte"),
    }
}

/// [`SplitLines::check_search`] over every list: the number of lines.
#[cfg(test)]
pub(super) fn check_search() -> usize {
    LISTS.iter().map(|(_, list)| list.check_search()).sum()
}

/// The Zipf frequency of lower-cased `word` (7 for "the", about 5 for
/// "government", under 4 for rare words) in `lang`; with no language or one
/// without a list, the highest over all lists. Words in no list get [`RARE_ZIPF`].
pub fn zipf(word: &str, lang: Option<&str>) -> f32 {
    let found = match lang.and_then(|l| LISTS.iter().position(|(code, _)| *code == l)) {
        Some(i) => lookup(i, word),
        None => (0..LISTS.len()).filter_map(|i| lookup(i, word)).max(),
    };
    found.map_or(RARE_ZIPF, |z| f32::from(z) / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_common_before_rare() {
        let the = zipf("the", Some("en"));
        let government = zipf("government", Some("en"));
        let unrest = zipf("unrest", Some("en"));
        assert!(the > 7.0, "{the}");
        assert!(government > 4.5 && government < the, "{government}");
        assert!(unrest < government, "{unrest}");
        assert!(zipf("gouvernement", Some("fr")) > 4.0);
        assert!(zipf("regierung", None) > 4.0);
    }

    /// Every word of the English file gets the value of its first line.
    #[test]
    fn every_english_word_as_in_its_file() {
        let mut seen = std::collections::HashSet::new();
        for line in include_str!("../../data/wordfreq/en.txt").lines() {
            let Some((z, words)) = line.split_once('\t') else {
                continue;
            };
            let z: u8 = z.parse().unwrap();
            for w in words.split(' ').filter(|w| seen.insert(*w)) {
                assert_eq!(lookup(0, w), Some(z), "{w}");
            }
        }
        assert!(seen.len() > 5000);
    }
}
