//! General word frequencies (Zipf scale) for six languages; see
//! `data/wordfreq/README.md` for the source and licence.

use std::collections::HashMap;
use std::sync::OnceLock;

/// (language code, the list deflated by build.rs from `data/wordfreq/<code>.txt`)
const LISTS: &[(&str, &[u8])] = &[
    (
        "en",
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-en.txt.deflate")),
    ),
    (
        "fr",
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-fr.txt.deflate")),
    ),
    (
        "de",
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-de.txt.deflate")),
    ),
    (
        "es",
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-es.txt.deflate")),
    ),
    (
        "ru",
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-ru.txt.deflate")),
    ),
    (
        "it",
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-it.txt.deflate")),
    ),
];

/// The Zipf value given to a word that is in no list: rarer than the rarest listed.
pub const RARE_ZIPF: f32 = 3.0;

type Table = HashMap<&'static str, u8>;

fn table(i: usize) -> &'static Table {
    static TABLES: [OnceLock<Table>; 6] = [const { OnceLock::new() }; 6];
    TABLES[i].get_or_init(|| {
        let mut t = HashMap::new();
        for line in super::inflate(LISTS[i].1).lines() {
            let Some((zipf, words)) = line.split_once('\t') else {
                continue;
            };
            let z: u8 = zipf.parse().unwrap_or(0);
            for w in words.split(' ') {
                t.entry(w).or_insert(z);
            }
        }
        t
    })
}

/// The Zipf frequency of lower-cased `word` (7 for "the", about 5 for
/// "government", under 4 for rare words) in `lang`; with no language or one
/// without a list, the highest over all lists. Words in no list get [`RARE_ZIPF`].
pub fn zipf(word: &str, lang: Option<&str>) -> f32 {
    let found = match lang.and_then(|l| LISTS.iter().position(|(code, _)| *code == l)) {
        Some(i) => table(i).get(word).copied(),
        None => (0..LISTS.len())
            .filter_map(|i| table(i).get(word).copied())
            .max(),
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
}
