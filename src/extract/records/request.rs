//! Who requested or authorized an act: "at the request of Kazakh President
//! Tokayev", "at Tokayev's request", "à la demande de X", "auf Bitte von X",
//! "по просьбе X", "a petición de X". The phrases are
//! `data/words/records/request_cues.tsv`.

use super::lookup::{happening, trigger_stems, At};
use super::Evidence;
use crate::extract::Doc;
use crate::lexicon::lists::records::{ISSUE_STOPS, REQUEST_CUES};
use crate::text::hash::FastMap;
use crate::text::{with_lower, Span};
use std::sync::OnceLock;

/// Leading articles left out of a requester's name.
const ARTICLES: [&str; 11] = [
    "the", "la", "le", "les", "l'", "der", "die", "das", "el", "il", "lo",
];

/// The most words a requester's name takes after its cue.
const MAX_WORDS: usize = 8;

/// The requester a sentence names, with the span of the cue that says so.
pub(super) fn requester(doc: &Doc, sentence: Span, words: &[At]) -> Option<(Evidence, Span)> {
    (0..words.len()).find_map(|k| {
        let phrases = opened_by(words[k].span.of(doc.text))?;
        phrases.iter().find_map(|&(phrase, role)| {
            let n = matches_at(doc, words, k, phrase)?;
            let cue = Span::new(words[k].span.start, words[k + n - 1].span.end);
            let name = match role {
                "possessive" => possessor(doc, sentence, words, k),
                _ => name_after(doc, words, k + n),
            }?;
            Some((name, cue))
        })
    })
}

/// A cue phrase and its role.
type Cue = (&'static str, &'static str);

/// The cue phrases by their first word, so that a word is tried only
/// against the phrases it can open.
struct Openers {
    by_first_word: FastMap<&'static str, Vec<Cue>>,
    /// For each ASCII byte, the byte lengths of the ASCII first words that
    /// start with it, as bits (bit 63: 63 bytes or more).
    ascii_lengths: [u64; 128],
}

/// The bit of a byte length in [`Openers::ascii_lengths`].
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

fn openers() -> &'static Openers {
    static OPENERS: OnceLock<Openers> = OnceLock::new();
    OPENERS.get_or_init(|| {
        let mut o = Openers {
            by_first_word: FastMap::default(),
            ascii_lengths: [0; 128],
        };
        for &(phrase, role) in REQUEST_CUES {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            o.by_first_word
                .entry(first)
                .or_default()
                .push((phrase, role));
            if let (true, Some(&b)) = (first.is_ascii(), first.as_bytes().first()) {
                o.ascii_lengths[usize::from(b)] |= length_bit(first.len());
            }
        }
        o
    })
}

/// The cue phrases that word `w` can open (its lower case is their first word).
fn opened_by(w: &str) -> Option<&'static [Cue]> {
    let o = openers();
    // Every word of a sentence is asked. An ASCII word lowers byte for byte
    // to an ASCII word of its length and lowered first byte: most are told
    // from every first word by those two, without lowering.
    if let (true, Some(&b)) = (w.is_ascii(), w.as_bytes().first()) {
        let lengths = o.ascii_lengths[usize::from(b.to_ascii_lowercase())];
        if lengths & length_bit(w.len()) == 0 {
            return None;
        }
    }
    with_lower(w, |l| o.by_first_word.get(l)).map(Vec::as_slice)
}

/// How many words `phrase` covers when it starts at word `k`.
fn matches_at(doc: &Doc, words: &[At], k: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for want in phrase.split(' ') {
        let w = words.get(k + n)?;
        with_lower(w.span.of(doc.text), |l| l == want).then_some(())?;
        n += 1;
    }
    Some(n)
}

/// "Kazakh President Qasim Jomart Tokayev" after "at the request of", up to
/// a comma, a parenthesis, a relative word ("who", "qui", "который") or an
/// event word.
fn name_after(doc: &Doc, words: &[At], from: usize) -> Option<Evidence> {
    let text = doc.text;
    let mut first = from;
    while first < words.len() && is_lower_in(doc, words[first], &ARTICLES) {
        first += 1;
    }
    let mut end = first;
    while end < words.len().min(first + MAX_WORDS) {
        let gap_from = words[end.max(1) - 1].span.end.min(words[end].span.start);
        let gap = &text[gap_from..words[end].span.start];
        let stops = end > first && gap.contains([',', ';', ':', '(', '.', '"', '“', '«']);
        // The act's own word ends it ("auf Bitte von Präsident Tokajew entsandt").
        let word = words[end].span.of(text);
        let act = happening(word).is_some() || trigger_stems().at(word).is_some();
        if stops || act || is_lower_in(doc, words[end], ISSUE_STOPS) {
            break;
        }
        end += 1;
    }
    (end > first).then(|| {
        let span = Span::new(words[first].span.start, words[end - 1].span.end);
        Evidence {
            value: span.of(text).into(),
            span,
        }
    })
}

/// "Tokayev" in "at Tokayev's request": the capitalized words just before a
/// possessive "'s" that ends right before word `k`.
fn possessor(doc: &Doc, sentence: Span, words: &[At], k: usize) -> Option<Evidence> {
    let before = doc.text[sentence.start..words[k].span.start].trim_end();
    let stem = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))?;
    let end = sentence.start + stem.len();
    let mut first = None;
    for w in words[..k].iter().rev().take(6) {
        if w.span.start >= end {
            continue;
        }
        if !w.span.of(doc.text).starts_with(char::is_uppercase) {
            break;
        }
        first = Some(w.span.start);
    }
    let span = Span::new(first?, end);
    Some(Evidence {
        value: span.of(doc.text).into(),
        span,
    })
}

/// Whether the lower case of word `w` is one of `list`.
fn is_lower_in(doc: &Doc, w: At, list: &[&str]) -> bool {
    with_lower(w.span.of(doc.text), |l| list.contains(&l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opened_by_answers_as_the_map_of_the_lower_case() {
        let map = &openers().by_first_word;
        let mut words: Vec<String> = ["", "a", "A", "At", "AT", "of", "À", "ПО", "İn", "Request"]
            .map(String::from)
            .to_vec();
        words.push("a".repeat(70));
        for first in map.keys() {
            words.push(first.to_string());
            words.push(first.to_uppercase());
            words.push(format!("{first}s"));
            words.push(first.chars().skip(1).collect());
        }
        for w in &words {
            let want = map.get(w.to_lowercase().as_str()).map(Vec::as_slice);
            assert_eq!(opened_by(w), want, "{w:?}");
        }
        assert!(opened_by("At").is_some() && opened_by("по").is_some());
    }
}
