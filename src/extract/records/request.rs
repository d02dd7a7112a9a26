//! Who requested or authorized an act: "at the request of Kazakh President
//! Tokayev", "at Tokayev's request", "à la demande de X", "auf Bitte von X",
//! "по просьбе X", "a petición de X". The phrases are
//! `data/words/records/request_cues.tsv`.

use super::lookup::{happening, trigger_stems, At};
use super::Evidence;
use crate::extract::Doc;
use crate::lexicon::lists::records::{ISSUE_STOPS, REQUEST_CUES};
use crate::text::{with_lower, Span};
use std::collections::HashMap;
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
        let phrases = by_first_word().get(lower(doc, words[k]).as_str())?;
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

/// The cue phrases by their first word, so that a word is tried only
/// against the phrases it can open.
fn by_first_word() -> &'static HashMap<&'static str, Vec<(&'static str, &'static str)>> {
    static MAP: OnceLock<HashMap<&str, Vec<(&str, &str)>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<&str, Vec<_>> = HashMap::new();
        for &(phrase, role) in REQUEST_CUES {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            map.entry(first).or_default().push((phrase, role));
        }
        map
    })
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
    while first < words.len() && ARTICLES.contains(&lower(doc, words[first]).as_str()) {
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
        if stops || act || ISSUE_STOPS.contains(&lower(doc, words[end]).as_str()) {
            break;
        }
        end += 1;
    }
    (end > first).then(|| {
        let span = Span::new(words[first].span.start, words[end - 1].span.end);
        Evidence {
            value: span.of(text).to_string(),
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
        value: span.of(doc.text).to_string(),
        span,
    })
}

fn lower(doc: &Doc, w: At) -> String {
    w.span.of(doc.text).to_lowercase()
}
