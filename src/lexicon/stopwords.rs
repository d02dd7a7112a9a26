//! Stop words of ten languages (see `data/stopwords/README.md` for the source).

use std::sync::OnceLock;

/// (language code, word list as one newline-separated text): shared with
/// language identification (`extract::identify_language`).
pub const STOPWORD_LISTS: &[(&str, &str)] = &[
    ("en", include_str!("../../data/stopwords/en.txt")),
    ("fr", include_str!("../../data/stopwords/fr.txt")),
    ("de", include_str!("../../data/stopwords/de.txt")),
    ("es", include_str!("../../data/stopwords/es.txt")),
    ("ru", include_str!("../../data/stopwords/ru.txt")),
    ("it", include_str!("../../data/stopwords/it.txt")),
    ("pt", include_str!("../../data/stopwords/pt.txt")),
    ("nl", include_str!("../../data/stopwords/nl.txt")),
    ("pl", include_str!("../../data/stopwords/pl.txt")),
    ("uk", include_str!("../../data/stopwords/uk.txt")),
];

fn parsed() -> &'static [(&'static str, Vec<&'static str>)] {
    static PARSED: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        STOPWORD_LISTS
            .iter()
            .map(|&(lang, text)| {
                let mut words: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
                crate::text::sort::all(&mut words);
                (lang, words)
            })
            .collect()
    })
}

/// Whether lower-cased `word` is a stopword of language `lang`; with no
/// language (or one without a list), of any language.
pub fn is_stopword_in(word: &str, lang: Option<&str>) -> bool {
    let lists = parsed();
    match lang.and_then(|l| lists.iter().find(|(code, _)| *code == l)) {
        Some((_, words)) => words.binary_search(&word).is_ok(),
        None => lists
            .iter()
            .any(|(_, words)| words.binary_search(&word).is_ok()),
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
}
