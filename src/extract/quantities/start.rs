//! Which tokens may start a figure: a cheap test the scanner makes before
//! it tries to read one, so that the ordinary words of a text cost one hash
//! lookup instead of several.
//!
//! The test lets through every token a figure can start at, and a few more:
//! numbers, currency signs, words with a digit first or a hyphen
//! ("twenty-five"), every word of the number, approximate number and vague
//! amount lists, the words `figure` names in its code ("several", "half",
//! "us", ...), and "a" or "an" before a word that makes them a figure. A
//! figure that starts at a new word must add it to [`WORDS`]; the test
//! `start_test_lets_every_figure_through` checks that none is missed on the
//! quantity sentences and the seeds.

use crate::text::hash::FastSet;
use std::sync::OnceLock;

use super::figure::article_may_start;
use super::words::currency_sign;
use crate::lexicon::lists::quantities as lists;
use crate::lexicon::LengthEnds;
use crate::text::{has_hyphen, TokenKind, Word};

/// The words `figure` tests for by name, beyond the word lists.
const WORDS: &[&str] = &[
    "half",
    "tens",
    "hundreds",
    "several",
    "plusieurs",
    "mehrere",
    "varios",
    "varias",
    "few",
    "us",
    "us$",
];

/// Whether a figure may start at token `i` of `w`. Never false where one does.
pub(super) fn may_start(w: &[Word], i: usize) -> bool {
    let t = &w[i];
    match t.kind {
        TokenKind::Number => return true,
        // Of the marks (commas, periods, quotes: many tokens of a text),
        // only a currency sign starts a figure ("$600m").
        TokenKind::Punct => return currency_sign(&t.lower).is_some(),
        TokenKind::Word => {}
    }
    let lower = t.lower.as_str();
    let b = t.text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) || has_hyphen(lower.as_bytes()) {
        return true;
    }
    // "a" and "an", among the commonest words of a text, start a figure only
    // before "couple", "few" or a scale noun: the next word decides, unhashed.
    if matches!(lower, "a" | "an") {
        return article_may_start(w.get(i + 1));
    }
    let (filter, set) = starts();
    filter.may_contain(lower) && set.contains(lower)
}

/// The start words, with the length and end-byte filter that turns most
/// other words away before they are hashed.
type Starts = (LengthEnds, FastSet<&'static str>);

fn starts() -> &'static Starts {
    static STARTS: OnceLock<Starts> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut s = FastSet::default();
        s.extend(WORDS.iter().copied());
        s.extend(lists::NUMBER_WORDS.iter().map(|r| r.0));
        s.extend(lists::APPROXIMATE_NUMBERS.iter().map(|r| r.0));
        s.extend(lists::VAGUE_AMOUNTS.iter().map(|r| r.0));
        let mut filter = LengthEnds::default();
        for w in &s {
            filter.insert(w);
        }
        (filter, s)
    })
}

#[cfg(test)]
mod tests {
    use super::super::figure::figure_at;
    use super::may_start;
    use crate::extract::quotes::Reading;
    use crate::extract::Doc;
    use crate::text::{normalize, segment};

    /// The quantity sentences, the seeds and figures of every kind.
    fn texts() -> Vec<String> {
        let mut out = crate::extract::seed_texts();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/eval/quantities/sentences.json"
        );
        let data = std::fs::read_to_string(path).expect("quantity sentences");
        let v: serde_json::Value = serde_json::from_str(&data).expect("json");
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        strings(&v, &mut out);
        out.push(
            "US$ 5, us $600m, €5 billion, $600m, tens of thousands, hundreds of thousands, \
             a couple of hundred, a couple hundred, dozens of people, several hundred, \
             a few dozen, plusieurs milliers, une trentaine de personnes, half a dozen, \
             a million, three dozen, twenty-five, vingt-cinq, 1 500 человек, 12%."
                .to_string(),
        );
        out
    }

    #[test]
    fn start_test_lets_every_figure_through() {
        for text in texts() {
            let norm = normalize(&text);
            let seg = segment(norm.as_str());
            for language in [Some("en"), Some("fr"), None] {
                let doc = Doc {
                    text: norm.as_str(),
                    seg: &seg,
                    anchor: None,
                    language,
                };
                let rd = Reading::new(&doc);
                for (i, w) in rd.iter().enumerate() {
                    if !may_start(&rd, i) {
                        assert!(
                            figure_at(&doc, &rd, i).is_none(),
                            "{:?} in {text:?}",
                            w.text
                        );
                    }
                }
            }
        }
    }
}
