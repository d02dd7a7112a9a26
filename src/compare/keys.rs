//! The keys under which two spellings of one thing compare equal.
//!
//! | key | of | folds |
//! | --- | --- | --- |
//! | [`word_key`] | a word | case, a trailing possessive, a plural |
//! | [`sentence_keys`] | each sentence of an article | its content words' keys, stop words left out |
//! | [`count_key`] | a reported figure | what it counts, synonyms joined ("dead" = "killed") |
//! | [`name_key`] | an entity name | case, accents, punctuation |
//!
//! A leaf module: similarity, alignment and the fact diff all read these keys,
//! and this module reads none of them.
//!
//! ```
//! use storydiff::compare::{name_key, word_key};
//! assert_eq!(word_key("Russia's"), "russia");
//! assert_eq!(name_key("Stéphane Dujarric"), name_key("stephane dujarric"));
//! ```

use crate::article::Article;
use crate::extract::Quantity;
use crate::lexicon::{self, lists, WordMap};
use crate::text::hash::FastSet as HashSet;
use crate::text::{Token, TokenKind};
use std::sync::OnceLock;

/// The key of a figure whose count word is unknown: such figures are not compared.
pub const UNCOUNTED: &str = "count";

/// Whether a word is long enough to say what a report is about: three
/// letters or more, or two in the scripts whose characters are morphemes
/// (Chinese characters, katakana: "台風", "四川"). A word of hiragana, mostly
/// grammar ("する", "こと"), needs three like any other.
pub fn is_content_length(w: &str) -> bool {
    let mut chars = w.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    chars.next().is_some() || (is_morpheme_char(a) && is_morpheme_char(b))
}

/// The content words of a sentence's tokens, with the index of the token
/// each starts at: its words of [`is_content_length`], and, where the
/// segmenter cut a run of Chinese characters into single ones ("台", "風"),
/// each two that touch ("台風"), as word search in those scripts reads them.
pub fn content_words<'t>(text: &'t str, tokens: &[Token]) -> Vec<(usize, &'t str)> {
    let ideograph = |t: &Token| {
        let mut c = t.span.of(text).chars();
        t.kind == TokenKind::Word && c.next().is_some_and(is_ideograph) && c.next().is_none()
    };
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.span.of(text);
        if is_content_length(w) {
            out.push((i, w));
        } else if let Some(next) = tokens.get(i + 1) {
            if next.span.start == t.span.end && ideograph(t) && ideograph(next) {
                out.push((i, &text[t.span.start..next.span.end]));
            }
        }
    }
    out
}

/// A CJK unified ideograph.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// A CJK unified ideograph or a katakana letter.
fn is_morpheme_char(c: char) -> bool {
    is_ideograph(c) || matches!(c, '\u{30A1}'..='\u{30FA}')
}

/// Lower case, trailing possessive and plural folded ("Russia's" -> "russia", "rallies" -> "rally").
pub fn word_key(w: &str) -> String {
    // Most words are ASCII, which lowers byte by byte.
    let mut s = if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    };
    for suffix in ["'s", "’s"] {
        if s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
        }
    }
    if s.len() > 4 && s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if s.len() > 3 && s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") {
        s.pop();
    }
    s
}

/// The content-word keys of every sentence of `article`: the [`word_key`] of
/// each word and number of two characters or more that is not a stop word of
/// the article's language.
pub(crate) fn sentence_keys(article: &Article) -> Vec<HashSet<String>> {
    let text = article.analysis_text();
    let lang = article.language();
    (0..article.seg.sentences.len())
        .map(|i| {
            article
                .seg
                .sentence_tokens(i)
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                .map(|t| word_key(t.span.of(text)))
                .filter(|k| k.chars().count() >= 2 && !lexicon::is_stopword_in(k, lang))
                .collect()
        })
        .collect()
}

/// What a quantity counts, with synonyms folded ("dead" and "killed"): what
/// happened to the counted ("13 members ... were killed" counts the killed),
/// else the counted noun, else [`UNCOUNTED`]. The synonyms are
/// `data/words/compare/count_synonyms.tsv`.
pub fn count_key(q: &Quantity) -> String {
    let unit = q
        .counts
        .as_deref()
        .or(q.unit.as_deref())
        .unwrap_or(UNCOUNTED)
        .to_lowercase();
    match count_synonyms().get(&unit) {
        Some(key) => key.to_string(),
        None => unit,
    }
}

/// Count word -> the key its synonyms share, built once.
fn count_synonyms() -> &'static WordMap<&'static str> {
    static SYNONYMS: OnceLock<WordMap<&'static str>> = OnceLock::new();
    SYNONYMS.get_or_init(|| WordMap::new(lists::compare::COUNT_SYNONYMS.iter().copied()))
}

/// The Dice coefficient of two sets of keys: twice what they share over
/// their sizes together; 0 where either is empty.
pub(super) fn dice(x: &HashSet<String>, y: &HashSet<String>) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    dice_of_shared(x.intersection(y).count(), x.len(), y.len())
}

/// [`dice`] of two sets of `x` and `y` keys (not both empty) that share
/// `shared`, for a caller that has counted what they share already.
pub(super) fn dice_of_shared(shared: usize, x: usize, y: usize) -> f64 {
    2.0 * shared as f64 / (x + y) as f64
}

/// The key two spellings of one name share when nothing better is known:
/// lower case, accents and punctuation folded ("Stéphane" = "Stephane").
pub fn name_key(name: &str) -> String {
    if name.is_ascii() {
        // ASCII has no accents and lowers letter by letter: no decomposition,
        // and the words are the runs of letters and digits.
        let mut key = String::with_capacity(name.len());
        for word in (name.split(|c: char| !c.is_ascii_alphanumeric())).filter(|w| !w.is_empty()) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return key;
    }
    let folded: String = crate::lexicon::unicode::nfd(name)
        .into_iter()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Hedge;
    use crate::text::Span;

    fn counting(unit: &str) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            low: None,
            high: None,
            hedge: Hedge::Exact,
            unit: Some(unit.to_string()),
            counts: None,
            source: None,
        }
    }

    #[test]
    fn two_characters_make_a_word_in_ideographs_and_katakana_only() {
        assert!(is_content_length("storm") && is_content_length("台風"));
        assert!(is_content_length("ダム") && is_content_length("気象庁"));
        assert!(!is_content_length("of") && !is_content_length("こと"));
        assert!(!is_content_length("号") && is_content_length("による"));
    }

    #[test]
    fn word_keys_fold_possessives_and_plurals() {
        for (w, want) in [
            ("Russia's", "russia"),
            ("rallies", "rally"),
            ("protests", "protest"),
            ("press", "press"),
            ("status", "status"),
            ("NATO's", "nato"),
            ("Élysée’s", "élysée"),
            ("ÉTATS", "état"),
        ] {
            assert_eq!(word_key(w), want, "{w}");
        }
    }

    #[test]
    fn folds_count_synonyms() {
        assert_eq!(count_key(&counting("dead")), "killed");
        assert_eq!(count_key(&counting("Wounded")), "injured");
        assert_eq!(count_key(&counting("troops")), "troops");
    }

    #[test]
    fn count_synonyms_are_listed_once() {
        let indexed = count_synonyms().iter().count();
        assert_eq!(indexed, lists::compare::COUNT_SYNONYMS.len());
    }

    #[test]
    fn name_keys_fold_case_accents_and_punctuation() {
        assert_eq!(name_key("Kassym-Jomart  Tokayev"), "kassym jomart tokayev");
        assert_eq!(name_key("Stéphane"), "stephane");
    }
}
