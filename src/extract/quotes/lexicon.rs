//! Word predicates over the quote stage's word lists: cues, pronouns,
//! titles, particles, and what makes a name a person's.

use super::reading::Reading;
use super::sets::PARTICLES;
use super::sets::{
    DOCUMENT_NOUNS, HONORIFICS, NON_PERSON_HEADS, PHRASE_BREAKS, REPORTING_VERBS, ROLE_NOUNS,
    SENTENCE_STARTERS, SKIPPED_NEAR_CUE, SPEECH_VERBS, TITLES,
};
use crate::extract::word_set::WordSet;
use crate::lexicon::lists::quotes::PRONOUNS;
use crate::lexicon::WordIndex;
use crate::text::hash::FastSet;
use crate::text::with_lower;
use std::sync::OnceLock;

/// Whether `w` is in `list`.
pub(super) fn has(list: &WordSet, w: &str) -> bool {
    list.contains(w)
}

/// Whether word `c` is a speech cue that can introduce or follow a whole quote.
pub(super) fn is_say(rd: &Reading, c: usize) -> bool {
    let l = rd[c].lower.as_str();
    if l == "according" {
        return rd.is(c + 1, "to");
    }
    if l == "pointed" {
        return rd.is(c + 1, "out");
    }
    if l == "so" {
        // German "..., so Scholz."
        return false;
    }
    has(&SPEECH_VERBS, l) || inverted_pronoun(l).is_some_and(|(stem, _)| has(&SPEECH_VERBS, stem))
}

/// Whether word `c` is a cue at all: a speech verb, or a verb reporting
/// speech around a quoted fragment ("accused", "called").
pub(super) fn is_cue(rd: &Reading, c: usize) -> bool {
    is_say(rd, c) || has(&REPORTING_VERBS, &rd[c].lower)
}

/// Whether the lower-case cue `l` is one of the "according to" family, which
/// names its speaker after it.
pub(super) fn is_according(l: &str) -> bool {
    matches!(
        l,
        "according" | "selon" | "laut" | "según" | "secondo" | "segundo" | "данным"
    )
}

/// French inversion in one token: "explique-t-elle" is ("explique", "elle").
pub(super) fn inverted_pronoun(l: &str) -> Option<(&str, &'static str)> {
    for (suffix, pronoun) in [
        ("-t-il", "il"),
        ("-t-elle", "elle"),
        ("-il", "il"),
        ("-elle", "elle"),
        ("-ils", "ils"),
        ("-elles", "elles"),
    ] {
        if let Some(stem) = l.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some((stem, pronoun));
            }
        }
    }
    None
}

/// Whether word `i` is the period of an honorific ("Mr.") that is itself at
/// or after word `from`: such a period ends neither a name nor a sentence.
pub(super) fn honorific_dot(rd: &Reading, i: usize, from: usize) -> bool {
    i > from && rd[i].text == "." && has(&HONORIFICS, &rd[i - 1].lower)
}

/// Whom a subject pronoun is resolved to (the `role` of `PRONOUNS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// The last person named before it: "he", "sie", "él".
    Person,
    /// The last plural organisation or group quoted shortly before: "they".
    Group,
    /// The last organisation or group quoted shortly before: "it".
    Thing,
    /// No one: "we" stays as written.
    Kept,
}

/// What the subject pronoun `w` (lower case) stands for, if it is one.
pub(super) fn pronoun(w: &str) -> Option<Pronoun> {
    static INDEX: WordIndex<(&str, &str)> = WordIndex::new(PRONOUNS, |&(p, _)| p);
    Some(match INDEX.get(w)?.1 {
        "person" => Pronoun::Person,
        "group" => Pronoun::Group,
        "thing" => Pronoun::Thing,
        _ => Pronoun::Kept,
    })
}

/// Whether `w` (lower case) is a subject pronoun that can stand for a speaker.
pub(super) fn is_pronoun(w: &str) -> bool {
    pronoun(w).is_some()
}

/// Whether `w` (lower case) is a document that speaks for its issuer ("statement").
pub(super) fn is_document_noun(w: &str) -> bool {
    has(&DOCUMENT_NOUNS, w)
}

pub(super) fn is_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    if has(&ROLE_NOUNS, w) || w.ends_with("ologist") {
        return true;
    }
    // "GDL-Chef", "Bahn-Personalvorstand": the part after the hyphen.
    if let Some((_, tail)) = w.rsplit_once('-') {
        if !tail.is_empty() && (has(&TITLES, tail) || has(&ROLE_NOUNS, tail)) {
            return true;
        }
    }
    // "Tourist", "Astrophysicist"; compounds ending in a title: "Ministerpräsident", "CDU-Ministerpräsident".
    if w.len() > 6 && w.ends_with("ist") && !w.ends_with("christ") {
        return true;
    }
    if ends_in_long_title(w) {
        return true;
    }
    has(&TITLES, w)
        || w.split('-')
            .next()
            .is_some_and(|p| has(&TITLES, p) && w.contains('-'))
}

/// Whether a proper suffix of `w` is a title or role noun of six or more
/// letters ("Ministerpräsident" in "CDU-Ministerpräsident"): one set lookup
/// per suffix, when one of those titles ends in the last three bytes of `w`.
fn ends_in_long_title(w: &str) -> bool {
    /// The long titles, and the last three bytes of each.
    type Long = (FastSet<&'static str>, FastSet<[u8; 3]>);
    static LONG: OnceLock<Long> = OnceLock::new();
    let (long, ends) = LONG.get_or_init(|| {
        use crate::lexicon::lists::quotes::{ROLE_NOUNS, TITLES};
        let long: FastSet<&'static str> = TITLES
            .iter()
            .chain(ROLE_NOUNS)
            .copied()
            .filter(|t| t.chars().count() >= 6)
            .collect();
        let ends = long.iter().map(|t| last3(t.as_bytes())).collect();
        (long, ends)
    });
    // Every suffix looked up has six bytes or more, and ends as `w` does.
    if w.len() < 7 || !ends.contains(&last3(w.as_bytes())) {
        return false;
    }
    // A title of six or more letters has at least six bytes: shorter suffixes are not looked up.
    w.char_indices()
        .skip(1)
        .take_while(|&(i, _)| w.len() - i >= 6)
        .any(|(i, _)| long.contains(&w[i..]))
}

/// The last three bytes of `b`, which has at least three.
fn last3(b: &[u8]) -> [u8; 3] {
    [b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]]
}

pub(super) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

pub(super) fn is_plural_noun(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !w.ends_with("'s")
        && !has(&PHRASE_BREAKS, w)
        && !has(&SKIPPED_NEAR_CUE, w)
}

pub(super) fn is_particle(w: &str) -> bool {
    has(&PARTICLES, w)
}

pub(super) fn is_person_like(name: &str) -> bool {
    // Two words or more, each capitalized or a particle, none a pronoun, a
    // sentence starter, a weekday or a head that names no person.
    if name.split_whitespace().nth(1).is_none() {
        // One word (most runs): nothing to look up.
        return false;
    }
    let mut words = 0;
    for w in name.split_whitespace() {
        words += 1;
        if !(w.chars().next().is_some_and(char::is_uppercase) || is_particle(w)) {
            return false;
        }
        let excluded = with_lower(w, |l| {
            is_pronoun(l)
                || has(&SENTENCE_STARTERS, l)
                || is_weekday(l)
                || has(&NON_PERSON_HEADS, l)
        });
        if excluded {
            return false;
        }
    }
    words >= 2
}
